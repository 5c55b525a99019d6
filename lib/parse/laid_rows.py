"""Rows of a table whose cells the copy merged, wrapped or wrote one a line, laid into the
header's columns: a units cell merged over rows (written once), a cell or a unit's name wrapped
over two lines, leaders one a line, points of one cell a line, rows without a number under a
group's first. Used by ``find_items`` once the raw items are cut."""

from __future__ import annotations

import functools
import re
from operator import attrgetter

from lib.parse.blocks import RawItem
from lib.parse.headers import UNIT_ROLES, header_role, label_end, unit_header_words
from lib.parse.labels import ITEM_LABEL
from lib.parse.reference import LEVELS, load_reference
from lib.parse.spaced import column_kinds, lay_lines, person_like, unit_like

_RAW_CELLS = attrgetter("cells")


def units_column(header: tuple[str, ...]) -> tuple[list[str], int | None]:
    """The roles of the columns after the label's, and which of them first holds units."""
    roles = [header_role(c) or "note" for c in header]
    after = roles[label_end(roles) :]
    return after, next((i for i, role in enumerate(after) if role in UNIT_ROLES), None)


def laid_rows(
    items: list[RawItem], header: tuple[str, ...], kinds: tuple[str, ...]
) -> tuple[list[RawItem], list[str]]:
    """A table of one cell a line with merged cells (written once, in the first of the rows
    they span) or cells wrapped over two lines: a row whose lines are not as many as the
    columns, or whose units line is no unit's name, is laid into the columns by what each line
    holds (``lay_lines``) when that reads units there; a laid row with nothing in its units
    column, a cell after it filled, takes the units of the row above (a merged cell), unless
    it is the table's last row (a copy cut inside it). Returns the items and the labels of the
    rows that took units so."""
    after, col = units_column(header)
    if kinds or col is None or len(after) < 3 or any(map(_RAW_CELLS, items)):
        return items, []  # no table, or a table of rows of cells (_merged_units)
    kinds = column_kinds(header)
    if "label" not in {header_role(c) for c in header}:  # no number column: rows may have none
        items = [row for raw in items for row in _unnumbered_rows(raw, after, col)]
    out: list[RawItem] = []
    took: list[str] = []
    above = ""
    for n, raw in enumerate(items):
        lines = raw.lines
        while lines and not lines[-1].strip():  # "|" lines after the row: nothing in them
            lines = lines[:-1]
        lines = _points_joined(_brackets_joined(lines), len(after))
        if lines != raw.lines:
            raw = raw._replace(lines=lines)
        # as many lines as columns: each in its column, unless the units cell runs on (、),
        # or the row is one without a number under a group's first (its first cell merged)
        whole = (
            len(lines) == len(after)
            and not lines[col].endswith(("、", ",", ";"))
            # 提前完成年度任务 where the units fall: the units cell merged, a cell short
            and not (above and n and _status_not_units(lines[col]))
            and (raw.label or n == 0 or not items[n - 1].lines)
            and not _branch_wrapped(lines, col)
        )
        shared = _sub_rows_laid(lines, kinds, col)
        if shared and not whole:  # sub-rows after the first, each with its own units
            above = shared[col]
            out.append(raw._replace(cells=shared, lines=()))
            continue
        if (
            whole
            or len(lines) < 2
            or len(lines) > 2 * len(after)  # several rows, not one with wrapped cells
            or (
                len(lines) > len(after)
                and unit_like(lines[col])
                and not _leaders_over_lines(kinds, lines)
            )
        ):
            above = lines[col] if len(lines) > col and unit_like(lines[col]) else ""
            out.append(raw)
            continue
        names = _names_in(lines) | _branch_wrapped(lines, col)
        lines = _wrapped_names_joined(lines, names)
        cells = list(lay_lines(lines, kinds, names))
        if cells[col] and not unit_like(cells[col]):  # no better reading: kept as it was
            above = ""
            out.append(raw)
            continue
        if cells[col]:
            above = cells[col]
        elif above and any(cells[col + 1 :]) and n + 1 < len(items):
            cells[col] = above
            took.append(raw.label)
        out.append(raw._replace(cells=tuple(cells), lines=()))
    return out, took


def _sub_rows_laid(
    lines: tuple[str, ...], kinds: tuple[str, ...], col: int
) -> tuple[str, ...] | None:
    """An item of sub-rows, each with its own units (1 / 完善交通基础设施 / 区新兴产业服务中心 /
    its works / 48414 / its target, then 区住建局 / its works / 1000 / its target): the rows
    after the first leave out the cells merged over them (the number, the item's name), so
    each starts with a line naming units where the item's first row has other cells. The
    first row laid into all the columns, the others into the units column and those after it;
    the item's cells the first row's, the sub-rows' units added with 、 and their other cells
    with ;. None when the item has no such rows (or the table more than one units column)."""
    if kinds.count("units") != 1 or len(lines) <= len(kinds):
        return None
    names = _names_in(lines)
    lines = _wrapped_names_joined(lines, names)
    width = len(kinds) - col  # the cells of a sub-row
    starts = [0]
    for i in range(col + 2, len(lines)):
        if (
            unit_like(lines[i])
            and not unit_like(lines[i - 1])
            and i - starts[-1] >= min(width, 2) + (col if starts == [0] else 0)
        ):
            starts.append(i)
    if len(starts) < 2 or len(lines) - starts[-1] < 2:
        return None
    ends = [*starts[1:], len(lines)]
    first = list(lay_lines(lines[: ends[0]], kinds, names))
    if not unit_like(first[col]):
        return None
    for a, b in zip(starts[1:], ends[1:]):
        cells = lay_lines(lines[a:b], kinds[col:], names)
        if not unit_like(cells[0]):
            return None
        for j, cell in enumerate(cells, start=col):
            if j == col:  # a unit named again in a later sub-row is named once
                known = re.split(r"[、,;]", first[col])
                cell = "、".join(n for n in re.split(r"[、,;]", cell) if n not in known)
            if cell:
                first[j] = f"{first[j]}{'、' if j == col else ';'}{cell}" if first[j] else cell
    return tuple(first)


def _status_not_units(text: str) -> bool:
    """A status written where the units fall (提前完成年度任务: the units cell merged over the
    rows above): words of progress and no unit among them (市委社会工作部 市广播电视台 …, 各乡镇
    (街道)等相关单位 are units, whatever names no ending marks)."""
    bare = re.sub(r"\([^()]*\)", "", text)  # 市中国人民银行(推进办): a unit's office aside
    return bool(_STATUS_WORDS.search(bare)) and not any(
        unit_like(re.sub(r"等[^、,;\s]*$", "", part) or part)  # …等相关单位
        for part in re.split(r"[、,;\s]+", bare)
        if part
    )


_STATUS_WORDS = re.compile(r"完成|推进|开工|竣工|启动|滞后|达序|序时|进度|销号")


def _names_in(lines: tuple[str, ...]) -> frozenset[str]:
    """The units' names a row writes in its lines that name units (生态环境拱墅分局、区治水办),
    and those it wraps over two lines: a level and words with no unit's ending, then a short
    unit's name (区新兴产业 / 服务中心, 区综合行政 / 执法局)."""
    written = {
        name for line in lines if unit_like(line) for name in re.split(r"[、,;]", line) if name
    }
    wrapped = {
        head + tail
        for head, tail in zip(lines, lines[1:])
        if head[:1] in LEVELS
        and len(head) <= 8
        and len(tail) <= 6
        and not unit_like(head)
        and unit_like(tail)
        and unit_like(head + tail)
    }
    return frozenset(written | wrapped)


def _leaders_over_lines(kinds: tuple[str, ...], lines: tuple[str, ...]) -> bool:
    """A leaders column, more lines than columns, and two names of people one a line (姚文华
    / 顾 斌): the units line is not where the columns put it."""
    return (
        "leader" in kinds
        and len(kinds) < len(lines) <= len(kinds) + _FEW_WRAPPED
        and any(person_like(a) and person_like(b) for a, b in zip(lines, lines[1:]))
    )


_FEW_WRAPPED = 3  # more lines than that over the columns: several rows, not wrapped cells


def _branch_wrapped(lines: tuple[str, ...], col: int) -> frozenset[str]:
    """A branch's name broken over two lines where the units column falls (生态环境 / 拱墅分局:
    a short line, then a branch named by its place only): the whole name, else none."""
    if not 0 < col < len(lines):
        return frozenset()
    head, branch = lines[col - 1], lines[col]
    whole = head + branch
    return (
        frozenset({whole})
        if len(head) <= 6
        and len(branch) <= 8
        and branch.endswith(load_reference().branch_suffixes)
        and not unit_like(head)
        and unit_like(whole)
        else frozenset()
    )


def _wrapped_names_joined(lines: tuple[str, ...], names: frozenset[str]) -> tuple[str, ...]:
    """A unit's name broken over two lines (生态环境 / 拱墅分局) that the row writes whole in
    another cell (生态环境拱墅分局、区治水办): the two lines joined."""
    out = list(lines)
    i = 0
    while i + 1 < len(out):
        if out[i] + out[i + 1] in names and not unit_like(out[i]):
            out[i : i + 2] = [out[i] + out[i + 1]]
        i += 1
    return tuple(out)


def unnumbered_table(raw: RawItem, header: tuple[str, ...]) -> list[RawItem]:
    """All the lines of a table of one cell a line whose rows carry no number (``raw``), cut
    into rows where the units columns fall: a unit's other name in brackets and a cell's
    points a line joined first. One row when it does not cut."""
    after, col = units_column(header)
    lines = _points_joined(_brackets_joined(raw.lines), 0)
    if col is None:  # the units in the task's words: 一般公共预算收入增长7%。(牵头单位:市财政局)
        return rows_at_units_labels(raw._replace(lines=lines))
    return _unnumbered_rows(raw._replace(lines=lines), after, col)


@functools.lru_cache(maxsize=1)
def units_label_end() -> re.Pattern[str]:
    """A line that ends with its units labelled in brackets (…。(牵头单位:市财政局)): where a
    row of such a table starts; the labels are data/header_words.csv's for units."""
    alternation = "|".join(map(re.escape, unit_header_words()))
    return re.compile(rf"\((?:{alternation})[:][^()]+\)[。;]?$")


def rows_at_units_labels(raw: RawItem, unnumbered: bool = False) -> list[RawItem]:
    """Rows that each start with a line ending in its units label, the lines below it its
    other cells (joined into one: the progress). One row when fewer than two start so.
    ``unnumbered``: the rows after the first are items without a number (a list of
    ``⑤…(责任单位:X);`` lines whose later numbers the copy lost), each a line only."""
    starts = [i for i, line in enumerate(raw.lines) if units_label_end().search(line)]
    if len(starts) < 2 or starts[0] != 0:
        return [raw]
    if unnumbered and starts != list(range(len(starts))):  # one a line (then the rest)
        return [raw]
    ends = [*starts[1:], len(raw.lines)]
    return [
        raw._replace(
            label=raw.label if a == 0 or not unnumbered else "",
            lines=(raw.lines[a], "".join(raw.lines[a + 1 : b])) if b > a + 1 else (raw.lines[a],),
        )
        for a, b in zip(starts, ends)
    ]


def _unnumbered_rows(raw: RawItem, after: list[str], col: int) -> list[RawItem]:
    """A table of one cell a line whose rows carry no number (a number, if any, only on the
    first row of a group: (一) / 经济社会发展主要预期目标 / row / row …): the lines of one
    numbered item that hold several rows, cut where the units columns fall — each row's task
    lines, then a line naming units in every units column, then its cells after them. The rows
    after the first have no number (their label is empty). One row, or rows that do not cut so
    cleanly, are kept as they were."""
    units = 0
    while col + units < len(after) and after[col + units] in UNIT_ROLES:
        units += 1
    tail = len(after) - col - units  # the columns after the units ones
    lines = raw.lines
    if len(lines) < 2 * (units + tail + 1):
        return [raw]
    rows: list[tuple[str, ...]] = []
    start = 0
    i = start + 1
    while i + units <= len(lines):
        if all(unit_like(line) for line in lines[i : i + units]):
            end = min(len(lines), i + units + tail)
            while not tail and end < len(lines) and unit_like(lines[end]):
                end += 1  # the units column last, its units one a line (区商务委 / 区投促办)
            rows.append(lines[start:end])
            start = end
            i = start + 1
        else:
            i += 1
    if start < len(lines) - 1:  # the text ends inside a row (a copy cut short): a row of its own
        rows.append(lines[start:])
    elif start < len(lines) and rows:  # one line: the next group's section cell, kept as it was
        rows[-1] = (*rows[-1], *lines[start:])
    if len(rows) < 2 or any(len(row) < units + 1 for row in rows[:-1]):
        return [raw]
    first = raw._replace(lines=rows[0])
    return [first, *(raw._replace(label="", lines=row) for row in rows[1:])]


_BRACKET_LINE = re.compile(r"\((?P<name>[^()]{2,16})\)")


def _brackets_joined(lines: tuple[str, ...]) -> tuple[str, ...]:
    """A unit's other name in brackets on a line of its own (市财政局 / (市国资委)): joined to
    the name above it."""
    out = list(lines)
    i = 1
    while i < len(out):
        inner = _BRACKET_LINE.fullmatch(out[i])
        if inner and unit_like(out[i - 1]) and unit_like(inner["name"]):
            out[i - 1 : i + 1] = [out[i - 1] + out[i]]
        else:
            i += 1
    return tuple(out)


def _points_joined(lines: tuple[str, ...], width: int) -> tuple[str, ...]:
    """A row of more lines than columns whose cell lists points a line (全年: / 1.坚持… /
    2.从严…): each point joined to the one before it (numbered one less, or the line that
    introduces them), so that the points make one cell."""
    out = list(lines)
    i, last = 1, None  # last: the number of the last point of line i - 1
    while len(out) > width and i < len(out):
        point = ITEM_LABEL.match(out[i]) if out[i][:1].isdigit() else None
        number = int(point["num"]) if point and point["num"] and point["rest"] else None
        if (
            number is not None
            and i > 1
            and (last == number - 1 or (number == 1 and out[i - 1].endswith(":")))
        ):
            out[i - 1 : i + 1] = [out[i - 1] + out[i]]  # the task's line is never a point's
        else:
            i += 1
        last = number
    return tuple(out)


def merged_units(items: list[RawItem], header: tuple[str, ...]) -> tuple[list[RawItem], list[str]]:
    """Rows under a units cell merged over several rows, which the copy writes once (in the
    first row): a row whose units cell names no unit while the row above names one there, and
    that is a cell short (fewer cells than the header, or an empty last one), takes the units
    of the row above, its later cells moved right. Returns the items and the labels of the
    rows that took them."""
    after, col = units_column(header)
    if col is None or not any(map(_RAW_CELLS, items)):  # a table of one cell a line: no rows
        return items, []
    out: list[RawItem] = []
    took: list[str] = []
    above = ""
    for raw in items:
        cells = raw.cells
        if len(cells) > col and cells[col] and unit_like(cells[col]):
            above = cells[col]
        elif (
            above
            and col + 1 < len(after)  # a column to move its cell into (局疾控科 | |: the last)
            and len(cells) > col
            and cells[col]
            and (len(cells) < len(after) or not cells[-1])
            and not any(unit_like(c) for c in cells if c)
        ):
            short = cells[:-1] if len(cells) >= len(after) else cells
            raw = raw._replace(cells=(*short[:col], above, *short[col:]))
            took.append(raw.label)
        else:
            above = "" if cells else above
        out.append(raw)
    return out, took
