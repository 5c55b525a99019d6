"""No spreadsheet the app or the command line writes can run a formula from a document: every
CSV and XLSX writer is checked on lists whose sections, tasks, unit names, leaders, deadlines
and targets start with = + - @ (tab and CR are stripped by the reader, so they are checked
on the writers directly)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import streamlit as st
from openpyxl.utils.escape import unescape
from streamlit.testing.v1 import AppTest

from lib.cli import main as cli_main
from lib.parse.schema import FORMULA_STARTS
from lib.write.export import to_csv_bytes, to_xlsx_bytes
from tests.conftest import FIXTURES
from tests.test_app import PAGES, run_on_fixture

SOURCES = ["formulas-everywhere.txt", "formulas-everywhere.csv"]


def unguarded(cells: list[object]) -> list[str]:
    """The text cells a spreadsheet would read as a formula (a plain number such as -1.5 in
    a CSV is a number, not a formula)."""
    return [
        c for c in cells if isinstance(c, str) and c.startswith(FORMULA_STARTS) and not _number(c)
    ]


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_cells(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


def xlsx_cells(data: bytes) -> list[object]:
    """Every cell of every sheet as Excel shows it (the format's ``_x000D_`` escapes read as
    the characters they stand for); a formula cell fails outright."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    return [unescape(c.value) if isinstance(c.value, str) else c.value for c in cells]


def _header_row(name: str, data: bytes) -> list[object]:
    """The first row of a download's first sheet (a unit-sheet workbook: its 目录)."""
    if name.endswith(".xlsx"):
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        row = next(sheet.iter_rows(values_only=True))
        return [cell for cell in row if cell is not None]
    return next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def cells_of(name: str, data: bytes) -> list[object]:
    return xlsx_cells(data) if name.endswith(".xlsx") else csv_cells(data)


@pytest.mark.parametrize("start", FORMULA_STARTS)
@pytest.mark.parametrize("writer", ["csv", "csv-plain", "xlsx"])
def test_each_writer_guards_each_trigger(start: str, writer: str) -> None:
    text = f'{start}HYPERLINK("http://x")'
    table = pd.DataFrame(
        {
            "task": [text, "普通"],
            "unit": pd.Series([text, "发改局"], dtype="string"),
            "kind": pd.Categorical([text, "department"]),
            "mixed": [text, 1],
            "value": [-1.5, 2.0],
        }
    )
    if writer == "xlsx":
        cells = xlsx_cells(to_xlsx_bytes(table, "en", conditions=[("主要工作包含", text)]))
    else:
        cells = csv_cells(to_csv_bytes(table, "en", bom=(writer == "csv")))
    assert unguarded(cells) == []
    assert cells.count("'" + text) == (5 if writer == "xlsx" else 4)


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("table", ["assignments", "items", "targets"])
@pytest.mark.parametrize(
    ("fmt", "headers"), [("csv", "zh"), ("xlsx", "zh"), ("csv", "en"), ("xlsx", "en")]
)
def test_command_line_exports_are_guarded(
    source: str, table: str, fmt: str, headers: str, tmp_path: Path
) -> None:
    out = tmp_path / f"out.{fmt}"
    assert (
        cli_main(
            [
                "export",
                str(FIXTURES / source),
                "--table",
                table,
                "--format",
                fmt,
                "--headers",
                headers,
                "-o",
                str(out),
            ]
        )
        == 0
    )
    cells = cells_of(out.name, out.read_bytes())
    assert unguarded(cells) == []
    assert any(isinstance(c, str) and c.startswith("'=") for c in cells)  # the fixture reached it


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("unit", [None, "=1+1局"])
def test_command_line_unit_sheets_are_guarded(
    source: str, unit: str | None, tmp_path: Path
) -> None:
    out = tmp_path / "sheets.xlsx"
    assert (
        cli_main(
            [
                "sheets",
                str(FIXTURES / source),
                "--format",
                "xlsx",
                "-o",
                str(out),
                *(["--unit", unit] if unit else []),
            ]
        )
        == 0
    )
    cells = xlsx_cells(out.read_bytes())
    assert unguarded(cells) == []
    assert "'=1+1局" in cells


@pytest.fixture()
def downloads_offered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bytes]]:
    """Every (file name, bytes) the app offers for download while pages run (data built on
    click is built here)."""
    from streamlit.elements.widgets.button import ButtonMixin

    offered: list[tuple[str, bytes]] = []

    def record(_where, _label, data, *args, **kwargs):
        offered.append((kwargs["file_name"], data() if callable(data) else data))
        return False

    monkeypatch.setattr(ButtonMixin, "download_button", record)
    monkeypatch.setattr(st, "download_button", lambda *args, **kwargs: record(st, *args, **kwargs))
    return offered


def _table_cells(app: AppTest) -> list[object]:
    """Every cell of every table on the page: Streamlit's own table toolbar writes them as CSV."""
    return [v for frame in app.dataframe for v in frame.value.astype(object).to_numpy().ravel()]


@pytest.mark.parametrize("source", SOURCES)
def test_every_download_and_table_of_every_page_is_guarded(
    source: str, downloads_offered, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path))  # its corrections stay in its library
    for page in PAGES:
        app = run_on_fixture(page, source, monkeypatch)
        assert unguarded(_table_cells(app)) == [], page
        if page.endswith("review.py"):  # map an unknown name: the alias table and its download
            app.text_input(key="review_author").set_value("=1+1")
            app.selectbox(key="map_name").set_value("=1+1局")
            app.selectbox(key="map_target").set_value("发改局")
            app.button[0].click().run()
            assert unguarded(_table_cells(app)) == [], page
    spreadsheets = [
        (name, data) for name, data in downloads_offered if name.endswith((".csv", ".xlsx"))
    ]
    names = {name for name, _ in spreadsheets}
    assert {"units-aliases.csv"} <= names and any("责任分工" in n for n in names)
    assert any("任务清单" in n and n.endswith(".xlsx") for n in names)
    for name, data in spreadsheets:
        assert unguarded(cells_of(name, data)) == [], name
        if name == "units-aliases.csv":  # rows for data/units.csv: that file's own columns
            continue
        header = _header_row(name, data)
        assert header and all(not str(h).isascii() for h in header), (name, header)
        assert "文档" not in header, name  # the document is named in 筛选条件, not per row
    for name, data in downloads_offered:  # the Word ZIP holds no spreadsheet
        if name.endswith(".zip"):
            assert not [
                n
                for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
                if n.endswith((".csv", ".xlsx"))
            ]


@pytest.mark.parametrize("control", ["\x0b", "\x07", "\x1f", "\x00"])
def test_every_writer_takes_control_characters_it_is_given(bundled, control: str) -> None:
    """The reader removes control characters; a writer given one anyway (a table made some
    other way) still writes a file, without it."""
    import dataclasses

    from lib.analyse.sheets import build_brief, build_sheets
    from lib.write.sheet_files import brief_docx, sheet_docx, sheets_xlsx

    a = bundled.assignments.assign(unit=bundled.assignments["unit"] + control)
    items = bundled.items.assign(task=bundled.items["task"] + control)
    doc = dataclasses.replace(
        bundled, items=items, assignments=a, meta={**bundled.meta, "title": "清单" + control}
    )
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(a))).active
    assert not any(control in str(c) for row in sheet.iter_rows(values_only=True) for c in row)
    book = build_sheets(doc)
    for data in (
        sheets_xlsx(book),
        sheet_docx(book, book.sheets[0].unit),
        brief_docx(build_brief(doc)),
    ):
        assert data.startswith(b"PK")
