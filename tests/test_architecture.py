"""The layer rules of DESIGN.md, checked: import-linter's contracts (pyproject.toml) hold, and
no module of the engine mentions Streamlit.

Words: a *contract* is one import-linter rule in ``[tool.importlinter]``; *the engine* is the
``scoring`` package.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")  # installed with the dev requirements
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_engine_never_mentions_streamlit() -> None:
    found = [str(path.relative_to(ROOT)) for path in (ROOT / "scoring").rglob("*.py")
             if "streamlit" in path.read_text(encoding="utf-8").lower()]
    assert found == []


def test_no_module_over_600_lines() -> None:
    long = {str(path.relative_to(ROOT)): n for folder in ("scoring", "ui")
            for path in (ROOT / folder).rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}


SHELLS = {"cli", "cli_archive", "cli_workspace", "__main__", "__init__", "workspace",
          "documents", "store"}


def test_every_engine_module_is_under_the_engine_contract() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    engine = next(c for c in contracts if c["name"].startswith("The engine never imports"))
    modules = {path.stem if path.is_file() else path.name
               for path in (ROOT / "scoring").iterdir()
               if (path.suffix == ".py" or (path / "__init__.py").exists())}
    expected = {f"scoring.{name}" for name in modules - SHELLS}
    assert set(engine["source_modules"]) == expected


def test_page_models_never_import_pages() -> None:
    import ast

    upward = []
    for path in (ROOT / "ui" / "views").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            upward += [f"{path.name}: {name}" for name in names
                       if name == "ui" or (name.startswith("ui.") and not
                                           name.startswith("ui.views"))]
    assert upward == []
