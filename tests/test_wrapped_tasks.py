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


def test_units_run_on_to_the_end_of_a_task_are_cut_off_at_a_name_the_list_writes() -> None:
    # a PDF line that ended at the right margin runs the units' line on to the task: cut at a
    # name the list writes on its own elsewhere (经信局); a task's own last words stay
    rows = [
        ("加快推进城市更新", "▲住建局,各镇乡(街道)"),
        ("推进数字经济发展", "▲经信局,各部门"),
        ("确保工业强市稳居全省第一方阵经信局,相关部门,各镇乡(街道)", None),
        ("开展招商选资竞赛活动", "▲招商中心,各部门"),
        ("建设未来社区5个", "▲住建局,各镇乡(街道)"),
        ("推动政务服务增值化改革,实现企业开办一日办结", None),
        ("新增城镇就业1万人", "▲人社局"),
        ("改造老旧小区9个", "▲住建局,各镇乡(街道)"),
        ("新建幼儿园3所", "▲教育局,财政局"),
        ("完成造林1万亩", "▲林业局"),
    ]
    lines = ["2024年重点工作责任清单", "序号", "主要工作", "责任单位"]
    for number, (task, units) in enumerate(rows, start=1):
        lines += [str(number), task] + ([units] if units else [])
    doc = parse_bytes("\n".join(lines).encode(), "list.txt")
    tasks = dict(zip(doc.items["item_label"], doc.items["task"]))
    assert tasks["3"] == "确保工业强市稳居全省第一方阵"
    units = doc.assignments[doc.assignments["item_no"] == 3]
    assert list(zip(units["unit"], units["role"])) == [
        ("经信局", "co"), ("相关部门", "co"), ("各镇乡(街道)", "co"),
    ]  # fmt: skip
    assert tasks["6"] == "推动政务服务增值化改革,实现企业开办一日办结"
    assert 6 not in set(doc.assignments["item_no"])
