"""What a report's column holds, by its header (``data/progress_headers.csv``): progress, a
status, a remark, the period's goal or step; and what a status column's cell answers
(是/否, a tick, 已完成)."""

from __future__ import annotations

import functools
import re

from lib.analyse.progress.periods import _PERIOD_GOAL, _from_the_start, reporting_period
from lib.analyse.progress.phrases import _phrases
from lib.parse.headers import INSTRUCTION_AFTER, PERIOD_AFTER
from lib.parse.reference import read_data_csv


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
