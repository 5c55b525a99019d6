"""The period a progress report covers, from a column's header, the title or the opening
(``1-11月``, ``一季度``, ``上半年``, ``2023年度``), as a date range."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field


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


# months written in Chinese numerals (一至九月, 一—十一月份): a range of months only
_CN_MONTH = r"十[一二]?|[一二三四五六七八九]"
_CN_MONTHS = re.compile(
    rf"(?P<a>{_CN_MONTH})\s*(?P<to>至|到|-|—|–|~)\s*(?P<b>{_CN_MONTH})(?=\s*月)"
)


def _arabic_months(match: re.Match[str]) -> str:
    """一至九 → 1至9, 一—十一 → 1—11."""

    def number(text: str) -> str:
        return str(10 + _CN.get(text[1:], 0) if text.startswith("十") else _CN_DIGITS[text])

    return f"{number(match['a'])}{match['to']}{number(match['b'])}"


_CN_DIGITS = {c: str(i) for i, c in enumerate("一二三四五六七八九", start=1)}


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
    >>> reporting_period(["一至九月份推进情况"], "2024").end  # months in Chinese numerals
    datetime.date(2024, 9, 30)
    """
    texts = [_CN_MONTHS.sub(_arabic_months, t) for t in texts]  # 一至九月: 1至9月
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
