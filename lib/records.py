"""Stage 4: blocks → item records (label, section, task, units text, leaders, deadline).

An item starts at a numbered block (``12``, ``12.``, ``(三)``) after the table header when
there is one; it runs until the next numbered block or section heading. Its units text is
its last line when that line reads as a list of units, so an item may span any number of
lines. Numbering is kept as written and checked, never renumbered.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field

from lib.blocks import Block
from lib.reference import DATA_DIR
from lib.split import split_units
from lib.units import Lexicon

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "零〇一二两三四五六七八九十百"
_ITEM_LABEL = re.compile(
    rf"^(?:(?P<num>\d{{1,5}})(?:$|[.、)]\s*|\s+(?=\D))|(?P<paren>\((?P<cn>[{_CN}]+)\))\s*)(?P<rest>.*)$"
)
_SECTION = re.compile(rf"^(?P<cn>[{_CN}]+)、\s*(?P<rest>\S.{{0,40}})$")


@dataclass(frozen=True)
class ItemRecord:
    item_label: str
    task: str
    units_text: str
    source_ref: str
    section: str = ""
    leaders: str = ""
    deadline: str = ""


@dataclass(frozen=True)
class Layout:
    """Where the items are: the header (if any), the items, and the text around them."""

    records: tuple[ItemRecord, ...]
    preamble: tuple[Block, ...]
    header: tuple[str, ...] = ()
    unplaced: tuple[Block, ...] = field(default_factory=tuple)


@functools.lru_cache(maxsize=1)
def header_words() -> dict[str, str]:
    """Header cell text → column role (``责任单位`` → units), from data/header_words.csv."""
    with open(DATA_DIR / "header_words.csv", encoding="utf-8", newline="") as handle:
        return {row["text"]: row["role"] for row in csv.DictReader(handle)}


def chinese_number(text: str) -> int | None:
    """``十二`` → 12, ``二十`` → 20, ``一百零三`` → 103; None when it is not a numeral."""
    if not text or any(ch not in _CN for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS[ch] if current else _CN_DIGITS[ch]
    return total + current


def label_number(label: str) -> int | None:
    """The number a label states: ``12`` → 12, ``(三)`` → 3."""
    digits = label.strip("().、 ")
    return int(digits) if digits.isdigit() else chinese_number(digits)


def find_items(blocks: list[Block], lexicon: Lexicon) -> Layout:
    """Read the item records out of a document's blocks."""
    start, header = _find_header(blocks)
    if not header:
        start = _first_item(blocks)
    body = blocks[start:]
    preamble = blocks[: start - len(header)] if header else blocks[:start]
    records: list[ItemRecord] = []
    unplaced: list[Block] = []
    section = ""
    open_item: tuple[str, str, str, list[str]] | None = None  # label, ref, section, lines
    for block in body:
        label = _ITEM_LABEL.match(block.text)
        heading = None if label else _SECTION.match(block.text)
        if label or heading:
            if open_item:
                records.append(_record(*open_item, lexicon))
            open_item = None
        if label:
            rest = label["rest"].strip()
            open_item = (label["num"] or label["paren"], block.source_ref, section, [rest] if rest else [])
        elif heading:
            section = heading["rest"].strip()
        elif open_item:
            open_item[3].append(block.text)
        else:
            unplaced.append(block)
    if open_item:
        records.append(_record(*open_item, lexicon))
    return Layout(tuple(records), tuple(preamble), header, tuple(unplaced))


def _first_item(blocks: list[Block]) -> int:
    """Without a table header, items start at the first numbered block, or at the section
    heading right above it."""
    first = next((i for i, b in enumerate(blocks) if _ITEM_LABEL.match(b.text)), len(blocks))
    if first and first < len(blocks) and _SECTION.match(blocks[first - 1].text):
        return first - 1
    return first


def _find_header(blocks: list[Block]) -> tuple[int, tuple[str, ...]]:
    """The table header: consecutive header cells, one per line or several on one line.

    Returns the index of the first block after it and its cell texts; (0, ()) if none.
    A header must name a units column, so a stray 序号 in the notice is not one.
    """
    words = header_words()
    i = 0
    while i < len(blocks):
        cells: list[str] = []
        j = i
        while j < len(blocks):
            parts = blocks[j].text.replace("\t", " ").split(" ")
            if not all(part in words for part in parts):
                break
            cells.extend(parts)
            j += 1
        roles = {words[c] for c in cells}
        if cells and roles & {"units", "lead"} and len(cells) >= 2:
            return j, tuple(cells)
        i = max(j, i + 1)
    return 0, ()


def _record(label: str, source_ref: str, section: str, lines: list[str], lexicon: Lexicon) -> ItemRecord:
    units_text = ""
    if len(lines) >= 2 and looks_like_units(lines[-1], lexicon):
        units_text = lines[-1]
        lines = lines[:-1]
    return ItemRecord(item_label=label, task="".join(lines), units_text=units_text,
                      source_ref=source_ref, section=section)


def looks_like_units(line: str, lexicon: Lexicon) -> bool:
    """Does this line read as a list of units rather than as task text?

    Most of its characters must fall in names that are known, collective or end like a
    unit (局, 办, 镇 …), and the names must be short.
    """
    if len(line) > 300 or "。" in line.rstrip("。"):
        return False
    tokens = split_units(line, lexicon)
    mentions = [t for t in tokens if t.kind == "mention"]
    if not mentions:
        return False
    named = sum(len(t.text) for t in mentions if t.how in ("known", "collective", "ending"))
    other = sum(len(t.text) for t in tokens if t.kind != "mention")
    average = sum(len(t.name) for t in mentions) / len(mentions)
    return (named + other) / len(line) >= 0.8 and average <= 14
