"""Texts for problems found while checking the score table and computing a result."""

MESSAGES = {
    "table.unknown_entry": (
        "Peserta {entry_id!r} tidak ada dalam daftar peserta",
        "Entry {entry_id!r} is not in the entries list",
    ),
    "table.wrong_category": (
        "Peserta {entry_id!r} terdaftar di kategori {expected!r}, bukan {given!r}",
        "Entry {entry_id!r} is registered in category {expected!r}, not {given!r}",
    ),
    "table.unknown_criterion": (
        "Kriteria {criterion_id!r} tidak dinilai pada kategori {category!r}",
        "Criterion {criterion_id!r} is not scored in category {category!r}",
    ),
    "table.duplicate_score": (
        "Juri {judge!r} memberi nilai dua kali untuk {entry_id!r} pada {criterion_id!r} "
        "(juga di {other})",
        "Judge {judge!r} scored {entry_id!r} on {criterion_id!r} twice (also at {other})",
    ),
    "table.not_a_number": (
        "Nilai bukan angka untuk {entry_id!r} pada {criterion_id!r}",
        "The score for {entry_id!r} on {criterion_id!r} is not a number",
    ),
    "table.out_of_range": (
        "Nilai {score} di luar skala {min}–{max}",
        "Score {score} is outside the scale {min}–{max}",
    ),
    "table.off_step": (
        "Nilai {score} tidak sesuai kelipatan {step} (skala {min}–{max})",
        "Score {score} is not a multiple of {step} (scale {min}–{max})",
    ),
    "score.incomplete": (
        "Juri {judge!r} belum memberi nilai {entry_id!r} pada: {criteria}",
        "Judge {judge!r} gave {entry_id!r} no score on: {criteria}",
    ),
    "score.filled_minimum": (
        "Juri {judge!r} tidak memberi nilai {entry_id!r} pada: {criteria}; dihitung sebagai "
        "nilai terendah skala (aturan rubrik)",
        "Judge {judge!r} gave {entry_id!r} no score on: {criteria}; counted as the scale's "
        "minimum (rubric rule)",
    ),
    "score.judge_excluded": (
        "Juri {judge!r} tidak lengkap menilai {entry_id!r} (tanpa nilai pada: {criteria}); "
        "nilai juri ini untuk peserta tersebut tidak dihitung (aturan rubrik)",
        "Judge {judge!r} did not fully score {entry_id!r} (no score on: {criteria}); this "
        "judge's marks for it are left out (rubric rule)",
    ),
    "entry.unscored": (
        "Peserta {entry_id!r} ({name}) tidak dinilai oleh juri mana pun dan tidak diperingkat",
        "Entry {entry_id!r} ({name}) has no scores from any judge and is not ranked",
    ),
    "scores.none": (
        "Belum ada nilai yang dapat dihitung",
        "There are no scores to compute a result from",
    ),
    "panel.trim_fallback": (
        "Kategori {category}: {count} peserta dinilai kurang dari {min_judges} juri; untuk "
        "mereka dipakai rata-rata biasa, tanpa membuang nilai tertinggi/terendah",
        "Category {category}: {count} entries were scored by fewer than {min_judges} judges; "
        "for them the plain mean is used, without dropping the highest/lowest",
    ),
    "panel.rank_sum_incomplete": (
        "Jumlah peringkat butuh setiap juri menilai setiap peserta kategori {category}; "
        "juri {judge!r} tidak menilai: {entries}",
        "Rank sum needs every judge to score every entry of category {category}; "
        "judge {judge!r} did not score: {entries}",
    ),
    "panel.rank_percentile": (
        "persentil peringkat (peringkat tiap juri di antara peserta yang ia nilai; tertinggi "
        "menang)",
        "rank percentile (each judge's ranks among the entries that judge scored; highest "
        "wins)",
    ),
    "panel.rank_disconnected": (
        "Kategori {category}: persentil peringkat butuh para juri saling terhubung lewat "
        "peserta yang sama, tetapi mereka terbagi dalam {count} kelompok: {groups}. "
        "Tambahkan peserta yang dinilai juri dari kelompok berbeda",
        "Category {category}: the rank percentile needs the judges linked through common "
        "entries, but they fall into {count} groups: {groups}. Have some entries scored by "
        "judges of different groups",
    ),
    "tie.unresolved": (
        "Kategori {category}: {names} tetap sama di peringkat {rank} setelah semua penentu "
        "seri; juara kembar, atau panitia yang memutuskan",
        "Category {category}: {names} stay tied at rank {rank} after every tie-break; "
        "shared place, or the organisers decide",
    ),
}
