"""Our own exports read back: a CSV/XLSX of the assignments or items table (Chinese or English
headers) becomes the same table again, so an analyst can reload what they downloaded."""

from __future__ import annotations

import functools
import re
from itertools import compress, count
from typing import NamedTuple

import pandas as pd

from lib.parse.blocks import CELLS, Block, sheet_of
from lib.parse.errors import ListError
from lib.parse.reference import read_data_csv
from lib.parse.schema import (
    ASSIGNMENT_COLUMNS,
    DUTIES,
    FLAG_LABELS,
    FORMULA_STARTS,
    ITEM_COLUMNS,
    KINDS,
    ROLES,
    ZH_HEADERS,
)

_FROM_ZH = {zh: en for en, zh in ZH_HEADERS.items()}
_ROLE_CODES = {zh: code for code, zh in ROLES.items()}
_DUTY_CODES = {zh: code for code, zh in DUTIES.items()}
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


# What each table of ours must have to be recognized: the data contract's columns (the command
# line's tables), or the core of the table an analyst downloads from the app (no 文档 column,
# empty columns left out; the duty or the role, the units by duty)
_ANALYST_CORE = {
    "assignments": ({"item_no", "unit", "kind", "raw", "position"}, {"duty", "role"}),
    # 原编号 tells our items table from a list's own 序号 / 主要工作 / 牵头单位 columns
    "items": ({"item_no", "item_label", "task"}, {"lead_units", "sole_units", "co_units"}),
}
_ANALYST_EXTRA = {
    "assignments": ("duty", "section", "theme", "task", "leaders", "deadline"),
    "items": ("lead_units", "sole_units", "co_units"),
}


def exported_table(blocks: list[Block]) -> Export | None:
    """Our export when the first table row is its header (Chinese or English; columns in any
    order, extra columns such as a 备注 typed beside them allowed), else None: a data-contract
    table, or the app's download of it (only its core columns are required).

    Blank rows, summary rows (合计, 总计 …) and extra columns are set aside and listed; a row
    whose 序号 or 位次 is not a whole number is refused in one sentence that names the row.
    """
    first = next(compress(count(), map(CELLS, blocks)), None)  # the first table row
    if first is None:
        return None
    header = [_FROM_ZH.get(cell.strip(), cell.strip()) for cell in blocks[first].cells]
    once = {column for column in header if header.count(column) == 1}
    for kind, columns in (("assignments", ASSIGNMENT_COLUMNS), ("items", ITEM_COLUMNS)):
        core, one_of = _ANALYST_CORE[kind]
        if set(columns) <= once or (core <= once and one_of & once):
            known = (*columns, *_ANALYST_EXTRA[kind])
            present = tuple(column for column in known if column in once)
            return _read_export(kind, present, header, blocks[first:])
    return None


def _read_export(
    kind: str, columns: tuple[str, ...], header: list[str], blocks: list[Block]
) -> Export:
    """The rows under the header (``blocks[0]``), on its sheet: the other sheets of a workbook
    (the download's 筛选条件) are not table rows and are named in the report."""
    at = [header.index(column) for column in columns]
    extra = [i for i in range(len(header)) if i not in at]
    ignored: list[str] = []
    sheet = sheet_of(blocks[0].source_ref)
    others = dict.fromkeys(
        sheet_of(b.source_ref) for b in blocks if sheet_of(b.source_ref) != sheet
    )
    ignored += [f"工作表“{name}”不属于导出的表格，未读入" for name in others]
    rows = [b for b in blocks[1:] if sheet_of(b.source_ref) == sheet]
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
    """The assignments table from its export, Chinese values mapped back to codes; a column
    the app's download leaves out (文档, an empty 内设机构) comes back empty, the role from
    the duty (职责), and ``sole`` from the rows (the item's only named unit)."""
    frame = frame.assign(item_no=frame["item_no"].astype("int64"))
    kind = frame["kind"].map(lambda k: _KIND_CODES.get(k, k))
    if "role" in frame:
        role = frame["role"].map(lambda r: _ROLE_CODES.get(r, r))
    else:
        role = frame["duty"].map(lambda d: "lead" if _DUTY_CODES.get(d, d) == "lead" else "co")
    if "sole" in frame:
        sole = frame["sole"].isin(["是", "True", "true", "1"])
    else:
        named = frame["unit"].where(kind != "collective")
        sole = (named.groupby(frame["item_no"]).transform("nunique") == 1) & named.notna()
    empty = pd.Series("", index=frame.index, dtype=object)
    return pd.DataFrame(
        {
            "doc_id": frame.get("doc_id", empty),
            "item_no": frame["item_no"],
            "item_label": frame.get("item_label", frame["item_no"].astype(str)),
            "position": frame["position"].astype("int64"),
            "raw": frame["raw"],
            "unit": frame["unit"],
            "sub_office": frame.get("sub_office", empty),
            "role": role,
            "sole": sole.astype(bool),
            "kind": kind,
            "flags": frame.get("flags", empty).map(_flag_codes),
        }
    )[list(ASSIGNMENT_COLUMNS)]


def _flag_codes(text: str) -> str:
    parts = [p for p in text.replace("；", ";").split(";") if p]
    return ";".join(_FLAG_CODES.get(p, p) for p in parts)


def items_from_export(frame: pd.DataFrame) -> pd.DataFrame:
    """The items table from its export; from the app's download (units by duty, no units
    text) the units text is written back as a list would have it: ▲ before each lead."""
    if "units_text" not in frame:
        parts = [
            frame[column].map(lambda text, mark=mark: _marked(text, mark))
            for column, mark in (("lead_units", "▲"), ("sole_units", ""), ("co_units", ""))
            if column in frame
        ]
        units_text = parts[0]
        for part in parts[1:]:
            units_text = (units_text + LIST_JOINER + part).str.strip(LIST_JOINER)
        frame = frame.assign(units_text=units_text)
    empty = pd.Series("", index=frame.index, dtype=object)
    columns = {column: frame.get(column, empty) for column in ITEM_COLUMNS}
    return pd.DataFrame(columns).assign(item_no=frame["item_no"].astype("int64"))


LIST_JOINER = "、"  # as lib.write.present joins a list of units


def _marked(text: str, mark: str) -> str:
    names = [name for name in text.split(LIST_JOINER) if name]
    return LIST_JOINER.join(mark + name for name in names)


def items_of_assignments(assignments: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """One row per item named in an assignments export, with the section, theme, task, leaders
    and deadline the export carries (the app's download has them; the contract table not)."""
    first = ~assignments["item_no"].duplicated()
    firsts, details = assignments.loc[first], frame.loc[first.to_numpy()]
    empty = pd.Series("", index=details.index, dtype=object)
    return pd.DataFrame(
        {
            "doc_id": firsts["doc_id"].to_numpy(),
            "item_no": firsts["item_no"].to_numpy(),
            "item_label": firsts["item_label"].to_numpy(),
            **{
                column: details.get(column, empty).to_numpy()
                for column in ("section", "theme", "task")
            },
            "units_text": "",
            **{column: details.get(column, empty).to_numpy() for column in ("leaders", "deadline")},
            "source_ref": "",
        }
    )
