"""The one module of lib/ that imports Streamlit: data source, cached parsing, the shared
filters (kept in the URL), chips, and downloads. Pages call ``context()`` and draw."""

from __future__ import annotations

import contextlib
import hashlib
import re
import runpy
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from lib import PARSER_VERSION
from lib.parse.errors import ListError
from lib.write.export import safe_filename, to_csv_bytes, to_xlsx_bytes
from lib.write.charts import units_from_selection
from lib.analyse.filters import ROLE_CHOICES, Filters, apply_filters
from lib.parse.pipeline import ParsedDocument, parse_bytes
from lib.parse.reference import DATA_DIR
from lib.analyse.review import apply_aliases
from lib.parse.schema import KINDS, ROLES

BUNDLED_NAME = "zhuji-2023-key-work-list.txt"
# what the pipeline reads, plus the formats it explains how to re-save (.doc, .wps, .ofd)
UPLOAD_TYPES = ["txt", "md", "csv", "xlsx", "xls", "docx", "html", "htm", "pdf", "doc", "wps", "ofd"]
_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$"
# Streamlit turns :name[…], :material/icon: and :emoji: into markup after unescaping, so a
# backslash cannot stop them: an invisible word joiner after the colon does.
_SHORTCODE_START = re.compile(r":(?=[A-Za-z0-9_+\-])")
_WIDGETS = {"units": "f_units", "kinds": "f_kinds", "role": "f_role", "sections": "f_sections",
            "leaders": "f_leaders", "include_collectives": "f_coll", "text": "f_text",
            "keyword": "f_kw"}
_DEFAULTS = Filters()


def escape_markdown(text: str) -> str:
    """Document text shown through Markdown renders literally (``**x**`` stays ``**x**``,
    ``:red[x]`` and ``:material/warning:`` stay text)."""
    joined = _SHORTCODE_START.sub(":\u2060", str(text))
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in joined)


@dataclass(frozen=True)
class Source:
    name: str
    data: bytes


@st.cache_data(max_entries=32, ttl=3600, show_spinner="正在解析清单……")
def _parse(content_key: str, _data: bytes, name: str) -> ParsedDocument:
    """Parse once per content: ``content_key`` is the SHA-256 plus the parser version."""
    return parse_bytes(_data, name)


def parse_source(source: Source) -> ParsedDocument:
    """Parse a source through the cache; raises ``ListError`` for a bad file."""
    digest = hashlib.sha256(source.data).hexdigest()
    return _parse(f"{digest}:{PARSER_VERSION}", source.data, source.name)


def _source_picker() -> Source:
    """Sidebar: the bundled list by default, or an uploaded file."""
    with st.sidebar:
        st.caption("默认显示内置的《诸暨市2023年政府重点工作责任清单》。也可上传其他清单："
                   "Word、Excel、PDF（带文字层）、网页、CSV 或文本文件，任意常见编码。")
        upload = st.file_uploader("上传责任清单", type=UPLOAD_TYPES, key="upload")
    if upload is not None:
        return Source(upload.name, upload.getvalue())
    return Source(BUNDLED_NAME, (DATA_DIR / BUNDLED_NAME).read_bytes())


def frame() -> None:
    """Everything the pages share, drawn by app.py before the page: the data source, the
    filters in the sidebar (seeded from the URL once, written back every run)."""
    source = _source_picker()
    try:
        doc = parse_source(source)
    except ListError as error:
        st.session_state["_context"] = (None, None, f"无法读取《{source.name}》：{error.message}")
        return
    mapping = aliases(doc.doc_id)
    doc = apply_aliases(doc, mapping)
    filters = _filters_sidebar(doc)
    st.session_state["_context"] = (doc, filters, "")
    st.session_state["_doc_key"] = f"{doc.doc_id}:{PARSER_VERSION}:{sorted(mapping.items())}"


_ENTRY = threading.local()
APP_PATH = Path(__file__).resolve().parents[2] / "app.py"


@contextlib.contextmanager
def entry() -> Iterator[None]:
    """Marks the run of app.py, so a page can tell that the frame was drawn before it."""
    _ENTRY.active = True
    try:
        yield
    finally:
        _ENTRY.active = False


def context() -> tuple[ParsedDocument, Filters]:
    """The current document and filters; stops the page with the reason when there is none.

    A deep link (``/explorer?unit=…``) to a freshly started server runs the page file alone,
    because Streamlit treats a ``pages/`` folder as pages until app.py has run once. The page
    then runs app.py itself (which draws the frame and this page) and stops.
    """
    if not getattr(_ENTRY, "active", False):
        runpy.run_path(str(APP_PATH), run_name="__main__")
        st.stop()
    doc, filters, problem = st.session_state.get("_context", (None, None, "尚未加载清单。"))
    if problem or doc is None:
        st.error(escape_markdown(problem or "尚未加载清单。"))
        st.stop()
    if st.session_state.get("_link_mismatch"):
        st.warning("链接对应的文件未加载，请重新上传。链接中的筛选条件已保留，上传该文件后即可恢复。")
    return doc, filters


def filtered() -> tuple[ParsedDocument, Filters, pd.DataFrame, pd.DataFrame]:
    """The current document, filters, and the items and assignments they select."""
    doc, filters = context()
    items, rows = apply_filters(doc.items, doc.assignments, filters)
    return doc, filters, items, rows


@st.cache_data(max_entries=512, ttl=3600, show_spinner=False)
def _view(name: str, doc_key: str, filters: Filters, args: tuple, options: tuple[bool, bool],
          _fn: Callable, _doc: ParsedDocument, _items: pd.DataFrame, _rows: pd.DataFrame) -> object:
    return _fn(_doc, _items, _rows, *args) if options[1] else _fn(_items, _rows, *args)


def view(fn: Callable[..., object], *args: object, whole_items: bool = False,
         needs_doc: bool = False) -> object:
    """``fn(items, assignments, *args)`` on the filtered tables, computed once per
    (document, user mappings, filters, arguments): reruns that change nothing reuse it.

    ``whole_items`` passes every mention of the chosen items rather than the filtered ones
    (an item's leads are its leads, whatever role the filter shows); ``needs_doc`` passes
    the whole document first, ``fn(doc, items, assignments, *args)``.
    """
    doc, filters, items, rows = filtered()
    if whole_items:
        rows = doc.assignments[doc.assignments["item_no"].isin(items["item_no"])]
    return _view(f"{fn.__module__}.{fn.__qualname__}", st.session_state["_doc_key"], filters,
                 args, (whole_items, needs_doc), fn, doc, items, rows)


# --- filters: widgets, URL ---

def _filters_sidebar(doc: ParsedDocument) -> Filters:
    _seed_from_url(doc)
    a = doc.assignments
    items_per_unit = a.groupby("unit")["item_no"].nunique().sort_values(ascending=False, kind="stable")
    sections = sorted(set(doc.items["section"]) | set(doc.items["theme"]) - {""})
    leaders = sorted({n for names in doc.items["leaders"] for n in names.split("、") if n})
    with st.sidebar:
        st.subheader("筛选")
        st.multiselect("责任单位", list(items_per_unit.index), key=_WIDGETS["units"],
                       format_func=lambda u: f"{u}（{items_per_unit.get(u, 0)}项）",
                       placeholder="全部单位")
        st.multiselect("单位类型", [k for k in KINDS if k in set(a["kind"])], key=_WIDGETS["kinds"],
                       format_func=KINDS.get, placeholder="全部类型")
        st.radio("角色", ROLE_CHOICES, key=_WIDGETS["role"], horizontal=True,
                 format_func=lambda r: {"all": "全部", **ROLES}[r])
        if sections:
            st.multiselect("分块/主题", sections, key=_WIDGETS["sections"], placeholder="全部")
        if leaders:
            st.multiselect("分管领导", leaders, key=_WIDGETS["leaders"], placeholder="全部")
        st.text_input("主要工作包含", key=_WIDGETS["text"], placeholder="如：养老")
        st.text_input("关键词", key=_WIDGETS["keyword"], placeholder="如：营商环境")
        st.checkbox("排名中包含泛指单位（各部门、相关单位等）", key=_WIDGETS["include_collectives"])
    filters = Filters(
        units=tuple(st.session_state[_WIDGETS["units"]]),
        kinds=tuple(st.session_state[_WIDGETS["kinds"]]),
        role=st.session_state[_WIDGETS["role"]],
        sections=tuple(st.session_state.get(_WIDGETS["sections"], ())),
        leaders=tuple(st.session_state.get(_WIDGETS["leaders"], ())),
        include_collectives=bool(st.session_state[_WIDGETS["include_collectives"]]),
        text=st.session_state[_WIDGETS["text"]].strip(),
        keyword=st.session_state[_WIDGETS["keyword"]].strip(),
    )
    if not st.session_state.get("_link_mismatch"):
        st.query_params.from_dict({"doc": doc.doc_id, **filters.to_query()})
    return filters


def _seed_from_url(doc: ParsedDocument) -> None:
    """Set the widgets from the URL once per session: at once when the link's document is
    the one loaded, else when it is uploaded (until then the link's filters wait)."""
    state = st.session_state
    if "_url_filters" not in state:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        state["_url_filters"] = (query.get("doc", [""])[0], Filters.from_query(query))
    pending = state["_url_filters"]
    state["_link_mismatch"] = False
    if pending:
        linked, wanted = pending
        if linked and linked != doc.doc_id:
            state["_link_mismatch"] = True
        else:
            _set_widgets(_valid_for(wanted, doc))
            state["_url_filters"] = None
    if state.get("_last_doc") != doc.doc_id:  # another list: keep only what applies to it
        state["_last_doc"] = doc.doc_id
        current = {f: state[k] for f, k in _WIDGETS.items() if k in state}
        as_filters = replace(_DEFAULTS, **{f: tuple(v) if isinstance(v, list) else v
                                           for f, v in current.items()})
        _set_widgets(_valid_for(as_filters, doc))


def _valid_for(filters: Filters, doc: ParsedDocument) -> Filters:
    """Drop values the document does not have (a unit of another list)."""
    units = set(doc.assignments["unit"])
    sections = set(doc.items["section"]) | set(doc.items["theme"])
    leaders = {n for names in doc.items["leaders"] for n in names.split("、") if n}
    return replace(filters,
                   units=tuple(u for u in filters.units if u in units),
                   kinds=tuple(k for k in filters.kinds if k in set(doc.assignments["kind"])),
                   sections=tuple(s for s in filters.sections if s in sections),
                   leaders=tuple(n for n in filters.leaders if n in leaders))


def _set_widgets(filters: Filters) -> None:
    for field, key in _WIDGETS.items():
        value = getattr(filters, field)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value


def filter_chips(filters: Filters) -> None:
    """Active filters as removable chips, with a clear-all."""
    chips = filters.chips()
    if not chips:
        return
    columns = st.columns(min(len(chips), 5) + 1)
    for index, (field, value, label) in enumerate(chips):
        columns[index % 5].button(f"✕ {escape_markdown(label)}", key=f"chip_{field}_{value}",
                                  on_click=_remove_filter, args=(field, value),
                                  help="移除这个筛选条件")
    columns[-1].button("清除全部", key="chip_clear_all", on_click=_set_widgets, args=(_DEFAULTS,))


def _remove_filter(field: str, value: str) -> None:
    """Chip callback: runs before the widgets are drawn, so it may set their keys."""
    key = _WIDGETS[field]
    current = st.session_state.get(key)
    if isinstance(current, list):
        st.session_state[key] = [v for v in current if v != value]
    else:
        st.session_state[key] = getattr(_DEFAULTS, field)


def click_to_filter(name: str, field: str = "units") -> tuple[str, Callable[[], None]]:
    """A chart key and its ``on_select`` callback: clicking bars (or nodes) sets a filter:
    the units clicked, or the first keyword clicked.

    The key changes once a click is applied, so the chart is drawn afresh and its old
    selection never applies again.
    """
    clicks = st.session_state.setdefault(f"_{name}_clicks", 0)
    key = f"{name}_{clicks}"

    def on_select() -> None:
        values = units_from_selection(st.session_state.get(key))
        if values:
            st.session_state[_WIDGETS[field]] = values if field == "units" else values[0]
            st.session_state[f"_{name}_clicks"] = clicks + 1
    return key, on_select


def set_filter(field: str, value: object) -> None:
    """Callback: set one filter (a drill-down button)."""
    st.session_state[_WIDGETS[field]] = value


def aliases(doc_id: str) -> dict[str, str]:
    """The user's mappings of names onto units for this document, this session."""
    return st.session_state.setdefault("_aliases", {}).setdefault(doc_id, {})


# --- page furniture ---

PAGES_DIR = Path(__file__).resolve().parents[2] / "pages"


def link_to_page(page: str, label: str, icon: str | None = None) -> None:
    """A link to another page by its file (an absolute path resolves wherever the entry is)."""
    st.page_link(str(PAGES_DIR / page), label=label, icon=icon)


def document_header(doc: ParsedDocument) -> None:
    st.title(escape_markdown(doc.meta.get("title") or doc.meta.get("notice_title") or "责任清单"))
    facts = [doc.meta.get(k, "") for k in ("issuer", "doc_number", "date")]
    if any(facts):
        st.caption(escape_markdown(" · ".join(f for f in facts if f)))


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def _export_bytes(doc_id: str, filters: Filters, table: str, fmt: str, headers: str,
                  _frame: pd.DataFrame, _conditions: list[tuple[str, str]]) -> bytes:
    """Download bytes, built once per (document, filters, table, format, headers)."""
    if fmt == "xlsx":
        return to_xlsx_bytes(_frame, headers, conditions=_conditions)
    return to_csv_bytes(_frame, headers, bom=(fmt == "csv"))


def downloads(doc: ParsedDocument, filters: Filters, frame: pd.DataFrame, table: str,
              stem: str, headers: str = "zh") -> None:
    """CSV for Excel, plain UTF-8 CSV and XLSX (with a 筛选条件 sheet) of exactly ``frame``."""
    conditions = [("来源文件", doc.report.source_name), ("文档编号", doc.doc_id),
                  ("表格", stem), ("行数", str(len(frame))), *filters.describe()]
    name = f"{doc.meta.get('title') or '责任清单'}-{stem}"
    columns = st.columns(3)
    for column, (fmt, label, suffix, mime) in zip(columns, (
            ("csv", "下载 CSV（Excel 用）", ".csv", "text/csv"),
            ("csv-plain", "下载 CSV（UTF-8）", ".csv", "text/csv"),
            ("xlsx", "下载 Excel", ".xlsx",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))):
        data = _export_bytes(doc.doc_id, filters, table, fmt, headers, frame, conditions)
        column.download_button(label, data, file_name=safe_filename(name, suffix), mime=mime,
                               key=f"dl_{table}_{fmt}", on_click="ignore", width="stretch")


# --- unit sheets and the brief ---

@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def _sheet_book(doc_key: str, _doc: ParsedDocument):
    from lib.analyse.sheets import build_sheets

    return build_sheets(_doc)


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def _unit_sheet_bytes(doc_key: str, unit: str, fmt: str, _book) -> bytes:
    """One unit's sheet file, written once per (document, user mappings, unit, format)."""
    from lib.write.sheet_files import sheet_docx, sheets_xlsx

    return sheet_docx(_book, unit) if fmt == "docx" else sheets_xlsx(_book, [unit])


def unit_sheet_downloads(doc: ParsedDocument, unit: str, key: str) -> None:
    """该单位任务清单 (Word and Excel) of ``unit``, from the whole list whatever the filters."""
    from lib.write.sheet_files import DOCX_MIME, XLSX_MIME

    doc_key = st.session_state["_doc_key"]
    book = _sheet_book(doc_key, doc)
    if unit not in {sheet.unit for sheet in book.sheets}:
        st.caption(escape_markdown(f"“{unit}”是泛指单位，没有单独的任务清单。"))
        return
    stem = f"{unit}-任务清单"
    word, excel = st.columns(2)
    word.download_button("该单位任务清单（Word）", _unit_sheet_bytes(doc_key, unit, "docx", book),
                         file_name=safe_filename(stem, ".docx"),
                         mime=DOCX_MIME, key=f"{key}_sheet_docx", on_click="ignore", width="stretch")
    excel.download_button("该单位任务清单（Excel）", _unit_sheet_bytes(doc_key, unit, "xlsx", book),
                          file_name=safe_filename(stem, ".xlsx"), mime=XLSX_MIME,
                          key=f"{key}_sheet_xlsx", on_click="ignore", width="stretch")
    st.caption("任务清单按全文生成（不受筛选影响）：牵头、独立承担、配合、共同责任分组，附其他责任单位和目标任务。")


def batch_downloads(doc: ParsedDocument) -> None:
    """Every unit's sheet (one workbook, or a ZIP of Word files) and the one-page brief; built
    when clicked, since the ZIP takes seconds."""
    from lib.write.sheet_files import DOCX_MIME, XLSX_MIME, brief_docx, sheets_xlsx, sheets_zip
    from lib.analyse.sheets import build_brief

    book = _sheet_book(st.session_state["_doc_key"], doc)
    title = doc.meta.get("title") or "责任清单"
    columns = st.columns(3)
    columns[0].download_button("全部单位任务清单（Excel）", lambda: sheets_xlsx(book),
                               file_name=safe_filename(f"{title}-各单位任务清单", ".xlsx"), mime=XLSX_MIME,
                               key="batch_xlsx", on_click="ignore", width="stretch")
    columns[1].download_button("全部单位任务清单（Word，ZIP）", lambda: sheets_zip(book),
                               file_name=safe_filename(f"{title}-各单位任务清单", ".zip"),
                               mime="application/zip", key="batch_zip", on_click="ignore", width="stretch")
    columns[2].download_button("一页简报（Word）", lambda: brief_docx(build_brief(doc)),
                               file_name=safe_filename(f"{title}-一页简报", ".docx"), mime=DOCX_MIME,
                               key="brief_docx", on_click="ignore", width="stretch")
    st.caption(escape_markdown(f"共 {len(book.sheets)} 个单位，按全文生成（不受筛选影响）。{book.scope_note}"))
