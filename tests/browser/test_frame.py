"""The real app in Chromium: pages load, a link reproduces its view, downloads are exact."""

from __future__ import annotations

import io
from urllib.parse import quote

import openpyxl
from docx import Document
from playwright.sync_api import expect

from lib.analyse.filters import Filters, apply_filters
from lib.parse.pipeline import parse_path
from tests.browser.conftest import app_ready, screenshot
from tests.conftest import BUNDLED

DOC = parse_path(BUNDLED)
LINK = f"doc={DOC.doc_id}&unit={quote('发改局')}&role=lead"


def test_overview_loads_with_chinese_text_and_a_chart(server, page) -> None:
    page.goto(server)
    app_ready(page)
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    expect(page.get_by_text("工作事项").first).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("97")
    screenshot(page, "overview")


def test_explorer_loads(server, page) -> None:
    page.goto(f"{server}/explorer")
    app_ready(page)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    expect(page.get_by_text("当前筛选：97 个事项")).to_be_visible()
    screenshot(page, "explorer")


def test_a_link_with_filters_reproduces_the_view_after_reload(server, page) -> None:
    items, rows = apply_filters(DOC.items, DOC.assignments, Filters(units=("发改局",), role="lead"))
    expected = f"当前筛选：{len(items)} 个事项，{len(rows)} 条责任分工"
    page.goto(f"{server}/explorer?{LINK}")
    app_ready(page)
    expect(page.get_by_text(expected)).to_be_visible()
    expect(page.get_by_role("button", name="✕ 单位：发改局")).to_be_visible()
    page.reload()
    app_ready(page)
    expect(page.get_by_text(expected)).to_be_visible()
    assert "role=lead" in page.url and DOC.doc_id in page.url
    screenshot(page, "explorer-filtered")


def _download(page, tab: str, label: str, name_ends: str = "") -> bytes:
    page.get_by_role("tab", name=tab).click()
    button = page.get_by_test_id("stDownloadButton").filter(has_text=label).locator("visible=true")
    with page.expect_download() as waiting:
        button.click()
    assert waiting.value.suggested_filename.endswith(name_ends), waiting.value.suggested_filename
    return open(waiting.value.path(), "rb").read()


def test_csv_download_has_a_bom_and_exactly_the_filtered_rows(server, page) -> None:
    _, rows = apply_filters(DOC.items, DOC.assignments, Filters(units=("发改局",), role="lead"))
    page.goto(f"{server}/explorer?{LINK}")
    app_ready(page)
    data = _download(page, "按责任分工", "下载 CSV（Excel 用）", name_ends="-发改局-牵头.csv")
    assert data.startswith(b"\xef\xbb\xbf")
    plain = _download(page, "按责任分工", "下载 CSV（UTF-8）", name_ends="-牵头-UTF8.csv")
    assert not plain.startswith(b"\xef\xbb\xbf")  # a name of its own, no BOM
    lines = data.decode("utf-8-sig").strip().splitlines()
    assert len(lines) - 1 == len(rows)
    assert lines[0].startswith("序号,原编号,主题,主要工作,责任单位,职责")  # no hash column


def test_xlsx_download_opens_and_records_the_filters(server, page) -> None:
    page.goto(f"{server}/explorer?{LINK}")
    app_ready(page)
    data = _download(page, "按责任分工", "下载 Excel", name_ends="-责任分工-发改局-牵头.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["清单", "筛选条件"]
    conditions = {row[0].value: row[1].value for row in book["筛选条件"].iter_rows(min_row=2)}
    assert conditions["单位"] == "发改局" and conditions["职责"] == "牵头"


def test_a_deep_link_works_as_the_first_visit_to_a_fresh_server(fresh_server, page) -> None:
    """Streamlit runs a pages/ file alone on a fresh server's first deep link; the page must
    still draw the frame and honour the link's filters."""
    page.goto(f"{fresh_server}/explorer?{LINK}")
    app_ready(page)
    expect(page.get_by_role("button", name="✕ 单位：发改局")).to_be_visible()
    expect(page.get_by_role("link", name="数据明细与下载")).to_be_visible()


def _download_word(page, label: str) -> tuple[str, Document]:
    """Click the download button ``label``; the suggested file name and the Word document."""
    button = page.get_by_test_id("stDownloadButton").filter(has_text=label)
    button.scroll_into_view_if_needed()
    with page.expect_download() as waiting:
        button.click()
    return waiting.value.suggested_filename, Document(
        io.BytesIO(open(waiting.value.path(), "rb").read())
    )


def test_a_units_sheet_downloads_from_the_leads_page(server, page) -> None:
    page.goto(f"{server}/leads?unit=财政局")
    app_ready(page)
    name, document = _download_word(page, "该单位任务清单（Word）")
    assert name == "财政局-任务清单.docx"
    assert "财政局任务清单" in [p.text for p in document.paragraphs]
    assert document.tables[0].rows[1].cells[0].text.startswith("牵头")
    screenshot(page, "leads-unit-sheet")


def test_the_app_asks_nothing_of_the_outside_world(server, page) -> None:
    """On an intranet every request must stay on the server (no fonts, icons or scripts from
    elsewhere)."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/network")
    app_ready(page)
    page.get_by_test_id("stSidebarNav").get_by_text("总览").click()
    app_ready(page)
    outside = [url for url in requests if not url.startswith((server, "data:", "blob:"))]
    assert outside == []


def test_the_brief_is_built_when_clicked_and_downloads(server, page) -> None:
    page.goto(f"{server}/explorer")
    app_ready(page)
    name, document = _download_word(page, "一页简报（Word）")
    assert name.endswith("一页简报.docx")
    assert "责任分工一页简报" in [p.text for p in document.paragraphs]
    screenshot(page, "explorer-batch")
