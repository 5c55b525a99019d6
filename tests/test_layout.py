"""How the code is laid out: lib/ is pure, only lib/app/frame.py imports Streamlit."""

import ast
from pathlib import Path

from tests.conftest import ROOT


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_ui_module_of_lib_imports_streamlit() -> None:
    offenders = [p.name for p in (ROOT / "lib").glob("*.py")
                 if p.name != "ui.py" and "streamlit" in imported_modules(p)]
    assert offenders == []


def test_readme_gives_the_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./scripts/test" in readme and "./scripts/test" in ci
    assert "./scripts/app" in readme
