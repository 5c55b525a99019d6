"""Tables out: CSV (UTF-8 with BOM, opens in Excel) and XLSX, with Chinese or English headers.

Both go through ``lib.write.present.present``: lists joined with 、, and every text cell that
starts with ``= + - @``, a tab or a carriage return gets a ``'`` prefix, so a spreadsheet never
runs a formula that came from a document.
"""

from __future__ import annotations

import io
import re

import pandas as pd

from lib.write.present import neutralize_formulas, present
from lib.write.stable import stable_zip


def to_csv_bytes(table: pd.DataFrame, headers: str = "zh", bom: bool = True) -> bytes:
    """CSV as UTF-8, with a BOM by default so that Excel reads it as UTF-8."""
    out = present(table, headers)
    text = out.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig" if bom else "utf-8")


def to_xlsx_bytes(
    table: pd.DataFrame,
    headers: str = "zh",
    sheet: str = "清单",
    conditions: list[tuple[str, str]] | None = None,
) -> bytes:
    """An .xlsx workbook; text cells are written as strings, never formulas.

    ``conditions`` (source and filters) go to a second sheet, 筛选条件.
    """
    sheets = {sheet: present(table, headers)}
    if conditions is not None:
        sheets["筛选条件"] = neutralize_formulas(pd.DataFrame(conditions, columns=["条件", "取值"]))
    import xlsxwriter  # imported when a workbook is asked for, not with every page

    buffer = io.BytesIO()
    # XlsxWriter streams rows out (a 35,000-row table in about a second); every string is
    # written as a string, never as a formula or a link, whatever it starts with
    options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    with xlsxwriter.Workbook(buffer, options) as workbook:
        for name, frame in sheets.items():
            worksheet = workbook.add_worksheet(name)
            columns = [str(column) for column in frame.columns]
            worksheet.write_row(0, 0, columns)
            for index, column in enumerate(frame.columns):
                values = frame[column].tolist()  # as Python objects: fast to walk
                shown = [columns[index], *("" if _missing(v) else str(v) for v in values[:199])]
                width = max(len(text) for text in shown)
                worksheet.set_column(index, index, min(60, max(8, width * 2)))
                _write_column(worksheet, index, values)
    return stable_zip(buffer.getvalue())


def _write_column(worksheet, index: int, values: list) -> None:
    """One column from row 2 on, by each value's type (XlsxWriter's ``write`` asks each
    value its type through a chain of checks; a table's columns hold few types)."""
    string, number, boolean = (
        worksheet.write_string,
        worksheet.write_number,
        worksheet.write_boolean,
    )
    for row, value in enumerate(values, start=1):
        if isinstance(value, str):
            if value:
                string(row, index, value)
        elif isinstance(value, bool):
            boolean(row, index, value)
        elif isinstance(value, (int, float)) and not _missing(value):
            number(row, index, value)
        elif not _missing(value):
            worksheet.write(row, index, value)


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
