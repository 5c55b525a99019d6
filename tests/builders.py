"""Build the same small list as xlsx, docx, html, pdf, csv and txt bytes, with real quirks.

The table builders also take another title, header and rows (and note lines above the
header), so the property tests render their generated lists with the same code.
"""

from __future__ import annotations

import io
import re
from html import escape as _escape


def escape(text: str) -> str:
    """Text for HTML: ``<``, ``>`` and ``&`` as entities (quotes need none in text)."""
    return _escape(text, quote=False)


TITLE = "2024年重点工作责任清单"
HEADER = ["序号", "主要工作", "责任单位", "完成时限"]
ROWS = [
    ["1", "生产总值增长6%左右", "▲发改局,各部门", "2024年底"],
    ["2", "新增就业岗位2万个", "▲人社局,财政局", "2024年底"],
    ["3", "改造老旧小区9个", "建设局、住建集团", "长期"],
    ["4", "建设公共充电桩", "▲发改局▲建设集团交通运输局", "2024年6月"],
]
# what every format must read, as (item_label, unit, role)
EXPECTED = [
    ("1", "发改局", "lead"),
    ("1", "各部门", "co"),
    ("2", "人社局", "lead"),
    ("2", "财政局", "co"),
    ("3", "建设局", "co"),
    ("3", "住建集团", "co"),
    ("4", "发改局", "lead"),
    ("4", "建设集团", "lead"),
    ("4", "交通运输局", "co"),
]


def txt(
    encoding: str = "utf-8",
    *,
    title: str = TITLE,
    header: list[str] = HEADER,
    rows: list[list[str]] = ROWS,
    notes: tuple[str, ...] = (),
) -> bytes:
    """A table copied from a web page: one cell per line."""
    lines = [title, *notes, "", *header] + [cell for row in rows for cell in row]
    return "\n".join(lines).encode(encoding)


def csv_bytes(
    encoding: str = "gb18030",
    *,
    title: str = TITLE,
    header: list[str] = HEADER,
    rows: list[list[str]] = ROWS,
    notes: tuple[str, ...] = (),
) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([title])
    writer.writerows([note] for note in notes)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def tsv(encoding: str = "utf-16") -> bytes:
    """The sheet saved as tab-separated text (Excel's 文本文件 / Unicode 文本): a cell with a
    line break typed in (units one per line) is written in quotes over several lines."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\r\n")
    writer.writerow([TITLE])
    writer.writerow(HEADER)
    writer.writerows([re.sub(r"[,、]", "\n", cell) for cell in row] for row in ROWS)
    return buffer.getvalue().encode(encoding)


def xlsx(
    *,
    title: str = TITLE,
    header: list[str] = HEADER,
    rows: list[list[str]] = ROWS,
    notes: tuple[str, ...] = (),
) -> bytes:
    """Title merged over the columns on row 1, a blank row, the header on row 3, sequence
    numbers as floats, and a second sheet of notes."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet["A1"] = title
    sheet.merge_cells(f"A1:{get_column_letter(len(header))}1")
    for note in notes:
        sheet.append([note])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append([float(row[0]) if row[0].isdigit() else row[0], *row[1:]])
    notes = book.create_sheet("说明")
    notes["A1"] = "本表由市政府办公室编制"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_vertical_merge() -> bytes:
    """One units cell merged down over two items applies to each."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER[:3])
    sheet.append([1, "任务一", "发改局、财政局"])
    sheet.append([2, "任务二", None])
    sheet.append([3, "任务三", "民政局"])
    sheet.merge_cells("C2:C3")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def docx() -> bytes:
    """A heading, the first two items in one table, a heading between tables, the rest in a
    second table with the header repeated; a title cell merged across; ▲ typed as a
    Wingdings 3 symbol in item 1."""
    import docx as python_docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = python_docx.Document()
    document.add_paragraph(TITLE)
    first = document.add_table(rows=1, cols=4)
    merged = first.rows[0].cells[0].merge(first.rows[0].cells[3])
    merged.text = "一、经济发展"
    _docx_row(first, HEADER)
    for row in ROWS[:2]:
        _docx_row(first, row)
    # item 1's ▲ as a symbol character rather than text
    units = first.rows[2].cells[2].paragraphs[0]
    units.clear()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), "Wingdings 3")
    sym.set(qn("w:char"), "F070")
    run = units.add_run()
    run._r.append(sym)
    units.add_run(ROWS[0][2].lstrip("▲"))
    document.add_paragraph("二、城乡建设")
    second = document.add_table(rows=0, cols=4)
    _docx_row(second, HEADER)
    for row in ROWS[2:]:
        _docx_row(second, row)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_row(table, values: list[str]) -> None:
    cells = table.add_row().cells
    for cell, value in zip(cells, values):
        cell.text = value


def docx_table(
    *, title: str, header: list[str], rows: list[list[str]], notes: tuple[str, ...] = ()
) -> bytes:
    """A title and note paragraphs, then one plain table with its header row."""
    import docx as python_docx

    document = python_docx.Document()
    for line in (title, *notes):
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=len(header))
    for row in (header, *rows):
        _docx_row(table, row)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_lines(lines: list[str]) -> bytes:
    """A Word file of paragraphs, one per line of text."""
    import docx as python_docx

    document = python_docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def html(
    charset: str = "gb2312",
    *,
    title: str = TITLE,
    header: list[str] = HEADER,
    rows: list[list[str]] = ROWS,
    notes: tuple[str, ...] = (),
) -> bytes:
    head = "".join(f"<th>{escape(c)}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    paragraphs = "".join(f"<p>{escape(note)}</p>" for note in notes)
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>网页标题</title><script>var x = '1';</script></head><body>"
        f"<div class='nav'>首页 &gt; 政务公开</div><h2>{escape(title)}</h2>"
        f"<p>发布时间：2024-02-01</p>{paragraphs}<table><tr>{head}</tr>{body}</table>"
        f"<p>分享到：</p></body></html>"
    )
    return page.encode("gb18030" if charset in ("gb2312", "gbk") else charset)


def html_lines(lines: list[str], charset: str = "utf-8") -> bytes:
    """A web page whose text is one paragraph per line, between the site's furniture."""
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    page = (
        f'<html><head><meta charset="{charset}"><title>网页标题</title></head><body>'
        f"<div class='nav'>首页 &gt; 政务公开</div>{body}<p>分享到：</p></body></html>"
    )
    return page.encode(charset)


def pdf(rows_per_page: int = 2) -> bytes:
    """A ruled table over two pages with the header repeated, item 3's task wrapped into a
    second row without a number (a page-break continuation)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), "STSong-Light", 10),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ]
    )
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=14)
    story = [Paragraph(TITLE, title)]
    pages = [ROWS[:rows_per_page], ROWS[rows_per_page:]]
    for index, rows in enumerate(pages):
        data = [HEADER]
        for row in rows:
            if row[0] == "3":  # the task runs on in a row of its own
                data.append([row[0], "改造老旧", row[2], row[3]])
                data.append(["", "小区9个", "", ""])
            else:
                data.append(row)
        story.append(Table(data, style=style))
        if index == 0:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """A PDF with a drawing and no text layer, like a scan."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 300, 400, fill=1)
    page.save()
    return buffer.getvalue()


def text_pdf(text: str) -> bytes:
    """Running text set as paragraphs in a PDF, so long lines wrap as a PDF wraps them."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK"
    )
    story = [Paragraph(escape(line), style) for line in text.split("\n") if line.strip()]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def selection_of(assignments, items=None, doc=None):
    """A ``Selection`` of hand-made tables (items default to the assignments' item numbers),
    for views tested without a parsed document."""
    import pandas as pd

    from lib.analyse.filters import Filters, Selection
    from lib.parse.pipeline import ParsedDocument

    if items is None:
        items = pd.DataFrame({"item_no": sorted(set(assignments["item_no"]))})
    if doc is None:
        doc = ParsedDocument("test", {}, items, assignments, None)
    return Selection(doc, Filters(), items, assignments)


def xlsx_edited(
    data: bytes,
    *,
    merges: tuple[str, ...] = (),
    far_cells: tuple[tuple[str, str], ...] = (),
    sheet: str = "xl/worksheets/sheet1.xml",
) -> bytes:
    """``data`` (an .xlsx) with merge ranges and far cells written into one sheet's XML, as a
    file can hold them but openpyxl could not write them without building every cell."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    body = source.read(sheet).decode("utf-8")
    if far_cells:
        rows = "".join(
            f'<row r="{re.sub("[A-Z]", "", ref)}"><c r="{ref}" t="inlineStr"><is><t>{_escape(text)}</t>'
            "</is></c></row>"
            for ref, text in sorted(far_cells, key=lambda c: int(re.sub("[A-Z]", "", c[0])))
        )
        body = body.replace("</sheetData>", rows + "</sheetData>")
        body = re.sub(r'<dimension ref="[^"]*"/>', "", body)
    if merges:
        body = re.sub(r"<mergeCells\b.*?</mergeCells>", "", body, flags=re.S)
        listed = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
        body = body.replace(
            "</sheetData>", f'</sheetData><mergeCells count="{len(merges)}">{listed}</mergeCells>'
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(
                info, body.encode("utf-8") if info.filename == sheet else source.read(info)
            )
    return out.getvalue()


def xls(*, hidden_row: bool = False, hidden_sheet: bool = False) -> bytes:
    """The builders' list as an old .xls (xlwt): the title merged across, item 2's units cell
    merged down over items 2 and 3; optionally a hidden row with an item, a hidden sheet."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("清单")
    sheet.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
    for column, name in enumerate(HEADER):
        sheet.write(2, column, name)
    for offset, row in enumerate(ROWS):
        for column, value in enumerate(row):
            if column == 2 and offset == 2:
                continue  # under the merge
            if column == 2 and offset == 1:
                sheet.write_merge(3 + offset, 4 + offset, 2, 2, value)
            else:
                sheet.write(3 + offset, column, float(value) if column == 0 else value)
    if hidden_row:
        sheet.write(3 + len(ROWS), 0, 99.0)
        sheet.write(3 + len(ROWS), 1, "隐藏的事项")
        sheet.write(3 + len(ROWS), 2, "隐藏局")
        sheet.row(3 + len(ROWS)).hidden = True
    if hidden_sheet:
        secret = book.add_sheet("对照")
        secret.write(0, 0, "秘密")
        secret.visibility = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def columns_pdf(title: str, columns: list[list[str]], widths: tuple[float, ...] = ()) -> bytes:
    """One A4 page: a title across the top, then each column's lines set from its own left
    edge (``widths`` apart), as a page set in columns or a table without rules."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("STSong-Light", 14)
    page.drawCentredString(A4[0] / 2, A4[1] - 50, title)
    page.setFont("STSong-Light", 9)
    x = 40.0
    for number, lines in enumerate(columns):
        for row, line in enumerate(lines):
            page.drawString(x, A4[1] - 90 - row * 16, line)
        x += widths[number] if number < len(widths) else 270
    page.save()
    return buffer.getvalue()


def _pipe_blocks(text: str) -> list[tuple[str, object]]:
    """A copy's lines as ('p', line) or ('t', rows): runs of rows written ``a | b | c |``
    are tables; a Markdown rule row and rows of bars only are left out."""
    out = []
    for line in text.split("\n"):
        if not line.strip() or not line.strip(" |"):
            continue  # an empty row of the copy's table
        if line.count("|") >= 2:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells if c):
                continue  # a Markdown table's rule row
            if out and out[-1][0] == "t":
                out[-1][1].append(cells)
            else:
                out.append(("t", [cells]))
        else:
            out.append(("p", line.strip()))
    return out


def _padded(rows: list[list[str]]) -> list[list[str]]:
    """Rows a cell short padded at the end, or at the front where the copy lost a merged
    first cell (a bare number or a numbered task lands in the number's or task's column)."""
    width = max(len(r) for r in rows)
    header = rows[0]
    label_at = next((i for i, h in enumerate(header) if h in ("序号", "编号")), None)
    out = []
    for r in rows:
        short = width - len(r)
        if short and label_at and re.fullmatch(r"\d{1,3}", r[0]):
            r = [""] * label_at + r
        elif short and not label_at and re.match(r"\d{1,3}[.、]", r[0]) and len(r) < width:
            r = [""] * short + r
        out.append(r + [""] * (width - len(r)))
    return out


def pipe_table_pdf(text: str) -> bytes:
    """The copy as a PDF whose tables are ruled tables of wrapped cells (landscape A4), as
    a table made in Word or Excel and printed to PDF."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=10.5, leading=15, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    story = []
    page_w = landscape(A4)[0] - 72
    for kind, value in _pipe_blocks(text):
        if kind == "p":
            story.append(Paragraph(escape(value), body))
            continue
        rows = _padded(value)
        n = len(rows[0])
        lengths = [max(1, max(len(r[i]) for r in rows)) for i in range(n)]
        total = sum(min(size, 60) for size in lengths)
        widths = [page_w * min(size, 60) / total for size in lengths]
        widths = [max(w, 28) for w in widths]
        scale = page_w / sum(widths)
        widths = [w * scale for w in widths]
        data = [[Paragraph(escape(c), cell) for c in r] for r in rows]
        story.append(
            Table(
                data,
                colWidths=widths,
                repeatRows=1,
                style=TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                ),
            )
        )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build(story)
    return buffer.getvalue()


def pipe_table_docx(text: str) -> bytes:
    """The copy as a Word file whose tables are Word tables."""
    import docx as python_docx

    document = python_docx.Document()
    for kind, value in _pipe_blocks(text):
        if kind == "p":
            document.add_paragraph(value)
            continue
        rows = _padded(value)
        table = document.add_table(rows=0, cols=len(rows[0]))
        for r in rows:
            cells = table.add_row().cells
            for c, v in zip(cells, r):
                c.text = v
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pipe_table_xlsx(text: str) -> bytes:
    """The copy as a workbook, a table row a sheet row, each paragraph a row of one cell."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for kind, value in _pipe_blocks(text):
        if kind == "p":
            sheet.append([value])
        else:
            for r in _padded(value):
                sheet.append([float(v) if re.fullmatch(r"\d+", v) else v for v in r])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def two_row_header_table(fmt: str, title: str, top: list[str], below: list[str], rows) -> bytes:
    """A table whose header is over two rows, as offices draw it: a cell of the first row over
    the columns the second names (责任单位 over 牵头单位 | 配合单位), the others merged down.
    ``top`` writes "" where the cell on its left goes on; ``fmt``: xlsx, docx, html or pdf."""
    spans = []  # (first column, columns) of each cell of the first row
    for k, cell in enumerate(top):
        if cell:
            spans.append([k, 1])
        else:
            spans[-1][1] += 1
    if fmt == "html":
        head = "".join(
            f'<td colspan="{n}">{escape(top[k])}</td>'
            if n > 1
            else f'<td rowspan="2">{escape(top[k])}</td>'
            for k, n in spans
        )
        sub = "".join(
            f"<td>{escape(below[k + i])}</td>" for k, n in spans if n > 1 for i in range(n)
        )
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
        )
        page = f"<html><body><p>{escape(title)}</p><table><tr>{head}</tr><tr>{sub}</tr>{body}</table></body></html>"
        return page.encode("utf-8")
    buffer = io.BytesIO()
    if fmt == "xlsx":
        import openpyxl
        from openpyxl.utils import get_column_letter

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append([title])
        sheet.append(top)
        sheet.append(below)
        for row in rows:
            sheet.append(list(row))
        for k, n in spans:
            first, last = get_column_letter(k + 1), get_column_letter(k + n)
            sheet.merge_cells(f"{first}2:{last}2" if n > 1 else f"{first}2:{first}3")
        book.save(buffer)
    elif fmt == "docx":
        import docx as python_docx

        document = python_docx.Document()
        document.add_paragraph(title)
        table = document.add_table(rows=2 + len(rows), cols=len(top))
        for k, cell in enumerate(top):
            table.cell(0, k).text = cell
        for k, cell in enumerate(below):
            table.cell(1, k).text = cell
        for r, row in enumerate(rows, start=2):
            for k, cell in enumerate(row):
                table.cell(r, k).text = str(cell)
        for k, n in spans:
            if n > 1:
                table.cell(0, k).merge(table.cell(0, k + n - 1))
            else:
                table.cell(0, k).merge(table.cell(1, k))
        document.save(buffer)
    elif fmt == "pdf":
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        style = ParagraphStyle("c", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
        data = [[Paragraph(escape(str(c)), style) for c in r] for r in (top, below, *rows)]
        table = Table(data, colWidths=[700 / len(top)] * len(top))
        merges = [
            ("SPAN", (k, 0), (k + n - 1, 0)) if n > 1 else ("SPAN", (k, 0), (k, 1))
            for k, n in spans
        ]
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *merges]))
        heading = ParagraphStyle("t", fontName="STSong-Light", fontSize=14, leading=18)
        SimpleDocTemplate(buffer, pagesize=landscape(A4)).build([Paragraph(title, heading), table])
    else:
        raise ValueError(fmt)
    return buffer.getvalue()


def workbook(sheets: dict[str, list[list]]) -> bytes:
    """A workbook of the named sheets, each holding its rows as written."""
    import openpyxl

    book = openpyxl.Workbook()
    for at, (name, rows) in enumerate(sheets.items()):
        sheet = book.active if at == 0 else book.create_sheet()
        sheet.title = name
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet(rows, merges: tuple[str, ...] = ()) -> bytes:
    """A workbook of one sheet holding ``rows`` as written, with the cells ``merges`` merged
    (``"A3:A5"``)."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    for cells in merges:
        book.active.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
