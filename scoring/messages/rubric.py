"""Texts for problems in rubric files."""

MESSAGES = {
    "rubric.invalid_yaml": (
        "Berkas rubrik bukan YAML yang sah (baris {line}, kolom {column}): {reason}",
        "The rubric file is not valid YAML (line {line}, column {column}): {reason}",
    ),
    "rubric.not_a_mapping": (
        "Rubrik harus berupa peta kunci: nilai di tingkat teratas",
        "The rubric must be a mapping of key: value at the top level",
    ),
    "rubric.missing_key": ("Kunci wajib tidak ada", "A required key is missing"),
    "rubric.unknown_key": (
        "Kunci tidak dikenal (salah ketik?)",
        "Unknown key (a typo?)",
    ),
    "rubric.wrong_type": (
        "Jenis nilai salah: harus {expected_id}, tertulis {given!r}",
        "Wrong type of value: must be {expected_en}, found {given!r}",
    ),
    "rubric.not_one_of": (
        "Nilai {given!r} tidak dikenal; pilih salah satu dari {expected}",
        "Unknown value {given!r}; choose one of {expected}",
    ),
    "rubric.too_small": (
        "Nilai {given!r} terlalu kecil: harus {op} {limit}",
        "Value {given!r} is too small: must be {op} {limit}",
    ),
    "rubric.too_short": (
        "Daftar ini harus berisi paling sedikit {min_length} butir",
        "This list needs at least {min_length} items",
    ),
    "rubric.invalid": ("Nilai tidak sah: {reason}", "Invalid value: {reason}"),
    "rubric.weight_not_positive": (
        "Bobot harus lebih besar dari 0, tertulis {given!r}",
        "The weight must be greater than 0, found {given!r}",
    ),
    "rubric.scale_range": (
        "Skala tidak sah: min ({min}) harus lebih kecil dari max ({max})",
        "Invalid scale: min ({min}) must be less than max ({max})",
    ),
    "rubric.scale_step": (
        "Langkah {step} tidak pas dengan rentang {min}–{max}: (max − min) harus kelipatan langkah",
        "Step {step} does not fit the range {min}–{max}: (max − min) must be a multiple of step",
    ),
    "rubric.scale_negative": (
        "Dengan bobot persen, skala harus mulai dari 0 atau lebih (min = {min})",
        "With percentage weights the scale must start at 0 or above (min = {min})",
    ),
    "rubric.node_shape": (
        "Kriteria harus punya tepat salah satu: 'scale' (kriteria yang dinilai) atau "
        "'children' (kelompok kriteria)",
        "A criterion needs exactly one of 'scale' (a scored criterion) or 'children' "
        "(a group of criteria)",
    ),
    "rubric.level_outside_scale": (
        "Panduan tingkat {min}–{max} berada di luar skala {scale_min}–{scale_max}",
        "Guidance level {min}–{max} lies outside the scale {scale_min}–{scale_max}",
    ),
    "rubric.duplicate_id": (
        "Id {id!r} dipakai lebih dari sekali (juga di {other})",
        "Id {id!r} is used more than once (also at {other})",
    ),
    "rubric.input_needs_scale": (
        "Masukan berjenis angka perlu 'scale' (min dan max)",
        "A number input needs a 'scale' (min and max)",
    ),
    "rubric.input_yes_no_scale": (
        "Masukan ya/tidak tidak memakai 'scale' (nilainya 1 atau 0)",
        "A yes/no input takes no 'scale' (its values are 1 or 0)",
    ),
    "rubric.input_default_outside": (
        "Nilai bawaan {default} di luar skala {min}–{max}",
        "The default {default} lies outside the scale {min}–{max}",
    ),
    "rubric.unknown_input": (
        "Masukan {id!r} tidak ada dalam 'inputs' rubrik (yang ada: {known})",
        "Input {id!r} is not among the rubric's 'inputs' (known: {known})",
    ),
    "rubric.convert_needs_points": (
        "Tabel konversi 'convert' hanya dapat dipakai dengan 'weighting: points'",
        "A conversion table ('convert') needs 'weighting: points'",
    ),
    "rubric.convert_on_group": (
        "Tabel konversi 'convert' hanya untuk kriteria yang dinilai (dengan 'scale')",
        "A conversion table ('convert') belongs on a scored criterion (with a 'scale')",
    ),
    "rubric.convert_missing_grade": (
        "Tabel konversi tidak memuat nilai {grades} dari skala",
        "The conversion table lacks the marks {grades} of the scale",
    ),
    "rubric.shortlist_shape": (
        "Daftar pendek perlu tepat salah satu: 'best' (jumlah terbaik) atau 'min_total'",
        "A shortlist needs exactly one of 'best' (how many advance) or 'min_total'",
    ),
    "rubric.stage_gate_shape": (
        "Tahap 'gate' hanya berisi 'inputs' (masukan ya/tidak), tanpa kriteria, panel, "
        "rumus atau daftar pendek",
        "A 'gate' stage has only 'inputs' (yes/no inputs): no criteria, panel, formula or "
        "shortlist",
    ),
    "rubric.stage_scored_shape": (
        "Tahap yang dinilai perlu 'criteria' dan tidak memakai 'inputs'",
        "A scored stage needs 'criteria' and takes no 'inputs'",
    ),
    "rubric.stage_overlap": (
        "Kriteria {id!r} sudah dinilai di tahap {other!r}; setiap kriteria hanya di satu tahap",
        "Criterion {id!r} is already scored in stage {other!r}; each criterion belongs to one "
        "stage",
    ),
    "rubric.gate_not_yes_no": (
        "Masukan {id!r} pada tahap 'gate' harus berjenis ya/tidak ('kind: yes_no')",
        "Input {id!r} of a 'gate' stage must be yes/no ('kind: yes_no')",
    ),
    "rubric.unknown_stage": (
        "Tahap {id!r} bukan tahap yang dinilai (yang ada: {known})",
        "Stage {id!r} is not a scored stage (known: {known})",
    ),
    "rubric.total_with_stages": (
        "Dengan 'stages', rumus nilai ditulis per tahap ('stages[i].total'), bukan di 'total'",
        "With 'stages', a total formula belongs to each stage ('stages[i].total'), not to "
        "'total'",
    ),
    "rubric.formula_with_rank_panel": (
        "Rumus nilai tidak dapat dipakai dengan aturan panel {rule!r}: peringkat diputuskan "
        "oleh jumlah peringkat, bukan oleh nilai",
        "A total formula cannot be used with the panel rule {rule!r}: ranks are decided by "
        "the judges' ranks, not by the total",
    ),
    "formula.empty": ("Rumus kosong", "The formula is empty"),
    "formula.syntax": (
        "Rumus {formula!r} tidak dapat dibaca di posisi {position}: {reason}",
        "The formula {formula!r} cannot be read at position {position}: {reason}",
    ),
    "formula.not_allowed": (
        "Rumus {formula!r}, posisi {position}: {part!r} tidak diizinkan; yang boleh hanya "
        "angka, nama, + − * /, tanda kurung, min(…) dan max(…)",
        "Formula {formula!r}, position {position}: {part!r} is not allowed; only numbers, "
        "names, + - * /, parentheses, min(…) and max(…) are",
    ),
    "formula.unknown_name": (
        "Rumus {formula!r}, posisi {position}: nama {name!r} tidak dikenal (yang ada: {known})",
        "Formula {formula!r}, position {position}: unknown name {name!r} (known: {known})",
    ),
    "rubric.reserved_id": (
        "Id {id!r} dipakai Juri sendiri sebagai nama kolom; pilih id lain (yang tidak "
        "boleh: {reserved})",
        "The id {id!r} is a column name Juri uses itself; choose another id (not allowed: "
        "{reserved})",
    ),
    "rubric.unknown_criterion": (
        "Kriteria {id!r} tidak ada dalam rubrik",
        "Criterion {id!r} is not in the rubric",
    ),
    "rubric.unknown_category": (
        "Kategori {id!r} tidak ada dalam rubrik",
        "Category {id!r} is not in the rubric",
    ),
    "rubric.unknown_rule": (
        "Aturan penentu seri {rule!r} tidak dikenal; pilih salah satu dari {expected}",
        "Unknown tie-break rule {rule!r}; choose one of {expected}",
    ),
    "rubric.tie_break_shape": (
        "Setiap penentu seri harus punya tepat salah satu: 'criterion' atau 'rule'",
        "Each tie-break needs exactly one of 'criterion' or 'rule'",
    ),
    "rubric.trim_too_large": (
        "Membuang {trim} nilai tertinggi dan {trim} terendah butuh min_judges lebih dari "
        "{double} (tertulis {min_judges})",
        "Dropping the {trim} highest and {trim} lowest needs min_judges above {double} "
        "(found {min_judges})",
    ),
    "rubric.rank_sum_per_criterion": (
        "Jumlah peringkat (rank_sum) hanya berlaku untuk total juri, bukan per kriteria",
        "Rank sum (rank_sum) applies to each judge's total only, not per criterion",
    ),
    "rubric.normalisation_rank_sum": (
        "Normalisasi '{method}' tidak berpengaruh pada jumlah peringkat (rank_sum): urutan "
        "peserta menurut setiap juri tidak berubah olehnya. Pilih normalisation: none, atau "
        "aturan panel lain",
        "Normalisation '{method}' has no effect on a rank sum (rank_sum): it does not change "
        "how any judge orders the entries. Choose normalisation: none, or another panel rule",
    ),
    "rubric.normalisation_per_criterion": (
        "Normalisasi '{method}' bekerja pada total setiap juri, sedangkan panel.apply_to: "
        "criterion menggabungkan nilai per kriteria; pakai panel.apply_to: total",
        "Normalisation '{method}' works on each judge's total, but panel.apply_to: criterion "
        "combines the scores criterion by criterion; use panel.apply_to: total",
    ),
    "rubric.bands_order": (
        "Batas nilai predikat harus berbeda satu sama lain (nilai {min} muncul dua kali)",
        "Band thresholds must differ from one another ({min} appears twice)",
    ),
    "rubric.category_no_criteria": (
        "Kategori {id!r} tidak punya kriteria yang dinilai",
        "Category {id!r} has no scored criteria",
    ),
    # --- award rules (labels for the app; keys of a rubric's ``awards``) ---------------------
    "award.rule.places": (
        "juara menurut peringkat (peserta dengan peringkat sama berbagi juaranya)",
        "places by rank (entries sharing a rank share its place)",
    ),
    "award.rule.bands": (
        "predikat menurut nilai (predikat tertinggi yang ambangnya tercapai)",
        "bands by score (the highest band whose threshold the total reaches)",
    ),
}
