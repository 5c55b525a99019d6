"""One item's status for a period, from the cells of its row (``judge``), in the order the
package's docstring gives."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import replace

from lib.analyse.progress.columns import (
    _ticked,
    _ticked_evidence,
    column_role,
    marked_answer,
    marked_status,
)
from lib.analyse.progress.figures import (
    _SHARE_OF,
    _by_benchmark,
    _by_figures,
    _by_rate,
    _pending,
    _unfinished_share,
    _year_shares,
)
from lib.analyse.progress.periods import Period
from lib.analyse.progress.phrases import (
    _TEXT_ORDER,
    Judged,
    _all_phrases,
    _around,
    _negated,
    _one_status,
    _phrase_in,
    _phrases,
    _title_phrases,
)
from lib.parse.reference import DATA_DIR


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

    >>> from lib.analyse.progress.periods import reporting_period
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
        if status == "on_track" and (met := _by_benchmark(" ".join(progress), targets, period)):
            return met  # 增速高于全省平均, 低于全省0.1个百分点: behind, whatever words go with it
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
    if (met := _by_benchmark(" ".join(progress), targets, period)) is not None:
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
