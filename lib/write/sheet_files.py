"""Unit sheets and the brief as files offices send: XLSX (openpyxl), DOCX (python-docx), ZIP.

Every text that came from the document is written as text, never as a formula (a ``'`` goes in
front of ``= + - @``), and sheet and file names are made safe for Excel and for every system.
"""

from __future__ import annotations

import io
import math
import re
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from lib.analyse.sheets import GROUPS, SHEET_HEADERS, Brief, SheetBook, UnitSheet
from lib.parse.schema import CHASED, DUTY_MEANING, KINDS
from lib.write.export import safe_filename
from lib.write.present import guard_formula, present, printable
from lib.write.report import headline_sentence
from lib.write.stable import document_time, stable_zip

CONTENTS = "目录"
# Relative column widths (characters) of the sheet columns; DOCX scales them to the page.
WIDTHS: dict[str, float] = {
    "group": 9,
    "item_no": 6,
    "item_label": 7,
    "task": 52,
    "others": 28,
    "leaders": 10,
    "deadline": 11,
    "targets": 26,
    "via": 12,
}
CJK_FONT = "宋体"
BRIEF_FONT = "仿宋"  # the body of an office's brief
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def title_of(meta: dict[str, str]) -> str:
    return meta.get("title") or meta.get("notice_title") or "重点工作责任清单"


def facts_of(meta: dict[str, str]) -> str:
    return "  ".join(meta[k] for k in ("issuer", "doc_number", "date") if meta.get(k))


def counts_text(sheet: UnitSheet) -> str:
    counts = sheet.counts
    return (
        " · ".join(f"{group} {counts[group]} 项" for group in GROUPS)
        + f" · 合计 {counts['合计']} 项"
    )


def sheet_names(units: list[str], taken: tuple[str, ...] = (CONTENTS,)) -> list[str]:
    """Excel sheet names for ``units``: no ``[]:*?/\\``, no leading or trailing ``'``, at most 31
    characters, unique (case-insensitively, as Excel compares them) and not in ``taken``."""
    used = {name.casefold() for name in taken}
    names = []
    for unit in units:
        base = _SHEET_NAME_BAD.sub("_", unit).strip("'") or "单位"
        name, number = base[:31], 1
        while name.casefold() in used or name.casefold() == "history":
            number += 1
            suffix = f"~{number}"
            name = base[: 31 - len(suffix)] + suffix
        used.add(name.casefold())
        names.append(name)
    return names


# --- XLSX ---

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
_GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")


def sheets_xlsx(book: SheetBook, units: list[str] | None = None) -> bytes:
    """One workbook: a contents sheet, then one sheet per unit (all units, or ``units``)."""
    chosen = [book.sheet(u) for u in units] if units is not None else list(book.sheets)
    workbook = Workbook()
    contents = workbook.active
    contents.title = CONTENTS
    names = sheet_names([s.unit for s in chosen])
    _contents_sheet(contents, book, chosen, names)
    for sheet, name in zip(chosen, names):
        _unit_sheet(workbook.create_sheet(name), book, sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return stable_zip(buffer.getvalue(), document_time(book.meta.get("date")))


def _text(worksheet, row: int, column: int, value: object, **style) -> None:
    cell = worksheet.cell(row=row, column=column, value=guard_formula(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # a string, even if it looks like a formula
    for name, setting in style.items():
        setattr(cell, name, setting)


def _heading(worksheet, book: SheetBook, lines: list[str], width: int) -> int:
    """Title and fact lines across ``width`` columns; returns the next free row."""
    for row, line in enumerate([title_of(book.meta), facts_of(book.meta), *lines], start=1):
        _text(worksheet, row, 1, line, font=Font(bold=row == 1, size=14 if row == 1 else 11))
        worksheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    return len(lines) + 4


def _table(worksheet, top: int, headers: list[str], rows: list[list[object]]) -> int:
    for column, header in enumerate(headers, start=1):
        _text(
            worksheet,
            top,
            column,
            header,
            font=_BOLD,
            fill=_HEAD_FILL,
            border=_BOX,
            alignment=_WRAP,
        )
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            _text(worksheet, top + offset, column, value, border=_BOX, alignment=_WRAP)
    return top + len(rows) + 1


def _unit_sheet(worksheet, book: SheetBook, sheet: UnitSheet) -> None:
    columns = [c for c in book.columns if c != "item_no"]
    top = _heading(worksheet, book, [f"责任单位：{sheet.unit}", counts_text(sheet)], len(columns))
    rows = present(sheet.rows[columns], "en").astype(object).values.tolist()
    end = _table(worksheet, top, [SHEET_HEADERS[c] for c in columns], rows)
    if sheet.counts["共同责任"]:
        _text(worksheet, end + 1, 1, book.scope_note)
    widths = [WIDTHS[name] * 1.1 for name in columns]
    for column, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = width
    _fit_heights(worksheet, top, end - 1, widths)
    worksheet.freeze_panes = worksheet.cell(row=top + 1, column=1)
    worksheet.print_title_rows = f"{top}:{top}"
    _print_setup(worksheet)


def _contents_sheet(worksheet, book: SheetBook, chosen: list[UnitSheet], names: list[str]) -> None:
    headers = ["序号", "责任单位", "单位类型", *GROUPS, "合计", "工作表"]
    top = _heading(worksheet, book, ["各单位任务清单目录", book.scope_note], len(headers))
    rows = [
        [number, s.unit, KINDS.get(s.kind, s.kind), *s.counts.values(), name]
        for number, (s, name) in enumerate(zip(chosen, names), start=1)
    ]
    end = _table(worksheet, top, headers, rows)
    for offset, name in enumerate(names, start=1):
        link = worksheet.cell(row=top + offset, column=len(headers))
        link.hyperlink = f"#'{name}'!A1"
        link.font = Font(color="0563C1", underline="single")
    _text(
        worksheet,
        end + 1,
        1,
        "泛指单位（“各…”指全部，展开为共同责任；“相关…”“有关…”指部分，不展开）",
        font=_BOLD,
    )
    collectives = present(book.collectives[["collective", "reach", "items"]], "en").values.tolist()
    top = end + 2
    _table(worksheet, top, ["泛指单位", "范围", "涉及事项（原编号）"], collectives)
    for row in range(top, top + len(collectives) + 1):  # the item list runs to the last column
        worksheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=len(headers))
    widths = [16, 30, 12, 9, 9, 9, 9, 9, 30]
    for column, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = width
    _fit_heights(worksheet, top, top + len(collectives), [*widths[:2], sum(widths[2:])])
    _print_setup(worksheet)


def _fit_heights(worksheet, first: int, last: int, widths: list[float]) -> None:
    """Rows tall enough for their wrapped text: spreadsheets do not grow a row that a file
    gives no height, so the text would be cut at one line. A CJK character is about two units wide."""
    for row in range(first, last + 1):
        lines = 1
        for column, width in enumerate(widths, start=1):
            value = worksheet.cell(row=row, column=column).value
            if value is not None:
                text = str(value)
                units = sum(2.2 if ord(ch) > 0x2E7F else 1.1 for ch in text)
                lines = max(lines, math.ceil(units / max(width - 1, 1)))
        worksheet.row_dimensions[row].height = 17 * lines + 2  # CJK fonts set lines wide apart


def _print_setup(worksheet) -> None:
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True


# --- DOCX ---


def sheet_docx(book: SheetBook, unit: str) -> bytes:
    """A unit's printable sheet: the document's title, the unit, then one table grouped by role."""
    sheet = book.sheet(unit)
    document = _document(landscape=True)
    _paragraph(document, title_of(book.meta), size=16, bold=True, center=True)
    _paragraph(document, f"{sheet.unit}任务清单", size=14, bold=True, center=True)
    if facts_of(book.meta):
        _paragraph(document, facts_of(book.meta), size=10, center=True)
    _paragraph(document, counts_text(sheet), size=10)
    columns = [c for c in book.columns if c not in ("group", "item_no")]
    table = _docx_table(document, [SHEET_HEADERS[c] for c in columns], [WIDTHS[c] for c in columns])
    for group in GROUPS:
        rows = sheet.rows[sheet.rows["group"] == group]
        if rows.empty:
            continue
        band = table.add_row().cells
        merged = band[0].merge(band[-1])
        _cell_text(merged, f"{group}（{len(rows)} 项）", bold=True)
        _shade(merged, "F2F2F2")
        for values in present(rows[columns], "en").astype(str).values.tolist():
            for cell, value in zip(table.add_row().cells, values):
                _cell_text(cell, value)
    if sheet.counts["共同责任"]:
        _paragraph(document, book.scope_note, size=9)
    return _save(document, book.meta)


def sheets_zip(book: SheetBook) -> bytes:
    """Every unit's DOCX sheet in one ZIP, one file per unit, names safe and unique."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, sheet in enumerate(book.sheets, start=1):
            name = safe_filename(f"{number:03d}-{sheet.unit}-任务清单", ".docx")
            while name in used:
                name = name[:-5] + "_.docx"
            used.add(name)
            archive.writestr(name, sheet_docx(book, sheet.unit))
    return stable_zip(buffer.getvalue(), document_time(book.meta.get("date")))


def brief_docx(brief: Brief) -> bytes:
    """The whole list on one A4 page for leaders, in 仿宋 (titles in 宋体), with the numbers
    and words of the overview and the day it was made."""
    document = _document(landscape=False, font=BRIEF_FONT)
    _paragraph(document, title_of(brief.meta), size=15, bold=True, center=True, font=CJK_FONT)
    _paragraph(document, "责任分工一页简报", size=12, bold=True, center=True, font=CJK_FONT)
    facts = "  ".join(
        filter(None, [facts_of(brief.meta), f"制作日期：{_chinese_date(brief.made)}"])
    )
    _paragraph(document, facts, size=9, center=True)
    _paragraph(document, headline_sentence(brief.facts, filtered=False), size=11, bold=True)
    f, k, c = brief.facts, brief.kpis, brief.concentration
    kpis = [
        ("工作事项", f["items"]),
        ("责任单位", f["units"]),
        ("写明牵头单位的事项", f["led_items"]),
        ("多个单位共同承担的事项", f["shared_items"]),
        ("未写明牵头的事项", k["unmarked_items"]),
        ("独立承担的事项", k["sole_items"]),
        ("写明的牵头（单位次）", c["marked"]),
        ("牵头最多的 5 个单位所占比例", f"{c['top_share']:.0%}"),
    ]
    table = _docx_table(document, [label for label, _ in kpis[:4]], [1, 1, 1, 1])
    _row(table, [str(value) for _, value in kpis[:4]])
    _row(table, [label for label, _ in kpis[4:]], bold=True)
    _row(table, [str(value) for _, value in kpis[4:]])
    _paragraph(document, "责任单位不含“各部门”“相关单位”等泛指。" + DUTY_MEANING, size=8)

    _paragraph(document, "谁承担得最多", size=11, bold=True)
    ranks = max(len(brief.top_items), len(brief.top_leads))
    table = _docx_table(
        document,
        ["名次", "承担事项最多的单位", "事项", "其中牵头", "牵头最多的单位", "牵头", "承担事项"],
        [1, 3, 1, 1, 3, 1, 1],
    )
    for rank in range(ranks):
        left = brief.top_items.iloc[rank].tolist() if rank < len(brief.top_items) else ["", "", ""]
        right = brief.top_leads.iloc[rank].tolist() if rank < len(brief.top_leads) else ["", "", ""]
        _row(table, [str(rank + 1), *map(str, left), *map(str, right)])

    _paragraph(document, "协同最紧密的单位", size=11, bold=True)
    table = _docx_table(document, ["共同承担事项的两个单位", "共担事项"], [6, 1])
    for a, b, weight in brief.pairs.values.tolist():
        _row(table, [f"{a}、{b}", str(weight)])

    _paragraph(document, "主题分布", size=11, bold=True)
    _paragraph(document, "；".join(f"{t} {n} 项" for t, n in brief.themes.values.tolist()), size=9)
    _paragraph(
        document,
        "解析："
        + (f"自动校正 {brief.corrected} 处；" if brief.corrected else "")
        + (f"{brief.waiting} 处待核对" if brief.waiting else "没有待核对的问题")
        + "，详见看板“解析校对”页。",
        size=9,
    )
    return _save(document, brief.meta)


def _chinese_date(iso: str) -> str:
    """2026-11-30 as 2026年11月30日."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"


def _document(landscape: bool, font: str = CJK_FONT) -> Document:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.6))
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(10)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    normal.paragraph_format.space_after = Pt(2)
    return document


def _paragraph(
    document, text: str, size: float, bold: bool = False, center: bool = False, font: str = ""
) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(printable(text))
    run.font.size, run.font.bold = Pt(size), bold
    if font:
        run.font.name = font
        run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if bold:
        run.font.color.rgb = RGBColor(0, 0, 0)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _docx_table(document, headers: list[str], weights: list[float]):
    """A bordered table across the text width, columns in proportion to ``weights``, its header
    row repeated on every printed page."""
    section = document.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [int(usable * w / sum(weights)) for w in weights]
    for column, width in zip(table.columns, widths):
        column.width = width
    header = table.rows[0]
    header_props = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    for cell, text in zip(header.cells, headers):
        _cell_text(cell, text, bold=True)
        _shade(cell, "DDE6F0")
    return table


def _row(table, values: list[str], bold: bool = False) -> None:
    for cell, value in zip(table.add_row().cells, values):
        _cell_text(cell, value, bold=bold)


def _cell_text(cell, text: str, bold: bool = False) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(printable(text))
    run.font.size, run.font.bold = Pt(9), bold


def _shade(cell, color: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), color)
    cell._tc.get_or_add_tcPr().append(shading)


def _fit_cells(table) -> None:
    """Give every cell the width of the grid columns it spans: Word sizes columns by the
    cells' widths, LibreOffice by the grid's, and both must agree for the table to fit."""
    grid = [column.w for column in table._tbl.tblGrid.gridCol_lst]
    for tr in table._tbl.tr_lst:
        start = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = sum(grid[start : start + span])
            start += span


def _save(document, meta: dict[str, str]) -> bytes:
    for table in document.tables:
        _fit_cells(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), document_time(meta.get("date")))


SUPERVISION_COLUMNS = {  # the 督办单's columns: (header, width)
    "item_label": ("编号", 0.6),
    "task": ("主要工作", 4.0),
    "lead_units": ("牵头单位", 1.3),
    "sole_units": ("独立承担单位", 1.3),
    "co_units": ("配合单位", 1.5),
    "leaders": ("分管领导", 0.9),
    "status": ("进度状态", 0.8),
    "evidence": ("判断依据", 2.0),
    "progress_text": ("报告的进展情况", 3.2),
}


def supervision_docx(unit: str, rows, meta: dict[str, str], period: str) -> bytes:
    """A unit's 督办单: its items behind, not started or not reported in a progress report,
    with the words that say so and the progress reported, ready to send (A4 landscape)."""
    document = _document(landscape=True)
    _paragraph(document, title_of(meta), size=14, bold=True, center=True)
    _paragraph(document, f"{unit}督办单", size=16, bold=True, center=True)
    counts = rows["status"].value_counts()
    summary = "、".join(f"{CHASED[s]} {counts[s]} 项" for s in CHASED if s in counts)
    _paragraph(
        document,
        f"进度报告截至：{period or '未写明'}。"
        + (f"{summary}，请抓紧推进并报告。" if summary else "无滞后、未启动或未报进度的事项。"),
        size=10,
    )
    columns = list(SUPERVISION_COLUMNS)
    table = _docx_table(
        document,
        [SUPERVISION_COLUMNS[c][0] for c in columns],
        [SUPERVISION_COLUMNS[c][1] for c in columns],
    )
    for values in present(rows[columns], "zh").astype(str).values.tolist():
        _row(table, values)
    return _save(document, meta)
