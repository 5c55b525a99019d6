"""Progress reports in the app: the reports a user uploads on 进度督查 are held for the session
(several, one per period) and kept in the library as reports of the list they were uploaded
for, so that they are there again after a reload or for a colleague; each is read once per
process and content."""

from __future__ import annotations

import datetime
import hashlib

import pandas as pd
import streamlit as st

from lib.analyse.progress import (
    FEW_MATCHED,
    base_statuses,
    likely_bases,
    match_to_base,
    matched_share,
    period_words,
    progress_sentence,
    read_progress,
    share_on_base,
)
from lib.app import shelf
from lib.app.frame import PICK_KEY
from lib.parse.errors import ListError
from lib.parse.metadata import document_year
from lib.parse.pipeline import ParsedDocument, document_id

_KEY = "_progress_reports"  # session: base doc_id → digest → (file name, bytes)
_YEARS = "_progress_years"  # session: base doc_id → the list's year, for reports naming none


def held(base_doc_id: str) -> dict[str, tuple[str, bytes]]:
    """The reports this session holds for one base list."""
    return st.session_state.setdefault(_KEY, {}).setdefault(base_doc_id, {})


def _know_year(base: ParsedDocument) -> None:
    st.session_state.setdefault(_YEARS, {})[base.doc_id] = document_year(base.meta)


def load_stored(base: ParsedDocument) -> None:
    """The base list's reports kept in the library, held for this session too (once)."""
    _know_year(base)
    engine = shelf.open_engine()
    loaded = st.session_state.setdefault("_progress_loaded", set())
    if engine is None or base.doc_id in loaded:
        return
    loaded.add(base.doc_id)
    for _, name, data in shelf.stored_reports(engine, base.doc_id):
        held(base.doc_id)[hashlib.sha256(data).hexdigest()] = (name, data)


def add(name: str, data: bytes, base: ParsedDocument) -> str:
    """Keep an uploaded report for the session and, when it can be read, in the library as a
    report of ``base`` with its period; a sentence when it could not be stored, else ""."""
    digest = hashlib.sha256(data).hexdigest()
    _know_year(base)
    held(base.doc_id)[digest] = (name, data)
    return _store(base.doc_id, digest, base.doc_id)


SAME_AS_BASE = (
    "上传的文件就是当前清单本身，不能作为它的进度报告：请上传这份清单的进展情况表或完成情况汇总表。"
)
_TAKEN = "_progress_uploads_taken"  # session: base doc_id → uploads taken (the uploader's key)


def upload_key(base_doc_id: str) -> str:
    """The key of the page's uploader for one base list: a new one after each upload taken,
    so that the uploader stands empty again (the reports held are listed under it, each with
    its own 移除) and shows no file of another list."""
    taken = st.session_state.get(_TAKEN, {}).get(base_doc_id, 0)
    return f"progress_upload_{base_doc_id[:12]}_{taken}"


def take_upload(base: ParsedDocument) -> None:
    """Callback of the page's uploader: hold (and store) each file just uploaded, next to the
    reports already held (one per period); the list itself is refused with a sentence."""
    uploads = st.session_state.get(upload_key(base.doc_id)) or []
    notes = []
    for upload in uploads if isinstance(uploads, list) else [uploads]:
        data = upload.getvalue()
        if document_id(data) == base.doc_id:  # the list itself: kept as its own report, it
            # would leave the sidebar's lists
            notes.append(SAME_AS_BASE)
        elif note := add(upload.name, data, base):
            notes.append(note)
    st.session_state["_progress_note"] = "\n\n".join(dict.fromkeys(notes))
    taken = st.session_state.setdefault(_TAKEN, {})
    taken[base.doc_id] = taken.get(base.doc_id, 0) + 1


def rebase(old_doc_id: str, base_doc_id: str) -> None:
    """Callback: make ``base_doc_id`` the current list and the base of the reports held for
    ``old_doc_id``."""
    st.session_state[PICK_KEY] = base_doc_id
    moved = held(old_doc_id)
    held(base_doc_id).update(moved)
    for digest in list(moved):
        _store(base_doc_id, digest, base_doc_id)
    moved.clear()


def _latest_end(rows: pd.DataFrame) -> datetime.date | None:
    """The end of the latest period a report's rows name, or None when they name none."""
    ends = rows["period_end"].dropna()
    return ends.max() if len(ends) else None


def _store(holder: str, digest: str, base_doc_id: str) -> str:
    engine = shelf.open_engine()
    if engine is None:
        return ""
    try:
        report, rows = read(holder, digest)
    except ListError:
        return ""  # the page says why it cannot be read
    end, starts = _latest_end(rows), rows["period_start"].dropna()
    label = f"截至{period_words(str(end))}" if end is not None else ""
    period = (label, starts.min() if len(starts) else None, end)
    name, data = held(holder)[digest]
    return shelf.store_report(engine, name, data, report, base_doc_id, period)


def remove(base_doc_id: str, digest: str) -> None:
    """Drop a report from the session and from the library."""
    found = held(base_doc_id).pop(digest, None)
    engine = shelf.open_engine()
    if found is not None and engine is not None:
        shelf.remove_report(engine, document_id(found[1]))


@st.cache_resource(max_entries=16, show_spinner="正在读取进度报告……")
def _read(digest: str, _data: bytes, name: str, year: str) -> tuple[ParsedDocument, pd.DataFrame]:
    """(keyed by the content's digest: the bytes themselves are not hashed again; shared
    read-only by the sessions, never copied)"""
    return read_progress(_data, name, year)


def read(base_doc_id: str, digest: str) -> tuple[ParsedDocument, pd.DataFrame]:
    """A held report, read (a period it writes without a year dated in the list's year);
    ``ListError`` (its Chinese sentence) when it cannot be."""
    name, data = held(base_doc_id)[digest]
    return _read(digest, data, name, st.session_state.get(_YEARS, {}).get(base_doc_id, ""))


def listed(base_doc_id: str) -> list[tuple[str, str, str]]:
    """(digest, file name, period in words) of each report held for a list, the earliest
    period first (a report that names none, or cannot be read, last: "" for its period)."""
    found = []
    for digest, (name, _) in held(base_doc_id).items():
        try:
            _, rows = read(base_doc_id, digest)
        except ListError:
            found.append((None, digest, name, ""))
            continue
        end = _latest_end(rows)
        found.append((end, digest, name, period_words(str(end)) if end is not None else ""))
    found.sort(key=lambda row: (row[0] is None, row[0] or datetime.date.min))
    return [(digest, name, words) for _, digest, name, words in found]


def _per_session(name: str, base: ParsedDocument, make):
    """``make()``, worked out once per session for the reports held and the base list (its
    items, which corrections of units do not change): a rerun for a filter costs nothing."""
    key = (tuple(held(base.doc_id)), base.doc_id)
    found = st.session_state.get(name)
    if found is None or found[0] != key:
        found = (key, make())
        st.session_state[name] = found
    return found[1]


def matched(base: ParsedDocument) -> tuple[pd.DataFrame, pd.DataFrame, list[str], list[str]]:
    """Every held report's rows on ``base`` (all periods together), the base items the latest
    report leaves uncovered, one sentence per report that could not be read, and one per
    report that reports on another year than the list's."""
    return _per_session("_progress_matched", base, lambda: _matched(base))


def _matched(base: ParsedDocument) -> tuple[pd.DataFrame, pd.DataFrame, list[str], list[str]]:
    frames, uncovered, problems, doubts = [], pd.DataFrame(), [], []
    latest_end = None
    list_year = document_year(base.meta)
    for digest, (name, _) in list(held(base.doc_id).items()):
        try:
            report, rows = read(base.doc_id, digest)
        except ListError as error:
            problems.append(f"{name}：{error.message}")
            continue
        on_base, left = match_to_base(rows, report, base)
        share = share_on_base(on_base)
        if share < FEW_MATCHED and len(held(base.doc_id)) > 1:  # not this list's: its rows
            # would count as items no list has (one report alone: the page says so, offering
            # another list)
            problems.append(
                f"《{name}》只有 {share:.0%} 的事项对应到当前清单的事项，多半不是这份清单的"
                "进度报告，未计入下面的统计：请移除它，或换到它的基准清单上传。"
            )
            continue
        frames.append(on_base.assign(report=name))
        end = _latest_end(rows)
        if end is not None and list_year and str(end.year) != list_year:
            doubts.append(
                f"《{name}》报告的是 {end.year} 年的进度，当前清单是 {list_year} 年的："
                "请确认基准清单，不是这份清单的报告请移除。"
            )
        if latest_end is None or (end is not None and end >= latest_end):
            latest_end, uncovered = end, left
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return table, uncovered, problems, doubts


def glance(base: ParsedDocument, items: pd.DataFrame) -> str:
    """The 进度督查 page's sentence for ``items`` (the filters' selection), for 总览: "" when
    the list has no report held or stored, or its reports are another list's."""
    load_stored(base)
    if not held(base.doc_id):
        return ""
    table = matched(base)[0]
    if table.empty or share_on_base(table) < FEW_MATCHED:
        return ""
    statuses = base_statuses(table)
    mine = statuses[statuses["item_no"].isin(items["item_no"])]
    periods = sorted({str(p) for p in table["period_end"].dropna()})
    return progress_sentence(mine, len(items), periods)


CANDIDATES = 5  # stored lists a report is tried against for a better base


def better_base(base: ParsedDocument) -> tuple[str, str, float, float] | None:
    """A stored list the held reports fit better than ``base``: (doc_id, its name, the share
    of the reports' items it matches, the share ``base`` matches), or None. Tried on the
    lists of the reports' place and year, when ``base`` matches fewer than all of them."""
    return _per_session("_progress_better", base, lambda: _better_base(base))


def _better_base(base: ParsedDocument) -> tuple[str, str, float, float] | None:
    engine = shelf.open_engine()
    if engine is None or not held(base.doc_id):
        return None
    readable = []
    for digest in list(held(base.doc_id)):
        try:
            readable.append(read(base.doc_id, digest))
        except ListError:
            continue
    if not readable:
        return None
    share = sum(matched_share(r, rows, base) for r, rows in readable) / len(readable)
    if share >= 0.999:
        return None
    report, rows = readable[-1]
    end = _latest_end(rows)
    year = end.year if end is not None else None
    entries = {e.doc_id: e for e in shelf.entries(engine) if e.doc_id != base.doc_id}
    candidates = [(e.doc_id, e.place, e.year) for e in entries.values()]
    best = None
    for doc_id in likely_bases(report, year, candidates)[:CANDIDATES]:
        other = shelf.stored_document(engine, doc_id)
        if other is None:
            continue
        theirs = sum(matched_share(r, rws, other) for r, rws in readable) / len(readable)
        if theirs > share and (best is None or theirs > best[2]):
            best = (doc_id, shelf.label(entries[doc_id]), theirs, share)
    return best
