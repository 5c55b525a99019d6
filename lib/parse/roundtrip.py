"""Our own exports read back: a CSV/XLSX of the assignments or items table (Chinese or English
headers) becomes the same table again, so an analyst can reload what they downloaded."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import pandas as pd

from lib.parse.blocks import Block
from lib.parse.errors import ListError
from lib.parse.reference import read_data_csv
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


class Export(NamedTuple):
    """Our export read back: its table kind, its rows as the data contract's columns (text),
    and what was set aside with the reason (extra columns, blank and summary rows)."""

    kind: str  # "assignments" or "items"
    frame: pd.DataFrame
    ignored: tuple[str, ...]


# a number a person may have typed or Excel may have written (7, 7.0); at most seven digits
_WHOLE_NUMBER = re.compile(r"\d{1,7}(?:\.0+)?")
_NUMBER_COLUMNS = {"item_no": "序号", "position": "位次"}


def exported_table(blocks: list[Block]) -> Export | None:
    """Our export when the first table row is its header (Chinese or English; columns in any
    order, extra columns such as a 备注 typed beside them allowed), else None.

    Blank rows, summary rows (合计, 总计 …) and extra columns are set aside and listed; a row
    whose 序号 or 位次 is not a whole number is refused in one sentence that names the row.
    """
    first = next((i for i, b in enumerate(blocks) if b.cells), None)
    if first is None:
        return None
    header = [_FROM_ZH.get(cell.strip(), cell.strip()) for cell in blocks[first].cells]
    for kind, columns in (("assignments", ASSIGNMENT_COLUMNS), ("items", ITEM_COLUMNS)):
        if all(header.count(column) == 1 for column in columns):
            return _read_export(kind, columns, header, blocks[first + 1 :])
    return None


def _read_export(
    kind: str, columns: tuple[str, ...], header: list[str], rows: list[Block]
) -> Export:
    at = [header.index(column) for column in columns]
    extra = [i for i in range(len(header)) if i not in at]
    ignored: list[str] = []
    records = []
    extra_cells: dict[int, int] = {}  # column index → cells with text outside the contract
    for block in rows:
        cells = list(block.cells or (block.text,))
        filled = [cell.strip() for cell in cells if cell.strip()]
        if len(filled) == 1 and not filled[0].startswith(_summary_words()):
            ignored.append(
                f"{_where(block.source_ref)}只有一格（{_shorten(filled[0])}），不是数据行，未计入"
            )
            continue
        if filled and filled[0].startswith(_summary_words()):
            ignored.append(f"{_where(block.source_ref)}是合计行（{_shorten(block.text)}），未计入")
            continue
        cells += [""] * (len(header) - len(cells))
        for i, cell in enumerate(cells):
            if cell.strip() and (i in extra or i >= len(header)):
                extra_cells[i] = extra_cells.get(i, 0) + 1
        record = [_unguard(cells[i]) for i in at]
        for column, label in _NUMBER_COLUMNS.items():
            if column in columns:
                value = record[columns.index(column)].strip()
                where = f"导出文件{_where(block.source_ref)}的{label}"
                if not value:
                    raise ListError(f"{where}是空的：请填上或删除这一行后再上传。")
                if not _WHOLE_NUMBER.fullmatch(value) or float(value) < 1:
                    raise ListError(
                        f"{where}“{_shorten(value)}”不是 1 至 9999999 的整数：请改正或删除这一行后再上传。"
                    )
                record[columns.index(column)] = str(int(float(value)))
        records.append(record)
    if extra_cells:
        parts = [
            f"第{i + 1}列"
            + (f"“{header[i]}”" if i < len(header) and header[i] else "")
            + f" {n} 格"
            for i, n in sorted(extra_cells.items())
        ]
        ignored.insert(0, f"导出表的列以外：{'、'.join(parts)}，未读入")
    return Export(kind, pd.DataFrame(records, columns=list(columns)), tuple(ignored))


@functools.lru_cache(maxsize=1)
def _summary_words() -> tuple[str, ...]:
    """Words that open a row someone added under a table: 合计, 总计 … (data/summary_words.csv)."""
    return tuple(row["word"] for row in read_data_csv("summary_words.csv"))


def _where(ref: str) -> str:
    """A block's place as a person finds it: 第12行, or 工作表“清单”第7行."""
    if re.fullmatch(r"L\d+", ref):
        return f"第{ref[1:]}行"
    sheet, _, cell = ref.rpartition("!")
    row = re.sub(r"^[A-Z]+", "", cell)
    return f"工作表“{sheet}”第{row}行" if sheet and row.isdigit() else f"“{ref}”处"


def _shorten(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


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
