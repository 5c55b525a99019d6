"""Progress reports: what each item's row says of its progress, for which period, and the
status a supervision office records (done, on_track, behind, not_started, unknown), each with
where it came from, so that a person can check it.

A progress report is read as any list (``parse_bytes``): its items and units, and beside them
the row's other columns (``ParsedDocument.notes``: 1-11月推进情况, 是否达序, 说明 …; text after
an item's units in running text). Which of them hold progress, an explicit status or a remark is
decided by the header's ending (``data/progress_headers.csv``); the words that decide a status
are in ``data/progress_phrases.csv``.

Status, in this order:
1. an explicit status column (是否达序: 是 → on_track, 否 → behind; 已完成 → done; a column
   asking whether the item is behind, 是否滞后: 是 → behind, 否 → on_track);
2. words in the progress or remark text, behind first (滞后, 未达序, 较大差距, 未完成), then
   not_started (尚未启动), done (全面完成, 完成全年目标), on_track (序时推进, 正在推进); the
   task's own words only for behind and not_started (a report that writes its progress into
   the item's sentence), since a list's task says what is to be done (确保完成全年目标);
3. a reported figure against the task's target of the same measure and like words: a rate or
   share as it is (target 增长6%, 1-6月 增长5.1%: behind), a quantity pro rata for the months
   the period covers (target 8个, 1-6月 3个: behind, 4 expected; 8个: done);
4. the heading the items stand under, when it names their status (a 督查通报's
   ``8项进展偏慢的市政府重点工作为:``, ``已完成的项目``), or the report's opening that names
   the item among those of one status (``…A、B等7项已完成``: source summary): that status;
5. with progress written and none of those: done when the period is a whole year (a year-end
   report lists what was done and names what fell short), else on_track (reported
   progressing, no delay named);
6. no progress written: unknown, unless an earlier period's column of the same row said
   done (a monthly sheet that leaves the months after 已全面完成 blank): done, from there.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import functools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pandas as pd

from lib.analyse.roles import item_roles
from lib.parse.blocks import sheet_of
from lib.parse.errors import ListError
from lib.parse.headers import INSTRUCTION_AFTER, PERIOD_AFTER
from lib.parse.labels import CIRCLED, LABEL_MARKS, label_number
from lib.parse.metadata import document_year
from lib.parse.pipeline import ParsedDocument, parse_read
from lib.parse.reference import DATA_DIR, read_data_csv
from lib.parse.schema import CHASED, STATUSES
from lib.parse.sources import read_blocks

if TYPE_CHECKING:  # targets is imported where a figure is compared (_by_figures), not at load
    from lib.analyse.targets import Target

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
_TEXT_ORDER = ("behind", "not_started", "done", "on_track")


@dataclass(frozen=True)
class Period:
    """A reporting period as written (1-11月, 上半年, 二季度, 2016年) and its dates."""

    label: str
    start: datetime.date | None
    end: datetime.date | None
    months: tuple[int, int] | None = None  # first and last month, known even without a year
    # the share of the task due by the period's end as the report states it for an item (a
    # 序时进度 column: 75%), and how it is written; None: the share of the year gone
    due: tuple[float, str] | None = field(default=None, repr=False)

    @property
    def year_end(self) -> bool:
        """The state at the end of the year: 2016年, 1-12月, 四季度, 下半年 (what is not done
        by then is behind)."""
        return self.last_month == 12

    @property
    def last_month(self) -> int | None:
        """The month the period ends in (11 for 1-11月, also when no year is written)."""
        return self.months[1] if self.months else None


_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTHS = re.compile(r"(?P<a>\d{1,2})\s*(?:月份?)?\s*(?:-|—|–|~|至|到)\s*(?P<b>\d{1,2})\s*月")
_UNTIL = re.compile(r"(?:截[至止]|(?<![\d月])至)\s*(?:\d{4}年)?(?P<b>\d{1,2})月")
_QUARTER = re.compile(r"(?P<first>前三季度)|第?(?P<q>[一二三四1-4])季度")
# 半年度完成情况, 半年工作进展: the first half (not 半年度督导)
_HALF = re.compile(r"(?P<h>上半年|下半年|半年度?(?=完成|进展|推进|落实|执行|工作|情况|目标|$|\)))")
_MONTH = re.compile(r"(?<![\d-])(?P<b>\d{1,2})月(?:份)?(?:底)?(?!\d{1,2}日)")  # not a date
# 2023年; 2020第四季度, 2021上半年: a year written straight before its period
# a year, not one compared with (超过2018、2019年同期, 比2019年, 较上年)
_YEAR = re.compile(
    r"(?<![比较])(?P<y>20\d{2})\s*(?:年(?!同期)|(?=第?[一二三四1-4]季度|[上下]半年|前三季度))"
)
_PUBLISHED = re.compile(r"(?P<y>20\d{2})-(?P<m>\d{1,2})-\d{1,2}")  # 2015-08-21 22:17
_UNDER_WAY = re.compile(r"进展|推进|实施情况|督查")  # a title on progress, not on what was done
_STRONG_YEAR = re.compile(r"全年|年度")  # a whole year's report, whatever date it is written on
_WHOLE_YEAR = re.compile(r"全年|年度|完成情况|实施情况|落实情况|执行情况|全部完成|全面完成|全完成")


def reporting_period(texts: list[str], year: str = "") -> Period:
    """The period a report covers, from its column headers and title (``texts``, the most
    telling first), with the year written there or ``year``.

    >>> reporting_period(["1-11月推进情况", "2023年区政府重点民生实事项目推进情况(1-11月)"])
    Period(label='1-11月', start=datetime.date(2023, 1, 1), end=datetime.date(2023, 11, 30), months=(1, 11))
    >>> reporting_period(["岳阳市1-11月12件重点民生实事工作落实情况"]).last_month
    11
    >>> [reporting_period([t], "2024").label for t in ("上半年落实情况", "二季度执行情况", "前三季度")]
    ['上半年', '二季度', '前三季度']
    >>> reporting_period(["半年度完成情况", "2020年度重点工作任务半年度完成情况"]).end
    datetime.date(2020, 6, 30)
    >>> reporting_period(["2016年为民办实事完成情况"]).end
    datetime.date(2016, 12, 31)
    """
    found_year = next((m["y"] for t in texts if (m := _YEAR.search(t))), year)
    y = int(found_year) if found_year else None
    for text in texts:  # the most telling text that names a period decides
        if m := _MONTHS.search(text):
            return _dates(m.group(0).replace(" ", ""), y, int(m["a"]), int(m["b"]))
        if m := _UNTIL.search(text):
            return _dates(m.group(0), y, 1, int(m["b"]))
        if m := _QUARTER.search(text):
            if m["first"]:
                return _dates(m.group(0), y, 1, 9)
            q = _CN[m["q"]]
            return _dates(m.group(0).removeprefix("第"), y, 3 * q - 2, 3 * q)
        if m := _HALF.search(text):
            return _dates(m["h"], y, 7, 12) if m["h"] == "下半年" else _dates(m["h"], y, 1, 6)
        if m := _MONTH.search(text):
            return _dates(m.group(0), y, 1, int(m["b"]))
        if (m := _YEAR.search(text)) and _WHOLE_YEAR.search(text):  # 2016年…完成情况
            # unless the opening says the day it reports (截止2024年6月10日): a 落实情况的通报
            # of a meeting's decisions in June
            later = texts[texts.index(text) + 1 :]
            until = next((u for t in later if (u := _UNTIL.search(t))), None)
            if until and not _STRONG_YEAR.search(text):
                return _dates(until.group(0), int(m["y"]), 1, int(until["b"]))
            # a report on the year's progress published before the year is out (2015年度…
            # 进展情况, dated 2015-08-21): the months before it was published
            dated = next((d for t in later if (d := _PUBLISHED.search(t))), None)
            if dated and dated["y"] == m["y"] and int(dated["m"]) < 12 and _UNDER_WAY.search(text):
                month = max(1, int(dated["m"]) - 1)
                return _dates(f"1-{month}月", int(m["y"]), 1, month)
            return _dates(f"{m['y']}年", int(m["y"]), 1, 12)
    return Period("", None, None)


def _dates(label: str, year: int | None, first: int, last: int) -> Period:
    if not 1 <= first <= last <= 12:
        return Period(label, None, None)
    if year is None:  # 1-11月 on a page that names no year: the months still tell the share
        return Period(label, None, None, (first, last))
    end = calendar.monthrange(year, last)[1]
    return Period(
        label, datetime.date(year, first, 1), datetime.date(year, last, end), (first, last)
    )


# a column of what is due by a period's end (一季度目标, 1-9月目标任务, 前三季度节点目标)
_PERIOD_GOAL = re.compile(r"(?:目标|计划|节点)(?:任务|进度|数)?$")
_ONE_MONTH = re.compile(r"\d{1,2}月份?")  # 8月份目标: that month's own work, not the year's so far


def _from_the_start(period: Period) -> bool:
    """A period counted from the year's start (1-9月, 截至9月底, 前三季度, 上半年, 一季度, 9月底),
    so that a goal for it is what is due by its end; a later quarter or one month (二季度,
    8月份) may plan only its own share."""
    if period.months is None or period.months[0] != 1:
        return False
    return period.months[1] == 1 or not _ONE_MONTH.fullmatch(period.label)


@functools.lru_cache(maxsize=1)
def _header_roles() -> tuple[tuple[str, str], ...]:
    rows = read_data_csv("progress_headers.csv")
    return tuple(sorted(((r["ending"], r["role"]) for r in rows), key=lambda p: -len(p[0])))


def column_role(header: str) -> str:
    """progress, status, lag (a status column asking whether the item is behind), finished (one
    asking whether it is done), mark (a column named by a status, ticked), due (the share of
    the task due, 序时进度 75%), remark, rate, plan (下步打算: what is to be done next, no
    status), goal (what is due by a period counted from the year's start, 1-6月目标),
    milestone (the step planned for a period of its own, 8月份目标: 开展招标) or "" (a column of
    something else), by the header's ending.

    >>> [column_role(h) for h in ("1-11月推进情况", "是否达序", "说明", "", "工作任务安排")]
    ['progress', 'status', 'remark', 'progress', '']
    >>> column_role("形象进度(%)"), column_role("任务完成率")
    ('rate', 'rate')
    >>> column_role("是否完成"), column_role("已完成"), column_role("进度情况滞后")
    ('finished', 'mark', 'mark')
    >>> [column_role(h) for h in ("一季度目标", "1-9月计划进度", "截至9月底目标", "9月底目标")]
    ['goal', 'goal', 'goal', 'goal']
    >>> column_role("二季度目标"), column_role("8月份目标"), column_role("年度目标")
    ('milestone', 'milestone', '')
    """
    text = re.sub(r"\s+", "", header)
    text = INSTRUCTION_AFTER.sub("", text)  # 是否达进度(未达进度注明原因)
    text = PERIOD_AFTER.sub("", text) or text  # 月度进展情况(1-3月)
    if not text:
        return "progress"  # text written after the units: a running-text report's progress
    if marked_status(text) or marked_answer(text):
        return "mark"  # 已完成 | 序时推进 | 滞后, 是否达序 是 | 否: a tick in one says the status
    if text.endswith(("(%)", "%")):
        return "rate"  # 形象进度(%), 1-8月实际完成率%: a share of the year's task done
    if _PERIOD_GOAL.search(text) and _from_the_start(reporting_period([header])):
        return "goal"  # 1-9月目标, 一季度目标: what is due by that period's end
    if _PERIOD_GOAL.search(text) and reporting_period([header]).months is not None:
        return "milestone"  # 8月份目标, 四季度计划目标: the period's own step (开展招标)
    return next((role for ending, role in _header_roles() if text.endswith(ending)), "")


@functools.lru_cache(maxsize=256)
def marked_status(header: str) -> str | None:
    """The status a column is named by (已完成, 序时推进, 滞后; under a progress header, as a
    two-row header names it: 进度情况已完成), whose tick says the item has it; else None.

    >>> marked_status("已完成"), marked_status("1-9月进展情况进度滞后"), marked_status("是否完成")
    ('done', 'behind', None)
    """
    named = _named_status(header)
    return _phrases()[0][named[1]] if named else None


def _named_status(header: str) -> tuple[str, str] | None:
    """(the header above, the status word) of a column named by a status: ("", 已完成),
    (进度情况, 滞后); None when the header is no such name."""
    text = re.sub(r"\s+", "", header)
    cells = _phrases()[0]
    if text in cells:
        return ("", text) if len(text) > 1 else None  # 是 | 否 are answers, no column's name
    phrase = next((p for p in sorted(cells, key=len, reverse=True) if text.endswith(p)), "")
    above = text[: -len(phrase)]
    if len(phrase) > 1 and column_role(above) in ("progress", "status"):
        return above, phrase
    return None


def _ticked_evidence(header: str, tick: str) -> str:
    """What a tick in a column named by a status says: 进度情况：滞后（√）, 已完成（√）."""
    above, phrase = _named_status(header)
    return f"{above}：{phrase}（{tick}）" if above else f"{phrase}（{tick}）"


def marked_answer(header: str) -> tuple[str, str] | None:
    """(是 or 否, the role of the question) of a column under a status column's question,
    named by its answer (是否达序 over 是 | 否: 是否达序是); else None.

    >>> marked_answer("是否达到序时进度否"), marked_answer("是否滞后是"), marked_answer("是否")
    (('否', 'status'), ('是', 'lag'), None)
    """
    text = re.sub(r"\s+", "", header)
    if len(text) < 3 or text[-1] not in ("是", "否"):
        return None
    role = column_role(text[:-1])
    return (text[-1], role) if role in ("status", "lag", "finished") else None


# a tick or a cross in a status column: 是 or 否
_TICKS = dict.fromkeys("√✓✔☑●", "是") | dict.fromkeys("×✗✘╳☒", "否")


def _ticked(cell: str) -> str | None:
    """是 or 否 for a tick, a cross or the word itself in a cell; else None."""
    clean = re.sub(r"[\s。.]", "", cell)
    clean = _TICKS.get(clean, clean)
    return clean if clean in ("是", "否") else None


@functools.lru_cache(maxsize=1)
def _phrases() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(status column value → status, status → text phrases, longest first)."""
    cells, texts, _ = _all_phrases()
    return cells, texts


@functools.lru_cache(maxsize=1)
def _all_phrases() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """As ``_phrases``, and status → the phrases that say it in a heading only (完成事项)."""
    cells: dict[str, str] = {}
    texts: dict[str, list[str]] = {s: [] for s in _TEXT_ORDER}
    headings: dict[str, list[str]] = {s: [] for s in _TEXT_ORDER}
    for row in _phrase_rows():
        if row["where"] == "cell":
            cells[row["words"]] = row["status"]
        elif row["where"] not in ("pending", "title"):  # read by _pending, _title_phrases
            (headings if row["where"] == "heading" else texts)[row["status"]].append(row["words"])
    longest = functools.partial(sorted, key=len, reverse=True)
    return (
        cells,
        {s: tuple(longest(w)) for s, w in texts.items()},
        {s: tuple(longest([*texts[s], *w])) for s, w in headings.items()},
    )


@dataclass(frozen=True)
class Judged:
    status: str
    source: str  # a key of STATUS_SOURCES
    evidence: str  # the words or the column value used


def judge(
    progress: list[str],
    status_cells: list[tuple[str, str]],
    remarks: list[str],
    period: Period,
    task: str = "",
    targets: str = "",
    rates: list[tuple[str, str]] = (),
    planned: bool = False,
    heading: str = "",
    goal: str = "",
    step: str = "",
) -> Judged:
    """An item's status from its row (see the module's docstring for the order); ``rates``
    are (header, cell) of the row's completion-rate columns (任务完成率, 占年任务之比);
    ``planned``: a column of the table plans the period's work (月度工作计划); ``heading``:
    the section the item stands under; ``goal``: what the row's column for the period says is
    due by its end (1-6月目标 开工5家), held against the figures as it is, not pro rata;
    ``step``: the stage of the works the row plans for the period (8月份目标: 开展招标), which
    progress at an earlier stage (对接协商) falls short of.

    >>> p = reporting_period(["1-11月"], "2023")
    >>> judge(["完成60%"], [("是否达序", "是")], [], p)
    Judged(status='on_track', source='column', evidence='是否达序：是')
    >>> judge(["完成30公里"], [("是否滞后", "否")], [], p).status
    'on_track'
    >>> [judge(["完成30公里"], [("是否达序", v)], [], p).status for v in ("否,正在推进", "是(已完成)")]
    ['behind', 'done']
    >>> judge(["完成30公里"], [("完成状态", "滞后序时进度")], [], p).evidence
    '完成状态：滞后序时进度'
    >>> judge(["在46个小区建成38个厢房"], [], ["项目于9月28才签订合同,滞后了2个月"], p).status
    'behind'
    >>> judge(["开工新建中小学校90所"], [], [], reporting_period(["2016年完成情况"])).source
    'year_end'
    >>> judge([], [], [], p).status
    'unknown'
    >>> judge(["50%(马站未开工"], [], [], p).status, judge(["尚未开工"], [], [], p).status
    ('behind', 'not_started')
    >>> judge(["整体进度已完成年度目标任务的95%"], [], [], p).status  # a share, not done
    'on_track'
    >>> judge(["整体进度已完成年度目标任务的55%"], [], [], p).evidence  # under 11 of 12 months
    '完成年度目标任务的 55%，1-11月序时进度 91.7%'
    >>> judge(["已完成。"], [], [], p)
    Judged(status='done', source='phrase', evidence='已完成')
    >>> judge(["已完成。 从1月1日起,标准提高到616元"], [], [], p).status
    'done'
    >>> judge(["已完成。 已制定方案"], [], [], p, planned=True).status
    'on_track'
    >>> [judge([t], [], [], p).status for t in ("该项目已于10月份完成并对外开放", "已于7月完成招标。")]
    ['done', 'on_track']
    >>> judge(["东路:已于4月初完工,待验收后通车。"], [], [], p).status  # one part of it
    'on_track'
    >>> judge([], [], [], p, heading="8项进展偏慢的市政府重点工作为")
    Judged(status='behind', source='heading', evidence='8项进展偏慢的市政府重点工作为')
    >>> judge(["1-5月,收入4亿元,增长4.2%,预计1-6月收入5亿元,增长6.2%。"], [], [], reporting_period([]), "", "收入增长5%").evidence
    '目标 5%，报告为 6.2%'
    """
    cells, phrases = _phrases()
    for header, value in status_cells:
        clean = _ticked(value) or re.sub(r"[\s。.]", "", value)  # √ | ×: 是 | 否
        header = _CJK_SPACE.sub("", header)  # 预警 等级: a header cell's line break
        role = column_role(header)
        said = f"{header}：{value.strip()}"
        if role == "mark":  # 已完成 | 序时推进 | 滞后 or 是 | 否 under 是否达序, one ticked
            answer = marked_answer(header)
            status = None
            if clean == "是" and answer:  # 是否达序 否 ticked: as 是否达序：否
                status, said = _answer(*answer, period), f"{header[:-1]}：{answer[0]}"
            elif clean == "是":  # 进度情况 滞后 ticked: 进度情况：滞后（√）
                status, said = marked_status(header), _ticked_evidence(header, value.strip())
        elif clean in ("是", "否"):
            status = _answer(clean, role, period)
        else:
            status = cells.get(clean) or _status_written(clean, role, period)
        if status is not None:
            if status == "on_track" and (done := _done_written(progress)) is not None:
                return done  # 是否达序: 是, and its progress 已全部完成: more than on schedule
            return Judged(status, "column", said)
    texts = [t for t in (*progress, *remarks, *(cell for _, cell in rates)) if t.strip()]
    for text in progress:  # a progress cell that says only 已完成 (or 完成, 滞后 …), or opens
        # with it as a sentence of its own (已完成。 从1月1日起…) where no column plans the
        # period's work (月度工作计划: its 已完成。 is the month's plan done): that status
        whole = re.sub(r"[\s。.]", "", text)
        # (not where the row's further measures follow after a ; : 已全部完成。;新增托位336个。)
        opening = "" if planned or _MEASURES in text else re.split(r"[。;!]", text.strip())[0]
        for clean in (whole, opening):
            if clean in cells and len(clean) > 1:
                return Judged(cells[clean], "phrase", clean)
    for text in remarks:  # a remark that says only 已完成 (备注: 已完成): that status
        whole = re.sub(r"[\s。.]", "", text)
        if whole in cells and len(whole) > 1:
            return Judged(cells[whole], "phrase", whole)
    # the heading the item is listed under, or the title that names its status
    under = _phrase_in(heading, _all_phrases()[2]) or (
        _phrase_in(heading, _title_phrases()) if _one_status(heading) else None
    )
    for status in _TEXT_ORDER:
        # 正在推进 under 滞后项目, 持续开展 under 已完成整改…公示: the heading's word stands
        against = status == "on_track" and under is not None and under[0] in (*_SHORT, "done")
        if against and not any(_TIMETABLE in p for p in phrases[status] for t in texts if p in t):
            break  # 征迁正在推进 in an item listed under 滞后项目: the heading's word stands,
            # unless the item says it keeps to the timetable (均达序时进度)
        if status == "on_track" and (waiting := _pending(progress)) is not None:
            return waiting
        if status == "on_track" and (rated := _by_rate(rates, period)) is not None:
            return rated  # 完成率 60% against 序时 75%: the figures outweigh 正在推进
        if status == "on_track" and (met := _by_goal(progress, goal, period, targets)) is not None:
            return met  # 1-6月目标 开工5家, 已开工3家: behind, whatever words go with it
        if status == "on_track" and (short := _by_stage(progress, step, period)) is not None:
            return short  # 8月份目标 开展招标, 对接协商确定项目事宜: behind
        # the task's own words count only for a shortfall (a report that writes its progress
        # into the item's sentence: …1-6月完成1589辆,与全年目标有较大差距): a list's task
        # says 确保完成全年目标 of what is to be done
        for text in (*texts, task) if status in ("behind", "not_started") else texts:
            for phrase in phrases[status]:
                at = text.find(phrase)
                if at >= 0 and (status != "done" or _says_done(text, at, phrase)):
                    if status == "done" and not _every_part_done(text, phrases["done"]):
                        continue  # 已全部完成。;新增托位336个。: one measure of several
                    if status == "not_started" and _PART_DONE.search(text):
                        status = "behind"  # 50%(马站未开工): under way, a part not started
                    rated = _by_rate(rates, period) if status == "done" else None
                    if rated is not None and rated.status != "done":
                        return rated  # 超额完成 a part, the completion rate 72%: not done
                    return Judged(status, "phrase", _around(text, at, len(phrase)))
            dated = _DONE_ON_DATE.search(text) if status == "done" else None
            if dated and _the_item(text[: dated.start()], targets):  # 该项目已于10月份完成
                return Judged("done", "phrase", _around(text, dated.start(), len(dated.group())))
    by_rate = _by_rate(rates, period) or _by_rate(_year_shares(progress), period)
    if by_rate is not None:
        return by_rate
    if (met := _by_goal(progress, goal, period, targets)) is not None:
        return met
    if (short := _by_stage(progress, step, period)) is not None:
        return short
    by_figures = _by_figures(" ".join(progress), targets, period)
    if by_figures is not None and by_figures.status == "done":
        part = _unfinished_share(" ".join(progress))
        if part is not None:  # 1721套 reached in number, the works 已完成总工程量的90%
            return _by_rate([("工程进度", part)], period) or by_figures
    if by_figures is not None:
        return by_figures
    if under is not None:
        return Judged(under[0], "heading", heading)
    if any(t.strip() for t in progress):
        if period.year_end:
            return Judged("done", "year_end", "")
        return Judged("on_track", "reported", "")
    return Judged("unknown", "none", "")


def _answer(answer: str, role: str, period: Period) -> str | None:
    """The status a status column's 是 or 否 gives: 是否滞后 asks whether behind, 是否完成
    whether done (否: behind at the year's end, else the text decides), the others whether on
    schedule."""
    if role == "lag":
        return _ASKED_BEHIND[answer]
    if role == "finished":
        return "done" if answer == "是" else ("behind" if period.year_end else None)
    return _phrases()[0][answer]


def _status_written(value: str, role: str, period: Period) -> str | None:
    """A status cell that says more than a word of ``progress_phrases.csv`` (提前完成, 滞后序时进度,
    否,正在推进, 是(已完成)): its words, a shortfall or completion first, then an answer it
    opens with, then words of progress."""
    found = _phrase_in(value, _phrases()[1])
    if found is not None and found[0] != "on_track":
        return found[0]
    if value[:1] in ("是", "否") and value[1:2] in _AFTER_ANSWER:
        said = _phrases()[0].get(value[2:].rstrip(")"), "")  # 是(已完成): what it says
        return (
            said if said in ("done", "behind", "not_started") else _answer(value[:1], role, period)
        )
    return found[0] if found is not None else None


_AFTER_ANSWER = frozenset("(,;:、")  # 是(已完成), 否,正在推进: an answer, then what it says


_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# columns whose cells say the status: 是否达序, 是否滞后, 是否完成, a ticked 已完成
_STATUS_ROLES = ("status", "lag", "finished", "mark")
# the answer to a column asking whether the item is behind (是否滞后, 是否超期)
_ASKED_BEHIND = {"是": "behind", "否": "on_track"}


def _done_written(progress: list[str]) -> Judged | None:
    """The task written done in the progress (已完成。, 已全部完成, 已完成全年目标), no shortfall
    beside it.

    >>> _done_written(["已完成。 共改造管网20公里"]).evidence, _done_written(["已改造16公里"])
    ('已完成', None)
    """
    cells, phrases = _phrases()
    texts = [t for t in progress if t.strip()]
    if any(p in t for status in _SHORT for p in phrases[status] for t in texts):
        return None
    for text in texts:
        opening = re.split(r"[。;!]", text.strip())[0]
        if cells.get(opening) == "done" and len(opening) > 1:  # 已完成。 …: said first
            return Judged("done", "phrase", opening)
        for phrase in phrases["done"]:
            at = text.find(phrase)
            if at >= 0 and _says_done(text, at, phrase):
                return Judged("done", "phrase", _around(text, at, len(phrase)))
    return None


def _every_part_done(text: str, done: tuple[str, ...]) -> bool:
    """Each measure of a row written over rows (joined 。; by the reader: 已全部完成。;新增托位
    336个。) says it is done: else one measure done is not the item done."""
    parts = [part for part in text.split(_MEASURES) if part.strip(" 。")]
    return len(parts) < 2 or all(any(p in part for p in done) for part in parts)


_MEASURES = "。;"  # a row's cell, then the next measure's (the reader joins a row's rows with ;)


def _says_done(text: str, at: int, phrase: str) -> bool:
    """The done phrase at ``at`` is neither negated (未全面完成) nor a share of the task
    (完成年度目标任务的55%)."""
    return not _negated(text, at) and not _SHARE_OF.match(text, at + len(phrase))


# a share of the work done, not 0%, or a count of works begun (开工2个,未开工3个)
_SHORT = ("behind", "not_started")
_TIMETABLE = "序时"  # an on-track phrase naming the timetable (达到序时进度) outweighs a heading

_PART_DONE = re.compile(
    r"(?<![\d.])[1-9]\d*(?:\.\d+)?%|(?<![未尚没])(?:开工|建成|完工|启动)[1-9]\d*[个项座所处家条]"
)
# the whole work done on a date: 已于10月份完成并对外开放, 已于6月底竣工。 (not 已于7月完成招标:
# a step, its object after the verb)
_DONE_ON_DATE = re.compile(
    r"已于[^,;。:]{1,12}?(?:全面|全部)?(?:完成|建成|竣工|完工|建成投用|投入使用)(?=[并,;。]|$)"
)
_ITEM_WORDS = ("", "该项目", "本项目", "项目", "该工程", "工程")  # the item itself, as a subject


def _the_item(before: str, task: str) -> bool:
    """The words before a verb in its clause name the item itself: none, 该项目, or the task's
    own words (金竹锦园…建设已于10月份完成), not one of its parts (艳阳路西延:已于4月初完工)."""
    subject = re.split(r"[,;。]", before)[-1].strip().removesuffix(":")
    return subject in _ITEM_WORDS or (subject in task and len(subject) >= 0.6 * len(task) > 0)


_DONE_VERBS = re.compile(
    r"^(?:已|累计|共|新)?(?:完成|建成|新建|建设|实现|开工|改造|新增|提升|优化)+"
)
METRIC_MATCH = 60.0  # how alike a target's and a reported figure's words must be


def _by_goal(progress: list[str], goal: str, period: Period, targets: str) -> Judged | None:
    """The reported figures against the period's own goal (1-6月目标 开工5家): due in full by
    the period's end, so not pro rata; the goal reached and the task's ``targets`` too: done."""
    if not goal.strip():
        return None
    whole = replace(period, months=(1, 12) if period.year_end else (12, 12), due=None)
    judged = _by_figures(" ".join(progress), goal, whole)
    if judged is None:
        return None
    whole_task = _by_figures(" ".join(progress), targets, period) if targets else None
    if judged.status == "done" and whole_task is not None and whole_task.status == "done":
        return whole_task  # the year's target reached too
    if judged.status == "done" and not period.year_end:
        status = "on_track"  # the period's goal reached; the year's task is not yet done
    else:
        status = judged.status
    evidence = judged.evidence.split("（")[0]  # no 序时应达: the goal is the period's own
    return Judged(status, "goal", evidence.replace("目标", f"{period.label or '本期'}目标", 1))


@functools.lru_cache(maxsize=1)
def _stage_words() -> tuple[tuple[str, int], ...]:
    """(word, stage) of data/progress_stages.csv (its # lines are comments), longest first."""
    with open(DATA_DIR / "progress_stages.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return tuple(sorted(((r["words"], int(r["stage"])) for r in rows), key=lambda p: -len(p[0])))


_STAGE_PLANNED = re.compile(r"(?:预计|计划|拟|将|后续|待|准备|力争)[^,;。,]{0,4}$")
_STAGE_NOT = re.compile(r"(?:未|尚未|没有)$")
_STAGE_THROUGH_BEFORE = re.compile(r"完成[^,;。,]{0,4}$")  # 已完成设计招标: through
_STAGE_THROUGH_AFTER = re.compile(r"^[^,;。,]{0,4}?(?:已?完成|结束|完毕)")  # 招标已完成


def stage_reached(text: str) -> tuple[float, str] | None:
    """(stage, words) of the furthest stage of the works a text says reached or under way, a
    half more when it is through (已完成招标: 2.5); None when it names none.

    >>> [stage_reached(t)[0] for t in ("正在招标", "已完成招标监理审核", "对接协商确定项目事宜", "进场施工")]
    [2, 2.5, 1, 4]
    >>> stage_reached("正在协调落实项目资金及后续政府采购") is None, stage_reached("尚未开工") is None
    (True, True)
    >>> stage_reached("已完成施工图设计")[0], stage_reached("已取得施工许可证")[0]  # not 施工 yet
    (1.5, 3)
    """
    taken: list[tuple[int, int]] = []
    best: tuple[float, str] | None = None
    for word, stage in _stage_words():
        for match in re.finditer(re.escape(word), text):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue  # 施工单位 read, its 施工 is no second stage
            taken.append((start, end))
            before, after = text[max(0, start - 8) : start], text[end : end + 8]
            if _STAGE_PLANNED.search(before) or _STAGE_NOT.search(before):
                continue
            through = bool(
                _STAGE_THROUGH_BEFORE.search(before) or _STAGE_THROUGH_AFTER.search(after)
            )
            reached = stage + (0.5 if through else 0)
            if best is None or reached > best[0]:
                best = (reached, _around(text, start, end - start))
    return best


def _by_stage(progress: list[str], step: str, period: Period) -> Judged | None:
    """Behind when the progress is at an earlier stage of the works than the step the row
    plans for the period (8月份目标: 已完成招标监理审核; 进展情况: 正在招标); None when either
    names no stage, or the progress has reached the step."""
    planned = stage_reached(step) if step.strip() else None
    got = stage_reached(" ".join(progress)) if planned is not None else None
    if planned is None or got is None or got[0] >= planned[0]:
        return None
    label, plan, reached = (
        period.label or "本期",
        planned[1].rstrip("。;；"),
        got[1].rstrip("。;；"),
    )
    return Judged("behind", "stage", f"{label}目标：{plan}；进展：{reached}")


def _by_figures(progress: str, targets: str, period: Period) -> Judged | None:
    """Reported figures against the task's targets of the same measure and words: a growth
    rate or a share (%) against the target itself, a quantity against the target pro rata for
    the months the period covers (target 8个, 1-6月 reported 3个: behind, 4 expected). With
    several targets, the one furthest behind decides (5万千瓦 reached, 6232 of 1.2万户 not:
    not done); of figures of one measure written twice, the later. None when no figure of the
    progress matches a target (a quantity's only when the period is known)."""
    if not progress.strip() or not targets:
        return None
    from rapidfuzz import fuzz

    from lib.analyse.targets import extract_targets

    # a figure the progress says is needed or planned (共需安装路灯1108盏, 拟新增200张) is no
    # figure reached
    reported = [got for got in extract_targets(progress) if not _NEEDED.search(got.metric)]
    goals = extract_targets(targets)
    bare = _BARE_FIGURE.fullmatch(progress.strip().rstrip("。"))
    if not reported and bare and len(goals) == 1 and goals[0].measure_unit == bare["unit"]:
        # a cell that is only a figure (4家) under a target column (3家): the target's figure
        reported = [replace(goals[0], value=float(bare["value"]), span=bare.group())]
    named = _rates_named(reported)
    judged = []
    for goal in goals:
        if period.last_month is None and goal.measure_unit != "%":
            continue  # a quantity is counted up over the year: without a period, no measure
        best = None
        wanted = _measure_words(goal.metric)
        for got, alias in zip(reported, named):
            if _scaled(got)[1] != _scaled(goal)[1] or goal.value <= 0:
                continue
            if not wanted:  # 新增40台, 完工20台: what is counted is the verb's, said alike
                alike = not _measure_words(got.metric) and _verb(got.metric) == _verb(goal.metric)
                if alike:  # of figures said alike twice, the later
                    best = (100.0, got)
                continue
            score = fuzz.partial_ratio(wanted, _measure_words(got.metric))
            if score < METRIC_MATCH:  # 增幅10.4% alone: as the rate of the figure before it
                score = fuzz.partial_ratio(wanted, _measure_words(alias.metric))
            if score < METRIC_MATCH:  # 完成14个住宅小区新增充电设施: what was counted, after it
                score = fuzz.partial_ratio(wanted, _object_after(progress, got))
            if score < METRIC_MATCH and _verb_only(got, goal, goals, reported, progress):
                score = METRIC_MATCH  # 已建成8家 under 建成城市书房10家: the task's one figure
            # the same measure written twice (1-5月增长4.2%, 预计1-6月增长6.2%): the later
            if score >= METRIC_MATCH and (best is None or score >= best[0]):
                best = (score, got)
        if best is not None:
            judged.append(_figure_status(goal, best[1], period))
    return min(judged, key=lambda j: _FIGURE_ORDER.index(j.status), default=None)


def _verb_only(
    got: Target, goal: Target, goals: list[Target], reported: list[Target], progress: str
) -> bool:
    """A reported figure written with only its verb (已建成8家, 新增2000人) stands for the
    task's only target of its measure when the verb is the target's own or 完成 (已开工3家 is
    not 建成…10家), and it is the only figure of that measure so written."""
    if _measure_words(got.metric) or _object_after(progress, got).strip():
        return False
    alike = [g for g in goals if _scaled(g)[1] == _scaled(goal)[1]]
    wanted = _verb(goal.metric)
    same = [
        r
        for r in reported
        if _scaled(r)[1] == _scaled(got)[1] and (said := _verb(r.metric))
        if said == "完成" or said in wanted
    ]
    return len(alike) == 1 and same == [got]


def _verb(metric: str) -> str:
    """The verb a figure opens with, without 已 or 累计: 已建成 → 建成."""
    m = _DONE_VERBS.match(metric)
    return re.sub(r"^(?:已|累计|共)", "", m.group(0)) if m else ""


def _measure_words(metric: str) -> str:
    """A figure's measure without its verb (完成, 新增 …), its abbreviations written out
    (GDP → 地区生产总值, 规上工业 → 规模以上工业: data/measure_aliases.csv)."""
    words = _DONE_VERBS.sub("", metric)
    for alias, text in _measure_aliases():
        if alias in words:
            words = words.replace(alias, text)
    return words


@functools.lru_cache(maxsize=1)
def _measure_aliases() -> tuple[tuple[str, str], ...]:
    rows = read_data_csv("measure_aliases.csv")
    return tuple(sorted(((r["alias"], r["text"]) for r in rows), key=lambda p: -len(p[0])))


_OBJECT_END = re.compile(r"[,;。、(，；（]")


def _object_after(text: str, got: Target) -> str:
    """The words after a reported figure, to its clause's end (``14个住宅小区新增…设施`` →
    住宅小区新增…设施): what it counts when its metric is written after it."""
    at = text.find(got.span)
    if at < 0 or not got.span:
        return ""
    rest = text[at + len(got.span) :]
    end = _OBJECT_END.search(rest)
    return rest[: end.start()] if end else rest


@functools.lru_cache(maxsize=1)
def _rate_words() -> frozenset[str]:
    with open(DATA_DIR / "rate_words.txt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and line[0] != "#")


def _rates_named(reported: list[Target]) -> list[Target]:
    """A rate written with only a rate's word (…总额451.27亿元,增幅10.4%) named after the
    figure before it (总额增幅), so that it meets the target of what grows."""
    named = list(reported)
    for i in range(1, len(named)):
        got = named[i]
        bare = _COMPARED.sub("", got.metric)  # 较上年同期增长2.4%: a rate's word
        if got.measure_unit == "%" and (got.metric in _rate_words() or bare in _rate_words()):
            named[i] = replace(got, metric=named[i - 1].metric + got.metric)
    return named


_NEEDED = re.compile(r"需|拟")
_COMPARED = re.compile(r"^(?:较|比|与)(?:上年|去年|上一年)(?:同期)?(?:相比)?")
_BARE_FIGURE = re.compile(r"(?P<value>\d+(?:\.\d+)?)(?P<unit>[万亿]?[\u4e00-\u9fff]{1,2}|%)")
_FIGURE_ORDER = ("behind", "on_track", "done")  # the worst of several targets first


_SCALES = {
    "万": 1e4,
    "亿": 1e8,
}  # 1.2万户 is 12000户: a measure's own 千 (千瓦, 千米) is not scaled


def _scaled(target: Target) -> tuple[float, str]:
    """(value, measure) with 万 and 亿 worked out: 1.2万户 → (12000, 户)."""
    unit = target.measure_unit
    if len(unit) > 1 and unit[0] in _SCALES:
        return target.value * _SCALES[unit[0]], unit[1:]
    return target.value, unit


# a rate that measures a change over the year (增长8%, 涨幅), not a level (覆盖率达到95%,
# 提高到95%)
_CHANGE = re.compile(r"增长|增速|增幅|涨幅|上涨|减少|增加|(?:下降|降低|提高|提升)(?![到至])")
_LEVEL = re.compile(r"率(?:已?达到|已?达|保持在?|稳定在|提高到|提升到|提高至|提升至)?$")


def _figure_status(goal: Target, got: Target, period: Period) -> Judged:
    """One target against the figure reported for it: a range's lower end is its target
    (增长7%~7.5%, 7% reported: on track); a ceiling (控制在3%以内, 1.7% reported) is kept by a
    figure at or under it, in any period, not pro rata.

    >>> from lib.analyse.targets import extract_targets
    >>> p = reporting_period(["1-6月"], "2023")
    >>> [_figure_status(extract_targets(t)[0], extract_targets(r)[0], p).status
    ...  for t, r in (("增长7%~7.5%", "增长7%"), ("失业率控制在3%以内", "失业率1.89%"), ("控制在3%左右", "涨幅3.4%"))]
    ['on_track', 'on_track', 'behind']
    """
    from lib.analyse.targets import CEILING

    (wanted, measure), (value, _) = _scaled(goal), _scaled(got)
    if goal.value_min is not None:  # 7%~7.5%: the lower end reached is the target reached
        wanted = wanted * goal.value_min / goal.value
    if any(word in goal.span for word in CEILING):  # a ceiling kept, or not
        kept = ("done" if period.year_end else "on_track") if value <= wanted else "behind"
        return Judged(kept, "figures", f"目标 {goal.span}，{period.label or '报告'}为 {got.span}")
    if goal.measure_unit == "%":  # a rate or a share is compared as it is, in any period;
        # reached at the year's end, it is done, and so is a level reached at any time (利用率
        # 达到92%): a change over the year (增长8%) may still fall back
        expected = wanted
        done = period.year_end or bool(
            _LEVEL.search(goal.metric) and not _CHANGE.search(goal.metric)
        )
        status = ("done" if done else "on_track") if value >= wanted else "behind"
    else:
        expected = wanted * period.last_month / 12  # a quantity is counted up over the year
        if value >= wanted:
            status = "done"
        elif period.year_end or value < expected:
            status = "behind"
        else:
            status = "on_track"
    pro_rata = goal.measure_unit != "%" and status != "done"
    evidence = f"目标 {goal.span}，{period.label or '报告'}为 {got.span}" + (
        f"（序时应达 {_amount(expected, measure)}）" if pro_rata else ""
    )
    return Judged(status, "figures", evidence)


def _amount(value: float, measure: str) -> str:
    """A figure as a reader writes it: 1544万元, 2.3亿元, 8500人 (never 1.54e+07元).

    >>> _amount(15440000, "元"), _amount(230000000, "元"), _amount(8500, "人"), _amount(2.5, "个")
    ('1544万元', '2.3亿元', '8500人', '2.5个')
    """
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if value >= size and value >= 1e5:
            return f"{value / size:.4g}{word}{measure}"
    return f"{value:.4g}{measure}" if value < 1e4 else f"{value:.0f}{measure}"


_RATE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)%")


def _by_rate(rates: list[tuple[str, str]], period: Period) -> Judged | None:
    """The share of the year's task done (任务完成率 72%) against the share of the year gone
    (序时进度: 7/12 after 1-7月): every indicator at 100% or more is done, any under the
    share of the year gone is behind, else on track. None without a percentage, or without a
    period unless every indicator is at 100% or more.

    >>> p = reporting_period(["1-7月"], "2019")
    >>> [_by_rate([("任务完成率", r)], p).status for r in ("72%", "29%", "100.1%;102.2%")]
    ['on_track', 'behind', 'done']
    >>> _by_rate([("任务完成率", "100%;61.4%")], reporting_period(["1-11月"])).evidence
    '任务完成率 61.4%，1-11月序时进度 91.7%'
    >>> _by_rate([("累计进度", "102.12%")], reporting_period([])).status
    'done'
    >>> _by_rate([("累计进度", "96.64%")], reporting_period([])) is None
    True
    >>> due = replace(p, due=(75.0, "序时进度 75%"))  # the report's own
    >>> _by_rate([("实际进度", "60%")], due).evidence
    '实际进度 60%，序时进度 75%'
    """
    found = [(h, float(m[1]), m[0]) for h, cell in rates for m in _RATE.finditer(cell)]
    if not found:
        return None
    header, lowest, written = min(found, key=lambda f: f[1])
    if period.due is not None:  # the report's own 序时进度 for the item
        expected, stated = period.due
    elif period.last_month is None:  # a report that names no period: only a whole task done
        return Judged("done", "rate", f"{header} {written}") if lowest >= 100 else None
    else:
        expected = 100 * period.last_month / 12
        stated = f"{period.label or '报告期'}序时进度 {expected:.1f}%"
    if lowest >= 100:
        status = "done"
    elif period.year_end or lowest < expected:
        status = "behind"
    else:
        status = "on_track"
    return Judged(status, "rate", f"{header} {written}，{stated}")


# 完成年度目标任务的41.3%, 占年度目标任务的18.9%, 完成任务数的108.97%: the share of the task done
_YEAR_SHARE = re.compile(r"(?:完成|占)(?:年度|全年)?(?:目标)?任务数?的\s*(\d+(?:\.\d+)?%)")


def _year_shares(progress: list[str]) -> list[tuple[str, str]]:
    """(words, share) of each share of the year's task a progress text states, as rates; a
    progress cell that is 100% or more only is the task done (a lower one alone may be a
    growth rate or a works' progress: not read)."""
    bare = [("进展", t.strip()) for t in progress if (_share(t) or 0) >= 100]
    return bare + [
        (m.group()[: -len(m[1])].rstrip(), m[1]) for t in progress for m in _YEAR_SHARE.finditer(t)
    ]


_BARE_SHARE = re.compile(r"\d{1,3}(?:\.\d+)?%")


def _share(cell: str) -> float | None:
    """A cell that is a percentage only (75%, 60.5%): its value; else None."""
    text = cell.strip()
    return float(text[:-1]) if _BARE_SHARE.fullmatch(text) else None


def _due(cells: list[tuple[str, str]], roles: dict[str, str]) -> tuple[float, str] | None:
    """The share of the task due that a row's 序时进度 column states (75%), and as written."""
    for header, cell in cells:
        if roles.get(header) == "due" and (value := _share(cell)) is not None:
            return value, f"{header} {cell.strip()}"
    return None


_WORKS_DONE = re.compile(r"完成[^,;。,]{0,8}?的?\s*(\d+(?:\.\d+)?)%")  # 已完成总工程量的90%


def _unfinished_share(text: str) -> str | None:
    """The lowest share of the works said done when it is under 100% (已完成总工程量的85%)."""
    shares = [(float(m[1]), m[0]) for m in _WORKS_DONE.finditer(text)]
    low = min(shares, default=None)
    return f"{low[0]:g}%" if low is not None and low[0] < 100 else None


_SHARE_OF = re.compile(
    r"(?:任务)?(?:的|进度)\s*\d"
)  # 已完成年度目标任务的55%: a share, not completion


@functools.lru_cache(maxsize=1)
def _pending_phrases() -> tuple[str, ...]:
    return tuple(r["words"] for r in _phrase_rows() if r["where"] == "pending")


# what a text that only says a figure is not out yet writes besides: its label (完成情况:),
# the period, 相关 (相关数据未出)
_PENDING_FILLER = re.compile(r"^[^:：]{1,8}[:：]|[\W\d_]|月份?|年|全|季度|相关|有关|目前|暂时")


def _pending(progress: list[str]) -> Judged | None:
    """A figure not out yet (全年数据未出): on track when the text reports more (1-11月增长5.8%,
    1-12月数据尚未出), unknown when that is all it says. None without such words.

    >>> _pending(["全年数据未出"]).status, _pending(["1-11月投资增长5.8%。1-12月数据尚未出。"]).status
    ('unknown', 'on_track')
    >>> _pending(["完成情况:相关数据未出。"]).status
    'unknown'

    """
    for text in progress:
        for phrase in _pending_phrases():
            at = text.find(phrase)
            if at >= 0:
                rest = _PENDING_FILLER.sub("", text.replace(phrase, ""))
                status = "on_track" if len(rest) >= 4 else "unknown"
                return Judged(status, "phrase", _around(text, at, len(phrase)))
    return None


@functools.lru_cache(maxsize=1)
def _phrase_rows() -> tuple[dict[str, str], ...]:
    """The rows of data/progress_phrases.csv (its # lines are comments)."""
    with open(DATA_DIR / "progress_phrases.csv", encoding="utf-8") as handle:
        return tuple(csv.DictReader(line for line in handle if not line.startswith("#")))


@functools.lru_cache(maxsize=1)
def _title_phrases() -> dict[str, tuple[str, ...]]:
    """status → the words that say it of every item in the title of a report (滞后项目情况表,
    …全部完成): only plain words, since a title's 未完成项目 may still be on schedule."""
    phrases: dict[str, list[str]] = {s: [] for s in _TEXT_ORDER}
    for row in _phrase_rows():
        if row["where"] == "title":
            phrases[row["status"]].append(row["words"])
    return {s: tuple(sorted(w, key=len, reverse=True)) for s, w in phrases.items()}


def _done_title(text: str) -> bool:
    """A line that says, and says only, that its item is done (…整改销号情况公示)."""
    found = _phrase_in(text, _title_phrases())
    return found is not None and found[0] == "done" and _one_status(text)


def _one_status(text: str) -> bool:
    """The text names one status only (not 5个已完成,12个正在有序推进,13个进展滞后: a summary of
    many items)."""
    phrases = _all_phrases()[1]
    return sum(any(p in text for p in phrases[status]) for status in _TEXT_ORDER) <= 1


def _title_heading(title: str) -> str:
    """The report's title as the heading of items under no heading of their own, when it
    names their status (2022年民生实事项目滞后项目情况表); else ""."""
    return title if title and _phrase_in(title, _title_phrases()) else ""


def _phrase_in(text: str, phrases: dict[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """(status, phrase) of the first status phrase in a heading, behind first."""
    for status in _TEXT_ORDER:
        for phrase in phrases[status]:
            at = text.find(phrase)
            if at >= 0 and not (status == "done" and _negated(text, at)):
                return status, phrase
    return None


_MEASURE = re.compile(r"单位$")  # 单位, 计量单位: what the figures count, not progress
_PLAN = "计划"  # a header naming the period's plan: 月度工作计划, 8月计划进度, 四季度计划目标


def _negated(text: str, at: int) -> bool:
    """未/尚未/没有 right before a phrase (未全部完成 is no completion)."""
    return bool(re.search(r"(?:未|没有|尚未|不能|难以)\S{0,2}$", text[max(0, at - 4) : at]))


def _around(text: str, at: int, length: int, margin: int = 12) -> str:
    """The phrase with a few characters either side, within its clause."""
    start = max(0, at - margin)
    end = min(len(text), at + length + margin)
    piece = text[start:end]
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


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


NUMBER_SCORE = 30.0
SAME_MEASURE = 60.0  # the same figure in the same measure, but indicators less alike than this
SAME_NUMBERING = 0.8  # share of the pairs found by text whose numbers agree


def _other_indicator(report_task: str, base_task: str) -> bool:
    """Do the two tasks state the same figure of different indicators? (数字经济增加值增长7%
    is not 工业增加值增长7%: the shared figure and words make the texts look alike, so the
    names of what they measure must agree.)

    >>> _other_indicator("实现数字经济增加值增长7%", "工业增加值增长7%左右")
    True
    >>> _other_indicator("新建城市公园5个", "新建城市公园3个"), _other_indicator("工业增加值增长7%", "全市工业增加值增长7%")
    (False, False)
    """
    from rapidfuzz import fuzz

    from lib.analyse.targets import extract_targets

    report, base = extract_targets(report_task)[:1], extract_targets(base_task)[:1]
    return (
        bool(report and base)
        and (report[0].value, report[0].measure_unit) == (base[0].value, base[0].measure_unit)
        and fuzz.ratio(report[0].metric, base[0].metric) < SAME_MEASURE
    )


def _numbered_alike(pairs: dict[int, tuple[int, float]], report_numbers, base_numbers) -> bool:
    """Does the report number its items as the base list does? Only then is the same number
    evidence: a report of the items behind numbers them 1, 2, 3 afresh."""
    agree = sum(1 for i, (j, _) in pairs.items() if report_numbers[i] == base_numbers[j])
    return len(pairs) >= 2 and agree >= SAME_NUMBERING * len(pairs)


def match_to_base(
    progress: pd.DataFrame, report: ParsedDocument, base: ParsedDocument
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The report's rows on the items of its base list: each report item to a base item by
    task-text similarity (``task_pairs``, one to one, with the score), never two that state the
    same figure of different indicators (``_other_indicator``); then, when the report numbers
    its items as the base does (``_numbered_alike``), by the same number (``(二)`` is 二) if
    that base item is still free and the texts share something (a score of ``NUMBER_SCORE``
    at least: a report may reword a task, not replace it). Returns the progress rows with
    ``base_doc_id``, the base's ``item_no`` (missing when nothing matched) and
    ``match_score``, and the base items no report row covers."""
    from rapidfuzz import fuzz

    from lib.analyse.compare import MATCH_SCORE, task_pairs

    report_tasks = report.items["task"].tolist()
    base_tasks = base.items["task"].tolist()

    def allowed(i: int, j: int) -> bool:
        return not _other_indicator(report_tasks[i], base_tasks[j])

    pairs = task_pairs(report_tasks, base_tasks, MATCH_SCORE, allowed)
    used = {j for j, _ in pairs.values()}
    report_numbers = [label_number(label) for label in report.items["item_label"].astype(str)]
    base_numbers_written = [label_number(label) for label in base.items["item_label"].astype(str)]
    if _numbered_alike(pairs, report_numbers, base_numbers_written):
        numbered: dict[int, list[int]] = {}
        for j, number in enumerate(base_numbers_written):
            numbered.setdefault(number, []).append(j)
        for i, number in enumerate(report_numbers):
            for j in numbered.get(number, []) if number is not None and i not in pairs else []:
                score = float(fuzz.partial_ratio(report_tasks[i], base_tasks[j]))
                if j not in used and score >= NUMBER_SCORE and allowed(i, j):
                    pairs[i] = (j, score)
                    used.add(j)
                    break
    position = {no: i for i, no in enumerate(report.items["item_no"])}
    base_numbers = base.items["item_no"].tolist()
    matched = [pairs.get(position[no]) for no in progress["item_no"]]
    rows = progress.assign(
        base_doc_id=base.doc_id,
        item_no=pd.array([base_numbers[m[0]] if m else None for m in matched], dtype="Int64"),
        match_score=[round(m[1]) if m else float("nan") for m in matched],
        report_label=progress["item_label"],
        item_label=[str(base.items["item_label"].iloc[m[0]]) if m else "" for m in matched],
    )
    inherited = _sub_item_rows(rows, base, used)
    index_of = {no: j for j, no in enumerate(base_numbers)}
    used |= {index_of[no] for no in inherited["item_no"]}
    rows = pd.concat([rows, inherited], ignore_index=True) if len(inherited) else rows
    uncovered = base.items[~base.items.index.isin([base.items.index[j] for j in used])]
    return rows, uncovered[["item_no", "item_label", "task", "units_text"]].reset_index(drop=True)


def _label_style(label: str) -> tuple[bool, str]:
    """How a label is numbered: bracketed or not, and arabic, circled or Chinese numerals."""
    core = label.strip(LABEL_MARKS)
    kind = "arabic" if core.isdigit() else "circled" if core[:1] in CIRCLED else "chinese"
    return label.startswith("("), kind


def sub_items(items: pd.DataFrame) -> dict[int, int]:
    """Items numbered in another style between two items of the list's own style (十三, then
    1 2 3 4, then 十四: the four parts of 十三) → that item's number. A report may cover only
    the item. A run at the end is not taken (a second attachment numbered 1, 2, 3).

    >>> sub_items(pd.DataFrame({"item_no": [1, 2, 3, 4, 5], "item_label": ["十二", "十三", "1", "2", "十四"]}))
    {3: 2, 4: 2}
    >>> sub_items(pd.DataFrame({"item_no": [1, 2, 3], "item_label": ["一", "二", "1"]}))
    {}
    """
    labels = items["item_label"].astype(str).tolist()
    if not labels:
        return {}
    top = _label_style(labels[0])
    out: dict[int, int] = {}
    parent, parts = None, []
    for no, label in zip(items["item_no"], labels):
        if _label_style(label) == top:
            out.update(dict.fromkeys(parts, parent))
            parent, parts = int(no), []
        elif parent is not None:
            parts.append(int(no))
    return out


def _sub_item_rows(rows: pd.DataFrame, base: ParsedDocument, used: set[int]) -> pd.DataFrame:
    """Rows for the base items no report row covers whose item one does (``sub_items``): the
    item's status, said to come from it (``parent``)."""
    parents = sub_items(base.items)
    if not parents:
        return rows.iloc[0:0]
    covered = {int(base.items["item_no"].iloc[j]) for j in used}
    labels = dict(zip(base.items["item_no"], base.items["item_label"].astype(str)))
    out = []
    for sub, parent in parents.items():
        if sub in covered or parent not in covered:
            continue
        for row in rows[rows["item_no"] == parent].itertuples(index=False):
            out.append(
                row._replace(
                    item_no=sub,
                    item_label=labels[sub],
                    status_source="parent",
                    evidence=f"随第{labels[parent]}项：{row.evidence}".rstrip("："),
                    match_score=float("nan"),
                )
            )
    return pd.DataFrame(out, columns=rows.columns).astype({"item_no": "Int64"})


STATUS_ORDER = ("behind", "not_started", "on_track", "done", "unknown")


def base_statuses(matched: pd.DataFrame) -> pd.DataFrame:
    """Each base item's status in its latest period (rows matched to a base item only)."""
    rows = matched[matched["item_no"].notna()]
    latest = latest_status(rows.assign(item_no=rows["item_no"].astype("int64")))
    return latest.reset_index(drop=True)


def unit_status_counts(assignments: pd.DataFrame, statuses: pd.DataFrame) -> pd.DataFrame:
    """Per named unit (collectives aside) its items, each once whatever its duty, by status;
    an item no report row covers counts as ``unknown``. Units with most items behind first,
    then not started, then not reported, then with most items reported: those a supervision
    office chases come first.

    >>> a = pd.DataFrame({"item_no": [1, 1, 2], "unit": ["发改局", "财政局", "发改局"],
    ...     "kind": ["department"] * 3, "role": ["lead", "co", "lead"], "sole": [False, False, True]})
    >>> s = pd.DataFrame({"item_no": [1], "status": ["behind"]})
    >>> unit_status_counts(a, s).to_dict("records")[0]
    {'unit': '发改局', 'behind': 1, 'not_started': 0, 'on_track': 0, 'done': 0, 'unknown': 1, 'total': 2}
    """
    roles = item_roles(assignments)
    roles = roles[roles["kind"] != "collective"]
    status = roles["item_no"].map(dict(zip(statuses["item_no"], statuses["status"])))
    counted = roles.assign(status=status.fillna("unknown"))
    table = (
        counted.groupby(["unit", "status"])["item_no"]
        .nunique()
        .unstack(fill_value=0)
        .reindex(columns=list(STATUS_ORDER), fill_value=0)
    )
    table["total"] = table.sum(axis=1)
    reported = table["total"] - table["unknown"]
    table = table.assign(_reported=reported).sort_values(
        ["behind", "not_started", "unknown", "_reported", "total"], ascending=False, kind="stable"
    )
    return table.drop(columns="_reported").reset_index().rename_axis(columns=None)


def lagging_items(
    items: pd.DataFrame,
    assignments: pd.DataFrame,
    statuses: pd.DataFrame,
    wanted: tuple[str, ...] = ("behind", "not_started"),
) -> pd.DataFrame:
    """The items of ``items`` whose status is one of ``wanted``, with their units by duty,
    leaders, status, where it came from and the evidence."""
    from lib.analyse.tables import items_with_units

    chosen = statuses[statuses["status"].isin(wanted)]
    shown = items_with_units(items[items["item_no"].isin(chosen["item_no"])], assignments)
    columns = ["item_no", "status", "status_source", "evidence", "progress_text", "period_end"]
    return shown.merge(chosen[columns], on="item_no", how="left")[
        [
            "item_no",
            "item_label",
            "task",
            "lead_units",
            "sole_units",
            "co_units",
            "leaders",
            "status",
            "evidence",
            "progress_text",
            "period_end",
        ]
    ]


def unit_lagging_items(
    unit: str, items: pd.DataFrame, assignments: pd.DataFrame, statuses: pd.DataFrame
) -> pd.DataFrame:
    """A unit's 督办单 rows: its items behind, not started, or with no progress reported or
    none that can be judged (items no report row covers among them), with the evidence."""
    mine = assignments.loc[assignments["unit"] == unit, "item_no"]
    chosen = items[items["item_no"].isin(mine)]
    return lagging_items(chosen, assignments, with_unreported(statuses, chosen), tuple(CHASED))


def with_unreported(statuses: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """``statuses`` with a row for each of ``items`` no report row covers: unknown, no
    progress written (what ``unit_status_counts`` counts as unknown too)."""
    missing = items.loc[~items["item_no"].isin(statuses["item_no"]), "item_no"]
    if missing.empty:
        return statuses
    added = pd.DataFrame(
        {
            "item_no": missing.astype("int64").tolist(),
            "status": "unknown",
            "status_source": "none",
            "evidence": "进度报告中没有这一项",
            "progress_text": "",
        }
    )
    return pd.concat([statuses.astype({"item_no": "int64"}), added], ignore_index=True)


def status_over_time(matched: pd.DataFrame) -> pd.DataFrame:
    """Each base item's status per period (columns: the periods' end dates, oldest first)."""
    rows = matched[matched["item_no"].notna()]
    if rows.empty:
        return pd.DataFrame()
    table = rows.pivot_table(
        index=["item_no", "item_label"], columns="period_end", values="status", aggfunc="last"
    )
    table.columns = [str(c) for c in table.columns]
    return table.reset_index()


def matched_share(report: ParsedDocument, rows: pd.DataFrame, base: ParsedDocument) -> float:
    """The share of the report's items that ``match_to_base`` puts on an item of ``base``."""
    if report.items.empty:
        return 0.0
    on_base, _ = match_to_base(rows, report, base)
    return share_on_base(on_base)


FEW_MATCHED = 0.5  # under this share of a report's items on the list, it is not its report


def share_on_base(matched: pd.DataFrame) -> float:
    """The share of the report rows (each report's items once) put on an item of the base
    list; the items' parts that took their status count with the item.

    >>> share_on_base(pd.DataFrame({"report_label": ["1", "2", "2"], "item_no": [5, None, 7]}))
    0.5
    """
    own = matched[matched.get("status_source", pd.Series("", index=matched.index)) != "parent"]
    keys = [c for c in ("report", "report_label") if c in own]
    rows = own.drop_duplicates(keys)
    return float(rows["item_no"].notna().mean()) if len(rows) else 0.0


def likely_bases(
    report: ParsedDocument, year: int | None, candidates: list[tuple[str, str, str]]
) -> list[str]:
    """The ids of the ``candidates`` (doc_id, place, year) a report probably belongs to: its
    place (when both name one) and its period's year (when both have one), in their order."""
    place = report.meta.get("place", "")
    return [
        doc_id
        for doc_id, their_place, their_year in candidates
        if (not place or not their_place or place == their_place)
        and (year is None or not their_year or str(year) == their_year)
    ]


def unit_trend(matched: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    """Per named unit and period (end date), its items by status: unit, period_end and one
    column per status; items a period's report does not cover are left out of that period."""
    rows = matched[matched["item_no"].notna() & matched["period_end"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["unit", "period_end", *STATUS_ORDER])
    roles = item_roles(assignments)
    roles = roles.loc[roles["kind"] != "collective", ["item_no", "unit"]]
    per_item = rows.assign(item_no=rows["item_no"].astype("int64"))[
        ["item_no", "period_end", "status"]
    ].drop_duplicates(["item_no", "period_end"], keep="last")
    joined = roles.merge(per_item, on="item_no")
    table = (
        joined.groupby(["unit", "period_end", "status"])["item_no"]
        .nunique()
        .unstack(fill_value=0)
        .reindex(columns=list(STATUS_ORDER), fill_value=0)
        .reset_index()
        .rename_axis(columns=None)
    )
    return table.sort_values(["unit", "period_end"], kind="stable").reset_index(drop=True)


def behind_per_period(trend: pd.DataFrame) -> pd.DataFrame:
    """``unit_trend`` as one row per unit: its items behind in each period (columns: the
    periods' end dates as text, oldest first), units most behind in the latest period first."""
    if trend.empty:
        return pd.DataFrame(columns=["unit"])
    wide = trend.pivot_table(
        index="unit", columns="period_end", values="behind", aggfunc="sum", fill_value=0
    )
    wide.columns = [str(c) for c in wide.columns]
    return wide.sort_values(wide.columns[-1], ascending=False, kind="stable").reset_index()


def progress_sentence(statuses: pd.DataFrame, items: int, periods: list[str]) -> str:
    """The page's one sentence: the latest period, then how many of the ``items`` chosen are
    done, on track, behind, not started, and not reported or unknown.

    >>> s = pd.DataFrame({"item_no": [1, 2], "status": ["done", "behind"]})
    >>> progress_sentence(s, 5, ["2023-06-30"])
    '截至 2023-06-30：所选 5 项中，已完成 1 项，序时推进 0 项，滞后 1 项，未启动 0 项，未报进度或无法判断 3 项。'
    >>> progress_sentence(s, 2, [])[:14]
    '报告未写明期间：所选 2 项'
    """
    counts = statuses["status"].value_counts()
    rest = items - len(statuses) + int(counts.get("unknown", 0))
    known = "，".join(
        f"{STATUSES[s]} {counts.get(s, 0)} 项"
        for s in ("done", "on_track", "behind", "not_started")
    )
    when = f"截至 {periods[-1]}" if periods else "报告未写明期间"
    return f"{when}：所选 {items} 项中，{known}" + (
        f"，未报进度或无法判断 {rest} 项。" if rest else "。"
    )
