"""Document text is shown, never run: escaped before Markdown and before plotly's text (which
renders <b>, <br> and <a href>). Cheap checks on the figures and on every page's elements;
tests/browser/test_injection.py checks what the browser finally draws."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.write.charts import keyword_bars_figure, network_figure, unit_bars_figure, workload_figure
from tests.conftest import ROOT
from tests.test_app import PAGES, run_on_fixture

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>粗</b>",
    "[x](javascript:alert(1))",
    "**x**",
    ":red[红]",
]
# Markup a Markdown body may hold only backslash-escaped (our own texts use none of it).
MARKUP = ["<", "**", "[", "]", "~~", "__", "$", "`"]
_ESCAPED = re.compile(r"\\.")
# The only tags our own hover templates use; anything else in a figure's text is a leak.
OUR_TAGS = re.compile(r"<br>|<extra>|</extra>")


def strings(value: object) -> Iterator[tuple[str, str]]:
    """(key, text) of every string inside a figure's JSON."""
    if isinstance(value, dict):
        for key, inner in value.items():
            for path, text in strings(inner):
                yield (key if path == "" else path), text
    elif isinstance(value, list):
        for inner in value:
            yield from strings(inner)
    elif isinstance(value, str):
        yield "", value


def leaks(figure_json: dict) -> list[str]:
    """Texts of a figure that plotly would render as markup: a tag that is not ours."""
    return [text for _, text in strings(figure_json) if "<" in OUR_TAGS.sub("", text)]


def _figures() -> dict[str, object]:
    names = HOSTILE
    ranking = pd.DataFrame(
        {
            "unit": names,
            "kind": "department",
            "items": 3,
            "lead": 1,
            "sole": 0,
            "co": 2,
            "mentions": 3,
        }
    )
    cells = pd.DataFrame(
        {
            "unit": names,
            "theme": names[::-1],
            "items": 1,
            "lead": 1,
            "sole": 0,
            "co": 0,
            "value": 1.0,
            "theme_items": 1,
        }
    )
    nodes = pd.DataFrame(
        {
            "unit": names,
            "x": range(len(names)),
            "y": 0.0,
            "items": 2,
            "community": 1,
            "kind": "department",
            "weighted_degree": 2,
        }
    )
    edges = pd.DataFrame(
        {
            "a": names[:-1],
            "b": names[1:],
            "weight": 2,
            "item_labels": [(name,) for name in names[:-1]],
        }
    )
    keywords = pd.DataFrame({"keyword": names, "weight": 1.0})
    return {
        "bars": unit_bars_figure(ranking),
        "heatmap": workload_figure(cells),
        "network": network_figure(nodes, edges, group_names={1: names[0] + "等 3 个单位"}),
        "keywords": keyword_bars_figure(keywords),
    }


@pytest.mark.parametrize("name", ["bars", "heatmap", "network", "keywords"])
def test_figures_escape_document_text(name: str) -> None:
    figure = _figures()[name].to_plotly_json()
    assert leaks(figure) == []
    texts = " ".join(text for _, text in strings(figure))
    assert "&lt;b&gt;粗&lt;/b&gt;" in texts and "&lt;script&gt;" in texts


def markdown_texts(app: AppTest) -> list[str]:
    """Every text on the page that Streamlit renders as Markdown."""
    bodies = [
        e.value
        for kind in (
            "title",
            "header",
            "subheader",
            "caption",
            "markdown",
            "warning",
            "error",
            "info",
            "success",
        )
        for e in getattr(app, kind)
    ]
    labels = [
        e.label for kind in ("button", "metric", "expander", "tabs") for e in getattr(app, kind)
    ]
    return [*bodies, *labels]


def unescaped_markup(text: str) -> list[str]:
    """The Markdown markup left in ``text`` once its backslash-escaped characters are removed."""
    bare = _ESCAPED.sub("", text)
    return [mark for mark in MARKUP if mark in bare]


@pytest.mark.parametrize(
    ("text", "found"),
    [("\\<b\\>粗\\</b\\>", []), ("<b>粗</b>", ["<"]), ("\\*\\*x\\*\\*", []), ("**x**", ["**"])],
)
def test_unescaped_markup(text: str, found: list[str]) -> None:
    assert unescaped_markup(text) == found


@pytest.mark.parametrize("source", ["injection.txt", "injection.csv"])
def test_every_page_escapes_document_text(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for page in PAGES:
        app = run_on_fixture(page, source, monkeypatch)
        texts = markdown_texts(app)
        assert [t for t in texts if unescaped_markup(t)] == [], page
        for chart in app.get("plotly_chart"):
            assert leaks(json.loads(chart.proto.spec)) == [], page
        if page.endswith(("overview.py", "workload.py")):  # the title reached the page, escaped
            assert "\\<b\\>粗\\</b\\>" in app.title[0].value


def test_chips_escape_the_unit_and_section_they_name(monkeypatch: pytest.MonkeyPatch) -> None:
    app = run_on_fixture("pages/overview.py", "injection.txt", monkeypatch)
    app.sidebar.multiselect(key="f_units").set_value(["<b>粗局"]).run()
    app.sidebar.multiselect(key="f_sections").set_value([":material/warning:城乡建设"]).run()
    chips = [b.label for b in app.button if b.label.startswith("✕")]
    assert chips == ["✕ 单位：\\<b\\>粗局", "✕ 分块/主题：:\u2060material/warning:城乡建设"]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        (":material/warning:局", ":\u2060material/warning:局"),  # an icon otherwise
        (":red[红]", ":\u2060red\\[红\\]"),  # a coloured directive otherwise
        (":+1:", ":\u2060\\+1:"),  # an emoji otherwise
        ("时间 16:47 · 备注: 无", "时间 16:\u206047 · 备注: 无"),
    ],
)
def test_shortcodes_and_directives_stay_text(text: str, escaped: str) -> None:
    from lib.app.state import escape_markdown

    assert escape_markdown(text) == escaped


def test_no_raw_html_is_ever_rendered() -> None:
    """Escaping is the only defence the app needs only while no code path renders raw HTML."""
    sources = [
        ROOT / "app.py",
        *sorted((ROOT / "pages").glob("*.py")),
        *sorted((ROOT / "lib").rglob("*.py")),
    ]
    raw_html = re.compile(
        r"unsafe_allow_html|st\.html\((?!STYLE_SHEET\))|components\.v1|components\.html"
    )
    assert [p.name for p in sources if raw_html.search(p.read_text(encoding="utf-8"))] == []


def test_the_one_style_sheet_is_a_static_css_file() -> None:
    """``st.html(STYLE_SHEET)``, the one exception above, draws a file of the project: CSS only,
    no markup, nothing from a document."""
    from lib.app.frame import STYLE_SHEET

    assert STYLE_SHEET.suffix == ".css" and STYLE_SHEET.parent == ROOT / "assets"
    text = STYLE_SHEET.read_text(encoding="utf-8")
    assert "<" not in text and "url(" not in text and "@import" not in text
