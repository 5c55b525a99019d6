"""The frame every page shares, drawn by app.py before the page: the data source, cached
parsing, the filters in the sidebar (kept in the URL), the document's header and the chips.
It leaves one ``AppState`` (``lib.app.state``) for the page."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import streamlit as st

from lib import PARSER_VERSION
from lib.analyse.filters import ROLE_CHOICES, Filters
from lib.analyse.review import Rule, apply_corrections
from lib.app import shelf
from lib.app.state import AppState, Loaded, session_rules, set_state
from lib.app.widgets import DEFAULT_FILTERS, WIDGET_KEYS, document_header, filter_chips, set_widgets
from lib.parse.errors import ListError
from lib.parse.pipeline import ParsedDocument, parse_bytes
from lib.parse.reference import DATA_DIR
from lib.parse.schema import DUTIES, DUTY_MEANING, KINDS

BUNDLED_NAME = "zhuji-2023-key-work-list.txt"
# Chinese for the few words of Streamlit's own that no option changes (the uploader's)
STYLE_SHEET = Path(__file__).resolve().parents[2] / "assets" / "zh.css"
DEFAULT_LIST_VARIABLE = "ZRQD_DEFAULT_LIST"  # a deployment's own default list, any format
LINK_NOT_LOADED = (
    "链接对应的清单不在清单库中（可能已被删除），请重新上传。链接中的筛选条件已保留，"
    "上传该文件后即可恢复。"
)
PICK_KEY = "library_pick"  # the sidebar's 当前清单


@dataclass(frozen=True)
class Source:
    name: str
    data: bytes
    digest: str = field(default="", compare=False)  # SHA-256 of data, when already known

    def content_key(self) -> str:
        """SHA-256 of the content plus the parser version: what the parse is cached by."""
        return f"{self.digest or hashlib.sha256(self.data).hexdigest()}:{PARSER_VERSION}"


# A parsed document is never changed after parsing (every step returns new tables), so all
# sessions share the one object: a st.cache_data hit would copy a 10,000-item list each rerun.
# Few entries: a session keeps the document it shows (see ``_load``), the cache only lets
# sessions share one, and a server that took twenty uploads does not hold all twenty.
@st.cache_resource(max_entries=4, ttl=3600, show_spinner="正在解析清单……")
def _parse(content_key: str, _data: bytes, name: str) -> ParsedDocument:
    """Parse once per content (see ``Source.content_key``)."""
    return parse_bytes(_data, name)


def parse_source(source: Source) -> ParsedDocument:
    """Parse a source through the cache; raises ``ListError`` for a bad file."""
    return _parse(source.content_key(), source.data, source.name)


def default_source() -> Source:
    """The list shown before any upload: the file named by ``ZRQD_DEFAULT_LIST`` (any format
    the reader takes), else the bundled one. Raises ``ListError`` when that file is missing."""
    path = Path(os.environ.get(DEFAULT_LIST_VARIABLE, "").strip() or DATA_DIR / BUNDLED_NAME)
    try:
        stat = path.stat()
        return _read_default(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        raise ListError(
            f"默认清单文件 {path.name} 无法读取：请检查环境变量 {DEFAULT_LIST_VARIABLE} 设定的路径。"
        ) from None


@st.cache_resource(max_entries=4, show_spinner=False)
def _read_default(path: str, mtime_ns: int, size: int) -> Source:
    """The default list's bytes and digest, read again only when the file changes."""
    data = Path(path).read_bytes()
    return Source(Path(path).name, data, hashlib.sha256(data).hexdigest())


def _source_picker() -> Source:
    """Sidebar: the list shown, picked from the library (the default list is always there; an
    upload is stored and shown), or, without a library, the default list or the upload."""
    custom = bool(os.environ.get(DEFAULT_LIST_VARIABLE, "").strip())
    st.html(STYLE_SHEET)  # a static file of CSS only: drawn in no container, takes no room
    default = default_source()
    engine = shelf.engine()
    with st.sidebar:
        st.caption(
            (
                "默认显示本站设定的清单。"
                if custom
                else "默认显示内置的《诸暨市2023年政府重点工作责任清单》。"
            )
            + "也可上传其他清单：Word、Excel、PDF（带文字层）、网页、CSV 或文本文件，任意常见编码。"
            + ("上传的清单存入清单库，换浏览器、重启后仍在。" if engine is not None else "")
        )
        # any file is taken: the reader names what it cannot read in Chinese (the uploader's
        # own type check refuses with an English tooltip and leaves the old list on screen)
        upload = st.file_uploader("上传责任清单", key="upload")
    if engine is None:
        return _upload_source(upload) if upload is not None else default
    return _stored_source(engine, default, upload)


def _upload_source(upload) -> Source:
    """An uploaded file as a source (its digest computed once per upload)."""
    digests = st.session_state.setdefault("_upload_digests", {})
    if upload.file_id not in digests:
        digests.clear()  # one upload at a time: the old one's digest goes with it
        digests[upload.file_id] = hashlib.sha256(upload.getvalue()).hexdigest()
    return Source(upload.name, upload.getvalue(), digests[upload.file_id])


def _stored_source(engine, default: Source, upload) -> Source:
    """The list picked in the sidebar from the library. A new upload is stored and picked (a
    file the reader refuses is returned as it is, so that the page says why); a link's list is
    picked once per session when the library holds it."""
    state = st.session_state
    try:
        default_doc = parse_source(default)
    except ListError:  # a deployment's default list the reader refuses: the page says why
        return default
    default_id = shelf.ensure_stored(
        engine, str(engine.url), default.content_key(), default_doc, default.data
    )
    state["_default_doc_id"] = default_id  # the library page keeps it from being deleted
    if upload is not None and state.get("_stored_upload") != upload.file_id:
        source = _upload_source(upload)
        try:  # parsed through the app's cache: showing it next costs nothing more
            state[PICK_KEY] = shelf.store(engine, source.data, parse_source(source))
        except ListError:  # the page says why, as for any upload
            return source
        state["_stored_upload"] = upload.file_id
        # a file kept as a progress report is no list the sidebar offers: say so, not nothing
        state["_upload_note"] = shelf.kept_as_report(engine, state[PICK_KEY], upload.name)
    if upload is not None and state.get("_upload_note"):
        st.sidebar.warning(state["_upload_note"])
    entries = {entry.doc_id: entry for entry in shelf.entries(engine)}
    if default_id not in entries:  # removed behind the app's back (library remove): again
        shelf.store(engine, default.data, default_doc)
        entries = {entry.doc_id: entry for entry in shelf.entries(engine)}
        if default_id not in entries:  # the library cannot be read: show the default list
            return default
    if "_link_checked" not in state:  # a link to a stored list opens it, in any browser
        state["_link_checked"] = True
        linked = st.query_params.get("doc", "")
        if linked in entries:
            state[PICK_KEY] = linked
    if state.get(PICK_KEY) not in entries:
        state[PICK_KEY] = default_id
    st.sidebar.selectbox(
        "当前清单",
        list(entries),
        format_func=lambda doc_id: shelf.label(entries[doc_id]),
        key=PICK_KEY,
        help="清单库中的全部清单；在“清单库”页可改名或删除。",
    )
    picked = state[PICK_KEY]
    if picked == default_id:
        return default
    stored = shelf.stored_bytes(engine, picked)
    return Source(entries[picked].file_name, *stored) if stored is not None else default


def frame(header: bool = True) -> None:
    """Everything the pages share: the data source, the filters in the sidebar (seeded from
    the URL once, written back every run), and, when ``header``, the document's title and the
    active filters as chips."""
    try:
        source = _source_picker()
    except ListError as error:  # the deployment's default list is missing
        set_state(AppState(None, None, problem=error.message))
        return
    try:
        loaded = _load(source)
    except ListError as error:
        uploaded = st.session_state.get("upload") is not None
        advice = "（移除侧栏中上传的文件，即回到默认清单。）" if uploaded else ""
        set_state(
            AppState(None, None, problem=f"无法读取《{source.name}》：{error.message}{advice}")
        )
        return
    doc = loaded.doc
    if _seed_from_url(loaded):
        # a link to another list: one message and no data (another list's numbers under the
        # link's filters would answer a question nobody asked); the link's filters wait
        set_state(AppState(None, None, link_mismatch=True))
        st.warning(LINK_NOT_LOADED)
        st.button("改为查看当前清单", on_click=_drop_link, key="drop_link")
        return
    filters = _filters_sidebar(loaded)
    set_state(AppState(loaded, filters))
    if header:
        document_header(doc)
        filter_chips(filters)


def _drop_link() -> None:
    """Callback: forget the link's list and filters; show the list that is loaded."""
    st.session_state["_url_filters"] = None
    st.query_params.clear()


def _load(source: Source) -> Loaded:
    """The source's document with its corrections (``_corrections``): the one the session
    already holds when nothing changed, else from the shared caches (parsing only what no
    session has)."""
    held = st.session_state.get("_loaded")
    content_key = source.content_key()
    if (
        held is not None
        and held.content_key == content_key
        and held.key == _doc_key(content_key, _corrections(held.doc))
    ):
        return held
    doc = parse_source(source)
    rules = _corrections(doc)
    loaded = _loaded(_doc_key(content_key, rules), content_key, doc, rules)
    st.session_state["_loaded"] = loaded
    return loaded


def _corrections(doc: ParsedDocument) -> tuple[Rule, ...]:
    """The corrections of ``doc``: those kept in the library for its place (or for it alone
    when it names no place), then this session's own (without a library)."""
    return (*shelf.stored_rules(doc), *session_rules(doc.doc_id))


def _doc_key(content_key: str, rules: tuple[Rule, ...]) -> str:
    return f"{content_key}:{rules}"


@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def _loaded(
    doc_key: str, content_key: str, _doc: ParsedDocument, _rules: tuple[Rule, ...]
) -> Loaded:
    """(``doc_key`` holds the content and the rules: the unhashed arguments are its parts.)"""
    return Loaded(apply_corrections(_doc, _rules), doc_key, content_key)


# --- filters: widgets, URL ---


def _filters_sidebar(loaded: Loaded) -> Filters:
    choices = loaded.choices
    items_per_unit = choices.items_per_unit
    sections, leaders = choices.sections, choices.leaders
    with st.sidebar:
        st.subheader("筛选")
        st.multiselect(
            "责任单位",
            list(items_per_unit),
            key=WIDGET_KEYS["units"],
            format_func=lambda u: f"{u}（{items_per_unit.get(u, 0)}项）",
            placeholder="全部单位",
            select_all=False,  # Streamlit's option is English (Select all)
        )
        st.multiselect(
            "单位类型",
            list(choices.kinds),
            key=WIDGET_KEYS["kinds"],
            format_func=KINDS.get,
            placeholder="全部类型",
            select_all=False,
        )
        st.radio(
            "职责",
            ROLE_CHOICES,
            key=WIDGET_KEYS["role"],
            horizontal=True,
            format_func=lambda r: {"all": "全部", **DUTIES}[r],
            help=DUTY_MEANING,
        )
        if sections:
            st.multiselect(
                "分块/主题",
                sections,
                key=WIDGET_KEYS["sections"],
                placeholder="全部",
                select_all=False,
            )
        if leaders:
            st.multiselect(
                "分管领导",
                leaders,
                key=WIDGET_KEYS["leaders"],
                placeholder="全部",
                select_all=False,
            )
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
    st.query_params.from_dict({"doc": loaded.doc.doc_id, **filters.to_query()})
    return filters


def _seed_from_url(loaded: Loaded) -> bool:
    """Set the widgets from the URL once per session: at once when the link's document is
    the one loaded, else when it is uploaded (until then the link's filters wait). True while
    the link's document is not the one loaded."""
    state, doc, choices = st.session_state, loaded.doc, loaded.choices
    if "_url_filters" not in state:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        state["_url_filters"] = (query.get("doc", [""])[0], Filters.from_query(query))
        # the pages' own controls: each takes its value when its page first draws it
        state["_url_controls"] = {key: values[0] for key, values in query.items() if values}
    pending = state["_url_filters"]
    mismatch = False
    if pending:
        linked, wanted = pending
        if linked and linked != doc.doc_id:
            mismatch = True
        else:
            set_widgets(choices.valid(wanted))
            state["_url_filters"] = None
    if state.get("_last_doc") != doc.doc_id:  # another list: keep only what applies to it
        state["_last_doc"] = doc.doc_id
        current = {f: state[k] for f, k in WIDGET_KEYS.items() if k in state}
        as_filters = replace(
            DEFAULT_FILTERS,
            **{f: tuple(v) if isinstance(v, list) else v for f, v in current.items()},
        )
        set_widgets(choices.valid(as_filters))
    return mismatch
