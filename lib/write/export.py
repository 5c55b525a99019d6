"""Tables out: CSV (UTF-8 with BOM, opens in Excel) and XLSX, with Chinese or English headers.

Both go through ``lib.write.present.present``: lists joined with 、, and every text cell that
starts with ``= + - @``, a tab or a carriage return gets a ``'`` prefix, so a spreadsheet never
runs a formula that came from a document.
"""

from __future__ import annotations

import io
import re

import pandas as pd

from lib.parse.collector import collector_paused
from lib.write.present import neutralize_formulas, present
from lib.write.stable import stable_zip


def to_csv_bytes(table: pd.DataFrame, headers: str = "zh", bom: bool = True) -> bytes:
    """CSV as UTF-8, with a BOM by default so that Excel reads it as UTF-8."""
    out = present(table, headers)
    text = out.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig" if bom else "utf-8")


WRAP_ABOVE = 30  # characters: a longer column is wrapped
WIDE = 60  # the width of a wrapped column, in Excel's character widths


def to_xlsx_sheets(
    tables: dict[str, pd.DataFrame], conditions: list[tuple[str, str]] | None = None
) -> bytes:
    """Several tables in one workbook, a sheet each (Chinese headers), and 筛选条件."""
    sheets = {name: present(table, "zh") for name, table in tables.items()}
    return _workbook(sheets, conditions)


def to_xlsx_bytes(
    table: pd.DataFrame,
    headers: str = "zh",
    sheet: str = "清单",
    conditions: list[tuple[str, str]] | None = None,
) -> bytes:
    """An .xlsx workbook; text cells are written as strings, never formulas. Each sheet has
    its header in bold, frozen, with a filter; long text columns wrap.

    ``conditions`` (source and filters) go to a second sheet, 筛选条件.
    """
    return _workbook({sheet: present(table, headers)}, conditions)


def _workbook(sheets: dict[str, pd.DataFrame], conditions: list[tuple[str, str]] | None) -> bytes:
    """The sheets (presented already), then 筛选条件 when ``conditions`` are given."""
    if conditions is not None:
        sheets["筛选条件"] = neutralize_formulas(pd.DataFrame(conditions, columns=["条件", "取值"]))
    import xlsxwriter  # imported when a workbook is asked for, not with every page

    buffer = io.BytesIO()
    # XlsxWriter streams rows out (a 35,000-row table in about a second); every string is
    # written as a string, never as a formula or a link, whatever it starts with
    # a date (a report's period) shows as a date, not as Excel's day number
    options = {
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "in_memory": True,
        "default_date_format": "yyyy-mm-dd",
    }
    with collector_paused(), xlsxwriter.Workbook(buffer, options) as workbook:
        bold = workbook.add_format({"bold": True, "valign": "top"})
        wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
        for name, frame in sheets.items():
            worksheet = workbook.add_worksheet(name)
            columns = [str(column) for column in frame.columns]
            values = [frame[column].tolist() for column in frame.columns]  # Python objects
            for index, column in enumerate(values):
                shown = [columns[index], *("" if _missing(v) else str(v) for v in column[:199])]
                width = max(len(text) for text in shown)
                # long text (the task) wraps in a wide column instead of running off the row
                long = width > WRAP_ABOVE
                worksheet.set_column(
                    index, index, WIDE if long else max(8, width * 2), wrapped if long else None
                )
            worksheet.write_row(0, 0, columns, bold)
            _write_rows(worksheet, zip(*values))
            worksheet.freeze_panes(1, 0)  # the header stays in view
            if columns:
                worksheet.autofilter(0, 0, len(frame), len(columns) - 1)
    return stable_zip(buffer.getvalue())


def _write_rows(worksheet, rows) -> None:
    """The table's rows from row 2 on, each value by its type (XlsxWriter's ``write`` asks
    every value its type through a chain of checks; a table holds text, numbers and yes/no)."""
    string, number, boolean = (
        worksheet.write_string,
        worksheet.write_number,
        worksheet.write_boolean,
    )
    for row_number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            if isinstance(value, str):
                if value:
                    string(row_number, index, value)
            elif isinstance(value, bool):
                boolean(row_number, index, value)
            elif isinstance(value, (int, float)):
                if not _missing(value):
                    number(row_number, index, value)
            elif value is not None:
                worksheet.write(row_number, index, value)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None or NaN


_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def safe_filename(stem: str, suffix: str, limit: int = 80) -> str:
    """A file name any system accepts: no path or reserved characters, at most ``limit``.

    >>> safe_filename("清单/2023:重点*工作", ".csv")
    '清单_2023_重点_工作.csv'
    """
    cleaned = _UNSAFE_IN_NAMES.sub("_", stem).strip(" ._") or "清单"
    return cleaned[: limit - len(suffix)] + suffix
