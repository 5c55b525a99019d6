"""Clicks a leader makes: a bar filters every page, a heatmap cell opens its items; a bad
upload explains itself."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import app_ready, click_center, screenshot


def test_clicking_a_lead_bar_sets_the_unit_filter(server, page) -> None:
    page.goto(f"{server}/leads")
    app_ready(page)
    co_bars = page.locator(".js-plotly-plot .barlayer .trace").nth(2).locator("path")
    expect(co_bars.last).to_be_visible()
    click_center(page, co_bars.last)  # the top bar's 配合 part: the unit leading most items
    chip = page.get_by_role("button", name="✕ 单位：发改局")
    expect(chip).to_be_visible()
    app_ready(page)
    expect(page.get_by_test_id("stSidebar").get_by_text("发改局（15项）")).to_be_visible()
    screenshot(page, "leads-clicked")


def test_a_heatmap_cell_opens_its_items(server, page) -> None:
    page.goto(f"{server}/workload")
    app_ready(page)
    cells = page.locator(".js-plotly-plot .scatterlayer .trace").first.locator("path.point")
    expect(cells.first).to_be_visible()
    screenshot(page, "workload")
    click_center(page, cells.first)
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_test_id("stHeading").filter(has_text=" · ")).to_be_visible()
    expect(dialog.get_by_test_id("stDataFrame")).to_be_visible()
    screenshot(page, "workload-drilldown")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(page.get_by_text("已选：")).to_be_visible()  # the choice stays, with a way out
    page.get_by_role("button", name="清除选择").click()
    expect(page.get_by_text("已选：")).to_have_count(0)
    app_ready(page)
    expect(page.get_by_role("dialog")).to_have_count(0)  # a clear does not reopen it


def test_a_bad_upload_gets_a_chinese_message(server, page, tmp_path) -> None:
    fake = tmp_path / "清单.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    page.goto(server)
    app_ready(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(fake))
    alert = page.get_by_test_id("stAlert").filter(has_text="无法读取《清单.xlsx》")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("无法打开这个 Excel 文件")
    expect(alert).to_contain_text("移除侧栏中上传的文件，即回到默认清单")
    expect(page.get_by_text("Traceback")).to_have_count(0)
    # the run is over (no filters to wait for: there is no list): nothing of the list shown
    # before stays under the message
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    screenshot(page, "bad-upload")


def test_every_page_renders(server, page) -> None:
    for path, name in (
        ("", "overview"),
        ("workload", "workload"),
        ("leads", "leads"),
        ("network", "network"),
        ("keywords", "keywords"),
        ("targets", "targets"),
        ("explorer", "explorer"),
        ("review", "review"),
    ):
        page.goto(f"{server}/{path}")
        app_ready(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        screenshot(page, f"page-{name}")


def test_network_node_click_filters_and_the_ego_view_lists_partners(server, page) -> None:
    page.goto(f"{server}/network")
    app_ready(page)
    expect(page.get_by_text("单位的协同伙伴")).to_be_visible()
    screenshot(page, "network")
    # the node traces come after the edge traces; their points carry the unit
    nodes = page.locator(".js-plotly-plot .scatterlayer .trace").last.locator("path.point")
    click_center(page, nodes.first)
    expect(page.get_by_role("button", name="✕ 单位：").first).to_be_visible()
    app_ready(page)
    chip = page.get_by_role("button", name="✕ 单位：").first.inner_text()
    unit = chip.split("：", 1)[1]
    # the ego view follows the click (its selectbox is redrawn: while the rerun finishes
    # the old one may still be on the page, so take the newest)
    expect(page.get_by_role("combobox", name="选择单位").last).to_have_value(unit)
    screenshot(page, "network-clicked")


def test_keyword_drill_down_sets_the_keyword_filter(server, page) -> None:
    page.goto(f"{server}/keywords")
    app_ready(page)
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    screenshot(page, "keywords")
    word = (
        page.get_by_test_id("stSelectbox")
        .filter(has_text="关键词")
        .get_by_role("combobox")
        .input_value()
    )
    page.get_by_role("button", name="按此关键词筛选全部页面").click()
    expect(page.get_by_role("button", name=f"✕ 关键词：{word}")).to_be_visible()
    app_ready(page)
    page.goto(page.url.replace("/keywords", "/explorer"))
    app_ready(page)
    expect(page.get_by_role("button", name=f"✕ 关键词：{word}")).to_be_visible()
    screenshot(page, "keywords-drilldown")


def test_targets_page_shows_targets_and_their_units(server, page) -> None:
    page.goto(f"{server}/targets")
    app_ready(page)
    expect(page.get_by_text("各单位承担的目标")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).not_to_have_text("0")
    screenshot(page, "targets")


def test_the_overview_answers_and_its_bars_filter_every_page(server, page) -> None:
    page.goto(server)
    app_ready(page)
    headline = page.get_by_role("heading").filter(has_text="项工作")
    expect(headline).to_contain_text("财政局承担最多（21 项）")
    expect(headline).to_contain_text("发改局牵头最多（6 项）")
    co_bars = page.locator(".js-plotly-plot .barlayer .trace").nth(2).locator("path")
    expect(co_bars.last).to_be_visible()
    click_center(page, co_bars.last)  # the top bar: the unit carrying most
    expect(page.get_by_role("button", name="✕ 单位：财政局")).to_be_visible()
    app_ready(page)
    expect(page.get_by_role("heading").filter(has_text="财政局承担 21 项工作")).to_be_visible()
    screenshot(page, "overview-clicked")
    for title in ("工作量热力图", "牵头单位", "协同网络", "关键词", "量化目标", "数据明细与下载"):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
        app_ready(page)
        expect(page.get_by_role("button", name="✕ 单位：财政局")).to_be_visible()


def test_a_file_of_another_kind_is_refused_in_chinese(server, page, tmp_path) -> None:
    picture = tmp_path / "截图.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    page.goto(server)
    app_ready(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(picture))
    alert = page.get_by_test_id("stAlert").filter(has_text="无法读取《截图.png》")
    expect(alert).to_contain_text("暂不支持 .png 格式的文件")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    expect(page.get_by_test_id("stMetric")).to_have_count(0)  # not the old list under it
