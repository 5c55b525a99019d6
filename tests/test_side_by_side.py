"""Two tables side by side in one sheet or page are read as two tables, left then right."""

from __future__ import annotations

import pytest

from lib.parse.pipeline import parse_bytes
from tests import builders

LEFT = [
    ["1", "生产总值增长6%左右", "▲发改局,各部门"],
    ["2", "新增就业岗位2万个", "▲人社局,财政局"],
    ["3", "改造老旧小区9个", "建设局、住建集团"],
    ["4", "建设公共充电桩", "▲交通运输局"],
]
RIGHT = [
    ["5", "建设养老服务中心", "▲民政局"],
    ["6", "推进污水处理", "▲生态环境分局,建设局"],
    ["7", "扩大义务教育学位", "▲教体局"],
    ["8", "新建体育公园", "▲文广旅游局"],
]
HEADER = ["序号", "主要工作", "责任单位"]


def side_by_side(fmt: str, count: int, gap: bool) -> tuple[bytes, str]:
    header = HEADER + ([""] if gap else []) + HEADER
    rows = [
        left + ([""] if gap else []) + right for left, right in zip(LEFT[:count], RIGHT[:count])
    ]
    if fmt == "xlsx":
        return builders.xlsx(header=header, rows=rows), "list.xlsx"
    if fmt == "csv":
        return builders.csv_bytes("utf-8", header=header, rows=rows), "list.csv"
    return builders.html("utf-8", header=header, rows=rows), "list.html"


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "html"])
@pytest.mark.parametrize("count", [2, 4])
@pytest.mark.parametrize("gap", [True, False], ids=["with a blank column", "adjoining"])
def test_two_tables_side_by_side_are_read_left_then_right(fmt: str, count: int, gap: bool) -> None:
    data, name = side_by_side(fmt, count, gap)
    doc = parse_bytes(data, name)
    expected = LEFT[:count] + RIGHT[:count]
    assert doc.items["task"].tolist() == [task for _, task, _ in expected]
    assert doc.items["units_text"].tolist() == [units for _, _, units in expected]
    leads = (
        doc.assignments[doc.assignments["role"] == "lead"].groupby("item_label")["unit"].agg(list)
    )
    assert leads["5"] == ["民政局"] and leads["1"] == ["发改局"]
