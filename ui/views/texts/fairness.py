"""Texts of the app's fairness views: rank confidence on the Rewards page, the judge report and
agreement per criterion group on the Judges page, and the Sensitivity page.

Placeholders hold text the caller has already formatted the reader's way (85,50; 80%).
"""

MESSAGES = {
    # --- navigation --------------------------------------------------------------------------
    "app.page.sensitivity": ("Kepekaan", "Sensitivity"),
    # --- Rewards: rank confidence --------------------------------------------------------------
    "app.fair.conf.note": (
        "**Seberapa pasti?** Susunan juri diambil ulang secara acak, hingga {resamples} kali "
        "(berhenti lebih awal bila angkanya sudah cukup teliti; dikalibrasi dengan simulasi, "
        "benih acak tetap sehingga angkanya selalu sama), seolah panel juri lain yang serupa "
        "menilai ulang. *Peluang termasuk juara* adalah seberapa sering peserta tetap di "
        "antara para juara; *peluang tempat ini* seberapa sering ia tepat di tempatnya. "
        "*Rentang peringkat* memuat peringkat sebenarnya dengan kemungkinan {interval}. Tempat "
        "yang peluang termasuk juaranya di bawah **{threshold}** (batas dari rubrik) — lebih "
        "dari {odds} dari {out_of} kemungkinan urutannya berbeda — ditandai *terlalu ketat "
        "untuk dipastikan*: itu bukan alasan mengubah hasil, tetapi alasan memeriksa kembali "
        "nilainya sebelum diumumkan. Peringkat juga dihitung ulang tanpa tiap juri satu per "
        "satu; bila tanpa seorang juri peringkat turun, hal itu disebutkan.",
        "**How sure?** The panel is redrawn at random, up to {resamples} times (fewer once "
        "the figures are precise enough; calibrated by simulation, with a fixed seed, so the "
        "figures never change), as if another panel of the same kind scored again. The "
        "*probability of an award* is how often the entry stays among the winners; the "
        "*probability of this place* how often it holds its very place. The *rank interval* "
        "holds the true rank with probability {interval}. A place whose probability of an "
        "award is below **{threshold}** (the rubric's threshold) — more than {odds} chance "
        "in {out_of} that the order differs — is marked *too close to call*: not a reason to "
        "change the result, but to check its scores again before announcing it. The ranking "
        "is also made again without each judge in turn; when an entry would fall without one "
        "of them, the page says so.",
    ),
    "app.fair.conf.place": (
        "Peluang termasuk juara: **{awarded}** · peluang tetap {award}: **{probability}** · "
        "rentang peringkat ({interval}): {ranks}",
        "Probability of an award: **{awarded}** · of {award}: **{probability}** · rank "
        "interval ({interval}): {ranks}",
    ),
    "app.fair.conf.band": (
        "Rentang peringkat ({interval}): {ranks}",
        "Rank interval ({interval}): {ranks}",
    ),
    "app.fair.conf.too_close": (
        "Terlalu ketat untuk dipastikan: peluangnya memang termasuk para juara {awarded} "
        "(tepat di tempat ini {probability}), di bawah batas {threshold} — lebih dari {odds} "
        "dari {out_of} kemungkinan urutannya berbeda. Periksa kembali nilainya sebelum "
        "diumumkan.",
        "Too close to call: the chance that it truly belongs among the winners is {awarded} "
        "(that it holds this very place {probability}), below the threshold {threshold} — "
        "more than {odds} chance in {out_of} that the order differs. Check its scores again "
        "before announcing it.",
    ),
    "app.fair.conf.footnote": (
        "Peluang di kategori ini dari {resamples} pengambilan ulang (hingga {most}); "
        "ketelitiannya ±{error} poin persen (galat Monte Carlo terbesar).",
        "The probabilities in this category come from {resamples} resamples (up to {most}); "
        "they are precise to ±{error} percentage points (the largest Monte Carlo error).",
    ),
    "app.fair.conf.without": (
        "Tanpa penilaian {judge}, peringkatnya turun ke {rank}.",
        "Without {judge}'s scores it would fall to rank {rank}.",
    ),
    "app.fair.conf.without_out": (
        "Tanpa penilaian {judge}, peringkatnya turun ke {rank} — di luar juara: tempat ini "
        "bergantung pada satu juri.",
        "Without {judge}'s scores it would fall to rank {rank} — out of the awards: this "
        "place depends on one judge.",
    ),
    "app.fair.conf.too_close_mark": (
        "terlalu ketat untuk dipastikan", "too close to call"),
    "app.fair.conf.count": (
        "{count} tempat terlalu ketat untuk dipastikan di kategori ini.",
        "{count} places in this category are too close to call.",
    ),
    "app.fair.conf.unavailable": (
        "Peluang dan rentang peringkat tidak dapat dihitung untuk kategori ini (perlu "
        "sedikitnya dua juri).",
        "The probabilities and rank intervals cannot be computed for this category (it needs "
        "at least two judges).",
    ),
    "app.fair.col.awarded": ("Peluang termasuk juara", "Probability of an award"),
    "app.fair.col.probability": ("Peluang tempat ini", "Probability of this place"),
    "app.fair.col.rank_interval": ("Rentang peringkat", "Rank interval"),
    "app.fair.col.too_close": ("Terlalu ketat?", "Too close?"),
    # --- Results: the deciding figure ---------------------------------------------------------
    "app.fair.results.decided_on": (
        "Peringkat kategori ini ditentukan oleh **{figure}** (aturan panel rubrik), bukan oleh "
        "nilai akhir; nilai akhir ditampilkan sebagai keterangan.",
        "This category is ranked on the **{figure}** (the rubric's panel rule), not on the "
        "total; the total is shown for reference.",
    ),
    # --- Judges: the judge report --------------------------------------------------------------
    "app.fair.judges.col.offset": ("Kelonggaran (selisih dari panel)",
                                   "Severity (offset from the panel)"),
    "app.fair.judges.col.flags": ("Catatan", "Flags"),
    "app.fair.judges.help.n_scores": (
        "Berapa peserta yang dinilai juri ini.", "How many entries this judge scored."),
    "app.fair.judges.help.mean": (
        "Rata-rata nilai total juri ini.", "The mean of this judge's totals."),
    "app.fair.judges.help.offset": (
        "Rata-rata selisih dengan juri lain pada peserta yang sama: positif = lebih murah "
        "hati, negatif = lebih ketat.",
        "The mean difference from the other judges on the same entries: positive = more "
        "lenient, negative = stricter.",
    ),
    "app.fair.judges.help.spread": (
        "Simpangan baku nilai total juri ini: seberapa lebar ia membedakan peserta.",
        "The standard deviation of this judge's totals: how widely the judge tells the "
        "entries apart.",
    ),
    "app.fair.judges.help.correlation": (
        "Korelasi Pearson dengan rata-rata juri lain pada peserta yang sama (1 = sejalan).",
        "Pearson correlation with the other judges' mean on the same entries (1 = in step).",
    ),
    "app.fair.judges.help.rank_correlation": (
        "Korelasi Spearman: seberapa mirip urutan peserta juri ini dengan urutan juri lain.",
        "Spearman correlation: how closely this judge's order of the entries follows the "
        "others'.",
    ),
    "app.fair.judges.help.n_outliers": (
        "Berapa nilai juri ini yang jauh dari juri lain (daftar di bawah).",
        "How many of this judge's marks stand far from the others' (listed below).",
    ),
    "app.fair.judges.help.flags": (
        "Tanda yang perlu dibicarakan dewan juri.", "Flags for the panel to discuss."),
    "app.fair.judges.flags": ("Tanda", "Flags"),
    "app.fair.judges.flags_none": (
        "Tidak ada juri yang ditandai: urutan setiap juri sejalan dengan panel dan tidak ada "
        "yang memberi nilai hampir sama untuk semua peserta.",
        "No judge is flagged: every judge's order follows the panel's and no judge gives "
        "nearly the same total to everything.",
    ),
    "app.fair.judges.flag.disagrees": (
        "urutan berbeda dari panel", "order differs from the panel"),
    "app.fair.judges.flag.flat": ("nilai hampir sama semua", "nearly constant scores"),
    "app.fair.judges.flag.far": ("nilai jauh dari juri lain: {count}",
                                 "marks far from the others: {count}"),
    "app.fair.judges.flag_line.disagrees": (
        "urutan pesertanya jauh berbeda dari juri lain (korelasi peringkat "
        "{rho}; di bawah {limit} ditandai).",
        "orders the entries very differently from the others (rank correlation "
        "{rho}; below {limit} is flagged).",
    ),
    "app.fair.judges.flag_line.flat": (
        "memberi nilai yang hampir sama untuk semua peserta (sebaran {spread}, "
        "juri lain sekitar {others}).",
        "gives nearly the same total to every entry (spread {spread}, the "
        "others about {others}).",
    ),
    "app.fair.judges.flag_line.far": (
        "menilai jauh berbeda dari juri lain pada {entries}.",
        "stands far from the others on {entries}.",
    ),
    # --- Judges: leniency-and-spread normalisation ---------------------------------------------
    "app.fair.judges.col.slope": ("Sebaran relatif", "Relative spread"),
    "app.fair.judges.col.spread_weight": ("Tarikan ke panel", "Pull toward the panel"),
    "app.fair.judges.help.slope": (
        "Seberapa jauh nilai juri ini bergerak bila mutu peserta bergerak (1 = seperti panel; "
        "di atas 1 membedakan lebih lebar).",
        "How far this judge's totals move when the entries' quality moves (1 = like the "
        "panel; above 1 tells the entries apart more widely).",
    ),
    "app.fair.judges.help.spread_weight": (
        "Juri dengan sedikit nilai: sebarannya ditarik ke arah sebaran panel sebelum "
        "dinormalisasi, agar sebaran dari sedikit nilai tidak dipercaya penuh.",
        "A judge with few marks has the spread pulled toward the panel's before normalising, "
        "so that a spread from few marks is not trusted in full.",
    ),
    "app.fair.judges.pulled": ("ditarik {percent} ke arah panel", "pulled {percent} toward "
                               "the panel"),
    # --- Judges: the panel planner -------------------------------------------------------------
    "app.fair.plan.title": ("Berapa juri tahun depan?", "How many judges next year?"),
    "app.fair.plan.intro": (
        "Perkiraan dari nilai kompetisi ini: dengan berapa juri per peserta juara I memang "
        "peserta terbaik, dengan peluang yang Anda pilih. Perencanaan saja — tidak mengubah "
        "hasil.",
        "An estimate from this competition's marks: with how many judges per entry the "
        "winner is truly the best entry, with the chance you choose. Planning only — it "
        "changes nothing in the result.",
    ),
    "app.fair.plan.target": (
        "Peluang yang diinginkan bahwa juara I memang yang terbaik",
        "The chance you want that the winner is truly the best",
    ),
    "app.fair.plan.col.per_entry": ("Juri per peserta", "Judges per entry"),
    "app.fair.plan.col.per_judge": ("Peserta per juri", "Entries per judge"),
    "app.fair.plan.col.chance": ("Peluang juara I memang terbaik",
                                 "Chance the winner is truly the best"),
    "app.fair.plan.col.recommended": ("Saran", "Advice"),
    "app.fair.plan.recommended_mark": ("disarankan", "recommended"),
    "app.fair.plan.unavailable": (
        "Rencana panel tidak dapat dihitung untuk kategori ini (perlu sedikitnya dua peserta).",
        "The panel plan cannot be computed for this category (it needs at least two entries).",
    ),
    # --- Judges: agreement ---------------------------------------------------------------------
    "app.fair.agreement.forms": (
        "Semua bentuk ICC (Shrout & Fleiss) dengan selang kepercayaan 95%",
        "Every ICC form (Shrout & Fleiss) with 95% confidence intervals",
    ),
    "app.fair.agreement.forms_help": (
        "ICC 0,9 ke atas sangat baik, 0,75–0,9 baik, 0,5–0,75 sedang, di bawah 0,5 rendah "
        "(Koo & Li 2016). Bentuk ·,k menilai rata-rata seluruh panel — yang menentukan hasil.",
        "An ICC of 0.9 or more is excellent, 0.75–0.9 good, 0.5–0.75 moderate, below 0.5 poor "
        "(Koo & Li 2016). The ·,k forms rate the mean of the whole panel — which decides the "
        "result.",
    ),
    "app.fair.agreement.col.form": ("Bentuk", "Form"),
    "app.fair.agreement.col.meaning": ("Artinya", "What it measures"),
    "app.fair.agreement.col.value": ("Nilai", "Value"),
    "app.fair.agreement.col.ci_low": ("Batas bawah 95%", "95% lower"),
    "app.fair.agreement.col.ci_high": ("Batas atas 95%", "95% upper"),
    "app.fair.agreement.col.ci": ("Selang 95%", "95% interval"),
    "app.fair.agreement.col.group": ("Kelompok kriteria", "Criterion group"),
    "app.fair.agreement.col.n_entries": ("Peserta dibandingkan", "Entries compared"),
    "app.fair.agreement.meaning.ICC(1,1)": (
        "satu juri; tiap peserta boleh dinilai juri yang berbeda",
        "one judge; each entry may have had its own judges",
    ),
    "app.fair.agreement.meaning.ICC(2,1)": (
        "satu juri, kesepakatan mutlak (juri yang lebih ketat dihitung sebagai beda)",
        "one judge, absolute agreement (a stricter judge counts as disagreement)",
    ),
    "app.fair.agreement.meaning.ICC(3,1)": (
        "satu juri, konsistensi (selisih tetap antarjuri tidak dihitung)",
        "one judge, consistency (a constant offset between judges does not count)",
    ),
    "app.fair.agreement.meaning.ICC(1,k)": (
        "rata-rata panel; tiap peserta boleh dinilai juri yang berbeda",
        "the panel's mean; each entry may have had its own judges",
    ),
    "app.fair.agreement.meaning.ICC(2,k)": (
        "rata-rata panel, kesepakatan mutlak", "the panel's mean, absolute agreement"),
    "app.fair.agreement.meaning.ICC(3,k)": (
        "rata-rata panel, konsistensi", "the panel's mean, consistency"),
    "app.fair.agreement.groups": (
        "Kesepakatan per kelompok kriteria", "Agreement per criterion group"),
    "app.fair.agreement.groups_help": (
        "Nilai bagian tiap juri untuk setiap kelompok kriteria dibandingkan seperti nilai "
        "akhir. Kesepakatan rendah pada satu kelompok menunjukkan pedoman penilaian yang "
        "mungkin perlu diperjelas.",
        "Each judge's part for every criterion group, compared as the totals are. Low "
        "agreement on one group points to scoring guidance that may need to be clearer.",
    ),
    "app.fair.agreement.groups_forms": (
        "Semua bentuk ICC per kelompok kriteria", "Every ICC form per criterion group"),
    "app.fair.agreement.help.icc": (
        "Korelasi intrakelas {form}: {meaning}.", "Intraclass correlation {form}: {meaning}."),
    "app.fair.agreement.help.ci": (
        "Selang kepercayaan 95% (uji F Shrout & Fleiss).",
        "95% confidence interval (the Shrout & Fleiss F intervals).",
    ),
    "app.fair.agreement.help.n_entries": (
        "Peserta yang dinilai semua juri (ICC dan W hanya memakai mereka).",
        "Entries scored by every judge (ICC and W use only these).",
    ),
    # --- Sensitivity ---------------------------------------------------------------------------
    "app.fair.sens.title": ("Kepekaan hasil", "Sensitivity"),
    "app.fair.sens.banner": (
        "PERBANDINGAN SAJA — tidak mengubah hasil resmi. Halaman ini menyusun peringkat yang "
        "sama dengan setiap aturan panel dan normalisasi, berdampingan; hasil resmi tetap "
        "menurut rubrik.",
        "A COMPARISON ONLY — it changes nothing official. This page ranks the same marks "
        "under each panel rule and normalisation, side by side; the official result stays "
        "the rubric's.",
    ),
    "app.fair.sens.official": (
        "Hasil resmi memakai: aturan panel {rule}; normalisasi: {normalisation}.",
        "The official result uses: panel rule {rule}; normalisation: {normalisation}.",
    ),
    "app.fair.sens.intro": (
        "Peserta yang tempat juaranya berubah dengan cara lain ditandai kuning; peringkat "
        "yang lebih baik hijau, yang lebih buruk merah. Tempat yang berubah pantas diperiksa "
        "sebelum diumumkan — rubriklah yang memutuskan, bukan halaman ini.",
        "Entries whose award place changes under another method are highlighted in yellow; "
        "a better rank is green, a worse one red. A place that changes deserves a look "
        "before it is announced — the rubric decides, not this page.",
    ),
    "app.fair.sens.changed_count": ("Tempat juara berubah", "Award places changing"),
    "app.fair.sens.rank_changed_count": ("Peringkat berubah", "Ranks changing"),
    "app.fair.sens.stable": (
        "Semua tempat juara sama dengan setiap cara: hasil di kategori ini tidak bergantung "
        "pada pilihan aturan panel atau normalisasi.",
        "Every award place is the same under every method: this category's result does not "
        "depend on the choice of panel rule or normalisation.",
    ),
    "app.fair.sens.col.official_rank": ("Peringkat resmi", "Official rank"),
    "app.fair.sens.col.award": ("Penghargaan resmi", "Official award"),
    "app.fair.sens.col.changes": ("Perubahan", "Changes"),
    "app.fair.sens.col.place_changed": ("Tempat juara berubah", "Award place changes"),
    "app.fair.sens.place_changed": ("⚠ berubah", "⚠ changes"),
    "app.fair.sens.methods": ("Cara yang dibandingkan", "The methods compared"),
    "app.fair.sens.col.method": ("Cara", "Method"),
    "app.fair.sens.col.description": ("Penjelasan", "What it does"),
    "app.fair.sens.col.used": ("Dipakai rubrik", "Used by the rubric"),
    "app.fair.sens.chart": ("Peringkat dengan setiap cara", "Rank under each method"),
    "app.fair.sens.chart_help": (
        "Peserta yang meraih tempat juara atau yang tempatnya berubah; garis datar berarti "
        "peringkatnya sama dengan setiap cara.",
        "The entries holding an award place or whose place changes; a flat line means the "
        "same rank under every method.",
    ),
    "app.fair.sens.not_available": (
        "Beberapa cara tidak dapat dihitung untuk data ini (ditandai –):",
        "Some methods cannot be computed for this data (shown as –):",
    ),
    "app.fair.sens.blocked": (
        "Perbandingan tidak dapat dibuat untuk kompetisi ini.",
        "The comparison cannot be made for this competition.",
    ),
    "app.fair.method.mean": ("Rata-rata", "Mean"),
    "app.fair.method.median": ("Median", "Median"),
    "app.fair.method.trimmed_mean": ("Rata-rata terpangkas", "Trimmed mean"),
    "app.fair.method.zscore": ("Skor-z", "Z-score"),
    "app.fair.method.severity": ("Model kelonggaran", "Severity model"),
    "app.fair.method.leniency_spread": ("Kelonggaran dan sebaran", "Leniency and spread"),
    "app.fair.method.help.rules": (
        "aturan panel {rule}, tanpa normalisasi",
        "panel rule {rule}, no normalisation",
    ),
    "app.fair.method.help.normalisation": (
        "{method}, lalu digabung dengan aturan panel rubrik",
        "{method}, then combined with the rubric's panel rule",
    ),
}
