"""An .xlsx workbook → rows of cell texts, reading only what the file holds and what is shown.

openpyxl is the reader, with two guards around it. Merge ranges are taken out of the sheets'
XML before openpyxl sees them (it makes an object for every cell a merge covers: one merge over
a whole sheet is 17 billion) and applied here to the rows that hold text. Rows are built from
the cells the file holds (``iter_rows`` would build the whole grid up to the farthest cell, and
one cell at XFD1048576 is a grid of 17 billion). Hidden sheets, rows and columns are not read,
and formulas saved without their results are counted; both are reported.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lib.parse.errors import ListError

# Most cells of one sheet we read (cells the file holds plus cells merges fill): a list has a
# few thousand; a 20 MB upload holds at most about two million.
MAX_SHEET_CELLS = 2_000_000
TOO_MANY_CELLS = (
    "这个 Excel 工作表“{sheet}”的单元格过多（约 {cells:,} 个，上限 {limit:,} 个），不像是一份"
    "责任清单：请只保留清单本身（或取消整行、整列的合并）后另存上传。"
)
_MERGE_CELLS = re.compile(rb"<(?:\w+:)?mergeCells\b(?:[^>]*/>|.*?</(?:\w+:)?mergeCells>)", re.S)
_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)\"")
_FORMULA_CELL = re.compile(
    rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3}\d+)\"[^>/]*>((?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?f\b.*?)</(?:\w+:)?c>",
    re.S,
)
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # OOXML's escape of a character in a string


@dataclass
class SheetParts:
    """What the sheet's XML says before openpyxl reads it."""

    merges: list[str]  # merge ranges, A1:C3
    uncomputed: list[str]  # cells holding a formula without a saved result


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a reader sees: 1.0 → 1, dates as 2023-12-31, and the
    file format's escapes of control characters (``_x000B_``) as the characters they stand for
    (which the normalizer then treats as it treats them in any text)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value) if "_x" in value else value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def xlsx_rows(
    data: bytes, damaged: Callable[[Exception], str], max_chars: int, too_long: str
) -> tuple[list[tuple[str, list[str]]], tuple[str, ...]]:
    """(source_ref, cells) per shown row with text of every shown sheet, and what was not
    read (hidden sheets, rows and columns with text; formulas without saved results).
    ``damaged`` words the refusal of a file openpyxl cannot open; a workbook whose cells hold
    more than ``max_chars`` characters is refused with ``too_long`` before openpyxl loads it."""
    import openpyxl  # imported here: only uploads of this format pay for it

    try:
        data, parts = _prescan(data, max_chars, too_long)
        paths = _sheet_paths(data)
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except ListError:
        raise
    except Exception as error:  # zipfile and openpyxl raise many kinds for a damaged file
        raise ListError(damaged(error)) from None
    rows: list[tuple[str, list[str]]] = []
    ignored: list[str] = []
    for sheet in workbook.worksheets:
        found = parts.get(paths.get(sheet.title, ""), SheetParts([], []))
        values = _values(sheet)
        if sheet.sheet_state != "visible":
            if values:
                ignored.append(
                    f"工作表“{sheet.title}”是隐藏的（{len(values)} 个单元格有内容），未读入"
                )
            continue
        values, hidden = _without_hidden(sheet, values)
        ignored += hidden
        if found.uncomputed:
            ignored.append(
                f"工作表“{sheet.title}”有 {len(found.uncomputed)} 个公式单元格没有保存计算结果"
                f"（如 {found.uncomputed[0]}），按空白读入：请在 Excel 中打开、保存后再上传"
            )
        rows += sheet_rows(sheet.title, values, [_bounds(ref) for ref in found.merges])
    return rows, tuple(ignored)


def _values(sheet) -> dict[tuple[int, int], str]:
    """(row, column) → text of every cell the file holds with something in it."""
    # ``_cells`` holds only the cells the file has; every public iterator walks the whole grid
    held = sheet._cells
    if len(held) > MAX_SHEET_CELLS:
        raise ListError(
            TOO_MANY_CELLS.format(sheet=sheet.title, cells=len(held), limit=MAX_SHEET_CELLS)
        )
    texts = {}
    for key, cell in held.items():
        text = cell_text(cell.value)
        if text:
            texts[key] = text
    return texts


def _without_hidden(
    sheet, values: dict[tuple[int, int], str]
) -> tuple[dict[tuple[int, int], str], list[str]]:
    """The values of shown rows and columns, and a line for each hidden one that has text."""
    hidden_rows = {r for r, d in sheet.row_dimensions.items() if d.hidden}
    hidden_cols: set[int] = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden and dimension.min and dimension.max:
            hidden_cols |= set(range(dimension.min, dimension.max + 1))
    return without_hidden(sheet.title, values, hidden_rows, hidden_cols)


def without_hidden(
    title: str, values: dict[tuple[int, int], str], hidden_rows: set[int], hidden_cols: set[int]
) -> tuple[dict[tuple[int, int], str], list[str]]:
    """``values`` without hidden rows and columns, and a line for each kind that had text."""
    if not hidden_rows and not hidden_cols:
        return values, []
    from openpyxl.utils import get_column_letter

    rows = sorted({r for r, _ in values if r in hidden_rows})
    cols = sorted({c for _, c in values if c in hidden_cols})
    lines = []
    if rows:
        lines.append(f"工作表“{title}”的隐藏行（第{_listed(rows)}行）有内容，未读入")
    if cols:
        letters = "、".join(get_column_letter(c) for c in cols[:8]) + (
            "等" if len(cols) > 8 else ""
        )
        lines.append(f"工作表“{title}”的隐藏列（{letters}列）有内容，未读入")
    shown = {k: v for k, v in values.items() if k[0] not in hidden_rows and k[1] not in hidden_cols}
    return shown, lines


def _listed(numbers: list[int], limit: int = 8) -> str:
    text = "、".join(map(str, numbers[:limit]))
    return text + ("等" if len(numbers) > limit else "")


def sheet_rows(
    title: str, values: dict[tuple[int, int], str], merges: list[tuple[int, int, int, int]]
) -> list[tuple[str, list[str]]]:
    """The rows that hold text, over the columns that hold text; a merge down a column gives its
    value to the empty cells of every such row it spans, a merge across a row keeps it once (a
    title); text the file holds under a merge stays (a whole column merged under a title)."""
    from openpyxl.utils import get_column_letter

    present = sorted({r for r, _ in values})
    columns = sorted({c for _, c in values})
    filled = dict(values)
    budget = MAX_SHEET_CELLS - len(values)
    for min_row, min_col, max_row, max_col in merges:
        value = values.get((min_row, min_col), "")
        inside = present[
            bisect.bisect_left(present, min_row) : bisect.bisect_right(present, max_row)
        ]
        spanned = [c for c in columns if min_col <= c <= max_col]
        budget -= len(inside) * max(len(spanned), 1)
        if budget < 0:
            raise ListError(
                TOO_MANY_CELLS.format(
                    sheet=title, cells=MAX_SHEET_CELLS - budget, limit=MAX_SHEET_CELLS
                )
            )
        for row in inside:
            for column in spanned:  # a merge never hides text the file holds under it
                if (row, column) not in values:
                    filled[row, column] = value if column == min_col else ""
    rows = []
    for row in present:
        cells = [filled.get((row, column), "") for column in columns]
        first = next((column for column, text in zip(columns, cells) if text), columns[0])
        rows.append((f"{title}!{get_column_letter(first)}{row}", cells))
    return rows


def _bounds(ref: str) -> tuple[int, int, int, int]:
    """A1:C3 → (first row, first column, last row, last column), counted from 1."""
    first, last = ref.split(":") if ":" in ref else (ref, ref)
    return (*_cell(first), *_cell(last))


def _cell(ref: str) -> tuple[int, int]:
    """A1 → (row 1, column 1)."""
    letters, digits = _CELL_REF.fullmatch(ref).groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits), column


_SHARED = re.compile(rb"<(?:\w+:)?si>(.*?)</(?:\w+:)?si>", re.S)
_TEXT = re.compile(rb"<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</(?:\w+:)?t>")
_SHARED_REF = re.compile(rb"<(?:\w+:)?c\b[^>]*?\bt=\"s\"[^>]*>\s*<(?:\w+:)?v>(\d+)</")


def _prescan(data: bytes, max_chars: int, too_long: str) -> tuple[bytes, dict[str, SheetParts]]:
    """One pass over the sheets' XML before openpyxl: the characters the cells hold (shared
    strings once per cell using them, inline strings as written), refused with ``too_long``
    past ``max_chars`` so that a workbook far too long for a list is refused in a second; per
    sheet part its merges and its formula cells without a saved result; and the workbook with
    the merge lists taken out (unchanged when it has none)."""
    parts: dict[str, SheetParts] = {}
    bodies: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        shared = archive.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b""
        lengths = [_text_length(item) for item in _SHARED.findall(shared)]
        total = 0
        for name in names:
            if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", name):
                continue
            body = archive.read(name)
            total += sum(
                lengths[int(i)] for i in _SHARED_REF.findall(body) if int(i) < len(lengths)
            )
            total += _text_length(body)
            if total > max_chars:
                raise ListError(too_long)
            merges = [
                m.decode()
                for block in _MERGE_CELLS.findall(body)
                for m in _MERGE_REF.findall(block)
            ]
            uncomputed = [
                m.group(1).decode()
                for m in _FORMULA_CELL.finditer(body)
                if not _VALUE.search(m.group(2))
            ]
            parts[name] = SheetParts(merges, uncomputed)
            if merges:
                bodies[name] = _MERGE_CELLS.sub(b"", body)
        if not bodies:
            return data, parts
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                copy.writestr(info, bodies.get(info.filename) or archive.read(info))
    return out.getvalue(), parts


def _text_length(xml: bytes) -> int:
    """Characters in the ``<t>`` elements of a piece of sheet XML."""
    return sum(len(text.decode("utf-8", "replace")) for text in _TEXT.findall(xml))


def _sheet_paths(data: bytes) -> dict[str, str]:
    """Sheet title → its part in the zip (xl/worksheets/sheet1.xml), from the workbook's
    relationships."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        except KeyError:
            return {}
    targets = dict(_attributes(rels, "Relationship", "Id", "Target"))
    paths = {}
    for name, rel in _attributes(book, "sheet", "name", "r:id"):
        target = targets.get(rel, "")
        paths[_unescape(name)] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return paths


def _attributes(xml: str, tag: str, first: str, second: str) -> Iterator[tuple[str, str]]:
    for element in re.finditer(rf"<(?:\w+:)?{tag}\b([^>]*)>", xml):
        attributes = dict(re.findall(r"([\w:]+)=\"([^\"]*)\"", element.group(1)))
        if first in attributes and second in attributes:
            yield attributes[first], attributes[second]


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )
