"""Hostile document text in the real app: a list whose title, sections, tasks and unit names
hold <script>, <img onerror>, <b>, javascript: links and Markdown is uploaded and every page
is visited. Each page shows the text literally; no element, link, icon or script is made from
it, and no dialog fires."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import app_ready, screenshot
from tests.conftest import FIXTURES

# The pages in app.py's order, each with a text of its own that says it has been drawn.
PAGES = [
    ("总览", "承担事项最多的单位"),
    ("工作量热力图", "口径"),
    ("牵头单位", "牵头最多的 5 个单位所占比例"),
    ("协同网络", "连线至少共担事项数"),
    ("关键词", "显示前 K 个关键词"),
    ("量化目标", "计量单位种类"),
    ("数据明细与下载", "当前筛选"),
    ("解析校对", "未收录的单位"),
]
CHARTS = {"总览", "工作量热力图", "牵头单位", "协同网络", "关键词"}
TITLES = {
    "injection.txt": "2023年<b>粗</b>重点工作*x*责任清单<img src=x onerror=alert(1)>",
    "injection.csv": "2023年**x**责任清单<b>粗</b>",
}
# What each page must show literally (DOM text and chart text), beyond the title.
LITERAL = {
    "injection.txt": {
        "总览": [
            "市政府办公室<b>粗</b>$x$",
            "<b>粗局",
            "<br>局",
            "[x](javascript:alert(1))办",
            ":red[红]局",
            "~~x~~局",
        ],
        "工作量热力图": [
            "<b>粗</b>经济发展[x](javascript:alert(1))",
            "<script>alert(1)</script>民生实事__x__",
            ":material/warning:城乡建设",
        ],
        "牵头单位": ["<b>粗局"],
        "协同网络": ["<b>粗局"],
        "解析校对": ["injection.txt"],
    },
    "injection.csv": {
        "总览": ["**x**局", "<b>粗局"],
        "工作量热力图": ["**x**板块<b>粗</b>", "[x](javascript:alert(1))板块"],
        "牵头单位": ["**x**局"],
        "协同网络": ["**x**局"],
        "解析校对": ["injection.csv"],
    },
}
# Streamlit's Markdown keeps :shortcodes: as text only with an invisible word joiner after ":".
_PAGE_TEXT = """() => (document.body.innerText + "\\n"
    + [...document.querySelectorAll("svg text")].map(t => t.textContent).join("\\n"))
    .replaceAll("\\u2060", "")"""
# Everything hostile text could turn into, counted on the page (all must stay 0).
_MADE_FROM_TEXT = """() => ({
    bold: [...document.querySelectorAll("b, strong")].filter(e => /粗|^x$/.test(e.textContent)).length,
    emphasis: [...document.querySelectorAll("em, i, del, s, code")].filter(e => e.textContent.trim() === "x").length,
    javascript_links: [...document.querySelectorAll("a")].filter(a => /javascript:/i.test(
        (a.getAttribute("href") || "") + (a.getAttribute("xlink:href") || ""))).length,
    onerror: document.querySelectorAll("[onerror]").length,
    images_x: [...document.querySelectorAll("img")].filter(i => i.getAttribute("src") === "x").length,
    scripts: [...document.scripts].filter(s => s.textContent.includes("alert(1)")).length,
    chart_bold: [...document.querySelectorAll(".js-plotly-plot tspan")].filter(
        t => /bold/.test(t.getAttribute("style") || "") && t.textContent.includes("粗")).length,
    chart_links: document.querySelectorAll(".js-plotly-plot a").length,
    markdown_icons: document.querySelectorAll('[data-testid="stMarkdownContainer"] [role="img"]').length,
})"""
NOTHING_MADE = {
    key: 0
    for key in (
        "bold",
        "emphasis",
        "javascript_links",
        "onerror",
        "images_x",
        "scripts",
        "chart_bold",
        "chart_links",
        "markdown_icons",
    )
}


def shows_literally(page, wanted: list[str]) -> None:
    """Wait until the page's text holds every string in ``wanted``; fail naming the missing."""
    try:
        page.wait_for_function(
            f"(wanted) => {{ const text = ({_PAGE_TEXT})(); "
            "return wanted.every(w => text.includes(w)); }",
            arg=wanted,
        )
    except Exception:
        text = page.evaluate(_PAGE_TEXT)
        assert [w for w in wanted if w not in text] == []


def nothing_made_from_text(page, dialogs: list[str]) -> None:
    assert page.evaluate(_MADE_FROM_TEXT) == NOTHING_MADE
    assert dialogs == []
    expect(page.get_by_test_id("stException")).to_have_count(0)


def upload(page, server: str, name: str) -> list[str]:
    """Open the app, upload ``name``; returns the list that records any dialog."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server)
    expect(page.locator("h1").first).to_be_visible(timeout=120_000)  # first load, shared machine
    app_ready(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(FIXTURES / name))
    expect(page.locator("h1").first).to_contain_text("粗")
    app_ready(page)
    return dialogs


@pytest.mark.parametrize("name", ["injection.txt", "injection.csv"])
def test_every_page_shows_hostile_text_literally(server, page, name: str) -> None:
    dialogs = upload(page, server, name)
    for title, marker in PAGES:
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
        expect(page.get_by_test_id("stMain")).to_contain_text(marker)
        app_ready(page)
        if title in CHARTS:
            expect(page.locator(".js-plotly-plot").first).to_be_visible()
        wanted = LITERAL[name].get(title, [])
        shows_literally(page, wanted if title == "解析校对" else [TITLES[name], *wanted])
        nothing_made_from_text(page, dialogs)
        if title in ("总览", "工作量热力图"):
            screenshot(page, f"{name.replace('.', '-')}-{title}")


def test_hover_chips_and_options_show_hostile_names_literally(server, page) -> None:
    dialogs = upload(page, server, "injection.txt")
    # hovering the bar of <b>粗局 (the top unit, drawn last) shows its name, not bold text
    bars = page.locator(".js-plotly-plot .barlayer .trace").nth(2).locator("path")
    expect(bars.last).to_be_visible()
    bars.last.scroll_into_view_if_needed()
    box = bars.last.bounding_box()  # plotly's drag layer lies over the bars: move the mouse there
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator(".js-plotly-plot .hoverlayer")).to_contain_text("<b>粗局")
    nothing_made_from_text(page, dialogs)
    # the sidebar's options, and the chips of a unit and a section chosen from them
    sidebar = page.get_by_test_id("stSidebar")
    chips = page.get_by_test_id("stMain").get_by_role("button").filter(has_text="✕")
    for count, (box, option) in enumerate(
        (("责任单位", "<b>粗局（4项）"), ("分块/主题", ":material/warning:城乡建设")), start=1
    ):
        widget = sidebar.get_by_test_id("stMultiSelect").filter(has_text=box)
        widget.scroll_into_view_if_needed()
        choice = page.get_by_role("option", name=option, exact=True)
        # a click landing while the sidebar redraws only focuses the box, finds the option
        # list redrawn under it (detached), or is lost in a rerun on a busy machine: open it
        # again, after the app is ready, until the chip it makes is there
        for attempt in range(12):
            app_ready(page)
            if chips.count() >= count:  # chosen in the attempt before, drawn late
                break
            widget.locator("input").click()
            try:
                choice.click(timeout=10_000)
                page.keyboard.press("Escape")
                app_ready(page)
                expect(chips).to_have_count(count, timeout=30_000)
                break
            except (PlaywrightTimeout, AssertionError):
                page.keyboard.press("Escape")
                if attempt == 11:
                    raise
    expect(chips).to_have_count(2)
    assert [t.replace("\u2060", "") for t in chips.all_inner_texts()] == [
        "✕ 单位：<b>粗局",
        "✕ 分块/主题：:material/warning:城乡建设",
    ]
    nothing_made_from_text(page, dialogs)
    screenshot(page, "injection-chips")
