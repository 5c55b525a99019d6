"""Stage 4b: raw items → item records, in whatever convention the list names its units.

Conventions (detected, or chosen with ``--convention``):

- ``marker``: a units line per item with ▲/★ before the leads (the bundled list);
- ``inline-label``: ``(牵头单位:X)``, ``(牵头责任单位:X)`` per item or per clause, and field
  groups ``(责任领导:姓名;牵头单位:X;责任单位:A、B)``;
- ``label-lines``: ``牵头单位:X`` / ``责任单位:A、B`` / ``完成时限:…`` lines after the task;
- ``columns``: one table cell per line or a row per line (tabs, `` | ``), columns named by the
  header (进展情况, 备注 … are never read as units);
- ``legend-first``: a legend (``列第一位者为牵头单位``) makes the first unit of each item lead;
- ``state-council``: ``(A、B、C负责。列第一位者为牵头单位,下同)``, ``按职责分工负责``, ``牵头负责``;
- ``flattened``: a whole row on one line, the units the last field (``7 任务. 发改委、经信委``).

Roles follow the lead rule (README, Data model), decided per run of units (``UnitField.rule``).
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from lib.parse.blocks import RawItem
from lib.parse.duties import duty_fields, duty_words, looks_like_units
from lib.parse.headers import (
    PERSON_WORDS,
    UNIT_ROLES,
    header_endings,
    header_role,
    header_words,
    label_end,
    label_owners,
    unit_header_words,
)
from lib.parse.labels import CIRCLED, ITEM_LABEL, SUB_NUMBER, label_number
from lib.parse.records import (
    ItemRecord,
    Layout,
    UnitField,
    run_rule,
)
from lib.parse.reference import DATA_DIR, read_data_csv
from lib.parse.references import list_intro_words
from lib.parse.spaced import column_kinds, person_like, unit_like
from lib.parse.split import MARKER, MARKERS, SEPARATORS
from lib.parse.units import Lexicon

CONVENTIONS: tuple[str, ...] = (
    "marker",
    "inline-label",
    "label-lines",
    "columns",
    "legend-first",
    "state-council",
    "flattened",
)
CONVENTION_NAMES: dict[str, str] = {
    "marker": "▲/★ 标注牵头单位",
    "inline-label": "括号内标注牵头单位（牵头单位：…）",
    "label-lines": "事项后分行列出牵头单位、责任单位",
    "columns": "表格各列（按表头识别），未标注牵头单位",
    "legend-first": "列第一位者为牵头单位",
    "state-council": "国务院文件式（……负责。列第一位者为牵头单位）",
    "flattened": "一行一事项，责任单位在行末",
}
_NESTED = r"(?:[^()]|\([^()]*\))"
_FINAL_GROUP = re.compile(rf"\((?P<body>{_NESTED}+)\)[。.;；]?$")
_DEADLINE = re.compile(
    r"\d{4}\s*年|\d{1,2}\s*月|年底|年内|年中|长期|持续|常态|季度|月底|前完成|\d{4}[./-]\d{1,2}"
)
_BOUNDARY = re.compile(r"(?:。|\. |\.(?=\S)| \| |\t| |——|—)")


@dataclass(frozen=True)
class Reading:
    records: tuple[ItemRecord, ...]
    convention: str
    legends: tuple[str, ...] = ()  # where a lead legend was found: 通知, 第(一)项 …
    not_items: tuple[str, ...] = ()  # numbered lines judged not to be items (notice paragraphs)
    headings: tuple[str, ...] = ()  # lines numbered like items that own no units: sections
    readings: tuple[tuple[str, int], ...] = ()  # how the items' units were read, most first


@functools.lru_cache(maxsize=1)
def _unit_label_words() -> str:
    """The labels of units only (牵头单位, 责任单位, 配合单位 …) as a regex alternation."""
    return "|".join(map(re.escape, unit_header_words()))


def _label_words() -> str:
    """The field labels (牵头单位, 责任单位, 责任领导, 完成时限, 适用范围 …) as a regex alternation."""
    words = [
        w
        for w, role in header_words().items()
        if role in (*UNIT_ROLES, "leader", "deadline", "note") and len(w) >= 2
    ]
    units = [w for w in words if header_words()[w] in UNIT_ROLES]
    alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    # a level of government before a units label: 市级牵头单位:, 区级牵头单位:
    levelled = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    # the work before a label of units, a leader or a deadline: 问题整改责任单位:, 整改时限:
    owned = sorted((w for w in words if header_words()[w] != "note"), key=len, reverse=True)
    work = "|".join(map(re.escape, label_owners()))
    return (
        f"[省市县区]级(?:{levelled})|{alternation}|(?:{work})(?:{'|'.join(map(re.escape, owned))})"
    )


@functools.lru_cache(maxsize=1)
def _labels() -> re.Pattern[str]:
    """``牵头单位:``, ``责任领导:`` …: a field label at the start or after a break."""
    return re.compile(rf"(?:^|(?<=[;,。\s(]))(?P<label>{_label_words()})\s*:")


class _LazyPattern:
    """A regex compiled on first use (the label words come from data/header_words.csv)."""

    def __init__(self, source: Callable[[], str]) -> None:
        self._source = source

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self._source())

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text)

    def finditer(self, text: str):
        return self.pattern.finditer(text)


# a bracket (one level of brackets inside) whose body holds a duty verb:
# (市发改委牵头,市财政局、市统计局配合), (A、B负责), (A会同有关部门负责)
_ROLE_GROUP = _LazyPattern(
    lambda: rf"\((?P<body>{_NESTED}*?(?:{duty_words().any_verb.pattern}){_NESTED}*?)\)"
)
_SENTENCE = re.compile(r"[^。]+。?")


def _verbs_ending_in(ending: str) -> str:
    return "|".join(re.escape(v) for v, _ in duty_words().verbs if v.endswith(ending))


# (A、B、C负责), (A、B按职责分工负责), (A、B牵头负责): units, then a verb that ends the bracket
_SC_GROUP = _LazyPattern(
    lambda: rf"\((?P<body>{_NESTED}*?)(?P<verb>{_verbs_ending_in('负责')})(?P<after>[。.,;]?)\)"
)

# where field labels begin after a sentence break on the task's own line
_TRAILING_LABELS = _LazyPattern(lambda: rf"[。;；.,\s]\s*(?=(?:{_label_words()})\s*:)")
# field labels anywhere in a table cell (its lines were joined without a break)
_CELL_LABELS = _LazyPattern(lambda: rf"(?:{_label_words()})\s*:")
_LEVEL_BEFORE_LABEL = re.compile(r"^[省市县区]级?(?=[^:]{2,8}:)")  # 省 of 省牵头单位:
# a line that is a label of units and its value: 省牵头单位:省农业农村厅
_UNITS_LABEL_LINE = _LazyPattern(lambda: rf"^(?:[省市县区]级?)?(?:{_unit_label_words()})\s*:\S")


@functools.lru_cache(maxsize=1)
def _inline_group() -> re.Pattern[str]:
    """A bracketed group that starts with a field label: ``(牵头单位:X;责任单位:A、B)``."""
    return re.compile(
        rf"[(\[【〔](?P<body>(?:{_label_words()})\s*:{_NESTED}*?)(?:[)\]】〕]|$)"
    )  # $: cut off


@functools.lru_cache(maxsize=1)
def _colon_lost() -> re.Pattern[str]:
    """A units label right after a bracket, a unit's name after it without a colon, to the
    bracket's end: ``(牵头责任单位县教育局)``."""
    return re.compile(rf"(?<=\()(?P<label>{_unit_label_words()})(?=(?P<name>[^:()]{{2,30}})\))")


@functools.lru_cache(maxsize=1)
def legend_pattern() -> re.Pattern[str]:
    """A legend saying the first listed unit leads, with its brackets and ``下同``."""
    with open(DATA_DIR / "legends.csv", encoding="utf-8", newline="") as handle:
        words = sorted((row["text"] for row in csv.DictReader(handle)), key=len, reverse=True)
    core = rf"(?:{_LEGEND_EXCEPTION}?(?:{'|'.join(map(re.escape, words))}|{_LEGEND_SHAPE}))(?:[,;]?\s*下同)?"
    # (责任单位列第一位的为牵头单位,下同): the list it speaks of may be named first
    named = rf"(?:{_unit_label_words()}|单位|部门)?"
    return re.compile(rf"\(\s*{named}{core}\s*\)|[。.,;]?\s*{core}")


# the shapes every wording of the legend takes (the wordings themselves are in data/legends.csv):
# 排在第一位的部门为牵头部门, 列第一位者为工作牵头单位或汇总单位, 第一责任单位为牵头单位
_LEGEND_SHAPE = (
    r"(?:(?:列|排|位列|排列)在?(?:第一位|首位|第一)(?:者|的)?(?:部门|单位)?|"
    r"(?:第一|首位|首个|排首位的)(?:责任)?(?:单位|部门))(?:为|是)(?:工作)?牵头(?:单位|部门)?"
    r"(?:或(?:汇总|牵头汇总)(?:单位|部门)?)?"
)
_LEGEND_EXCEPTION = r"(?:除[^,;。()]{0,24}外,?)"


def read_items(layout: Layout, lexicon: Lexicon, convention: str | None = None) -> Reading:
    """Item records from the raw items; ``convention`` forces the reader tried first.

    A legend applies to the whole document, wherever it is written. A line numbered like a
    heading (``三、…``) is an item when it owns units, else a section heading; a heading that
    names a unit (``二、县交通运输局牵头工作(6项)``) makes that unit lead each item under it.
    """
    layout = _with_plain_labels(layout)
    preamble = "\n".join(b.text for b in layout.preamble)
    # the legend in the notice, or in the units column's header (责任单位(排在第一位的为牵头单位))
    # or under the table (a sheet's 注:排名第一的为牵头单位, a line no row holds)
    below = "\n".join(b.text for b in layout.unplaced)
    legends: list[str] = (
        ["通知"]
        if legend_pattern().search(preamble)
        else ["表头"]
        if legend_pattern().search(" ".join(layout.header))
        else ["表格下方"]
        if below and legend_pattern().search(below)
        else []
    )
    chosen = convention or detect_convention(layout, lexicon)
    by_part = {} if convention else _conventions_by_part(layout, lexicon, chosen)
    columns = layout.header
    if any("牵头" in line for raw in layout.items for line in raw.lines):  # every legend has it
        cleaned = [_without_legend(raw.lines) for raw in layout.items]
    else:
        cleaned = [(raw.lines, False) for raw in layout.items]
    legends += [f"第{raw.label}项" for raw, (_, found) in zip(layout.items, cleaned) if found]
    legend_on = bool(legends)
    records: list[ItemRecord] = []
    sections_read: list[str] = []  # each record's section before a group cell of its own
    headings: list[str] = []
    readings: dict[str, int] = {}  # how each item's units were read → items
    # the unit the last heading says leads the items under it; a unit's line with its count
    # just above the list (区委办公室(8项)) heads the first items
    last_line = layout.preamble[-1].text if layout.preamble else ""
    group_lead = _counted_unit_heading(last_line, lexicon)
    outer_of: dict[str, str] = {}  # a heading that proved an item → the section it sits in
    sheet_units = {name for name in layout.sheets if _one_unit(name, lexicon)}
    section_cell = _leading_cells(layout, columns)
    # a text (no table) whose every item is numbered like a heading (一、…), with its text and
    # progress under it: a report's items, not headings over none
    heads_only = (
        bool(layout.items)
        and not columns
        and all(
            raw.heads is not None and len(raw.lines[0] if raw.lines else "") > _HEADING_TEXT
            for raw in layout.items
        )
    )
    for raw, (lines, found) in zip(layout.items, cleaned):
        section = outer_of.get(raw.section, raw.section)
        if section_cell and section_cell != section:
            section = section_cell
        if found or section != raw.section:
            raw = raw._replace(section=section, lines=lines)
        heading_lead = _heading_lead(" ".join(raw.lines), lexicon) if len(raw.lines) == 1 else ""
        if heading_lead and raw.label.startswith("(") and not raw.cells:
            group_lead = heading_lead  # (一)县发改局牵头工作(6项): a heading, not an item
            headings.append(f"{raw.label}{raw.lines[0][:20]}")
            continue
        if (
            group_lead
            and raw.label.startswith("(")
            and _short_title(raw)
            and not _read(raw, by_part.get(raw.part, chosen), columns, lexicon, legend_on)[0].fields
        ):
            group_lead = ""  # (三)其他工作: the next heading, which names no unit
            headings.append(f"{raw.label}{raw.lines[0][:20]}")
            continue
        next_lead = (
            _counted_unit_heading(raw.lines[-1], lexicon)
            if len(raw.lines) > 1 and not raw.cells
            else ""
        )
        if next_lead:  # 区政府办公室(5项) after the item: a heading over the items below
            raw = raw._replace(lines=raw.lines[:-1])
        # a sheet named after a unit (区教育局), one a unit's: the unit leads its rows
        sheet_lead = raw.section if raw.section in sheet_units else ""
        record, carried, how = _read(
            raw,
            by_part.get(raw.part, chosen),
            columns,
            lexicon,
            legend_on,
            (group_lead or sheet_lead) if raw.heads is None else "",
        )
        if next_lead:
            group_lead = next_lead
            headings.append(next_lead)
        section_cell = carried or section_cell  # a section cell holds until the next one
        if raw.heads is not None and not record.fields and not heads_only:
            headings.append(f"{raw.label}、{record.task[:20]}")
            group_lead = _heading_lead(record.task, lexicon)
            continue
        if raw.heads:
            outer_of[raw.heads] = raw.section
        records.append(record)
        sections_read.append(raw.section)
        if how:
            readings[how] = readings.get(how, 0) + 1
    if _group_column(columns) is not None:
        records = _groups_of_one(records, sections_read)
    records = _headings_numbered_like_items(records)
    if not any(r.fields for r in records):  # a report naming no units: items listed in prose?
        records = [entry for record in records for entry in _listed_entries(record)]
    records, not_items = _drop_notice_paragraphs(records)
    records = _mark_incomplete(records, layout.cut)
    if (
        chosen in ("columns", "flattened", "marker")
        and legends
        and not convention
        and not any(MARKERS[0] in r.units_text or MARKERS[1] in r.units_text for r in records)
    ):
        chosen = "legend-first"
    return Reading(
        tuple(records),
        chosen,
        tuple(legends),
        tuple(not_items),
        tuple(headings),
        tuple(sorted(readings.items(), key=lambda pair: -pair[1])),
    )


_HEADING_TEXT = 30  # characters a heading's line holds at most (基本情况); an item's task more

_PROBLEM = re.compile(r"问题")  # 存在问题, 主要问题: a header of what stands in the way
_PERIOD_PLAN = re.compile(
    r"\s*(?:\d{1,2}\s*[-—~至]\s*)?\d{1,2}月份?|\s*[一二三四1-4]季度|\s*上半年|\s*下半年"
)
_UNIT_HEAD = re.compile(r"^(?P<unit>[^:,。;、(][^:,。;、]{1,19}):")


def _groups_of_one(records: list[ItemRecord], sections: list[str]) -> list[ItemRecord]:
    """A group column (项目 before 省工作目标) that names every item a group of its own
    (浙有善育 / 浙里优学 …, each over its item's sub-rows only): the item's name, at the head of
    its task, not a section over items."""
    groups = [r.section if r.section != s else "" for r, s in zip(records, sections)]
    # the copy cut inside the last row (its group cell only, no units): its group not known
    known = len(records) - 1 if len(records) > 1 and not records[-1].fields else len(records)
    if not records or not all(groups[:known]) or len(set(groups[:known])) < known:
        return records
    outer = list(sections)  # the group cell above carried down as a section: not one
    for i in range(1, len(outer)):
        if outer[i] == groups[i - 1]:
            outer[i] = outer[i - 1]
    return [
        r._replace(task=f"{g} {r.task}".strip(), section=s) if i < known else r
        for i, (r, g, s) in enumerate(zip(records, groups, outer))
    ]


_BRACKETED_LABEL = re.compile(r"[【\[]\s*(?P<label>[\u4e00-\u9fff ]{2,12}?)\s*[】\]]\s*:?")
_SPACED_LABEL = re.compile(r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff](?=\s*:)")


def plain_labels(line: str) -> str:
    """``【牵头部门】X``, ``[牵头单位]X``, ``牵 头 部 门:X`` → ``牵头部门:X`` (labels only).

    >>> plain_labels("【牵头部门】市工信局 牵 头 单 位:市发改委 [说明]")
    '牵头部门:市工信局 牵头单位:市发改委 说明:'
    """
    if "【" in line or "[" in line:
        line = _BRACKETED_LABEL.sub(
            lambda m: f"{m['label'].replace(' ', '')}:" if header_role(m["label"]) else m.group(),
            line,
        )
    if " " in line:
        line = _SPACED_LABEL.sub(
            lambda m: m.group().replace(" ", "") if header_role(m.group()) else m.group(), line
        )
    return line


# three Chinese characters spaced out (牵 头 单 位), found from the space: a literal first is
# scanned for quickly, a character class first is tried at every character
_SPACED_OUT = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff] [\u4e00-\u9fff])")


def _label_hint(text: str) -> bool:
    """Might ``text`` hold a label ``plain_labels`` rewrites (【…】, […], 牵 头 单 位)?"""
    return "【" in text or "[" in text or (" " in text and _SPACED_OUT.search(text) is not None)


def _with_plain_labels(layout: Layout) -> Layout:
    if not _label_hint("\n".join(line for raw in layout.items for line in raw.lines)):
        return layout
    items = tuple(
        raw._replace(lines=tuple(map(plain_labels, raw.lines)))
        if any(_label_hint(line) for line in raw.lines)
        else raw
        for raw in layout.items
    )
    return replace(layout, items=items)


def _short_title(raw: RawItem) -> bool:
    return (
        len(raw.lines) == 1
        and len(raw.lines[0]) <= 20
        and "。" not in raw.lines[0]
        and not raw.cells
    )


@functools.lru_cache(maxsize=1)
def _heading_lead_pattern() -> re.Pattern[str]:
    """``<units><a lead or duty verb>[的]<a task word>[(6项)]``, words from data/."""
    verbs = [v for v, role in duty_words().verbs if role in ("lead", "pending")]
    tasks = list(header_endings()["task"])
    alternation = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    count = r"(?:\(共?\d+项\)|共?\d+项)"
    return re.compile(
        rf"^(?P<units>.+?)(?:(?:{alternation(verbs)})的?(?:重点)?(?:{alternation(tasks)})?{count}?"
        rf"|{count}|(?=:$))[。:]?$"  # 县农业农村局: — the unit, then its items
    )


_COUNTED = re.compile(r"\(共?\d+[项件个]\)$")  # (8项): how many items a heading is over


def _one_unit(text: str, lexicon: Lexicon) -> bool:
    """Is ``text`` the name of one unit (区教育局), no list of them and no words?"""
    return looks_like_units(text, lexicon) and not any(ch in SEPARATORS for ch in text)


def _counted_unit_heading(text: str, lexicon: Lexicon) -> str:
    """``区委办公室(8项)``: a unit, the count of the items it leads below; "" if not such."""
    text = text.strip()
    return _heading_lead(text, lexicon) if _COUNTED.search(text) else ""


def _heading_lead(text: str, lexicon: Lexicon) -> str:
    """``县交通运输局牵头工作(6项)`` → 县交通运输局; "" when the heading names no unit."""
    match = _heading_lead_pattern().match(text.strip())
    units = match["units"] if match else ""
    return units if units and looks_like_units(units, lexicon) else ""


# How an item's units were found, as the report says it (one reading per reader below)
READER_NAMES = {
    "_read_inline": "括号内标注或分工（牵头单位：…；A牵头，B配合）",
    "_read_label_lines": "事项后分行标注（牵头单位：…）",
    "_read_state_council": "括号内“……负责”",
    "_read_columns": "表格各列",
    "_read_flattened": "行末的责任单位",
}

DETECTION_SAMPLE = 400


def _conventions_by_part(layout: Layout, lexicon: Lexicon, chosen: str) -> dict[int, str]:
    """Each list's own convention when the file holds several (附件1 and 附件2 written in
    different styles), where it differs from the one most items follow (``chosen``)."""
    parts: dict[int, list[RawItem]] = {}
    for raw in layout.items:
        parts.setdefault(raw.part, []).append(raw)
    if len(parts) < 2:
        return {}
    found = {
        part: detect_convention(replace(layout, items=tuple(raws)), lexicon)
        for part, raws in parts.items()
    }
    return {part: own for part, own in found.items() if own != chosen}


def detect_convention(layout: Layout, lexicon: Lexicon) -> str:
    """The convention most items follow; markers win when the units sit on their own lines.

    Judged on at most ``DETECTION_SAMPLE`` items spread evenly over the list, each without
    its legend, as the readers see it: ``(A、B负责。列第一位者为牵头单位,下同)`` is a group.
    """
    counts = dict.fromkeys(CONVENTIONS, 0)
    step = max(1, len(layout.items) // DETECTION_SAMPLE)
    for raw in layout.items[::step]:
        raw = raw._replace(lines=_without_legend(raw.lines)[0])
        text = "".join(raw.lines) + "".join(raw.cells)
        if any(m in text for m in MARKERS):
            counts["marker"] += 1
        if _inline_group().search(text) or any(
            _fields_by_verbs(m["body"], lexicon) for m in _ROLE_GROUP.finditer(text)
        ):
            counts["inline-label"] += 1
        if not raw.cells and (
            any(_labels().match(line) for line in raw.lines[1:])
            or any(_TRAILING_LABELS.search(line) for line in raw.lines[:1])
        ):
            counts["label-lines"] += 1
        if any(_units_of_sc_group(m, lexicon) for m in _SC_GROUP.finditer(text)):
            counts["state-council"] += 1
        if raw.cells or (len(raw.lines) >= 2 and looks_like_units(raw.lines[-1], lexicon)):
            counts["columns"] += 1
        elif len(raw.lines) == 1 and _split_flattened(raw.lines[0], lexicon):
            counts["flattened"] += 1
    if counts["marker"] and counts["columns"] >= max(counts["inline-label"], counts["label-lines"]):
        return "marker"
    order = ["state-council", "inline-label", "label-lines", "columns", "flattened"]
    best = max(order, key=lambda name: (counts[name], -order.index(name)))
    return best if counts[best] else "columns"


def _read(
    raw: RawItem,
    convention: str,
    columns: tuple[str, ...],
    lexicon: Lexicon,
    legend_on: bool,
    group_lead: str = "",
) -> tuple[ItemRecord, str, str]:
    """One record; returns it with the section cell carried to the next item (columns) and the
    name of the reading that found its units ("" when none did)."""
    attempts = _attempts(convention)
    first = attempts[0]
    for reader in attempts:
        task, fields, extra = reader(raw, columns, lexicon)
        if fields:
            break
    else:  # no units anywhere: the task is what the first reader saw
        task, fields, extra = first(raw, columns, lexicon)
        reader = None
        head = _UNIT_HEAD.match(task)  # 2.城乡建设工作指挥部:项目23项,…: a unit reporting
        if head and unit_like(head["unit"]):  # under 牵头部门实施情况: a lead
            fields = [UnitField(head["unit"], "lead" if "牵头" in raw.section else "pending", "")]
            extra = dict(extra or {})  # what the unit reports: the item's progress
            extra["notes"] = [*extra.get("notes", ()), ("", task[head.end() :].strip())]
    carried = extra.pop("carried", "") if extra else ""
    group = extra.pop("group", "") if extra else ""
    if group:  # the group cell names this row's section and the rows' below it
        raw, carried = raw._replace(section=group), group
    rest = extra.pop("rest", "") if extra else ""  # text after a label's value: kept in the task
    labelled = extra.pop("labelled", ()) if extra else ()  # 实际完成情况:…, 备注:…
    notes = tuple(extra.pop("notes", ())) if extra else ()
    if rest or labelled:
        task = f"{task.strip()} {''.join(label + value for label, value in labelled)}{rest}"
        notes += tuple((label.rstrip(": "), value) for label, value in labelled if value)
        notes += (("", rest),) if rest else ()
    fields = _duty_runs(fields, lexicon)
    if group_lead and not any(f.text == group_lead for f in fields):
        fields = [UnitField(group_lead, "lead", "牵头单位"), *fields]
    has_lead_field = "lead" in [f.rule for f in fields]
    ruled = []
    for f in fields:
        if f.text:
            rule = _rule(f, has_lead_field, legend_on)
            ruled.append(f if f.rule == rule else f._replace(rule=rule))
    record = ItemRecord(  # by position: made for every item
        raw.label,  # item_label
        task.strip(),  # task
        raw.source_ref,
        raw.section,
        extra.get("leaders", "") or raw.leaders,  # leaders
        extra.get("deadline", ""),  # deadline
        tuple(ruled),  # fields
        False,  # incomplete
        raw.part,
        notes,
    )
    return record, carried, _READER_NAME_OF.get(reader, "")


@functools.lru_cache(maxsize=16)
def _attempts(convention: str) -> tuple:
    """The readers to try, the convention's own first, then every other one."""
    readers = {
        "inline-label": _read_inline,
        "label-lines": _read_label_lines,
        "state-council": _read_state_council,
        "flattened": _read_flattened,
    }
    first = readers.get(convention, _read_columns)
    return (
        first,
        *[
            r
            for r in (
                _read_label_lines,
                _read_inline,
                _read_state_council,
                _read_columns,
                _read_flattened,
            )
            if r is not first
        ],
    )


def _duty_runs(fields: list[UnitField], lexicon: Lexicon) -> list[UnitField]:
    """A run read from a cell or a line's tail that is itself a duty clause
    (``市人社局牵头,各地、各部门按职责分工负责``) is read clause by clause."""
    out: list[UnitField] = []
    for f in fields:
        found = (
            duty_fields(f.text.rstrip("。"), lexicon)
            if f.rule in ("pending", "co") and duty_words().any_verb.search(f.text)
            else []
        )
        if found and f.rule == "co":  # a 配合单位 column: every run in it is co
            found = [UnitField(g.text, "co", f.label) for g in found]
        out += [UnitField(g.text, g.rule, f.label) for g in found] if found else [f]
    return out


def _rule(field: UnitField, has_lead_field: bool, legend_on: bool) -> str:
    """The lead rule for one run (README, Data model): markers, then lead labels, then legends.

    Readers leave ``pending`` where the run itself does not say: it becomes ``co`` beside
    a run of leads, ``first`` under a legend, else ``co``.
    """
    if MARKER.search(field.text):
        return "marker"
    if field.rule != "pending":
        return field.rule
    if has_lead_field:
        return "co"
    return "first" if legend_on else "co"


# --- readers: each returns (task, fields, extra) where extra may hold leaders, deadline ---


def _first_sentence(value: str) -> tuple[str, str]:
    """``市交通局。建设进度较慢`` → (市交通局, 建设进度较慢): a label's value ends at 。"""
    depth = 0
    for i, ch in enumerate(value):
        depth += (ch == "(") - (ch == ")")
        if ch == "。" and depth <= 0:
            return value[:i], value[i + 1 :].strip()
    return value, ""


def leader_names(text: str) -> str:
    """Leaders' names joined by 、: ``张三,李四`` and ``张三 李四`` are two, ``吕  乐`` (a two-character
    name spaced out to the width of three) is one.

    >>> leader_names("吕  乐"), leader_names("张三 李四;王五")
    ('吕乐', '张三、李四、王五')
    """
    names = []
    for part in re.split(r"[、,;]+", text):
        words = part.split()
        names += ["".join(words)] if len(words) > 1 and all(len(w) == 1 for w in words) else words
    return "、".join(n for n in names if n)


def _merge_extra(extra: dict, more: dict) -> None:
    """``more`` into ``extra``: labelled notes and text after values add up, the rest is
    replaced (a leader or a deadline named twice: the last)."""
    for key, value in more.items():
        if key in ("labelled", "rest") and key in extra:
            extra[key] = extra[key] + value
        else:
            extra[key] = value


def _units_part(value: str, lexicon: Lexicon | None) -> tuple[str, str]:
    """``市公安局、各区政府 鄞州 海曙 合计 新辟线路年度目标 2 5 1`` → the units, and the words
    after the first space or closing bracket from which the text no longer reads as units (a
    table glued after the field in a copied page; a PDF's next paragraph run on after the
    last unit's bracket: ``各区县政府(南太湖新区管委会)今年以来,全市…``)."""
    if lexicon is None or not (" " in value or ")" in value) or looks_like_units(value, lexicon):
        return value, ""
    for at, ch in enumerate(value):
        if ch not in " )":
            continue
        head, tail = value[: at + (ch == ")")], value[at + 1 :].strip()
        if tail and looks_like_units(head, lexicon) and not looks_like_units(tail, lexicon):
            return head, tail
    return value, ""


def _fields_from_labelled(
    text: str, lexicon: Lexicon | None = None
) -> tuple[list[UnitField], dict[str, str]]:
    """``责任领导:张三;牵头单位:X;责任单位:A、B`` → fields and extra (leaders, deadline)."""
    matches = list(_labels().finditer(text))
    fields: list[UnitField] = []
    extra: dict[str, str] = {}
    for match, following in zip(matches, [*matches[1:], None]):
        end = following.start() if following else len(text)
        value = text[match.end() : end].strip().strip(";,").strip()
        label = match["label"]
        role = header_words().get(label) or header_role(label)  # 市级牵头单位: lead
        value, after = _first_sentence(value)
        if after:
            extra["rest"] = extra.get("rest", "") + after
        if role == "note":  # 实际完成情况:…: kept in the task, and as a note under its label
            extra.setdefault("labelled", []).append((text[match.start() : match.end()], value))
        elif role == "leader":
            extra["leaders"] = leader_names(value)
        elif role == "deadline":
            extra["deadline"] = value
        elif value:
            value, after = _units_part(value, lexicon)
            if after:
                extra["rest"] = extra.get("rest", "") + after
            # a label names leads only: 牵头单位 and (as a label) 牵头责任单位
            rule = run_rule(role, label=True)
            fields.append(UnitField(value, rule, label))
    return fields, extra


def _read_inline(raw: RawItem, columns: tuple[str, ...], lexicon: Lexicon):
    text = "".join(raw.lines)
    if "(" in text:  # (牵头责任单位县教育局): a units label whose colon the copy lost
        text = _colon_lost().sub(lambda m: m["label"] + (":" if unit_like(m["name"]) else ""), text)
    fields: list[UnitField] = []
    extra: dict[str, str] = {}
    last = None
    for match in _inline_group().finditer(text):
        found, more = _fields_from_labelled(match["body"])
        fields += found
        _merge_extra(extra, more)
        last = match
    if fields or extra:
        after = text[last.end() :].strip(" 。.;") if last else ""
        if after and len(text[: last.start()].strip()) >= _TASK_BEFORE:
            # …(责任单位:市水务局)该件实事已全面完成: what follows the units is said of the
            # item (its progress, in a report), kept in the task as before and as a note
            text = text[: last.end()]
            _merge_extra(extra, {"rest": after})
        return _inline_group().sub("", text), fields, extra
    return _read_role_groups(text, lexicon)


_TASK_BEFORE = 4  # characters of task before an item's units group, for what follows to be a note


def _read_role_groups(text: str, lexicon: Lexicon):
    """(市发改委牵头,市财政局配合) per clause, or a last (市发改委、市财政局) naming the units."""
    fields: list[UnitField] = []
    kept: list[str] = []
    last = 0
    for match in _ROLE_GROUP.finditer(text):
        found = _fields_by_verbs(match["body"], lexicon)
        if found:
            fields += found
            kept.append(text[last : match.start()])
            last = match.end()
    if not fields:
        final = _FINAL_GROUP.search(text)
        if (
            final
            and not final["body"].startswith(duty_words().notes)
            and looks_like_units(final["body"], lexicon)
        ):
            closing = final.group(0)[len(final["body"]) + 2 :]  # the 。 after the bracket, if any
            return text[: final.start()] + closing, [UnitField(final["body"], "pending")], {}
        task, fields = _duty_sentence(text, lexicon)
        return task, fields, {}
    kept.append(text[last:])
    tail = text[last:].strip(" 。.;；,，")
    # what follows the last duty clause (a progress report's 开工新建…90所) is a note too
    return "".join(kept), fields, ({"notes": [("", tail)]} if tail else {})


def _fields_by_verbs(body: str, lexicon: Lexicon) -> list[UnitField]:
    """``市发改委牵头,市财政局、市统计局配合`` → a lead run and a co run (see ``lib.parse.duties``)."""
    return duty_fields(body, lexicon)


def _duty_sentence(text: str, lexicon: Lexicon) -> tuple[str, list[UnitField]]:
    """A duty clause written as the item's last sentence, without brackets:
    ``…。由市住建局负责,市财政局配合。`` or ``…。市人社局牵头,各地、各部门按职责分工负责。``"""
    sentences = _SENTENCE.findall(text)
    for index in range(len(sentences) - 1, max(-1, len(sentences) - 3), -1):
        sentence = sentences[index].strip()
        body = sentence.rstrip("。")
        if index == 0 and len(sentences) == 1:
            break  # the whole text: a task is never only its units
        fields = duty_fields(body, lexicon)
        if fields:
            kept = "".join(sentences[:index]) + "".join(sentences[index + 1 :])
            return kept, fields
    return _opened_duty(text, lexicon)


_DUTY_CLAUSES = 3  # clauses a duty opened by 由 may run over (由A牵头,B配合,C参与)


def _opened_duty(text: str, lexicon: Lexicon) -> tuple[str, list[UnitField]]:
    """A duty opened by 由 inside the item's first sentence, the task after it (a meeting's
    decisions: ``由县编办、发改局负责,调整充实…``, ``关于…问题,由县人社局负责,抓紧…``,
    ``由A牵头,B配合,抓紧制定…``): its units; the task is the text as written, duty and all."""
    first = _SENTENCE.match(text)
    sentence = first.group() if first else ""
    starts = [0] + [m.end() for m in re.finditer(r"[,;]", sentence)]
    ends = [*(s - 1 for s in starts[1:]), len(sentence.rstrip("。"))]  # each clause's end
    openers = duty_words().openers
    for at, start in enumerate(starts):
        if not sentence.startswith(openers, start):
            continue
        end = ends[at]
        if not duty_fields(sentence[start:end], lexicon):
            continue  # 由于…: no duty
        # the clauses after it that name a duty of their own (考评办配合), not the task's words
        for more in range(at + 1, min(at + _DUTY_CLAUSES, len(ends))):
            if not duty_fields(sentence[starts[more] : ends[more]], lexicon):
                break
            end = ends[more]
        if text[end:].strip(",;。"):  # the task written after it: the text kept whole, as read
            return text, duty_fields(sentence[start:end], lexicon)
    return text, []


def _read_label_lines(raw: RawItem, columns: tuple[str, ...], lexicon: Lexicon):
    if raw.cells:
        return "".join(raw.lines), [], {}  # a table row: its cells are read by column
    task_lines: list[str] = []
    fields: list[UnitField] = []
    extra: dict[str, str] = {}
    for index, line in enumerate(raw.lines):
        # 1.任务文字。牵头单位:…, on the first line or on a line the task wrapped on to
        trailing = None if index and fields else _TRAILING_LABELS.search(line)
        if index and _labels().match(line):
            found, more = _fields_from_labelled(line, lexicon)
            fields += found
            _merge_extra(extra, more)
        elif trailing:  # 1.任务文字。牵头单位:市发改委;责任单位:市财政局
            found, more = _fields_from_labelled(line[trailing.end() :], lexicon)
            fields += found
            _merge_extra(extra, more)
            task_lines.append(line[: trailing.end()])
        else:
            task_lines.append(line)
    return "".join(task_lines), fields, extra


def _units_of_sc_group(match: re.Match[str], lexicon: Lexicon) -> str:
    body = match["body"].strip()
    return body if body and looks_like_units(body, lexicon) else ""


def _read_state_council(raw: RawItem, columns: tuple[str, ...], lexicon: Lexicon):
    """``(A、B负责)``, ``(A、B,各省级人民政府按职责分工负责)``: duty clauses, as any other."""
    return _read_role_groups("".join(raw.lines), lexicon)


def _read_columns(raw: RawItem, columns: tuple[str, ...], lexicon: Lexicon):
    """Cells by the header: positionally when every cell is there, else by what each holds."""
    after, names, carries_section = _column_plan(columns)
    cells = list(raw.cells) if raw.cells else list(raw.lines)
    while len(cells) > 2 and not cells[-1]:
        cells.pop()  # empty last cells: a web table's row end, or columns left blank
    if raw.cut and cells and cells[-1] == raw.cut:
        cells[-1] = ""  # 市发: a name the copy cut short, in its column but not read
    extra: dict[str, str] = {}
    if len(cells) > len(after) and not raw.cells:
        cells = _units_over_lines(after, cells, lexicon)
        if len(cells) > len(after) and not carries_section and _in_place(after, cells, lexicon):
            # more lines than columns, the first of them a whole row: the rest (a second
            # measure of the item, its other cells cut off) kept with the task, as a note;
            # a line labelling more units (省牵头单位:省农业农村厅) is read as such
            more = [c for c in cells[len(after) :] if c]
            labelled = [c for c in more if _UNITS_LABEL_LINE.match(c)]
            if labelled:
                extra["labelled_units"] = labelled
            else:  # a sub-row of the item: its units read, its other cells kept as a note
                runs = _sub_row_units(after, more, lexicon)
                extra["sub_row_units"] = [(role, "、".join(run)) for role, run in runs]
                labelled = [line for _, run in runs for line in run]
            extra["rest"] = " ".join(c for c in more if c not in labelled)
            cells = cells[: len(after)]
    cells = _task_over_cells(after, cells, lexicon) if raw.cells else cells
    if (
        raw.cells
        and len(after) - len(cells) > 2
        and set(after[len(cells) :]) == {"note"}
        and _units_in_place(after, cells, lexicon)
    ):
        cells += [""] * (len(after) - len(cells))  # a table row whose last columns (notes,
        # ticks in 已完成 | 序时推进 | 滞后) are blank: its cells in their places
    if 2 <= len(cells) < len(after):  # a merged cell (a leader's name on the first row only)
        kept = _fit_columns(after, tuple(cells), lexicon)
        if kept is not None:
            after, names = tuple(after[i] for i in kept), tuple(names[i] for i in kept)
    carried = (
        len(cells) == len(after) + 1
        and carries_section
        and not (
            # a task wrapped over two lines (a PDF), not the next item's section cell
            looks_like_units(cells[-1], lexicon) and not looks_like_units(cells[-2], lexicon)
        )
    )
    fits = (len(cells) == len(after) or carried or raw.cells) and not (
        not raw.cells and _points_in_units(after, cells, lexicon)
    )
    if after and len(cells) >= len(after) and fits and (raw.cells or len(cells) > 1):
        if len(cells) > len(after) and not raw.cells:
            extra["carried"] = cells[len(after)]  # the next item's section cell
        cells = cells[: len(after)]
        task_parts: list[str] = []
        fields: list[UnitField] = []
        notes = (
            [
                (name, cell)
                for name, role, cell in zip(names, after, cells)
                if role == "note" and cell.strip()
            ]
            if "note" in after
            else []
        )
        if notes:
            extra["notes"] = notes
        group = _group_column(columns) if "task" in after else None
        for i, (name, role, cell) in enumerate(zip(names, after, cells)):
            if i == group:  # 项目 before 重点工作: the group the row is in, not its task
                if cell:
                    extra["group"] = cell
                continue
            if role in UNIT_ROLES and cell and _names_heads(name):
                cell, heads = _units_and_heads(cell, lexicon)
                if heads:
                    extra.setdefault("notes", []).append((name, heads))
            if role == "task":
                task_parts.append(cell)
            elif role in UNIT_ROLES and cell and ":" in cell and _CELL_LABELS.search(cell):
                found, more = _fields_from_labelled(_CELL_LABELS.sub(r" \g<0>", cell).strip())
                fields += found  # one cell holding 牵头单位:X 责任单位:Y
                _merge_extra(extra, more)
            elif role in UNIT_ROLES and cell:
                rule = run_rule(role, label=False)
                fields.append(UnitField(cell, rule))
            elif role == "leader":
                extra["leaders"] = leader_names(cell)
            elif role == "deadline":
                extra["deadline"] = cell
        for role, cell in extra.pop("sub_row_units", ()):
            fields.append(UnitField(cell, run_rule(role, label=False)))
        for line in extra.pop("labelled_units", ()):
            found, more = _fields_from_labelled(_LEVEL_BEFORE_LABEL.sub("", line))
            fields += found
            _merge_extra(extra, more)
        if not extra.get("rest"):
            extra.pop("rest", None)
        task = task_parts[0] if len(task_parts) == 1 else " ".join(filter(None, task_parts))
        return task, fields, extra
    if len(cells) < 2:
        return "".join(cells), [], extra
    if not raw.cells and _ends_in_units_bracket("".join(cells), lexicon):
        return "".join(cells), [], extra  # a paragraph wrapped over lines (a PDF): not cells
    # cells missing or a task over several lines: read each line by what it holds
    unit_roles = [r for r in after if r in UNIT_ROLES] or ["units"]
    group = _group_column(columns) if "task" in after else None
    first_units = next((i for i, r in enumerate(after) if r in UNIT_ROLES), None)
    if (
        group == 0
        and first_units is not None
        and first_units >= 2
        and first_units < len(cells)
        and looks_like_units(cells[first_units], lexicon)
        and not any(looks_like_units(c, lexicon) for c in cells[:first_units])
    ):  # the group's cell, then the task's, then units: the group read as such
        extra["group"], cells = cells[0], cells[1:]
    task, rest = cells[0], cells[1:]
    fields = []
    # more unit-looking lines than unit columns, right after a task line that ends in a word
    # needing an object (会同, 与 …): the first of them is the task going on (会同 / 住建局)
    surplus = sum(1 for cell in rest if looks_like_units(cell, lexicon)) - len(unit_roles)
    for cell in rest:
        if (
            surplus > 0
            and not fields
            and task.endswith(_dangling_words())
            and looks_like_units(cell, lexicon)
        ):
            task += cell
            surplus -= 1
            continue
        if looks_like_units(cell, lexicon):
            role = unit_roles[min(len(fields), len(unit_roles) - 1)]
            fields.append(UnitField(cell, run_rule(role, label=False)))
        elif fields and _UNITS_LABEL_LINE.match(cell):  # 省牵头单位:省农业农村厅
            found, more = _fields_from_labelled(_LEVEL_BEFORE_LABEL.sub("", cell))
            fields += found
            _merge_extra(extra, more)
        elif _DEADLINE.search(cell) and len(cell) <= 24:
            extra["deadline"] = cell
        elif not fields:
            task += cell  # the task goes on over several lines
        else:  # a remark after the units (同步推进…): kept with the task, never dropped
            extra["rest"] = f"{extra.get('rest', '')} {cell}".strip()
    return task, fields, extra


def _points_in_units(roles: tuple[str, ...], cells: list[str], lexicon: Lexicon) -> bool:
    """A units column's line that is a numbered point of text (``2.一体化…平台建设``) or a
    sentence: the lines do not sit in the columns (a row cut short, a cell over lines)."""
    return any(
        role in UNIT_ROLES
        and cell
        and not looks_like_units(cell, lexicon)
        and (bool(ITEM_LABEL.match(cell)) or (len(cell) > 40 and "。" in cell))
        for role, cell in zip(roles, cells)
    )


def _task_over_cells(roles: tuple[str, ...], cells: list[str], lexicon: Lexicon) -> list[str]:
    """A row with more cells than the header has columns, the task's header over two of them
    (年度任务 → 美丽乡村建设 | 创建4个市级美丽乡村示范村…): the first cells joined into the task
    when that brings a unit's name under the units column."""
    extra = len(cells) - len(roles)
    col = next((i for i, role in enumerate(roles) if role in UNIT_ROLES), None)
    if (
        extra <= 0
        or col is None
        or not roles
        or roles[0] != "task"
        or col + extra >= len(cells)
        or looks_like_units(cells[col], lexicon)
        or not looks_like_units(cells[col + extra], lexicon)
    ):
        return cells
    return [" ".join(filter(None, cells[: extra + 1])), *cells[extra + 1 :]]


def _names_heads(name: str) -> bool:
    """牵头单位及主要负责人: a column of units whose cells name their heads too."""
    return re.sub(r"\s+", "", name).endswith(PERSON_WORDS)


def _units_and_heads(cell: str, lexicon: Lexicon) -> tuple[str, str]:
    """``市民政局 伍泽国`` under 牵头单位及主要负责人: the units, and the heads' names (short
    words set apart by blanks that read as no unit, or a person's name the copy ran on to the
    unit's: ``市民政局伍泽国``)."""
    words = [part for word in cell.split() for part in _head_run_on(word, lexicon)]
    heads = [w for w in words if 2 <= len(w) <= 4 and not looks_like_units(w, lexicon)]
    units = [w for w in words if w not in heads]
    return (" ".join(units), " ".join(heads)) if units and heads else (cell, "")


def _head_run_on(word: str, lexicon: Lexicon) -> tuple[str, ...]:
    """``市民政局伍泽国``: a unit's name, then its head's (two or three characters from a
    surname), set apart; any other word as it is."""
    for size in (3, 2):
        unit, head = word[:-size], word[-size:]
        if len(unit) >= 3 and person_like(head) and looks_like_units(unit, lexicon):
            return unit, head
    return (word,)


@functools.lru_cache(maxsize=1)
def _dangling_words() -> tuple[str, ...]:
    """Words a task line cannot end on (data/dangling_words.csv): what follows them is theirs."""
    return tuple(row["text"] for row in read_data_csv("dangling_words.csv"))


def _ends_in_units_bracket(text: str, lexicon: Lexicon) -> bool:
    """``…扩大校招规模。(市人社局、市公务员局)``: a paragraph whose last bracket names units."""
    if not text.rstrip("。.;").endswith(")"):
        return False
    final = _FINAL_GROUP.search(text)
    return bool(final) and (
        bool(duty_fields(final["body"], lexicon)) or looks_like_units(final["body"], lexicon)
    )


_MERGEABLE = ("leader", "section", "note", "deadline")


def _in_place(roles: tuple[str, ...], cells: list[str], lexicon: Lexicon) -> bool:
    """Do the first cells sit in the header's columns: a unit's name in every filled units
    column (one at least), none in a task column, no task ending on a word that goes on in the
    next line (…会同 / 住建局)?"""
    placed = list(zip(roles, cells))
    units = [cell for role, cell in placed if role in UNIT_ROLES and cell]
    return (
        bool(units)
        and not any(role == "task" and cell.endswith(_dangling_words()) for role, cell in placed)
        and all(looks_like_units(cell, lexicon) for cell in units)
        and not any(role == "task" and looks_like_units(cell, lexicon) for role, cell in placed)
    )


def _sub_row_units(
    roles: tuple[str, ...], more: list[str], lexicon: Lexicon
) -> list[tuple[str, list[str]]]:
    """The lines after a whole row that are a sub-row of the item (its first cells merged
    over it: 石汶河提升改造工程 / 区水利局 / 计划投资… / 邱家店镇 under a row of 项目名称 | 牵头单位 |
    具体内容 | 进展 | 责任单位): its runs of unit names, as many as the units columns or fewer,
    laid into those columns from the right (a sub-row leaves out the first cells, never the
    last). Each run with its column's role; none when the lines start with units (a units
    cell gone on) or hold more runs than units columns."""
    runs: list[list[str]] = []
    for i, line in enumerate(more):
        if not looks_like_units(line, lexicon):
            continue
        if i and looks_like_units(more[i - 1], lexicon):
            runs[-1].append(line)
        else:
            runs.append([line])
    unit_roles = [role for role in roles if role in UNIT_ROLES]
    if not runs or looks_like_units(more[0], lexicon) or len(runs) > len(unit_roles):
        return []
    return list(zip(unit_roles[len(unit_roles) - len(runs) :], runs))


def _units_over_lines(roles: tuple[str, ...], cells: list[str], lexicon: Lexicon) -> list[str]:
    """A table of one cell a line whose units cell holds one unit a line (市住建局 / 柴桑区政府 /
    濂溪区政府): the lines after a units column's that read as units too, joined to its cell
    while the row has more lines than the header has columns."""
    for col, role in enumerate(roles):
        if role not in UNIT_ROLES:
            continue
        if (
            col >= len(cells)
            or not looks_like_units(cells[col], lexicon)
            or any(cells[i].endswith(_dangling_words()) for i in range(min(col, len(cells))))
        ):
            return cells  # not in place up to here: a task over two lines (…会同 / 住建局)
        while (
            len(cells) > len(roles)
            and col + 1 < len(cells)
            and looks_like_units(cells[col + 1], lexicon)
        ):
            cells[col : col + 2] = [f"{cells[col]}、{cells[col + 1]}"]
    return cells


def _fit_columns(
    roles: tuple[str, ...], cells: tuple[str, ...], lexicon: Lexicon
) -> tuple[int, ...] | None:
    """The indexes of the header's columns a shorter row has (the others it lacks), chosen by
    what its cells hold: unit columns should read as units, task columns not. None when
    nothing fits."""
    missing = len(roles) - len(cells)
    tasks = [i for i, role in enumerate(roles) if role == "task"]
    droppable = [
        i
        for i, role in enumerate(roles)
        if role in _MERGEABLE or (role == "task" and i != tasks[0])
    ]
    if not 0 < missing <= 2 or len(droppable) < missing:
        return None
    best, best_score = None, -1  # ties (nothing reads either way) drop the last columns: a row's
    for dropped in reversed(list(itertools.combinations(droppable, missing))):  # blank tail
        kept = tuple(i for i in range(len(roles)) if i not in dropped)
        fitted = tuple(roles[i] for i in kept)
        score = sum(
            (1 if _units_cell(cell, lexicon) else -1)
            if role in UNIT_ROLES
            else -1
            if role == "task" and looks_like_units(cell, lexicon)
            else 0
            for role, cell in zip(fitted, cells)
            if cell
        )
        if score > best_score:
            best, best_score = kept, score
    return best


def _units_in_place(roles: tuple[str, ...], cells: list[str], lexicon: Lexicon) -> bool:
    """Every units column the cells reach holds units (and one does)."""
    placed = [cell for role, cell in zip(roles, cells) if role in UNIT_ROLES and cell]
    return bool(placed) and all(_units_cell(cell, lexicon) for cell in placed)


def _units_cell(cell: str, lexicon: Lexicon) -> bool:
    """A cell of units: their names, or a duty clause naming them (办公室牵头,各科室配合)."""
    return looks_like_units(cell, lexicon) or bool(duty_fields(cell, lexicon))


def _read_flattened(raw: RawItem, columns: tuple[str, ...], lexicon: Lexicon):
    if len(raw.lines) != 1:
        return "".join(raw.lines), [], {}
    split = _split_flattened(raw.lines[0], lexicon)
    if not split:
        return raw.lines[0], [], {}
    task, units = split
    return task, [UnitField(units, "pending")], {}


def _split_flattened(line: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """``任务文字. 发改委、经信委`` → (任务文字., 发改委、经信委): the longest units tail."""
    for match in _BOUNDARY.finditer(line):
        head, tail = line[: match.end()].strip(), line[match.end() :].strip(" |\t")
        if head and tail and looks_like_units(tail, lexicon):
            return head.rstrip("|—- \t"), tail
    return None


# --- the header's columns ---


@functools.lru_cache(maxsize=64)
def _column_plan(columns: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The roles and the names of the columns after the label's, and whether a section column
    comes before it: what every row of the table is read by, worked out once."""
    return _after_label(columns), _after_label_names(columns), "section" in _before_label(columns)


@functools.lru_cache(maxsize=64)
def _group_column(columns: tuple[str, ...]) -> int | None:
    """Which column after the label's names the group of rows (项目 before 重点工作), if any."""
    kinds = column_kinds(columns)
    return kinds.index("group") if "group" in kinds else None


@functools.lru_cache(maxsize=64)
def _roles(columns: tuple[str, ...]) -> tuple[str, ...]:
    """Each column's role; a header naming no task column (its task's header garbled by the
    copy: 项目?jī)?nèi)容) has its first unknown column after the number's as the task."""
    roles = [header_role(c) for c in columns]
    # 8月份目标, 一季度目标 beside the task's column: the period's plan, a note
    planned = [i for i, c in enumerate(columns) if roles[i] == "task" and _PERIOD_PLAN.match(c)]
    if planned and roles.count("task") > len(planned):
        for i in planned:
            roles[i] = "note"
    # 存在问题 after the task's own column (工作任务 … 进展情况 | 存在问题 | 下步打算): what stands
    # in the way of the work, a note; a 整改 list's 存在问题 before its 整改措施 is its task
    tasks = [i for i, role in enumerate(roles) if role == "task"]
    if tasks and not _PROBLEM.search(columns[tasks[0]]):
        for i in tasks[1:]:
            if _PROBLEM.search(columns[i]):
                roles[i] = "note"
    if "task" not in roles and "label" in roles:
        first = next((i for i in range(roles.index("label") + 1, len(roles)) if not roles[i]), None)
        if first is not None and first == roles.index("label") + 1:
            roles[first] = "task"
    return tuple(role or "note" for role in roles)


@functools.lru_cache(maxsize=64)
def _label_end(columns: tuple[str, ...]) -> int:
    return label_end(_roles(columns))


@functools.lru_cache(maxsize=64)
def _after_label(columns: tuple[str, ...]) -> tuple[str, ...]:
    return _roles(columns)[_label_end(columns) :]


@functools.lru_cache(maxsize=64)
def _after_label_names(columns: tuple[str, ...]) -> tuple[str, ...]:
    """The header cells as written, after the label's column (as ``_after_label``)."""
    return columns[_label_end(columns) :]


@functools.lru_cache(maxsize=64)
def _before_label(columns: tuple[str, ...]) -> tuple[str, ...]:
    roles = _roles(columns)
    return roles[: roles.index("label")] if "label" in roles else roles[: _label_end(columns)]


def _leading_cells(layout: Layout, columns: tuple[str, ...]) -> str:
    """The first item's section cell, which a one-cell-per-line table puts before its number."""
    if "section" in _before_label(columns) and layout.unplaced:
        return layout.unplaced[-1].text
    return ""


# --- helpers ---


def _without_legend(lines: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    found = False
    cleaned = []
    for line in lines:
        new = legend_pattern().sub("", line) if "牵头" in line else line  # every legend names 牵头
        found = found or new != line
        cleaned.append(new)
    return tuple(cleaned), found


def _label_kind(label: str) -> str:
    """``①`` circled, ``(1)`` in brackets, else the first character (一, 1, (一) …)."""
    if label[:1] in CIRCLED:
        return "circled"
    if label.startswith("(") and label.strip("()").isdigit():
        return "(1)"
    return label[:1]


def _is_sub_label(label: str) -> bool:
    return label[:1] in CIRCLED or (label.startswith("(") and label.strip("()").isdigit())


def _points_then_units(records: list[ItemRecord], at: int) -> int:
    """How many records after ``records[at]`` are its points: ``1. 市科技馆`` with no units,
    then (1)(2)(3) of which only the last has units, on a labelled line after it
    (``问题整改责任单位:市科技馆``): the units are the item's. 0 when that is not so."""
    parent = records[at]
    if parent.fields or _is_sub_label(parent.item_label) or not parent.item_label:
        return 0
    end = at + 1
    while end < len(records) and _is_sub_label(records[end].item_label):
        end += 1
    points = records[at + 1 : end]
    if len(points) < 2 or label_number(points[0].item_label) != 1:
        return 0
    if any(r.fields for r in points[:-1]) or not all(f.label for f in points[-1].fields):
        return 0
    return len(points) if points[-1].fields else 0


def _sub_items_folded(records: list[ItemRecord]) -> list[ItemRecord]:
    """(1)(2) or ①② lines without units right under an item that has units are its sub-items:
    their text joins the item's task (they are neither items nor sections); so are an item's
    points when the units labelled after its last point are the item's (``_points_then_units``)."""
    out: list[ItemRecord] = []
    skip = 0
    for at, record in enumerate(records):
        if skip:
            skip -= 1
            continue
        points = _points_then_units(records, at)
        if points:
            subs = records[at + 1 : at + 1 + points]
            last = subs[-1]
            task = " ".join([record.task, *(f"{r.item_label}{r.task}" for r in subs)])
            out.append(
                record._replace(
                    task=task,
                    fields=last.fields,
                    deadline=record.deadline or last.deadline,
                    leaders=record.leaders or last.leaders,
                    notes=record.notes + tuple(n for r in subs for n in r.notes),
                )
            )
            skip = points
            continue
        label = record.item_label
        if (
            _is_sub_label(label)
            and not record.fields
            and out
            and out[-1].fields
            and _label_kind(out[-1].item_label) != _label_kind(label)  # ② after ①: a sibling
        ):
            out[-1] = out[-1]._replace(task=f"{out[-1].task} {label}{record.task}")
            continue
        out.append(record)
    return out


def _parents_of_sub_numbers(records: list[ItemRecord]) -> list[ItemRecord]:
    """1 加快产业升级 above 1.1, 1.2 (a table numbering its tasks under each heading's): a
    record without units whose number heads the next record's is the section of the records
    numbered under it."""
    out: list[ItemRecord] = []
    parent = ("", "")  # the heading's number and its words
    for at, record in enumerate(records):
        label = record.item_label
        following = records[at + 1].item_label if at + 1 < len(records) else ""
        if not record.fields and label.isdigit() and _head_number(following) == label:
            parent = (label, record.task.rstrip("。"))
            continue
        if parent[0] and _head_number(label) == parent[0]:
            outer = record.section if record.section and record.section != parent[1] else ""
            record = record._replace(section=f"{outer} / {parent[1]}" if outer else parent[1])
        else:
            parent = ("", "")
        out.append(record)
    return out


def _head_number(label: str) -> str:
    """The heading's number of a sub-item's (1.2 → 1, 2-3 → 2); "" for any other label."""
    return re.split(r"[.．-]", label)[0] if SUB_NUMBER.fullmatch(label) else ""


def _headings_numbered_like_items(records: list[ItemRecord]) -> list[ItemRecord]:
    """(一)经济发展 above 1. 2. 3.: when every (一)-style record is a short line without
    units and the numbered ones have units, the (一) lines are section headings."""
    records = _parents_of_sub_numbers(_sub_items_folded(records))
    paren = [r for r in records if r.item_label.startswith("(")]
    plain = [r for r in records if not r.item_label.startswith("(")]
    if not paren or not plain or any(r.fields for r in paren):
        return records
    if not any(r.fields for r in plain) and not _each_opens_a_run(records):
        return records  # without units, only (一) lines each above a run 1. 2. … are headings
    if any(len(r.task) > 30 for r in paren):
        return records
    out: list[ItemRecord] = []
    section = ""
    for record in records:
        if record.item_label.startswith("("):
            # under an outer heading (一、已落实事项 / (一)5月17日常务会议): both, outer first
            inner = record.task.rstrip("。")
            outer = record.section if record.section and record.section not in inner else ""
            section = f"{outer} / {inner}" if outer else inner
        else:
            out.append(record._replace(section=section or record.section))
    return out


def _each_opens_a_run(records: list[ItemRecord]) -> bool:
    """Is every (一)-style record followed by a record numbered 1 (a report naming no units:
    (一)完成事项情况 / 1、… 2、…)?"""
    return all(
        i + 1 < len(records)
        and not records[i + 1].item_label.startswith("(")
        and label_number(records[i + 1].item_label) == 1
        for i, r in enumerate(records)
        if r.item_label.startswith("(")
    )


_LISTED_MIN = 3  # entries after 分别为: for a sentence to list items
_LISTING_WORD = 3  # characters of a word that opens a list in a paragraph (分别为, not 为)


@functools.lru_cache(maxsize=1)
def _listed() -> re.Pattern[str]:
    """``…分别为:A;B;C``: the longer words of data/list_intros.csv before a colon."""
    words = [w for w in list_intro_words() if len(w) >= _LISTING_WORD]
    alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"^(?P<intro>.*?(?:{alternation})[::])(?P<entries>.+)$")


def _listed_entries(record: ItemRecord) -> list[ItemRecord]:
    """``(一)提前完成任务指标有7项。…分别为:A;B;C…``: a paragraph of a report naming no units
    that lists its items after 分别为: — one item each, its words the item's task and progress,
    the paragraph's opening (which says how they stand) their section. [record] if it is none."""
    match = _listed().match(record.task)
    if not match:
        return [record]
    entries = [e.strip() for e in re.split(r"[;；]", match["entries"]) if e.strip()]
    if len(entries) < _LISTED_MIN:
        return [record]
    section = f"{record.item_label}{match['intro']}".rstrip(":")
    return [
        record._replace(
            item_label="",
            task=entry.rstrip("。"),
            section=section,
            notes=(("", entry),),
            fields=(),
        )
        for entry in entries
    ]


def _drop_notice_paragraphs(records: list[ItemRecord]) -> tuple[list[ItemRecord], list[str]]:
    """Numbered paragraphs of the notice before the list are not items: none has units, and
    the numbering starts again where the list begins."""
    first = next((i for i, r in enumerate(records) if r.fields), 0)
    if first and label_number(records[first].item_label) == label_number(records[0].item_label):
        return records[first:], [r.item_label for r in records[:first]]
    return records, []


def _mark_incomplete(records: list[ItemRecord], cut: bool = False) -> list[ItemRecord]:
    """The last item, cut off: the text ends inside its row (``cut``), no units where most
    items have them, or an open bracket."""
    if not records or (len(records) < 2 and not cut):
        return records
    last = records[-1]
    with_units = sum(1 for r in records[:-1] if r.fields) / max(1, len(records) - 1)
    cut = (
        cut
        or (len(records) >= 2 and not last.fields and with_units >= 0.8)
        or last.task.count("(") > last.task.count(")")
    )
    if cut:
        records = [*records[:-1], last._replace(incomplete=True)]
    return records


# each reader → how the report names its reading (READER_NAMES, by the reader's name)
_READER_NAME_OF = {
    reader: READER_NAMES[reader.__name__]
    for reader in (
        _read_inline,
        _read_label_lines,
        _read_state_council,
        _read_columns,
        _read_flattened,
    )
}
