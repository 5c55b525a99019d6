"""Stage 1–3 for every file format: source bytes → blocks (text lines and table rows).

Each format is read with a well-kept library (openpyxl, python-docx, BeautifulSoup,
pdfplumber, xlrd, the csv module); the rest of the pipeline sees only blocks, so a list
parses the same whatever its wrapper. ``source_ref`` points into the file: ``L12`` (line),
``Sheet1!B7`` (cell), ``p3`` (PDF page).
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from lib.parse.blocks import Block, text_blocks
from lib.parse.decode import decode_bytes
from lib.parse.errors import ListError
from lib.parse.normalize import normalize_line, normalize_text
from lib.parse.xlsx import cell_text, sheet_rows, without_hidden, xlsx_rows

TEXT_SUFFIXES = {"", ".txt", ".text", ".md", ".tsv"}  # .tsv: a sheet saved as tab-separated text
# Largest uncompressed size of an .xlsx/.docx we open: more is a zip bomb, not a list.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
# Largest file we read at all (the app's own upload limit is lower, see .streamlit/config.toml).
MAX_SOURCE_BYTES = 100 * 1024 * 1024
# Most characters of text a source may hold: some 1,300 times the bundled list, room for a
# list of 120,000 items (a province's year of county lists is some 50,000). More is not one
# list, and would take minutes and gigabytes.
MAX_TEXT_CHARS = 8_000_000
# A PDF's text is laid out page by page by pdfminer, the slowest of the readers (about half a
# second for a dense page): its limit stays where a 200-page PDF is refused early
MAX_PDF_TEXT_CHARS = 2_000_000
# Most pages of a PDF we read: a list of a thousand items fills about a hundred.
MAX_PDF_PAGES = 200
# Deepest nesting of HTML elements we read: real pages stay well under a hundred, and
# BeautifulSoup's work grows with the depth (and recursion would run out).
MAX_HTML_DEPTH = 256
PROTECTED = "文件有密码保护：请去掉密码后另存，再上传。"
TOO_LONG = (
    f"文件内容过长（超过 {MAX_TEXT_CHARS // 10_000} 万字），不像是一份责任清单："
    "请只保留清单本身，或拆分后分别上传。"
)
TOO_LONG_PDF = (
    f"PDF 文件内容过长（超过 {MAX_PDF_TEXT_CHARS // 10_000} 万字）：请只保留清单所在的页面，"
    "或上传清单的 Word、Excel 原件。"
)
# An encrypted .xlsx/.docx is an OLE compound file holding this stream (its name in UTF-16).
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MARKUP_SUFFIXES = {".csv", ".html", ".htm"}
RESAVE = {
    ".doc": "这是旧版 Word 文件（.doc）：请在 Word 或 WPS 中“另存为” .docx 后上传。",
    ".wps": "这是 WPS 文字文件（.wps）：请在 WPS 中“另存为” .docx 后上传。",
    ".ofd": "这是 OFD 版式文件：请用 OFD 阅读器“另存为” PDF，或复制文字为 .txt 后上传。",
    ".et": "这是 WPS 表格文件（.et）：请在 WPS 中“另存为” .xlsx 后上传。",
    ".rtf": "这是 RTF 文件：请在 Word 或 WPS 中“另存为” .docx 后上传。",
}
SUPPORTED = "支持 .txt、.md、.csv、.xlsx、.xls、.docx、.html、.pdf"
# Symbol fonts type ▲ and ★ as private code points: (font, code) → character.
_SYMBOLS = {
    ("wingdings 3", 0x70): "▲",
    ("wingdings 3", 0xF070): "▲",
    ("wingdings", 0xAB): "★",
    ("wingdings", 0xF0AB): "★",
    ("symbol", 0xF0B2): "▲",
    ("wingdings 2", 0xF0EA): "★",
}
_PRIVATE_MARKERS = {"\uf070": "▲", "\uf0ab": "★", "\uf0b2": "▲"}


class Read(NamedTuple):
    """A source read: its blocks, a word on how (the text encoding, or the format), and what
    was deliberately not read, each with where and why (hidden sheets, rows, columns …)."""

    blocks: list[Block]
    how: str
    ignored: tuple[str, ...] = ()


def read_blocks(data: bytes, name: str) -> Read:
    """The blocks of a source, how it was read and what was not."""
    suffix = Path(name).suffix.lower()
    if suffix in RESAVE:
        raise ListError(RESAVE[suffix])
    reader = _READERS.get(suffix)
    if reader is None:
        raise ListError(f"暂不支持 {suffix} 格式的文件：{SUPPORTED}。")
    if not data.strip():
        raise ListError("文件为空，没有可读取的内容。")
    if len(data) > MAX_SOURCE_BYTES:
        raise ListError(too_big(len(data)))
    if (suffix in TEXT_SUFFIXES or suffix in _MARKUP_SUFFIXES) and len(data) > 4 * MAX_TEXT_CHARS:
        raise ListError(TOO_LONG)  # no character takes more than four bytes: refused undecoded
    blocks, how, *ignored = reader(data)
    if sum(len(block.text) for block in blocks) > MAX_TEXT_CHARS:
        raise ListError(TOO_LONG)
    return Read(blocks, how, *ignored)


def too_big(size: int) -> str:
    """The message for a file over ``MAX_SOURCE_BYTES``."""
    return (
        f"文件过大（{size / 2**20:.0f} MB，上限 {MAX_SOURCE_BYTES // 2**20} MB），已拒绝读取："
        "请只上传清单本身。"
    )


def _read_text(data: bytes) -> tuple[list[Block], str]:
    text, encoding = decode_bytes(data)
    rows = _quoted_tab_rows(text)
    if rows is not None:
        return _row_blocks(rows), encoding
    return text_blocks(normalize_text(text)), encoding


# Most lines one quoted cell of a tab-separated copy holds: more is a stray quote's run
_QUOTED_CELL_LINES = 30


def _quoted_tab_rows(text: str) -> list[tuple[str, list[str]]] | None:
    """A sheet copied or saved as tab-separated text, its cells with line breaks in quotes (as
    Excel and WPS write them: ``1\t"新建幼儿园\n(含配套)"\t教育局``): its rows, each a
    line's; None when the text is no such copy (no quoted cell holds a line break, a quote
    left open, or rows of one cell)."""
    if "\t" not in text or '"' not in text or not re.search(r'(?:^|\t)"[^"\t]*\n', text, re.M):
        return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=True))
    except csv.Error:
        return None
    cells = [cell for row in rows for cell in row]
    if not any("\n" in cell for cell in cells) or any(
        cell.count("\n") > _QUOTED_CELL_LINES for cell in cells
    ):
        return None
    if sum(len(row) >= 3 for row in rows) < 2:
        return None
    out, line = [], 1
    for row in rows:
        out.append((f"L{line}", row))
        line += 1 + sum(cell.count("\n") for cell in row)
    return out


def _read_csv(data: bytes) -> tuple[list[Block], str]:
    text, encoding = decode_bytes(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text, newline=""), dialect)  # a lone \r ends a line too
    try:
        return _row_blocks((f"L{n}", row) for n, row in enumerate(rows, start=1)), encoding
    except csv.Error:  # a field over csv's size limit, a stray quote under a strict dialect …
        raise ListError(
            "无法读取这个 CSV 文件：格式有误（例如某个单元格过长或引号不成对），"
            "请在 Excel 或 WPS 中另存为 .xlsx 后上传。"
        ) from None


def _read_xlsx(data: bytes) -> tuple[list[Block], str, tuple[str, ...]]:
    _check_zip(data, "Excel")
    rows, ignored = xlsx_rows(
        data, lambda error: _damaged("Excel", error), MAX_TEXT_CHARS, TOO_LONG
    )
    return _row_blocks(rows), "xlsx", ignored


def _read_xls(data: bytes) -> tuple[list[Block], str, tuple[str, ...]]:
    """An old .xls workbook, read as an .xlsx is: merges (xlrd's formatting info), hidden
    sheets, rows and columns left out and reported."""
    try:
        import xlrd
    except ImportError:  # pragma: no cover - xlrd is a declared dependency
        raise ListError("无法读取 .xls：请在 Excel 或 WPS 中“另存为” .xlsx 后上传。") from None
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except NotImplementedError:  # a few writers' files lack what formatting_info reads
        book = xlrd.open_workbook(file_contents=data, formatting_info=False)
    except Exception as error:
        raise ListError(_damaged("Excel（.xls）", error)) from None
    rows: list[tuple[str, list[str]]] = []
    ignored: list[str] = []
    for sheet in book.sheets():
        values = {
            (r + 1, c + 1): text
            for r in range(sheet.nrows)
            for c in range(sheet.ncols)
            if (text := cell_text(sheet.cell_value(r, c)))
        }
        if getattr(sheet, "visibility", 0):
            if values:
                ignored.append(
                    f"工作表“{sheet.name}”是隐藏的（{len(values)} 个单元格有内容），未读入"
                )
            continue
        hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
        hidden_cols = {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden}
        values, hidden = without_hidden(sheet.name, values, hidden_rows, hidden_cols)
        ignored += hidden
        merges = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
        rows += sheet_rows(sheet.name, values, merges)
    return _row_blocks(rows), "xls", tuple(ignored)


def _read_docx(data: bytes) -> tuple[list[Block], str, tuple[str, ...]]:
    """A Word document's paragraphs and table rows, in order, also inside content controls; a
    table nested in a cell gives its cells to that cell; a cell merged down repeats its text in
    each row it spans. Hidden text and text tracked as deleted or moved away are not read."""
    import docx

    _check_zip(data, "Word")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:
        raise ListError(_damaged("Word", error)) from None
    reader = _WordReader(_WordNumbering(document))
    rows: list[tuple[str, list[str]]] = []
    table_no = 0
    for index, element in enumerate(_body_elements(document.element.body), start=1):
        if _local(element.tag) == "p":
            rows.append((f"段{index}", [reader.paragraph(element)]))
        else:
            table_no += 1
            for row_no, cells in enumerate(reader.table(element), start=1):
                rows.append((f"表{table_no}行{row_no}", cells))
    return _row_blocks(rows), "docx", reader.ignored()


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# elements that only wrap content: content controls, custom XML, smart tags
_WORD_WRAPPERS = {"sdt", "sdtContent", "customXml", "smartTag"}


def _word_children(node, tags: tuple[str, ...]):
    """The children of ``node`` with these tags, looking through content controls and other
    wrappers (python-docx sees only direct children, so a control's rows were lost)."""
    for child in node.iterchildren():
        tag = _local(child.tag)
        if tag in tags:
            yield child
        elif tag in _WORD_WRAPPERS:
            yield from _word_children(child, tags)


def _body_elements(node):
    """Paragraphs and tables in reading order; a layout table (one cell per row, holding a
    table) is looked through, so a list laid out inside one is read as if it were not."""
    for element in _word_children(node, ("p", "tbl")):
        if _local(element.tag) == "tbl" and _is_layout_table(element):
            for tc in (
                tc for tr in _word_children(element, ("tr",)) for tc in _word_children(tr, ("tc",))
            ):
                yield from _body_elements(tc)
        else:
            yield element


def _is_layout_table(tbl) -> bool:
    rows = list(_word_children(tbl, ("tr",)))
    cells = [list(_word_children(tr, ("tc",))) for tr in rows]
    return (
        bool(rows)
        and all(len(row) == 1 for row in cells)
        and any(next(_word_children(row[0], ("tbl",)), None) is not None for row in cells)
    )


class _WordReader:
    """Text of Word paragraphs and tables as a reader sees them on the page."""

    def __init__(self, numbering: _WordNumbering) -> None:
        self.numbering = numbering
        self.hidden = 0  # characters in hidden runs (w:vanish)
        self.removed = 0  # characters tracked as moved away (w:moveFrom)

    def paragraph(self, p, in_cell: bool = False) -> str:
        """A paragraph with the number Word shows before it; in a table cell an empty numbered
        paragraph shows its number too (a 序号 column numbered by Word)."""
        text = self._text(p)
        return self.numbering.label(p, text, counts_when_empty=in_cell) + text

    def table(self, tbl) -> list[list[str]]:
        rows = []
        above: dict[int, str] = {}  # grid column → the text of a cell merged down from there
        for tr in _word_children(tbl, ("tr",)):
            cells, column = [], 0
            for tc in _word_children(tr, ("tc",)):
                properties = tc.find(_w("tcPr"))
                span = _int_val(properties, "gridSpan", 1) if properties is not None else 1
                merge = properties.find(_w("vMerge")) if properties is not None else None
                if merge is not None and merge.get(_w("val")) in (None, "continue"):
                    text = above.get(column, "")
                else:
                    text = self._cell(tc)
                    if merge is not None:
                        above[column] = text
                    else:
                        above.pop(column, None)
                cells.append(text)
                cells += [""] * (span - 1)  # a cell over several columns: the others empty,
                column += span  # as a sheet's merged cells, so each column keeps its place
            rows.append(cells)
        return rows

    def _cell(self, tc) -> str:
        parts = []
        for child in _word_children(tc, ("p", "tbl")):
            if _local(child.tag) == "p":
                parts.append(self.paragraph(child, in_cell=True))
            else:  # a table inside the cell: its cells are part of this cell (units one per row)
                parts.append("、".join(c for row in self.table(child) for c in row if c.strip()))
        return "\n".join(parts)

    def _text(self, node) -> str:
        """Text under ``node``: runs (symbol-font ▲ recognized), tabs as spaces, text boxes once
        (their fallback copy skipped), hidden runs and moved-away text counted, not read."""
        parts: list[str] = []
        for child in node.iterchildren():
            tag = _local(child.tag)
            if tag == "Fallback":
                continue  # a second copy of a text box, for readers without drawing support
            if tag == "moveFrom":
                self.removed += len(_plain(child))
                continue
            if tag == "r" and _vanished(child):
                self.hidden += len(_plain(child))
                continue
            if tag == "t":
                parts.append(child.text or "")
            elif tag == "sym":
                font = (child.get(_w("font")) or "").lower()
                code = int(child.get(_w("char")) or "0", 16)
                parts.append(_SYMBOLS.get((font, code), _SYMBOLS.get((font, code & 0xFF), "")))
            elif tag == "tab":
                parts.append(" ")
            elif tag in ("br", "cr"):  # a manual line break (Shift+Enter)
                parts.append("\n")
            elif tag == "p" and parts:  # a paragraph inside a text box
                parts.append("\n" + self._text(child))
            elif tag not in ("delText", "instrText"):
                parts.append(self._text(child))
        return "".join(parts)

    def ignored(self) -> tuple[str, ...]:
        lines = []
        if self.hidden:
            lines.append(f"Word 文件中设为隐藏的文字 {self.hidden} 字，未读入")
        if self.removed:
            lines.append(f"Word 文件修订中已移走的文字 {self.removed} 字，未读入")
        return tuple(lines)


def _vanished(run) -> bool:
    """Is this run hidden (w:vanish in its properties, not switched off)?"""
    properties = run.find(_w("rPr"))
    vanish = properties.find(_w("vanish")) if properties is not None else None
    return vanish is not None and vanish.get(_w("val")) not in ("0", "false", "off")


def _plain(node) -> str:
    return "".join(t.text or "" for t in node.iter(_w("t")))


_CN_NUMERALS = "零一二三四五六七八九"
_CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese_numeral(n: int) -> str:
    """12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n < 10:
        return _CN_NUMERALS[n]
    if n < 20:
        return "十" + (_CN_NUMERALS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_NUMERALS[n // 10] + "十" + (_CN_NUMERALS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = (
        ""
        if not rest
        else (
            "零" + _chinese_numeral(rest)
            if rest < 10
            else _chinese_numeral(rest)
            if rest >= 20
            else "一" + _chinese_numeral(rest)
        )
    )
    return _CN_NUMERALS[n // 100] + "百" + tail


def _word_number(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "chineseLegalSimplified",
    ):
        return _chinese_numeral(n)
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= len(_CIRCLED_NUMBERS):
        return _CIRCLED_NUMBERS[n - 1]
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _WordNumbering:
    """Numbers Word writes itself (automatic numbering, ``w:numPr``), as they appear on the page:
    ``1.``, ``（三）``, ``二、``. A list whose item numbers live only there loses none of them."""

    def __init__(self, document) -> None:
        self.levels: dict[
            str, dict[str, tuple[int, str, str]]
        ] = {}  # numId → ilvl → (start, fmt, text)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbers: dict[str, tuple[str, str]] = {}  # styleId → (numId, ilvl)
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[str, tuple[int, str, str]]] = {}
        for node in numbering.findall(_w("abstractNum")):
            abstract[node.get(_w("abstractNumId"))] = {
                lvl.get(_w("ilvl")): (
                    _int_val(lvl, "start", 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
                for lvl in node.findall(_w("lvl"))
            }
        for node in numbering.findall(_w("num")):
            ref = node.find(_w("abstractNumId"))
            levels = dict(abstract.get(ref.get(_w("val")) if ref is not None else "", {}))
            for override in node.findall(_w("lvlOverride")):
                ilvl = override.get(_w("ilvl"))
                start = override.find(_w("startOverride"))
                if start is not None and ilvl in levels:
                    _, fmt, text = levels[ilvl]
                    levels[ilvl] = (int(start.get(_w("val")) or 1), fmt, text)
            self.levels[node.get(_w("numId"))] = levels
        for style in document.styles.element.findall(_w("style")):
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num_pr is not None:
                self.style_numbers[style.get(_w("styleId"))] = (
                    _val(num_pr, "numId"),
                    _val(num_pr, "ilvl") or "0",
                )

    def label(self, paragraph, text: str, counts_when_empty: bool = False) -> str:
        """The number Word shows before this paragraph, or "" (also for an empty paragraph,
        unless ``counts_when_empty``: in a table cell Word shows it)."""
        if not self.levels or not (text.strip() or counts_when_empty):
            return ""
        num_id, ilvl = self._numbering_of(paragraph)
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        level = int(ilvl)
        counters[level] = counters.get(level, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]  # a new item at this level restarts the ones below it
        _, fmt, pattern = levels[ilvl]
        label = pattern
        for k in range(level + 1):
            start, k_fmt, _ = levels.get(str(k), (1, "decimal", ""))
            label = label.replace(f"%{k + 1}", _word_number(counters.get(k, start), k_fmt))
        return label if fmt not in ("bullet", "none") else ""

    def _numbering_of(self, paragraph) -> tuple[str | None, str]:
        p_pr = paragraph.find(_w("pPr"))
        num_pr = p_pr.find(_w("numPr")) if p_pr is not None else None
        if num_pr is not None:
            return _val(num_pr, "numId"), _val(num_pr, "ilvl") or "0"
        style = p_pr.find(_w("pStyle")) if p_pr is not None else None
        if style is not None:
            return self.style_numbers.get(style.get(_w("val")), (None, "0"))
        return None, "0"


def _val(node, child: str) -> str | None:
    found = node.find(_w(child))
    return found.get(_w("val")) if found is not None else None


def _int_val(node, child: str, default: int) -> int:
    value = _val(node, child)
    return int(value) if value and value.lstrip("-").isdigit() else default


def _w(name: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name


_BLOCK_TAGS = [
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "section",
    "article",
    "dd",
    "dt",
    "pre",
    "blockquote",
    "tr",
    "ul",
    "ol",
    "header",
    "footer",
]
_TABLE_SLOT = re.compile(r"^\x00(\d+)\x00$")


def _read_html(data: bytes) -> tuple[list[Block], str, tuple[str, ...]]:
    """Tables become rows of cells, everything else lines of text, in page order."""
    try:
        return _read_html_tree(data)
    except RecursionError:  # a page nested deeper than Python's stack, in a part we missed
        raise ListError(_TOO_DEEP) from None


_TOO_DEEP = (
    f"网页的结构嵌套过深（超过 {MAX_HTML_DEPTH} 层），无法读取："
    "请在浏览器中复制表格到 Excel 或文本文件后上传。"
)


def _read_html_tree(data: bytes) -> tuple[list[Block], str, tuple[str, ...]]:
    from bs4 import BeautifulSoup, NavigableString

    text, encoding = _decode_html(data)
    soup = BeautifulSoup(text, "html.parser")
    if _deeper_than(soup, MAX_HTML_DEPTH):
        raise ListError(_TOO_DEEP)
    for hidden in soup(["script", "style", "noscript", "template", "head", "title"]):
        hidden.decompose()
    ignored = _drop_hidden(soup)
    tables: list[list[list[str]]] = []
    # innermost first: a table holding a table of rows and columns is a page's layout, looked
    # through; a small table inside a cell (units one per row) is that cell's text
    for table in reversed(soup.find_all("table")):
        if table.find(string=_TABLE_SLOT_TEXT) is not None:
            _unwrap_layout(table)
            continue
        rows = _html_grid(table)
        inside = table.find_parent(["td", "th"]) is not None
        if inside and not (len(rows) >= 2 and max(map(len, rows), default=0) >= 2):
            continue
        tables.append(rows)
        table.replace_with(NavigableString(f"\n\x00{len(tables) - 1}\x00\n"))
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_after(NavigableString("\n"))
    rows_out: list[tuple[str, list[str]]] = []
    for number, line in enumerate(soup.get_text("").split("\n"), start=1):
        slot = _TABLE_SLOT.match(line.strip())
        if slot:
            table_no = int(slot.group(1))
            rows_out += [
                (f"表{table_no + 1}行{r}", row) for r, row in enumerate(tables[table_no], start=1)
            ]
        else:
            rows_out.append((f"L{number}", [line]))
    return _row_blocks(rows_out), encoding, ignored


_TABLE_SLOT_TEXT = re.compile("\x00\\d+\x00")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _drop_hidden(soup) -> tuple[str, ...]:
    """Elements a browser does not show (``hidden``, ``display:none``, ``visibility:hidden``)
    are removed; a line says how much text they held."""
    hidden = soup.find_all(
        lambda tag: tag.has_attr("hidden") or bool(_HIDDEN_STYLE.search(tag.get("style") or ""))
    )
    characters = 0
    for tag in hidden:
        if tag.decomposed:
            continue  # inside a hidden element already removed
        characters += len(tag.get_text("", strip=True))
        tag.decompose()
    return (f"网页中不显示的内容（display:none 等）{characters} 字，未读入",) if characters else ()


def _unwrap_layout(table) -> None:
    """A layout table's cells become lines of the page, the tables in them stay tables."""
    from bs4 import NavigableString

    for tag in table.find_all(["tr", "td", "th", "thead", "tbody", "tfoot"]):
        tag.insert_after(NavigableString("\n"))
        tag.unwrap()
    table.unwrap()


def _html_grid(table) -> list[list[str]]:
    """A table's rows on its grid: a cell spanning rows is repeated in each (a 分块 or units cell
    spanning several items), a cell spanning columns keeps its text once and blanks after it."""
    pending: dict[int, tuple[str, int]] = {}  # column → (text, rows it still spans)
    grid = []
    for tr in (tr for tr in table.find_all("tr") if tr.find_parent("table") is table):
        row: list[str] = []
        for cell in (c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr):
            _take_spanned(row, pending)
            text = _cell_lines(cell)
            across = min(max(_span(cell, "colspan"), 1), 64)
            down = min(max(_span(cell, "rowspan"), 1), 10_000)
            for k in range(across):
                if down > 1:
                    pending[len(row)] = (text if k == 0 else "", down - 1)
                row.append(text if k == 0 else "")
        _take_spanned(row, pending)
        grid.append(row)
    return grid


def _take_spanned(row: list[str], pending: dict[int, tuple[str, int]]) -> None:
    """Fill ``row`` with the cells spanning down into it from rows above, at its end."""
    while len(row) in pending:
        text, left = pending.pop(len(row))
        if left > 1:
            pending[len(row)] = (text, left - 1)
        row.append(text)


def _cell_lines(cell) -> str:
    """A table cell's text, a ``<br>`` or a paragraph inside it a line break."""
    from bs4 import NavigableString

    for tag in cell.find_all(["br", "p", "div", "li"]):
        tag.insert_after(NavigableString("\n"))
    return cell.get_text("").strip()


def _span(cell, name: str) -> int:
    value = str(cell.get(name) or "1").strip()
    return int(value) if value.isdigit() else 1


def _deeper_than(soup, limit: int) -> bool:
    """Is any element nested more than ``limit`` deep? Walked with a stack, not recursion."""
    from bs4 import Tag

    stack = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))
    return False


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _decode_html(data: bytes) -> tuple[str, str]:
    """The declared charset first (gb2312/gbk read as GB18030), else our own detection."""
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii").lower()
        if declared in ("gb2312", "gbk", "gb18030", "x-gbk"):
            declared = "gb18030"
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def _read_pdf(data: bytes) -> tuple[list[Block], str]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages  # the page tree is read here, and may be damaged too
    except Exception as error:
        raise ListError(_damaged("PDF", error)) from None
    with pdf:
        if len(pages) > MAX_PDF_PAGES:
            raise ListError(
                f"这个 PDF 有 {len(pages)} 页，超过 {MAX_PDF_PAGES} 页的上限："
                "请只保留清单所在的页面（另存或打印为新的 PDF）后上传。"
            )
        estimate = _estimated_characters(data, len(pages))
        if estimate is not None and estimate > MAX_PDF_TEXT_CHARS:
            raise ListError(TOO_LONG_PDF)
        rows: list[tuple[str, list[str]]] = []
        has_text = False
        characters = 0
        for number, page in enumerate(pages, start=1):
            try:
                characters += len(page.chars)
                if characters > MAX_PDF_TEXT_CHARS:  # refused as soon as known, not at the end
                    raise ListError(TOO_LONG_PDF)
                # and as soon as it is clear: the first pages set the pace, and a document whose
                # pages at that pace hold half as much again as the limit will not fit
                if (
                    number == _PDF_SAMPLE_PAGES
                    and characters / number * len(pages) > 1.5 * MAX_PDF_TEXT_CHARS
                ):
                    raise ListError(TOO_LONG_PDF)
                has_text = bool(page.chars) or has_text
                _run_on(rows, [(f"p{number}", cells) for cells in _page_rows(page)])
            except ListError:
                raise
            except Exception as error:  # pdfminer raises many kinds for a damaged page
                raise ListError(_damaged("PDF", error)) from None
            page.close()  # its parsed objects are cached until then: memory stays one page's
    if not has_text:
        raise ListError(
            "这个 PDF 没有文字层（可能是扫描件）：请上传带文字的 PDF、Word 或 Excel 文件。"
        )
    return _row_blocks(rows, breaks_separate=True), "pdf"


_PDF_SAMPLE_PAGES = 3
_PDF_ESTIMATE_PAGES = 10


def _estimated_characters(data: bytes, pages: int) -> float | None:
    """A PDF's characters estimated from ten pages spread over it, counted by PDFium (a tenth
    of a second a page, where pdfminer lays a dense page out in half a second): a document far
    over the limit is refused in seconds, not after a minute of reading. None when PDFium
    cannot read it (pdfminer then says what is wrong). A list's pages hold some 2,000
    characters; a document must average 10,000 a page over 200 pages to be refused here."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # PDFium raises its own kinds for a damaged file
        return None
    try:
        chosen = sorted(
            {round(i * (pages - 1) / (_PDF_ESTIMATE_PAGES - 1)) for i in range(_PDF_ESTIMATE_PAGES)}
        )
        counted = 0
        for index in chosen:
            page = document[index]
            text = page.get_textpage()
            counted += text.count_chars()
            text.close()
            page.close()
        return counted / len(chosen) * pages
    except Exception:
        return None
    finally:
        document.close()


def _page_rows(page) -> list[list[str]]:
    """A page's rows in reading order: on a page set in two columns, what is above them, then
    the left column, then the right one; else top to bottom."""
    gutter = None if page.find_tables() else _gutter(page)
    if gutter is None:
        return _column_rows(page)
    x, top = gutter
    parts = [(0, 0, page.width, top), (0, top, x, page.height), (x, top, page.width, page.height)]
    return [row for bbox in parts for row in _column_rows(page.within_bbox(bbox))]


def _gutter(page) -> tuple[float, float] | None:
    """(x, top) of the gap between two columns of text, or None for a page in one column.

    A gap is an x in the middle of the page that at least three lines of text have words on
    both sides of and none across, and more than twice as many as the lines that cross it (a
    title over both columns); the columns start at the first line with words on both sides.
    """
    lines = page.extract_text_lines(return_chars=True)
    low, high, step = int(page.width * 0.3), int(page.width * 0.7), 2
    steps = range(low, high, step)
    split, crossing = [0] * len(steps), [0] * len(steps)
    first = [page.height] * len(steps)
    for line in lines:
        spans = [(c["x0"], c["x1"]) for c in line["chars"] if c["text"].strip()]
        if not spans:
            continue
        covered = set()  # the steps a character of this line lies across (4 pt either side)
        for x0, x1 in spans:
            covered.update(
                range(
                    max(0, math.ceil((x0 - 4 - low) / step)),
                    min(len(steps), math.floor((x1 + 4 - low) / step) + 1),
                )
            )
        left, right = min(x1 for _, x1 in spans), max(x0 for x0, _ in spans)
        for index, x in enumerate(steps):
            if index in covered:
                crossing[index] += 1
            elif left <= x <= right:
                split[index] += 1
                first[index] = min(first[index], line["top"])
    candidates = [i for i in range(len(steps)) if split[i] >= 3 and split[i] > 2 * crossing[i]]
    # one gap only (a table without rules has one between every two columns), and numbered
    # items starting lines on both sides of it (a task | units table has numbers on one side)
    if not candidates or candidates[-1] - candidates[0] != len(candidates) - 1:
        return None
    best = candidates[len(candidates) // 2]  # the middle of the gap
    x = float(steps[best])
    halves = [_halves(line, x) for line in lines]
    numbered = [sum(1 for pair in halves if _ITEM_START.match(pair[side])) for side in (0, 1)]
    if min(numbered) < 2:
        return None
    return x, first[best] - 1


_ITEM_START = re.compile(
    r"\s*(?:\d{1,3}[.、．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)"
)


def _halves(line: dict, x: float) -> tuple[str, str]:
    """A text line's words left and right of ``x``."""
    left = "".join(c["text"] for c in line["chars"] if (c["x0"] + c["x1"]) / 2 < x)
    right = "".join(c["text"] for c in line["chars"] if (c["x0"] + c["x1"]) / 2 >= x)
    return left, right


def _column_rows(page) -> list[list[str]]:
    """A page's (or a column's) table rows and lines of text, top to bottom."""
    placed: list[tuple[float, int, list[str]]] = []
    tables = page.find_tables() or page.find_tables(
        {"vertical_strategy": "text", "horizontal_strategy": "text"}
    )
    tables = [t for t in tables if len(t.rows) >= 2 and len(t.rows[0].cells) >= 2]
    for table in tables:
        for order, row in enumerate(_table_cells(page, table)):
            placed.append((table.bbox[1] + order * 0.001, 1, row))
    boxes = [t.bbox for t in tables]
    lines = page.filter(lambda obj: _outside(obj, boxes)).extract_text_lines()
    for line in _paragraph_lines(lines, [t.bbox[1] for t in tables], page.bbox):
        placed.append((line["top"], 0, (_RunsOn if line.get("runs_on") else list)([line["text"]])))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [cells for _, _, cells in placed]


class _RunsOn(list):
    """A page's last line of text that runs to the right margin inside a sentence: its
    paragraph goes on at the top of the next page."""


def _run_on(rows: list[tuple[str, list[str]]], page: list[tuple[str, list[str]]]) -> None:
    """Add a page's rows to those before, the paragraph a page break cut joined again: the
    last line of the page before (a page number under it aside) runs on, and the page's first
    line is text that starts no item, no row and no page number of its own."""
    at = len(rows) - 1  # the page's last row, a page number under it aside
    while at >= 0 and _PAGE_NUMBER.fullmatch(" ".join(rows[at][1]).strip()):
        at -= 1
    if at >= 0 and isinstance(rows[at][1], _RunsOn) and page and len(page[0][1]) == 1:
        first = page[0][1][0].strip()
        if first and not _LINE_START.match(first) and not _PAGE_NUMBER.fullmatch(first):
            rows[at] = (rows[at][0], [_wrapped(rows[at][1][0], first)])
            page = page[1:]
    rows.extend(page)


def _paragraph_lines(
    lines: list[dict], table_tops: list[float], bbox: tuple[float, ...]
) -> list[dict]:
    """The text lines of a page with a paragraph's wrapped lines joined: a line that runs to
    the right margin goes on in the next when that one starts at the left margin (not
    indented, as a new paragraph is) and starts no item (1. / (一) / 一、) — a PDF wraps a
    long item's text, the item goes on. Only where the text is set to a width (three lines or
    more reach the right margin, or long running text ends there, and it spans most of the
    page or column, ``bbox``); no line is joined across a table."""
    if len(lines) < 2:
        return lines
    right = max(line["x1"] for line in lines)
    left = min(line["x0"] for line in lines)
    reaching = [
        line for line in lines if line["x1"] >= right - 1.5 * (line["bottom"] - line["top"])
    ]
    running = all(len(line["text"]) >= _LONG_LINE and " " not in line["text"] for line in reaching)
    size = max(line["bottom"] - line["top"] for line in reaching)
    set_to_width = len(reaching) >= _MARGIN_LINES or (
        running and (len(reaching) == 2 or abs((bbox[2] - right) - (left - bbox[0])) <= 2 * size)
    )  # or two long lines of running text (a paragraph of three lines, no row of a table),
    # or one that ends as far from the page's right edge as the text starts from its left:
    # at the right margin (a cell's text wrapped in a page of short lines)
    if not set_to_width or right - left < 0.6 * (bbox[2] - bbox[0]):
        return lines  # short lines, some of them the longest: no text wraps here
    out: list[dict] = []
    for line in lines:
        before = out[-1] if out else None
        size = (before["bottom"] - before["top"]) if before else 0
        if (
            before is not None
            and before["x1"] >= right - 1.5 * size
            and line["x0"] <= left + 0.5 * size
            and line["top"] - before["bottom"] < 1.5 * size
            and not any(before["top"] < top < line["top"] for top in table_tops)
            and not before["text"].rstrip().endswith(_SENTENCE_ENDS)  # a paragraph's end
            and not _LINE_START.match(line["text"])
            and not _PAGE_NUMBER.fullmatch(line["text"].strip())
        ):
            joined = dict(before)
            joined["text"] = _wrapped(before["text"], line["text"])
            joined["bottom"], joined["x1"] = line["bottom"], line["x1"]
            out[-1] = joined
        else:
            out.append(line)
    last = out[-1] if out else None
    if (
        last is not None
        and last["x1"] >= right - 1.5 * (last["bottom"] - last["top"])
        and not last["text"].rstrip().endswith(_SENTENCE_ENDS)
    ):  # the page's last line goes on: on the next page
        out[-1] = {**last, "runs_on": True}
    return out


def _wrapped(line: str, following: str) -> str:
    """A line and the next it wrapped into: joined, with a space between Latin letters or
    figures (a wrap falls between words, 2 | 0 are two figures)."""
    ends = line[-1:] + following[:1]
    return line + (" " if ends.isascii() and ends.isalnum() and len(ends) == 2 else "") + following


_MARGIN_LINES = 3  # lines that reach the right margin: the page's text is set to a width
_LONG_LINE = 30  # characters of a line that reaches it: a paragraph's, no title's or cell's
_SENTENCE_ENDS = ("。", "!", "?")
# a line that starts an item, a row or a part: never the rest of the line above (3.5万亿元
# and 3 6 (figures of a row) go on a sentence, 3.加快 and 3|加快 start an item)
_LINE_START = re.compile(
    r"\s*(?:\d{1,3}(?:[.．](?!\d)|[、)|]|\s(?!\s*\d))|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]"
    r"|[①-⑳●■◆▲★]|第[一二三四五六七八九十\d]{1,3}[条项部章]|附件|附表|序号)"
)
_PAGE_NUMBER = re.compile(r"[-—]?\s*\d{1,3}\s*[-—]?|第\s*\d+\s*页.*")


def _table_cells(page, table) -> list[list[str]]:
    """A PDF table's rows of cell texts (as pdfplumber's ``extract``), each cell's lines
    joined where the text wrapped (the line runs to the cell's right edge) and kept apart
    by a line break where it was typed (a short line: 市民政局 / 伍泽国, units one a line)."""
    out = []
    for row in table.rows:
        inside = [c for c in page.chars if _in_box(c, row.bbox)]
        out.append(
            [
                "" if cell is None else _cell_text([c for c in inside if _in_box(c, cell)], cell)
                for cell in row.cells
            ]
        )
    return out


def _in_box(char: dict, box: tuple[float, float, float, float]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _cell_text(chars: list[dict], box: tuple[float, float, float, float]) -> str:
    """A cell's characters as text: lines top to bottom, a wrapped line joined to the next,
    a line that stops short of the right edge (by more than two characters) followed by a
    line break."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= _SAME_LINE:
            lines[-1].append(char)
        else:
            lines.append([char])
    text = ""
    for n, line in enumerate(lines):
        line.sort(key=lambda c: c["x0"])
        words = line[0]["text"]
        for before, char in zip(line, line[1:]):
            gap = char["x0"] - before["x1"]
            words += (" " if gap > 0.5 * (before["x1"] - before["x0"]) else "") + char["text"]
        if n:
            width = max(c["x1"] - c["x0"] for c in lines[n - 1])
            short = box[2] - max(c["x1"] for c in lines[n - 1]) > _EDGE + 2 * width
            text += "\n" if short else ""
        text += words
    return text


_SAME_LINE = 3  # pt between the tops of characters on one line
_EDGE = 6  # pt of a cell's padding at its right edge


def _outside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    """Is a PDF object outside every table? Judged by its centre, so a title that merely
    touches a table's box is kept whole."""
    if obj.get("object_type") != "char":
        return True
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _row_blocks(rows: Iterable[tuple[str, list[str]]], breaks_separate: bool = True) -> list[Block]:
    """Rows of cells → blocks: a row with one filled cell is a line of text, wider rows are
    table rows (their text is the cells joined by `` | ``); cells are normalized."""
    blocks: list[Block] = []
    for ref, raw_cells in rows:
        cells = [_one_line(normalize_line(c), breaks_separate) for c in raw_cells]
        filled = [c for c in cells if c]
        if not filled:
            continue
        while cells and not cells[-1]:
            cells.pop()
        if len(filled) == 1 and len(cells) == 1:
            blocks.append(Block(filled[0], ref))
        else:
            blocks.append(Block(" | ".join(cells), ref, tuple(cells)))
    return blocks


def _one_line(cell: str, breaks_separate: bool = False) -> str:
    """A cell's lines as one line. In a PDF a line break in a cell is a wrap: the pieces join
    (a space only between Latin letters or digits). Elsewhere it was typed (Alt+Enter, a new
    paragraph, ``<br>``) and separates what it stands between, units one per line above all:
    a space there, unless punctuation already separates them."""
    parts = [p.strip() for p in str(cell).replace("\r", "\n").split("\n") if p.strip()]
    out = ""
    for part in parts:
        if out and (
            (out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum())
            or (breaks_separate and out[-1] not in _JOINING and part[0] not in _JOINING)
        ):
            out += " "
        out += part
    return out


# punctuation that already joins or separates the lines on either side of a line break
_JOINING = set(",，、;；:：。.()（）▲★-—/")


def _check_zip(data: bytes, kind: str) -> None:
    """Refuse a damaged, encrypted or oversized Office file before any library unpacks it.

    Sizes are the ones the zip's central directory declares, and each part is then inflated
    once, in bounded chunks, to check that it holds no more than declared: a lying directory
    would otherwise pass, and ``zipfile`` (which openpyxl and python-docx read through)
    inflates a whole part in one call before cutting it to the declared size.
    """
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_STREAM in data:
        raise ListError(PROTECTED)  # Office saves a password-protected file as OLE, not zip
    damaged = f"无法打开这个 {kind} 文件：文件已损坏、被加密或并非 {kind} 格式。"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception:  # BadZipFile, and for odd headers NotImplementedError, ValueError …
        raise ListError(damaged) from None
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise ListError(
            f"这个 {kind} 文件解压后过大（超过 {MAX_UNZIPPED_BYTES // 2**20} MB），已拒绝读取。"
        )
    if not all(_inflates_as_declared(data, info) for info in infos):
        raise ListError(damaged)


def _inflates_as_declared(data: bytes, info: zipfile.ZipInfo, chunk: int = 2**20) -> bool:
    """Does this part inflate to no more than its declared size? Never holds over ``chunk``."""
    if info.compress_type == zipfile.ZIP_STORED:
        return True  # read as stored: never more than the file's own bytes
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return False  # Office writes deflate only: bzip2 or lzma here is not an Office file
    header = data[info.header_offset : info.header_offset + 30]
    if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
        return False
    start = (
        info.header_offset
        + 30
        + int.from_bytes(header[26:28], "little")
        + int.from_bytes(header[28:30], "little")
    )
    pending = memoryview(data)[start : start + info.compress_size]
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    try:
        while pending:
            produced += len(inflater.decompress(pending, chunk))
            if produced > info.file_size:
                return False
            pending = inflater.unconsumed_tail
        produced += len(inflater.flush())
    except zlib.error:
        return False
    return produced <= info.file_size


def _damaged(kind: str, error: Exception) -> str:
    """The message for a file a library could not open; a password is named as such
    (xlrd says "Workbook is encrypted", pdfminer raises PDFPasswordIncorrect)."""
    if "encrypted" in str(error).lower() or "password" in type(error).__name__.lower():
        return PROTECTED
    return f"无法打开这个 {kind} 文件：文件已损坏、被加密或并非 {kind} 格式。"


# each reader gives (blocks, how) or (blocks, how, ignored)
_READERS: dict[str, Callable[[bytes], tuple]] = {
    **{suffix: _read_text for suffix in TEXT_SUFFIXES},
    ".csv": _read_csv,
    ".xlsx": _read_xlsx,
    ".xlsm": _read_xlsx,
    ".xls": _read_xls,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
}
