"""Workbooks as people and programs leave them: far cells, huge merges, hidden parts,
formulas without results, escaped control characters. Each is read (or refused in one Chinese
sentence) quickly and in bounded memory, and nothing is left out without a line in the report."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.parse.pipeline import parse_bytes
from tests import builders
from tests.conftest import ROOT

UNITS = {"发改局", "财政局", "民政局", "农业农村局", "建设局", "住建集团", "人社局"}


def expected_reading(doc) -> None:
    """The builders' list, read whole: its items and every unit of it."""
    assert doc.items["task"].tolist()[:2] == [row[1] for row in builders.ROWS[:2]]
    assert len(doc.items) == len(builders.ROWS)


# a column letter and a row number anywhere in the sheet's 16,384 × 1,048,576 cells
far_refs = st.tuples(
    st.integers(1, 16384).map(lambda n: _letters(n)), st.integers(20, 1_048_576)
).map(lambda p: f"{p[0]}{p[1]}")


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@settings(max_examples=15, deadline=None)
@given(st.lists(far_refs, min_size=1, max_size=3, unique=True))
def test_cells_far_away_do_not_build_the_grid(refs: list[str]) -> None:
    data = builders.xlsx_edited(builders.xlsx(), far_cells=tuple((r, "备注") for r in refs))
    doc = parse_bytes(data, "list.xlsx")
    expected_reading(doc)


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.sampled_from(["A1:XFD1", "A1:A1048576", "A1:XFD1048576", "E1:ZZ200000", "B20:D900000"]),
        min_size=1,
        max_size=3,
        unique=True,
    )
)
def test_merges_over_rows_columns_or_the_whole_sheet_are_read_over_what_holds_text(
    merges: list[str],
) -> None:
    data = builders.xlsx_edited(builders.xlsx(), merges=tuple(merges))
    doc = parse_bytes(data, "list.xlsx")
    assert len(doc.items) >= 1


MEASURE = """
import json, sys, time
from lib.parse.errors import ListError
from lib.parse.pipeline import parse_bytes
data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
try:
    doc = parse_bytes(data, "list.xlsx")
    outcome = len(doc.items)
except ListError as error:
    outcome = error.message
# the peak of this process's own memory (VmHWM: ru_maxrss would report the pytest process
# it was forked from, as Linux carries a parent's peak over into the child it execs)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - start,
                  "peak_mb": hwm / 1024}))
"""


def measure(path) -> dict:
    """The parse of ``path`` in a process of its own: its outcome, seconds and peak memory."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.slow
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(
            lambda: builders.xlsx_edited(builders.xlsx(), far_cells=(("XFD1048576", "x"),)),
            id="one cell at XFD1048576",
        ),
        pytest.param(
            lambda: builders.xlsx_edited(builders.xlsx(), merges=("A1:XFD1048576",)),
            id="a merge over the whole sheet",
        ),
        pytest.param(lambda: _many_merged_sheets(300), id="300 sheets each merged whole"),
    ],
)
def test_a_bomb_is_read_in_seconds_and_bounded_memory(make, tmp_path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(make())
    measured = measure(path)
    assert measured["outcome"] == len(builders.ROWS) or "单元格过多" in str(measured["outcome"])
    assert measured["seconds"] < 10 and measured["peak_mb"] < 1024, measured


def _many_merged_sheets(count: int) -> bytes:
    import re
    import zipfile

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(builders.xlsx()))
    for number in range(count):
        book.create_sheet(f"空{number}")["A1"] = "说明"
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    names = [
        n
        for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
        if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)
    ]
    for name in names:
        data = builders.xlsx_edited(data, merges=("A1:XFD1048576",), sheet=name)
    return data


def test_hidden_sheets_rows_and_columns_are_not_read_and_are_reported() -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(builders.xlsx()))
    sheet = book["清单"]
    sheet.append([99, "隐藏的事项", "隐藏局"])
    sheet.row_dimensions[sheet.max_row].hidden = True
    sheet["F4"] = "内部备注"
    sheet.column_dimensions["F"].hidden = True
    secret = book.create_sheet("对照")
    secret["A1"] = "秘密"
    secret.sheet_state = "veryHidden"
    buffer = io.BytesIO()
    book.save(buffer)
    doc = parse_bytes(buffer.getvalue(), "list.xlsx")
    expected_reading(doc)
    assert "隐藏的事项" not in set(doc.items["task"])
    assert "内部备注" not in " ".join(doc.items["task"]) + " ".join(doc.items["units_text"])
    ignored = " ".join(doc.report.ignored)
    assert "隐藏行" in ignored and "隐藏列（F列）" in ignored and "工作表“对照”是隐藏的" in ignored


def test_formulas_without_saved_results_are_reported() -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(builders.xlsx()))
    book["清单"]["E4"] = "=B4&C4"  # openpyxl saves a formula without its result
    buffer = io.BytesIO()
    book.save(buffer)
    doc = parse_bytes(buffer.getvalue(), "list.xlsx")
    assert any("1 个公式单元格没有保存计算结果（如 E4）" in line for line in doc.report.ignored)


@pytest.mark.parametrize("escaped", ["_x000B_", "_x0007_", "_x001F_"])
def test_escaped_control_characters_in_cells_never_reach_the_tables(escaped: str) -> None:
    rows = [list(row) for row in builders.ROWS]
    rows[0][2] = f"发改局{escaped}财政局"
    doc = parse_bytes(builders.xlsx(rows=rows), "list.xlsx")
    units = doc.assignments.loc[doc.assignments["item_no"] == 1, "unit"].tolist()
    assert all("_x" not in u and all(ord(ch) >= 32 for ch in u) for u in units)
    assert {"发改局", "财政局"} <= set(units) or "发改局财政局" in units


def test_an_old_xls_reads_its_merges_and_leaves_hidden_parts_out() -> None:
    doc = parse_bytes(builders.xls(hidden_row=True, hidden_sheet=True), "list.xls")
    expected_reading(doc)
    units = doc.assignments.groupby("item_no")["unit"].agg(list)
    assert units[2] == units[3] == ["人社局", "财政局"]  # the units cell merged down over both
    ignored = " ".join(doc.report.ignored)
    assert "隐藏行" in ignored and "隐藏的事项" not in set(doc.items["task"])
    assert "工作表“对照”是隐藏的" in ignored


@pytest.mark.slow
@pytest.mark.parametrize("distinct", [True, False], ids=["distinct texts", "one text repeated"])
def test_a_workbook_over_the_text_limit_is_refused_before_it_is_loaded(
    tmp_path, distinct: bool
) -> None:
    import openpyxl

    from lib.parse.sources import MAX_TEXT_CHARS

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("清单")
    sheet.append(builders.HEADER)
    task = "推进重点工作建设任务确保按期完成年度目标并做好督查落实工作"  # 30 characters
    for number in range(1, MAX_TEXT_CHARS // 30 + 2):
        sheet.append([number, f"{task}{number}" if distinct else task, "发改局", "年底"])
    path = tmp_path / "long.xlsx"
    book.save(path)
    measured = measure(path)
    assert "内容过长" in str(measured["outcome"])
    assert measured["seconds"] < 5, measured


def _workbook(sheets: list[tuple[str, list[list[str]]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_HEADER = ["序号", "工作任务", "牵头单位", "配合单位"]
_ECONOMY = [
    ["1", "推进工业园区扩区", "发改局", "财政局"],
    ["2", "新增规上企业20家", "工信局", "统计局"],
]
_LIVES = [["1", "新建幼儿园3所", "教育局", "住建局"], ["2", "改造老旧小区9个", "住建局", "各街道"]]


@pytest.mark.parametrize(
    ("names", "sections"),
    [
        (("经济发展", "社会民生"), ["经济发展", "经济发展", "社会民生", "社会民生"]),
        (("Sheet1", "Sheet2"), ["", "", "", ""]),  # names the program gave: no sections
    ],
)
def test_a_workbooks_sheets_each_a_part_of_the_list_name_their_sections(
    names: tuple[str, str], sections: list[str]
) -> None:
    # each sheet its title, the header again and its rows numbered from 1
    data = _workbook(
        [
            (names[0], [["2024年重点工作责任清单"], _HEADER, *_ECONOMY]),
            (names[1], [["2024年重点工作责任清单"], _HEADER, *_LIVES]),
        ]
    )
    doc = parse_bytes(data, "list.xlsx")
    assert list(doc.items["item_label"]) == ["1", "2", "1", "2"]
    assert list(doc.items["section"]) == sections
    assert list(doc.assignments["unit"]) == ["发改局", "财政局", "工信局", "统计局"] + [
        "教育局", "住建局", "住建局", "各街道",
    ]  # fmt: skip
    assert any("工作表的名称" in line for line in doc.report.read_as) == bool(sections[0])


def test_a_heading_inside_a_sheet_outranks_the_sheets_name() -> None:
    data = _workbook(
        [
            ("重点工作", [["一、经济发展"], _HEADER, *_ECONOMY, ["二、社会民生"], *_LIVES]),
            ("说明", [["注:牵头单位负责汇总报送进展情况。"]]),
            ("民生实事", [_HEADER, ["1", "新建公园5个", "园林局", "各街道"]]),
        ]
    )
    doc = parse_bytes(data, "list.xlsx")
    assert list(doc.items["section"]) == ["经济发展"] * 2 + ["社会民生"] * 2 + ["民生实事"]


def test_a_workbook_of_a_sheet_per_unit_gives_each_sheets_rows_to_its_unit() -> None:
    # each unit's sheet numbered from 1, no units column: the sheet's unit leads its rows
    header = ["序号", "重点任务", "1-9月进展情况"]
    data = _workbook(
        [
            ("区教育局", [["2024年重点工作1-9月推进情况"], header, ["1", "新建幼儿园3所", "主体完工"],
                         ["2", "改扩建小学2所", "已完工1所"]]),
            ("区住建局", [["2024年重点工作1-9月推进情况"], header, ["1", "改造老旧小区9个", "已改造6个"]]),
        ]
    )  # fmt: skip
    doc = parse_bytes(data, "units.xlsx")
    assert list(zip(doc.assignments["item_no"], doc.assignments["unit"], doc.assignments["role"])) == [
        (1, "区教育局", "lead"), (2, "区教育局", "lead"), (3, "区住建局", "lead"),
    ]  # fmt: skip


def test_a_line_under_a_sheets_table_is_in_the_report_and_its_legend_is_read() -> None:
    # 注: under the last row: no part of that row (before, dropped without a word); a legend
    # there says the first unit of each list leads
    rows = (
        ["2024年重点工作责任清单"],
        ["序号", "重点任务", "责任单位"],
        ["一、经济发展"],
        ["1", "新建幼儿园3所", "区教育局、区财政局"],
        ["二、社会民生"],
        ["2", "改造老旧小区9个", "区住建局、各街道"],
        ["注:列第一位者为牵头单位。"],
    )
    doc = parse_bytes(builders.sheet(rows), "list.xlsx")
    assert list(doc.items["task"]) == ["新建幼儿园3所", "改造老旧小区9个"]
    assert list(doc.items["section"]) == ["经济发展", "社会民生"]
    assert doc.report.unplaced_lines == ("注:列第一位者为牵头单位。",)
    assert doc.report.legends == ("表格下方",)
    assert list(doc.assignments["role"]) == ["lead", "co", "lead", "co"]
