"""Unit sheets and the brief: every unit gets exactly its rows, in the office's groups."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn

from lib.analyse.filters import select
from lib.analyse.roles import item_roles
from lib.analyse.sheets import GROUPS, build_brief, build_sheets, collective_scope
from lib.analyse.targets import targets_table
from lib.parse.pipeline import ParsedDocument, parse_bytes, parse_path
from lib.write.sheet_files import (
    CONTENTS,
    brief_docx,
    sheet_docx,
    sheet_names,
    sheets_xlsx,
    sheets_zip,
)
from tests.conftest import BUNDLED, FIXTURES, ROOT

SAMPLES = sorted((FIXTURES / "samples").glob("*.txt"))


def _expected_groups(doc: ParsedDocument) -> set[tuple[str, int, str]]:
    """(unit, item, group) straight from the assignments, by the data contract's rules."""
    per_item = item_roles(doc.assignments)
    named = per_item[per_item["kind"] != "collective"]
    return {
        (u, n, "牵头" if r == "lead" else "独立承担" if s else "配合")
        for u, n, r, s in zip(named["unit"], named["item_no"], named["role"], named["sole"])
    }


@pytest.mark.parametrize("source", [BUNDLED, *SAMPLES], ids=lambda p: p.stem)
def test_sheets_sum_back_to_the_assignments(source: Path) -> None:
    doc = parse_path(source)
    book = build_sheets(doc, roster_units=pd.DataFrame(columns=["unit", "kind"]))
    rows = pd.concat([s.rows.assign(unit=s.unit) for s in book.sheets], ignore_index=True)
    own = rows[rows["group"] != "共同责任"]
    got = list(zip(own["unit"], own["item_no"], own["group"]))
    assert len(got) == len(set(got))  # no item twice on one sheet
    assert set(got) == _expected_groups(doc)
    # 共同责任 apart: a unit not named on the item, reached by a universal collective on it
    shared = rows[rows["group"] == "共同责任"]
    named_on = doc.assignments.groupby("item_no")["unit"].agg(set)
    collectives_on = (
        doc.assignments[doc.assignments["kind"] == "collective"].groupby("item_no")["unit"].agg(set)
    )
    for unit, item_no, via in zip(shared["unit"], shared["item_no"], shared["via"]):
        assert unit not in named_on[item_no]
        assert set(via) <= collectives_on[item_no]
        assert all(collective_scope(name) for name in via)


def test_bundled_sheets_group_in_order_with_targets(bundled: ParsedDocument) -> None:
    book = build_sheets(bundled, roster_units=pd.DataFrame(columns=["unit", "kind"]))
    assert book.scope_source == "document"
    targets = targets_table(select(bundled))
    with_targets = set(targets["item_no"])
    for sheet in book.sheets:
        ranks = sheet.rows["group"].map(GROUPS.index)
        assert ranks.is_monotonic_increasing, sheet.unit
        for _group, part in sheet.rows.groupby("group"):
            assert part["item_no"].is_monotonic_increasing
        has = sheet.rows["targets"].map(bool)
        assert set(sheet.rows.loc[has, "item_no"]) == set(sheet.rows["item_no"]) & with_targets
    finance = book.sheet("财政局")
    first = finance.rows.iloc[0]
    assert first["group"] == "牵头" and first["item_label"] == "14"
    assert any(name.lstrip("▲") == "发改局" for name in first["others"])


def test_others_list_leads_first_and_never_the_unit_itself(bundled: ParsedDocument) -> None:
    book = build_sheets(bundled)
    for sheet in book.sheets:
        for others in sheet.rows["others"]:
            names = [n.lstrip("▲") for n in others]
            assert sheet.unit not in names
            marks = [n.startswith("▲") for n in others]
            assert marks == sorted(marks, reverse=True)  # every ▲ before the rest


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("各部门", ("department",)),
        ("各镇乡(街道)", ("town",)),
        ("各市管国有企业", ("enterprise",)),
        ("相关部门", None),
        ("有关单位", None),
        ("各相关单位", None),
        ("各有关部门", None),
        ("各成员单位", None),
        ("相关镇乡(街道)", None),
    ],
)
def test_only_universal_collectives_have_a_scope(name: str, kinds: tuple[str, ...] | None) -> None:
    assert collective_scope(name) == kinds


def test_a_roster_expands_universal_collectives_and_gets_its_own_sheets(
    bundled: ParsedDocument,
) -> None:
    roster = pd.DataFrame(
        [("财政局", "department"), ("示例镇", "town"), ("样本街道", "town")],
        columns=["unit", "kind"],
    )
    book = build_sheets(bundled, roster_units=roster)
    assert book.scope_source == "roster" and "名册" in book.scope_note
    town = book.sheet("示例镇")
    towns_items = set(
        bundled.assignments.loc[bundled.assignments["unit"] == "各镇乡(街道)", "item_no"]
    )
    assert set(town.rows["item_no"]) == towns_items
    assert set(town.rows["group"]) == {"共同责任"}
    # the roster decides who is covered: a named department outside it gets no 共同责任 rows
    assert (book.sheet("发改局").rows["group"] != "共同责任").all()
    reach = dict(zip(book.collectives["collective"], book.collectives["reach"]))
    assert reach["各镇乡(街道)"] == "全部，展开到 2 个单位"
    assert reach["相关部门"].startswith("部分单位")


def test_sheet_names_are_excel_safe_short_and_unique() -> None:
    names = sheet_names(["a/b", "x" * 40, "x" * 40, "目录", "'引号'", "History", "Ab", "aB"])
    assert names[0] == "a_b"
    assert all(len(n) <= 31 for n in names)
    assert len({n.casefold() for n in names} | {"目录"}) == len(names) + 1
    assert names[4] == "引号" and names[5] != "History"


def test_xlsx_has_a_contents_sheet_and_one_sheet_per_unit(bundled: ParsedDocument) -> None:
    book = build_sheets(bundled)
    workbook = openpyxl.load_workbook(io.BytesIO(sheets_xlsx(book)))
    assert workbook.sheetnames[0] == CONTENTS
    assert len(workbook.sheetnames) == len(book.sheets) + 1
    sheet = book.sheet("财政局")
    ws = workbook["财政局"]
    assert ws["A1"].value == bundled.meta["title"]
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "责任类别")
    data = [
        row for row in ws.iter_rows(min_row=header_row + 1, values_only=True) if row[0] in GROUPS
    ]
    assert len(data) == len(sheet.rows)
    assert [row[0] for row in data] == sheet.rows["group"].tolist()
    contents = workbook[CONTENTS]
    links = [c.hyperlink.location for row in contents.iter_rows() for c in row if c.hyperlink]
    assert len(links) == len(book.sheets)


def test_one_unit_workbook(bundled: ParsedDocument) -> None:
    book = build_sheets(bundled)
    workbook = openpyxl.load_workbook(io.BytesIO(sheets_xlsx(book, ["发改局"])))
    assert workbook.sheetnames == [CONTENTS, "发改局"]


def test_document_text_is_never_a_formula_in_the_files() -> None:
    text = '1. =HYPERLINK("http://x","点我")推进数字化改革\n▲财政局、发改局\n2. @SUM(A1)完成绿化\n▲财政局\n'
    doc = parse_bytes(text.encode(), "清单.txt")
    book = build_sheets(doc)
    workbook = openpyxl.load_workbook(io.BytesIO(sheets_xlsx(book)))
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "@", "+", "-")), cell.value


def test_docx_sheet_is_one_table_grouped_by_role(bundled: ParsedDocument) -> None:
    book = build_sheets(bundled)
    sheet = book.sheet("财政局")
    document = Document(io.BytesIO(sheet_docx(book, "财政局")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert bundled.meta["title"] in text and "财政局任务清单" in text
    (table,) = document.tables
    bands = [r.cells[0].text for r in table.rows if r.cells[0].text.split("（")[0] in GROUPS]
    assert bands == [f"{g}（{sheet.counts[g]} 项）" for g in GROUPS if sheet.counts[g]]
    assert len(table.rows) == 1 + len(bands) + len(sheet.rows)


@pytest.mark.slow  # a subprocess, or every unit's Word file
def test_zip_holds_one_docx_per_unit(bundled: ParsedDocument) -> None:
    book = build_sheets(bundled)
    with zipfile.ZipFile(io.BytesIO(sheets_zip(book))) as archive:
        names = archive.namelist()
        assert len(names) == len(set(names)) == len(book.sheets)
        assert names[0].endswith("财政局-任务清单.docx")
        assert Document(io.BytesIO(archive.read(names[0]))).tables


def test_brief_has_the_headline_numbers(bundled: ParsedDocument) -> None:
    brief = build_brief(bundled)
    assert brief.kpis["items"] == 97
    assert brief.top_items.iloc[0]["items"] >= brief.top_items.iloc[-1]["items"]
    assert brief.top_leads["lead"].is_monotonic_decreasing
    assert brief.themes["items"].sum() == 97
    document = Document(io.BytesIO(brief_docx(brief)))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "97" in cells and brief.top_items.iloc[0]["unit"] in cells
    assert any("待核" in p.text for p in document.paragraphs)


def test_brief_says_what_the_overview_says_in_plain_words(bundled: ParsedDocument) -> None:
    from lib.analyse.filters import select
    from lib.analyse.tables import headline_facts
    from lib.write.report import headline_sentence, quality_line

    document = Document(io.BytesIO(brief_docx(build_brief(bundled, made="2026-11-30"))))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert headline_sentence(headline_facts(select(bundled)), filtered=False) in text
    waiting = re.search(r"(\d+) 处待核对", quality_line(bundled)).group(1)
    assert f"{waiting} 处待核对" in text  # the overview's count, not another one
    assert "制作日期：2026年11月30日" in text
    assert "HHI" not in text + "".join(cells) and "提及次数" not in cells
    assert cells.count("单位") == 0  # no 单位 | 单位 header
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋"


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", *args], cwd=ROOT, capture_output=True, timeout=180
    )


@pytest.mark.slow  # a subprocess, or every unit's Word file
def test_cli_sheets_and_brief(tmp_path: Path) -> None:
    book = tmp_path / "全部.xlsx"
    assert cli("sheets", str(BUNDLED), "-o", str(book)).returncode == 0
    assert openpyxl.load_workbook(book).sheetnames[0] == CONTENTS
    one = tmp_path / "财政局.docx"
    assert cli("sheets", str(BUNDLED), "--unit", "财政局", "-o", str(one)).returncode == 0
    assert Document(str(one)).tables
    batch = tmp_path / "全部.zip"
    assert cli("sheets", str(BUNDLED), "--format", "docx", "-o", str(batch)).returncode == 0
    assert zipfile.is_zipfile(batch)
    brief = tmp_path / "简报.docx"
    assert cli("brief", str(BUNDLED), "-o", str(brief)).returncode == 0
    assert Document(str(brief)).tables


@pytest.mark.slow  # a subprocess, or every unit's Word file
def test_cli_unknown_unit_is_one_chinese_line(tmp_path: Path) -> None:
    result = cli("sheets", str(BUNDLED), "--unit", "财政", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "财政局" in lines[0]
    assert not (tmp_path / "x.docx").exists()
