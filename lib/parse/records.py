"""Stage 4a: blocks → raw items (label, section, the lines that belong to each numbered item).

An item starts at a numbered block (``12``, ``12.``, ``(三)``) after the table header when
there is one, else after a standalone ``附件`` line, else at the first numbered block; it
runs until the next numbered block or section heading. What the lines mean (task, units,
leaders, deadline) is read by the conventions in ``lib/parse/conventions.py``. Numbering is kept
as written and checked, never renumbered.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from lib.parse.blocks import Block, RawItem, sheet_of
from lib.parse.headers import (
    MEASURE_AFTER,
    PERIOD,
    PERIOD_AFTER,
    UNIT_ROLES,
    header_role,
    header_words,
)
from lib.parse.labels import (
    CIRCLED,
    CN,
    ITEM_LABEL,
    NUMBERED_HEADING,
    SECTION,
    SUB_NUMBER,
    chinese_number,
    label_number,
)
from lib.parse.laid_rows import (
    laid_rows,
    merged_units,
    rows_at_units_labels,
    units_label_end,
    unnumbered_table,
)
from lib.parse.reference import load_reference, page_furniture, read_data_csv, task_verbs
from lib.parse.references import carried_record, form_item_reading, prose_items, record_reading
from lib.parse.spaced import (
    column_kinds,
    cut_row,
    glued_table,
    lay_lines,
    line_words,
    spaced_table,
    unfold_table_lines,
    unit_like,
)
from lib.parse.split import MARKERS

_ATTACHMENT = re.compile(r"^附件\s*\d*$")
_LEADER_HEADING = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:同志)?(?:常务)?副?(?:市长|县长|区长|州长|省长|主席|秘书长)"
    r"(?:牵头|分管|负责|联系)"
)
_CELL_BREAK = re.compile(r"\t|\s*\|\s*")
_GLUED_LABEL = re.compile(r"^(?P<num>\d{1,3})(?P<paren>)(?P<rest>[\u4e00-\u9fff].*)$")  # 1优化…
_DECIMAL_LIKE_LABEL = re.compile(r"^(?P<num>\d{1,4})[.](?P<paren>)(?=\d)(?P<rest>.*)$")
_TRAILING_PIPES = re.compile(r"\s*\|+\s*$")


class UnitField(NamedTuple):  # a named tuple: made for every run of every item
    """One run of units in an item and the lead rule that applies to it.

    ``rule``: ``marker`` (▲/★ mark the leads), ``lead`` (every unit leads: a 牵头单位 label),
    ``first`` (the first unit leads: a legend or a 牵头责任单位 column), ``co`` (none leads).
    """

    text: str
    rule: str = "co"
    label: str = ""


# The lead rule a run gets from what names it (header_words.csv roles). A label names only
# leads (牵头责任单位:X → every unit leads); a column titled 牵头责任单位 names its first unit
# (the first unit of every list leads); a plain 责任单位 leaves it to the document (pending).
_RUN_RULES: dict[str, tuple[str, str]] = {  # role → (as a column, as a label)
    "lead": ("lead", "lead"),
    "lead_units": ("first", "lead"),
    "co": ("co", "co"),
    "units": ("pending", "pending"),
}


def run_rule(role: str, *, label: bool) -> str:
    """``lead``, ``first``, ``co`` or ``pending`` for a run named by a column or a label of ``role``.

    >>> run_rule("lead_units", label=False), run_rule("lead_units", label=True), run_rule("units", label=True)
    ('first', 'lead', 'pending')
    """
    return _RUN_RULES.get(role, ("pending", "pending"))[1 if label else 0]


class ItemRecord(NamedTuple):  # a named tuple: quicker to make than a frozen dataclass
    item_label: str
    task: str
    source_ref: str
    section: str = ""
    leaders: str = ""
    deadline: str = ""
    fields: tuple[UnitField, ...] = ()
    incomplete: bool = False
    part: int = 0  # which list of the file it belongs to
    # cells of the columns that are neither task, units, leaders nor deadline, by their header
    # as written (1-11月推进情况, 是否达序, 说明); a progress report's progress is here; "" for
    # the text written after an item's units (a progress note in running text)
    notes: tuple[tuple[str, str], ...] = ()

    @property
    def units_text(self) -> str:
        """The responsible-units text as written; labelled runs keep their label."""
        if len(self.fields) == 1:  # most items: one run, no generator for it
            only = self.fields[0]
            return f"{only.label}:{only.text}" if only.label else only.text
        return "；".join(f"{f.label}:{f.text}" if f.label else f.text for f in self.fields)


@dataclass(frozen=True)
class Layout:
    """Where the items are: the header (if any), the raw items, and the text around them."""

    items: tuple[RawItem, ...]
    preamble: tuple[Block, ...]
    header: tuple[str, ...] = ()
    unplaced: tuple[Block, ...] = field(default_factory=tuple)
    furniture: int = 0  # page furniture lines skipped (发布时间, 分享 …)
    read_as: tuple[str, ...] = ()  # how a column was read where its header says otherwise
    cut: bool = False  # the text ends inside the last row (a row not closed by its |)
    sheets: tuple[str, ...] = ()  # a workbook's sheet names read as its rows' sections


# First characters that can begin a label or a section heading (cheap tests before a regex)
_LABEL_STARTS = frozenset("0123456789(第实" + CIRCLED)
_SECTION_STARTS = frozenset(CN + "第")


@functools.lru_cache(maxsize=1)
def _furniture_starts() -> frozenset[str]:
    return frozenset(row["text"][:1] for row in read_data_csv("page_furniture.csv"))


def leader_in_heading(text: str) -> str:
    """``王某某副市长牵头`` → 王某某: a heading that names the responsible leader, else ""."""
    if len(text) > 40 or ("长" not in text and "主席" not in text):
        return ""
    match = _LEADER_HEADING.search(text)
    return match["name"] if match else ""


# a number inside a line, after a blank or a sentence end: where a run-on page starts an item
# (the blank or mark is matched, not looked behind at: a scan for it is three times quicker)
_INNER_NUMBER = re.compile(
    rf"[\s。;:](?P<at>(?P<num>\d{{1,3}})[.、](?!\d)|(?P<cn>[{CN}]{{1,3}})、)"
)
_RUN_ON = 30  # a line this long may hold several items
# a number this far past the open row's and this large is a figure in a cell (23000 after item
# 1), not an item: a selection of a long list jumps (145, 249) but not to the thousands
_NUMBER_JUMP = 10
_AMOUNT = 1000
# a line that introduces the items below it (8项进展偏慢的重点工作为:): their section, short
# and with no sentence before it
_LIST_INTRO = re.compile(r"^[^:。;,]{4,40}(?:为|如下):$")


def _list_intro(text: str) -> str:
    """The section a line introducing the items below it names (``8项进展偏慢的重点工作为:``),
    or "" (a field label such as ``牵头单位为:`` is none)."""
    if not _LIST_INTRO.match(text) or header_role(text[:-2]):
        return ""
    return text.rstrip(":")


def _without_bars(blocks: list[Block]) -> list[Block]:
    """A table copied one cell a line with a ``|`` line between its cells: the ``|`` lines
    hold no text, so they are left out (the cells one a line are read as such), unless other
    lines hold several (``||||``) or close a cell (``慈化镇 |``): there a ``|`` is an empty cell."""
    bars = {b.text.replace(" ", "") for b in blocks if not b.cells and not b.text.strip(" |")}
    if bars != {"|"} or any(b.text.endswith(" |") for b in blocks):
        return blocks  # none; runs of them (||||), or cells closed by one (X |): "|" an empty cell
    return [b for b in blocks if b.cells or b.text.strip() != "|"]


def header_cut_off(blocks: list[Block]) -> list[Block]:
    """A table's header written at the end of the notice's last paragraph (``…2018年2月24日
    常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位``): the header cut onto a
    line of its own, when its words from 序号 on are header words naming a units column.

    >>> [b.text for b in header_cut_off([Block("附件:分解表 序号 名称 工作任务 牵头责任单位", "L1")])]
    ['附件:分解表', '序号 名称 工作任务 牵头责任单位']
    """
    out: list[Block] = []
    for block in blocks:
        at = block.text.rfind(" 序号 ") if not block.cells else -1
        tail = block.text[at + 1 :] if at > 0 else ""
        words = line_words(tail) if tail else []
        roles = [header_role(w) for w in words]
        if len(words) >= 3 and all(roles) and set(roles) & {"units", "lead", "lead_units"}:
            out += [Block(block.text[:at].strip(), block.source_ref), Block(tail, block.source_ref)]
        else:
            out.append(block)
    return out


def split_run_on_lines(blocks: list[Block]) -> list[Block]:
    """A web page copied onto one line (``1.新建学校3所 县教育局 2.改造道路 县交通运输局``): cut
    it before each number that continues the numbering begun at the line's start or inside it.

    >>> [b.text for b in split_run_on_lines([Block("1.建学校 县教育局 2.修路 县交通局 3.植树 县林业局", "L1")])]
    ['1.建学校 县教育局', '2.修路 县交通局', '3.植树 县林业局']
    """
    long = [b.text for b in blocks if len(b.text) >= _RUN_ON and not b.cells]
    # no line holds a number inside: one search over them all (\x00 between them can neither
    # start nor be part of a number, so it finds what a search of each line would)
    if not long or _INNER_NUMBER.search("\x00".join(long)) is None:
        return blocks
    out: list[Block] = []
    for block in blocks:
        cuts = _run_on_cuts(block.text) if len(block.text) >= _RUN_ON and not block.cells else []
        if "\t" in block.text and any(block.text[at - 1] != "\t" for at in cuts):
            cuts = []  # a spreadsheet's row pasted as text: 1. 2. inside a cell are its points
        if not cuts:
            out.append(block)
            continue
        bounds = [0, *cuts, len(block.text)]
        out += [
            Block(block.text[a:b].strip(), block.source_ref)
            for a, b in zip(bounds, bounds[1:])
            if block.text[a:b].strip()
        ]
    return out


def _run_on_cuts(text: str) -> list[int]:
    """Where consecutive numbers (n, n+1, n+2 …, at least two after the first) start items."""
    if _INNER_NUMBER.search(text) is None:  # most lines: no number inside, nothing to cut
        return []
    head = ITEM_LABEL.match(text)
    # after a colon only on a numbered line ((三)县农业农村局:1、…), not after a field's label
    # (项目进展:1.古商城北片区…: the points of one item's progress)
    inside = _numbers_inside(text)
    found = [number for number in inside if head or text[number[0] - 1] != ":"]
    first = (
        label_number(head["num"] or head["paren"])
        if head and (head["num"] or head["paren"])
        else None
    )
    numbered = NUMBERED_HEADING.match(text)
    if first is None and numbered:
        first = chinese_number(numbered["cn"])
    best: list[int] = []
    head_arabic = bool(head and head["num"])
    for arabic in (True, False):
        run: list[int] = []
        # the line's own number goes on in numbers of its kind; (三)县农业农村局:1、…2、…
        # starts a run of the other kind at 1
        own = first is not None and arabic == head_arabic
        expected = (first + 1) if own else None
        for at, number, is_arabic in found:
            if is_arabic != arabic or number is None:
                continue
            if (expected is None and number == 1) or number == expected:
                run.append(at)
                expected = number + 1
        enough = 2 if own else 3  # a run of its own: 1. 2. 3. at least
        if len(run) >= enough and len(run) > len(best):
            best = run
    sectioned = _sectioned_run(found, first if numbered else None)
    if not best and not sectioned and first is None:  # 2.… 3.… 4.… 5.…: a copy lost 1.
        ones = {is_arabic for _, number, is_arabic in inside if number == 1}
        # 项目进展:1.…2.…3.…: the points of a field, begun at 1 after its label
        runs = (_late_run(found, arabic) for arabic in (True, False) if arabic not in ones)
        return max(runs, key=len, default=[])
    return sectioned if len(sectioned) > len(best) else best


_LATE_START = 9  # a copy that lost its first items: its numbering starts at most here
_LATE_RUN = 4  # … and goes on at least this long


def _late_run(found: list[tuple[int, int | None, bool]], arabic: bool) -> list[int]:
    """``? 2.… 3.… 4.… 5.…``: a copy whose first item was cut or garbled: a run of at least
    four numbers starting at a small one; the numbering started again at that number (a second
    list: ``2.… 3.…``) goes on in the same run. [] when there is none."""
    numbers = [(at, n) for at, n, is_arabic in found if is_arabic == arabic and n is not None]
    best: list[int] = []
    for i, (at, start) in enumerate(numbers):
        if start > _LATE_START or len(numbers) - i < _LATE_RUN:
            continue
        run, expected = [at], start + 1
        for later, number in numbers[i + 1 :]:
            if number == expected or (number == start and len(run) >= _LATE_RUN):
                run.append(later)
                expected = number + 1
        if len(run) >= _LATE_RUN and len(run) > len(best):
            best = run
    return best


def _numbers_inside(text: str) -> list[tuple[int, int | None, bool]]:
    """(where, number, Arabic?) of each number inside a line that may start an item."""
    return [
        (m.start("at"), int(m["num"]) if m["num"] else chinese_number(m["cn"]), bool(m["num"]))
        for m in _INNER_NUMBER.finditer(text)
    ]


def _sectioned_run(found: list[tuple[int, int | None, bool]], heading: int | None) -> list[int]:
    """``一、… 1.… 2.… 二、… 1.…``: headings numbered 一 二 三, the items under each numbered
    from 1 again; at least two headings and two items (else [])"""
    cuts: list[int] = []
    headings = items = 0
    next_heading = heading + 1 if heading else 1
    next_item: int | None = 1
    for at, number, is_arabic in found:
        if number is None:
            continue
        if not is_arabic and number == next_heading:
            cuts.append(at)
            headings, next_heading, next_item = headings + 1, number + 1, 1
        elif is_arabic and number == next_item:
            cuts.append(at)
            items, next_item = items + 1, number + 1
    return cuts if headings + (1 if heading else 0) >= 2 and items >= 2 else []


_KEY_VALUE = re.compile(r"^(?P<key>[^|:]{2,24}?)\s*:?\s*\|\s*(?P<value>[^|]*?)\s*\|?$")


def key_value_rows(blocks: list[Block]) -> list[Block]:
    """A record laid out as a two-column table, one field a row (``重点工作: | 135.统筹… |``,
    ``牵头单位: | 市城管局 |``): the task row opens the item, the other rows become labelled lines.
    A document of forms, one table an item (``_form_tables``), is read so too when a number
    opens each form; else each field's name and value become lines of their own, as a form's
    copy writes them. A field left blank is dropped.

    >>> [b.text for b in key_value_rows([Block("重点工作: | 5.建学校 |", "L1"), Block("牵头单位: | 县教育局 |", "L2")])]
    ['5.建学校', '牵头单位:县教育局']
    """
    forms = _form_tables(blocks)
    if not forms and not any("|" in b.text and not b.cells for b in blocks):
        return blocks
    if forms and not _forms_numbered(blocks):  # forms without numbers: each field's name on a
        # line and its value below, as a form's copy writes them (read as such: form_items)
        return [
            Block(text.strip(), block.source_ref) if _field_row(block) else block
            for block in blocks
            if not _blank_field(block)
            for text in (block.cells if _field_row(block) else ("",))
        ]
    out: list[Block] = []
    for block in blocks:
        if forms and _field_row(block):
            key, value = (c.strip() for c in block.cells)
        elif "|" in block.text and not block.cells and (match := _KEY_VALUE.match(block.text)):
            key, value = match["key"], match["value"]
        elif forms and _blank_field(block):
            continue  # 配合单位 | (blank): a form's field left empty
        else:
            out.append(block)
            continue
        role = header_role(key)
        if role is None or not value:
            out.append(block)
        elif role in ("task", "label") and ITEM_LABEL.match(value):
            out.append(Block(value, block.source_ref))  # 序号 | 1, 重点工作 | 5.建学校
        elif forms and role == "task":
            out.append(Block(value, block.source_ref))  # 工作任务 | 新建幼儿园: the task
        else:
            out.append(Block(f"{''.join(key.split())}:{value}", block.source_ref))
    return out


_FORM_FIELDS = 4  # field rows (牵头单位 | 区教育局) of a document of forms, its keys repeated


def _form_tables(blocks: list[Block]) -> bool:
    """Are the document's tables forms, one an item, each row a field and its value (工作任务 |
    新建幼儿园 / 牵头单位 | 区教育局 / 进展情况 | …), the same fields in each?"""
    keys = Counter(re.sub(r"\s+", "", b.cells[0]) for b in blocks if _field_row(b))
    return sum(keys.values()) >= _FORM_FIELDS and sum(n >= 2 for n in keys.values()) >= 2


def _forms_numbered(blocks: list[Block]) -> bool:
    """Does a number open each form (a 序号 field, or a number on a line of its own)?"""
    return any(
        (_field_row(b) and header_role(b.cells[0]) == "label")
        or (not b.cells and (m := ITEM_LABEL.match(b.text.strip())) and not m["rest"].strip())
        for b in blocks
    )


def _blank_field(block: Block) -> bool:
    """A form's row of units or leaders left blank: its name alone on the row."""
    return not block.cells and header_role(block.text) in (*UNIT_ROLES, "leader")


def _field_row(block: Block) -> bool:
    """A table row of two cells, a field's name (a header word) and a value that is none."""
    cells = block.cells
    return (
        len(cells) == 2
        and bool(cells[1].strip())
        and header_role(cells[0]) is not None
        and header_role(cells[1]) is None
    )


def record_layout(blocks: list[Block], progress: bool = False) -> Layout | None:
    """A page of one item written as labelled fields (``record_reading``), for a document
    whose numbered lines name no unit (a page's stages 1. 2. are no items); None if none, or
    with ``progress``, if its fields hold no progress either (一、…整改情况 / 整改目标:… /
    责任单位:… / 整改情况:…: the one item read so, its progress found)."""
    blocks = _without_bars(blocks)
    found = record_reading(blocks)
    if found is None and not progress and (carried := carried_record(blocks)) is not None:
        items, columns, how, (first, *left) = carried  # 某局承担…进展情况: the title names both
        unplaced = tuple(blocks[at] for at in left)
        return Layout(items, tuple(blocks[:first]), columns, unplaced, 0, (how,))
    if found is None or (progress and len(found[1]) <= 3):
        return None
    items, columns, how, (first, *others) = found
    unplaced = tuple(blocks[at] for at in others)  # 进度安排: listed, not read
    return Layout(items, tuple(blocks[:first]), columns, unplaced, 0, (how,))


def find_items(blocks: list[Block]) -> Layout:
    """Cut a document's blocks into raw items, with the preamble and the header."""
    blocks = split_run_on_lines(key_value_rows(header_cut_off(_without_bars(blocks))))
    header_at, start, header = _find_header(blocks)
    if not header:  # a whole table copied onto one line: its header and rows on lines of their own
        unfolded = unfold_table_lines(blocks)
        if len(unfolded) != len(blocks):
            blocks = unfolded
            header_at, start, header = _find_header(blocks)
    if not header:  # a table whose cells the copy ran together: its cells one a line
        unglued = glued_table(blocks)
        if len(unglued) != len(blocks):
            blocks = unglued
            header_at, start, header = _find_header(blocks)
    # a table copied with single spaces between its cells: its rows are cut into cells
    spaced = spaced_table(blocks, _numbered_rest, (header_at, start, header))
    kinds, read_as = spaced[3], spaced[4]
    if kinds:
        header_at, start, header = spaced[:3]
    if not header:
        header_at = start = _first_item(blocks)
    preamble = blocks[:header_at]
    # rows written one a line, each closed by a | (``1 | 任务 | 单位 | 进展 |``): a row
    # line without it goes on in the next lines (a cell with line breaks)
    closed = (
        bool(header) and 0 < start <= len(blocks) and blocks[start - 1].text.rstrip().endswith(" |")
    )
    cutter = _Cutter(header, kinds, closed)
    cutter.unnumbered = _rows_unnumbered(blocks[start:], header)
    for block in preamble:  # a section heading just above the header heads the first items
        heading = SECTION.match(block.text)
        if heading and header:
            cutter.section = heading["rest"].strip()
        elif _list_intro(block.text):  # 8项进展偏慢的市政府重点工作为:
            cutter.section = _list_intro(block.text)
    take, line = cutter.take, cutter.spaced_line if kinds else cutter._line
    signed = _signatures(blocks)
    cutter.texts = [b.text for b in blocks]
    sheets = _sheet_sections(blocks, start)
    for at, block in enumerate(blocks[start:], start):
        cutter.at = at
        if at in sheets and not (at == start and cutter.section):  # a workbook's sheets,
            cutter.close()  # each a part of the list: their names sections (a heading
            cutter.section = sheets[at]  # above the first sheet's header stays)
        if at in signed:  # 蔡甸区人民政府办公室 / 2023年1月3日: the notice signed, no units
            cutter.furniture += 1
            continue
        if block.cells:
            take(block)
        else:
            line(block, block.text)  # what take does with a line of text, without the call
    cutter.close()
    form = form_item_reading(blocks) if not kinds else None
    if form:  # a form, a label on each line (整改任务 / … / 责任单位 / …): its numbers are points
        items, columns, how = form
        refs = {raw.source_ref for raw in items}
        first = next((i for i, b in enumerate(blocks) if b.source_ref in refs), 1)
        preamble = tuple(blocks[: max(0, first - 1)])  # the notice above the form's first label
        return Layout(items, preamble, columns, (), cutter.furniture, (how,))
    if not header and all(raw.heads is not None for raw in cutter.items):
        prose = prose_items(blocks)  # no numbered item: a notice naming or listing them?
        if prose:
            items, columns, how = prose
            preamble = tuple(blocks[: _first_item(blocks)]) if cutter.items else ()
            return Layout(items, preamble, columns, (), cutter.furniture, (how,))
    found = cutter.items
    if not header:  # ⑤…(责任单位:X); then lines of the same kind whose number the copy lost
        found = [row for raw in found for row in rows_at_units_labels(raw, unnumbered=True)]
    if _numbers_left_out(blocks, header_at, start, header, kinds):
        # a table of one cell a line whose rows carry no number at all: its rows are found
        # where the units column falls (the numbered points in its cells are no items)
        body = tuple(  # 区民政局 |: a cell's line closed by its bar
            _TRAILING_PIPES.sub("", b.text)
            for at, b in enumerate(blocks[start:], start)
            if at not in signed
        )
        rows = unnumbered_table(RawItem("", blocks[start].source_ref, cutter.section, body), header)
        if len(rows) >= 2 or (rows and not found):  # one row: when nothing else is an item
            found, cutter.unplaced = rows, []
    # 强化…公开 / 1 / 对…清理 / 办公室 / 年底前: each row's group written before its number
    grouped = _groups_before_numbers(found, header, kinds, cutter.unplaced)
    if grouped:  # the line before the first number is the first group, now a section
        found, cutter.unplaced = grouped, cutter.unplaced[:-1]
        cutter.sections_in_first = True
    if cutter.sections_in_first and header and header_role(header[0]) != "section":
        # 工作任务 | 具体要求 | 责任部门 over 一、做好财政信息公开。 | 1.积极推进… | 财务科: the first
        # column holds the sections (written once, for their first row); the rows' cells start
        # at the second
        read_as = "；".join(filter(None, [read_as, f"表格首列“{header[0]}”为分组，作章节读入。"]))
        header = header[1:]
    if sheets:
        named = "、".join(f"“{name}”" for name in sheets.values())
        read_as = "；".join(
            filter(
                None,
                [
                    read_as,
                    f"各工作表的名称（{named}）作章节读入；名称是单位的，其事项由该单位牵头。",
                ],
            )
        )
    items, laid = laid_rows(found, header, kinds)
    items, merged = merged_units(items, header)
    items, cut_off = _cut_name_dropped(items, blocks)
    if cut_off:  # 区发改局、区科技局、区财政 at the text's end: the copy cut inside a name
        what = "责任单位标注" if cut_off[:1] in "(〔" else "单位名称"  # (牵头部 / 区财政
        read_as = "；".join(filter(None, [read_as, f"文末“{cut_off}”是被截断的{what}，未读入。"]))
    merged = laid + merged
    if merged:
        read_as = "；".join(
            filter(
                None,
                [
                    read_as,
                    f"第{'、'.join(merged)}项的责任单位一格与上一行合并，取上一行的责任单位。",
                ],
            )
        )
    return Layout(
        tuple(items),
        tuple(preamble),
        header,
        tuple(cutter.unplaced),
        cutter.furniture,
        (read_as,) if read_as else (),
        bool(cutter.items) and (cutter.cut or bool(cut_off)),
        tuple(sheets.values()),
    )


_ROW_TEXT = 15  # characters past which a line is a row's text, not a header cell
# a sheet's name as the program gives it (Sheet1, 工作表2, 表3): no part's name
_DEFAULT_SHEET = re.compile(r"(?i)(?:sheet|工作表|表)\s*\d*")


def _sheet_sections(blocks: list[Block], start: int) -> dict[int, str]:
    """Where each sheet of a workbook starts (from ``start``, the first sheet's first row after
    the header) and its name, when two sheets or more hold numbered rows and each is named
    (经济发展 / 社会民生): the names are the sections of their rows. Empty otherwise."""
    refs = [sheet_of(b.source_ref) for b in blocks]
    if not all(refs):
        return {}
    numbered = {
        ref for ref, b in zip(refs, blocks) if b.cells and ITEM_LABEL.match(b.cells[0].strip())
    }
    names = list(dict.fromkeys(refs))
    if len(numbered) < 2 or any(_DEFAULT_SHEET.fullmatch(name.strip()) for name in numbered):
        return {}
    firsts = {name: refs.index(name) for name in names if name in numbered}
    return {max(at, start): name.strip() for name, at in firsts.items()}


def _row_after_header(cells: list[str], cell: str, following: str) -> bool:
    """A cell read as a task's header (养老服务项目: …项目) after a header that names a task,
    its units and then progress columns, with a sentence after it: the first row's first cell,
    not another column (完成目标 / (%) is one)."""
    roles = [header_role(c) for c in cells]
    return (
        header_role(cell) == "task"
        and (len(following) > _ROW_TEXT or bool(re.search(r"[。,;]", following)))
        and cell not in header_words()
        and "task" in roles
        and any(role in ("units", "lead", "lead_units") for role in roles)
        and roles[-1:] == ["note"]
    )


_GROUP_CELL = 30  # characters a group's cell holds at most (强化行政规范性文件集中规范公开)


def _groups_before_numbers(
    items: list[RawItem], header: tuple[str, ...], kinds: tuple, unplaced: list[Block]
) -> list[RawItem]:
    """A table of one cell a line whose header has no number column and whose first column
    names each row's group, written once before the number of the group's first row
    (``强化…公开`` / ``1`` / ``对…`` / ``办公室`` / ``年底前`` / ``深化…形式`` / ``2`` …): a row one line
    over the columns after the first ends in the next row's group (twice at least). The rows
    with their groups as sections ([] when the table is not so)."""
    width = len(header) - 1
    roles = [header_role(c) for c in header]
    if (
        len(items) < 2
        or kinds
        or width < 2
        or "label" in roles
        or roles[0] not in ("task", "section")
        or any(raw.cells or raw.heads is not None for raw in items)
        or not unplaced
    ):
        return []
    groups = [unplaced[-1].text.strip()]  # each row's group: a new one after a row's cells
    for raw in items[:-1]:
        if len(raw.lines) not in (width, width + 1):
            return []
        groups.append(raw.lines[-1].strip() if len(raw.lines) > width else groups[-1])
    changes = sum(1 for raw in items[:-1] if len(raw.lines) > width)
    if (
        len(items[-1].lines) != width
        or changes < 2
        or not all(0 < len(g) <= _GROUP_CELL and "。" not in g and not unit_like(g) for g in groups)
    ):
        return []
    return [
        raw._replace(section=group, lines=raw.lines[:width]) for raw, group in zip(items, groups)
    ]


def _cut_name_dropped(items: list[RawItem], blocks: list[Block]) -> tuple[list[RawItem], str]:
    """The text ending inside a unit's name after others (…区科技局、区财政): the last item
    without that piece, and the piece ("" when the text ends otherwise)."""
    if not items or not blocks:
        return items, ""
    last = items[-1]
    filled = [i for i, cell in enumerate(last.cells) if cell.strip(" |")]
    final = (last.cells[filled[-1]] if filled else last.lines[-1] if last.lines else "").rstrip(
        " |"
    )
    if not final or not blocks[-1].text.rstrip(" |").endswith(final):
        return items, ""  # the item's last words are not the text's
    label = _OPEN_LABEL.search(final)
    if label and _starts_a_units_label(label["words"]):  # …扶持创业。(牵头部: the copy's end
        kept = final[: label.start()].rstrip()
        return [*items[:-1], _last_words(last, filled, kept, label.group())], label.group()
    head, mark, piece = max(
        final.rpartition("、"),
        final.rpartition(","),
        final.rpartition(":"),
        key=lambda p: len(p[0]),
    )
    head = re.split(r"\s*\|\s*", head)[-1]
    if mark == ":":  # …,协办单位:连江交通建设发展有: the label before it
        head = re.split(r"[,;、。\s]", head)[-1]
    label, colon, names = head.rpartition(":")
    if colon and header_role(label) in UNIT_ROLES:
        head = names  # 责任单位:市发改委、…、市税务局 (、市协): the names before it
    if not mark and len(filled if filled else last.lines) >= 3 and _starts_a_name(final):
        piece = final  # 市发 on a line or in a cell of its own after the row's other cells
    elif not mark or not (
        header_role(head) in UNIT_ROLES if mark == ":" else unit_like(head)  # 主办单位:连江…有
    ):
        return items, ""
    if (
        not 0 < len(piece) <= _CUT_NAME
        or unit_like(piece.strip().strip(MARKERS + "*"))  # ▲市发改: a lead's mark, a whole name
        or piece[-1] in _SENTENCE_END
        or "等" in piece  # 各单位等相关单位: a list's end, whole
    ):
        return items, ""
    kept = final[: -len(mark + piece)]
    if mark == ":" and len(kept) > len(head):  # the label goes with the name it labels
        kept = kept[: -len(head)].rstrip(",;、 ")
    if not kept and not filled:  # a line of its own: it keeps its column, its words are not read
        return [*items[:-1], last._replace(cut=piece)], piece
    return [*items[:-1], _last_words(last, filled, kept)], piece


def _last_words(last: RawItem, filled: list[int], kept: str, cut: str = "") -> RawItem:
    """The item with its last filled cell (or last line) now ``kept``, marked ``cut`` if given."""
    marked = {"cut": cut} if cut else {}
    if filled:
        cells = list(last.cells)
        cells[filled[-1]] = kept
        return last._replace(cells=tuple(cells), **marked)
    return last._replace(lines=(*last.lines[:-1], kept), **marked)


_SENTENCE_END = "。;!?)”%"
_CUT_NAME = 10  # characters of a name cut at the copy's end (多福湾工作专, 连江交通建设发展有)
_FILE_NAME = re.compile(r"[\w.-]+\.(?:jpe?g|png|gif|webp|bmp|pdf|docx?|xlsx?|wps)", re.IGNORECASE)
_LEADER_CELL = re.compile(r"[\u4e00-\u9fff·、]{2,12}")  # 周军波, 王某某、李某: names, no sentence
_OPEN_LABEL = re.compile(r"[(〔]\s*(?P<words>[\u4e00-\u9fff]{1,5}):?$")  # (牵头部 at the end


def _starts_a_units_label(words: str) -> bool:
    """``牵头部``, ``责任单位``: a label of responsible units, or its start, naming none."""
    return any(
        label.startswith(words) and role in UNIT_ROLES for label, role in header_words().items()
    )


def _starts_a_name(text: str) -> bool:
    """``市发``: the start of a known unit's name (市发改委), not the whole of one."""
    return 2 <= len(text) <= 4 and any(
        name.startswith(text) and name != text for name in load_reference().surfaces()
    )


_BARE_NUMBER = re.compile(r"\d{1,3}")
_BARE_FIGURE = re.compile(r"[-—]|\d+(?:\.\d+)?%?")  # a cell of a figure only: 7, 100%, -
_LABELLED_FIRST_POINT = re.compile(r"[\u4e00-\u9fff]:\s*1[.、]\s*\S")  # 推进情况:1.全市…


def _closed_by_units(lines: list[str], point: re.Match[str]) -> bool:
    """An item's text that ends with its units in brackets (…。(主办单位:区工务局、区城管局)),
    and a first point under it that names none: the point tells the item's progress."""
    return bool(
        lines
        and units_label_end().search(lines[-1])
        and "单位" not in point["rest"]
        and "负责" not in point["rest"]
    )


_GROUP_ROW = 20  # characters of a row of one cell that groups the rows below it (经济发展类)


_PIPE = " | "
_PIPE_ROWS = 3  # a header and two rows at least


def pipe_rows(blocks: list[Block]) -> list[Block] | None:
    """A text's table written ``a | b | c`` a line (a Markdown copy, a pasted sheet) as rows of
    cells, as a file's table is read, for a text whose rows carry no number (each row an item,
    read as a real table's); None when the text has no run of ``_PIPE_ROWS`` such lines.

    >>> rows = pipe_rows([Block("完成情况", "L1"), Block("工作任务 | 牵头单位 | 完成情况", "L2"), Block("建成高中1所 | 县教育局 | 已完成。", "L3"), Block("改造学校2所 | 县民政局 |", "L4")])
    >>> [b.cells for b in rows]
    [(), ('工作任务', '牵头单位', '完成情况'), ('建成高中1所', '县教育局', '已完成。'), ('改造学校2所', '县民政局', '')]
    """
    out, run, longest = [], 0, 0
    for block in blocks:
        if block.cells or _PIPE not in f" {block.text.strip()} ":
            out.append(block)
            run = 0
            continue
        cells = tuple(c.strip().strip("|").strip() for c in f" {block.text.strip()} ".split(" | "))
        if cells and not cells[0]:
            cells = cells[1:]  # | a | b |: the bar that opens the row (|| closes empty ones)
        out.append(Block(block.text, block.source_ref, cells))
        run += 1
        longest = max(longest, run)
    return out if longest >= _PIPE_ROWS else None


def _rows_unnumbered(body: list[Block], header: tuple[str, ...]) -> bool:
    """A table (its rows in cells) whose header has no 序号 column and none of whose rows has
    a number in its first cells: each row is an item without a number."""
    roles = [header_role(c) for c in header]
    rows = [b.cells for b in body if b.cells and len([c for c in b.cells if c]) > 1]
    if not header or "label" in roles or len(rows) < 2:
        return False
    skip = 1 if roles[:1] == ["section"] else 0
    return not any(
        ITEM_LABEL.match(c.strip())
        or NUMBERED_HEADING.match(c.strip())
        or SUB_NUMBER.match(c.strip())
        for row in rows
        for c in row[: skip + 1]
    )


def _numbers_left_out(
    blocks: list[Block], header_at: int, start: int, header: tuple[str, ...], kinds: tuple
) -> bool:
    """A header of one cell a line, then rows that carry no number: not one line is a number
    alone, and the first line after the header is no number or heading."""
    if not header or kinds or start - header_at < 3 or start >= len(blocks):
        return False
    first = blocks[start].text
    body = blocks[start:]
    roles = [header_role(c) for c in header]
    if "section" in roles[:1] and len(first) <= 12 and "。" not in first:
        return False  # 高质量发展 / 1、地区生产总值增长率: a section cell, then numbered rows
    return (
        not any(b.cells for b in body)
        and not ITEM_LABEL.match(first)
        and not NUMBERED_HEADING.match(first)
        and not SECTION.match(first)
        and not any(_BARE_NUMBER.fullmatch(_TRAILING_PIPES.sub("", b.text).strip()) for b in body)
    )


class _Cutter:
    """Walks the blocks after the header, opening an item at each number."""

    def __init__(
        self, header: tuple[str, ...], kinds: tuple[str, ...] = (), closed: bool = False
    ) -> None:
        roles = [header_role(c) or "note" for c in header]
        self.kinds = kinds  # a table copied with single spaces: what each column holds
        # what each column after the label's holds, for rows a cell short: a row's first
        # column (项目名称) merged over the rows below may be empty there
        self.row_kinds = tuple(
            "merged" if i == 0 and kind == "task" else kind
            for i, kind in enumerate(column_kinds(header) if header else ())
        )
        self.closed = closed  # each row line ends with a |
        self.cut = False  # the last item closed was a row its | never closed
        self.header_cells = [c for c in header if c]
        self.sections_in_first = False  # a row's first cell was a section (一、…), not its task
        self.width = len(header)
        self.roles = roles
        self.label_column = "label" in roles
        self.label_col = roles.index("label") if "label" in roles else 0
        before = roles[: self.label_col]
        self.section_col = before.index("section") if "section" in before else None
        self.leader_first = bool(before) and before[0] == "leader"  # 分管市长 | 序号 | …
        self.items: list[RawItem] = []
        self.unplaced: list[Block] = []
        self.furniture = 0
        self.section = self.leaders = ""
        self.unnumbered = False  # a table that numbers none of its rows: each row an item
        self.notes_below = False  # past a heading of the table's instructions (填报说明:)
        self.notes_number: int | None = None  # the number of its last point
        self.part = 0  # which list of the file (附件1, 附件2 …) the items belong to
        self.open: dict | None = None  # the item being read: RawItem's fields, lines as a list
        self.texts: list[str] = []  # the lines the cutter walks, and where it is (to look ahead)
        self.at = 0
        self.furniture_starts = _furniture_starts()
        # a line starting otherwise is neither 附件, page furniture, a number nor a heading
        self.special_starts = {"附", *self.furniture_starts, *_LABEL_STARTS, *_SECTION_STARTS}

    def take(self, block: Block) -> None:
        cells = block.cells
        if self.notes_below:  # under a table's instructions: theirs, unless the list goes on
            if not self._after_notes(block.text):
                self.unplaced.append(block)
                return
            self.notes_below = False
        if not cells:  # a line of text
            self._line(block, block.text)
            return
        filled = [c for c in cells if c]
        if len(filled) > 1 or self._continues(cells):
            self._row(block)
        else:  # a row of one cell: a line (a group's name across an unnumbered table …)
            self._line(block, filled[0])

    def close(self) -> None:
        if self.open:
            item = self.open
            self.cut = bool(item.get("unclosed"))
            self.items.append(
                RawItem(
                    item["label"],
                    item["source_ref"],
                    item["section"],
                    tuple(item["lines"]),
                    item["leaders"],
                    item["cells"],
                    item.get("heads"),
                    item["part"],
                )
            )
        self.open = None

    def _start(
        self, label: re.Match[str], block: Block, lines: list[str], cells: tuple[str, ...]
    ) -> None:
        self.close()
        self.open = {
            "label": label["num"] + (label.groupdict().get("star") or "")
            if label["num"]
            else label["paren"],
            "source_ref": block.source_ref,
            "section": self.section,
            "lines": lines,
            "leaders": self.leaders,
            "cells": cells,
            "part": self.part,
            "bare": not lines and not cells,  # its number alone on its line
        }

    def spaced_line(self, block: Block, text: str) -> None:
        """A line of a table copied with single spaces between its cells: a numbered row
        opens an item with its words laid into the columns; a row without a number (another
        indicator of the item) adds its cells to the item's, each after a ;."""
        label = ITEM_LABEL.match(text) if text[:1].isdigit() else None
        if label and label["num"] and label["rest"].strip():
            self._start(label, block, [], cut_row(label["rest"], self.kinds))
        elif self.open and self.open["cells"] and " " in text and text[:1] not in "附":
            self._join_row(cut_row(text, self.kinds))
        elif not (self.open and self.open["cells"] and self._row_goes_on(text)):
            self._line(block, text)

    def _row_goes_on(self, text: str) -> bool:
        """A line of one cell under a row whose last cells are empty (2 第一产业… 区农业农村委 /
        区林业局 / 区供销联社 / 第一产业增加值同比增长3.4%。): a unit's name joins the units
        cell the row ends in, other text fills the next empty cell. False when it cannot."""
        cells = list(self.open["cells"])
        filled = max((i for i, cell in enumerate(cells) if cell), default=-1)
        if (
            filled < 0
            or filled >= len(self.kinds)
            or "|" in text
            or text[:1] == "附"  # 附件2: another list
            or page_furniture().match(text)
        ):
            return False
        if self.kinds[filled] == "units" and unit_like(text):
            cells[filled] += f"、{text}"
        elif filled + 1 < len(cells) and not _list_intro(text) and not SECTION.match(text):
            cells[filled + 1] = text
        else:
            return False
        self.open["cells"] = tuple(cells)
        return True

    def _next_row(self, text: str) -> bool:
        """``2 | 强化… | 区科技局 |``: the next numbered row, which closes an unclosed one."""
        label = ITEM_LABEL.match(text) if text[:1].isdigit() else None
        return bool(label and label["num"] and _CELL_BREAK.search(label["rest"].strip(" |")))

    def _cell_goes_on(self, text: str) -> None:
        """A line of a row not closed by its |: its last cell goes on here (…122%。 / 2.推动…
        / 3.菜鸟…建成。 |), and any cells after a | follow it."""
        parts = [c.strip() for c in _CELL_BREAK.split(_TRAILING_PIPES.sub("", text).strip())]
        cells = list(self.open["cells"])
        cells[-1] += parts[0]
        self.open["cells"] = (*cells, *parts[1:])
        self.open["unclosed"] = not text.rstrip().endswith("|")

    def _another_row(self, text: str) -> None:
        """``新增托位500个。 | 新增托位600个。 | ||``: a row without a number under an item read
        from a row of cells (another measure of the item)."""
        cells = [c.strip() for c in _CELL_BREAK.split(text.strip(" |"))]
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        # merged cells left out: laid by content; a row one cell short is so only when its
        # unit's name would stand outside the units column (对七星路… | 2021.12 | 城投集团, its
        # item's name merged), not when the units cell is the one left out (新增托位500个。|…)
        short = len(cells) == len(self.row_kinds) - 1 and any(
            unit_like(cell) and kind != "units" for cell, kind in zip(cells, self.row_kinds)
        )
        if 1 < len(cells) < len(self.row_kinds) - 1 or short:
            cells = list(lay_lines(tuple(cells), self.row_kinds))
        self._join_row(cells)

    def _join_row(self, more: list[str] | tuple[str, ...]) -> None:
        """A further row's cells join the open item's, column by column, each after a ;."""
        cells = list(self.open["cells"])
        for i, cell in enumerate(more):
            if not cell:
                continue
            if i < len(cells):
                cells[i] = f"{cells[i]};{cell}" if cells[i] else cell
            else:
                cells.append(cell)
        self.open["cells"] = tuple(cells)

    def _leader_cell(self, text: str) -> str:
        """A row under ``分管市长 | 序号 | …`` whose first cell names the leader (written once, in
        the first of the rows the cell spans) and whose next starts with the item's number: the
        leader taken for it and the rows below, the rest returned."""
        cell, mark, rest = text.partition(" | ") if " | " in text else text.partition("\t")
        label = ITEM_LABEL.match(rest.strip()) if mark else None
        if label is None or not label["num"] or not _LEADER_CELL.fullmatch(cell.strip()):
            return text
        self.close()
        self.leaders = cell.strip()
        return rest.strip()

    def _section_cell(self, text: str) -> str:
        """A row of a table without a number column whose first cell names a section and whose
        next cell starts with the item's number: the section taken, the rest returned."""
        cell, mark, rest = text.partition(" | ") if " | " in text else text.partition("\t")
        heading = SECTION.match(cell.strip()) if mark else None
        label = ITEM_LABEL.match(rest.strip()) if heading else None
        if label is None or not label["num"]:
            return text
        self.close()
        self.section = heading["rest"].strip()
        self.sections_in_first = True
        return rest.strip()

    def _glued(self, text: str) -> re.Match[str] | None:
        """``1优化就业创业服务``: a number glued to a task that starts with a task's verb, when
        it is the first number or the next one (2022年…, 10千伏… are no numbers of items)."""
        match = _GLUED_LABEL.match(text)
        if match is None or not match["rest"].startswith(task_verbs()):
            return None
        before = (
            label_number(self.open["label"]) if self.open and self.open.get("heads") is None else 0
        )
        return match if int(match["num"]) in (1, (before or 0) + 1) else None

    def _next_number(self, text: str) -> re.Match[str] | None:
        """``62.20户以上…`` right after item 61: the next number, not the decimal 62.20."""
        match = _DECIMAL_LIKE_LABEL.match(text)
        before = label_number(self.open["label"]) if match else None
        return match if before is not None and int(match["num"]) == before + 1 else None

    def _a_cell(self, label: re.Match[str]) -> bool:
        """A number while the open row of a one-cell-a-line table still lacks cells, and not the
        number after the open item's; a circled number (①…) inside a row numbered 1, 2, 3."""
        item = self.open
        if item is None or not self.header_cells or item["cells"] or item.get("heads") is not None:
            return False
        num = label["num"]
        full = len(item["lines"]) >= self.width - self.label_col - 1
        if item.get("bare") and label["rest"].strip() and (num or not full):
            # 1 / 任务 / 1.推进… 2.临沪…: points of a cell, the rows' numbers standing alone;
            # 1 / (一)经济社会发展主要预期目标 / …: a cell naming the group of rows
            return True
        if num is None:  # ①柴桑区…②濂溪区…: the parts of a cell, not items
            paren = label["paren"]
            return bool(paren) and paren[0] in CIRCLED and item["label"][:1].isdigit()
        number = int(num)
        written = item["label"]
        before = int(written) if written.isdigit() else label_number(written)
        if full and number < _AMOUNT:  # most rows: the next item's number after a whole row,
            # unless a sub-row's figure (4 | 4 | 100% | … 2 |): the next number comes soon
            return (
                before is not None
                and number != before + 1
                and not label["rest"].strip(" |")
                and self._number_soon(before + 1)
            )
        if before is None:
            return False
        if number >= _AMOUNT and number > before + _NUMBER_JUMP:
            return True  # 23000 after item 1: an amount, though a cell ran over several lines
        if not full and number == before + 1:
            return self._figures_before_number(number)
        return not full

    def _cells_go_on(self, label: re.Match[str]) -> bool:
        """``130 | 105.96 | 95.00% | 民卫局 |`` after row 2, a few cells short: the row's last
        cells, gone on to a line of their own (130 a figure, far past the row's number)."""
        item = self.open
        if item is None or not item["cells"] or not label["num"]:
            return False
        if len(item["cells"]) >= self.width - self.label_col - 1:
            return False
        before = label_number(item["label"])
        return before is not None and int(label["num"]) > before + _NUMBER_JUMP

    def _figures_before_number(self, number: int) -> bool:
        """``7 | 7 | 100% | 按照工程进度测算 | 7 | 企业职工…`` in row 6, short of its cells: the
        row's figures (7 planned, 7 done), one of them the next row's number, which is
        written alone again before a row's width of lines is over."""
        following = [t.strip(" |") for t in self.texts[self.at + 1 : self.at + 1 + self.width]]
        return bool(
            following and _BARE_FIGURE.fullmatch(following[0]) and str(number) in following[1:]
        )

    def _number_soon(self, number: int) -> bool:
        """Is ``number`` written alone within a row's width of lines after the current one?"""
        following = self.texts[self.at + 1 : self.at + 1 + self.width]
        return any(text.strip(" |") == str(number) for text in following)

    def _point_goes_on(self, label: re.Match[str]) -> bool:
        """``2.`` under an item numbered 一、 or (一) whose text labels its first point
        (``推进情况:1.全市…``): the next point of that text, not an item."""
        item = self.open
        if item is None or not label["num"] or item["cells"] or item["label"][:1].isdigit():
            return False
        last = item.get("point") or (
            1 if any(_LABELLED_FIRST_POINT.search(line) for line in item["lines"]) else 0
        )
        if not last and label["num"] == "1" and _closed_by_units(item["lines"], label):
            last = 0  # (一)重建海滨公园。(主办单位:区工务局) / 1.开放区域已完成: its progress
        elif not last or int(label["num"]) != last + 1:
            return False
        item["point"] = last + 1
        return True

    def _first_cells_open(self) -> bool:
        """Is the open item a row of one cell a line whose number stands alone, its first cell
        still to come (a line numbered like a heading is then that cell)?"""
        item = self.open
        return bool(
            item is not None
            and self.header_cells
            and item.get("bare")
            and not item["lines"]
            and not item["cells"]
        )

    def _continues(self, cells: tuple[str, ...]) -> bool:
        """A row without a number under an item read from a table: the rest of that row."""
        col = self.label_col
        return bool(self.open and self.open["cells"]) and not (col < len(cells) and cells[col])

    def _after_notes(self, text: str) -> bool:
        """Does the list go on after a heading of instructions: 附件2, or the number after the
        last item's (the instructions' own points start again at 1)?"""
        if text[:1] == "附" and _ATTACHMENT.match(text.strip("* ")):
            return True
        label = ITEM_LABEL.match(text.strip())
        number = label_number(label["num"] or label["paren"] or "") if label else None
        if number is None:
            return False
        last = label_number(self.items[-1].label) if self.items else None
        noted, self.notes_number = self.notes_number, number
        # 3 after items 1, 2 and the instructions' 1, 2: the instructions' third point
        return number == (last or 0) + 1 > 1 and number != (noted or 0) + 1

    def _row(self, block: Block) -> None:
        """A table row: its cells are placed by the header's columns."""
        cells, col = block.cells, self.label_col
        if [c for c in cells if c] == self.header_cells:
            return  # the header again, on the next page of a PDF or sheet
        label = ITEM_LABEL.match(cells[col]) if col < len(cells) else None
        if label is None and col < len(cells):
            label = SUB_NUMBER.fullmatch(cells[col].strip())  # 1.1, 1.2 under 1: sub-items
        if label and not label["rest"].strip():
            if self.section_col is not None and cells[self.section_col]:
                self.section = cells[self.section_col]
            after = list(cells[col + 1 :])
            after += [""] * max(0, self.width - col - 1 - len(after))
            if self._merged_down(cells[col].strip(), after):
                # the number and task merged down over the item's rows, one a unit: its rows
                self._join_row([c if c != o else "" for c, o in zip(after, self.open["cells"])])
                return
            self._start(label, block, [], tuple(after))
            self.open["table"] = True
        elif not self.label_column and col < len(cells) and self._numbered_row(block):
            self.open["table"] = True  # 一、解决居民用水问题 | 市水务局 | …: the number at the
            # head of the task's cell
        elif self._continues(cells):
            merged = list(self.open["cells"])
            for i, cell in enumerate(cells[col + 1 :]):
                if i < len(merged):
                    merged[i] += cell
                elif cell:
                    merged.append(cell)
            self.open["cells"] = tuple(merged)
        elif self.unnumbered and self._unnumbered_row(block):
            self.open["table"] = True  # 新建幼儿园 | 区教育局 | …: a row, an item
        else:
            self.unplaced.append(block)

    def _group_row(self, text: str) -> bool:
        """In a table that numbers none of its rows, a row of one short cell (经济发展类, 一、…)
        names the group of the rows below: taken as their section."""
        text = text.strip()
        heading = SECTION.match(text)
        if not self.unnumbered or not (
            heading or (0 < len(text) <= _GROUP_ROW and "。" not in text)
        ):
            return False
        self.close()
        self.section = heading["rest"].strip() if heading else text
        return True

    def _unnumbered_row(self, block: Block) -> bool:
        """A row of a table that numbers none of its rows (no 序号 column, no number in its
        first cell): an item without a number when its first cell (after a section column)
        holds text; False when it is empty."""
        cells = block.cells
        if self.roles[:1] == ["section"] and len(cells) > 1:
            if cells[0].strip():  # 经济发展 | 新建…: the section of this row and the rows below
                heading = SECTION.match(cells[0].strip())
                self.section = heading["rest"].strip() if heading else cells[0].strip()
            cells = cells[1:]
        if not cells or not cells[0].strip():
            return False
        self.close()
        self._open_numbered("", block, self.section, [], tuple(cells), None)
        return True

    def _merged_down(self, label: str, cells: list[str]) -> bool:
        """A row repeating the open item's number and its first cell (a sheet's, a Word or web
        table's cells merged down over the rows of one item, each row a unit's)."""
        item = self.open
        return bool(
            item is not None
            and item["label"] == label
            and item["cells"]
            and cells
            and cells[0]
            and cells[0] == item["cells"][0]
        )

    def _numbered_row(self, block: Block) -> bool:
        """A row of a table with no number column whose first cell starts with the item's
        number (``1.新建…``, ``一、解决…``): an item, its first cell without the number. False
        when the cell is not numbered so."""
        cells, section = block.cells, ""
        if self.roles[:1] == ["section"] and len(cells) > 1:  # 类别 | 民生事项名称 | …
            section, cells = cells[0].strip(), cells[1:]
        first, later = cells[0].strip(), tuple(cells[1:])
        label = ITEM_LABEL.match(first) if first[:1] in _LABEL_STARTS else None
        if label and label["rest"].strip():
            if section:  # 四、教育文化: the section of this row and the rows below
                self.close()
                heading = SECTION.match(section)
                self.section = heading["rest"].strip() if heading else section
            self._start(label, block, [], (label["rest"].strip(), *later))
            return True
        if self.roles[:1] == ["section"]:
            return False
        numbered = NUMBERED_HEADING.match(first) if first[:1] in _SECTION_STARTS else None
        if not numbered:
            return False
        self.close()  # numbered like a heading: an item when it names units
        self._open_numbered(
            numbered["cn"], block, self.section, [], (numbered["rest"].strip(), *later), ""
        )
        return True

    def _open_numbered(
        self,
        label: str,
        block: Block,
        section: str,
        lines: list[str],
        cells: tuple[str, ...],
        heads: str | None,
    ) -> None:
        """Open an item numbered like a heading (三、…): ``heads`` the section it opens, if any."""
        self.open = {
            "label": label,
            "source_ref": block.source_ref,
            "section": section,
            "lines": lines,
            "leaders": self.leaders,
            "cells": cells,
            "heads": heads,
            "part": self.part,
        }

    def _line(self, block: Block, text: str) -> None:
        """A line of text: a number opens an item, a heading names a section or a leader, a
        附件 line starts another list."""
        if self.unnumbered and self._group_row(text):
            return
        if self.notes_below or (
            (self.open is not None or self.items)
            and text[:1] in _notes_heading()[1]
            and _notes_heading()[0].match(text)
        ):  # 填报说明: / 1.进展情况请简要填写: the table's instructions, not the list's items
            if not self._after_notes(text):
                self.close()
                self.notes_below = True
                self.unplaced.append(block)
                return
            self.notes_below = False  # 附件2, or the list's next number: the list goes on
        if (
            self.open is not None
            and self.open.get("unclosed")
            and not self._next_row(text)
            and not page_furniture().match(text)  # 分享到: after a copy cut inside a row
        ):
            self._cell_goes_on(text)
            return
        first = text[:1]
        if (  # most lines: an open item's next line, which none of the tests below can claim
            self.open is not None
            and not self.open.get("table")
            and first not in self.special_starts
            and not first.isdigit()
            and "长" not in text
            and "主席" not in text
            and not text.endswith("|")
            and not (self.open["cells"] and ("|" in text or "\t" in text))
            and not text.endswith(":")
        ):
            self.open["lines"].append(text)
            return
        intro = _list_intro(text) if self.open is not None else ""
        if intro:  # 4项尚未完成年度目标任务的民生实事项目为: the items below are such
            self.close()
            self.section = intro
            return
        if first == "附" and _ATTACHMENT.match(text.strip("* ")):
            self.close()  # another list: its numbering may start again
            self.part += 1
            self.section = ""
            self.unplaced.append(block)
            return
        if (first in self.furniture_starts and page_furniture().match(text)) or (
            "." in text and _FILE_NAME.fullmatch(text)
        ):  # 分享到, 640.webp.jpg (a picture's name): the page's, not the list's
            self.furniture += 1
            return
        if first in _SECTION_STARTS and self.header_cells:
            text = self._section_cell(text)  # 四、教育文化 | 14.改扩建…: a section, then the item
            first = text[:1]
        elif self.leader_first and first not in _LABEL_STARTS:
            text = self._leader_cell(text)  # 周军波 | 1 | …: the leader, then the item
            first = text[:1]
        label = ITEM_LABEL.match(text) if first in _LABEL_STARTS else None
        if label is None and first.isdigit():
            label = (self._next_number(text) if self.open else None) or self._glued(text)
        if label and self._cells_go_on(label):  # 130 | 105.96 | 民卫局 |: row 2's cells
            parts = [c.strip() for c in _CELL_BREAK.split(_TRAILING_PIPES.sub("", text).strip())]
            self.open["cells"] = (*self.open["cells"], *parts)
            return
        if label and self._a_cell(label):
            label = None  # 2024 |, 300 |: a number in a row of one cell a line, not the next item
        if label and self._point_goes_on(label):
            self.open["lines"].append(text)  # 推进情况:1.… / 2.…: the item's points, no items
            return
        if label:
            rest = label["rest"].strip()
            cells = (
                tuple(c.strip() for c in _CELL_BREAK.split(rest))
                if _CELL_BREAK.search(rest)
                else ()
            )
            if not cells and rest and self.closed and "|" in text[: label.start("rest")]:
                cells = (rest,)  # 1 | 金竹锦园…建设, its other cells on the lines below (| 党建办)
            self._start(label, block, [rest] if rest else [], cells)
            if cells and self.closed and not text.rstrip().endswith("|"):
                self.open["unclosed"] = True
            return
        heading = SECTION.match(text) if first in _SECTION_STARTS else None
        numbered = NUMBERED_HEADING.match(text) if first in _SECTION_STARTS else None
        if (heading or numbered) and self._first_cells_open():
            self.open["lines"].append(text)  # 1 / 一、60周岁以上老年人…: the row's first cell
            return
        leader = leader_in_heading(text)
        if numbered:  # a section heading, or an item numbered like one: the units decide
            self.close()
            outer = self.section
            if heading:
                self.section = heading["rest"].strip()
            rest = numbered["rest"].strip()
            cells = (
                tuple(c.strip() for c in _CELL_BREAK.split(rest))
                if _CELL_BREAK.search(rest)
                else ()
            )
            self._open_numbered(
                numbered["cn"], block, outer, [rest], cells, self.section if heading else ""
            )
            if leader:
                self.leaders = leader
        elif heading or leader:
            self.close()
            if heading:
                self.section = heading["rest"].strip()
            if leader:
                self.leaders = leader
        elif self.open and self.open["cells"] and _CELL_BREAK.search(text.strip(" |")):
            self._another_row(text)
        elif self.open and self.open.get("table"):
            # a line after a table's row (a sheet's row of one cell, a paragraph under a Word
            # table): no part of the row, whose text is in its cells; listed in the report
            self.unplaced.append(block)
        elif self.open:
            if text.endswith("|") and self.header_cells:  # one cell a line: "任务文字 |", "||"
                text = _TRAILING_PIPES.sub("", text)
            self.open["lines"].append(text)
        else:
            self.unplaced.append(block)


@functools.lru_cache(maxsize=1)
def _notes_heading() -> tuple[re.Pattern[str], frozenset[str]]:
    """填报说明:, 注:1.…: a heading of instructions under a table, alone on its line or before
    its first point (data/notes_headings.csv); and the characters such a heading starts with."""
    words = sorted((r["words"] for r in read_data_csv("notes_headings.csv")), key=len)[::-1]
    pattern = rf"^(?:{'|'.join(words)})\s*:\s*(?:$|(?:1|一|①|\(1\)|\(一\))(?!\d|\.\d))"
    return re.compile(pattern), frozenset(w[:1] for w in words)


def _first_item(blocks: list[Block]) -> int:
    """Without a table header: after the first standalone 附件 line (a file may hold several
    lists, 附件1 and 附件2, and each is read), else at the first numbered block (or the section
    heading right above it)."""
    attachments = [i for i, b in enumerate(blocks) if _ATTACHMENT.match(b.text.strip("* "))]
    begin = attachments[0] + 1 if attachments else 0
    first = next((i for i in range(begin, len(blocks)) if _numbered(blocks[i].text)), None)
    if first is None:  # the 附件 line was the notice's own: items start at the first number
        begin = 0
        first = next((i for i, b in enumerate(blocks) if _numbered(b.text)), len(blocks))
    heading = first
    while heading > begin and SECTION.match(blocks[heading - 1].text):
        heading -= 1
    return heading if heading < first else first


_DATE_LINE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _signatures(blocks: list[Block]) -> set[int]:
    """Where a notice is signed: a short line naming the office right above a line that is only
    a date (蔡甸区人民政府办公室 / 2023年1月3日); the two lines' indexes."""
    found: set[int] = set()
    for i in range(len(blocks) - 1):
        name, date = blocks[i].text.strip(), blocks[i + 1].text.strip()
        if (
            not blocks[i].cells
            and len(name) <= 24
            and load_reference().has_unit_ending(name)  # an office's name
            and _DATE_LINE.fullmatch(date)
        ):
            found |= {i, i + 1}
    return found


def _numbered_rest(text: str) -> str | None:
    """What follows the number of a line numbered 1, 2, 3 … (None for any other line)."""
    label = ITEM_LABEL.match(text) if text[:1].isdigit() else None
    return label["rest"] if label and label["num"] else None


def _numbered(text: str) -> bool:
    return bool(ITEM_LABEL.match(text) or NUMBERED_HEADING.match(text))


def _unknown(parts: list[str]) -> int:
    return sum(1 for part in parts if not header_role(part))


_SPACED_OUT = re.compile(r"(?<=^[\u4e00-\u9fff]) (?=[\u4e00-\u9fff]$)")  # 项 目 → 项目
# a header line ending on one of these words goes on in the next: 市级牵头 / 责任单位
_ROLE_WORDS = ("牵头", "配合", "协办", "主责")
# a header line of a year only goes on in the next: 2023年 / 目标进度
_YEAR_HEAD = re.compile(r"(?:19|20)\d{2}年度?")


def _wrapped_header_cell(parts: list[str], following: str) -> str:
    """``责任`` then ``领导``, ``攻坚目标`` then ``任务``, ``牵头`` then ``市领导``: one header cell
    set over two lines, when the first line is not a header word of its own and the second is
    a short tail (of three or four characters only when it is no header word either, or when
    the first ends on a word of a unit's role: ``市级牵头`` then ``责任单位``)."""
    tail = following.strip(" |")
    if len(parts) == 1 and _YEAR_HEAD.fullmatch(parts[0]) and 0 < len(tail) <= 8:
        return parts[0] + tail if header_role(tail) and not header_role(parts[0]) else ""
    if (
        len(parts) != 1
        or not 0 < len(tail) <= 4
        or (len(tail) > 2 and header_role(tail) and not parts[0].endswith(_ROLE_WORDS))
        or re.sub(r"\s+", "", parts[0]) in header_words()  # 项目 名称 / 内容: two words
        # 累计进度 / 备注: a note's column, then the remarks' own (a word of its own)
        or (header_role(parts[0]) == "note" == header_role(tail) and tail in header_words())
        or ITEM_LABEL.match(tail)
        or ITEM_LABEL.match(parts[0])
    ):
        return ""
    joined = parts[0] + tail
    return joined if header_role(joined) else ""


def _qualified_people(cells: list[str]) -> list[str]:
    """``区政府办`` / ``协管责任人``: a header cell naming a unit, then one naming people — one
    column, the unit's people."""
    out: list[str] = []
    for cell in cells:
        if (
            out
            and header_role(cell) == "leader"
            and not header_role(out[-1])
            and unit_like(out[-1])
        ):
            out[-1] += cell
        else:
            out.append(cell)
    return out


def sub_header(top: tuple[str, ...], below: tuple[str, ...]) -> tuple[str, ...] | None:
    """A header over two rows, a cell of the first over several columns that the second names
    (责任单位 over 牵头单位 | 配合单位, 进展情况 over 1-6月 | 1-9月, or over 完成量 | 完成率): each
    column's name, read through both rows; None when the row below is no part of the header.

    >>> sub_header(("序号", "责任单位", "", "进展情况", ""), ("", "牵头单位", "配合单位", "完成量", "完成率"))
    ('序号', '牵头单位', '配合单位', '进展情况完成量', '进展情况完成率')
    >>> sub_header(("序号", "任务", "责任单位", ""), ("1", "新建学校", "区教育局", "")) is None
    True
    """
    if not below or not top:
        return None
    top = (*top, *[""] * (len(below) - len(top)))  # its last cell over the last columns
    below = (*below, *[""] * (len(top) - len(below)))  # its last cells empty, left out
    named = [k for k, cell in enumerate(below) if cell and cell != top[k]]
    spanned = [k for k in range(len(top)) if not top[k] and any(top[:k])]
    if not named or not spanned or not all(_sub_header_cell(below[k]) for k in named):
        return None
    answers = all(below[k] in _ANSWERS for k in named)  # 是否达序 over 是 | 否, one ticked
    if not (answers or any(header_role(below[k]) for k in named)) or not set(named) & {
        k for s in spanned for k in (s - 1, s)
    }:
        return None
    out = []
    for k, cell in enumerate(below):
        above = top[k] or next((t for t in reversed(top[:k]) if t), "")
        out.append(top[k] if not cell or cell == top[k] else _column_name(above, cell))
    return tuple(out)


_ANSWERS = ("是", "否")


def _takes(above: str, units: bool) -> bool:
    """Can a header cell stand over columns of units (``units``) or of something else?"""
    role = header_role(above)
    return (role in UNIT_ROLES) == units and role not in ("label", "task")


def _column_name(above: str, cell: str) -> str:
    """The name of a column the header's second row names under ``above``."""
    if header_role(cell) in (*UNIT_ROLES, "leader", "label", "task", "deadline"):
        return cell  # 牵头单位 under 责任单位: a column's name of its own
    if PERIOD.fullmatch(cell):
        return cell + above  # 1-9月 under 进展情况: 1-9月进展情况
    return above + cell  # 完成率 under 1-9月进展情况: 1-9月进展情况完成率


def spanned_header(top: list[str], below: list[str], width: int) -> tuple[str, ...] | None:
    """A copy of a header over two rows that wrote each row's cells on a line, the cells
    merged down left out of the second (``序号 | 责任单位 | 进展情况 |`` / ``牵头单位 | 配合单位 |
    完成量 | 完成率 |``): the second line's cells put under the first's that take them (names of
    units under a units column, others under any other), two or more under each, when that
    makes as many columns as the rows below have (``width``); else None.

    >>> spanned_header(["序号", "责任单位", "进展情况"], ["牵头单位", "配合单位", "完成量", "完成率"], 5)
    ('序号', '牵头单位', '配合单位', '进展情况完成量', '进展情况完成率')
    """
    if len(below) < 2 or not all(_sub_header_cell(cell) for cell in below):
        return None
    under: dict[int, list[str]] = {}
    parent = -1
    for cell in below:
        units = header_role(cell) in UNIT_ROLES
        if parent < 0 or not _takes(top[parent], units):
            parent = next((k for k in range(parent + 1, len(top)) if _takes(top[k], units)), -1)
            if parent < 0:
                return None
        under.setdefault(parent, []).append(cell)
    if any(len(cells) < 2 for cells in under.values()):
        return None
    names = tuple(
        name
        for k, above in enumerate(top)
        for name in ([_column_name(above, c) for c in under[k]] if k in under else [above])
    )
    return names if len(names) == width else None


def _sub_header_cell(cell: str) -> bool:
    """A short name of a column (完成量, 牵头单位, 1-9月), no row's cell (a number, a sentence)."""
    return (
        len(cell) <= 12
        and "。" not in cell
        and (
            bool(header_role(cell))
            or bool(PERIOD.fullmatch(cell))
            or (len(cell) <= 8 and not any(ch.isdigit() for ch in cell) and not unit_like(cell))
        )
    )


def _find_header(blocks: list[Block]) -> tuple[int, int, tuple[str, ...]]:
    """The table header: a row of header cells, or header cells one or several per line.

    Returns where it starts, the index of the first block after it, and its cell texts;
    (0, 0, ()) if there is none.
    A header must name a units column, so a stray 序号 in the notice is not one.
    """
    for index, block in enumerate(blocks):  # a table's header row: its cells keep their places
        if not block.cells:
            continue
        filled = [c for c in block.cells if c]
        roles = [header_role(c) for c in filled]
        # a column or two we have no word for (进度评价, 年度投资金额) beside the task's and the
        # units': short names, no row's cells
        unknown = [c for c, role in zip(filled, roles) if not role]
        named = len(filled) - len(unknown)
        strange = not unknown or (
            len(unknown) <= 2
            and named >= 3
            and {"label", "task"} & set(roles)
            and all(len(c) <= 14 and "。" not in c and not ITEM_LABEL.match(c) for c in unknown)
        )
        if len(filled) >= 2 and strange and set(roles) & {"units", "lead", "lead_units"}:
            below = blocks[index + 1].cells if index + 1 < len(blocks) else ()
            under = sub_header(block.cells, below)
            return (index, index + 2, under) if under else (index, index + 1, block.cells)
    i = 0
    while i < len(blocks):
        cells: list[str] = []
        lines: list[list[str]] = []  # the cells of each line, as the header was written
        j = i
        unknown = 0
        known_to = (i, 0)  # after the last line of known cells: unknown ones only between them
        while j < len(blocks):
            parts = [
                _SPACED_OUT.sub("", p)  # 项 目, 单 位: a header word spaced out
                for p in re.split(r"\t|\s*\|\s*|\s{2,}", blocks[j].text.strip(" |"))
                if p
            ]
            if (
                len(parts) == 1
                and cells
                and (MEASURE_AFTER.fullmatch(parts[0]) or PERIOD_AFTER.fullmatch(parts[0]))
            ):
                cells[-1] += parts[0]  # 总投资 / (万元), 进展情况 / (7月): the cell above's
                j += 1
                if known_to[1] == len(cells):  # the cell above was known: so is the line
                    known_to = (j, len(cells))
                continue
            wrapped = _wrapped_header_cell(parts, blocks[j + 1].text if j + 1 < len(blocks) else "")
            if wrapped:  # 责任 / 领导: a header cell wrapped over two lines
                parts = [wrapped]
                j += 1
            if any(ITEM_LABEL.match(p) or NUMBERED_HEADING.match(p) for p in parts):
                break  # 一、主要预期指标 after the header: a section's heading, no column
            if not parts or not all(header_role(part) for part in parts):
                words = [p for p in re.split(r"[\t |]+", blocks[j].text) if p]
                if words and all(header_role(part) for part in words):
                    parts = words
                elif (
                    parts
                    and (j > i or len(parts) >= 3)
                    and unknown + _unknown(parts) <= 2
                    and all(
                        (len(p) <= 14 or header_role(p))
                        and not ITEM_LABEL.match(p)
                        and "。" not in p
                        for p in parts
                    )
                ):
                    unknown += _unknown(
                        parts
                    )  # a column we have no word for (年度投资金额): a note
                else:
                    break
            following = blocks[j + 1].text if j + 1 < len(blocks) else ""
            if len(parts) == 1 and _row_after_header(cells, parts[0], following):
                break  # …牵头单位 / 进展情况(12月) / 养老服务项目: the first row's first cell
            cells.extend(parts)
            lines.append(parts)
            j += 1
            if any(map(header_role, parts)):  # a line with known cells: all its cells count
                known_to = (j, len(cells))
        j, cells = known_to[0], _qualified_people(cells[: known_to[1]])
        if len(lines) == 2 and len(cells) == len(lines[0]) + len(lines[1]) and j < len(blocks):
            row = _CELL_BREAK.split(_TRAILING_PIPES.sub("", blocks[j].text).strip())
            cells = list(
                spanned_header(*lines, len(row)) or cells
            )  # 责任单位 / 牵头单位 | 配合单位
        roles = {header_role(c) for c in cells}
        if len(cells) >= 2 and roles & {"units", "lead", "lead_units"}:
            return i, j, tuple(cells)
        if len(cells) >= 3 and {"label", "task", "note"} <= roles:
            return (
                i,
                j,
                tuple(cells),
            )  # a progress table that names no units: 序号 / 工作事项 / 进展情况
        i = max(j, i + 1)
    return 0, 0, ()
