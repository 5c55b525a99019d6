"""The words that say a status (``data/progress_phrases.csv``): in a status cell, in a
progress text, in a heading, in a title; and ``Judged``, a status with where it came from."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from lib.parse.reference import DATA_DIR

_TEXT_ORDER = ("behind", "not_started", "done", "on_track")


@functools.lru_cache(maxsize=1)
def _phrases() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(status column value → status, status → text phrases, longest first)."""
    cells, texts, _ = _all_phrases()
    return cells, texts


@functools.lru_cache(maxsize=1)
def _all_phrases() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """As ``_phrases``, and status → the phrases that say it in a heading only (完成事项)."""
    cells: dict[str, str] = {}
    texts: dict[str, list[str]] = {s: [] for s in _TEXT_ORDER}
    headings: dict[str, list[str]] = {s: [] for s in _TEXT_ORDER}
    for row in _phrase_rows():
        if row["where"] == "cell":
            cells[row["words"]] = row["status"]
        elif row["where"] not in ("pending", "title"):  # read by _pending, _title_phrases
            (headings if row["where"] == "heading" else texts)[row["status"]].append(row["words"])
    longest = functools.partial(sorted, key=len, reverse=True)
    return (
        cells,
        {s: tuple(longest(w)) for s, w in texts.items()},
        {s: tuple(longest([*texts[s], *w])) for s, w in headings.items()},
    )


@dataclass(frozen=True)
class Judged:
    status: str
    source: str  # a key of STATUS_SOURCES
    evidence: str  # the words or the column value used


@functools.lru_cache(maxsize=1)
def _phrase_rows() -> tuple[dict[str, str], ...]:
    """The rows of data/progress_phrases.csv (its # lines are comments)."""
    with open(DATA_DIR / "progress_phrases.csv", encoding="utf-8") as handle:
        return tuple(csv.DictReader(line for line in handle if not line.startswith("#")))


@functools.lru_cache(maxsize=1)
def _title_phrases() -> dict[str, tuple[str, ...]]:
    """status → the words that say it of every item in the title of a report (滞后项目情况表,
    …全部完成): only plain words, since a title's 未完成项目 may still be on schedule."""
    phrases: dict[str, list[str]] = {s: [] for s in _TEXT_ORDER}
    for row in _phrase_rows():
        if row["where"] == "title":
            phrases[row["status"]].append(row["words"])
    return {s: tuple(sorted(w, key=len, reverse=True)) for s, w in phrases.items()}


def _done_title(text: str) -> bool:
    """A line that says, and says only, that its item is done (…整改销号情况公示)."""
    found = _phrase_in(text, _title_phrases())
    return found is not None and found[0] == "done" and _one_status(text)


def _one_status(text: str) -> bool:
    """The text names one status only (not 5个已完成,12个正在有序推进,13个进展滞后: a summary of
    many items)."""
    phrases = _all_phrases()[1]
    return sum(any(p in text for p in phrases[status]) for status in _TEXT_ORDER) <= 1


def _title_heading(title: str) -> str:
    """The report's title as the heading of items under no heading of their own, when it
    names their status (2022年民生实事项目滞后项目情况表); else ""."""
    return title if title and _phrase_in(title, _title_phrases()) else ""


def _phrase_in(text: str, phrases: dict[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """(status, phrase) of the first status phrase in a heading, behind first."""
    for status in _TEXT_ORDER:
        for phrase in phrases[status]:
            at = text.find(phrase)
            if at >= 0 and not (status == "done" and _negated(text, at)):
                return status, phrase
    return None


def _negated(text: str, at: int) -> bool:
    """未/尚未/没有 right before a phrase (未全部完成 is no completion)."""
    return bool(re.search(r"(?:未|没有|尚未|不能|难以)\S{0,2}$", text[max(0, at - 4) : at]))


def _around(text: str, at: int, length: int, margin: int = 12) -> str:
    """The phrase with a few characters either side, within its clause."""
    start = max(0, at - margin)
    end = min(len(text), at + length + margin)
    piece = text[start:end]
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")
