"""Web pages as sites publish them: a 分块 column spanning its items (rowspan), a units cell
spanning two items, a title spanning the columns, rows hidden with display:none or hidden, the
list inside a layout table (beside a navigation cell, or alone in one cell)."""

from __future__ import annotations

import pytest

from lib.parse.pipeline import parse_bytes
from tests import builders

HEADER = "<tr><th>序号</th><th>主要工作</th><th>责任单位</th></tr>"
ITEMS = [(str(n), task, units) for n, task, units, _ in builders.ROWS]


def page(body: str) -> bytes:
    return f'<html><head><meta charset="utf-8"></head><body><h1>{builders.TITLE}</h1>{body}</body></html>'.encode()


def rows(items=ITEMS, first: str = "") -> str:
    return "".join(
        f"<tr>{first if i == 0 else ''}<td>{n}</td><td>{t}</td><td>{u}</td></tr>"
        for i, (n, t, u) in enumerate(items)
    )


def read(doc) -> list[tuple[str, str, str]]:
    return list(zip(doc.items["item_label"], doc.items["task"], doc.items["units_text"]))


@pytest.mark.parametrize("spanned", [2, 3, 4])
def test_a_section_column_spanning_its_items_is_each_items_section(spanned: int) -> None:
    header = "<tr><th>分块</th><th>序号</th><th>主要工作</th><th>责任单位</th></tr>"
    first, rest = ITEMS[:spanned], ITEMS[spanned:]
    body = (
        f"<table>{header}{rows(first, f'<td rowspan={spanned}>经济发展</td>')}"
        + (rows(rest, f"<td rowspan={len(rest)}>城乡建设</td>") if rest else "")
        + "</table>"
    )
    doc = parse_bytes(page(body), "list.html")
    assert read(doc) == ITEMS
    assert doc.items["section"].tolist() == ["经济发展"] * spanned + ["城乡建设"] * len(rest)


def test_a_units_cell_spanning_two_items_applies_to_each() -> None:
    body = (
        f"<table>{HEADER}<tr><td>1</td><td>任务一</td><td rowspan=2>▲发改局,财政局</td></tr>"
        "<tr><td>2</td><td>任务二</td></tr><tr><td>3</td><td>任务三</td><td>民政局</td></tr></table>"
    )
    doc = parse_bytes(page(body), "list.html")
    assert doc.items["units_text"].tolist() == ["▲发改局,财政局", "▲发改局,财政局", "民政局"]


@pytest.mark.parametrize("how", ['style="display:none"', "hidden", 'style="visibility: hidden"'])
def test_a_hidden_row_is_not_read_and_is_reported(how: str) -> None:
    body = f"<table>{HEADER}{rows()}<tr {how}><td>5</td><td>已删除事项</td><td>▲审计局</td></tr></table>"
    doc = parse_bytes(page(body), "list.html")
    assert read(doc) == ITEMS
    assert any("不显示的内容" in line for line in doc.report.ignored)


@pytest.mark.parametrize(
    "layout",
    [
        "<table><tr><td>左侧导航</td><td>{list}</td></tr></table>",
        "<table><tr><td>{list}</td></tr></table>",
        "<table><tr><td>首页</td></tr><tr><td>{list}</td></tr></table>",
    ],
)
def test_a_list_inside_a_layout_table_is_read(layout: str) -> None:
    body = layout.format(list=f"<table>{HEADER}{rows()}</table>")
    doc = parse_bytes(page(body), "list.html")
    assert read(doc) == ITEMS


def test_units_in_a_small_table_inside_their_cell_stay_that_cells_text() -> None:
    nested = "<table><tr><td>▲发改局</td></tr><tr><td>、财政局</td></tr></table>"
    body = f"<table>{HEADER}<tr><td>1</td><td>任务一</td><td>{nested}</td></tr></table>"
    doc = parse_bytes(page(body), "list.html")
    assert doc.assignments["unit"].tolist() == ["发改局", "财政局"]


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_a_markdown_table_written_in_paragraphs_is_read_as_in_text(kind: str) -> None:
    """A Markdown table pasted into a page or a Word file, one paragraph a line: its rule line
    goes and its rows lose their outer pipes, as in a text file."""
    lines = [
        "2021年民生实事完成情况汇总表",
        "| 重点事项 | 牵头单位 | 实际进度 |",
        "| --- | --- | --- |",
        "| 一、改造老旧供水管网 | 市水务局 | 完成改造约8.5万户。 |",
        "| 二、实施燃气管道普及 | 市住建局 | 为106个老旧小区加装管道燃气。 |",
    ]
    data = builders.html_lines(lines) if kind == "html" else builders.docx_lines(lines)
    doc = parse_bytes(data, f"list.{kind}")
    assert list(doc.assignments["unit"]) == ["市水务局", "市住建局"]
    assert list(doc.items["item_label"]) == ["一", "二"]
