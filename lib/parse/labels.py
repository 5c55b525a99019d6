"""Item numbers as lists write them: ``12``, ``12.``, ``(三)``, ``⑤``, ``第五项``, and the
numerals they state; a line numbered like a heading (``三、…``) and a section heading."""

from __future__ import annotations

import re

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN = "零〇一二两三四五六七八九十百"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"  # ① … ⑳ as item labels
ITEM_LABEL = re.compile(
    rf"^(?:(?P<num>\d{{1,5}})(?P<star>\*?)(?:$|[.、)](?!\d)\s*|\s*\|\s*|\s+(?=\D)|\t)"
    rf"|(?P<paren>\((?:(?P<cn>[{CN}]+)|\d{{1,3}})\)|[{CIRCLED}]|第[{CN}\d]{{1,6}}条"
    rf"|实事[{CN}]{{1,3}}(?=:))\s*:?\s*)(?P<rest>.*)$"  # 实事一:新增城镇就业…
)
# a sub-item's number in a table's number column (1.1, 2-3, under a row numbered 1 or 2), its
# groups named as ITEM_LABEL's so that it opens an item as any label does
SUB_NUMBER = re.compile(r"(?P<num>\d{1,3}(?:[.．-]\d{1,3}){1,2})(?P<star>)(?P<paren>)(?P<rest>)")
# 三、新建城市公园10个(市园林局负责)。: numbered like a heading; an item when it owns units
# (a PDF line wrapped inside "(一、二期)" is neither: no ")" before the first "(")
NUMBERED_HEADING = re.compile(
    rf"^(?P<cn>[{CN}]{{1,4}})、\s*(?![{CN}]{{1,3}}[、期])(?P<rest>(?![^(]*\)).+)$"
)
# a section heading is short, and a PDF line wrapped inside "(一、二期)" is not one
SECTION = re.compile(
    rf"^(?:第[{CN}]+部分|(?P<cn>[{CN}]+)、)\s*(?P<rest>(?![^(]*\))[^。]{{1,40}}。?)$"
)


def chinese_number(text: str) -> int | None:
    """``十二`` → 12, ``二十`` → 20, ``一百零三`` → 103; None when it is not a numeral."""
    if not text or any(ch not in CN for ch in text):
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
            current = current * 10 + CN_DIGITS[ch] if current else CN_DIGITS[ch]
    return total + current


LABEL_MARKS = "().、 *"  # around a label's number: (三), 4、, 12., 9* (a footnote's star)


def label_number(label: str) -> int | None:
    """The number a label states: ``12`` → 12, ``(三)`` → 3, ``(4)`` → 4, ``⑤`` → 5."""
    if len(label) == 1 and label in CIRCLED:
        return CIRCLED.index(label) + 1
    digits = label.strip(LABEL_MARKS)
    if digits.startswith("第") and digits.endswith(("条", "项")):
        digits = digits[1:-1]
    digits = digits.removeprefix("实事")  # 实事三
    return int(digits) if digits.isdigit() else chinese_number(digits)
