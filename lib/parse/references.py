"""A notice in running text that names the list's items by their number (``实施高素质农民
培训工程(第十一项)``): the items it names, each with the words after it (its progress) and the
sentence that introduces it (``其中5项已完成,分别是:``, ``滞后项目:``) as its section.

A 督查通报 often reports so on a list it does not copy: there is no table and no numbered line,
only the references. Read only when the reader finds no numbered item at all.
"""

from __future__ import annotations

import re

from lib.parse.blocks import Block

_CN = "零〇一二两三四五六七八九十百"
# (第十一项), （第5项）: a reference to an item of the list by its number
_REFERENCE = re.compile(rf"\((?P<label>第[{_CN}\d]{{1,6}}项)\)")
_TASK_START = re.compile(r"[:;。、]")  # where the named item's words start, looking back
_ORDINAL = re.compile(rf"^(?:[{_CN}]{{1,3}}是|其[{_CN}]是)")  # 一是, 其二是: not the task's
_PROGRESS_END = re.compile(r"[;。、]")  # where the words after a reference end
_INTRO_END = re.compile(r"[:]\s*$")
MIN_REFERENCES = 2  # one reference in a notice is a mention, not a report on items
HEADER = ("序号", "事项", "进展情况")  # the columns the items are read into


def referenced_items(blocks: list[Block]) -> list[tuple[str, str, str, str, str]]:
    """(label, task, progress, section, source_ref) of each item a running text names by its
    number, in the order written; [] when it names fewer than ``MIN_REFERENCES``.

    >>> text = "其中2项已完成,分别是:建设垃圾分类屋(第二十一项)、道路隐患整治(第三十二项)。"
    >>> [r[:3] for r in referenced_items([Block(text, "L1")])]
    [('第二十一项', '建设垃圾分类屋', ''), ('第三十二项', '道路隐患整治', '')]
    >>> referenced_items([Block("滞后项目:一是照明改造(第三项)正在编制招标文件;二是疫苗接种(第六项)预计9月开始。", "L1")])[1][1:4]
    ('疫苗接种', '预计9月开始', '滞后项目')
    """
    found = []
    for block in blocks:
        text = block.text
        section = ""
        for match in _REFERENCE.finditer(text):
            before = text[: match.start()]
            cut = max((m.end() for m in _TASK_START.finditer(before)), default=0)
            task = _ORDINAL.sub("", before[cut:].strip()).strip()
            intro = before[:cut]
            if intro.endswith(":"):  # 其中5项已完成,分别是: / 滞后项目: — what follows is such
                section = _intro(intro[:-1])
            rest = text[match.end() :]
            end = _PROGRESS_END.search(rest)
            progress = (rest[: end.start()] if end else rest).strip()
            if task:
                found.append((match["label"], task, progress, section, block.source_ref))
    return found if len(found) >= MIN_REFERENCES else []


_CONNECTORS = ("分别是", "分别为", "具体是", "具体为", "主要是", "包括", "如下", "为", "是")


def _intro(text: str) -> str:
    """What the words before a colon say of the items after it: the last clause of the
    sentence that is more than a connector (``…共38项,其中5项已完成,分别是`` → 其中5项已完成).

    >>> _intro("涉及我区共38项(其中省级29项),其中5项已完成,分别是")
    '其中5项已完成'
    """
    clauses = [c.strip() for c in re.split(r"[,]", re.split(r"[。;]", text)[-1]) if c.strip()]
    while len(clauses) > 1 and clauses[-1] in _CONNECTORS:
        clauses.pop()
    return clauses[-1] if clauses else ""
