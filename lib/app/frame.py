"""The frame every page shares, drawn by app.py before the page: the data source, cached
parsing, the filters in the sidebar (kept in the URL), the document's header and the chips.
It leaves one ``AppState`` (``lib.app.state``) for the page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

import streamlit as st

from lib import PARSER_VERSION
from lib.analyse.filters import ROLE_CHOICES, Filters
from lib.analyse.review import apply_aliases
from lib.app.state import AppState, aliases, set_state
from lib.app.widgets import DEFAULT_FILTERS, WIDGET_KEYS, document_header, filter_chips, set_widgets
from lib.parse.errors import ListError
from lib.parse.pipeline import ParsedDocument, parse_bytes
from lib.parse.reference import DATA_DIR
from lib.parse.schema import KINDS, ROLES

BUNDLED_NAME = "zhuji-2023-key-work-list.txt"
LINK_NOT_LOADED = "链接对应的文件未加载，请重新上传。链接中的筛选条件已保留，上传该文件后即可恢复。"
# what the pipeline reads, plus the formats it explains how to re-save (.doc, .wps, .ofd)
UPLOAD_TYPES = [
    "txt",
    "md",
    "csv",
    "xlsx",
    "xls",
    "docx",
    "html",
    "htm",
    "pdf",
    "doc",
    "wps",
    "ofd",
]


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
        st.caption(
            "默认显示内置的《诸暨市2023年政府重点工作责任清单》。也可上传其他清单："
            "Word、Excel、PDF（带文字层）、网页、CSV 或文本文件，任意常见编码。"
        )
        upload = st.file_uploader("上传责任清单", type=UPLOAD_TYPES, key="upload")
    if upload is not None:
        return Source(upload.name, upload.getvalue())
    return Source(BUNDLED_NAME, (DATA_DIR / BUNDLED_NAME).read_bytes())


def frame(header: bool = True) -> None:
    """Everything the pages share: the data source, the filters in the sidebar (seeded from
    the URL once, written back every run), and, when ``header``, the document's title and the
    active filters as chips."""
    source = _source_picker()
    try:
        doc = parse_source(source)
    except ListError as error:
        set_state(AppState(None, None, problem=f"无法读取《{source.name}》：{error.message}"))
        return
    mapping = aliases(doc.doc_id)
    doc = apply_aliases(doc, mapping)
    mismatch = _seed_from_url(doc)
    filters = _filters_sidebar(doc, mismatch)
    set_state(
        AppState(
            doc,
            filters,
            f"{doc.doc_id}:{PARSER_VERSION}:{sorted(mapping.items())}",
            link_mismatch=mismatch,
        )
    )
    if header:
        document_header(doc)
        filter_chips(filters)
    if mismatch:  # once per run, above the page (pages ask for the state many times)
        st.warning(LINK_NOT_LOADED)


# --- filters: widgets, URL ---


def _filters_sidebar(doc: ParsedDocument, link_mismatch: bool) -> Filters:
    a = doc.assignments
    items_per_unit = (
        a.groupby("unit")["item_no"].nunique().sort_values(ascending=False, kind="stable")
    )
    sections = sorted(set(doc.items["section"]) | set(doc.items["theme"]) - {""})
    leaders = sorted({n for names in doc.items["leaders"] for n in names.split("、") if n})
    with st.sidebar:
        st.subheader("筛选")
        st.multiselect(
            "责任单位",
            list(items_per_unit.index),
            key=WIDGET_KEYS["units"],
            format_func=lambda u: f"{u}（{items_per_unit.get(u, 0)}项）",
            placeholder="全部单位",
        )
        st.multiselect(
            "单位类型",
            [k for k in KINDS if k in set(a["kind"])],
            key=WIDGET_KEYS["kinds"],
            format_func=KINDS.get,
            placeholder="全部类型",
        )
        st.radio(
            "角色",
            ROLE_CHOICES,
            key=WIDGET_KEYS["role"],
            horizontal=True,
            format_func=lambda r: {"all": "全部", **ROLES}[r],
        )
        if sections:
            st.multiselect("分块/主题", sections, key=WIDGET_KEYS["sections"], placeholder="全部")
        if leaders:
            st.multiselect("分管领导", leaders, key=WIDGET_KEYS["leaders"], placeholder="全部")
        st.text_input("主要工作包含", key=WIDGET_KEYS["text"], placeholder="如：养老")
        st.text_input("关键词", key=WIDGET_KEYS["keyword"], placeholder="如：营商环境")
        st.checkbox(
            "排名中包含泛指单位（各部门、相关单位等）", key=WIDGET_KEYS["include_collectives"]
        )
    filters = Filters(
        units=tuple(st.session_state[WIDGET_KEYS["units"]]),
        kinds=tuple(st.session_state[WIDGET_KEYS["kinds"]]),
        role=st.session_state[WIDGET_KEYS["role"]],
        sections=tuple(st.session_state.get(WIDGET_KEYS["sections"], ())),
        leaders=tuple(st.session_state.get(WIDGET_KEYS["leaders"], ())),
        include_collectives=bool(st.session_state[WIDGET_KEYS["include_collectives"]]),
        text=st.session_state[WIDGET_KEYS["text"]].strip(),
        keyword=st.session_state[WIDGET_KEYS["keyword"]].strip(),
    )
    if not link_mismatch:
        st.query_params.from_dict({"doc": doc.doc_id, **filters.to_query()})
    return filters


def _seed_from_url(doc: ParsedDocument) -> bool:
    """Set the widgets from the URL once per session: at once when the link's document is
    the one loaded, else when it is uploaded (until then the link's filters wait). True while
    the link's document is not the one loaded."""
    state = st.session_state
    if "_url_filters" not in state:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        state["_url_filters"] = (query.get("doc", [""])[0], Filters.from_query(query))
    pending = state["_url_filters"]
    mismatch = False
    if pending:
        linked, wanted = pending
        if linked and linked != doc.doc_id:
            mismatch = True
        else:
            set_widgets(_valid_for(wanted, doc))
            state["_url_filters"] = None
    if state.get("_last_doc") != doc.doc_id:  # another list: keep only what applies to it
        state["_last_doc"] = doc.doc_id
        current = {f: state[k] for f, k in WIDGET_KEYS.items() if k in state}
        as_filters = replace(
            DEFAULT_FILTERS,
            **{f: tuple(v) if isinstance(v, list) else v for f, v in current.items()},
        )
        set_widgets(_valid_for(as_filters, doc))
    return mismatch


def _valid_for(filters: Filters, doc: ParsedDocument) -> Filters:
    """Drop values the document does not have (a unit of another list)."""
    units = set(doc.assignments["unit"])
    sections = set(doc.items["section"]) | set(doc.items["theme"])
    leaders = {n for names in doc.items["leaders"] for n in names.split("、") if n}
    return replace(
        filters,
        units=tuple(u for u in filters.units if u in units),
        kinds=tuple(k for k in filters.kinds if k in set(doc.assignments["kind"])),
        sections=tuple(s for s in filters.sections if s in sections),
        leaders=tuple(n for n in filters.leaders if n in leaders),
    )
