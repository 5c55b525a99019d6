"""Stage 2: text → normalized text (half-width punctuation, one kind of space, no stray blanks)."""

from __future__ import annotations

import re

_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_SPACES = {
    code: " "
    for code in (
        0x00A0,
        0x3000,
        0x2002,
        0x2003,
        0x2004,
        0x2005,
        0x2006,
        0x2007,
        0x2008,
        0x2009,
        0x200A,
        0x202F,
        0x205F,
    )
}
_INVISIBLE = {code: None for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)}
_OTHER = {
    ord("﹐"): ",",
    ord("﹑"): "、",
    ord("﹔"): ";",
    ord("﹕"): ":",
    ord("﹙"): "(",
    ord("﹚"): ")",
    ord("☆"): "★",
    ord("△"): "▲",
    ord("〈"): "(",
    ord("〉"): ")",
}  # 市应急局〈市消防救援支队〉: a bracket like any other
# Characters that end a line wherever they come from: Word's manual line break (U+000B), a
# form feed (pdftotext's page break), NEL, the Unicode line and paragraph separators
_LINE_BREAKS = {code: "\n" for code in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)}
# Other control characters mean nothing in a list and no writer may receive them
_CONTROLS = {code: None for code in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)}
_TABLE = {**_FULL_TO_HALF, **_SPACES, **_INVISIBLE, **_OTHER, **_LINE_BREAKS, **_CONTROLS}
# str.translate looks up every character; a list holds a handful of the table's characters,
# so they are found first (one pass in C) and only they are replaced
_TRANSLATED = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
# a star before a name, at a line's or cell's start or after a separator (*区发改局、*区财政局):
# the mark of a leading unit, as ★ (a number's footnote star, 9*, stays)
_STAR_MARK = re.compile(r"(?:^|(?<=[、,;|\t (]))\*(?=[\u4e00-\u9fff])", re.MULTILINE)
# a syllable's pinyin in brackets after its character (區(qū)科技局, 鎮(zhèn)街), which some
# mirrors of government pages add to rarer characters: a reading aid, not the text
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[{_TONES}])[a-zü{_TONES}]{{1,7}}\)")
_HAS_TONE = re.compile(f"[{_TONES}]")
_LINE_STARTS = re.compile(r"\n[ \t]+")  # two patterns that start with their own character
_LINE_ENDS = re.compile(r"[ \t]+(?=\n)")  # scan much faster than one ^…|…$ alternation
_HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)  # a web copy's headings and bold (**) go
# a Markdown table of a web copy: its rule line goes, a row loses its outer pipes
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.MULTILINE)
_TABLE_ROW = re.compile(r"^[ \t]*\|[ \t]*(?=\S)(?P<row>[^\n]*?\S)[ \t]*\|[ \t]*$", re.MULTILINE)


def normalize_text(text: str) -> str:
    """Normalize punctuation and blanks, keeping the line structure.

    Full-width ASCII becomes half-width (``，（）：；`` → ``,():;``), every kind of space
    becomes one space, invisible characters and control characters go (a vertical tab, a form
    feed and the Unicode line separators end a line), runs of spaces shrink to one and lines
    are stripped, Markdown ``**`` and ``#`` headings of a web copy go, a ``*`` before a name
    (``*区发改局``) is the marker ``★``, a mirror's pinyin after a character (``區(qū)``)
    goes. ``、。《》“”〔〕`` and the markers ``▲★`` stay as they are.

    >>> normalize_text("▲发改局，财政局（国资办）\\u3000\\r\\n")
    '▲发改局,财政局(国资办)\\n'
    """
    text = _translated(text.replace("\r\n", "\n").replace("\r", "\n"))
    if "|" in text:
        text = _markdown_row(text)
    # each pattern only where its text occurs: a scan for a substring is many times quicker
    if "#" in text:
        text = _HEADING.sub("", text)
    if "**" in text:
        text = text.replace("**", "")  # after the headings: as one pass over the text would
    if "*" in text:
        text = _STAR_MARK.sub("★", text)
    if _HAS_TONE.search(text):
        text = _PINYIN.sub("", text)
    if "<" in text or "〈" in text:  # 各区县政府<南太湖新区、长合区管委会>: a copy's brackets
        text = _ANGLED.sub(r"(\g<inner>)", text)
    if "  " in text:
        text = _RUNS_OF_SPACES.sub(" ", text)
    text = _LINE_STARTS.sub("\n", text)
    if " \n" in text or "\t\n" in text:
        text = _LINE_ENDS.sub("", text)
    return text.strip(" \t")


def _markdown_row(text: str) -> str:
    """A Markdown table's rows without their outer pipes, its rule lines (``| --- |``) gone."""
    return _TABLE_ROW.sub(
        lambda m: m["row"] if "|" in m["row"] else m.group(), _TABLE_RULE.sub("", text)
    )


def _translated(text: str) -> str:
    """``text.translate(_TABLE)``, replacing only the table's characters the text holds."""
    for ch in set(_TRANSLATED.findall(text)):
        replacement = _TABLE[ord(ch)]
        if isinstance(replacement, int):
            replacement = chr(replacement)
        text = text.replace(ch, replacement or "")
    return text


def normalize_line(line: str) -> str:
    """Normalize one line or cell: see ``normalize_text``; tabs are kept as cell breaks."""
    line = line.translate(_TABLE)
    if "|" in line:  # a Markdown table's line in a paragraph of a page or a Word file
        line = _markdown_row(line)
    if "*" in line:
        line = _STAR_MARK.sub("★", line)
    if _HAS_TONE.search(line):
        line = _PINYIN.sub("", line)
    if "<" in line or "〈" in line:  # 各区县政府<南太湖新区、长合区管委会>: a copy's brackets
        line = _ANGLED.sub(r"(\g<inner>)", line)
    return _RUNS_OF_SPACES.sub(" ", line).strip(" \t")


# angle brackets around Chinese words only (not <b>, a tag written as text)
_ANGLED = re.compile(r"[<〈](?P<inner>[\u4e00-\u9fff][^<>〈〉]{0,30}?[\u4e00-\u9fff])[>〉]")
