"""Stage 3: normalized text → blocks, the units the item reader walks over.

A block is one non-blank line of a text source with its line number. Table sources
(later) give one block per row with its cells; both carry a ``source_ref``.
"""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple


class Block(NamedTuple):  # a named tuple: documents have tens of thousands of lines
    text: str
    source_ref: str  # "L12" for line 12, "Sheet1!B7" or "p3" for other sources
    cells: tuple[str, ...] = ()  # the row's cells when the block is a table row


def sheet_of(source_ref: str) -> str:
    """The sheet a workbook's row is on (``经济发展!A7`` → 经济发展); "" for other sources."""
    return source_ref.rpartition("!")[0]


class RawItem(NamedTuple):
    """The blocks of one numbered item, before their meaning is read (``find_items``)."""

    label: str
    source_ref: str
    section: str
    lines: tuple[str, ...]
    leaders: str = ""
    cells: tuple[str, ...] = ()  # a whole row on the label's line, split at tabs or " | "
    heads: str | None = None  # numbered like a heading (一、…): the section it opens, if any
    part: int = 0  # which list of the file it belongs to (a file may hold 附件1 and 附件2)
    cut: str = ""  # a line of its own the copy cut short (市发): in its column, but not read


CELLS = attrgetter("cells")  # a block's cells, for map() over many blocks


def text_blocks(text: str) -> list[Block]:
    """One block per non-blank line, numbered from 1 as an editor shows them.

    >>> text_blocks("标题\\n\\n1\\n任务")
    [Block(text='标题', source_ref='L1', cells=()), Block(text='1', source_ref='L3', cells=()), Block(text='任务', source_ref='L4', cells=())]
    """
    make = tuple.__new__  # Block(...) calls a Python __new__: this is the same tuple, quicker
    return [
        make(Block, (line, f"L{number}", ()))
        for number, line in enumerate(text.split("\n"), start=1)
        if line and not line.isspace()
    ]
