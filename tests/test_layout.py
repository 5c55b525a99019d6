"""How the code is laid out: lib/ in layers whose imports only go down (parse ← analyse ←
write ← store ← app, the command line on top), no import cycle, only the app layer imports Streamlit."""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

LAYERS = ("parse", "analyse", "write", "store", "app")
LIB = ROOT / "lib"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def lib_imports(path: Path, modules: set[str]) -> set[str]:
    return {name for name in imported_modules(path) if name in modules} - {module_name(path)}


def layer_of(module: str) -> int:
    """0–4 for the layers, -1 for the package itself (its version), 5 for the command line."""
    parts = module.split(".")
    if len(parts) == 1:
        return -1
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else len(LAYERS)


SOURCES = sorted(LIB.rglob("*.py"))
MODULES = {module_name(p) for p in SOURCES}


def test_every_module_sits_in_a_layer() -> None:
    loose = [module_name(p) for p in LIB.glob("*.py") if p.stem not in ("__init__", "cli")]
    assert loose == []
    assert {p.parent.name for p in LIB.glob("*/*.py")} == set(LAYERS)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: module_name(p))
def test_imports_only_go_down(path: Path) -> None:
    mine = layer_of(module_name(path))
    upward = sorted(m for m in lib_imports(path, MODULES) if layer_of(m) > mine)
    assert upward == []


def test_lib_has_no_import_cycle() -> None:
    graph = {module_name(p): lib_imports(p, MODULES) for p in SOURCES}
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> list[str]:
        state[module] = "open"
        for other in sorted(graph.get(module, ())):
            if state.get(other) == "open":
                return [*trail, module, other]
            if other not in state and (cycle := visit(other, [*trail, module])):
                return cycle
        state[module] = "done"
        return []

    cycles = [
        cycle
        for module in sorted(graph)
        if module not in state
        for cycle in [visit(module, [])]
        if cycle
    ]
    assert cycles == []


def test_only_the_app_layer_imports_streamlit() -> None:
    offenders = [
        module_name(p)
        for p in SOURCES
        if layer_of(module_name(p)) != LAYERS.index("app")
        and any(m.split(".")[0] == "streamlit" for m in imported_modules(p))
    ]
    assert offenders == []


def test_pages_import_no_pandas_and_cache_nothing() -> None:
    """Pages are thin: they read the state, call lib and draw."""
    for page in sorted((ROOT / "pages").glob("*.py")):
        text = page.read_text(encoding="utf-8")
        assert "pandas" not in imported_modules(page), page.name
        assert "cache_data" not in text and "cache_resource" not in text, page.name


def test_readme_gives_the_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./scripts/test" in readme and "./scripts/test" in ci
    assert "./scripts/app" in readme


def test_the_readme_agrees_with_the_code() -> None:
    """The data model lists every flag, the layout every layer, the app section every page."""
    from app import PAGES
    from lib.parse.schema import FLAGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [code for code in FLAGS if f"{code}" not in readme.split("## Data model")[1]] == []
    assert [layer for layer in LAYERS if f"`lib/{layer}/`" not in readme] == []
    assert [name for name, _, _ in PAGES if f"pages/{name}" not in readme] == []
