"""Texts of the revision diff (scoring/workspace/revisions.py): its columns and the kinds of
change to a judge's file between two revisions."""

MESSAGES = {
    "revisions.col.category": ("Kategori", "Category"),
    "revisions.col.entry": ("Peserta", "Entry"),
    "revisions.col.rank": ("Peringkat rev. {revision}", "Rank rev. {revision}"),
    "revisions.col.total": ("Nilai rev. {revision}", "Total rev. {revision}"),
    "revisions.col.award": ("Penghargaan rev. {revision}", "Award rev. {revision}"),
    "revisions.col.place_moved": ("Pindah tempat", "Places moved"),
    "revisions.col.judge": ("Juri", "Judge"),
    "revisions.col.change": ("Perubahan", "Change"),
    "revisions.col.file": ("Berkas rev. {revision}", "File rev. {revision}"),
    "revisions.change.added": ("berkas ditambahkan", "file added"),
    "revisions.change.removed": ("berkas dihapus", "file removed"),
    "revisions.change.replaced": ("berkas diganti", "file replaced"),
    "revisions.file": ("{filename} (versi {version})", "{filename} (version {version})"),
    "revisions.unknown_revision": (
        "Kompetisi {title!r} tidak mempunyai revisi {revision} (revisi yang ada: {known})",
        "The competition {title!r} has no revision {revision} (its revisions: {known})",
    ),
    "revisions.summary": (
        "Revisi {old} → {new}: {places} peserta pindah peringkat, {totals} nilai berubah, "
        "{files} berkas juri berubah",
        "Revision {old} → {new}: {places} entries changed place, {totals} totals changed, "
        "{files} judges' files changed",
    ),
}
