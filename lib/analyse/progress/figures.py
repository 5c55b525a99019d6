"""Statuses from figures: a reported figure against the task's target of the same measure
(pro rata for the period, a rate as it is, a ceiling kept), a share of the year's task, a
rate column, a figure not out yet."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from lib.parse.reference import DATA_DIR, read_data_csv

if TYPE_CHECKING:  # targets is imported where a figure is compared (_by_figures), not at load
    from lib.analyse.targets import Target
from lib.analyse.progress.periods import Period
from lib.analyse.progress.phrases import Judged, _around, _phrase_rows

_DONE_VERBS = re.compile(
    r"^(?:已|累计|共|新)?(?:完成|建成|新建|建设|实现|开工|改造|新增|提升|优化)+"
)
METRIC_MATCH = 60.0  # how alike a target's and a reported figure's words must be


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
    counted = [  # a quantity is counted up over the year: without a period, no measure
        goal for goal in goals if period.last_month is not None or goal.measure_unit == "%"
    ]
    alike = {
        (g, r): _alike(goal, got, alias, progress, goals, reported)
        for g, goal in enumerate(counted)
        for r, (got, alias) in enumerate(zip(reported, named))
    }

    def closeness(g: int, r: int) -> tuple[float, float]:  # the words, then all the words
        words = _measure_words(counted[g].metric), _measure_words(reported[r].metric)
        return alike[g, r] or 0.0, fuzz.ratio(*words)

    judged = []
    for g, goal in enumerate(counted):
        best = None
        for r, got in enumerate(reported):
            score = alike[g, r]
            if score is None or score < METRIC_MATCH:
                continue
            if any(
                closeness(other, r) > closeness(g, r)
                for other in range(len(counted))
                if not _same_figure(counted[other], got)  # a task that holds its progress
            ):
                continue  # 新开工项目17个 says 新开工项目20个, not 实施亿元项目78个
            # the same measure written twice (1-5月增长4.2%, 预计1-6月增长6.2%): the later
            if best is None or score >= best[0]:
                best = (score, got)
        if best is not None:
            judged.append(_figure_status(goal, best[1], period))
    return min(judged, key=lambda j: _FIGURE_ORDER.index(j.status), default=None)


def _same_figure(one: Target, other: Target) -> bool:
    """The same figure of the same words: a progress written into the task's text, read
    among its targets."""
    return one.value == other.value and one.metric == other.metric


def _alike(
    goal: Target, got: Target, alias: Target, progress: str, goals: list, reported: list
) -> float | None:
    """How alike a reported figure's words are to a target's (0-100), None when they count
    different things (另一 measure, or said with another verb)."""
    from rapidfuzz import fuzz

    if _scaled(got)[1] != _scaled(goal)[1] or goal.value <= 0:
        return None
    wanted = _measure_words(goal.metric)
    if not wanted:  # 新增40台, 完工20台: what is counted is the verb's, said alike
        said_alike = not _measure_words(got.metric) and _verb(got.metric) == _verb(goal.metric)
        return 100.0 if said_alike else None
    score = fuzz.partial_ratio(wanted, _measure_words(got.metric))
    if score < METRIC_MATCH:  # 增幅10.4% alone: as the rate of the figure before it
        score = fuzz.partial_ratio(wanted, _measure_words(alias.metric))
    if score < METRIC_MATCH:  # 完成14个住宅小区新增充电设施: what was counted, after it
        score = fuzz.partial_ratio(wanted, _object_after(progress, got))
    if score < METRIC_MATCH and _verb_only(got, goal, goals, reported, progress):
        score = METRIC_MATCH  # 已建成8家 under 建成城市书房10家: the task's one figure
    return score


# a target set against a wider area's figure (增速高于全省平均), and the report's comparison
# with the same area (增长4.8%,低于全省0.1个百分点)
_AREAS = r"全国|全省|全市|全区|全县"
_AT_LEAST_AREA = re.compile(rf"(?:高于|快于|超过|不低于|领先于?)(?P<area>{_AREAS})")
_UNDER_AREA = re.compile(rf"(?:低于|慢于|落后于?)(?P<area>{_AREAS})")


def _by_benchmark(progress: str, targets: str, period: Period) -> Judged | None:
    """A target to beat a wider area's figure against the report's comparison with that area:
    under it behind, at or over it met (done at the year's end, else on track).

    >>> from lib.analyse.progress.periods import reporting_period
    >>> q1 = reporting_period(["一季度"], "2025")
    >>> task = "城乡居民人均可支配收入增速高于全省平均"
    >>> _by_benchmark("城镇居民收入增长4.8%,低于全省0.1个百分点,高于全市0.2个百分点", task, q1).status
    'behind'
    >>> _by_benchmark("农民收入增长6.1%,高于全省0.4个百分点", task, q1).status
    'on_track'
    >>> _by_benchmark("增长4.8%,低于全市0.1个百分点", task, q1) is None  # another area
    True
    """
    areas = {found.group("area") for found in _AT_LEAST_AREA.finditer(targets)}
    if not areas:
        return None
    goal = next(found for found in _AT_LEAST_AREA.finditer(targets))
    for pattern, status in ((_UNDER_AREA, "behind"), (_AT_LEAST_AREA, "on_track")):
        found = next((m for m in pattern.finditer(progress) if m.group("area") in areas), None)
        if found is not None:
            if status == "on_track" and period.year_end:
                status = "done"
            said = _around(progress, found.start(), len(found.group()))
            return Judged(status, "figures", f"目标 {goal.group()}；{said}")
    return None


def _verb_only(
    got: Target, goal: Target, goals: list[Target], reported: list[Target], progress: str
) -> bool:
    """A reported figure written with only its verb (已建成8家, 新增2000人) stands for the
    task's only target of its measure when the verb is the target's own or 完成, also before
    it (已完成改造8个 under 改造老旧小区20个; 已开工3家 is not 建成…10家), and it is the only
    figure of that measure so written."""
    if _measure_words(got.metric) or _object_after(progress, got).strip():
        return False
    alike = [g for g in goals if _scaled(g)[1] == _scaled(goal)[1]]
    wanted = _verb(goal.metric)
    same = [
        r
        for r in reported
        if _scaled(r)[1] == _scaled(got)[1] and (said := _verb(r.metric))
        if said == "完成" or said in wanted or said.removeprefix("完成") in wanted
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
    >>> from lib.analyse.progress.periods import reporting_period
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

    >>> from lib.analyse.progress.periods import reporting_period
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
