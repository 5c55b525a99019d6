"""进度督查 as a supervision office uses it: upload a progress report of the list on the page,
read who is behind, download a unit's 督办单; the report is still there in another browser."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import app_ready, running_app, screenshot
from tests.test_progress import bundled_report


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(120_000)
    return context, page


def test_a_progress_report_shows_who_is_behind_and_stays(browser, tmp_path) -> None:
    report = tmp_path / "上半年进度.xlsx"
    report.write_bytes(bundled_report()[1])
    later = tmp_path / "前三季度进度.xlsx"
    later.write_bytes(bundled_report("1-9月")[1])
    with running_app(data_dir=tmp_path / "library") as base:  # a library of its own
        context, page = _new_page(browser)
        page.goto(f"{base}/progress")
        app_ready(page)
        expect(page.get_by_text("尚未上传进度报告。")).to_be_visible()
        main = page.get_by_test_id("stMain")
        main.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(report))
        expect(main).to_contain_text("滞后 2 项")
        app_ready(page)
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
        expect(main.get_by_text("滞后和未启动的事项")).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        with page.expect_download() as download:
            main.get_by_role("button", name="下载督办单（Word）").click()
        assert download.value.suggested_filename.endswith("督办单.docx")
        screenshot(page, "progress")
        context.close()

        context, page = _new_page(browser)  # a colleague: the report is in the library
        page.goto(f"{base}/progress")
        app_ready(page)
        expect(page.get_by_test_id("stMain")).to_contain_text("滞后 2 项")
        expect(page.get_by_test_id("stMain")).to_contain_text("已上传：上半年进度.xlsx")
        page.goto(f"{base}/library")
        app_ready(page)
        expect(page.get_by_test_id("stMain")).to_contain_text("、1 份进度报告")
        page.get_by_role("combobox", name="选择清单或进度报告").click()
        page.get_by_role("option").filter(
            has_text="1-6月重点工作推进情况"
        ).first.click()  # its title
        app_ready(page)  # a report opens on 进度督查, with its list
        page.get_by_role("button", name="在“进度督查”页打开（所属清单）").click()
        expect(page.get_by_test_id("stMain")).to_contain_text("已上传：上半年进度.xlsx")
        assert page.url.split("?")[0].endswith("/progress")
        page.goto(f"{base}/progress")
        app_ready(page)
        page.get_by_role("button", name="移除").click()  # removed: from the library too
        expect(page.get_by_text("尚未上传进度报告。")).to_be_visible()
        page.goto(f"{base}/library")
        app_ready(page)
        expect(page.get_by_test_id("stMain")).not_to_contain_text("份进度报告")
        page.goto(f"{base}/progress")  # each upload adds a period, none replaces another
        app_ready(page)
        main = page.get_by_test_id("stMain")
        main.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(report))
        expect(main).to_contain_text("已上传：上半年进度.xlsx")
        app_ready(page)
        main.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(later))
        expect(main).to_contain_text("已上传：前三季度进度.xlsx（截至2023年9月底）")
        expect(main).to_contain_text("已上传：上半年进度.xlsx（截至2023年6月底）")
        expect(main).to_contain_text("截至2023年9月底")  # the latest period leads
        expect(main.get_by_text("各期进度")).to_be_visible()
        expect(main.get_by_test_id("stFileChipDeleteBtn")).to_have_count(0)  # it stands empty
        context.close()
