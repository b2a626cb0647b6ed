"""The checking report's model (ui/views/report.py)."""

from __future__ import annotations

from scoring.i18n import t
from scoring.sheets import fill_template, template_cells, write_template
from scoring.workspace import session
from ui.views import report as report_view


def test_problem_groups_by_file_then_sheet_errors_first(sample) -> None:
    blank = write_template(sample.rubric, sample.entries, "Juri Uji")
    cells = dict.fromkeys(template_cells(blank), 80)
    cells[("opd-dinkes", "tanya_jawab")] = 150
    cells[("kel-tirto", "fr_kostum")] = "banyak"
    files = [("juri_uji.xlsx", fill_template(blank, cells)), ("sampah.xlsx", b"bukan")]
    outcome = session.run_competition(session.sample_competition().with_files(files))
    groups = report_view.problem_groups(outcome.problems, "en", outcome.rubric, outcome.entries)
    assert groups[0].n_errors > 0
    by_file = {g.file: g for g in groups}
    assert set(by_file["juri_uji.xlsx"].sheets) == {"OPD", "KEL"}
    opd = by_file["juri_uji.xlsx"].sheets["OPD"]
    # entry and criterion by name, no internal code column (codes stay in the downloads)
    assert list(opd.columns) == [t(f"col.{c}", "en") for c in ("cell", "entry", "criterion",
                                                               "severity", "message")]
    assert "Dinas Kesehatan" in set(opd[t("col.entry", "en")])
    assert sample.rubric.nodes["tanya_jawab"].label("en") in set(opd[t("col.criterion", "en")])
    assert opd[t("col.severity", "en")].iloc[0] == t("problem.error", "en")
    assert "sampah.xlsx" in by_file
    assert report_view.problem_groups([], "id") == []
