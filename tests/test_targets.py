"""Measurable targets: each pattern and each kind of non-target, with the smallest example."""

from __future__ import annotations

import pytest

from lib.analyse.filters import select
from lib.analyse.targets import extract_targets, targets_per_unit, targets_table


def read(task: str) -> list[tuple]:
    return [(t.metric, t.value, t.measure_unit, t.qualifier) for t in extract_targets(task)]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("生产总值增长7.5%左右", [("生产总值增长", 7.5, "%", "左右")]),
        ("制造业投资增长不低于12%", [("制造业投资增长", 12, "%", "不低于")]),
        ("基金规模突破500亿元", [("基金规模", 500, "亿元", "突破")]),
        ("实际利用外资2.25亿美元以上", [("实际利用外资", 2.25, "亿美元", "以上")]),
        ("改造高标准农田1.8万亩", [("改造高标准农田", 1.8, "万亩", "")]),
        ("海铁联运班列运量突破4万标箱", [("海铁联运班列运量", 4, "万标箱", "突破")]),
        ("低风险小型项目审批“最多15个工作日”", [("低风险小型项目审批", 15, "个工作日", "最多")]),
        ("完成“三改”100万方", [("完成“三改”", 100, "万方", "")]),
        ("水质达标率保持100%", [("水质达标率", 100, "%", "保持")]),
        # a size class inside the metric is not a target
        ("引进10亿元以上项目8个", [("引进10亿元以上项目", 8, "个", "")]),
        ("实施10亿元级重大牵引性项目10个以上", [("实施10亿元级重大牵引性项目", 10, "个", "以上")]),
        # a count before its noun
        ("实施9个老旧小区改造", [("老旧小区改造", 9, "个", "")]),
        # several targets in one clause
        (
            "新增数字化车间70个、示范企业30家以上",
            [("新增数字化车间", 70, "个", ""), ("示范企业", 30, "家", "以上")],
        ),
        (
            "基本养老、基本医疗参保率分别在98%、99%以上",
            [
                ("基本养老、基本医疗参保率", 98, "%", ""),
                ("基本养老、基本医疗参保率", 99, "%", "以上"),
            ],
        ),
        ("三分之二以上用于民生", [("", 0.6667, "比例", "以上")]),
        # beds, lamps, rooms, trees, metres: measures of 民生实事
        ("新增养老床位760张", [("新增养老床位", 760, "张", "")]),
        ("新增农村路灯1000盏", [("新增农村路灯", 1000, "盏", "")]),
        ("新建人行道800米", [("新建人行道", 800, "米", "")]),
    ],
)
def test_targets(task: str, expected: list[tuple]) -> None:
    assert read(task) == expected


def test_a_range_and_a_baseline() -> None:
    (rate,) = extract_targets("给予小微企业10%-20%价格扣除")
    assert (rate.value_min, rate.value, rate.measure_unit, rate.span) == (10, 20, "%", "10%-20%")
    (ratio,) = extract_targets("律师万人比从3.8提升至4.1以上")
    assert (ratio.baseline, ratio.value, ratio.qualifier, ratio.span) == (
        3.8,
        4.1,
        "以上",
        "从3.8提升至4.1以上",
    )


@pytest.mark.parametrize(
    "task",
    [
        "2023年政府工作报告",  # a year
        "诸政办发〔2023〕2号",  # a document number
        "实施制造强市“229”计划",  # a programme name
        "迭代优化“1+9”政策体系,承接“8+4”政策",
        "实现平安县市“十九连冠”,创成三星级“无废城市”",  # ranks and ordinals in words
        "“枫桥经验”60周年纪念活动",  # an anniversary
        "浦阳江治理三期,第3批试点",  # phases and ordinals
        "培育5G等新型消费",  # a technology name
        "推进G235诸暨段工程",  # a road name
        "实施“1963法润”推广行动",
    ],
)
def test_non_targets(task: str) -> None:
    assert extract_targets(task) == []


def test_targets_table_ties_each_target_to_its_units(bundled) -> None:
    table = targets_table(select(bundled))
    first = table.iloc[0]
    assert (first["item_no"], first["value"], first["measure_unit"]) == (1, 7.5, "%")
    assert first["lead_units"] == ("发改局",) and first["co_units"] == ("各部门", "各镇乡(街道)")
    assert table["item_no"].isin(bundled.items["item_no"]).all()
    assert 70 <= len(table) <= 90
    per_unit = targets_per_unit(select(bundled)).set_index("unit")
    assert "各镇乡(街道)" not in set(targets_per_unit(select(bundled), (), False)["unit"])
    assert (
        per_unit.loc["发改局", "lead_targets"]
        == table["lead_units"].map(lambda units: "发改局" in units).sum()
    )


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "全国农机总动力超过10亿千瓦,其中灌排机械动力达到1.2亿千瓦。",
            [("全国农机总动力", 10.0, "亿千瓦", "超过"), ("灌排机械动力", 1.2, "亿千瓦", "达到")],
        ),
        (
            "花生种植、收获机械化率分别达到65%和55%。",
            [
                ("花生种植、收获机械化率", 65.0, "%", "达到"),
                ("花生种植、收获机械化率", 55.0, "%", "达到"),
            ],
        ),
    ],
)
def test_targets_on_state_council_wording(task: str, expected: list) -> None:
    """Power in 亿千瓦, and a second value after 和 shares the metric (it was named 和)."""
    got = [(t.metric, t.value, t.measure_unit, t.qualifier) for t in extract_targets(task)]
    assert got == expected


def test_a_collective_whose_name_holds_a_comma_owes_its_targets_once() -> None:
    import pandas as pd

    from tests.builders import selection_of

    collective = "各县(市)区人民政府、开发(度假)区管委会"
    items = pd.DataFrame({"item_no": [1], "item_label": ["1"], "task": ["新增就业岗位2000个"]})
    assignments = pd.DataFrame(
        {
            "item_no": [1, 1],
            "unit": [collective, "人力社保局"],
            "role": ["lead", "co"],
            "kind": ["collective", "department"],
            "sole": [False, False],
        }
    )
    per_unit = targets_per_unit(selection_of(assignments, items)).set_index("unit")
    assert per_unit.index.tolist() == [collective, "人力社保局"]
    assert per_unit.loc[collective, ["lead_targets", "co_targets", "total_targets"]].tolist() == [
        1,
        0,
        1,
    ]
    assert targets_per_unit(selection_of(assignments, items), (), False)["unit"].tolist() == [
        "人力社保局"
    ]
