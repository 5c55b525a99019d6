"""The list library as colleagues use it: an upload's link opened in another browser shows the
same view, and after a restart of the server the list, the link and the corrections are still
there."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import app_ready, running_app, screenshot
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "samples" / "05_guowuyuan_2018_nongjizhuangbei.txt"


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(120_000)
    return context, page


def _shows_the_sample_filtered(page, unit: str) -> None:
    app_ready(page)
    expect(page.locator("h1").first).to_contain_text("农业机械化")
    expect(page.get_by_role("button", name=f"✕ 单位：{unit}")).to_be_visible()


def test_an_uploads_link_works_in_another_browser_and_after_a_restart(browser, tmp_path) -> None:
    # a library of its own: the correction made here must not reach the other tests' lists
    with running_app(data_dir=tmp_path) as base:
        context, page = _new_page(browser)
        page.goto(base)
        app_ready(page)
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(SAMPLE))
        expect(page.locator("h1").first).to_contain_text("农业机械化")
        app_ready(page)
        bars = page.locator(".js-plotly-plot .barlayer .trace").nth(2).locator("path")
        expect(bars.last).to_be_visible()
        box = bars.last.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        chip = page.get_by_role("button", name="✕ 单位：")
        expect(chip).to_be_visible()
        app_ready(page)
        unit = chip.inner_text().split("：", 1)[1].replace("\u2060", "")
        link = page.url
        assert "doc=" in link
        page.goto(base + "/review")  # a correction of the bundled list, kept for its place
        app_ready(page)
        page.get_by_label("您的姓名（记入修改记录）").fill("王科员")
        page.get_by_role("tab", name="确认为新单位").click()
        page.get_by_role("button", name="确认为单位").click()
        expect(page.get_by_text("已保存：诸暨的全部清单都按此修改。")).to_be_visible()
        corrected = page.get_by_test_id("stDataFrame").filter(has_text="修改人")
        expect(corrected).to_have_count(1)
        context.close()

        context, page = _new_page(browser)  # a colleague: no upload, no session
        page.goto(link)
        _shows_the_sample_filtered(page, unit)
        screenshot(page, "library-link-other-browser")
        context.close()

    with running_app(data_dir=tmp_path) as base:  # the server restarted: the library is on disk
        context, page = _new_page(browser)
        page.goto(base + "/" + link.split("/", 3)[3])
        _shows_the_sample_filtered(page, unit)
        page.goto(base + "/library")
        app_ready(page)
        expect(page.get_by_test_id("stDataFrame")).to_be_visible()
        expect(page.get_by_test_id("stMain")).to_contain_text("份清单")
        screenshot(page, "library")
        page.goto(base + "/review")  # the correction too
        app_ready(page)
        expect(page.get_by_role("heading", name="修改记录")).to_be_visible()
        context.close()


def test_a_link_to_a_deleted_list_says_so_once(server, browser) -> None:
    context, page = _new_page(browser)
    page.goto(f"{server}/?doc=000000000000&unit=发改局")
    app_ready_or_warning = page.get_by_test_id("stAlert").filter(has_text="不在清单库中")
    expect(app_ready_or_warning).to_have_count(1)
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    context.close()


def test_the_library_and_compare_pages_open_from_a_deep_link_to_a_fresh_server(
    fresh_server, browser
) -> None:
    for path, title in (("library", "清单库"), ("compare", "两份清单对比")):
        context, page = _new_page(browser)
        page.goto(f"{fresh_server}/{path}")
        app_ready(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(page.locator("h1").filter(has_text=title)).to_have_count(1)  # drawn once
        context.close()


def test_the_keywords_page_opens_from_a_deep_link_to_a_fresh_server(fresh_server, browser) -> None:
    """It drew its controls before the frame had run: a duplicate-key error, seen by hand."""
    context, page = _new_page(browser)
    page.goto(f"{fresh_server}/keywords")
    app_ready(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("显示前 K 个关键词")).to_have_count(1)
    expect(page.locator(".js-plotly-plot")).to_have_count(1)
    context.close()
