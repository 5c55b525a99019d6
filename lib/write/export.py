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
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, index=False, sheet_name=name)
            worksheet = writer.sheets[name]
            for row in worksheet.iter_rows(min_row=2):
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"  # a string, even if it looks like a formula
            for column in worksheet.columns:
                width = max(len(str(c.value or "")) for c in column[:200])
                worksheet.column_dimensions[column[0].column_letter].width = min(
                    60, max(8, width * 2)
                )
    return stable_zip(buffer.getvalue())


_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def safe_filename(stem: str, suffix: str, limit: int = 80) -> str:
    """A file name any system accepts: no path or reserved characters, at most ``limit``.

    >>> safe_filename("清单/2023:重点*工作", ".csv")
    '清单_2023_重点_工作.csv'
    """
    cleaned = _UNSAFE_IN_NAMES.sub("_", stem).strip(" ._") or "清单"
    return cleaned[: limit - len(suffix)] + suffix
