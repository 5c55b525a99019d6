"""Tables out: CSV (UTF-8 with BOM, opens in Excel) and XLSX, with Chinese or English headers.

Every text cell that starts with ``= + - @``, a tab or a carriage return gets a ``'``
prefix, so a spreadsheet never runs a formula that came from a document.
"""

from __future__ import annotations

import io
import re

import pandas as pd

from lib.parse.schema import FLAG_LABELS, KINDS, ROLES, ZH_HEADERS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TRUE_FALSE_ZH = {True: "是", False: "否"}


def guard_formula(value: object) -> object:
    """``value`` with a ``'`` in front when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralize_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells cannot start a spreadsheet formula.

    >>> neutralize_formulas(pd.DataFrame({"a": ["=1+1", "ok"]}))["a"].tolist()
    ["'=1+1", 'ok']
    """
    text_columns = [c for c in table.columns if not pd.api.types.is_numeric_dtype(table[c])
                    and not pd.api.types.is_bool_dtype(table[c])]
    return table.assign(**{c: table[c].map(guard_formula) for c in text_columns})


def with_headers(table: pd.DataFrame, headers: str = "zh") -> pd.DataFrame:
    """Rename columns to the Chinese headers (``zh``) and translate codes, or keep ``en``."""
    if headers == "en":
        return table
    translated = table.copy()
    if "role" in translated:
        translated["role"] = translated["role"].map(ROLES).fillna(translated["role"])
    if "kind" in translated:
        translated["kind"] = translated["kind"].map(KINDS).fillna(translated["kind"])
    if "sole" in translated:
        translated["sole"] = translated["sole"].map(_TRUE_FALSE_ZH)
    if "flags" in translated:
        translated["flags"] = translated["flags"].map(
            lambda codes: "；".join(FLAG_LABELS.get(c, c) for c in codes.split(";") if c))
    return translated.rename(columns=ZH_HEADERS)


def to_csv_bytes(table: pd.DataFrame, headers: str = "zh", bom: bool = True) -> bytes:
    """CSV as UTF-8, with a BOM by default so that Excel reads it as UTF-8."""
    out = neutralize_formulas(with_headers(table, headers))
    text = out.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig" if bom else "utf-8")


def to_xlsx_bytes(table: pd.DataFrame, headers: str = "zh", sheet: str = "清单",
                  conditions: list[tuple[str, str]] | None = None) -> bytes:
    """An .xlsx workbook; text cells are written as strings, never formulas.

    ``conditions`` (source and filters) go to a second sheet, 筛选条件.
    """
    sheets = {sheet: neutralize_formulas(with_headers(table, headers))}
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
                worksheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width * 2))
    return buffer.getvalue()


_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def safe_filename(stem: str, suffix: str, limit: int = 80) -> str:
    """A file name any system accepts: no path or reserved characters, at most ``limit``.

    >>> safe_filename("清单/2023:重点*工作", ".csv")
    '清单_2023_重点_工作.csv'
    """
    cleaned = _UNSAFE_IN_NAMES.sub("_", stem).strip(" ._") or "清单"
    return cleaned[: limit - len(suffix)] + suffix
