"""Measurable targets in task texts: 生产总值增长7.5%左右, 引进10亿元以上项目8个, 从3.8提升至4.1.

A target is a number with a unit of measure (or a 从…提升至… pair, or 三分之二). Not targets:
years, 周年, ordinals (第3), programme names in quotes (“229”计划, 1+9), codes next to Latin
letters (5G, G235), and size classes inside a metric (10亿元以上项目, 10亿元级项目).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pandas as pd

from lib.analyse.filters import Selection
from lib.analyse.roles import units_of_items

TARGET_COLUMNS = (
    "doc_id",
    "item_no",
    "item_label",
    "metric",
    "value",
    "value_min",
    "baseline",
    "measure_unit",
    "qualifier",
    "span",
    "lead_units",
    "sole_units",
    "co_units",
)
UNITS = (
    "个工作日",
    "亿千瓦时",
    "万千瓦时",
    "亿立方米",
    "万立方米",
    "万平方米",
    "万标箱",
    "万人次",
    "亿美元",
    "亿千瓦",
    "万千瓦",
    "千瓦时",
    "万公顷",
    "立方米",
    "平方米",
    "亿元",
    "万元",
    "万亩",
    "万吨",
    "亿吨",
    "千瓦",
    "公顷",
    "万辆",
    "万方",
    "万人",
    "万户",
    "万个",
    "公里",
    "人次",
    "%",
    "个",
    "家",
    "件",
    "人",
    "亩",
    "吨",
    "天",
    "项",
    "座",
    "条",
    "处",
    "所",
    "户",
    "台",
    "名",
    "辆",
    "套",
    "次",
    "场",
    "批",
    "只",
    "张",
    "间",
    "栋",
    "盏",
    "株",
    "棵",
    "元",
    "米",
)
MONEY = ("亿元", "万元", "亿美元", "元")
BEFORE = (
    "不低于",
    "不少于",
    "不超过",
    "控制在",
    "突破",
    "力争",
    "最多",
    "保持",
    "达到",
    "超过",
    "确保",
    "达",
)
AFTER = ("以上", "左右", "以内", "以下")
CEILING = ("不超过", "控制在", "最多", "以内", "以下")  # a target not to exceed: 失业率控制在3%以内
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = "|".join(map(re.escape, UNITS))
_TARGET = re.compile(
    rf"(?P<range>(?P<low>{_NUMBER})%?\s*[-~—至到]\s*)?(?P<value>{_NUMBER})(?P<unit>{_UNIT})"
    rf"(?P<after>{'|'.join(AFTER)})?"
)
_BASELINE = re.compile(
    rf"从(?P<base>{_NUMBER})(?P<unit>{_UNIT})?(?:提升|提高|增加|增长|降低|下降|减少)?[至到]"
    rf"(?P<value>{_NUMBER})(?P<unit2>{_UNIT})?(?P<after>{'|'.join(AFTER)})?"
)
_FRACTION = re.compile(
    r"(?P<value>[一二三四五六七八九十]+分之[一二三四五六七八九十]+)(?P<after>以上|左右|以内)?"
)
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_DELIMITERS = ",，;；。、:："
_CONJUNCTIONS = ("和", "及", "与", "以及", "或")
_VERB_ONLY = 4  # a clause start this short before a count is a verb: 实施9个老旧小区改造


@dataclass(frozen=True)
class Target:
    metric: str
    value: float
    measure_unit: str
    span: str
    qualifier: str = ""
    value_min: float | None = None
    baseline: float | None = None


def extract_targets(task: str) -> list[Target]:
    """Every measurable target in one task text, in order.

    >>> [(t.value, t.measure_unit, t.qualifier) for t in extract_targets("生产总值增长7.5%左右")]
    [(7.5, '%', '左右')]
    """
    found: list[tuple[int, Target]] = []
    taken: list[tuple[int, int]] = []  # spans already read, so a number is read once
    for match in _BASELINE.finditer(task):
        unit = match["unit2"] or match["unit"] or ""
        found.append(
            (
                match.start(),
                Target(
                    metric=_metric_before(task, match.start()),
                    value=float(match["value"]),
                    measure_unit=unit,
                    span=match.group(0),
                    qualifier=match["after"] or "",
                    baseline=float(match["base"]),
                ),
            )
        )
        taken.append(match.span())
    for match in _FRACTION.finditer(task):
        denominator, numerator = match["value"].split("分之")  # 三分之二 = 2/3
        value = round(_cn(numerator) / _cn(denominator), 4)
        found.append(
            (
                match.start(),
                Target(
                    metric=_metric_before(task, match.start()),
                    value=value,
                    measure_unit="比例",
                    span=match.group(0),
                    qualifier=match["after"] or "",
                ),
            )
        )
        taken.append(match.span())
    for match in _TARGET.finditer(task):
        start, end = match.span()
        if any(a <= start < b for a, b in taken) or _not_a_target(task, match):
            continue
        before = _qualifier_before(task, start)
        qualifier = match["after"] or before
        span_start = start - len(before) if before and task[:start].endswith(before) else start
        value = float(match["value"])
        found.append(
            (
                start,
                Target(
                    metric=_metric(task, match),
                    value=value,
                    measure_unit=match["unit"],
                    span=task[span_start:end],
                    qualifier=qualifier,
                    value_min=float(match["low"]) if match["range"] else None,
                ),
            )
        )
    ordered = [target for _, target in sorted(found, key=lambda pair: pair[0])]
    # 基本养老、基本医疗参保率分别在98%、99%以上: a target with no words of its own shares
    # the metric of the one before it
    for index in range(1, len(ordered)):  # …分别达到65%和55%: 和 names nothing
        if not ordered[index].metric or ordered[index].metric in _CONJUNCTIONS:
            ordered[index] = replace(ordered[index], metric=ordered[index - 1].metric)
    return ordered


def _cn(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN[text[1:]]
    if text.endswith("十"):
        return _CN[text[0]] * 10
    if "十" in text:
        tens, ones = text.split("十")
        return _CN[tens] * 10 + _CN[ones]
    return _CN[text]


def _not_a_target(task: str, match: re.Match[str]) -> bool:
    start, end = match.span()
    previous = task[start - 1] if start else ""
    following = task[end : end + 2]
    if previous.isascii() and previous.isalpha() or previous in '第“"+':
        return True  # G235, 第3, “229”, 1+9
    if following[:1].isascii() and following[:1].isalpha():
        return True  # 5G
    if task[end - len(match["unit"]) : end + 1].startswith("个") and task[end : end + 1] == "月":
        return True  # 6个月: a duration, not a target
    if match["unit"] in MONEY:
        rest = task[end:]
        # a size class inside the metric: 10亿元以上项目8个, 10亿元级重大项目, 80万元以上行政村
        if rest[:1] == "级" or (
            match["after"]
            and rest[:1]
            and rest[:1] not in _DELIMITERS
            and re.match(r"[\u4e00-\u9fff]", rest[:1])
        ):
            return True
    return False


def _qualifier_before(task: str, start: int) -> str:
    window = task[max(0, start - 4) : start]
    for word in BEFORE:
        if window.endswith(word):
            return word
    clause = _clause_before(task, start)
    return next((word for word in BEFORE if word in clause[-8:]), "")


def _clause_before(task: str, start: int) -> str:
    """The text since the last delimiter; a 、 joins when the part before it has no number
    (基本养老、基本医疗参保率分别在98%: the metric names both)."""
    cut = max(task.rfind(ch, 0, start) for ch in _DELIMITERS)
    while cut > 0 and task[cut] == "、":
        previous = max(task.rfind(ch, 0, cut) for ch in _DELIMITERS)
        if any(ch.isdigit() for ch in task[previous + 1 : cut]):
            break
        cut = previous
    return task[cut + 1 : start]


def _metric_before(task: str, start: int) -> str:
    clause = _clause_before(task, start)
    # the clause may hold an earlier target (276家力争…增长20%): start after it
    earlier = [m for m in _TARGET.finditer(clause) if not _not_a_target(clause, m)]
    if earlier:
        clause = clause[earlier[-1].end() :]
    return _clean_metric(clause)


def _clean_metric(text: str) -> str:
    """Without the qualifiers around it, and without a quote left dangling at either end."""
    for _ in range(2):
        text = text.strip().lstrip("”").rstrip("“").strip()
        for word in (*BEFORE, "其中", "分别在", "分别"):
            text = text.removesuffix(word).removeprefix(word)
    return text.strip()


def _metric(task: str, match: re.Match[str]) -> str:
    """The phrase naming what is measured: the clause before the number, or, for a count
    before its noun (实施9个老旧小区改造), the noun after it."""
    before = _metric_before(task, match.start())
    end = match.end()
    after_end = min(
        [i for i in (task.find(ch, end) for ch in _DELIMITERS) if i != -1] or [len(task)]
    )
    after = _clean_metric(task[end:after_end])
    if after and len(before) <= _VERB_ONLY and not match["after"]:
        return after
    return before


def targets_table(selection: Selection, measure_units: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per target of the chosen items (only those in ``measure_units`` when given), with
    each item's units by duty (lead, sole, co) as tuples, all of them whatever the unit filter."""
    items = selection.items
    units = units_of_items(selection.item_assignments, items["item_no"]).set_index(items["item_no"])
    rows = []
    for item in items.itertuples():
        for target in extract_targets(item.task):
            if measure_units and target.measure_unit not in measure_units:
                continue
            rows.append(
                (
                    selection.doc.doc_id,
                    item.item_no,
                    item.item_label,
                    target.metric,
                    target.value,
                    target.value_min,
                    target.baseline,
                    target.measure_unit,
                    target.qualifier,
                    target.span,
                    units.at[item.item_no, "lead_units"],
                    units.at[item.item_no, "sole_units"],
                    units.at[item.item_no, "co_units"],
                )
            )
    table = pd.DataFrame(rows, columns=list(TARGET_COLUMNS))
    return table.astype(
        {"item_no": "int64", "value": "float64", "value_min": "float64", "baseline": "float64"}
    )


def targets_per_unit(
    selection: Selection, measure_units: tuple[str, ...] = (), include_collectives: bool = True
) -> pd.DataFrame:
    """How many targets each unit owes, as lead, as sole owner and as co-responsible unit
    (the duties of ``DUTIES``); collectives left
    out unless ``include_collectives``. A collective whose name holds 、 is one unit."""
    targets = targets_table(selection, measure_units)
    whole = selection.doc.assignments
    leave_out = (
        set() if include_collectives else set(whole.loc[whole["kind"] == "collective", "unit"])
    )
    rows = [
        (unit, role)
        for role in ("lead", "sole", "co")
        for column in (f"{role}_units",)
        for units in targets[column]
        for unit in units
        if unit not in leave_out
    ]
    columns = ["unit", "lead_targets", "sole_targets", "co_targets", "total_targets"]
    if not rows:
        return pd.DataFrame(columns=columns)
    counts = pd.DataFrame(rows, columns=["unit", "role"]).value_counts().unstack(fill_value=0)
    counts = counts.reindex(columns=["lead", "sole", "co"], fill_value=0)
    counts = counts.assign(total=counts["lead"] + counts["sole"] + counts["co"]).reset_index()
    counts = counts.sort_values(
        ["total", "lead", "unit"], ascending=[False, False, True], ignore_index=True
    )
    return pd.DataFrame(
        {
            "unit": counts["unit"],
            "lead_targets": counts["lead"],
            "sole_targets": counts["sole"],
            "co_targets": counts["co"],
            "total_targets": counts["total"],
        }
    )
