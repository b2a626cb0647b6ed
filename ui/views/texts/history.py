"""Texts of the app's History (Riwayat) and Archive (Arsip) pages, and of opening the archive
from the app (ui/views/history.py, ui/views/archive.py).

Markdown is allowed where a page shows the text with ``st.markdown``; placeholders that hold
user-provided names are escaped by the page before they are filled in.
"""

MESSAGES = {
    # --- navigation --------------------------------------------------------------------------
    "app.page.history": ("Riwayat", "History"),
    "app.page.archive": ("Arsip", "Archive"),
    # --- opening the archive -----------------------------------------------------------------
    "app.archive.opening": ("Membuka arsip…", "Opening the archive…"),
    "app.archive.location": (
        "Arsip: {location} ({source})",
        "Archive: {location} ({source})",
    ),
    "app.archive.source.env": (
        "dari variabel lingkungan JURI_DATABASE_URL",
        "from the environment variable JURI_DATABASE_URL",
    ),
    "app.archive.source.setting": (
        "dari pengaturan aplikasi database_url di .streamlit/secrets.toml",
        "from the app setting database_url in .streamlit/secrets.toml",
    ),
    "app.archive.source.default": (
        "berkas SQLite bawaan",
        "the default SQLite file",
    ),
    "app.archive.unavailable": (
        "Arsip di {location} tidak dapat dibuka, jadi riwayat dan arsip tidak tersedia saat "
        "ini. Halaman lain tetap berfungsi. Periksa alamat basis data dan apakah servernya "
        "berjalan, lalu coba lagi.",
        "The archive at {location} cannot be opened, so the history and the archive are not "
        "available for now. The other pages still work. Check the database address and that "
        "its server is running, then try again.",
    ),
    "app.archive.unavailable_newer": (
        "Arsip di {location} dibuat oleh versi Juri yang lebih baru; versi ini tidak dapat "
        "membukanya. Perbarui Juri. Halaman lain tetap berfungsi.",
        "The archive at {location} was made by a newer version of Juri, which this version "
        "cannot open. Update Juri. The other pages still work.",
    ),
    "app.archive.seed_failed": (
        "Arsip terbuka, tetapi data contoh tiga tahun tidak dapat dimuat ke dalamnya.",
        "The archive is open, but the sample's three years could not be loaded into it.",
    ),
    "app.archive.seeded": (
        "Arsip masih kosong, jadi data contoh tiga tahun (2024, 2025 dan 2026) dimuat ke "
        "dalamnya.",
        "The archive was empty, so the sample's three years (2024, 2025 and 2026) were loaded "
        "into it.",
    ),
    "app.archive.how_to_set": (
        "Alamat arsip diambil dari variabel lingkungan JURI_DATABASE_URL, atau dari "
        "pengaturan database_url di .streamlit/secrets.toml (contoh: database_url = "
        "\"postgresql+psycopg://pengguna:sandi@localhost:5432/juri\"); tanpa keduanya, "
        "berkas data/juri.db.",
        "The archive's address comes from the environment variable JURI_DATABASE_URL, or the "
        "setting database_url in .streamlit/secrets.toml (for example: database_url = "
        "\"postgresql+psycopg://user:password@localhost:5432/juri\"); without either, the "
        "file data/juri.db.",
    ),
    "app.archive.detail": ("Keterangan teknis", "Technical detail"),
    "app.archive.retry": ("Coba lagi", "Try again"),
    "app.archive.timestamp": ("{date} pukul {time} UTC", "{date} at {time} UTC"),
    # --- history page ------------------------------------------------------------------------
    "app.history.title": ("Riwayat peringkat", "Rankings over the years"),
    "app.history.empty": (
        "Arsip belum berisi hasil yang diumumkan. Umumkan hasil di halaman Arsip, atau impor "
        "hasil tahun lalu dengan `python -m scoring import-results`.",
        "The archive holds no published result yet. Publish one on the Archive page, or import "
        "a past year's results with `python -m scoring import-results`.",
    ),
    "app.history.all_entries": ("Semua peserta", "All entries"),
    "app.history.top": ("Grafik: peserta teratas", "Charts: top entries"),
    "app.history.find": ("Sorot nama (cari)", "Highlight a name (search)"),
    "app.history.top_note": (
        "Grafik menampilkan {shown} teratas dari {count} peserta (menurut peringkat tahun "
        "terakhir mereka). Pilih peserta di atas untuk membandingkan yang lain.",
        "The charts show the top {shown} of {count} entries (by their latest year's rank). "
        "Choose entries above to compare others.",
    ),
    "app.history.summary": (
        "{count} peserta; tahun: {years}. Nama yang tampil adalah nama resmi sekarang; "
        "peserta yang berganti nama diikuti lintas tahun.",
        "{count} entries; years: {years}. Names are today's official names; renamed entries "
        "are followed across the years.",
    ),
    "app.history.year": ("Tahun", "Year"),
    "app.history.name_then": ("Nama saat itu", "Name at the time"),
    "app.history.rank_plain": ("{rank}", "{rank}"),
    "app.history.rank_tied": ("{rank} (seri)", "{rank} (tied)"),
    "app.history.chart_ranks": ("Peringkat per tahun", "Rank by year"),
    "app.history.chart_ranks_help": (
        "Peringkat 1 di atas. Nama peserta tertulis di ujung garisnya; ketik sebagian nama di "
        "kotak sorot untuk menonjolkannya; arahkan penunjuk ke titik untuk rinciannya.",
        "Rank 1 at the top. Each entry's name is written at the end of its line; type part "
        "of a name in the highlight box to bring it forward; point at a dot for its "
        "details.",
    ),
    "app.history.chart_totals": ("Nilai akhir per tahun", "Total by year"),
    "app.history.table": ("Peringkat dan nilai per tahun", "Rank and total by year"),
    "app.history.table_help": (
        "Klik judul kolom untuk mengurutkan. Kosong (–) berarti tidak ikut tahun itu.",
        "Click a column heading to sort. Empty (–) means the entry did not take part that "
        "year.",
    ),
    "app.history.col.rank_in": ("Peringkat {year}", "Rank {year}"),
    "app.history.col.total_in": ("Nilai {year}", "Total {year}"),
    "app.history.col.former_names": ("Nama terdahulu", "Former names"),
    "app.history.download": ("Unduh tabel (xlsx)", "Download the table (xlsx)"),
    "app.history.sheet_title": (
        "Riwayat peringkat — kategori {category}",
        "Rankings over the years — category {category}",
    ),
    "app.history.improved": ("Paling meningkat", "Most improved"),
    "app.history.period": ("Dari tahun ke tahun", "From year to year"),
    "app.history.one_year": (
        "Baru ada satu tahun di arsip; peningkatan terlihat mulai tahun kedua.",
        "Only one year is in the archive; improvement shows from the second year.",
    ),
    "app.history.improved_rank": ("Naik peringkat terbanyak", "Largest rank gain"),
    "app.history.improved_total": ("Kenaikan nilai terbesar", "Largest total gain"),
    "app.history.improved_rank_text": (
        "{names} naik {gain} peringkat ({years}).",
        "{names}: {gain} places gained ({years}).",
    ),
    "app.history.improved_total_text": (
        "{names} naik {gain} poin ({years}).",
        "{names}: {gain} points gained ({years}).",
    ),
    "app.history.improved_item": ("**{name}** ({before} → {after})",
                                  "**{name}** ({before} → {after})"),
    "app.history.and": ("{first} dan {last}", "{first} and {last}"),
    "app.history.renames": (
        "Diikuti melalui perubahan nama: {items}.",
        "Followed through renames: {items}.",
    ),
    "app.history.renamed_item": ("{name} (dahulu {former})", "{name} (formerly {former})"),
    "app.history.col.years": ("Tahun", "Years"),
    "app.history.col.rank_before": ("Peringkat sebelum", "Rank before"),
    "app.history.col.rank_after": ("Peringkat sesudah", "Rank after"),
    "app.history.col.rank_gain": ("Naik peringkat", "Places gained"),
    "app.history.col.total_before": ("Nilai sebelum", "Total before"),
    "app.history.col.total_after": ("Nilai sesudah", "Total after"),
    "app.history.col.total_gain": ("Kenaikan nilai", "Total gained"),
    "app.history.none": ("Tidak ada.", "None."),
    "app.history.consistent": ("Selalu di papan atas", "Consistently at the top"),
    "app.history.places": ("Peringkat teratas", "Top places"),
    "app.history.consistent_help": (
        "Peserta yang selalu berada di {places} besar pada setiap tahun keikutsertaannya "
        "(paling sedikit dua tahun).",
        "Entries in the top {places} in every year they took part (at least two years).",
    ),
    "app.history.col.years_count": ("Tahun ikut", "Years taken part"),
    "app.history.col.first_last": ("Rentang", "Span"),
    "app.history.col.best_rank": ("Peringkat terbaik", "Best rank"),
    "app.history.col.worst_rank": ("Peringkat terendah", "Worst rank"),
    "app.history.col.mean_rank": ("Rata-rata peringkat", "Mean rank"),
    "app.history.new": ("Peserta baru", "New entrants"),
    "app.history.col.first_year": ("Tahun pertama", "First year"),
    # --- archive page ------------------------------------------------------------------------
    "app.archive.title": ("Arsip kompetisi", "The competition archive"),
    "app.archive.publish_title": ("Umumkan kompetisi ini", "Publish this competition"),
    "app.archive.publish_new": (
        "Kompetisi ini belum ada di arsip. Mengumumkan akan membuatnya di arsip, menyimpan "
        "setiap berkas juri persis seperti adanya, lalu membekukan hasilnya sebagai revisi 1.",
        "This competition is not in the archive yet. Publishing creates it there, keeps every "
        "judge's file exactly as it came, and freezes the result as revision 1.",
    ),
    "app.archive.publish_draft": (
        "Kompetisi ini ada di arsip sebagai draf (#{id}, {title}). Mengumumkan menyimpan "
        "berkas juri (berkas baru menjadi versi baru) lalu membekukan hasilnya sebagai "
        "revisi 1.",
        "This competition is in the archive as a draft (#{id}, {title}). Publishing keeps the "
        "judges' files (a new file becomes a new version) and freezes the result as "
        "revision 1.",
    ),
    "app.archive.publish_correct": (
        "Hasil kompetisi ini sudah diumumkan (#{id}, {title}, revisi {revision}). Hasil yang "
        "diumumkan tidak berubah; perubahan dibuat sebagai koreksi (revisi baru) dan "
        "**wajib disertai alasan**. Semua revisi tetap dapat dibaca.",
        "The result of this competition is already published (#{id}, {title}, revision "
        "{revision}). A published result does not change; a change is made as a correction "
        "(a new revision) and **needs a reason**. Every revision stays readable.",
    ),
    "app.archive.by": ("Diumumkan oleh", "Published by"),
    "app.archive.by_help": (
        "Nama Anda; dicatat pada setiap berkas dan revisi.",
        "Your name; recorded with every file and revision.",
    ),
    "app.archive.reason": ("Alasan koreksi", "Reason for the correction"),
    "app.archive.reason_help": (
        "Wajib untuk koreksi, misalnya \"Juri 2 memperbaiki nilai\".",
        "Required for a correction, for example \"Judge 2 corrected a score\".",
    ),
    "app.archive.publish": ("Umumkan", "Publish"),
    "app.archive.correct": ("Umumkan koreksi", "Publish the correction"),
    "app.archive.published": (
        "Diumumkan: kompetisi #{id}, revisi {revision}. Berkas: {new} baru, {versions} versi "
        "baru, {duplicates} sama persis dengan yang sudah ada (tidak disimpan dua kali), "
        "{rejected} ditolak.",
        "Published: competition #{id}, revision {revision}. Files: {new} new, {versions} new "
        "versions, {duplicates} identical to one already kept (not stored twice), {rejected} "
        "rejected.",
    ),
    "app.archive.not_published": ("Tidak diumumkan.", "Not published."),
    "app.archive.competitions": ("Kompetisi di arsip", "Competitions in the archive"),
    "app.archive.empty": ("Arsip masih kosong.", "The archive is empty."),
    "app.archive.competition_option": (
        "#{id} · {title} ({year}) · {status}",
        "#{id} · {title} ({year}) · {status}",
    ),
    "app.archive.col.id": ("No.", "No."),
    "app.archive.col.title": ("Judul", "Title"),
    "app.archive.col.status": ("Status", "Status"),
    "app.archive.col.origin": ("Asal", "Origin"),
    "app.archive.col.revisions": ("Revisi", "Revisions"),
    "app.archive.col.created": ("Dibuat", "Created"),
    "app.archive.col.created_by": ("Oleh", "By"),
    "app.archive.status.draft": ("draf", "draft"),
    "app.archive.status.published": ("diumumkan", "published"),
    "app.archive.origin.tool": ("dinilai dengan Juri", "scored with Juri"),
    "app.archive.origin.import": ("hasil lama (impor)", "past results (imported)"),
    "app.archive.uploads": ("Unggahan per juri", "Uploads per judge"),
    "app.archive.uploads_help": (
        "Setiap berkas disimpan persis seperti diunggah (sidik sha256). Unggahan ulang juri "
        "yang sama menjadi versi baru; versi lama tetap ada. \"Berlaku\" menandai versi yang "
        "dipakai untuk penilaian.",
        "Every file is kept exactly as uploaded (sha256). A judge's re-upload is a new "
        "version; the old one stays. \"Current\" marks the version used for scoring.",
    ),
    "app.archive.no_uploads": ("Belum ada unggahan.", "No uploads yet."),
    "app.archive.col.purpose": ("Jenis", "Kind"),
    "app.archive.purpose.sheet": ("lembar juri", "judge's sheet"),
    "app.archive.purpose.past_results": ("berkas hasil (impor)", "results file (imported)"),
    "app.archive.col.upload": ("No. unggahan", "Upload no."),
    "app.archive.col.version": ("Versi", "Version"),
    "app.archive.col.uploaded_at": ("Waktu unggah", "Uploaded at"),
    "app.archive.col.current": ("Berlaku", "Current"),
    "app.archive.col.scores": ("Jumlah nilai", "Scores"),
    "app.archive.col.size": ("Ukuran (bita)", "Size (bytes)"),
    "app.archive.col.uploader": ("Pengunggah", "Uploaded by"),
    "app.archive.upload.ok": ("diterima", "accepted"),
    "app.archive.upload.rejected": ("ditolak", "rejected"),
    "app.archive.choose_upload": ("Unggahan", "Upload"),
    "app.archive.upload_option": (
        "{judge} · versi {version} · {file} · {time}",
        "{judge} · version {version} · {file} · {time}",
    ),
    "app.archive.download_upload": (
        "Unduh berkas persis seperti diunggah",
        "Download the file exactly as uploaded",
    ),
    "app.archive.revisions": ("Revisi hasil", "Result revisions"),
    "app.archive.no_revisions": (
        "Belum diumumkan: belum ada revisi.",
        "Not published: no revision yet.",
    ),
    "app.archive.col.revision": ("Revisi", "Revision"),
    "app.archive.col.published_at": ("Diumumkan", "Published"),
    "app.archive.col.reason": ("Alasan", "Reason"),
    "app.archive.col.uploads": ("Berkas dipakai", "Files used"),
    "app.archive.col.fingerprint": ("Sidik jari", "Fingerprint"),
    "app.archive.choose_revision": ("Baca revisi", "Read a revision"),
    "app.archive.revision_option": ("Revisi {revision}", "Revision {revision}"),
    "app.archive.download_revision": (
        "Unduh revisi ini (JSON, persis seperti diumumkan)",
        "Download this revision (JSON, exactly as published)",
    ),
    # --- publishing from the app (problems) --------------------------------------------------
}
