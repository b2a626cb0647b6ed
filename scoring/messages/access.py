"""Texts of the shared workspace's people and rules (scoring/workspace/): organiser sign-in,
judges' private links, roles, assignments and conflicts of interest, final submissions, the
submission board, release and corrections, the audit log."""

MESSAGES = {
    # organiser accounts and sign-in
    "access.sign_in.failed": (
        "Nama pengguna atau kata sandi salah",
        "Wrong username or password",
    ),
    "access.sign_in.rate_limited": (
        "Terlalu banyak percobaan masuk yang gagal untuk {username!r}; coba lagi setelah "
        "{until}",
        "Too many failed sign-ins for {username!r}; try again after {until}",
    ),
    "access.organiser.exists": (
        "Penyelenggara {username!r} sudah ada",
        "Organiser {username!r} already exists",
    ),
    "access.organiser.weak_password": (
        "Kata sandi terlalu pendek: paling sedikit {minimum} karakter",
        "The password is too short: at least {minimum} characters",
    ),
    "access.organiser.bad_username": (
        "Nama pengguna tidak boleh kosong",
        "The username must not be empty",
    ),
    "access.secret.missing": (
        "Kunci rahasia tautan belum diatur: isi JURI_SECRET_KEY (paling sedikit 32 karakter) "
        "di lingkungan atau di secrets aplikasi",
        "The link secret is not set: set JURI_SECRET_KEY (at least 32 characters) in the "
        "environment or the app's secrets",
    ),
    # roles
    "access.refused.organiser_only": (
        "Hanya penyelenggara yang dapat melakukan ini",
        "Only an organiser can do this",
    ),
    "access.refused.other_competition": (
        "Tautan ini bukan untuk lomba ini",
        "This link is not for this competition",
    ),
    "access.refused.not_released": (
        "Hasil lomba ini belum diumumkan",
        "The results of this competition have not been released",
    ),
    "access.refused.judge_results": (
        "Juri tidak dapat melihat peringkat atau nilai juri lain",
        "Judges cannot see the ranking or other judges' marks",
    ),
    "access.refused.other_judge": (
        "Juri hanya dapat melihat unggahan dan laporannya sendiri",
        "A judge can see only their own uploads and reports",
    ),
    # judges' links
    "access.link.invalid": (
        "Tautan juri tidak sah atau rusak",
        "The judge's link is not valid or is damaged",
    ),
    "access.link.expired": (
        "Tautan juri sudah kedaluwarsa ({expired}); minta tautan baru kepada penyelenggara",
        "The judge's link has expired ({expired}); ask the organisers for a new one",
    ),
    "access.link.revoked": (
        "Tautan juri sudah dicabut atau diganti; minta tautan baru kepada penyelenggara",
        "The judge's link has been revoked or replaced; ask the organisers for a new one",
    ),
    "access.link.message": (
        "Yth. {judge}, berikut tautan pribadi Anda untuk menilai {title} ({year}): {url} . "
        "Tautan berlaku sampai {expires}; jangan dibagikan.",
        "Dear {judge}, here is your private link to score {title} ({year}): {url} . "
        "It is valid until {expires}; please do not share it.",
    ),
    # judges and assignments
    "access.judge.exists": (
        "Juri {judge!r} sudah terdaftar di lomba ini",
        "Judge {judge!r} is already registered in this competition",
    ),
    "access.judge.unknown": (
        "Juri #{judge_id} tidak ada di lomba ini",
        "Judge #{judge_id} is not in this competition",
    ),
    "access.assign.unknown_target": (
        "{scope} {target!r} tidak ada di daftar peserta lomba ini",
        "{scope} {target!r} is not in this competition's entries list",
    ),
    "access.mark.conflicted": (
        "Juri {judge!r} berasal dari instansi yang sama dengan peserta {entry!r} (konflik "
        "kepentingan): nilainya untuk peserta ini tidak dipakai",
        "Judge {judge!r} belongs to the same agency as entry {entry!r} (conflict of "
        "interest): their marks for this entry are not used",
    ),
    "access.mark.unassigned": (
        "Peserta {entry!r} tidak ditugaskan kepada juri {judge!r}: nilainya tidak dipakai",
        "Entry {entry!r} is not assigned to judge {judge!r}: the marks are not used",
    ),
    "access.final.no_upload": (
        "Belum ada unggahan yang dapat dikirim final",
        "There is no usable upload to submit as final",
    ),
    "access.final.summary": (
        "{entries} peserta dinilai, {marks} nilai dihitung, {missing} peserta belum dinilai",
        "{entries} entries scored, {marks} marks counted, {missing} entries not scored yet",
    ),
    # board
    "access.board.not_started": ("Belum mulai", "Not started"),
    "access.board.problems": ("Diunggah, ada masalah", "Uploaded with problems"),
    "access.board.complete": ("Lengkap", "Complete"),
    "access.board.final": ("Final", "Final"),
    # release
    "access.release.confirm_mismatch": (
        "Konfirmasi tidak cocok: ketik nama lomba {title!r} dan tahun {year} persis",
        "The confirmation does not match: type the competition's name {title!r} and year "
        "{year} exactly",
    ),
    "access.release.no_change": (
        "Koreksi ini sama dengan revisi {revision} yang berlaku; tidak ada perubahan",
        "This correction is the same as the current revision {revision}; nothing changes",
    ),
    "access.release.not_draft": (
        "Lomba {title!r} sudah diumumkan; hanya draf yang dapat dihapus",
        "{title!r} has been published; only a draft can be deleted",
    ),
    "access.release.files_rejected": (
        "{count} berkas ditolak; perbaiki dulu sebelum mengumumkan",
        "{count} files were rejected; fix them before publishing",
    ),
    "access.demo.real_database": (
        "Contoh hanya dimuat ke basis data demo, bukan ke arsip sungguhan",
        "The sample is loaded only into the demo database, never into a real archive",
    ),
}
