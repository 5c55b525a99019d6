"""Progress reports in the app: the reports a user uploads on 进度督查 stay for the session
(several, one per period), each read once per process and content."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from lib.analyse.progress import match_to_base, read_progress
from lib.parse.errors import ListError
from lib.parse.pipeline import ParsedDocument

_KEY = "_progress_reports"  # session: digest → (file name, bytes)


def held() -> dict[str, tuple[str, bytes]]:
    return st.session_state.setdefault(_KEY, {})


def add(name: str, data: bytes) -> str:
    """Keep an uploaded report for the session; its digest."""
    digest = hashlib.sha256(data).hexdigest()
    held()[digest] = (name, data)
    return digest


def remove(digest: str) -> None:
    held().pop(digest, None)


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
