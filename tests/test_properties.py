"""Property tests: lists generated from the reference table parse back exactly, in every
convention and every format; edited lists and arbitrary bytes parse or are refused clearly.

A generated list draws its units from ``data/units.csv`` (canonical names and aliases, with or
without the level prefix 市, some with a sub-office in brackets, a few collectives), marks
leads the way its convention does, and separates units with any separator the parser reads.
It is rendered to text, CSV, XLSX, DOCX and HTML with the builders of ``tests/builders.py``;
parsing it must give back the items (labels, tasks, deadlines) and the assignments (the
mention as written, its canonical unit, sub-office, role) in order, with the conservation
check holding and no unit left unknown. ``tests/test_robustness.py`` holds the basic
"any text, any bytes" properties; those here go further.

Example counts: the ``ci`` profile (tests/conftest.py) runs 200 unless a test says fewer;
the slow formats (XLSX, DOCX) run 30.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.parse.errors import ListError
from lib.parse.pipeline import ParsedDocument, parse_bytes
from lib.parse.units import document_lexicon
from tests import builders

pytestmark = pytest.mark.slow  # hundreds of generated lists per test

LEXICON = document_lexicon()  # a list without a place name: no {place} aliases
SURFACES = LEXICON.surfaces  # every written form of a reference unit → its canonical name
# Written forms to draw from. Left out: forms with brackets of their own (政府办公室(外办)
# would read as a unit with a sub-office 外办 when another bracket follows it) and forms with
# a {place} slot (the generated lists name no place).
NAMES = sorted(
    {
        name
        for entry in LEXICON.reference.units
        if entry.kind != "collective"
        for name in (entry.canonical, *entry.aliases)
        if "(" not in name and "{" not in name
    }
)
COLLECTIVES = sorted(
    entry.canonical for entry in LEXICON.reference.units if entry.kind == "collective"
)
SUB_OFFICES = ("推进办", "人才办", "项目专班")
SEPARATORS = ("、", "，", ",", "；", ";", " ", "/", "／", ", ", "、 ")
CONNECTORS = ("等相关单位", "等有关部门", "等单位", "等")
MARKERS = ("▲", "★")
TASKS = (
    "推进数字经济发展",
    "完善养老服务体系",
    "实施乡村振兴战略",
    "加快建设城市公园",
    "优化营商环境",
    "深化国资国企改革",
    "新建公共充电桩300个",
    "提升基层治理水平",
    "改造老旧小区9个",
    "扩大有效投资",
    "推进学校、医院建设",
    "建设城市大脑(一期)",
    "落实河(湖)长制",
    "开展“双招双引”活动",
    "生产总值增长6%左右",
)
SECTIONS = ("经济发展", "城乡建设", "民生保障", "改革开放")
LEADERS = ("王某某", "李某", "张某某")
NOTICE = (
    "各镇乡（街道）、市级有关部门：",
    "现将《2024年重点工作责任清单》印发给你们，请认真抓好落实。",
)
DEADLINES = ("2024年底", "长期", "2024年6月", "每季度")
TITLE = "2024年重点工作责任清单"
LEGEND = "（列第一位者为牵头单位，下同）"
CN_NUMERALS = "一二三四五六七八九十"


# --- what is generated ---


@dataclass(frozen=True)
class Mention:
    name: str  # as written, level prefix included, without marker or sub-office
    sub_office: str = ""
    mark: str = ""  # ▲ or ★ before it

    @property
    def raw(self) -> str:
        """What the assignments table's ``raw`` holds: the mention without its marker."""
        return f"{self.name}({self.sub_office})" if self.sub_office else self.name

    @property
    def canonical(self) -> str:
        return SURFACES.get(self.name, self.name)  # a collective is its own name


@dataclass(frozen=True)
class Run:
    """One run of units as written, and the role each of its mentions must get."""

    text: str
    mentions: tuple[Mention, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    label: str  # as the parser reports it: 3, (三), (3)
    written_label: str  # as written before the task: "3.", "3、", "(三)" …
    task: str
    runs: tuple[Run, ...]
    deadline: str = ""
    section: str = ""  # a heading 一、… above it (text conventions)
    leaders: tuple[str, ...] = ()  # 责任领导 (labelled conventions)


@dataclass(frozen=True)
class GeneratedList:
    convention: str
    items: tuple[Item, ...]
    with_deadline: bool
    notice: tuple[str, ...] = ()  # lines between the title and the list


# Table conventions are rendered as tables (and as text, one cell per line); text
# conventions as lines of text (a Word file or a web page of paragraphs, or plain text).
TABLE_CONVENTIONS = ("marker", "lead-column", "first-column", "legend")
TEXT_CONVENTIONS = ("inline-label", "label-lines", "state-council", "flattened")


@functools.cache
def readings(text: str) -> int:
    """In how many ways ``text`` cuts into known written forms (counted up to 2).

    Worked out here, independently of the parser's splitter: a separator may be dropped
    only where the names on both sides glue into a run with exactly one reading.
    """
    if not text:
        return 1
    found = 0
    for length in range(1, min(len(text), 30) + 1):
        if text[:length] in SURFACES:
            found += readings(text[length:])
            if found >= 2:
                return 2
    return found


def _gluable(mention: Mention) -> bool:
    """A plain known name, not a collective and without brackets, can be glued to another."""
    return mention.name in SURFACES and not mention.sub_office and mention.name[0] not in "各相有"


def _joins(left: Mention, right: Mention) -> bool:
    """Would a space between these two read as a PDF line wrap inside one name (纪委 监委)?"""
    return not right.mark and left.raw + right.raw in SURFACES


@st.composite
def mentions(draw: st.DrawFn, marks: bool) -> Mention:
    if draw(st.integers(0, 9)) == 0:
        return Mention(draw(st.sampled_from(COLLECTIVES)))
    name = draw(st.sampled_from(NAMES))
    prefix = "市" if draw(st.integers(0, 5)) == 0 else ""
    sub = draw(st.sampled_from(SUB_OFFICES)) if draw(st.integers(0, 7)) == 0 else ""
    mark = draw(st.sampled_from(MARKERS)) if marks and draw(st.booleans()) else ""
    return Mention(prefix + name, sub, mark)


@st.composite
def unit_runs(
    draw: st.DrawFn, rule: str, min_size: int = 1, max_size: int = 5, connectors: bool = True
) -> Run:
    """A run of units, separated by random separators (dropped only where the split is unique),
    sometimes closed by a connector (``…等相关单位``) after a named unit.

    ``rule``: ``marker`` (marked units lead), ``lead`` (all lead), ``first`` (the first leads),
    ``co`` (none leads).
    """
    chosen = draw(st.lists(mentions(rule == "marker"), min_size=min_size, max_size=max_size))
    separators = [draw(st.sampled_from((*SEPARATORS, ""))) for _ in chosen[1:]]
    for gap, (left, right) in enumerate(zip(chosen, chosen[1:])):
        if separators[gap] == " " and _joins(left, right):
            separators[gap] = "、"  # a space inside a known name reads as a line wrap
        if separators[gap] == "" and not right.mark and not (_gluable(left) and _gluable(right)):
            separators[gap] = "、"  # only two plain known names may be glued (a marker cuts anyway)
    separators = _unique_glued_runs(chosen, separators)
    text = chosen[0].mark + chosen[0].raw if chosen else ""
    for separator, mention in zip(separators, chosen[1:]):
        text += separator + mention.mark + mention.raw
    if connectors and chosen and chosen[-1].name in SURFACES and draw(st.integers(0, 5)) == 0:
        text += draw(st.sampled_from(CONNECTORS))
    roles = tuple(
        "lead"
        if (rule == "marker" and m.mark) or rule == "lead" or (rule == "first" and i == 0)
        else "co"
        for i, m in enumerate(chosen)
    )
    return Run(text, tuple(chosen), roles)


def _unique_glued_runs(chosen: list[Mention], separators: list[str]) -> list[str]:
    """Put a separator back into every glued stretch that could be read another way."""
    out = list(separators)
    start = 0
    for end in range(1, len(chosen) + 1):
        if end < len(chosen) and out[end - 1] == "" and not chosen[end].mark:
            continue  # the stretch goes on
        stretch = chosen[start:end]
        if len(stretch) > 1 and readings("".join(m.name for m in stretch)) != 1:
            for gap in range(start, end - 1):
                out[gap] = "、"
        start = end
    return out


def chinese_numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (the generated lists stay under 100 items)."""
    tens, ones = divmod(number, 10)
    return (
        (CN_NUMERALS[tens - 1] if tens > 1 else "")
        + ("十" if tens else "")
        + (CN_NUMERALS[ones - 1] if ones else "")
    )


@st.composite
def labels(draw: st.DrawFn, convention: str, count: int) -> list[tuple[str, str]]:
    """(label as the parser reports it, label as written) for items 1..count, one style."""
    if convention in TABLE_CONVENTIONS:
        return [(str(n), str(n)) for n in range(1, count + 1)]
    if convention == "flattened":
        return [(str(n), f"{n} ") for n in range(1, count + 1)]
    style = draw(st.sampled_from(("{n}.", "{n}、", "{n}．", "({cn})", "（{cn}）", "({n})")))
    out = []
    for n in range(1, count + 1):
        written = style.format(n=n, cn=chinese_numeral(n))
        label = (
            str(n)
            if "(" not in written and "（" not in written
            else (f"({chinese_numeral(n)})" if "cn" in style else f"({n})")
        )
        out.append((label, written))
    return out


@st.composite
def generated_lists(draw: st.DrawFn, conventions: tuple[str, ...]) -> GeneratedList:
    convention = draw(st.sampled_from(conventions))
    count = draw(st.integers(1, 6))
    text = convention in TEXT_CONVENTIONS
    labelled = convention in ("inline-label", "label-lines")
    with_deadline = (convention in TABLE_CONVENTIONS or labelled) and draw(st.booleans())
    with_leaders = labelled and draw(st.booleans())
    section = ""
    items = []
    for label, written in draw(labels(convention, count)):
        if text and draw(st.integers(0, 3)) == 0:
            section = draw(st.sampled_from(SECTIONS))
        task = "，".join(
            draw(st.lists(st.sampled_from(TASKS), min_size=1, max_size=2, unique=True))
        )
        task = task.replace("，", ",")  # as normalized: tasks are compared as the parser gives them
        leaders = (
            tuple(draw(st.lists(st.sampled_from(LEADERS), min_size=1, max_size=2, unique=True)))
            if with_leaders
            else ()
        )
        items.append(
            Item(
                label,
                written,
                task,
                draw(item_runs(convention)),
                draw(st.sampled_from(DEADLINES)) if with_deadline else "",
                section,
                leaders,
            )
        )
    notice = NOTICE if draw(st.booleans()) else ()
    return GeneratedList(convention, tuple(items), with_deadline, notice)


@st.composite
def item_runs(draw: st.DrawFn, convention: str) -> tuple[Run, ...]:
    """The runs of units of one item, with the lead rule its convention gives them."""
    if convention == "marker":
        return (draw(unit_runs("marker")),)
    if convention == "state-council":  # (A、B负责): a connector before 负责 reads as 等…负责
        return (draw(unit_runs("first", connectors=False)),)
    if convention in ("first-column", "legend"):
        return (draw(unit_runs("first")),)
    if convention == "flattened":  # no connector: 等 would end the task's sentence, not the units
        return (draw(unit_runs("co", connectors=False)),)
    if convention == "lead-column":  # both cells filled: one cell per line cannot show a blank
        return (draw(unit_runs("lead", max_size=2)), draw(unit_runs("co")))
    # labelled runs: a lead run, a units run, or both
    lead = draw(unit_runs("lead", min_size=0, max_size=2))
    co = draw(unit_runs("co", min_size=0 if lead.mentions else 1))
    return tuple(run for run in (lead, co) if run.mentions)


# --- rendering ---


def table_of(generated: GeneratedList) -> tuple[list[str], list[list[str]], tuple[str, ...]]:
    """Header, rows and the note lines above the header, for a table convention."""
    units = {
        "marker": ["责任单位"],
        "lead-column": ["牵头单位", "责任单位"],
        "first-column": ["牵头责任单位"],
        "legend": ["责任单位"],
    }[generated.convention]
    header = ["序号", "主要工作", *units] + (["完成时限"] if generated.with_deadline else [])
    rows = [
        [item.label, item.task, *(run.text for run in item.runs)]
        + ([item.deadline] if generated.with_deadline else [])
        for item in generated.items
    ]
    notes = generated.notice + ((LEGEND,) if generated.convention == "legend" else ())
    return header, rows, notes


def lines_of(generated: GeneratedList) -> list[str]:
    """The lines of a text convention, title first."""
    lines = [TITLE, *generated.notice]
    section = ""
    for index, item in enumerate(generated.items):
        if item.section != section:
            section = item.section
            lines.append(f"{chinese_numeral(SECTIONS.index(section) + 1)}、{section}")
        lines += _item_lines(generated.convention, item, first=index == 0)
    return lines


def _item_lines(convention: str, item: Item, first: bool) -> list[str]:
    head = item.written_label + item.task
    fields = (
        ([f"责任领导：{'、'.join(item.leaders)}"] if item.leaders else [])
        + [
            f"{'牵头单位' if run.roles[0] == 'lead' else '责任单位'}：{run.text}"
            for run in item.runs
        ]
        + ([f"完成时限：{item.deadline}"] if item.deadline else [])
    )
    if convention == "inline-label":
        return [f"{head}（{'；'.join(fields)}）"]
    if convention == "label-lines":
        return [head, *fields]
    if convention == "state-council":
        legend = "。列第一位者为牵头单位，下同" if first else ""
        return [f"{head}。（{item.runs[0].text}负责{legend}）"]
    return [f"{head}. {item.runs[0].text}"]  # flattened


def expected_task(convention: str, item: Item) -> str:
    """The task as the parser gives it back: the sentence end it was written with stays."""
    return item.task + {"state-council": "。", "flattened": "."}.get(convention, "")


def render(generated: GeneratedList, fmt: str) -> tuple[bytes, str]:
    """The list as the bytes of a file of format ``fmt`` and a file name."""
    if generated.convention in TABLE_CONVENTIONS:
        header, rows, notes = table_of(generated)
        table = {"title": TITLE, "header": header, "rows": rows, "notes": notes}
        data = {
            "txt": lambda: builders.txt(**table),
            "csv": lambda: builders.csv_bytes("utf-8", **table),
            "xlsx": lambda: builders.xlsx(**table),
            "docx": lambda: builders.docx_table(**table),
            "html": lambda: builders.html("utf-8", **table),
        }[fmt]()
    else:
        lines = lines_of(generated)
        data = {
            "txt": lambda: "\n".join(lines).encode("utf-8"),
            "docx": lambda: builders.docx_lines(lines),
            "html": lambda: builders.html_lines(lines),
        }[fmt]()
    return data, f"清单.{fmt}"


# --- the checks ---


def assert_parses_back(
    generated: GeneratedList, fmt: str, edit: Callable[[bytes], bytes] | None = None
) -> None:
    """The rendered list (changed by ``edit`` first, when given) reads back as generated."""
    data, name = render(generated, fmt)
    doc = parse_bytes(edit(data) if edit else data, name)
    items = generated.items
    assert doc.items["item_label"].tolist() == [i.label for i in items]
    assert doc.items["task"].tolist() == [expected_task(generated.convention, i) for i in items]
    assert doc.items["deadline"].tolist() == [i.deadline for i in items]
    assert doc.items["leaders"].tolist() == ["、".join(i.leaders) for i in items]
    if generated.convention in TEXT_CONVENTIONS:
        assert doc.items["section"].tolist() == [i.section for i in items]
    expected = [
        (number, m.raw, m.canonical, m.sub_office, role)
        for number, item in enumerate(items, start=1)
        for run in item.runs
        for m, role in zip(run.mentions, run.roles)
    ]
    a = doc.assignments
    got = list(
        zip(
            a["item_no"],
            a["raw"],
            [SURFACES.get(u, u) for u in a["unit"]],
            a["sub_office"],
            a["role"],
        )
    )
    assert got == expected
    assert_accounted_for(doc)
    assert doc.report.leftovers == () and doc.report.flagged.empty


def assert_accounted_for(doc: ParsedDocument) -> None:
    """The conservation check holds and every mention belongs to an item."""
    assert doc.report.conservation_failures == ()
    assert set(doc.assignments["item_no"]) <= set(doc.items["item_no"])
    assert doc.report.mention_count == len(doc.assignments)


ALL_CONVENTIONS = TABLE_CONVENTIONS + TEXT_CONVENTIONS


@given(generated_lists(ALL_CONVENTIONS))
def test_generated_lists_parse_back_from_text(generated: GeneratedList) -> None:
    assert_parses_back(generated, "txt")


@settings(max_examples=100)
@given(generated_lists(TABLE_CONVENTIONS))
def test_generated_lists_parse_back_from_csv(generated: GeneratedList) -> None:
    assert_parses_back(generated, "csv")


@settings(max_examples=100)
@given(generated_lists(ALL_CONVENTIONS))
def test_generated_lists_parse_back_from_html(generated: GeneratedList) -> None:
    assert_parses_back(generated, "html")


@settings(max_examples=30)
@given(generated_lists(TABLE_CONVENTIONS))
def test_generated_lists_parse_back_from_xlsx(generated: GeneratedList) -> None:
    assert_parses_back(generated, "xlsx")


@settings(max_examples=30)
@given(generated_lists(ALL_CONVENTIONS))
def test_generated_lists_parse_back_from_docx(generated: GeneratedList) -> None:
    assert_parses_back(generated, "docx")


# --- damaged and edited input: parsed, or refused with our own error ---

DAMAGEABLE = {
    "清单.xlsx": builders.xlsx,
    "清单.docx": builders.docx,
    "清单.pdf": builders.pdf,
    "清单.html": builders.html,
    "清单.csv": builders.csv_bytes,
    "清单.txt": builders.txt,
}


@functools.cache
def sample(name: str) -> bytes:
    return DAMAGEABLE[name]()


def parses_or_is_refused(data: bytes, name: str) -> None:
    """The one property every input must have: tables that account for every mention, or
    ``ListError`` with a message (never another exception)."""
    try:
        doc = parse_bytes(data, name)
    except ListError as error:
        assert error.message and error.exit_code in (2, 3, 4)
        return
    assert len(doc.items) >= 1
    assert_accounted_for(doc)


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes overwritten, a stretch cut out, or its tail cut off."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        start = draw(st.integers(0, len(out) - 1))
        del out[start : start + draw(st.integers(1, 64))]
    if draw(st.booleans()):
        del out[draw(st.integers(len(out) // 2, len(out))) :]
    return bytes(out)


@settings(max_examples=100)
@given(st.sampled_from(sorted(DAMAGEABLE)), st.data())
def test_damaged_files_parse_or_are_refused_clearly(name: str, data: st.DataObject) -> None:
    parses_or_is_refused(data.draw(damaged(sample(name))), name)


@given(generated_lists(ALL_CONVENTIONS), st.data())
def test_edited_lists_parse_or_are_refused_clearly(
    generated: GeneratedList, data: st.DataObject
) -> None:
    """A generated list with stray characters typed into it and stretches deleted."""
    text = (
        "\n".join(lines_of(generated))
        if generated.convention in TEXT_CONVENTIONS
        else builders.txt(**dict(zip(("header", "rows", "notes"), table_of(generated)))).decode(
            "utf-8"
        )
    )
    alphabet = st.sampled_from(
        list("▲★、,;/()（）:：。.\n 1一各等负责牵头单位") + ["\t", "|", "**"]
    )
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + data.draw(alphabet) + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 6)) :]
    parses_or_is_refused(
        text.encode("utf-8"), data.draw(st.sampled_from(["清单.txt", "清单.html", "清单.csv"]))
    )


# --- what the properties found, kept as plain regression tests ---


def mentions_of(doc: ParsedDocument) -> list[tuple[str, str]]:
    return list(zip(doc.assignments["unit"], doc.assignments["role"]))


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # / separates units (发改局/财政局 read as 发改局 and an unknown "/财政局")
        (
            "清单.txt",
            "序号\n主要工作\n责任单位\n1\n推进数字经济\n发改局/财政局",
            [("发改局", "co"), ("财政局", "co")],
        ),
        (
            "清单.txt",
            "序号\n主要工作\n责任单位\n1\n推进数字经济\n▲发改局／财政局",
            [("发改局", "lead"), ("财政局", "co")],
        ),
        # a one-item State Council list: the legend inside the group hid the group from
        # detection, and the units were read as clauses (both lead)
        (
            "清单.txt",
            "1.推进数字经济发展。（发改局，财政局负责。列第一位者为牵头单位，下同）",
            [("发改局", "lead"), ("财政局", "co")],
        ),
        # a unit's office in brackets (推进办) read as a status where a merged units cell
        # falls: the row's units went into its deadline
        (
            "清单.txt",
            "序号\n主要工作\n牵头责任单位\n完成时限\n1\n推进数字经济发展\n各乡镇(街道)\n"
            "2024年底\n2\n推进数字经济发展\n市中国人民银行(推进办)等相关单位\n2024年底",
            [("各乡镇(街道)", "lead"), ("市中国人民银行", "lead")],
        ),
        # a CSV whose lines end in a lone \r (old Mac line ends) raised csv.Error
        (
            "清单.csv",
            "序号,主要工作,责任单位\r1,推进数字经济,发改局\r2,完善养老服务,财政局",
            [("发改局", "co"), ("财政局", "co")],
        ),
    ],
)
def test_found_by_the_properties(name: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions_of(parse_bytes(text.encode("utf-8"), name)) == expected


def test_a_csv_field_over_the_csv_size_limit_is_refused_clearly() -> None:
    data = ("序号,主要工作,责任单位\n1," + "长" * 200_000 + ",发改局\n").encode("utf-8")
    with pytest.raises(ListError, match="无法读取这个 CSV 文件"):
        parse_bytes(data, "清单.csv")


def test_a_zip_of_an_unknown_version_is_refused_clearly() -> None:
    """zipfile raises NotImplementedError, not BadZipFile, for a version it cannot read."""
    data = bytearray(builders.xlsx())
    data[data.index(b"PK\x01\x02") + 6] = 64  # "version needed to extract": 6.4
    with pytest.raises(ListError, match="无法打开这个 Excel 文件"):
        parse_bytes(bytes(data), "清单.xlsx")


def test_a_damaged_pdf_page_is_refused_clearly(monkeypatch) -> None:
    """pdfminer raises KeyError, PSSyntaxError … while reading a damaged page."""
    from pdfplumber.page import Page

    def damaged_page(self, *args, **kwargs):
        raise KeyError("DescendantFonts")

    monkeypatch.setattr(Page, "find_tables", damaged_page)
    with pytest.raises(ListError, match="无法打开这个 PDF 文件"):
        parse_bytes(builders.pdf(), "清单.pdf")


# --- our own export, edited as people edit it ---

EDITS = ("note_column", "total_row", "note_row", "blank_number", "huge_number", "text_number")


@functools.lru_cache(maxsize=2)
def exported_rows(table: str) -> tuple[list[str], tuple[list[str], ...]]:
    """The bundled list's export (Chinese headers) as a header and rows of cells."""
    import csv
    import io

    from lib.write.export import to_csv_bytes
    from tests.conftest import BUNDLED

    doc = parse_bytes(BUNDLED.read_bytes(), BUNDLED.name)
    frame = doc.assignments if table == "assignments" else doc.items
    rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"))))
    return rows[0], tuple(rows[1:])


@settings(max_examples=60)
@given(
    st.sampled_from(["assignments", "items"]),
    st.lists(st.sampled_from(EDITS), max_size=4),
    st.data(),
)
def test_an_edited_export_reads_back_or_names_the_row(
    table: str, edits: list[str], data: st.DataObject
) -> None:
    """Extra columns, totals and notes are set aside with a line each; a bad number is one
    Chinese sentence naming the row; every untouched data row is read back."""
    import csv
    import io

    header, original = exported_rows(table)
    rows = [list(row) for row in original]
    refused = set()  # indexes into the original rows
    for edit in edits:  # edits of data rows first, on the original rows
        at = data.draw(st.integers(0, len(rows) - 1))
        if edit == "note_column":
            rows[at] = [*rows[at][: len(header)], "已核实"]
        elif edit in ("blank_number", "huge_number", "text_number"):
            value = {"blank_number": "", "huge_number": "9" * 20, "text_number": "第一"}[edit]
            rows[at] = [rows[at][0], value, *rows[at][2:]]
            refused.add(at)
    lines = [(i, row) for i, row in enumerate(rows)]  # then rows people add between them
    for edit in edits:
        if edit in ("total_row", "note_row"):
            added = ["合计", str(len(rows))] if edit == "total_row" else ["注:以上由办公室核对"]
            lines.insert(data.draw(st.integers(0, len(lines))), (None, added))
    expected_ignored = sum(e in ("total_row", "note_row") for e in edits) + ("note_column" in edits)
    refused_lines = [n for n, (i, _) in enumerate(lines, start=2) if i in refused]
    rows = [row for _, row in lines]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    try:
        doc = parse_bytes(buffer.getvalue().encode("utf-8"), f"{table}.csv")
    except ListError as error:
        assert refused_lines, error.message
        assert f"第{refused_lines[0]}行" in error.message and "序号" in error.message
        return
    assert not refused_lines
    assert len(doc.report.ignored) == expected_ignored
    read = doc.assignments if table == "assignments" else doc.items
    assert len(read) == len(original)


# --- the shapes an independent attack found: page breaks, control characters, two lists ---

BREAKS = ["\f", "\v", "\u2028", "\u2029", "\x85"]
# NUL aside: a text with NUL bytes is taken for binary (or UTF-16) and refused, as it should
CONTROLS = [chr(c) for c in (*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F)]


@settings(max_examples=100)
@given(generated_lists(ALL_CONVENTIONS), st.sampled_from(BREAKS), st.data())
def test_page_and_line_breaks_of_every_kind_end_a_line(
    generated: GeneratedList, brk: str, data: st.DataObject
) -> None:
    """pdftotext's form feed, Word's vertical tab, NEL and the Unicode separators in place of
    line ends (before item numbers too, the last one included): nothing merges."""

    def edit(raw: bytes) -> bytes:
        lines = raw.decode("utf-8").split("\n")
        chosen = data.draw(st.sets(st.integers(0, max(len(lines) - 2, 0))))
        text = lines[0] + "".join(
            (brk if i in chosen else "\n") + line for i, line in enumerate(lines[1:])
        )
        return text.encode("utf-8")

    assert_parses_back(generated, "txt", edit)


@settings(max_examples=100)
@given(generated_lists(ALL_CONVENTIONS), st.data())
def test_control_characters_anywhere_are_removed_and_lose_nothing(
    generated: GeneratedList, data: st.DataObject
) -> None:
    def edit(raw: bytes) -> bytes:
        text = raw.decode("utf-8")
        for _ in range(data.draw(st.integers(1, 4))):
            at = data.draw(st.integers(0, len(text)))
            text = text[:at] + data.draw(st.sampled_from(CONTROLS)) + text[at:]
        return text.encode("utf-8")

    assert_parses_back(generated, "txt", edit)


@settings(max_examples=80)
@given(st.sampled_from(TEXT_CONVENTIONS), st.sampled_from(TEXT_CONVENTIONS), st.data())
def test_two_attachments_in_one_file_are_both_read(
    one: str, other: str, data: st.DataObject
) -> None:
    """Two lists, each under its 附件 heading and numbered from 1, without a table header, in
    one style or in two (each attachment is read in its own convention)."""
    first, second = data.draw(generated_lists((one,))), data.draw(generated_lists((other,)))
    parts = ["某市人民政府办公室关于印发两份清单的通知"]
    for number, generated in enumerate((first, second), start=1):
        parts += [f"附件{number}", *lines_of(generated)]
    doc = parse_bytes("\n".join(parts).encode("utf-8"), "清单.txt")
    items = [*first.items, *second.items]
    expected_tasks = [expected_task(g.convention, i) for g in (first, second) for i in g.items]
    assert doc.items["item_label"].tolist() == [i.label for i in items]
    assert doc.items["task"].tolist() == expected_tasks
    assert len(doc.assignments) == sum(len(run.mentions) for i in items for run in i.runs)
    assert_accounted_for(doc)
