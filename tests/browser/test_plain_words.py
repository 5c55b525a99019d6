"""Every page as a leader sees it on a laptop (1440×900 and 1280×720): screenshots of each, and
no visible word of English or of the code (None, empty, Upload, column names, codes)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import app_ready, screenshot

PAGES = (
    ("", "overview"),
    ("workload", "workload"),
    ("leads", "leads"),
    ("network", "network"),
    ("keywords", "keywords"),
    ("targets", "targets"),
    ("explorer", "explorer"),
    ("review", "review"),
    ("library", "library"),
    ("?unit=财政局", "unit-profile"),
)
# the only ASCII words a page may show: file formats and the loaded file's own name
ALLOWED = {"CSV", "Excel", "PDF", "Word", "ZIP", "UTF", "MB", "DOCX", "XLSX", "TXT", "HTML"}
FILE_NAME = "zhuji-2023-key-work-list.txt"
WORD = re.compile(r"[A-Za-z_][A-Za-z_]+")

# The text a person can see: text nodes whose element is rendered, not transparent, with a
# readable size and on the page (Streamlit's own English hides behind font-size 0 or an
# off-screen skip link), minus icon ligatures (a Material icon is drawn from a word), plus
# the charts' SVG labels.
VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(el.tagName)) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const style = getComputedStyle(el);
    if (parseFloat(style.fontSize) < 1 || /Material/.test(style.fontFamily)) continue;
    const box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || box.right < 0 || box.bottom < 0) continue;
    out.push(text);
  }
  return out;
}"""


def code_words(page) -> set[str]:
    text = " ".join(page.evaluate(VISIBLE_TEXT)).replace(FILE_NAME, "")
    return {word for word in WORD.findall(text) if word not in ALLOWED}


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (1280, 720)])
def test_every_page_is_in_plain_chinese_at_laptop_sizes(server, browser, width, height) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        for path, name in PAGES:
            page.goto(f"{server}/{path}")
            app_ready(page)
            expect(page.get_by_test_id("stException")).to_have_count(0)
            main = page.get_by_test_id("stMain")
            expect(
                main.locator(".js-plotly-plot, [data-testid='stDataFrame']").first
            ).to_be_visible()
            screenshot(page, f"{width}x{height}-{name}")
            assert code_words(page) == set(), f"{name}: {sorted(code_words(page))}"
            texts = page.evaluate(VISIBLE_TEXT)
            for bad in ("None", "empty", "Upload", "nan", "NaN", "data/"):
                assert not [t for t in texts if bad in t], (name, bad)
    finally:
        context.close()


def test_the_sidebar_lists_offer_chinese_only(server, page) -> None:
    page.goto(server)
    app_ready(page)
    box = (
        page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="责任单位")
    )
    box.locator("input").click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    texts = options.all_inner_texts()
    assert texts[0].startswith("财政局") and not [t for t in texts if "Select" in t]
