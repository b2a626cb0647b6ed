"""What changed between two revisions of a published competition (organisers only).

Words used here:
- *revision*: a published result (1 = the publication, 2, 3 … = corrections), with the
  uploads it was computed from recorded (:meth:`scoring.store.Archive.results`).
- *place changed*: an entry's rank in its category differs between the two revisions (or it
  is ranked in only one). ``moved`` is ``rank_old - rank_new``: positive when it went up.
- *total changed*: its total differs (or exists in only one of them).
- *file change*, per judge (told apart by :func:`scoring.identity.judge_key`), between the two
  revisions' recorded uploads: ``added`` (a judge counted only in the new revision),
  ``removed`` (only in the old one), ``replaced`` (another upload of the same judge). Judges
  whose recorded upload is the same are not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from scoring.i18n import format_number, t
from scoring.identity import judge_key
from scoring.problems import ProblemsError, error
from scoring.store.archive import Archive
from scoring.workspace.access import MANAGE, Actor, require

ENTRY_COLUMNS = ("category", "entry_id", "name", "rank_old", "rank_new", "moved", "total_old",
                 "total_new", "award_old", "award_new", "place_changed", "total_changed")
FILE_COLUMNS = ("judge", "change", "old_upload_id", "old_version", "old_filename",
                "new_upload_id", "new_version", "new_filename")
CHANGES = ("added", "removed", "replaced")


@dataclass(frozen=True)
class RevisionDiff:
    """Revision ``old`` against revision ``new`` of one competition.

    ``entries``: every entry ranked in either revision (:data:`ENTRY_COLUMNS`), by category and
    new rank; ``files``: the judges whose recorded file changed (:data:`FILE_COLUMNS`).
    """

    competition_id: int
    old: int
    new: int
    entries: pd.DataFrame
    files: pd.DataFrame

    @property
    def places_changed(self) -> pd.DataFrame:
        return self.entries[self.entries["place_changed"]].reset_index(drop=True)

    @property
    def totals_changed(self) -> pd.DataFrame:
        return self.entries[self.entries["total_changed"]].reset_index(drop=True)

    @property
    def unchanged(self) -> bool:
        return (not self.entries["place_changed"].any()
                and not self.entries["total_changed"].any() and self.files.empty)

    def summary(self, lang: str = "id") -> str:
        return t("revisions.summary", lang, old=self.old, new=self.new,
                 places=len(self.places_changed), totals=len(self.totals_changed),
                 files=len(self.files))

    def entries_frame(self, lang: str = "id") -> pd.DataFrame:
        """The entries whose place, total or award changed, for a page: labelled columns,
        numbers written the way of ``lang`` (85,50)."""
        e = self.entries
        changed = e[e["place_changed"] | e["total_changed"]
                    | (e["award_old"].fillna("") != e["award_new"].fillna(""))]

        def rank(value: Any) -> str:
            return "–" if pd.isna(value) else str(int(value))

        def moved(value: Any) -> str:
            return "" if pd.isna(value) or value == 0 else f"{int(value):+d}"

        return pd.DataFrame({
            t("revisions.col.category", lang): changed["category"],
            t("revisions.col.entry", lang): changed["name"],
            t("revisions.col.rank", lang, revision=self.old): changed["rank_old"].map(rank),
            t("revisions.col.rank", lang, revision=self.new): changed["rank_new"].map(rank),
            t("revisions.col.place_moved", lang): changed["moved"].map(moved),
            t("revisions.col.total", lang, revision=self.old):
                changed["total_old"].map(lambda v: format_number(_number(v), lang)),
            t("revisions.col.total", lang, revision=self.new):
                changed["total_new"].map(lambda v: format_number(_number(v), lang)),
            t("revisions.col.award", lang, revision=self.old): changed["award_old"].fillna(""),
            t("revisions.col.award", lang, revision=self.new): changed["award_new"].fillna(""),
        }).reset_index(drop=True)

    def files_frame(self, lang: str = "id") -> pd.DataFrame:
        """The judges' changed files, for a page: labelled columns, the change in words."""
        f = self.files

        def shown(name: Any, version: Any) -> str:
            return "" if pd.isna(version) else t("revisions.file", lang, filename=name,
                                                  version=int(version))

        return pd.DataFrame({
            t("revisions.col.judge", lang): f["judge"],
            t("revisions.col.change", lang): f["change"].map(
                lambda c: t(f"revisions.change.{c}", lang)),
            t("revisions.col.file", lang, revision=self.old):
                [shown(n, v) for n, v in zip(f["old_filename"], f["old_version"], strict=True)],
            t("revisions.col.file", lang, revision=self.new):
                [shown(n, v) for n, v in zip(f["new_filename"], f["new_version"], strict=True)],
        }).reset_index(drop=True)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (None for what is missing): for the CLI and automation."""

        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]

        return {"competition_id": self.competition_id, "from": self.old, "to": self.new,
                "places_changed": records(self.places_changed),
                "totals_changed": records(self.totals_changed),
                "files": records(self.files)}


def revision_diff(archive: Archive, actor: Actor, competition_id: int, old: int, new: int,
                  lang: str = "id") -> RevisionDiff:
    """Compare revision ``old`` with ``new`` (see the module docstring). Organisers only;
    a revision the competition does not have is refused (``revisions.unknown_revision``)."""
    require(actor, MANAGE)
    known = archive.revisions(competition_id)["revision"].astype(int).tolist()
    for revision in (old, new):
        if revision not in known:
            title = archive.competition(competition_id).title
            raise ProblemsError([error("revisions.unknown_revision", title=title,
                                       revision=revision,
                                       known=", ".join(map(str, known)) or "–")])
    return RevisionDiff(competition_id, old, new,
                        _entries(archive, competition_id, old, new),
                        _files(archive, competition_id, old, new))


def _entries(archive: Archive, competition_id: int, old: int, new: int) -> pd.DataFrame:
    keep = ["category", "entry_id", "name", "rank", "total", "award"]
    before = archive.result_table(competition_id, old).loc[:, keep]
    after = archive.result_table(competition_id, new).loc[:, keep]
    both = before.merge(after, on=["category", "entry_id"], how="outer",
                        suffixes=("_old", "_new"))
    both["name"] = both["name_new"].fillna(both["name_old"])
    rank_old, rank_new = both["rank_old"].astype("Int64"), both["rank_new"].astype("Int64")
    both["rank_old"], both["rank_new"] = rank_old, rank_new
    both["moved"] = rank_old - rank_new
    both["place_changed"] = _differs(rank_old, rank_new)
    total_old = both["total_old"].astype("float64")
    total_new = both["total_new"].astype("float64")
    both["total_changed"] = _differs(total_old, total_new)
    both = both.sort_values(["category", "rank_new", "rank_old", "entry_id"],
                            na_position="last")
    return both.loc[:, list(ENTRY_COLUMNS)].reset_index(drop=True)


def _differs(a: pd.Series, b: pd.Series) -> pd.Series:
    """Element-wise: one side missing, or both present and unequal."""
    missing_a, missing_b = a.isna().to_numpy(), b.isna().to_numpy()
    unequal = (a.fillna(0) != b.fillna(0)).to_numpy()
    return pd.Series((missing_a != missing_b) | (~missing_a & ~missing_b & unequal),
                     index=a.index, dtype=bool)


def _files(archive: Archive, competition_id: int, old: int, new: int) -> pd.DataFrame:
    uploads = archive.uploads(competition_id).set_index("upload_id")

    def by_judge(revision: int) -> dict[str, int]:
        recorded = archive.results(competition_id, revision)
        ids = recorded.upload_ids if recorded is not None else ()
        return {judge_key(uploads.loc[i, "judge"]): int(i) for i in ids}

    before, after = by_judge(old), by_judge(new)
    rows = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if was == now:
            continue
        change = "added" if was is None else "removed" if now is None else "replaced"
        rows.append({
            "judge": uploads.loc[now if now is not None else was, "judge"], "change": change,
            "old_upload_id": was,
            "old_version": None if was is None else int(uploads.loc[was, "version"]),
            "old_filename": None if was is None else uploads.loc[was, "filename"],
            "new_upload_id": now,
            "new_version": None if now is None else int(uploads.loc[now, "version"]),
            "new_filename": None if now is None else uploads.loc[now, "filename"]})
    frame = pd.DataFrame(rows, columns=list(FILE_COLUMNS))
    for column in ("old_upload_id", "old_version", "new_upload_id", "new_version"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _number(value: Any) -> float | None:
    return None if pd.isna(value) else float(value)


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value
