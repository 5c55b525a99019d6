"""Units written one per line inside a cell (Alt+Enter in Excel, paragraphs or Shift+Enter in
Word, <br> or <p> on a web page, a quoted newline in CSV) are separate units, also when the
names are unknown; in a PDF a line break in a cell is a wrap and the pieces join."""

from __future__ import annotations

import io

import pytest

from lib.parse.pipeline import parse_bytes
from tests import builders

UNKNOWN = [
    "城投公司",
    "交投公司",
    "国资中心",
]  # in no reference table: only the break separates them
HEADER = ["序号", "主要工作", "责任单位"]


def cell_file(fmt: str) -> tuple[bytes, str]:
    rows = [["1", "推进项目建设", "\n".join(UNKNOWN)], ["2", "优化营商环境", "发改局"]]
    if fmt == "xlsx":
        return builders.xlsx(header=HEADER, rows=rows), "list.xlsx"
    if fmt == "csv":
        return builders.csv_bytes("utf-8", header=HEADER, rows=rows), "list.csv"
    if fmt in ("html-br", "html-p"):
        joined = (
            "<br>".join(UNKNOWN) if fmt == "html-br" else "".join(f"<p>{u}</p>" for u in UNKNOWN)
        )
        page = (
            f'<html><head><meta charset="utf-8"></head><body><p>{builders.TITLE}</p><table>'
            "<tr><th>序号</th><th>主要工作</th><th>责任单位</th></tr>"
            f"<tr><td>1</td><td>推进项目建设</td><td>{joined}</td></tr>"
            "<tr><td>2</td><td>优化营商环境</td><td>发改局</td></tr></table></body></html>"
        )
        return page.encode(), "list.html"
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(builders.TITLE)
    table = document.add_table(rows=0, cols=3)
    for row in [HEADER, *rows]:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value.split("\n")[0]
    units = table.rows[1].cells[2]
    for name in UNKNOWN[1:]:
        if fmt == "docx-paragraphs":
            units.add_paragraph(name)
        else:
            run = units.paragraphs[0].add_run()
            run.add_break()
            run.add_text(name)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), "list.docx"


@pytest.mark.parametrize(
    "fmt", ["xlsx", "csv", "html-br", "html-p", "docx-paragraphs", "docx-breaks"]
)
def test_units_one_per_line_in_a_cell_are_separate_units(fmt: str) -> None:
    doc = parse_bytes(*cell_file(fmt))
    assert doc.assignments.loc[doc.assignments["item_no"] == 1, "unit"].tolist() == UNKNOWN


def test_a_line_break_in_a_pdf_cell_is_a_wrap() -> None:
    from lib.parse.sources import _one_line

    assert _one_line("自然资源和规\n划局", breaks_separate=False) == "自然资源和规划局"
    assert _one_line("城投公司\n交投公司", breaks_separate=True) == "城投公司 交投公司"
    assert _one_line("推进项目建设,\n完成投资", breaks_separate=True) == "推进项目建设,完成投资"
