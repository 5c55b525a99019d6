"""Our own exports read back: a CSV/XLSX of the assignments or items table (Chinese or English
headers) becomes the same table again, so an analyst can reload what they downloaded."""

from __future__ import annotations

import pandas as pd

from lib.parse.blocks import Block
from lib.parse.schema import (
    ASSIGNMENT_COLUMNS,
    FLAG_LABELS,
    FORMULA_STARTS,
    ITEM_COLUMNS,
    KINDS,
    ROLES,
    ZH_HEADERS,
)

_FROM_ZH = {zh: en for en, zh in ZH_HEADERS.items()}
_ROLE_CODES = {zh: code for code, zh in ROLES.items()}
_KIND_CODES = {zh: code for code, zh in KINDS.items()}
_FLAG_CODES = {zh: code for code, zh in FLAG_LABELS.items()}


def exported_table(blocks: list[Block]) -> tuple[str, pd.DataFrame] | None:
    """("assignments" | "items", the rows) when the first table row is our export header."""
    rows = [b for b in blocks if b.cells]
    if not rows:
        return None
    header = [_FROM_ZH.get(cell, cell) for cell in rows[0].cells]
    for kind, columns in (("assignments", ASSIGNMENT_COLUMNS), ("items", ITEM_COLUMNS)):
        if header == list(columns):
            width = len(columns)
            cells = [list(b.cells) + [""] * (width - len(b.cells)) for b in rows[1:]]
            return kind, pd.DataFrame(cells, columns=list(columns)).map(_unguard)
    return None


def _unguard(value: str) -> str:
    """Undo the export's formula guard: the ' put before = + - @ tab CR."""
    if value.startswith("'") and value[1:2] and value[1:2].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def assignments_from_export(frame: pd.DataFrame) -> pd.DataFrame:
    """The assignments table from its export, Chinese values mapped back to codes."""
    return frame.assign(
        item_no=frame["item_no"].astype("int64"),
        position=frame["position"].astype("int64"),
        role=frame["role"].map(lambda r: _ROLE_CODES.get(r, r)),
        sole=frame["sole"].isin(["是", "True", "true", "1"]),
        kind=frame["kind"].map(lambda k: _KIND_CODES.get(k, k)),
        flags=frame["flags"].map(_flag_codes),
    )[list(ASSIGNMENT_COLUMNS)]


def _flag_codes(text: str) -> str:
    parts = [p for p in text.replace("；", ";").split(";") if p]
    return ";".join(_FLAG_CODES.get(p, p) for p in parts)


def items_from_export(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(item_no=frame["item_no"].astype("int64"))[list(ITEM_COLUMNS)]


def items_of_assignments(assignments: pd.DataFrame) -> pd.DataFrame:
    """One row per item named in an assignments export (its task is not in that file)."""
    firsts = assignments.drop_duplicates("item_no")
    return pd.DataFrame(
        {
            "doc_id": firsts["doc_id"],
            "item_no": firsts["item_no"],
            "item_label": firsts["item_label"],
            "section": "",
            "theme": "",
            "task": "",
            "units_text": "",
            "leaders": "",
            "deadline": "",
            "source_ref": "",
        }
    ).reset_index(drop=True)
