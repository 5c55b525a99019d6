"""A progress report read into the progress table: each item's row with its period and
status (``progress_rows``, ``read_progress``); the headings, the opening and the closing
sentences that sort items by status; a workbook of a sheet per period read sheet by sheet."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from lib.analyse.progress.columns import _ticked, column_role
from lib.analyse.progress.figures import _due, _share
from lib.analyse.progress.periods import Period, reporting_period
from lib.analyse.progress.phrases import (
    Judged,
    _all_phrases,
    _done_title,
    _one_status,
    _phrase_in,
    _title_heading,
)
from lib.analyse.progress.status import _CJK_SPACE, _STATUS_ROLES, judge
from lib.parse.blocks import sheet_of
from lib.parse.errors import ListError
from lib.parse.labels import CIRCLED, LABEL_MARKS
from lib.parse.metadata import document_year
from lib.parse.pipeline import ParsedDocument, parse_read
from lib.parse.sources import read_blocks

PROGRESS_COLUMNS = (
    "doc_id",
    "base_doc_id",
    "item_no",
    "item_label",
    "period_start",
    "period_end",
    "status",
    "status_source",
    "evidence",
    "progress_text",
    "match_score",
)


_MEASURE = re.compile(r"单位$")  # 单位, 计量单位: what the figures count, not progress
_PLAN = "计划"  # a header naming the period's plan: 月度工作计划, 8月计划进度, 四季度计划目标


def progress_rows(doc: ParsedDocument, title_lines: list[str] = (), year: str = "") -> pd.DataFrame:
    """One row per item and period of a progress report (``PROGRESS_COLUMNS``; base_doc_id,
    item_no of the report itself and no score until the report is matched to its base list).

    Several progress columns with periods (1-10月推进情况, 1-11月推进情况) give a row each; an
    explicit status column and the remarks count for the latest period only.
    """
    notes = doc.notes
    roles = {h: column_role(h) for h in set(notes["header"])}
    for header, texts in notes.groupby("header")["text"]:
        if roles[header] == "mark" and not all(_ticked(t) is not None for t in texts):
            roles[header] = ""  # 已完成 over figures (3所): an amount done, no tick
    progress_headers = [h for h in dict.fromkeys(notes["header"]) if roles[h] == "progress"]
    if any(progress_headers) and "" in progress_headers:  # a table's progress columns: text
        progress_headers.remove("")  # after an item's units is a remark there
        roles[""] = "remark"
    if not progress_headers:  # no header says progress: the columns nobody named (第二季度),
        # the last in the header's order, never one of units of measure (单位: 人次, 万方)
        order = {h: i for i, h in enumerate(doc.report.header)}
        unnamed = [
            h for h in dict.fromkeys(notes["header"]) if roles[h] == "" and not _MEASURE.search(h)
        ]
        progress_headers = sorted(unnamed, key=lambda h: order.get(h, len(order)))[-1:]
    # the title and opening lines, then the header's other cells (8月份目标: the month planned)
    titles = [doc.meta.get("title", ""), *title_lines, *doc.report.header]
    year = document_year(doc.meta) or year  # a year the report writes comes first
    periods = {h: reporting_period([h, *titles], year) for h in progress_headers}
    goal_periods = {
        h: reporting_period([h, *titles], year) for h in roles if roles[h] in ("goal", "milestone")
    }
    # columns of one period (进展情况 and 完成情况 of the same quarter) make one row together
    groups: dict[tuple, list[str]] = {}  # by dates (1-3月 and 一季度 are one period), else label
    for h in progress_headers:
        period = periods[h]
        key = (period.start, period.end) if period.start else (period.label, period.months)
        groups.setdefault(key, []).append(h)
    columns = list(groups.values()) or [[None]]
    latest = columns[-1]
    planned = any(_PLAN in re.sub(r"\s+", "", h) for h in doc.report.header)
    by_item = {no: rows for no, rows in notes.groupby("item_no")}
    # a table (or form) with a column for progress: an item that leaves it empty reports none,
    # its task's words are no progress (running text without one writes progress in the task)
    named_progress = any(column_role(h) == "progress" for h in doc.report.header if h)
    # the last item, when the copy ends inside it: what its text leaves out is not known
    last_item = doc.items.iloc[-1] if len(doc.items) else None
    cut_item = (
        last_item["item_no"]
        if last_item is not None and last_item["item_label"] in doc.report.incomplete_items
        else None
    )
    summed = _summary_headings(title_lines, doc.items)  # …A、B等7项已完成: the items named
    summed |= _closing_headings(doc.items)  # …以上项目均低于全市平均进度: the items above
    titled = _title_heading(doc.meta.get("title", ""))  # 滞后项目情况表: the items' status
    if not titled and len(doc.items) == 1:  # a page of one item: its notice's opening lines
        # (…第43项已整改完成,并通过核查验收) say it is done (a 滞后 there is the office's
        # warning to all units, 各进度滞后的项目责任单位务必…)
        titled = next((t for t in title_lines if _done_title(t)), "")
    out = []
    for item in doc.items.itertuples(index=False):
        rows = by_item.get(item.item_no)
        cells = [] if rows is None else list(zip(rows["header"], rows["text"]))
        status_cells = [(h, t) for h, t in cells if roles.get(h) in _STATUS_ROLES]
        remarks = [t for h, t in cells if roles.get(h) == "remark"]
        rates = [(h, t) for h, t in cells if roles.get(h) == "rate"]
        due = _due(cells, roles)
        if due is not None:  # 序时进度 75% | 实际进度 60%: a bare share in a progress column too
            rates += [(h, t) for h, t in cells if roles.get(h) == "progress" and _share(t)]
        goals = [(h, t) for h, t in cells if roles.get(h) == "goal"]
        steps = [(h, t) for h, t in cells if roles.get(h) == "milestone"]
        heading = item.section or titled
        if item.item_no in summed and _phrase_in(heading, _all_phrases()[2]) is None:
            heading = summed[item.item_no]  # its heading names no status: the opening does
        done_before: tuple[str, Judged] | None = None  # an earlier period's column: done
        for headers in columns:
            period = periods.get(headers[0]) or reporting_period(titles, year)
            if due is not None and headers is latest:
                period = replace(period, due=due)
            text = [t for h, t in cells if h in headers]
            last = headers is latest
            judged = judge(
                text,
                status_cells if last else [],
                remarks if last else [],
                period,
                item.task if not cells and not named_progress else "",
                _without(item.task, [t for h, t in cells if h == ""]),
                rates if last else [],
                planned,
                heading,
                " ".join(t for h, t in goals if _same_period(goal_periods[h], period)),
                " ".join(t for h, t in steps if _same_end(goal_periods[h], period)),
            )
            if (
                judged.source == "heading"
                and item.item_no in summed
                and heading is summed[item.item_no]
            ):
                judged = replace(judged, source="summary")
            if (
                item.item_no == cut_item
                and judged.source in _FROM_WHOLE_TEXT
                and not "".join(text).rstrip().endswith("。")  # its progress written whole
            ):
                judged = Judged("unknown", "cut", "")  # the rest of its text is not there
            if judged.source == "none" and done_before is not None:  # blank after 已完成
                header, earlier = done_before
                judged = Judged("done", "earlier", f"{header}：{earlier.evidence or '已完成'}")
            elif judged.status == "done" and headers[0] is not None and not last:
                done_before = (_CJK_SPACE.sub("", headers[0]), judged)
            out.append(
                (
                    doc.doc_id,
                    "",
                    item.item_no,
                    item.item_label,
                    period.start,
                    period.end,
                    judged.status,
                    judged.source,
                    judged.evidence,
                    " ".join(text),
                    float("nan"),
                )
            )
    return pd.DataFrame(out, columns=list(PROGRESS_COLUMNS))


_CLAUSE_ENDS = re.compile(r"[;；。!！]")
_CLAUSE_BREAKS = re.compile(r"[,，]")
_NAME = re.compile(r"[^、:：]+")  # a name of an enumeration (A、B、C), or what goes before it
_COUNT_AFTER = re.compile(r"等?[\d一二三四五六七八九十]+(?:项|个|件)?[^、]*$")  # 等7项已完成
_QUOTED = re.compile(r"[\s“”\"‘’「」《》]")  # quotes and spaces around and in an opening's names
NAMED_SCORE = 90.0  # how alike a name in the opening and the opening of an item's task must be
_SHORTEST_NAME = 4  # characters: 助行 is too short to name an item by


def _summary_headings(lines: list[str], items: pd.DataFrame) -> dict[int, str]:
    """The report's opening sentences that sort the items by name into statuses
    (截至11月底,…A、B、C等7项已完成;D、E等4项工作正在稳步推进): item_no → the names and the
    status phrase, read for each item named as the heading it stands under (rule 4).

    A sentence counts when it names two items or more in an enumeration (A、B: no table row,
    no item's own line); each of its clauses (between commas) gives the items it names the one
    status written after the names (or, if none, before them: 其中已完成的有:A、B). A name is an
    item's when it is nearly the opening of the item's task (one item's, no tie). Lines of a
    table (cells between bars) are none.

    >>> items = pd.DataFrame({"item_no": [1, 2, 3], "task": ["新建公厕20座", "改造老旧小区", "建设停车场"]})
    >>> _summary_headings(["截至9月底,新建公厕、改造老旧小区等2项已完成,建设停车场正在推进。"], items)
    {1: '新建公厕…等2项已完成', 2: '改造老旧小区等2项已完成', 3: '建设停车场正在推进'}
    >>> _summary_headings(["新建公厕、改造老旧小区进展顺利,但建设停车场滞后"], items)[3]
    '建设停车场滞后'
    >>> _summary_headings(["其中,已完成的有:新建公厕、建设停车场"], items)
    {1: '已完成的有:新建公厕', 3: '已完成的有:…建设停车场'}
    """
    from rapidfuzz import fuzz, process

    tasks = [(no, _QUOTED.sub("", str(task))) for no, task in zip(items["item_no"], items["task"])]
    openings: dict[int, list[str]] = {}  # name length → every task's opening
    headings = _all_phrases()[2]
    out: dict[int, str] = {}
    for line in lines:
        if " | " in line:
            continue
        for sentence in _CLAUSE_ENDS.split(_QUOTED.sub("", line)):
            said: dict[int, str] = {}
            enumerated: set[int] = set()  # every item the sentence names
            for clause in _CLAUSE_BREAKS.split(sentence):
                named: list[tuple[int, int, int]] = []  # (item_no, start, end) of each name
                for piece in _NAME.finditer(clause):
                    name = _COUNT_AFTER.sub("", piece.group())
                    if len(name) < _SHORTEST_NAME:
                        continue
                    if len(name) not in openings:  # each task's opening, a little longer
                        openings[len(name)] = [task[: len(name) + 4] for _, task in tasks]
                    best = process.extract(
                        name,
                        openings[len(name)],
                        scorer=fuzz.partial_ratio,
                        limit=2,
                        score_cutoff=NAMED_SCORE,
                    )
                    if not best or (len(best) > 1 and best[1][1] == best[0][1]):
                        continue  # none alike, or two items open alike: the name says not which
                    aligned = fuzz.partial_ratio_alignment(name, best[0][0])
                    no = tasks[best[0][2]][0]
                    named.append(
                        (no, piece.start() + aligned.src_start, piece.start() + aligned.src_end)
                    )
                enumerated.update(no for no, _, _ in named)
                if not named:
                    continue
                after, before = clause[named[-1][2] :], clause[: named[0][1]]
                for text in (after, before):
                    found = _phrase_in(text, headings)
                    if found is not None and _one_status(text):
                        for no, start, end in named:  # the name and what it is said to be
                            name, first, last = (
                                clause[start:end],
                                start == named[0][1],
                                end == named[-1][2],
                            )
                            said[no] = (
                                f"{name}{'' if last else '…'}{after}"
                                if text is after
                                else f"{before}{'' if first else '…'}{name}"  # 已完成的有:…B
                            )
                        break
            if len(enumerated) >= 2 and "、" in sentence:
                out.update(said)
    return out


_ABOVE = re.compile(
    r"以上(?:项目|事项|工作|任务|各项|[\d一二三四五六七八九十]+(?:个|项|件)(?:项目|事项|工作|任务)?)?"
    r"(?:均|都|全部)[^。;；]*"
)


def _closing_headings(items: pd.DataFrame) -> dict[int, str]:
    """An item whose text closes with a sentence on all the items above it (1、…;2、…;4、…。以上
    项目均低于全市平均进度): item_no → that sentence, for each item before it numbered as it
    is, back to the first of the run (the points under one heading), read as their heading
    (rule 4) when it names one status.

    >>> items = pd.DataFrame({"item_no": [1, 2, 3, 4], "item_label": ["(一)", "1", "2", "3"],
    ...     "task": ["甲。", "乙。", "丙。", "丁。以上项目均低于全市平均进度。"]})
    >>> _closing_headings(items)
    {3: '以上项目均低于全市平均进度', 2: '以上项目均低于全市平均进度'}
    """
    labels, tasks = items["item_label"].astype(str).tolist(), items["task"].astype(str).tolist()
    out: dict[int, str] = {}
    for at, task in enumerate(tasks):
        said = _ABOVE.search(task)
        if said is None or not _one_status(said.group()):
            continue
        if _phrase_in(said.group(), _all_phrases()[2]) is None:
            continue
        style = _label_style(labels[at])
        before = at - 1
        while (
            before >= 0
            and _label_style(labels[before]) == style
            and _ABOVE.search(tasks[before]) is None
        ):
            out[int(items["item_no"].iloc[before])] = said.group()
            before -= 1
    return out


# statuses read from the whole of an item's text (figures found in it, no shortfall written):
# not to be read from a text the copy cuts short
_FROM_WHOLE_TEXT = ("figures", "rate", "year_end", "reported")


def _same_period(one: Period, other: Period) -> bool:
    """Two columns of one period (一季度目标 and 1-3月完成情况)."""
    if one.start and other.start:
        return (one.start, one.end) == (other.start, other.end)
    return one.months is not None and one.months == other.months


def _same_end(one: Period, other: Period) -> bool:
    """A step planned for the period the report ends with (8月份目标 in a report of 1-8月; a
    7月工作计划 in a report of 1-6月 plans the month to come)."""
    if one.end and other.end:
        return one.end == other.end
    return bool(one.months and other.months) and one.months[1] == other.months[1]


def _without(task: str, parts: list[str]) -> str:
    """The task without the progress written into it (a running-text report's text after the
    units, which the reader keeps in the task as well): what is left is the target."""
    for part in parts:
        task = task.replace(part, "")
    return task


def latest_status(progress: pd.DataFrame) -> pd.DataFrame:
    """Each item's row of its latest period."""
    ordered = progress.assign(_end=pd.to_datetime(progress["period_end"])).sort_values(
        ["item_no", "_end"], na_position="first", kind="stable"
    )
    return ordered.groupby("item_no").tail(1).drop(columns="_end").sort_values("item_no")


TITLE_LINES = 20  # the first lines of a report: its title, and a period written in its opening


def read_progress(data: bytes, name: str, year: str = "") -> tuple[ParsedDocument, pd.DataFrame]:
    """A progress report's document and its ``progress_rows``; ``ListError`` as for a list.
    ``year`` (the base list's) dates a period the report writes without one (1-11月). A
    workbook of a sheet per period (1-3月, 1-6月 …) is read sheet by sheet (``_by_sheet``)."""
    read = read_blocks(data, name)
    sheets = _period_sheets(read.blocks)
    if sheets and (by_sheet := _by_sheet(read, sheets, data, name, year)) is not None:
        return by_sheet
    doc = parse_read(read, data, name, units=False)  # read once; a report may name no unit
    lines = [b.text.strip() for b in read.blocks if b.text.strip()][:TITLE_LINES]
    return doc, progress_rows(doc, lines, year)


def _period_sheets(blocks: list) -> dict[str, list]:
    """A workbook's sheets named by the period they report (1-3月, 二季度, 上半年), two or more,
    each with its blocks; {} for any other file (a sheet's rows say ``1-3月!A5``)."""
    sheets: dict[str, list] = {}
    for block in blocks:
        if sheet := sheet_of(block.source_ref):
            sheets.setdefault(sheet, []).append(block)
    named = {s: b for s, b in sheets.items() if reporting_period([s]).months is not None}
    return named if len(named) >= 2 else {}


def _by_sheet(
    read, sheets: dict[str, list], data: bytes, name: str, year: str
) -> tuple[ParsedDocument, pd.DataFrame] | None:
    """Each sheet read as the report of its period: the first sheet's document and the rows
    of every period. None, to read the workbook whole, unless every sheet is read and holds
    the first sheet's items (each the same label and task, or the same labels in the same
    order): sheets of other items (1月 and 2月 each listing the items behind) are no periods
    of one table."""
    first: ParsedDocument | None = None
    rows = []
    for sheet, blocks in sheets.items():
        try:
            doc = parse_read(read._replace(blocks=blocks), data, name, units=False)
        except ListError:
            return None  # read whole, the reader says what it could not read
        lines = [sheet, *(b.text.strip() for b in blocks if b.text.strip())][:TITLE_LINES]
        found = progress_rows(doc, lines, year)
        if first is None:
            first = doc
        else:
            same = _same_items(first.items, doc.items)
            if same is None:
                return None
            found = found.assign(item_no=found["item_no"].map(same))
        rows.append(found.assign(doc_id=first.doc_id))
    return first, pd.concat(rows, ignore_index=True)


def _same_items(first: pd.DataFrame, other: pd.DataFrame) -> dict[int, int] | None:
    """Another sheet's item_no → the first sheet's, by label and task, else by place when
    both number their items alike; None when one of its items is not the first's."""
    keys = dict(zip(zip(first["item_label"], first["task"]), first["item_no"]))
    by_key = [keys.get(key) for key in zip(other["item_label"], other["task"])]
    if all(no is not None for no in by_key):
        return dict(zip(other["item_no"], by_key))
    if list(other["item_label"]) == list(first["item_label"]):
        return dict(zip(other["item_no"], first["item_no"]))
    return None


def _label_style(label: str) -> tuple[bool, str]:
    """How a label is numbered: bracketed or not, and arabic, circled or Chinese numerals."""
    core = label.strip(LABEL_MARKS)
    kind = "arabic" if core.isdigit() else "circled" if core[:1] in CIRCLED else "chinese"
    return label.startswith("("), kind
