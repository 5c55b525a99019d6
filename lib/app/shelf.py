"""The list library in the app: the database opened once per process, the default list always
stored, uploads stored when they arrive, and the stored lists offered in the sidebar. When the
database cannot be reached the app goes on without it and says so."""

from __future__ import annotations

import datetime
import hashlib
import io
import logging
import time

import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from lib.analyse.review import Rule, checked, describe, rules_from_table
from lib.app.state import session_rules
from lib.parse.decode import decode_bytes
from lib.parse.errors import ListError
from lib.parse.pipeline import ParsedDocument, parse_bytes
from lib.store import corrections, library, reports
from lib.store.db import database_url, library_engine

UNAVAILABLE = "清单库暂时无法使用，上传的清单只在本次浏览中有效。"
LOG = logging.getLogger(__name__)


RETRY_AFTER = 30.0  # seconds: a library that could not be opened is tried again after this
_failed: dict[str, float] = {}  # URL → when opening it last failed


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    return library_engine(url)  # a failure raises and is not cached


def open_engine() -> Engine | None:
    """The library, or None when it cannot be opened (quietly: ``engine`` says so). A failed
    opening is tried again after ``RETRY_AFTER`` seconds, not on every rerun."""
    url = database_url()
    if time.monotonic() - _failed.get(url, -RETRY_AFTER) < RETRY_AFTER:
        return None
    try:
        return _engine(url)
    except (SQLAlchemyError, OSError) as error:  # no server, no folder: the app goes on
        LOG.warning("library unavailable: %s", error)
        _failed[url] = time.monotonic()
        return None


def engine() -> Engine | None:
    """The library, or None (and a line in the sidebar) when it cannot be opened."""
    found = open_engine()
    if found is None:
        st.sidebar.caption(UNAVAILABLE)
    return found


@st.cache_resource(show_spinner="正在把默认清单存入清单库……", max_entries=4)
def ensure_stored(
    _engine: Engine, url: str, content_key: str, _doc: ParsedDocument, _data: bytes
) -> str:
    """Store the default list (``_doc``, parsed by the app's cache) once per process, library
    (``url``) and content; its document id."""
    return library.add(_engine, _data, _doc.report.source_name, _doc)[0].doc_id


def store(engine: Engine, data: bytes, doc: ParsedDocument) -> str:
    """Store an upload (the same bytes again are the stored list) from its parse; its
    document id."""
    return library.add(engine, data, doc.report.source_name, doc)[0].doc_id


def kept_as_report(engine: Engine, doc_id: str, name: str) -> str:
    """The sentence to show when an upload is already kept as a progress report (the sidebar
    offers lists only, so it would not open): where it is and how to view it as a list; ""
    when it is no report."""
    try:
        found = next((r for r in reports.every(engine) if r.doc_id == doc_id), None)
        lists = {e.doc_id: e for e in library.entries(engine)}
    except SQLAlchemyError as error:
        LOG.warning("reports unreadable: %s", error)
        return ""
    if found is None:
        return ""
    base = lists.get(found.base_doc_id or "")
    of = f"《{label(base)}》的" if base is not None else ""
    return (
        f"《{name}》已作为{of}进度报告存入清单库，请在“进度督查”页查看；"
        "如要把它当作清单查看，请先在该页移除这份报告，再上传。"
    )


def entries(engine: Engine, lists_only: bool = True) -> list[library.Entry]:
    """The stored lists (with ``lists_only`` False, the progress reports too)."""
    try:
        found = library.entries(engine)
        if lists_only:
            skipped = reports.report_ids(engine)
            found = [e for e in found if e.doc_id not in skipped]
        return found
    except SQLAlchemyError as error:
        LOG.warning("library unreadable: %s", error)
        return []


def report_periods(engine: Engine) -> dict[str, str]:
    """Each stored progress report's period, as the library page names it (进度报告 · 1-6月)."""
    try:
        return {r.doc_id: r.period_label for r in reports.every(engine)}
    except SQLAlchemyError as error:
        LOG.warning("reports unreadable: %s", error)
        return {}


def store_report(engine: Engine, name: str, data: bytes, report, base_doc_id: str, period) -> str:
    """Keep a progress report of ``base_doc_id`` in the library; the sentence to show."""
    try:
        reports.add(engine, data, name, report, base_doc_id, period)
    except (ListError, SQLAlchemyError) as error:
        LOG.warning("report not stored: %s", error)
        return "进度报告未能存入清单库，只在本次浏览中有效。"
    return ""


def report_bases(engine: Engine) -> dict[str, str]:
    """Each stored progress report's base list, by the report's id ("" when it has none)."""
    try:
        return {r.doc_id: r.base_doc_id or "" for r in reports.every(engine)}
    except SQLAlchemyError as error:
        LOG.warning("reports unreadable: %s", error)
        return {}


def attach_report(engine: Engine, doc_id: str, base_doc_id: str) -> str:
    """Make a stored report one of ``base_doc_id``; the sentence to show."""
    try:
        reports.set_base(engine, doc_id, base_doc_id)
    except SQLAlchemyError as error:
        LOG.warning("report not attached: %s", error)
        return "未能更改，请稍后再试。"
    st.session_state.get("_progress_loaded", set()).discard(base_doc_id)  # read it again
    return "已更改：在“进度督查”页打开这份清单即可看到这份报告。"


def stored_reports(engine: Engine, base_doc_id: str) -> list[tuple[str, str, bytes]]:
    """(doc_id, file name, bytes) of the base list's stored reports (none when the library
    cannot be read)."""
    found = []
    try:
        for report in reports.of_base(engine, base_doc_id):
            data = library.source_bytes(engine, report.doc_id)
            if data is not None:
                found.append((report.doc_id, report.file_name, data))
    except SQLAlchemyError as error:
        LOG.warning("reports unreadable: %s", error)
    return found


def remove_report(engine: Engine, doc_id: str) -> None:
    try:
        library.remove(engine, doc_id)
    except SQLAlchemyError as error:
        LOG.warning("report not removed: %s", error)


def stored_bytes(engine: Engine, doc_id: str) -> tuple[bytes, str] | None:
    """A stored list's bytes and their SHA-256, held by the session while it shows that list
    (one database read per list opened, not per rerun); re-parsed rows first when an older
    parser stored them, with a note to the user."""
    held = st.session_state.get("_stored_bytes")
    if held and held[0] == doc_id:
        return held[1], held[2]
    data = library.source_bytes(engine, doc_id)
    if data is not None:
        digest = hashlib.sha256(data).hexdigest()
        st.session_state["_stored_bytes"] = (doc_id, data, digest)
        try:
            if library.refresh(engine, doc_id):
                st.toast("该清单由旧版解析程序存入，已按新版重新读取。")
        except ListError:  # the new parser refuses it: the page says so when it parses
            pass
        return data, digest
    return None


def label(entry: library.Entry) -> str:
    """A stored list as the sidebar and the library page name it."""
    facts = " · ".join(part for part in (entry.place, entry.year) if part)
    return f"{entry.display_name}（{facts}）" if facts else entry.display_name


def local_time(moment: datetime.datetime) -> str:
    """An upload time in the server's time zone (SQLite gives it back without a zone: UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


NO_BASE = "（无：原清单已删除）"


def library_table(
    entries: list[library.Entry],
    periods: dict[str, str] | None = None,
    bases: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The library page's table, in the words it shows (``periods``: the progress reports'
    periods, ``bases``: their base lists, by document id)."""
    periods, bases = periods or {}, bases or {}
    named = {e.doc_id: e.display_name for e in entries}
    return pd.DataFrame(
        [
            (
                e.display_name,
                f"进度报告 · {periods[e.doc_id] or '期间未写明'}"
                if e.doc_id in periods
                else "清单",
                (named.get(bases.get(e.doc_id, ""), NO_BASE) if e.doc_id in periods else ""),
                e.place,
                e.year,
                e.item_count,
                e.unit_count,
                local_time(e.uploaded_at),
                e.file_name,
            )
            for e in entries
        ],
        columns=[
            "名称",
            "类型",
            "所属清单",
            "地区",
            "年份",
            "事项",
            "单位",
            "存入时间",
            "原文件名",
        ],
    )


def rename(engine: Engine, doc_id: str, name: str) -> str:
    """Rename a stored list; the sentence to show."""
    try:
        library.rename(engine, doc_id, name)
    except ListError as error:
        return error.message
    return "已改名。"


def remove(engine: Engine, doc_id: str, with_reports: bool = False) -> str:
    """Delete a stored list and everything made from it (and, ``with_reports``, its progress
    reports; else they stay without a base); the sentence to show."""
    removed = reports.remove_of_base(engine, doc_id) if with_reports else 0
    library.remove(engine, doc_id)
    return f"已删除，连同 {removed} 份进度报告。" if removed else "已删除。"


def report_count(engine: Engine, doc_id: str) -> int:
    try:
        return len(reports.of_base(engine, doc_id))
    except SQLAlchemyError:
        return 0


def scope(doc: ParsedDocument) -> str:
    return corrections.scope_of(doc.meta.get("place", ""), doc.doc_id)


def stored_rules(doc: ParsedDocument) -> tuple[Rule, ...]:
    """The corrections kept for ``doc``'s place (none without a library)."""
    found = open_engine()
    if found is None:
        return ()
    try:
        return corrections.rules(found, scope(doc))
    except SQLAlchemyError as error:
        LOG.warning("corrections unreadable: %s", error)
        return ()


def correction_history(engine: Engine, doc: ParsedDocument) -> list[corrections.Made]:
    return corrections.history(engine, scope(doc))


def history_table(history: list[corrections.Made]) -> pd.DataFrame:
    """The corrections as the review page lists them, the newest first."""
    return pd.DataFrame(
        [
            (
                describe(made.rule),
                made.author,
                local_time(made.made_at),
                "有效" if made.undone_at is None else f"已撤销（{local_time(made.undone_at)}）",
            )
            for made in history
        ],
        columns=["修改", "修改人", "时间", "状态"],
    )


def correct(engine: Engine | None, doc: ParsedDocument, rules: list[Rule], author: str) -> str:
    """Keep corrections of ``doc``: in the library for its place, or for this session when
    there is no library (``engine`` None); the sentence to show."""
    try:
        if engine is None:
            session_rules(doc.doc_id).extend(checked(rule) for rule in rules)
            return f"已修改 {len(rules)} 处（本次会话有效）。"
        corrections.add_all(engine, scope(doc), rules, author)
    except ListError as error:
        return error.message
    place = doc.meta.get("place", "")
    where = f"{place}的全部清单" if place else "这份清单"
    count = "" if len(rules) == 1 else f" {len(rules)} 处修改"
    return f"已保存{count}：{where}都按此修改。"


def import_rules(data: bytes) -> list[Rule]:
    """Corrections from an alias table in the ``data/units.csv`` format (any encoding);
    ``ListError`` naming what is wrong."""
    if len(data) > IMPORT_LIMIT:
        raise ListError("别名表过大（超过 1 MB）。")
    text = decode_bytes(data)[0]
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        raise ListError(
            "别名表无法读取：请上传 CSV 文件（canonical,kind,aliases 三列）。"
        ) from None
    return rules_from_table(table)


IMPORT_LIMIT = 1_000_000  # bytes of an alias table


def undo(engine: Engine, correction_id: int) -> str:
    corrections.undo(engine, correction_id)
    return "已撤销。"


@st.cache_resource(max_entries=8, show_spinner="正在读取清单……")
def stored_document(_engine: Engine, doc_id: str) -> ParsedDocument | None:
    """A stored list, parsed (once per process and list), for the comparison page."""
    data = library.source_bytes(_engine, doc_id)
    stored = library.entry(_engine, doc_id)
    if data is None or stored is None:
        return None
    return parse_bytes(data, stored.file_name)


def pair_doubt(a: library.Entry, b: library.Entry) -> str:
    """What to check before reading a comparison of ``a`` (甲) and ``b`` (乙): lists of two
    places (their units of one name are not one body), 甲 newer than 乙, or a place or year
    not found in either; "" when they are one place's two years in order."""
    if a.place and b.place and a.place != b.place:
        return (
            f"清单甲是{a.place}的，清单乙是{b.place}的：两地同名的单位（如财政局）并不是同一单位，"
            "延续与新增只按事项文字判断。"
        )
    if a.year and b.year and a.year > b.year:
        return f"清单甲（{a.year}年）比清单乙（{b.year}年）新：通常把上一年的清单放在清单甲。"
    unknown = [name for name, e in (("清单甲", a), ("清单乙", b)) if not (e.place and e.year)]
    if unknown:
        return f"未能从{'和'.join(unknown)}中读出地区和年份：请确认两份清单是同一地方、前后两年的。"
    return ""


def default_pair(entries: list[library.Entry]) -> tuple[str, str]:
    """The two lists the comparison opens on: the two latest years of the place with the
    latest year among places stored twice or more (older first), else the two latest stored."""
    by_place: dict[str, list[library.Entry]] = {}
    for entry in entries:
        if entry.place and entry.year:
            by_place.setdefault(entry.place, []).append(entry)
    pairs = [sorted(found, key=lambda e: e.year)[-2:] for found in by_place.values()]
    pairs = [pair for pair in pairs if len(pair) == 2 and pair[0].year != pair[1].year]
    if pairs:
        older, newer = max(pairs, key=lambda pair: pair[1].year)
        return older.doc_id, newer.doc_id
    return entries[1].doc_id, entries[0].doc_id
