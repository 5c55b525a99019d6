"""The one presentation step: what people see of an analysis table, on screen, in every export.

Analyses return tidy tables with English columns, codes (``lead``, ``department``,
``alias;repeated``) and lists (a tuple of units per cell). ``present`` turns one into what a
reader sees: Chinese headers, role and kind words, lists joined with 、, and every text cell
guarded so that a spreadsheet never runs a formula that came from a document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from lib.parse.schema import (
    DUTIES,
    FLAG_LABELS,
    FORMULA_STARTS,
    KINDS,
    ROLES,
    STATUS_SOURCES,
    STATUSES,
    ZH_HEADERS,
    flag_codes,
)

_TRUE_FALSE_ZH = {True: "是", False: "否"}
LIST_JOINER = "、"
# characters XML 1.0 (so XLSX and DOCX) cannot hold; tab, line feed and carriage return can
_CONTROLS_PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # escapes: pyarrow's RE2 reads it too
_CONTROLS = re.compile(_CONTROLS_PATTERN)
# columns whose items hold 、 and commas themselves: targets as written (增长6%、8%)
JOINERS = {"targets": "；", "shared_tasks": "；"}


def guard_formula(value: object) -> object:
    """``value`` as a file may hold it: with a ``'`` in front when it is text a spreadsheet would
    read as a formula, and without control characters, which XLSX and DOCX cannot hold (the
    reader removes them; this keeps every writer safe whatever it is given).

    >>> guard_formula("=1+1"), guard_formula("发改局\x0b财政局"), guard_formula(3)
    ("'=1+1", '发改局财政局', 3)
    """
    if not isinstance(value, str):
        return value
    value = printable(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def printable(text: str) -> str:
    """``text`` without the control characters XLSX and DOCX cannot hold.

    >>> printable("发改局\x0b财政局\x07")
    '发改局财政局'
    """
    return _CONTROLS.sub("", text)


def neutralize_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells cannot start a spreadsheet formula.

    >>> neutralize_formulas(pd.DataFrame({"a": ["=1+1", "ok"]}))["a"].tolist()
    ["'=1+1", 'ok']
    """
    text_columns = [
        c
        for c in table.columns
        if not pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])
    ]
    return table.assign(**{c: _guarded(table[c]) for c in text_columns})


def _guarded(column: pd.Series) -> pd.Series:
    """``guard_formula`` on every cell; a string column is searched as a whole first (one
    pass in Arrow) and only the cells that need it are changed."""
    if not isinstance(column.dtype, pd.StringDtype):
        return column.map(guard_formula)
    starts = column.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
    needs = starts | column.str.contains(_CONTROLS_PATTERN, regex=True).fillna(False).astype(bool)
    if not needs.any():
        return column
    return column.where(~needs, column[needs].map(guard_formula))


def join_lists(table: pd.DataFrame) -> pd.DataFrame:
    """Cells holding a list or tuple (the units of an item) joined with 、 (a column in
    ``JOINERS`` with its own joiner); other cells kept.

    >>> join_lists(pd.DataFrame({"lead_units": [("发改局", "财政局"), ()]}))["lead_units"].tolist()
    ['发改局、财政局', '']
    """
    listed = [
        c
        for c in table.columns
        if table[c].dtype == object and table[c].map(lambda v: isinstance(v, (list, tuple))).any()
    ]
    return table.assign(
        **{c: table[c].map(lambda v, c=c: _joined(v, JOINERS.get(c, LIST_JOINER))) for c in listed}
    )


def _joined(value: object, joiner: str) -> object:
    return joiner.join(map(str, value)) if isinstance(value, (list, tuple)) else value


def translate_codes(table: pd.DataFrame) -> pd.DataFrame:
    """Role, duty, kind, sole and flag codes as the words of the Chinese headers."""
    words = {}
    if "role" in table:
        words["role"] = table["role"].map(ROLES).fillna(table["role"])
    if "duty" in table:
        words["duty"] = table["duty"].map(DUTIES).fillna(table["duty"])
    if "kind" in table:
        words["kind"] = table["kind"].map(KINDS).fillna(table["kind"])
    if "sole" in table:
        words["sole"] = table["sole"].map(_TRUE_FALSE_ZH)
    if "status" in table:
        words["status"] = table["status"].map(STATUSES).fillna(table["status"])
    if "status_source" in table:
        words["status_source"] = table["status_source"].map(STATUS_SOURCES)
    if "flags" in table:
        cells = table["flags"]  # a few dozen distinct cells: each worded once
        words["flags"] = cells.map(
            {
                cell: "；".join(FLAG_LABELS.get(c, c) for c in flag_codes(cell))
                for cell in cells.unique()
            }
        )
    return table.assign(**words)


def without_empty_columns(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` as an analyst downloads it: no ``doc_id`` (the document is named in the
    筛选条件 sheet) and no column without a single value (a list without 分管领导).

    >>> table = pd.DataFrame({"doc_id": ["ab"], "unit": ["财政局"], "sub_office": [""]})
    >>> list(without_empty_columns(table).columns)
    ['unit']
    """
    empty = [
        column
        for column in table.columns
        # stops at the first value: only a column that is empty is read whole
        if column == "doc_id" or (len(table) and not any(map(_has_value, table[column])))
    ]
    return table.drop(columns=empty)


def for_screen(table: pd.DataFrame) -> pd.DataFrame:
    """``without_empty_columns``, and no 原编号 where it only repeats 序号 (a download keeps
    it: it tells our export from a list's own columns when the file is read back); a column of
    numbers with some missing shows them empty (the grid writes a missing number None)."""
    table = without_empty_columns(table)
    gaps = [
        c for c in table.columns if pd.api.types.is_float_dtype(table[c]) and table[c].isna().any()
    ]
    if gaps:
        table = table.assign(**{c: table[c].map(_number_or_empty) for c in gaps})
    columns = {"item_no", "item_label"}
    if columns <= set(table.columns) and len(table) and _repeats(table):
        return table.drop(columns="item_label")
    return table


def _number_or_empty(value: float) -> str:
    """2.0 → 2, 0.5 → 0.5, NaN → "" (as text: a column of one type)."""
    return "" if value != value else f"{value:g}"


def _repeats(table: pd.DataFrame) -> bool:
    return bool((table["item_label"].astype(str) == table["item_no"].astype(str)).all())


def _has_value(value: object) -> bool:
    if isinstance(value, (str, list, tuple)):
        return len(value) > 0
    return value is not None and value == value  # NaN is no value


def present(table: pd.DataFrame, headers: str | Mapping[str, str] = "zh") -> pd.DataFrame:
    """``table`` as people see it: with ``headers="zh"`` Chinese headers and code words, with
    ``"en"`` the columns and codes of the data contract, or with a mapping of its own headers
    (codes in words);
    lists joined with 、 and formula-like text guarded in every case.

    >>> present(pd.DataFrame({"unit": ["=A1"], "role": ["lead"]})).to_dict("records")
    [{'责任单位': "'=A1", '牵头/配合': '牵头'}]
    """
    shown = join_lists(table)
    if headers == "zh":
        shown = translate_codes(shown).rename(columns=ZH_HEADERS)
    elif not isinstance(headers, str):  # headers of its own, codes in words all the same
        shown = translate_codes(shown).rename(columns=headers)
    return neutralize_formulas(shown)
