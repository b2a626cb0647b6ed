"""Texts for fairness: judge normalisation, judge diagnostics, rank confidence, sensitivity.

Placeholders hold text the caller has already formatted (judge lists, percentages), so that
every message reads the same in the app, the exports and the CLI.
"""

MESSAGES = {
    # --- normalisation methods (labels for the app and exports) -----------------------------
    "fairness.method.none": ("tanpa normalisasi", "no normalisation"),
    "fairness.method.zscore": (
        "skor-z per juri (dikembalikan ke rata-rata dan sebaran panel)",
        "z-score per judge (rescaled to the panel's mean and spread)",
    ),
    "fairness.method.severity": (
        "model kelonggaran juri (nilai = mutu peserta + selisih juri)",
        "judge severity model (score = entry quality + judge offset)",
    ),
    "fairness.method.leniency_spread": (
        "model kelonggaran dan sebaran juri (nilai = a + b × mutu peserta)",
        "judge leniency-and-spread model (score = a + b × entry quality)",
    ),
    # --- normalisation problems ------------------------------------------------------------
    "fairness.too_few_scores": (
        "Kategori {category}: normalisasi '{method}' butuh sedikitnya {min_scores} nilai dari "
        "setiap juri; terlalu sedikit: {judges}",
        "Category {category}: normalisation '{method}' needs at least {min_scores} scores from "
        "every judge; too few: {judges}",
    ),
    "fairness.disconnected": (
        "Kategori {category}: para juri terbagi dalam {count} kelompok yang tidak pernah "
        "menilai peserta yang sama, langsung maupun lewat juri lain: {groups}. Kelonggaran "
        "juri antarkelompok tidak dapat dibandingkan; tambahkan peserta yang dinilai juri dari "
        "kelompok berbeda",
        "Category {category}: the judges fall into {count} groups that never scored a common "
        "entry, directly or through other judges: {groups}. Their severity cannot be compared "
        "across groups; have some entries scored by judges of different groups",
    ),
    "fairness.zscore_uneven": (
        "Kategori {category}: tidak semua juri menilai peserta yang sama; skor-z hanya adil "
        "bila tiap juri menilai bagian peserta yang sebanding dan acak. Model kelonggaran juri "
        "lebih aman untuk susunan ini",
        "Category {category}: not every judge scored the same entries; z-scores are fair only "
        "when each judge sees a comparable random share of the entries. The severity model is "
        "safer for this design",
    ),
    "fairness.constant_judge": (
        "Kategori {category}: juri {judge!r} memberi nilai total yang sama ({total}) untuk "
        "semua peserta; skor-z tidak terdefinisi, nilainya diganti rata-rata panel",
        "Category {category}: judge {judge!r} gave every entry the same total ({total}); a "
        "z-score is undefined, so the panel's mean is used for this judge",
    ),
    "fairness.flat_slope": (
        "Kategori {category}: nilai juri {judge!r} hampir tidak mengikuti urutan panel "
        "(kemiringan {slope}); kemiringan ditahan pada {floor} agar penilaian juri ini tidak "
        "begitu saja diganti penilaian juri lain",
        "Category {category}: judge {judge!r}'s scores barely follow the panel's order "
        "(slope {slope}); the slope is held at {floor} so that this judge's view is not "
        "simply replaced by the others'",
    ),
    "fairness.not_converged": (
        "Kategori {category}: model kelonggaran dan sebaran belum stabil setelah {iterations} "
        "putaran; hasilnya perkiraan",
        "Category {category}: the leniency-and-spread model did not settle after {iterations} "
        "iterations; its figures are approximate",
    ),
    "fairness.normalisation_not_applied": (
        "Normalisasi '{method}' tidak diterapkan: ia bekerja pada total setiap juri, tidak "
        "pada jumlah peringkat atau penggabungan per kriteria",
        "Normalisation '{method}' was not applied: it works on each judge's total, not on a "
        "rank sum or a per-criterion panel",
    ),
    "fairness.clipped": (
        "Kategori {category}: {count} nilai juri setelah normalisasi keluar dari rentang "
        "{low}–{high} dan dipotong ke batasnya",
        "Category {category}: {count} judge totals fell outside {low}–{high} after "
        "normalisation and were cut to the limit",
    ),
    # --- judge diagnostics -------------------------------------------------------------------
    "fairness.judge_disagrees": (
        "Kategori {category}: urutan peserta dari juri {judge!r} jauh berbeda dari juri lain "
        "(korelasi peringkat {rho} terhadap rata-rata juri lain)",
        "Category {category}: judge {judge!r} orders the entries very differently from the "
        "others (rank correlation {rho} with the others' mean)",
    ),
    "fairness.judge_flat": (
        "Kategori {category}: juri {judge!r} memberi nilai yang hampir sama untuk semua "
        "peserta (sebaran {spread}, juri lain sekitar {others})",
        "Category {category}: judge {judge!r} gives nearly the same total to every entry "
        "(spread {spread}, the others about {others})",
    ),
    "fairness.judge_outlier": (
        "Kategori {category}: juri {judge!r} memberi {entry_id!r} nilai {total}, sedangkan "
        "rata-rata juri lain {others} ({sds} kali sebaran biasa)",
        "Category {category}: judge {judge!r} gave {entry_id!r} {total} while the others "
        "averaged {others} ({sds} times the usual spread)",
    ),
    # --- rank confidence ---------------------------------------------------------------------
    "fairness.too_close": (
        "Kategori {category}: {place} untuk {name} terlalu tipis untuk dipastikan — peluangnya "
        "{percent}% (batas {threshold}%), selisih dengan peserta berikutnya {margin}",
        "Category {category}: {place} for {name} is too close to call — its probability is "
        "{percent}% (threshold {threshold}%), margin to the next entry {margin}",
    ),
    "fairness.one_judge_decides": (
        "Kategori {category}: tanpa juri {judge!r}, {name} turun dari {place} ke peringkat "
        "{rank}, di luar juara",
        "Category {category}: without judge {judge!r}, {name} would fall from {place} to rank "
        "{rank}, out of the awards",
    ),
    # --- sensitivity -------------------------------------------------------------------------
    "fairness.place_changes": (
        "Kategori {category}: {count} peserta berganti peringkat juara bila aturan panel atau "
        "normalisasi diganti: {names}",
        "Category {category}: {count} entries change award place under another panel rule or "
        "normalisation: {names}",
    ),
    # --- column labels -------------------------------------------------------------------------
    "fairness.col.offset": ("selisih juri", "judge offset"),
    "fairness.col.slope": ("sebaran relatif", "relative spread"),
    "fairness.col.spread": ("sebaran", "spread"),
    "fairness.col.correlation": ("korelasi dengan juri lain", "correlation with the others"),
    "fairness.col.rank_correlation": ("korelasi peringkat", "rank correlation"),
    "fairness.col.others_mean": ("rata-rata juri lain", "the others' mean"),
    "fairness.col.difference_sds": ("selisih (× sebaran)", "difference (× spread)"),
    "fairness.col.probability": ("peluang", "probability"),
    "fairness.col.rank_interval": ("rentang peringkat", "rank interval"),
    "fairness.col.margin_next": ("selisih dengan berikutnya", "margin to the next"),
    "fairness.col.too_close": ("terlalu tipis", "too close to call"),
    "fairness.col.changed": ("berubah", "changed"),
    "fairness.col.official_rank": ("peringkat resmi", "official rank"),
}
