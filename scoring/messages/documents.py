"""Texts of the printable documents: results report, minutes, certificates, decree annex,
feedback reports, the results workbook's print setup, numbers in words and document
settings."""

MESSAGES = {
    # --- numbers and dates in words (scoring/documents/terbilang.py)
    "documents.words.minus": ("minus {words}", "minus {words}"),
    "documents.words.rupiah": ("{words} rupiah", "{words} rupiah"),
    "documents.words.sen": ("{words} sen", "and {words} sen"),
    "documents.words.date": ("{weekday} tanggal {day} bulan {month} tahun {year}",
                             "{weekday}, day {day} of {month} in the year {year}"),
    "documents.words.today": ("Pada hari ini {date}", "On this day, {date}"),
    "documents.day.0": ("Senin", "Monday"),
    "documents.day.1": ("Selasa", "Tuesday"),
    "documents.day.2": ("Rabu", "Wednesday"),
    "documents.day.3": ("Kamis", "Thursday"),
    "documents.day.4": ("Jumat", "Friday"),
    "documents.day.5": ("Sabtu", "Saturday"),
    "documents.day.6": ("Minggu", "Sunday"),
    # --- shared words
    "documents.shared_place": ("{place} (juara kembar)", "{place} (shared)"),
    "documents.page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "documents.fingerprint": ("Sidik jari masukan: {fingerprint}",
                              "Input fingerprint: {fingerprint}"),
    "documents.category": ("Kategori {category}", "Category {category}"),
    "documents.col.place": ("Penghargaan", "Award"),
    "documents.col.rank": ("Peringkat", "Rank"),
    "documents.col.entry": ("Peserta", "Entry"),
    "documents.col.total": ("Nilai akhir", "Total"),
    "documents.col.amount": ("Hadiah (Rp)", "Prize (Rp)"),
    "documents.col.amount_words": ("Terbilang", "In words"),
    "documents.col.no": ("No.", "No."),
    "documents.col.sure": ("Keyakinan", "Confidence"),
    "documents.no_amount": ("–", "–"),
    "documents.place_city_date": ("{place}, {date}", "{place}, {date}"),
    "documents.signature_name_id": ("NIP. {id_number}", "ID {id_number}"),
    "documents.judge_n": ("Juri {n}", "Judge {n}"),
    "documents.chair": ("Ketua Panitia", "Chair of the committee"),
    "documents.no_winners": ("Tidak ada pemenang di kategori ini.",
                             "No winners in this category."),
    # --- results report
    "documents.report.title": ("LAPORAN HASIL PENILAIAN", "RESULTS REPORT"),
    "documents.report.held": ("Tanggal: {date} · Tempat: {place}",
                              "Date: {date} · Place: {place}"),
    "documents.report.winners": ("Pemenang", "Winners"),
    "documents.report.method": ("Cara penilaian", "How the entries were scored"),
    "documents.report.method_text": (
        "Nilai para juri digabung dengan aturan: {rule}. Nilai akhir dibulatkan {decimals} "
        "angka di belakang koma. Bila nilai akhir sama, penentunya berurutan: {tie_breaks}.",
        "The judges' marks were combined by this rule: {rule}. Totals are rounded to "
        "{decimals} decimals. Equal totals are decided, in order, by: {tie_breaks}."),
    "documents.report.no_tie_breaks": ("tidak ada (nilai sama berbagi tempat)",
                                       "none (equal totals share the place)"),
    "documents.report.decided": ("{entry}: nilai akhir sama dengan peserta lain; ditentukan "
                                 "oleh {rule}.",
                                 "{entry}: equal total with another entry; decided by {rule}."),
    "documents.report.unresolved": ("{entries}: nilai sama yang tidak terpisahkan; tempat "
                                    "dibagi (juara kembar).",
                                    "{entries}: a tie no rule separates; the place is shared."),
    "documents.report.sure": ("Seberapa yakin tiap tempat", "How sure each place is"),
    "documents.report.sure_text": (
        "Peluang tiap pemenang mempertahankan tempatnya bila juri yang menilai diganti "
        "secara acak (hingga {resamples} kali per kategori, benih {seed}). Tempat yang "
        "peluangnya memang termasuk para juara di bawah {threshold} % — lebih dari {odds} "
        "dari {out_of} kemungkinan urutannya berbeda — ditandai \"terlalu dekat untuk "
        "dipastikan\".",
        "The chance that each winner keeps its place when the judges are resampled (up to "
        "{resamples} times per category, seed {seed}). A place whose chance of truly "
        "belonging among the winners is below {threshold} % — more than {odds} chance in "
        "{out_of} that the order differs — is flagged \"too close to call\"."),
    "documents.report.too_close": ("terlalu dekat", "too close to call"),
    "documents.report.chart": ("Nilai akhir per peserta", "Totals per entry"),
    "documents.report.appendix": ("Lampiran: peringkat lengkap", "Appendix: full ranking"),
    "documents.report.verify": (
        "Hasil ini dapat diperiksa ulang: masukan yang sama memberi sidik jari yang sama.",
        "This result can be checked: the same inputs give the same fingerprint."),
    # --- minutes (Berita Acara Penilaian)
    "documents.minutes.title": ("BERITA ACARA PENILAIAN", "MINUTES OF THE JUDGING"),
    "documents.minutes.opening": (
        "{sentence}, bertempat di {place}, kami yang bertanda tangan di bawah ini selaku "
        "Tim Juri {competition} telah melaksanakan penilaian dengan hasil sebagai berikut.",
        "{sentence}, at {place}, we the undersigned, the judges of {competition}, carried out "
        "the judging with the following results."),
    "documents.minutes.judges": ("Tim juri", "The judges"),
    "documents.minutes.method": ("Metode penilaian", "Method"),
    "documents.minutes.criteria": ("Kriteria dan bobot: {criteria}.",
                                   "Criteria and weights: {criteria}."),
    "documents.minutes.results": ("Hasil penilaian", "Results"),
    "documents.minutes.closing": (
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
        "mestinya.",
        "These minutes were made truthfully, to be used as required."),
    "documents.minutes.signatures": ("Yang bertanda tangan", "Signed"),
    # --- certificates
    "documents.certificate.for": ("diberikan kepada", "presented to"),
    # --- decree annex
    "documents.annex.heading": ("LAMPIRAN KEPUTUSAN {authority}",
                                "ANNEX TO THE DECREE OF THE {authority}"),
    "documents.annex.number": ("NOMOR", "NUMBER"),
    "documents.annex.date": ("TANGGAL", "DATE"),
    "documents.annex.about": ("TENTANG", "ABOUT"),
    "documents.annex.blank": ("……………", "……………"),
    # --- feedback report (rapor)
    "documents.feedback.title": ("RAPOR PENILAIAN", "FEEDBACK REPORT"),
    "documents.feedback.place": ("Peringkat {rank} dari {count} · nilai akhir {total}",
                                 "Rank {rank} of {count} · total {total}"),
    "documents.feedback.award": ("Penghargaan: {award}", "Award: {award}"),
    "documents.feedback.groups": ("Nilai per kelompok kriteria", "Score per criteria group"),
    "documents.feedback.col.group": ("Kelompok kriteria", "Criteria group"),
    "documents.feedback.col.own": ("Nilai Anda", "Your score"),
    "documents.feedback.col.median": ("Median kategori", "Category median"),
    "documents.feedback.col.winner": ("Juara I", "Winner"),
    "documents.feedback.strongest": ("Kriteria terkuat: {criteria}",
                                     "Strongest criteria: {criteria}"),
    "documents.feedback.weakest": ("Kriteria terlemah: {criteria}",
                                   "Weakest criteria: {criteria}"),
    "documents.feedback.change": (
        "Dibanding {year}: peringkat {old_rank} → {rank}, nilai {old_total} → {total}.",
        "Compared with {year}: rank {old_rank} → {rank}, total {old_total} → {total}."),
    "documents.feedback.no_history": ("Belum ada hasil tahun lalu untuk peserta ini.",
                                      "No result from last year for this entry."),
    "documents.feedback.comments": ("Catatan juri", "Judges' comments"),
    "documents.feedback.no_comments": ("Tidak ada catatan tertulis.", "No written comments."),
    "documents.feedback.private": (
        "Rapor ini hanya untuk peserta yang bersangkutan dan panitia.",
        "This report is only for this entry and the organisers."),
    # --- document settings (scoring/documents/settings.py)
    "documents.settings.invalid": (
        "Pengaturan dokumen salah pada {key}: {reason}",
        "Document settings wrong at {key}: {reason}"),
    "documents.settings.invalid_yaml": (
        "Pengaturan dokumen bukan YAML yang sah: {reason}",
        "Document settings are not valid YAML: {reason}"),
    # --- the results workbook (print-ready)
    "documents.workbook.title": ("Hasil penilaian {competition} · {category}",
                                 "Results of {competition} · {category}"),
    "documents.workbook.amount": ("Hadiah (Rp)", "Prize (Rp)"),
    "documents.workbook.reached": ("Tahap terakhir", "Last stage"),
    "documents.workbook.stage_rank": ("Peringkat di tahap itu", "Rank at that stage"),
    "documents.workbook.reason": ("Keterangan", "Reason"),
    "documents.workbook.final_stage": (
        "Dihitung pada tahap terakhir ({stage}) saja: para pesertanya, nilai dan juri tahap "
        "itu, dengan peringkat tahap itu sebagai hasil resmi",
        "Computed on the last stage ({stage}) alone: its entries, marks and judges, with that "
        "stage's ranking as the official one"),
    "documents.workbook.no_final_stage": (
        "Lembar keadilan (keyakinan peringkat, kepekaan, juri, kesepakatan) tidak dibuat: "
        "tahap terakhir tidak dinilai juri",
        "The fairness sheets (rank confidence, sensitivity, judges, agreement) are left out: "
        "the last stage is not judged"),
    # --- command line
    "documents.cli.kind_format": ("Dokumen {kind} tidak tersedia sebagai {fmt}.",
                                  "The {kind} document is not available as {fmt}."),
}
