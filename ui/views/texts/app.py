"""Texts of the web app (streamlit_app.py and ui/): every word a user reads on its pages.

Markdown is allowed where a page shows the text with ``st.markdown``; placeholders that hold
user-provided names are escaped by the page before they are filled in.
"""

MESSAGES = {
    # --- the frame -------------------------------------------------------------------------
    "app.name": ("Juri — penilaian lomba", "Juri — competition scoring"),
    "app.language": ("Bahasa", "Language"),
    "app.language.id": ("Bahasa Indonesia", "Bahasa Indonesia"),
    "app.language.en": ("English", "English"),
    "app.page.competition": ("Kompetisi", "Competition"),
    "app.page.upload": ("Unggah", "Upload"),
    "app.page.results": ("Hasil", "Results"),
    "app.page.rewards": ("Penghargaan", "Rewards"),
    "app.page.judges": ("Juri", "Judges"),
    "app.page.simulation": ("Simulasi", "What if"),
    "app.source.sample": (
        "Data contoh bawaan (lomba rekaan, 5 juri)",
        "Bundled sample data (an invented competition, 5 judges)",
    ),
    "app.source.sample_changed": (
        "Lembar contoh bawaan, dengan rubrik atau daftar peserta yang diganti",
        "The bundled sample sheets, with another rubric or entries list",
    ),
    "app.source.upload": ("Berkas unggahan: {count} berkas", "Uploaded files: {count}"),
    "app.fingerprint": ("sidik jari {fingerprint}…", "fingerprint {fingerprint}…"),
    "app.fingerprint_full": (
        "Sidik jari masukan (tercetak di setiap ekspor): {fingerprint}",
        "Input fingerprint (printed on every export): {fingerprint}",
    ),
    "app.error.unexpected": (
        "Maaf, terjadi kesalahan tak terduga pada halaman ini. Rinciannya sudah dicatat untuk "
        "pengelola aplikasi. Coba muat ulang halaman, atau kembali ke data contoh.",
        "Sorry, something unexpected went wrong on this page. The details were logged for the "
        "app's maintainers. Try reloading the page, or go back to the sample data.",
    ),
    "app.blocked.inputs": (
        "Belum ada hasil: rubrik atau daftar peserta tidak dapat dibaca.",
        "No result yet: the rubric or the entries list cannot be read.",
    ),
    "app.blocked.go_competition": (
        "Lihat masalahnya di halaman Kompetisi", "See what is wrong on the Competition page"),
    "app.blocked.errors": (
        "Belum ada hasil: {count} kesalahan pada lembar penilaian harus diperbaiki dulu.",
        "No result yet: {count} errors in the judges' sheets must be fixed first.",
    ),
    "app.blocked.go_upload": (
        "Lihat laporan pemeriksaan di halaman Unggah",
        "See the checking report on the Upload page",
    ),
    # --- problems created by the app ---------------------------------------------------------
    # --- checking report ---------------------------------------------------------------------
    "app.report.title": ("Laporan pemeriksaan", "Checking report"),
    "app.report.file": (
        "{file} — {errors} kesalahan, {warnings} peringatan",
        "{file} — {errors} errors, {warnings} warnings",
    ),
    "app.report.no_file": ("Seluruh penilaian", "All the scores"),
    "app.report.sheet": ("Lembar **{sheet}**", "Sheet **{sheet}**"),
    # --- Competition -------------------------------------------------------------------------
    "app.competition.inputs": ("Rubrik dan peserta", "Rubric and entries"),
    "app.competition.rubric_file": ("Rubrik dari folder rubrics/", "Rubric from rubrics/"),
    "app.competition.rubric_upload": (
        "… atau unggah rubrik sendiri (.yaml)", "… or upload your own rubric (.yaml)"),
    "app.competition.entries_upload": (
        "Unggah daftar peserta lain (.csv: id, name, category, aliases)",
        "Upload another entries list (.csv: id, name, category, aliases)",
    ),
    "app.competition.in_use": (
        "Dipakai: rubrik **{rubric}**, peserta **{entries}**",
        "In use: rubric **{rubric}**, entries **{entries}**",
    ),
    "app.competition.rubric_broken": (
        "Rubrik {file} tidak dapat dipakai: {count} masalah. Setiap baris di bawah menyebut "
        "tempatnya dalam berkas.",
        "The rubric {file} cannot be used: {count} problems. Each row below names the place "
        "in the file.",
    ),
    "app.competition.entries_broken": (
        "Daftar peserta {file} tidak dapat dipakai:", "The entries list {file} cannot be used:"),
    "app.competition.rubric_id": ("rubrik {id}, versi {version}", "rubric {id}, version {version}"),
    "app.competition.criteria": ("Kriteria dan bobot", "Criteria and weights"),
    "app.competition.criteria_help": (
        "Bobot ditulis sebagai persen dari nilai akhir, per kategori; baris yang menjorok "
        "adalah bagian dari kriteria di atasnya.",
        "Weights are shown as a percentage of the total, per category; indented rows belong "
        "to the criterion above them.",
    ),
    "app.competition.rules": ("Aturan penilaian", "Scoring rules"),
    "app.competition.weighting": ("- **Pembobotan:** {text}", "- **Weighting:** {text}"),
    "app.competition.panel": ("- **Aturan panel juri:** {text}", "- **Panel rule:** {text}"),
    "app.competition.rounding": ("- **Pembulatan:** {text}", "- **Rounding:** {text}"),
    "app.competition.missing": ("- **Nilai kosong:** {text}", "- **Missing scores:** {text}"),
    "app.competition.tie_breaks": (
        "- **Bila nilai akhir sama, dibandingkan berturut-turut:** {text}",
        "- **When totals are equal, compare in turn:** {text}",
    ),
    "app.competition.no_tie_breaks": (
        "tidak ada; peringkat dibagi (juara kembar)", "none; the rank is shared"),
    "app.competition.categories": ("Kategori", "Categories"),
    "app.competition.category_line": (
        "- **{name}** ({id}): {criteria}", "- **{name}** ({id}): {criteria}"),
    "app.competition.all_criteria": ("semua kriteria", "all criteria"),
    "app.competition.awards": ("Penghargaan", "Awards"),
    "app.competition.entries": ("Peserta", "Entries"),
    "app.competition.entries_count": ("{name}: **{count}** peserta", "{name}: **{count}** entries"),
    "app.competition.templates": ("Templat penilaian untuk juri", "Judges' templates"),
    "app.competition.templates_help": (
        "Tulis nama juri, satu per baris. Setiap juri mendapat satu berkas Excel untuk diisi "
        "tanpa internet, dicetak, lalu diunggah kembali di halaman Unggah. Tanpa nama, "
        "dibuat satu templat kosong.",
        "Type the judges' names, one per line. Each judge gets one Excel file to fill in "
        "offline, print, and upload again on the Upload page. With no names, one blank "
        "template is made.",
    ),
    "app.competition.judge_names": ("Nama juri", "Judges' names"),
    "app.competition.download_zip": (
        "Unduh semua templat ({count} berkas, zip)", "Download all templates ({count} files, zip)"),
    "app.competition.zip_name": ("templat_{id}.zip", "templates_{id}.zip"),
    "app.competition.blank_template": ("Templat tanpa nama", "Template without a name"),
    # --- rubric as a table ---------------------------------------------------------------------
    "app.rubric.weight_in": ("Bobot % ({category})", "Weight % ({category})"),
    "app.rubric.description": ("Keterangan", "Description"),
    "app.rubric.level": ("[{min}–{max}: {text}]", "[{min}–{max}: {text}]"),
    "app.rubric.scale": ("{min}–{max} (kelipatan {step})", "{min}–{max} (steps of {step})"),
    "app.rubric.awards_default": ("Semua kategori", "Every category"),
    "app.rubric.award_rule": ("Diberikan untuk", "Given for"),
    "app.rubric.rank_n": ("peringkat {rank}", "rank {rank}"),
    "app.rubric.band_min": ("nilai akhir ≥ {min}", "total ≥ {min}"),
    "app.rubric.min_total": (
        "Hanya peserta dengan nilai akhir sedikitnya {min} yang dapat menerima penghargaan.",
        "Only entries with a total of at least {min} can receive an award.",
    ),
    "app.rubric.rounding.criterion": (
        "nilai panel per kriteria {decimals} desimal", "panel score per criterion {decimals} dp"),
    "app.rubric.rounding.weighted_criterion": (
        "nilai berbobot per kriteria {decimals} desimal",
        "weighted score per criterion {decimals} dp",
    ),
    "app.rubric.rounding.group": (
        "subtotal kelompok {decimals} desimal", "group subtotals {decimals} dp"),
    "app.rubric.rounding.total": ("nilai akhir {decimals} desimal", "total {decimals} dp"),
    "app.rubric.rounding.none": ("tanpa pembulatan", "no rounding"),
    "app.rubric.missing.error": (
        "setiap juri wajib mengisi semua kriteria; yang kosong menjadi kesalahan",
        "every judge must score every criterion; a gap is an error",
    ),
    "app.rubric.missing.minimum": (
        "kriteria yang kosong diberi nilai terendah skalanya",
        "a criterion left empty gets its scale's lowest score",
    ),
    "app.rubric.missing.exclude_judge": (
        "juri yang tidak lengkap menilai seorang peserta tidak dihitung untuk peserta itu",
        "a judge who scored an entry only in part is left out for that entry",
    ),
    "app.entries.aliases": ("Nama lain", "Other names"),
    # --- Upload --------------------------------------------------------------------------------
    "app.upload.title": ("Unggah lembar penilaian", "Upload the judges' sheets"),
    "app.upload.intro": (
        "Unggah berkas Excel yang sudah diisi para juri (boleh beberapa sekaligus, paling "
        "besar {limit} MB per berkas). Berkas unggahan **menggantikan** lembar penilaian "
        "yang sedang dipakai; kesalahan menahan hasil sampai diperbaiki, peringatan tidak.",
        "Upload the Excel files the judges filled in (several at once, at most {limit} MB "
        "each). The uploaded set **replaces** the sheets in use; errors hold back the result "
        "until they are fixed, warnings do not.",
    ),
    "app.upload.label": ("Lembar penilaian juri (.xlsx)", "Judges' sheets (.xlsx)"),
    "app.upload.help": (
        "Templat dari halaman Kompetisi, satu berkas per juri; paling besar {limit} MB per "
        "berkas.",
        "Templates from the Competition page, one file per judge; at most {limit} MB each.",
    ),
    "app.upload.reading": ("Membaca lembar penilaian…", "Reading the sheets…"),
    "app.upload.reading_file": (
        "Membaca {name} ({index} dari {count})", "Reading {name} ({index} of {count})"),
    "app.upload.read_done": ("{count} berkas selesai dibaca", "{count} files read"),
    "app.upload.using_sample": (
        "Dipakai sekarang: **lembar contoh bawaan** ({count} berkas).",
        "In use now: **the bundled sample sheets** ({count} files).",
    ),
    "app.upload.using_upload": (
        "Dipakai sekarang: **berkas unggahan** ({count} berkas).",
        "In use now: **uploaded files** ({count} files).",
    ),
    "app.upload.back_to_sample": ("Kembali ke data contoh", "Back to the sample data"),
    "app.upload.n_files": ("Berkas", "Files"),
    "app.upload.n_scores": ("Nilai terbaca", "Scores read"),
    "app.upload.n_errors": ("Kesalahan", "Errors"),
    "app.upload.n_warnings": ("Peringatan", "Warnings"),
    "app.upload.has_errors": (
        "Ada {count} kesalahan, jadi hasil belum dapat dihitung. Perbaiki sel yang disebut di "
        "laporan di bawah (berkas › lembar › sel), simpan, lalu unggah lagi semua berkas.",
        "There are {count} errors, so no result can be computed yet. Fix the cells named in "
        "the report below (file › sheet › cell), save, and upload all the files again.",
    ),
    "app.upload.only_warnings": (
        "Tidak ada kesalahan; hasil sudah dihitung. Ada {count} peringatan yang sebaiknya "
        "diperiksa.",
        "No errors; the result is computed. {count} warnings are worth a look.",
    ),
    "app.upload.all_good": (
        "Semua berkas terbaca tanpa kesalahan maupun peringatan; hasil sudah dihitung.",
        "Every file was read with no errors or warnings; the result is computed.",
    ),
    "app.upload.see_results": ("Lihat hasil", "See the results"),
    # --- coverage --------------------------------------------------------------------------------
    "app.coverage.title": ("Kelengkapan nilai", "Completeness of the scores"),
    "app.coverage.help": (
        "Berapa kriteria yang sudah dinilai setiap juri untuk setiap peserta (hijau = "
        "lengkap, merah = kosong).",
        "How many criteria each judge scored for each entry (green = complete, red = none).",
    ),
    "app.coverage.complete": (
        "Setiap juri menilai setiap peserta pada semua kriteria.",
        "Every judge scored every entry on every criterion.",
    ),
    "app.coverage.gaps": (
        "{count} pasangan juri–peserta belum lengkap:",
        "{count} judge–entry pairs are incomplete:",
    ),
    "app.coverage.nothing": (
        "Belum ada nilai untuk kategori ini.", "No scores in this category yet."),
    "app.coverage.n_missing": ("Kriteria kosong", "Criteria missing"),
    "app.coverage.criteria": ("Kriteria yang belum dinilai", "Criteria not scored"),
    "app.coverage.scored": ("Kriteria dinilai", "Criteria scored"),
    "app.coverage.expected": ("Kriteria seharusnya", "Criteria expected"),
    "app.coverage.share": ("Kelengkapan", "Completeness"),
    # --- Results -------------------------------------------------------------------------------
    "app.results.title": ("Hasil penilaian", "Results"),
    "app.results.warnings": (
        "{count} peringatan pada lembar penilaian; lihat halaman Unggah.",
        "{count} warnings in the sheets; see the Upload page.",
    ),
    "app.results.leader": (
        "**{award}**: {name} — {total}", "**{award}**: {name} — {total}"),
    "app.results.ranking": ("Peringkat", "Ranking"),
    "app.results.sort_hint": (
        "Klik judul kolom untuk mengurutkan. “=” menandai peringkat yang sama setelah semua "
        "penentu seri.",
        "Click a column heading to sort. “=” marks a rank still shared after every tie-break.",
    ),
    "app.results.tied_mark": ("=", "="),
    "app.results.judge_column": ("{judge}", "{judge}"),
    "app.results.chart_totals": (
        "Nilai akhir dan nilai tiap juri", "Totals and each judge's total"),
    "app.results.chart_totals_help": (
        "Garis hitam: nilai akhir panel. Titik berwarna: nilai total dari tiap juri; garis "
        "abu-abu menunjukkan rentang antara juri terendah dan tertinggi.",
        "Black mark: the panel's total. Coloured points: each judge's total; the grey line "
        "spans the lowest to the highest judge.",
    ),
    "app.results.chart_heatmap": ("Peta nilai per kriteria", "Heatmap of the criteria"),
    "app.results.chart_heatmap_help": (
        "Nilai panel untuk setiap kriteria sebagai persen dari nilai tertinggi skalanya; "
        "makin gelap makin baik.",
        "The panel's score on each criterion as a share of its scale's maximum; darker is "
        "better.",
    ),
    "app.results.chart_judges": ("Sebaran nilai tiap juri", "Each judge's scores"),
    "app.results.chart_judges_help": (
        "Setiap garis kecil adalah nilai total seorang juri untuk satu peserta; belah ketupat "
        "hitam adalah rata-rata juri itu.",
        "Each tick is one judge's total for one entry; the black diamond is that judge's mean.",
    ),
    # --- charts ----------------------------------------------------------------------------------
    "app.chart.judge_total": ("Nilai total juri", "Judge's total"),
    "app.chart.judge_mean": ("Rata-rata juri", "Judge's mean"),
    "app.chart.lowest_judge": ("Juri terendah", "Lowest judge"),
    "app.chart.highest_judge": ("Juri tertinggi", "Highest judge"),
    "app.chart.panel_score": ("Nilai panel", "Panel score"),
    "app.chart.scale_max": ("Nilai tertinggi skala", "Scale maximum"),
    "app.chart.share_of_max": ("Persen dari maksimum", "Share of maximum"),
    # --- Rewards -------------------------------------------------------------------------------
    "app.rewards.recommendation": (
        "Ini rekomendasi menurut rubrik. Keputusan akhir ada pada dewan juri dan panitia.",
        "These are recommendations by the rubric. The final decision rests with the judges "
        "and the organisers.",
    ),
    "app.rewards.none": (
        "Tidak ada peserta yang memenuhi syarat penghargaan.",
        "No entry qualifies for an award.",
    ),
    "app.rewards.card": (
        "**{award}** — {name}  \nNilai akhir **{total}** · selisih dengan peserta berikutnya "
        "{margin}",
        "**{award}** — {name}  \nTotal **{total}** · margin to the next entry {margin}",
    ),
    "app.rewards.shared": (
        "Peringkat ini dibagi dengan peserta lain: tidak ada penentu seri yang membedakan. "
        "Panitia yang memutuskan.",
        "This rank is shared with another entry: no tie-break separated them. The organisers "
        "decide.",
    ),
    "app.rewards.unresolved": (
        "Perlu keputusan panitia: {names} tetap sama di peringkat {rank} setelah semua "
        "penentu seri.",
        "The organisers must decide: {names} stay tied at rank {rank} after every tie-break.",
    ),
    "app.rewards.ties": (
        "Bagaimana nilai sama diputuskan ({count})", "How equal totals were decided ({count})"),
    "app.rewards.tie_heading": (
        "Peringkat {rank}, nilai akhir {total}: {names}",
        "Rank {rank}, total {total}: {names}",
    ),
    "app.rewards.step_separated": (
        "{rule}: {values} — membedakan", "{rule}: {values} — separates them"),
    "app.rewards.step_equal": ("{rule}: {values} — masih sama", "{rule}: {values} — still equal"),
    "app.rewards.step_unresolved": (
        "Tidak ada aturan yang membedakan: peringkat dibagi, panitia yang memutuskan.",
        "No rule separates them: the rank is shared, for the organisers to decide.",
    ),
    "app.rewards.table": ("Ringkasan", "Summary"),
    "app.rewards.amount": ("Nilai hadiah", "Prize money"),
    "app.rewards.margin": ("Selisih dengan berikutnya", "Margin to the next"),
    "app.rewards.tie_note": ("Penentu seri", "Tie-break"),
    "app.rewards.download": (
        "Unduh rekap hasil resmi (Excel)", "Download the official results workbook (Excel)"),
    "app.rewards.download_name": ("hasil_{id}.xlsx", "results_{id}.xlsx"),
    "app.rewards.doc.title": ("Dokumen", "Documents"),
    "app.rewards.doc.help": (
        "Setiap dokumen dibuat saat tombolnya diklik; laporan umpan balik untuk semua peserta "
        "butuh waktu paling lama.",
        "Each document is made when its button is clicked; the feedback reports for every "
        "entry take the longest."),
    "app.rewards.doc.button": ("{document} ({format})", "{document} ({format})"),
    "app.rewards.doc.results": ("Laporan hasil", "Results report"),
    "app.rewards.doc.minutes": ("Berita Acara Penilaian", "Judging minutes (Berita Acara)"),
    "app.rewards.doc.certificates": ("Piagam pemenang", "Winners' certificates"),
    "app.rewards.doc.annex": ("Lampiran keputusan", "Decree annex"),
    "app.rewards.doc.feedback": ("Umpan balik per peserta", "Feedback per entry"),
    "app.rewards.doc.workbook": ("Rekap hasil resmi", "Official results workbook"),
    "app.upload.widget_hint": (
        "Kotak unggah memakai teks bawaan Streamlit dalam bahasa Inggris: *Drag and drop files "
        "here* berarti seret berkas ke sini, *Browse files* berarti pilih berkas, dan *Limit … "
        "per file* adalah batas ukuran tiap berkas.",
        "The upload box shows Streamlit's own English texts: drag the files onto it or choose "
        "*Browse files*; *Limit … per file* is the size limit of each file."),
    # --- Judges --------------------------------------------------------------------------------
    "app.judges.intro": (
        "Bagaimana setiap juri menilai dibandingkan juri lain pada peserta yang sama. "
        "Perbedaan bukan berarti salah: ini bahan diskusi dewan juri.",
        "How each judge scores compared with the other judges on the same entries. A "
        "difference is not a mistake: it is something for the panel to discuss.",
    ),
    "app.judges.threshold": (
        "Tandai nilai yang menyimpang sedikitnya (× sebaran biasa)",
        "Flag marks that stand out by at least (× the usual spread)",
    ),
    "app.judges.per_judge": ("Setiap juri", "Each judge"),
    "app.judges.per_judge_help": (
        "Rata-rata dan sebaran (simpangan baku) nilai total juri; selisih: rata-rata "
        "selisih dengan juri lain pada peserta yang sama (positif = lebih murah hati); "
        "korelasi: seberapa mirip urutan juri ini dengan rata-rata juri lain (1 = sama).",
        "Mean and spread (standard deviation) of the judge's totals; offset: the mean "
        "difference from the other judges on the same entries (positive = more lenient); "
        "correlation: how closely this judge's order follows the others' mean (1 = the same).",
    ),
    "app.judges.far": (
        "Peserta yang dinilai jauh berbeda", "Entries a judge sees very differently"),
    "app.judges.far_none": (
        "Tidak ada nilai yang menyimpang {threshold} kali sebaran biasa atau lebih.",
        "No mark stands out by {threshold} times the usual spread or more.",
    ),
    "app.judges.far_help": (
        "Nilai total seorang juri yang berbeda dari rata-rata juri lain sedikitnya {threshold} "
        "kali sebaran biasa, setelah memperhitungkan kebiasaan juri itu sendiri.",
        "A judge's total that differs from the others' mean by at least {threshold} times the "
        "usual spread, after allowing for that judge's own habit.",
    ),
    "app.judges.col.n_scores": ("Peserta dinilai", "Entries scored"),
    "app.judges.col.spread": ("Sebaran", "Spread"),
    "app.judges.col.offset": ("Selisih dengan juri lain", "Offset from the others"),
    "app.judges.col.correlation": ("Korelasi dengan juri lain", "Correlation with the others"),
    "app.judges.col.rank_correlation": ("Korelasi peringkat", "Rank correlation"),
    "app.judges.col.n_outliers": ("Nilai menyimpang", "Marks standing out"),
    "app.judges.col.total": ("Nilai juri", "Judge's total"),
    "app.judges.col.others_mean": ("Rata-rata juri lain", "The others' mean"),
    "app.judges.col.difference": ("Selisih", "Difference"),
    "app.judges.col.sds": ("Selisih (× sebaran)", "Difference (× spread)"),
    # --- agreement -----------------------------------------------------------------------------
    "app.agreement.title": ("Kesepakatan antarjuri", "Agreement between the judges"),
    "app.agreement.unavailable": (
        "Kesepakatan tidak dapat dihitung: perlu sedikitnya dua juri yang menilai dua peserta "
        "yang sama.",
        "Agreement cannot be computed: it needs at least two judges scoring two common "
        "entries.",
    ),
    "app.agreement.icc_single": ("ICC(2,1) satu juri", "ICC(2,1) one judge"),
    "app.agreement.icc_single_help": (
        "Korelasi intrakelas, kesepakatan mutlak: seberapa dapat dipercaya nilai dari satu "
        "juri saja (0 = tidak, 1 = sempurna).",
        "Intraclass correlation, absolute agreement: how far one judge's score alone can be "
        "trusted (0 = not at all, 1 = perfectly).",
    ),
    "app.agreement.icc_panel": ("ICC(2,k) seluruh panel", "ICC(2,k) whole panel"),
    "app.agreement.icc_panel_help": (
        "Keandalan rata-rata nilai semua juri: apakah panel lain yang serupa akan memberi "
        "nilai yang sama.",
        "Reliability of the mean of all the judges: would a similar panel give the same "
        "scores.",
    ),
    "app.agreement.kendall_help": (
        "Kesepakatan urutan: 1 bila semua juri mengurutkan peserta persis sama, 0 bila tidak "
        "ada urutan bersama.",
        "Agreement on the order: 1 when every judge ranks the entries alike, 0 when there is "
        "no common order.",
    ),
    "app.agreement.alpha": ("Alfa Krippendorff", "Krippendorff's alpha"),
    "app.agreement.alpha_help": (
        "Kesepakatan nilai dibanding kebetulan: 1 sempurna, 0 tidak lebih baik dari "
        "kebetulan; 0,8 ke atas biasanya dianggap baik.",
        "Agreement on the scores beyond chance: 1 is perfect, 0 no better than chance; 0.8 "
        "or more is usually taken as good.",
    ),
    "app.agreement.explain": (
        "**Artinya:** {n_judges} juri menilai {n_entries} peserta yang sama. Rata-rata "
        "mereka — yang menentukan hasil — memiliki keandalan **{panel_word}** (ICC {panel}, "
        "kemungkinan antara {low} dan {high}). Nilai satu juri saja keandalannya "
        "**{single_word}** (ICC {single}); karena itu penilaian memakai panel. W Kendall "
        "{w} mengukur kesamaan urutan saja; alfa {alpha} juga menghitung perbedaan "
        "kelonggaran antarjuri (juri yang selalu memberi nilai lebih rendah).",
        "**In plain words:** {n_judges} judges scored the same {n_entries} entries. Their "
        "mean — which decides the result — has **{panel_word}** reliability (ICC {panel}, "
        "likely between {low} and {high}). One judge's score alone has **{single_word}** "
        "reliability (ICC {single}); that is why a panel judges. Kendall's W {w} measures "
        "agreement on the order only; alpha {alpha} also counts differences in leniency "
        "between judges (a judge who always scores lower).",
    ),
    "app.agreement.poor": ("rendah", "poor"),
    "app.agreement.moderate": ("sedang", "moderate"),
    "app.agreement.good": ("baik", "good"),
    "app.agreement.excellent": ("sangat baik", "excellent"),
    "app.agreement.undefined": ("tidak terdefinisi", "undefined"),
    "app.agreement.dropped": (
        "{count} peserta tidak dinilai semua juri dan tidak dihitung dalam ICC dan W.",
        "{count} entries were not scored by every judge and are left out of ICC and W.",
    ),
    # --- What if ---------------------------------------------------------------------------
    "app.sim.title": ("Simulasi: bagaimana jika…", "What if…"),
    "app.sim.banner": (
        "**SIMULASI** — tidak mengubah apa pun yang resmi. Hasil resmi tetap dihitung dengan "
        "rubrik yang berlaku; di sini hanya dicoba bobot atau aturan panel lain pada nilai "
        "yang sama.",
        "**SIMULATION** — changes nothing official. The official result is still computed "
        "with the rubric in use; here other weights or another panel rule are only tried on "
        "the same scores.",
    ),
    "app.sim.weights": ("Bobot kriteria utama", "Weights of the main criteria"),
    "app.sim.weights_help.percent": (
        "Bobot dibaca sebagai bagian relatif: yang penting perbandingannya, bukan jumlahnya.",
        "Weights are relative shares: what counts is how they compare, not their sum.",
    ),
    "app.sim.weights_help.points": (
        "Bobot adalah pengali poin untuk setiap kriteria utama.",
        "Weights are point multipliers for each main criterion.",
    ),
    "app.sim.shares": ("Bagian dari nilai akhir:", "Share of the total:"),
    "app.sim.rule": ("Aturan panel juri", "Panel rule"),
    "app.sim.reset": ("Kembalikan ke rubrik resmi", "Back to the official rubric"),
    "app.sim.all_zero": (
        "Setidaknya satu bobot harus lebih dari nol.", "At least one weight must be above zero."),
    "app.sim.blocked": (
        "Dengan pilihan ini tidak ada hasil:", "With these choices there is no result:"),
    "app.sim.moved": ("Peserta berganti peringkat", "Entries changing rank"),
    "app.sim.winner": ("Juara I berganti?", "Does first place change?"),
    "app.sim.table_help": (
        "↑ naik dan ↓ turun dibandingkan peringkat resmi; = tetap.",
        "↑ up and ↓ down against the official rank; = unchanged.",
    ),
    "app.sim.col.rank": ("Peringkat simulasi", "Simulated rank"),
    "app.sim.col.change": ("Perubahan", "Change"),
    "app.sim.col.total": ("Nilai simulasi", "Simulated total"),
    "app.sim.col.official_total": ("Nilai resmi", "Official total"),
}
