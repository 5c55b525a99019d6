"""Word files as Word writes them: content controls around rows and tables, a table nested in a
units cell, text boxes (stored twice), hidden and moved-away text, a 序号 column numbered by
Word in empty cells, a list laid out inside a one-cell table. Each is read as a person reads
the page, and what is not read is reported."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from lib.parse.pipeline import parse_bytes
from tests import builders

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
READ = {row for row in builders.EXPECTED if row[0] in ("1", "2", "3")}  # builders.ROWS[:3]


def edited(edit: Callable) -> bytes:
    """The builders' list as one Word table, changed by ``edit(document, table)``."""
    import docx as python_docx

    document = python_docx.Document(
        io.BytesIO(
            builders.docx_table(
                title=builders.TITLE, header=builders.HEADER, rows=builders.ROWS[:3]
            )
        )
    )
    edit(document, document.tables[0])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _wrap(element, tag: str = "sdt"):
    """Put ``element`` inside a content control (w:sdt/w:sdtContent) where it stands."""
    from docx.oxml import OxmlElement

    sdt, content = OxmlElement(f"w:{tag}"), OxmlElement("w:sdtContent")
    element.addprevious(sdt)
    sdt.append(content)
    content.append(element)


def rows_in_a_control(document, table) -> None:
    for row in table.rows[2:]:
        _wrap(row._tr)


def table_in_a_control(document, table) -> None:
    _wrap(table._tbl)


def units_in_a_nested_table(document, table) -> None:
    cell = table.rows[2].cells[2]  # item 2: ▲人社局,财政局
    for paragraph in cell.paragraphs:
        paragraph._p.getparent().remove(paragraph._p)
    nested = cell.add_table(rows=2, cols=1)
    nested.rows[0].cells[0].text = "▲人社局"
    nested.rows[1].cells[0].text = "财政局"
    cell.add_paragraph("")


def numbers_by_word(document, table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for row in table.rows[1:]:
        paragraph = row.cells[0].paragraphs[0]
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        properties = paragraph._p.get_or_add_pPr()
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), "ListNumber")
        properties.insert(0, style)


def inside_a_layout_table(document, table) -> None:
    outer = document.add_table(rows=1, cols=1)
    cell = outer.rows[0].cells[0]
    cell._tc.append(table._tbl)  # the list table moves into the layout table's only cell
    cell.add_paragraph("")


@pytest.mark.parametrize(
    "edit",
    [
        rows_in_a_control,
        table_in_a_control,
        units_in_a_nested_table,
        numbers_by_word,
        inside_a_layout_table,
    ],
)
def test_word_structures_are_read_as_the_page_shows_them(edit: Callable) -> None:
    doc = parse_bytes(edited(edit), "list.docx")
    a = doc.assignments
    assert set(zip(a["item_label"], a["unit"], a["role"])) == READ
    assert doc.items["task"].tolist() == [row[1] for row in builders.ROWS[:3]]


def _xml(fragment: str):
    from docx.oxml import parse_xml

    namespaces = (
        f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    return parse_xml(
        fragment.replace("<ROOT", f"<ROOT {namespaces}").replace("ROOT", "w:r", 2)
        if fragment.startswith("<ROOT")
        else fragment
    )


def test_a_text_box_is_read_once_and_hidden_or_moved_text_not_at_all() -> None:
    def edit(document, table) -> None:
        units = table.rows[3].cells[2].paragraphs[0]  # item 3: 建设局、住建集团
        box = _xml(
            '<ROOT><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p>'
            "<w:r><w:t>、民政局</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
            "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>、民政局</w:t></w:r>"
            "</w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></ROOT>"
        )
        units._p.append(box)
        hidden = _xml(f'<w:r xmlns:w="{W}"><w:rPr><w:vanish/></w:rPr><w:t>、隐藏局</w:t></w:r>')
        units._p.append(hidden)
        moved = _xml(
            f'<w:moveFrom xmlns:w="{W}" w:id="1" w:author="x"><w:r><w:t>、移走局</w:t></w:r></w:moveFrom>'
        )
        units._p.append(moved)

    doc = parse_bytes(edited(edit), "list.docx")
    units = doc.assignments.loc[doc.assignments["item_no"] == 3, "unit"].tolist()
    assert units == ["建设局", "住建集团", "民政局"]
    ignored = " ".join(doc.report.ignored)
    assert "隐藏的文字 4 字" in ignored and "已移走的文字 4 字" in ignored
