"""The app's and the command line's own exports read back into the same tables."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from lib.parse.pipeline import parse_bytes
from lib.write.export import to_csv_bytes, to_xlsx_bytes


@pytest.mark.parametrize(
    ("fmt", "headers"), [("csv", "zh"), ("csv", "en"), ("xlsx", "zh"), ("xlsx", "en")]
)
def test_assignments_export_reads_back_the_same(bundled, fmt: str, headers: str) -> None:
    write = to_csv_bytes if fmt == "csv" else to_xlsx_bytes
    back = parse_bytes(write(bundled.assignments, headers), f"分工.{fmt}")
    pd.testing.assert_frame_equal(back.assignments, bundled.assignments, check_dtype=False)
    assert back.doc_id == bundled.doc_id
    assert len(back.items) == 97


def test_formula_guard_is_undone_on_reading_back(bundled) -> None:
    a = bundled.assignments.assign(
        raw=["=" + r if i == 0 else r for i, r in enumerate(bundled.assignments["raw"])]
    )
    back = parse_bytes(to_csv_bytes(a), "分工.csv")
    assert back.assignments["raw"].iloc[0] == a["raw"].iloc[0]


@pytest.mark.parametrize("headers", ["zh", "en"])
def test_items_export_reads_back_the_same_items_and_assignments(bundled, headers: str) -> None:
    back = parse_bytes(to_xlsx_bytes(bundled.items, headers), "事项.xlsx")
    pd.testing.assert_frame_equal(back.items, bundled.items, check_dtype=False)
    columns = ["item_no", "position", "raw", "role", "kind", "sole"]
    pd.testing.assert_frame_equal(back.assignments[columns], bundled.assignments[columns])
    # the file does not carry the place (诸暨), so 海关诸暨站 cannot be recognized as 诸暨海关
    differ = back.assignments["unit"] != bundled.assignments["unit"]
    assert back.assignments.loc[differ, "raw"].tolist() == ["海关诸暨站"]


def _analyst_tables(doc) -> dict[str, pd.DataFrame]:
    """The explorer's two downloads, as the app writes them."""
    from lib.analyse.filters import select
    from lib.analyse.tables import assignment_table, item_table
    from lib.write.present import without_empty_columns

    whole = select(doc)
    return {
        "责任分工": without_empty_columns(assignment_table(whole)),
        "事项清单": without_empty_columns(item_table(whole)),
    }


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_apps_downloads_read_back_with_the_same_duties_and_tasks(bundled, fmt: str) -> None:
    from lib.analyse.filters import select
    from lib.analyse.tables import unit_ranking

    expected = unit_ranking(select(bundled))
    for stem, table in _analyst_tables(bundled).items():
        if fmt == "xlsx":  # with the 筛选条件 sheet the app adds
            data = to_xlsx_bytes(table, conditions=[("来源文件", "清单.txt")])
        else:
            data = to_csv_bytes(table)
        back = parse_bytes(data, f"{stem}.{fmt}")
        assert back.report.convention == "export", stem
        pd.testing.assert_frame_equal(unit_ranking(select(back)), expected, check_dtype=False)
        assert back.items["task"].tolist() == bundled.items["task"].tolist(), stem
        assert back.items["theme"].tolist() == bundled.items["theme"].tolist(), stem
        if fmt == "xlsx":
            assert any("筛选条件" in line for line in back.report.ignored)


def test_the_apps_downloads_carry_the_task_and_chinese_headers_only(bundled) -> None:
    for stem, table in _analyst_tables(bundled).items():
        shown = pd.read_csv(io.BytesIO(to_csv_bytes(table)), encoding="utf-8-sig", dtype=str)
        headers = list(shown.columns)
        assert {"序号", "主要工作", "主题"} <= set(headers), stem
        assert "文档" not in headers and "doc_id" not in headers, stem
        assert all(not header.isascii() for header in headers), headers
        assert shown.notna().any().all(), "an empty column was written"


def test_an_xlsx_download_has_a_frozen_filtered_header_and_a_wrapped_task(bundled) -> None:
    import openpyxl

    table = _analyst_tables(bundled)["责任分工"]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(table)))["清单"]
    assert sheet.freeze_panes == "A2"
    assert (
        sheet.auto_filter.ref == f"A1:{sheet.cell(1, table.shape[1]).column_letter}{len(table) + 1}"
    )
    headers = [cell.value for cell in sheet[1]]
    task = sheet.cell(2, headers.index("主要工作") + 1)
    unit = sheet.cell(2, headers.index("责任单位") + 1)
    assert task.alignment.wrap_text and not unit.alignment.wrap_text
    assert sheet[1][0].font.bold


def test_a_lists_own_item_columns_are_not_taken_for_our_export() -> None:
    text = "序号,主要工作,牵头单位,配合单位\n1,推进项目建设,发改局,财政局\n2,优化营商环境,商务局,\n"
    doc = parse_bytes(text.encode("utf-8"), "清单.csv")
    assert doc.report.convention != "export"
    assert doc.assignments["unit"].tolist() == ["发改局", "财政局", "商务局"]


def test_a_date_in_a_workbook_shows_as_a_date() -> None:
    """A report's period end (a date) is written as a date cell with a date format, not as
    Excel's day number (45199)."""
    import datetime

    from openpyxl import load_workbook

    from lib.write.export import to_xlsx_sheets

    table = pd.DataFrame({"item_no": [1], "period_end": [datetime.date(2023, 9, 30)]})
    sheet = load_workbook(io.BytesIO(to_xlsx_sheets({"督办单": table}))).active
    cell = sheet.cell(row=2, column=2)
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    assert cell.value.date() == datetime.date(2023, 9, 30)
