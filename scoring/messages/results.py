"""Texts that describe results: tie-break rules, places, explanations."""

MESSAGES = {
    "tiebreak.criterion": ("nilai {name}", "the {name} score"),
    "tiebreak.median_judge_total": ("median nilai total juri", "the median judge total"),
    "tiebreak.mean_judge_total": ("rata-rata nilai total juri", "the mean judge total"),
    "tiebreak.most_first_places": (
        "jumlah juri yang menempatkannya di urutan pertama",
        "the number of judges ranking it first",
    ),
    "tiebreak.highest_lowest_judge_total": (
        "nilai total juri yang terendah (lebih tinggi lebih baik)",
        "the lowest judge total (higher is better)",
    ),
    "tiebreak.decided": ("nilai akhir sama; ditentukan oleh {rule}",
                         "equal total; decided by {rule}"),
    "tiebreak.ahead": ("unggul pada {rule}", "ahead on {rule}"),
    "panel.mean": ("rata-rata", "mean"),
    "panel.median": ("median", "median"),
    "panel.trimmed_mean": (
        "rata-rata setelah membuang {trim} nilai tertinggi dan {trim} terendah "
        "(bila dinilai ≥ {min_judges} juri)",
        "mean after dropping the {trim} highest and {trim} lowest "
        "(when scored by ≥ {min_judges} judges)",
    ),
    "panel.rank_sum": ("jumlah peringkat (terkecil menang)", "rank sum (lowest wins)"),
    "panel.apply_to.total": ("pada nilai total tiap juri", "to each judge's total"),
    "panel.apply_to.criterion": (
        "pada tiap kriteria sebelum pembobotan", "to each criterion before weighting"),
}
