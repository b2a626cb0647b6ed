"""Texts of the shared workspace's pages: sign-in, the judge's own page, the organiser's
set-up, board, release and audit pages, and the public results (ui/signin.py,
ui/judge_home.py, ui/organiser_*.py, ui/board.py, ui/audit.py, ui/public.py).

Placeholders holding user-provided names are escaped by the page before they are filled in.
"""

MESSAGES = {
    # --- navigation --------------------------------------------------------------------------
    "app.page.signin": ("Masuk panitia", "Organiser sign-in"),
    "app.page.my_scoring": ("Penilaian saya", "My scoring"),
    "app.page.setup": ("Lomba & juri", "Competitions & judges"),
    "app.page.board": ("Papan penyerahan", "Submission board"),
    "app.page.release": ("Rilis hasil", "Release"),
    "app.page.audit": ("Log audit", "Audit log"),
    "app.page.public": ("Hasil resmi", "Official results"),
    "app.nav.workspace": ("Ruang kerja", "Workspace"),
    "app.nav.desk": ("Meja hitung", "Scoring desk"),
    "app.nav.public": ("Umum", "Public"),
    # --- who is using the app ----------------------------------------------------------------
    "app.ws.demo": (
        "**DEMO** — contoh bawaan di basis data demo tersendiri, tanpa masuk. Untuk data "
        "sungguhan atur JURI_DATABASE_URL (lihat docs/security.md).",
        "**DEMO** — the bundled sample in its own demo database, no sign-in. For real data "
        "set JURI_DATABASE_URL (see docs/security.md).",
    ),
    "app.ws.no_organiser": (
        "**Belum ada akun panitia** di basis data ini: hanya hasil yang sudah diumumkan yang "
        "terbuka. Buat akun panitia pertama: `python -m scoring workspace create-organiser "
        "NAMA`.",
        "**No organiser account yet** in this database: only released results are open. "
        "Create the first organiser: `python -m scoring workspace create-organiser NAME`.",
    ),
    "app.ws.signed_in": ("Masuk sebagai **{name}** (panitia)", "Signed in as **{name}** "
                         "(organiser)"),
    "app.ws.judge_as": ("Juri: **{name}**", "Judge: **{name}**"),
    "app.ws.sign_out": ("Keluar", "Sign out"),
    "app.ws.expired": (
        "Sesi Anda berakhir karena lama tidak aktif. Silakan masuk lagi.",
        "Your session ended after a long idle time. Please sign in again.",
    ),
    "app.ws.link_refused": ("Tautan juri ditolak: {reason}", "Judge link refused: {reason}"),
    "app.ws.no_secret": (
        "Tautan juri belum dapat dibuat: kunci rahasia (JURI_SECRET_KEY) belum diatur. Lihat "
        "docs/security.md.",
        "Judge links cannot be made yet: the secret key (JURI_SECRET_KEY) is not set. See "
        "docs/security.md.",
    ),
    # --- sign-in -------------------------------------------------------------------------------
    "app.signin.title": ("Masuk panitia", "Organiser sign-in"),
    "app.signin.username": ("Nama pengguna", "Username"),
    "app.signin.password": ("Kata sandi", "Password"),
    "app.signin.submit": ("Masuk", "Sign in"),
    "app.signin.oidc": ("Masuk dengan akun organisasi", "Sign in with your organisation's "
                        "account"),
    "app.signin.oidc_unknown": (
        "Akun {email} belum terdaftar sebagai panitia. Minta panitia membuatnya lewat CLI.",
        "The account {email} is not an organiser. Ask an organiser to create it with the CLI.",
    ),
    "app.signin.judges_hint": (
        "Juri tidak perlu masuk: buka tautan pribadi yang dikirim panitia.",
        "Judges need no sign-in: open the private link the organisers sent you.",
    ),
    # --- competitions & judges -------------------------------------------------------------
    "app.setup.title": ("Lomba & juri", "Competitions & judges"),
    "app.setup.none": ("Belum ada lomba. Buat yang pertama di bawah.",
                       "No competition yet. Create the first one below."),
    "app.setup.choose": ("Lomba", "Competition"),
    "app.setup.option": ("{title} ({year}) · {status}", "{title} ({year}) · {status}"),
    "app.setup.status.draft": ("draf", "draft"),
    "app.setup.status.published": ("dirilis", "released"),
    "app.setup.create": ("Buat lomba baru", "Create a competition"),
    "app.setup.rubric": ("Rubrik (YAML)", "Rubric (YAML)"),
    "app.setup.entries": ("Daftar peserta (CSV)", "Entries list (CSV)"),
    "app.setup.create_button": ("Buat lomba (draf)", "Create the competition (draft)"),
    "app.setup.created": ("Lomba **{title}** disimpan sebagai draf.",
                          "**{title}** is stored as a draft."),
    "app.setup.found": ("Lomba **{title}** sudah ada; dibuka.",
                        "**{title}** exists already; opened."),
    "app.setup.judges": ("Juri", "Judges"),
    "app.setup.judge_name": ("Nama juri", "Judge's name"),
    "app.setup.judge_agency": ("Instansi juri (untuk konflik kepentingan)",
                               "Judge's agency (for conflicts of interest)"),
    "app.setup.add_judge": ("Tambah juri", "Add the judge"),
    "app.setup.judge_added": ("Juri **{judge}** ditambahkan.", "**{judge}** added."),
    "app.setup.assign": ("Penugasan", "Assignments"),
    "app.setup.assign_hint": (
        "Juri tanpa penugasan menilai semua peserta. Peserta dari instansi juri sendiri "
        "selalu dikecualikan.",
        "A judge with no assignment scores every entry. Entries of the judge's own agency "
        "are always left out.",
    ),
    "app.setup.assign_judge": ("Juri", "Judge"),
    "app.setup.assign_category": ("Kategori", "Category"),
    "app.setup.assign_button": ("Tugaskan", "Assign"),
    "app.setup.assigned": ("Ditugaskan.", "Assigned."),
    "app.setup.links": ("Tautan juri", "Judges' links"),
    "app.setup.issue": ("Buat tautan untuk {judge}", "Issue a link for {judge}"),
    "app.setup.revoke": ("Cabut tautan {judge}", "Revoke {judge}'s link"),
    "app.setup.issued": (
        "Tautan baru untuk **{judge}** (tautan lama tidak berlaku lagi). Salin pesan ini:",
        "A new link for **{judge}** (any older one no longer works). Copy this message:",
    ),
    "app.setup.revoked": ("Tautan **{judge}** dicabut.", "**{judge}**'s link is revoked."),
    "app.setup.base_url": ("Alamat aplikasi untuk tautan", "The app's address for links"),
    "app.setup.link.none": ("belum ada", "none"),
    "app.setup.link.active": ("aktif", "active"),
    "app.setup.link.revoked": ("dicabut", "revoked"),
    "app.setup.link.expired": ("kedaluwarsa", "expired"),
    "app.setup.delete": ("Hapus draf ini", "Delete this draft"),
    "app.setup.delete_confirm": ("Ya, hapus draf **{title}** beserta unggahannya",
                                 "Yes, delete the draft **{title}** and its uploads"),
    "app.setup.deleted": ("Draf **{title}** dihapus.", "The draft **{title}** is deleted."),
    "app.setup.col.name": ("Nama", "Name"),
    "app.setup.col.agency": ("Instansi", "Agency"),
    "app.setup.col.link": ("Tautan", "Link"),
    "app.setup.col.expires": ("Berlaku sampai", "Valid until"),
    "app.setup.col.assigned": ("Peserta dinilai", "Entries to score"),
    "app.setup.col.conflicted": ("Konflik", "Conflicted"),
    # --- board -----------------------------------------------------------------------------
    "app.board.title": ("Papan penyerahan", "Submission board"),
    "app.board.caption": (
        "Diperbarui otomatis setiap {seconds} detik. Terakhir: {time}.",
        "Updates by itself every {seconds} seconds. Last: {time}.",
    ),
    "app.board.judges": ("Per juri", "By judge"),
    "app.board.line": ("**{judge}**: {status}{last}", "**{judge}**: {status}{last}"),
    "app.board.line_last": (" · terakhir {time}", " · last {time}"),
    "app.board.entries": ("Per peserta", "By entry"),
    "app.board.download": ("Unduh papan (xlsx)", "Download the board (xlsx)"),
    "app.board.col.judge": ("Juri", "Judge"),
    "app.board.col.agency": ("Instansi", "Agency"),
    "app.board.col.status": ("Status", "Status"),
    "app.board.col.last_upload": ("Unggahan terakhir", "Last upload"),
    "app.board.col.uploads": ("Unggahan", "Uploads"),
    "app.board.col.missing": ("Belum dinilai", "Missing"),
    "app.board.col.missing_entries": ("Peserta yang belum", "Entries missing"),
    "app.board.col.entry": ("Peserta", "Entry"),
    "app.board.col.category": ("Kategori", "Category"),
    "app.board.col.scored": ("Juri yang sudah", "Judges scored"),
    "app.board.col.expected": ("Juri yang diharapkan", "Judges expected"),
    # --- release ---------------------------------------------------------------------------
    "app.release.title": ("Rilis hasil", "Release"),
    "app.release.hidden": (
        "Hasil lomba ini belum dirilis: hanya panitia yang dapat melihat peringkatnya.",
        "This competition's results are not released: only organisers can see the ranking.",
    ),
    "app.release.confirm": (
        "Untuk merilis, ketik judul lomba **{title}** dan tahunnya **{year}**.",
        "To release, type the competition's title **{title}** and its year **{year}**.",
    ),
    "app.release.confirm_title": ("Judul lomba", "Competition title"),
    "app.release.confirm_year": ("Tahun", "Year"),
    "app.release.publish": ("Rilis hasil", "Release the results"),
    "app.release.published": ("Dirilis: revisi {revision}.", "Released: revision {revision}."),
    "app.release.current": (
        "Dirilis, revisi {revision}, {time}.", "Released, revision {revision}, {time}.",
    ),
    "app.release.correct": ("Koreksi (revisi baru)", "Correction (a new revision)"),
    "app.release.reason": ("Alasan koreksi", "Reason for the correction"),
    "app.release.correct_button": ("Rilis koreksi", "Release the correction"),
    "app.release.need_reason": ("Tulis alasan koreksi.", "Write the reason for the "
                                "correction."),
    "app.release.diff": ("Perbedaan antar revisi", "Differences between revisions"),
    "app.release.diff_old": ("Dari revisi", "From revision"),
    "app.release.diff_new": ("Ke revisi", "To revision"),
    # --- audit -----------------------------------------------------------------------------
    "app.audit.title": ("Log audit", "Audit log"),
    "app.audit.all": ("Semua lomba", "All competitions"),
    "app.audit.download": ("Unduh log (CSV)", "Download the log (CSV)"),
    "app.audit.col.time": ("Waktu", "Time"),
    "app.audit.col.actor": ("Oleh", "By"),
    "app.audit.col.role": ("Peran", "Role"),
    "app.audit.col.action": ("Tindakan", "Action"),
    "app.audit.col.competition_id": ("Lomba", "Competition"),
    "app.audit.col.detail": ("Rincian", "Detail"),
    # --- the judge's page --------------------------------------------------------------------
    "app.judge.title": ("Penilaian saya", "My scoring"),
    "app.judge.intro": (
        "Selamat datang, **{name}** — **{title}** ({year}). Anda hanya melihat penilaian Anda "
        "sendiri.",
        "Welcome, **{name}** — **{title}** ({year}). You see only your own scoring.",
    ),
    "app.judge.entries": ("Peserta yang Anda nilai ({count})", "Entries you score ({count})"),
    "app.judge.conflicted": (
        "Tidak Anda nilai karena konflik kepentingan: {names}",
        "Not yours to score (conflict of interest): {names}",
    ),
    "app.judge.template": ("Unduh templat saya (xlsx)", "Download my template (xlsx)"),
    "app.judge.upload": ("Unggah lembar nilai", "Upload the score sheet"),
    "app.judge.uploaded": (
        "**{file}** disimpan (versi {version}, {status}).",
        "**{file}** is stored (version {version}, {status}).",
    ),
    "app.judge.versions": ("Unggahan saya", "My uploads"),
    "app.judge.latest": (
        "Terbaru: **{file}** (versi {version}, {status}), {time}.",
        "Newest: **{file}** (version {version}, {status}), {time}.",
    ),
    "app.judge.none": ("Belum ada unggahan.", "No upload yet."),
    "app.judge.report": ("Laporan pemeriksaan unggahan terbaru", "Checking report of the "
                         "newest upload"),
    "app.judge.clean": ("Tidak ada masalah pada unggahan ini.", "No problems in this upload."),
    "app.judge.final": ("Kirim final", "Submit as final"),
    "app.judge.final_hint": (
        "Yang akan dihitung: {summary}", "What will be counted: {summary}",
    ),
    "app.judge.final_done": ("Terkirim final. {summary}", "Submitted as final. {summary}"),
    "app.judge.col.version": ("Versi", "Version"),
    "app.judge.col.file": ("Berkas", "File"),
    "app.judge.col.status": ("Status", "Status"),
    "app.judge.col.current": ("Dipakai", "In use"),
    "app.judge.col.time": ("Waktu", "Time"),
    "app.judge.col.marks": ("Nilai", "Marks"),
    "app.judge.col.entry": ("Peserta", "Entry"),
    "app.judge.col.category": ("Kategori", "Category"),
    # --- public results --------------------------------------------------------------------
    "app.public.title": ("Hasil resmi", "Official results"),
    "app.public.none": ("Belum ada hasil yang dirilis.", "No results have been released yet."),
    "app.public.choose": ("Lomba", "Competition"),
    "app.public.released": ("Dirilis {time}.", "Released {time}."),
    "app.public.corrected": (
        "Dikoreksi pada {time} (revisi {revision}): {reason}",
        "Corrected on {time} (revision {revision}): {reason}",
    ),
    "app.public.winners": ("Pemenang", "Winners"),
    "app.public.winner": ("{award}: **{name}** ({total})", "{award}: **{name}** ({total})"),
    "app.public.ranking": ("Peringkat", "Ranking"),
    "app.public.col.rank": ("Peringkat", "Rank"),
    "app.public.col.name": ("Peserta", "Entry"),
    "app.public.col.total": ("Nilai akhir", "Final score"),
    "app.public.col.award": ("Penghargaan", "Award"),
    "app.public.tied": ("sama", "tied"),
}
