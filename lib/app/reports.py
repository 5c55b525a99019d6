"""Progress reports in the app: the reports a user uploads on 进度督查 are held for the session
(several, one per period) and kept in the library as reports of the list they were uploaded
for, so that they are there again after a reload or for a colleague; each is read once per
process and content."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from lib.analyse.progress import match_to_base, read_progress
from lib.app import shelf
from lib.parse.errors import ListError
from lib.parse.pipeline import ParsedDocument, document_id

_KEY = "_progress_reports"  # session: digest → (file name, bytes)


def held() -> dict[str, tuple[str, bytes]]:
    return st.session_state.setdefault(_KEY, {})


def load_stored(base: ParsedDocument) -> None:
    """The base list's reports kept in the library, held for this session too (once)."""
    engine = shelf.open_engine()
    loaded = st.session_state.setdefault("_progress_loaded", set())
    if engine is None or base.doc_id in loaded:
        return
    loaded.add(base.doc_id)
    for _, name, data in shelf.stored_reports(engine, base.doc_id):
        held()[hashlib.sha256(data).hexdigest()] = (name, data)


def add(name: str, data: bytes, base: ParsedDocument) -> str:
    """Keep an uploaded report for the session and, when it can be read, in the library as a
    report of ``base`` with its period; a sentence when it could not be stored, else ""."""
    digest = hashlib.sha256(data).hexdigest()
    held()[digest] = (name, data)
    engine = shelf.open_engine()
    if engine is None:
        return ""
    try:
        report, rows = read(digest)
    except ListError:
        return ""  # the page says why it cannot be read
    ends = rows["period_end"].dropna()
    starts = rows["period_start"].dropna()
    end = ends.max() if len(ends) else None
    label = f"截至 {end}" if end is not None else ""
    period = (label, starts.min() if len(starts) else None, end)
    return shelf.store_report(engine, name, data, report, base.doc_id, period)


def remove(digest: str) -> None:
    """Drop a report from the session and from the library."""
    found = held().pop(digest, None)
    engine = shelf.open_engine()
    if found is not None and engine is not None:
        shelf.remove_report(engine, document_id(found[1]))


@st.cache_data(max_entries=16, show_spinner="正在读取进度报告……")
def _read(digest: str, _data: bytes, name: str) -> tuple[ParsedDocument, pd.DataFrame]:
    """(keyed by the content's digest: the bytes themselves are not hashed again)"""
    return read_progress(_data, name)


def read(digest: str) -> tuple[ParsedDocument, pd.DataFrame]:
    """A held report, read; ``ListError`` (its Chinese sentence) when it cannot be."""
    name, data = held()[digest]
    return _read(digest, data, name)


def matched(base: ParsedDocument) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Every held report's rows on ``base`` (all periods together), the base items the latest
    report leaves uncovered, and one sentence per report that could not be read."""
    frames, uncovered, problems = [], pd.DataFrame(), []
    latest_end = None
    for digest, (name, _) in list(held().items()):
        try:
            report, rows = read(digest)
        except ListError as error:
            problems.append(f"{name}：{error.message}")
            continue
        on_base, left = match_to_base(rows, report, base)
        frames.append(on_base.assign(report=name))
        end = rows["period_end"].dropna().max() if rows["period_end"].notna().any() else None
        if latest_end is None or (end is not None and end >= latest_end):
            latest_end, uncovered = end, left
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return table, uncovered, problems
