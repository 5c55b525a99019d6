"""The whole parse: source bytes → items, assignments, metadata and a parse report.

Stages (each a pure function in its own module): decode → normalize → blocks → item
records → mentions → canonical units. ``parse_bytes`` is the one entry point the app,
the command line and the benchmark share.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from operator import attrgetter, itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from lib.parse.collector import collector_paused
from lib.parse.conventions import CONVENTIONS, Reading, read_items
from lib.parse.duties import is_lead_note, looks_like_units
from lib.parse.errors import EXIT_NO_ITEMS, ListError
from lib.parse.labels import LABEL_MARKS, label_number
from lib.parse.metadata import extract_metadata
from lib.parse.records import (
    ItemRecord,
    Layout,
    UnitField,
    find_items,
    header_words,
    pipe_rows,
    record_layout,
    run_rule,
)
from lib.parse.reference import LEVELS
from lib.parse.roundtrip import (
    Export,
    assignments_from_export,
    exported_table,
    items_from_export,
    items_of_assignments,
)
from lib.parse.schema import (
    ASSIGNMENT_COLUMNS,
    ITEM_COLUMNS,
    columns_frame,
    flag_masks,
    has_flag,
    join_flags,
)
from lib.parse.side_by_side import split_side_by_side
from lib.parse.simplify import originals, simplified_blocks, written_as
from lib.parse.sources import MAX_SOURCE_BYTES, Read, read_blocks, too_big
from lib.parse.split import MARKERS, Token, document_names, split_many
from lib.parse.themes import assign_themes
from lib.parse.units import Lexicon, Resolution, document_lexicon

# Flags of the two kinds of automatic correction: a name read as another (canonical) name,
# and a mention cut from a run the list wrote without separators.
NAME_FLAGS = ("alias", "dropped_char", "swapped_chars")
SPLIT_FLAGS = ("separator_missing", "split_by_ending")


@dataclass(frozen=True)
class ParseReport:
    """What the parser did and what it could not do, for the office to review."""

    source_name: str
    encoding: str
    convention: str
    item_count: int
    mention_count: int
    corrections: pd.DataFrame  # assignments rows whose unit differs from what was written
    flagged: pd.DataFrame  # assignments rows kept as written but not recognized
    items_without_units: tuple[str, ...]
    numbering_problems: tuple[str, ...]
    leftovers: tuple[tuple[str, str], ...]  # (item label, characters no rule accounted for)
    unplaced_lines: tuple[str, ...]
    conservation_failures: tuple[str, ...] = ()
    legends: tuple[str, ...] = ()  # where "the first unit leads" was stated
    not_items: tuple[str, ...] = ()  # numbered notice paragraphs, not list items
    headings: tuple[str, ...] = ()  # lines numbered like items (一、…) that own no units: sections
    readings: tuple[tuple[str, int], ...] = ()  # how the items' units were read → items
    incomplete_items: tuple[str, ...] = ()  # items that look cut off
    furniture_lines: int = 0  # page furniture skipped (发布时间, 分享 …)
    traditional: bool = False  # written in traditional characters, read in simplified ones
    ignored: tuple[str, ...] = ()  # what was set aside on purpose, each with where and why
    read_as: tuple[str, ...] = ()  # a column read otherwise than its header says, and why
    header: tuple[str, ...] = ()  # the table's header cells as read (none: not a table)
    # assignments rows cut from a run the list wrote without separators
    splits: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(ASSIGNMENT_COLUMNS))
    )


NOTE_COLUMNS = ("item_no", "header", "text")


@dataclass(frozen=True)
class ParsedDocument:
    doc_id: str
    meta: dict[str, str]
    items: pd.DataFrame
    assignments: pd.DataFrame
    report: ParseReport
    # what each item's row says beside its task and units: (item_no, header as written, text),
    # from columns such as 1-11月推进情况, 是否达序, 说明 (header "" for text after the units)
    notes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(NOTE_COLUMNS)))


def document_id(data: bytes) -> str:
    """The first 12 hex digits of the SHA-256 of the source bytes."""
    return hashlib.sha256(data).hexdigest()[:12]


def parse_path(path: str | Path, convention: str | None = None) -> ParsedDocument:
    """Parse a file on disk; unreadable paths raise ``ListError``."""
    return parse_bytes(read_path(path), Path(path).name, convention)


def read_path(path: str | Path) -> bytes:
    """A file's bytes, within ``MAX_SOURCE_BYTES``; ``ListError`` when it cannot be read."""
    path = Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():  # /dev/zero, a pipe: no end
        raise ListError(f"无法读取 {path.name}：这不是一个普通文件。")
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:  # refused before a byte of it is read into memory
            raise ListError(too_big(size))
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError, OSError) as exc:
        raise ListError(f"无法读取文件 {path.name}：{_os_reason(exc)}。") from None


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    return "读取失败"


def parse_bytes(
    data: bytes, name: str = "清单.txt", convention: str | None = None, units: bool = True
) -> ParsedDocument:
    """Parse the bytes of a list named ``name`` (its suffix picks the reader).

    ``convention`` (one of ``CONVENTIONS``) overrides the detected one. Raises ``ListError``
    with a Chinese message for anything the user can fix; with ``units`` False, also a file of
    numbered items that names no unit (a progress report may not) is read.
    """
    if convention is not None and convention not in CONVENTIONS:
        raise ListError(f"未知的格式约定 {convention}：可选 {'、'.join(CONVENTIONS)}。", 2)
    # the format libraries (pdfminer, openpyxl, BeautifulSoup) make reference cycles: the
    # collector runs while they read (paused, a 200-page PDF held 3.4 GB), and pauses after
    read = read_blocks(data, name)
    with collector_paused():
        return _parse_read(read, data, name, convention, units)


def parse_read(read: Read, data: bytes, name: str, units: bool = True) -> ParsedDocument:
    """As ``parse_bytes``, of blocks already read (a part of a file: one sheet of a workbook)."""
    with collector_paused():
        return _parse_read(read, data, name, None, units)


def _parse_read(
    read: Read, data: bytes, name: str, convention: str | None, units: bool = True
) -> ParsedDocument:
    blocks, encoding, ignored = read
    exported = exported_table(blocks)
    if exported:
        return _document_from_export(exported, name, encoding, ignored, document_id(data))
    doc_id = document_id(data)
    written_blocks = blocks
    blocks, traditional = simplified_blocks(blocks)
    layout = find_items(split_side_by_side(blocks))
    meta = extract_metadata(layout.preamble or tuple(blocks[:60]))
    lexicon = document_lexicon(meta.get("place", ""))
    reading = read_items(layout, lexicon, convention)
    records = reading.records
    unread = not any(r.fields for r in records) or _points_restart(records)
    lone = len(records) == 1 and not records[0].notes  # one item, no progress found for it
    if (unread or lone) and (alone := record_layout(blocks, progress=not unread)) is not None:
        layout = alone  # a page of one item's fields (牵头单位:…), its numbers the work's stages
        reading = read_items(layout, lexicon, convention)
        records = reading.records
    if not records and (rows := pipe_rows(blocks)) is not None:
        layout = find_items(split_side_by_side(rows))  # a table written a | b | c, its rows
        reading = read_items(layout, lexicon, convention)  # unnumbered: read as a table's
        records = reading.records
    if not records:
        # what was not read may be why: numbers made by formulas never saved with their results
        also = f"（另：{'；'.join(ignored)}。）" if ignored else ""
        raise ListError(f"没有找到编号的工作事项：请确认文件是一份责任清单。{also}", EXIT_NO_ITEMS)
    if units and not any(r.fields for r in records):
        raise ListError(
            f"找到 {len(records)} 条编号的事项，但没有一条写明责任单位：请确认表格有"
            "“责任单位”或“牵头单位”一列，或在每条事项后写明责任单位。",
            EXIT_NO_ITEMS,
        )
    records = _units_glued_to_tasks(records, lexicon)
    lexicon = lexicon.with_document_names(
        document_names((f.text for r in records for f in r.fields), lexicon)
    )
    tokens = _tokens_per_field(records, lexicon)
    items = _items_table(doc_id, records)
    assignments = _assignments_table(doc_id, records, tokens, lexicon)
    if traditional:  # read in simplified characters, shown as written
        written, converted = originals(written_blocks)
        assignments = assignments.assign(
            raw=[written_as(r, written, converted) for r in assignments["raw"]]
        )
    report = _report(name, encoding, reading, layout, tokens, assignments, items)
    report = replace(report, traditional=traditional, ignored=ignored)
    notes = pd.DataFrame(
        [(no, header, text) for no, r in enumerate(records, start=1) for header, text in r.notes],
        columns=list(NOTE_COLUMNS),
    ).astype({"item_no": "int64"})
    return ParsedDocument(doc_id, meta, items, assignments, report, notes)


def _points_restart(records: list[ItemRecord]) -> bool:
    """Numbers that start again at 1 within one part, no section between (整改措施: 1. 2. /
    整改完成情况: 1. 2.), and no more than one of them naming units (the point the page's
    units field ran on to): the points of a page's fields, not a list's items."""
    firsts = [r for r in records if label_number(r.item_label) == 1]
    return (
        len(firsts) >= 2
        and len({(r.part, r.section) for r in firsts}) < len(firsts)
        and sum(bool(r.fields) for r in records) <= 1  # the one that ran on into the fields
    )


def _document_from_export(
    exported: Export, name: str, encoding: str, ignored: tuple[str, ...], file_id: str
) -> ParsedDocument:
    """Our own export read back: the same table, under the document id it was exported with
    (the file's own id when the export does not carry one: the app's downloads)."""
    kind, frame = exported.kind, exported.frame
    if frame.empty:
        raise ListError("这个导出文件没有数据行。", EXIT_NO_ITEMS)
    if not frame.get("doc_id", pd.Series([""])).iloc[0]:
        frame = frame.assign(doc_id=file_id)
    if kind == "assignments":
        assignments = assignments_from_export(frame)
        items = items_of_assignments(assignments, frame)
    else:
        items = items_from_export(frame)
        records = tuple(_record_of_exported_item(row) for row in items.itertuples())
        lexicon = document_lexicon()
        lexicon = lexicon.with_document_names(
            document_names((f.text for r in records for f in r.fields), lexicon)
        )
        tokens = _tokens_per_field(records, lexicon)
        assignments = _assignments_table(items["doc_id"].iloc[0], records, tokens, lexicon)
        assignments = assignments.assign(
            item_no=assignments["item_no"]
            .map(dict(enumerate(items["item_no"], start=1)))
            .astype("int64")
        )
    report = ParseReport(
        source_name=name,
        encoding=encoding,
        convention="export",
        item_count=len(items),
        mention_count=len(assignments),
        corrections=assignments.loc[has_flag(assignments["flags"], *NAME_FLAGS)].reset_index(
            drop=True
        ),
        flagged=assignments.loc[has_flag(assignments["flags"], "unknown_unit")].reset_index(
            drop=True
        ),
        items_without_units=_items_without_units(items, assignments),
        numbering_problems=(),
        leftovers=(),
        unplaced_lines=(),
        splits=assignments.loc[has_flag(assignments["flags"], *SPLIT_FLAGS)].reset_index(drop=True),
        ignored=ignored + exported.ignored,
    )
    return ParsedDocument(
        str(items["doc_id"].iloc[0]), {"title": Path(name).stem}, items, assignments, report
    )


def _tokens_per_field(
    records: tuple[ItemRecord, ...], lexicon: Lexicon
) -> list[list[tuple[Token, ...]]]:
    """Each record's runs of units as tokens, field by field."""
    split = iter(split_many([f.text for r in records for f in r.fields], lexicon))
    return [[next(split) for _ in r.fields] for r in records]


def _record_of_exported_item(row) -> ItemRecord:
    """An exported item's units text back into runs of units (labels keep their lead rule)."""
    fields = []
    for part in filter(None, row.units_text.split("；")):
        label, _, text = part.partition(":") if ":" in part else ("", "", part)
        role = header_words().get(label, "")
        rule = "marker" if any(m in text for m in "▲★") else run_rule(role, label=True)
        fields.append(UnitField(text, rule, label))
    return ItemRecord(
        item_label=row.item_label,
        task=row.task,
        source_ref=row.source_ref,
        section=row.section,
        leaders=row.leaders,
        deadline=row.deadline,
        fields=tuple(fields),
    )


_MOST_NAME_UNITS = 0.8  # share of the items naming units for one without them to be a slip
_CLAUSE = re.compile(r"[,、;]")
_NO_MARKERS = str.maketrans("", "", MARKERS)
_LONGEST_NAME = 20


def _units_glued_to_tasks(
    records: tuple[ItemRecord, ...], lexicon: Lexicon
) -> tuple[ItemRecord, ...]:
    """Items that name no units, in a list whose items nearly all do, whose task ends in units
    glued on (a PDF line that ended at the right margin run on into the units' line:
    ``…稳居全省第一方阵经信局,相关部门,各镇乡(街道)``): the units cut off the task, from a name
    the list writes on its own elsewhere, read by the rule its other units are."""
    named = [r for r in records if r.fields]
    if len(named) == len(records) or len(named) < _MOST_NAME_UNITS * len(records):
        return records
    written = {
        name
        for r in named
        for f in r.fields
        for name in _CLAUSE.split(f.text.translate(_NO_MARKERS))
        if len(name.strip()) >= 2
    }
    rule = Counter(f.rule for r in named for f in r.fields if not f.label).most_common(1)
    out = []
    for record in records:
        at = None if record.fields or not rule else _glued_units_at(record.task, written, lexicon)
        if at is None:
            out.append(record)
        else:
            units = UnitField(record.task[at:], rule[0][0])
            out.append(record._replace(task=record.task[:at], fields=(units,)))
    return tuple(out)


def _glued_units_at(task: str, written: set[str], lexicon: Lexicon) -> int | None:
    """Where the units glued to the end of ``task`` start: the clauses at its end that read as
    units, and before them a clause ending in a name of ``written``; None when there are none."""
    starts = [0] + [m.end() for m in _CLAUSE.finditer(task)]
    first = len(starts)  # the first clause of the units after the glued one
    while first > 1:
        clause = _CLAUSE.split(task[starts[first - 1] :], maxsplit=1)[0]
        if not (clause.strip(MARKERS) in written or looks_like_units(clause, lexicon)):
            break
        first -= 1
    glued = task[starts[first - 1] : starts[first] - 1 if first < len(starts) else len(task)]
    for length in range(min(len(glued) - 4, _LONGEST_NAME), 1, -1):
        if glued[-length:].lstrip(MARKERS) in written:
            return starts[first - 1] + len(glued) - length
    return None


def _items_table(doc_id: str, records: tuple[ItemRecord, ...]) -> pd.DataFrame:
    count = len(records)
    # the records' fields as columns (a record is a named tuple: one transposition in C)
    by_field = dict(
        zip(ItemRecord._fields, zip(*records) if records else [()] * len(ItemRecord._fields))
    )
    columns = {
        "doc_id": [doc_id] * count,
        "item_no": list(range(1, count + 1)),
        "theme": [""] * count,  # assigned below, from the tasks
        "units_text": [r.units_text for r in records],
        **{name: list(by_field[name]) for name in _RECORD_COLUMNS},
    }
    items = columns_frame({name: columns[name] for name in ITEM_COLUMNS}, ints=["item_no"])
    return items.assign(theme=assign_themes(items))


# the items table's columns an ItemRecord holds as they are
_RECORD_COLUMNS = ("item_label", "section", "task", "leaders", "deadline", "source_ref")


_NAME, _TEXT, _SUB_OFFICE = attrgetter("name"), attrgetter("text"), attrgetter("sub_office")


def _mention_roles(field: UnitField, mentions: list[Token]) -> list[str]:
    """lead/co for each mention of one run, by the run's lead rule; ``市发改委(牵头)`` leads
    whatever the run's rule, and the others of its run are co (like ▲)."""
    if field.rule != "lead" and any(map(_SUB_OFFICE, mentions)):
        noted = [is_lead_note(t.sub_office) for t in mentions]
        if any(noted):
            return ["lead" if n else "co" for n in noted]
    if field.rule == "marker":
        return ["lead" if t.marked else "co" for t in mentions]
    if field.rule == "lead":
        return ["lead"] * len(mentions)
    if field.rule == "first":
        return ["lead" if i == 0 else "co" for i in range(len(mentions))]
    return ["co"] * len(mentions)


def _assignments_table(
    doc_id: str,
    records: tuple[ItemRecord, ...],
    tokens: list[list[tuple[Token, ...]]],
    lexicon: Lexicon,
) -> pd.DataFrame:
    mentions: list[Token] = []  # every item's mentions, one after another
    roles: list[str] = []
    counts: list[int] = []  # mentions per item
    for record, field_tokens in zip(records, tokens):
        before = len(mentions)
        for f, item_tokens in zip(record.fields, field_tokens):
            found = [t for t in item_tokens if t.kind == "mention"]
            mentions += found
            roles += _mention_roles(f, found)
        counts.append(len(mentions) - before)
    written = Counter(map(_NAME, mentions))  # in first order
    display = display_names((name, lexicon.resolve(name), times) for name, times in written.items())
    two_levels = _units_of_two_levels(written, lexicon)
    # the same mention reads the same: unit, kind, flags (and with "repeated"), sub-office
    readings: dict[Token, tuple[str, str, str, str, str]] = {}

    def read(token: Token) -> tuple[str, str, str, str, str]:
        """Unit, kind, flags (as written, and with ``repeated``) and sub-office (a bracketed
        牵头 marks a lead, not an office)."""
        resolution = lexicon.resolve(token.name)
        unit = display.get(resolution.unit, resolution.unit)
        if resolution.unit in two_levels:  # 市商务局 and 区商务局 in one list: two bodies
            unit = token.name
        flags = [f for f in resolution.flags if f != "alias"]
        if not flags and _is_variant(token.name, unit):
            flags.append("alias")
        if token.glued:
            flags.append(
                "split_by_ending" if token.how in ("ending", "unknown") else "separator_missing"
            )
        sub_office = "" if is_lead_note(token.sub_office) else token.sub_office
        if sub_office:
            flags.append("sub_office")
        codes, repeated = join_flags(flags), join_flags([*flags, "repeated"])
        reading = readings[token] = (unit, resolution.kind, codes, repeated, sub_office)
        return reading

    found = [readings.get(t) or read(t) for t in mentions]
    units = list(map(itemgetter(0), found))
    kinds = list(map(itemgetter(1), found))
    item_no = np.repeat(np.arange(1, len(records) + 1, dtype="int64"), counts)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    named = np.array([k != "collective" for k in kinds], dtype=bool)
    frame = pd.DataFrame({"item_no": item_no, "unit": pd.Series(units, dtype=object)})
    # a unit written again in the same item: "repeated"; an item whose one named unit it is: sole
    again = frame.duplicated(["item_no", "unit"]).to_numpy()
    one_named = frame.loc[named].groupby("item_no")["unit"].nunique() == 1
    sole = frame["item_no"].isin(one_named.index[one_named]).to_numpy() & named
    labels = [r.item_label for r in records]
    columns = {
        "doc_id": [doc_id] * len(mentions),
        "item_no": item_no,
        "item_label": [labels[i - 1] for i in item_no.tolist()],
        "position": np.arange(len(mentions), dtype="int64") - starts + 1,
        "raw": list(map(_TEXT, mentions)),
        "unit": units,
        "sub_office": list(map(itemgetter(4), found)),
        "role": roles,
        "sole": sole,
        "kind": kinds,
        "flags": [r[3] if a else r[2] for r, a in zip(found, again.tolist())],
    }
    return columns_frame(
        {name: columns[name] for name in ASSIGNMENT_COLUMNS},
        ints=["item_no", "position"],
        bools=["sole"],
    )


def _units_of_two_levels(written: Counter, lexicon: Lexicon) -> frozenset[str]:
    """The units a list names at two levels of government (市商务局 and 区商务局: the city's
    bureau and the district's), which are two bodies, not one name written two ways."""
    levels: dict[str, set[str]] = {}
    for name in written:
        if name[:1] in LEVELS:
            levels.setdefault(lexicon.resolve(name).unit, set()).add(name[0])
    return frozenset(unit for unit, found in levels.items() if len(found) > 1)


def display_names(mentions: Iterable[tuple[str, Resolution, int]]) -> dict[str, str]:
    """Reference canonical name → the name this document shows for that unit.

    A document keeps its own words: the variant it writes most often (市住建局 in one
    city, 建设局 in another) names the unit; ties go to the reference's name, then to the
    first written. Corrected typos never name a unit. ``mentions`` are (name as written, its
    resolution, how many times it is written), in the order of first writing.
    """
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for name, resolution, times in mentions:
        if (
            resolution.kind == "collective"
            or "dropped_char" in resolution.flags
            or "swapped_chars" in resolution.flags
        ):
            continue
        counts[resolution.unit][name] += times
    names: dict[str, str] = {}
    for canonical, written in counts.items():
        top = max(written.values())
        tied = [name for name, n in written.items() if n == top]  # in order of first writing
        names[canonical] = canonical if canonical in tied else tied[0]
    return names


def _is_variant(written: str, unit: str) -> bool:
    """Another name for the unit, not just the same name with 市 or the place in front."""
    return written != unit and not (written.endswith(unit) or unit.endswith(written))


def _items_without_units(items: pd.DataFrame, assignments: pd.DataFrame) -> tuple[str, ...]:
    """Labels of the items no mention was read from: no units text at all, or one that held
    no name (``/``, ``——``, ``(待定)``). They stay in the items table; this lists them."""
    return tuple(items.loc[~items["item_no"].isin(assignments["item_no"]), "item_label"])


def _report(
    name: str,
    encoding: str,
    reading: Reading,
    layout: Layout,
    tokens: list[list[tuple[Token, ...]]],
    assignments: pd.DataFrame,
    items: pd.DataFrame,
) -> ParseReport:
    records = reading.records
    corrected, unknown, split = flag_masks(
        assignments["flags"], NAME_FLAGS, ["unknown_unit"], SPLIT_FLAGS
    )
    # what each units text left unread, and whether its tokens still spell it: the same text
    # splits the same, so each is checked once
    checked: dict[str, tuple[bool, tuple[str, ...]]] = {}
    leftovers: list[tuple[str, str]] = []
    failures: list[str] = []
    for record, field_tokens in zip(records, tokens):
        lost = False
        for f, found in zip(record.fields, field_tokens):
            check = checked.get(f.text)
            if check is None:
                check = checked[f.text] = (
                    "".join([t.text for t in found]) != f.text,
                    tuple([t.text for t in found if t.kind == "leftover"]),
                )
            lost = lost or check[0]
            if check[1]:
                leftovers += [(record.item_label, text) for text in check[1]]
        if lost:
            failures.append(record.item_label)
    return ParseReport(
        source_name=name,
        encoding=encoding,
        convention=reading.convention,
        item_count=len(records),
        mention_count=len(assignments),
        corrections=assignments.loc[corrected].reset_index(drop=True),
        flagged=assignments.loc[unknown].reset_index(drop=True),
        items_without_units=_items_without_units(items, assignments),
        numbering_problems=numbering_problems(
            [r.item_label for r in records], [(r.part, r.section) for r in records]
        ),
        leftovers=tuple(leftovers),
        unplaced_lines=tuple(b.text for b in layout.unplaced),
        conservation_failures=tuple(failures),
        legends=reading.legends,
        not_items=reading.not_items,
        headings=reading.headings,
        readings=reading.readings,
        incomplete_items=tuple(r.item_label for r in records if r.incomplete),
        furniture_lines=layout.furniture,
        read_as=layout.read_as,
        header=layout.header,
        splits=assignments.loc[split].reset_index(drop=True),
    )


def numbering_problems(labels: list[str], sections: list | None = None) -> tuple[str, ...]:
    """Skips, repeats and restarts in the labels as written; nothing is renumbered.

    Numbering may run on across sections or start again at 1 in each one.

    >>> numbering_problems(["1", "2", "2", "5"])
    ('编号 2 重复', '编号 3–4 缺失')
    """
    problems: list[str] = []
    previous: dict[bool, int] = {}  # per style: arabic (True) or Chinese numerals (False)
    sections = sections or [""] * len(labels)
    last_section = sections[0] if sections else ""
    for label, section in zip(labels, sections):
        core = label.strip(LABEL_MARKS)
        style = core.isdigit()
        number = int(core) if style and core.isascii() else label_number(label)  # 12: at once
        if number is None:
            continue
        if section != last_section and number == 1:
            previous[style] = 0  # a new section starts its own numbering
        last_section = section
        before = previous.get(style, 0)
        if number == before:
            problems.append(f"编号 {label} 重复")
        elif number == before + 2:
            problems.append(f"编号 {before + 1} 缺失")
        elif number > before + 2:
            problems.append(f"编号 {before + 1}–{number - 1} 缺失")
        elif number < before:
            problems.append(f"编号在 {before} 之后回到 {label}")
        previous[style] = number
    return tuple(problems)
