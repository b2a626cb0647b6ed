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
    "fairness.beyond_scale": (
        "Kategori {category}: {count} nilai juri setelah normalisasi berada di luar rentang "
        "{low}–{high}; nilai itu dipakai apa adanya (tidak dipotong), agar urutan dan "
        "selisih antarpeserta tetap benar",
        "Category {category}: {count} judge totals lie outside {low}–{high} after "
        "normalisation; they are used as computed (not cut), so that the order and the "
        "margins between entries stay right",
    ),
    "fairness.spread_shrunk": (
        "Kategori {category}: sebaran nilai juri dengan sedikit nilai ditarik ke sebaran "
        "panel, sebanyak (jumlah nilai: tarikan) {judges}",
        "Category {category}: the spread of judges with few marks is pulled toward the "
        "panel's by (marks: pull) {judges}",
    ),
    # --- panel planner ----------------------------------------------------------------------
    "fairness.plan.assumptions": (
        "Asumsi: nilai juri = mutu peserta + kelonggaran juri + acak, semuanya normal dan "
        "saling bebas; panel memakai rata-rata; juri dibagi acak ke peserta. Diperkirakan "
        "dari kompetisi ini:",
        "Assumptions: a judge's total = entry quality + judge offset + noise, all normal and "
        "independent; the panel takes the mean; judges are spread over the entries at "
        "random. Estimated from this competition:",
    ),
    "fairness.plan.model": (
        "  Kategori {category}: {entries} peserta, {judges} juri; sebaran mutu {quality_sd}, "
        "sebaran kelonggaran juri {offset_sd}, sebaran acak per nilai {noise_sd}",
        "  Category {category}: {entries} entries, {judges} judges; quality spread "
        "{quality_sd}, judge offset spread {offset_sd}, noise per mark {noise_sd}",
    ),
    "fairness.plan.recommend": (
        "Kategori {category}: {per_entry} juri per peserta ({per_judge} peserta per juri, "
        "dari {judges} juri) memberi peluang {percent}% bahwa juara I memang yang terbaik "
        "(target {target}%)",
        "Category {category}: {per_entry} judges per entry ({per_judge} entries per judge, of "
        "{judges} judges) give a {percent}% chance that the winner is truly the best (target "
        "{target}%)",
    ),
    "fairness.plan.out_of_reach": (
        "Kategori {category}: bahkan {per_entry} juri per peserta ({per_judge} peserta per "
        "juri) hanya memberi peluang {percent}% (target {target}%); tambah juri, atau "
        "samakan pemahaman juri atas rubrik agar nilai mereka lebih seragam",
        "Category {category}: even {per_entry} judges per entry ({per_judge} entries per "
        "judge) give only a {percent}% chance (target {target}%); add judges, or align the "
        "judges' reading of the rubric so that their marks agree better",
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
        "Kategori {category}: {place} untuk {name} terlalu tipis untuk dipastikan — peluang "
        "ia memang termasuk para juara {percent}% (peluang tepat di {place}: {own}%); lebih "
        "dari {odds} dari {out_of} kemungkinan urutannya berbeda. Selisih dengan peserta "
        "berikutnya {margin}",
        "Category {category}: {place} for {name} is too close to call — the chance that it "
        "truly belongs among the winners is {percent}% (that it truly holds {place}: {own}%); "
        "more than {odds} chance in {out_of} that the order differs. Margin to the next "
        "entry {margin}",
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
    "fairness.col.spread_weight": ("bobot sebaran sendiri (sisanya ditarik ke panel)",
                                   "own spread weight (the rest pulled toward the panel)"),
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
    "fairness.col.rank_changed": ("peringkat berubah", "rank changed"),
    "fairness.col.n_scores": ("jumlah nilai", "scores"),
    "fairness.col.n_compared": ("dibandingkan", "compared"),
    "fairness.col.mean": ("rata-rata", "mean"),
    "fairness.col.spread_ratio": ("sebaran / juri lain", "spread / the others'"),
    "fairness.col.n_outliers": ("nilai menyimpang", "outlying marks"),
    "fairness.col.disagrees": ("berbeda dari panel", "disagrees with the panel"),
    "fairness.col.flat": ("nilai nyaris sama", "nearly the same for all"),
    "fairness.col.model_offset": ("selisih juri (model normalisasi)",
                                  "judge offset (normalisation model)"),
    "fairness.col.model_offset_se": ("galat baku selisih", "offset standard error"),
    "fairness.col.total": ("nilai total juri", "judge's total"),
    "fairness.col.difference": ("selisih", "difference"),
    "fairness.col.part": ("bagian", "part"),
    "fairness.col.n_entries": ("peserta", "entries"),
    "fairness.col.n_judges": ("juri", "judges"),
    "fairness.col.n_complete_entries": ("peserta dinilai semua juri",
                                        "entries scored by every judge"),
    "fairness.col.n_alpha_entries": ("peserta untuk alfa", "entries for alpha"),
    "fairness.col.ci_low": ("{form} batas bawah 95%", "{form} 95% lower"),
    "fairness.col.ci_high": ("{form} batas atas 95%", "{form} 95% upper"),
    "fairness.col.kendall_w": ("W Kendall", "Kendall's W"),
    "fairness.col.kendall_p": ("W Kendall: p", "Kendall's W: p"),
    "fairness.col.alpha": ("alfa Krippendorff (interval)", "Krippendorff's alpha (interval)"),
    "fairness.col.p_place": ("peluang tempat {n}", "probability of place {n}"),
    "fairness.col.p_other": ("peluang di luar juara", "probability of no place"),
    "fairness.col.p_own_place": ("peluang tempatnya sendiri", "probability of its own place"),
    "fairness.col.p_awarded": ("peluang mendapat juara", "probability of any place"),
    "fairness.col.rank_low": ("peringkat terbaik (rentang 90%)", "best rank (90% interval)"),
    "fairness.col.rank_high": ("peringkat terburuk (rentang 90%)", "worst rank (90% interval)"),
    "fairness.col.loo_rank_worst": ("peringkat terburuk tanpa satu juri",
                                    "worst rank without one judge"),
    "fairness.col.loo_worst_without": ("juri yang ditinggalkan", "the judge left out"),
    # --- variants of the sensitivity report ---------------------------------------------------
    "fairness.variant.mean": ("rata-rata", "mean"),
    "fairness.variant.median": ("median", "median"),
    "fairness.variant.trimmed_mean": ("rata-rata terpangkas", "trimmed mean"),
    "fairness.variant.zscore": ("skor-z per juri", "z-score per judge"),
    "fairness.variant.severity": ("model kelonggaran juri", "judge severity model"),
    "fairness.variant.leniency_spread": ("model kelonggaran dan sebaran",
                                         "leniency-and-spread model"),
    # --- the results workbook -------------------------------------------------------------------
    "fairness.export.normalisation": ("Normalisasi juri", "Judge normalisation"),
    "fairness.export.min_scores": (
        " (sedikitnya {min_scores} nilai per juri)", " (at least {min_scores} scores per judge)"),
    "fairness.export.sheet_judges": ("Diagnostik juri", "Judge diagnostics"),
    "fairness.export.sheet_agreement": ("Kesepakatan juri", "Agreement"),
    "fairness.export.sheet_confidence": ("Keyakinan peringkat", "Rank confidence"),
    "fairness.export.sheet_sensitivity": ("Kepekaan", "Sensitivity"),
    "fairness.export.outliers": (
        "Nilai yang jauh dari juri lain pada peserta tertentu",
        "Marks far from the other judges' on specific entries",
    ),
    "fairness.export.agreement_note": (
        "Dihitung dari nilai juri apa adanya (sebelum normalisasi). ICC dan W Kendall memakai "
        "peserta yang dinilai semua juri; alfa Krippendorff memakai setiap peserta dengan dua "
        "nilai atau lebih. ICC(2,·) menghitung juri yang lebih ketat sebagai ketidaksepakatan, "
        "ICC(3,·) tidak; bentuk ·,k menilai keandalan rata-rata panel. Rujukan: Shrout & Fleiss "
        "(1979), McGraw & Wong (1996), Kendall (1948), Krippendorff (2011)",
        "From the judges' totals as given (before normalisation). ICC and Kendall's W use the "
        "entries scored by every judge; Krippendorff's alpha every entry with two scores or "
        "more. ICC(2,·) counts a stricter judge as disagreement, ICC(3,·) does not; the ·,k "
        "forms describe the reliability of the panel's average. References: Shrout & Fleiss "
        "(1979), McGraw & Wong (1996), Kendall (1948), Krippendorff (2011)",
    ),
    "fairness.export.confidence_note": (
        "Dari hingga {resamples} penarikan ulang juri per kategori (bootstrap terkalibrasi, "
        "benih {seed}; berkas yang sama setiap kali; berhenti lebih awal bila peluangnya "
        "sudah cukup teliti), rentang peringkat {interval}%; tempat juara yang peluangnya "
        "memang termasuk para juara di bawah {threshold}% ditandai terlalu tipis. Tanpa satu "
        "juri: peringkat terburuk bila satu juri ditinggalkan",
        "From up to {resamples} resamples of the judges per category (calibrated bootstrap, "
        "seed {seed}; the same file every time; fewer once the probabilities are precise "
        "enough), {interval}% rank interval; a winning place whose probability of truly "
        "belonging among the winners is below {threshold}% is marked too close to call. "
        "Without one judge: the worst rank when one judge is left out",
    ),
    "fairness.export.sensitivity_note": (
        "Peringkat bila aturan panel atau normalisasi lain dipakai, dengan penentu seri dan "
        "pembulatan rubrik; sel yang ditandai memberi tempat juara yang berbeda dari hasil "
        "resmi. Ini bukan hasil lain: rubrik yang menentukan",
        "The ranks under another panel rule or normalisation, with the rubric's tie-breaks "
        "and rounding; a marked cell gives another award place than the official result. "
        "Not another result: the rubric decides",
    ),
}
