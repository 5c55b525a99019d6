"""Traditional characters: a list written in them (牽頭, 負責, 職責) is read in simplified ones.

The conversion is zhconv's (MediaWiki's tables), applied line by line and kept to one
character for one character, so every position in the converted text is the same position in
the original: a mention's ``raw`` is then taken back from the original text.
"""

from __future__ import annotations

import functools

import zhconv

from lib.parse.blocks import Block

_SAMPLE = 20000  # characters looked at to decide


def _to_simplified(text: str) -> str:
    converted = zhconv.convert(text, "zh-cn")
    if len(converted) == len(text):
        return converted
    return "".join(_char(ch) for ch in text)  # a phrase rule changed the length: char by char


@functools.lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    converted = zhconv.convert(ch, "zh-cn")
    return converted if len(converted) == 1 else ch


def is_traditional(text: str) -> bool:
    """Is this text written in traditional characters (more traditional-only characters than
    simplified-only ones in its first pages)?

    >>> is_traditional("牽頭單位：縣發改局"), is_traditional("牵头单位：县发改局")
    (True, False)
    """
    return zhconv.issimp(text[:_SAMPLE], True) is False


def simplified_blocks(blocks: list[Block]) -> tuple[list[Block], bool]:
    """The blocks in simplified characters, and whether anything was converted."""
    text = "\n".join(b.text for b in blocks[:2000])
    if not is_traditional(text):
        return blocks, False
    return [
        Block(_to_simplified(b.text), b.source_ref, tuple(map(_to_simplified, b.cells)))
        for b in blocks
    ], True


def originals(blocks: list[Block]) -> tuple[str, str]:
    """The blocks' text as written and in simplified characters, position for position."""
    written = "\n".join("\t".join((b.text, *b.cells)) for b in blocks)
    return written, _to_simplified(written)


def written_as(mention: str, written: str, converted: str) -> str:
    """The mention as the original wrote it (``縣發改局`` for ``县发改局``); itself if not found."""
    at = converted.find(mention)
    return written[at : at + len(mention)] if at >= 0 else mention
