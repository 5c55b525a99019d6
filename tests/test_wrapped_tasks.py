"""A task wrapped onto a line that looks like units (``…会同`` / ``住建局``) stays one task: the
wrapped part is neither cut off nor read as a phantom unit."""

from __future__ import annotations

import pytest

from lib.parse.pipeline import parse_bytes

WORDS = ["会同", "联合", "配合", "督促", "与", "和"]
UNITS = ["住建局", "市场监管局、税务局", "各镇乡(街道)"]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("wrapped", UNITS)
def test_a_task_wrapped_before_unit_names_stays_whole(word: str, wrapped: str) -> None:
    text = (
        f"2024年重点工作责任清单\n序号\n主要工作\n责任单位\n1\n加快推进城市更新,{word}\n"
        f"{wrapped}\n▲发改局,财政局\n2\n推进数字经济发展\n▲经信局,各部门\n"
    )
    doc = parse_bytes(text.encode(), "list.txt")
    assert doc.items["task"].tolist() == [f"加快推进城市更新,{word}{wrapped}", "推进数字经济发展"]
    units = doc.assignments.groupby("item_no")["unit"].agg(list)
    assert units[1] == ["发改局", "财政局"] and units[2] == ["经信局", "各部门"]
    assert doc.report.conservation_failures == ()


def test_two_units_lines_after_a_finished_task_stay_units() -> None:
    """A task that ends its sentence, then a lead line and a co line: both are units."""
    text = (
        "2024年重点工作责任清单\n序号\n主要工作\n牵头单位\n责任单位\n1\n加快推进城市更新。\n"
        "发改局\n住建局、财政局\n"
    )
    doc = parse_bytes(text.encode(), "list.txt")
    assert doc.items["task"].tolist() == ["加快推进城市更新。"]
    a = doc.assignments
    assert list(zip(a["unit"], a["role"])) == [
        ("发改局", "lead"),
        ("住建局", "co"),
        ("财政局", "co"),
    ]
