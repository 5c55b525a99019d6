"""Table headers: which column a header cell names (责任单位 → units, 1-10月推进情况 → note),
from data/header_words.csv and data/header_endings.csv."""

from __future__ import annotations

import csv
import functools
import re

from lib.parse.reference import DATA_DIR


@functools.lru_cache(maxsize=1)
def header_words() -> dict[str, str]:
    """Header cell or field label → role (``责任单位`` → units), from data/header_words.csv."""
    with open(DATA_DIR / "header_words.csv", encoding="utf-8", newline="") as handle:
        return {row["text"]: row["role"] for row in csv.DictReader(handle)}


UNIT_ROLES = ("lead", "lead_units", "units", "co")  # the roles of columns of responsible units

# a reporting period before a progress column: 1-10月推进情况, 一季度完成情况, 2023年上半年进展
PERIOD = re.compile(
    r"^(?:\d{4}年度?)?(?:\d{1,2}\s*[-—~至]\s*\d{1,2}月(?:份)?|\d{1,2}月(?:份)?(?:底)?|"
    r"[一二三四1-4]季度|前三季度|上半年|下半年|全年|年度|截至\d{1,2}月(?:底)?)?"
)


# an instruction to the units filling the table, in brackets after a header's words
INSTRUCTION_AFTER = re.compile(r"\([^()]*(?:注明|说明|填写|填报|为牵头|为主办|为主责)[^()]*\)$")
_CAPTION = re.compile(r"^(?:附?表\s*\d+|附表)")  # 表1:…, 附表2 …: a caption above a table

# a column of units that names their heads too: 牵头单位及主要负责人, 责任单位及责任人
PERSON_WORDS = ("负责人", "责任人", "联系人")

# a word in brackets inside a header, an alternative to the one before it: 牵头(责任)单位
_ALTERNATIVE = re.compile(r"\([\u4e00-\u9fff]{1,4}\)(?=[\u4e00-\u9fff])")

# the level of government before a column's name: 市级牵头责任单位, 县级责任单位
_LEVEL = re.compile(r"^[省市县区镇乡]级?")

# a measure after a header's words: 形象进度(%), 投资额(万元), 数量(个), 金额(单位:元)
# (not a number such as the (一) of the first row, glued to the last header cell)
MEASURE_AFTER = re.compile(
    r"\((?:%|[万亿千百]?(?![一二三四五六七八九十])[\u4e00-\u9fff]|单位:[^()]{1,6})\)$"
)

# after a header's words, a period in brackets: 进展情况(1-3月), 进展情况(7月), 完成情况(一季度)
PERIOD_AFTER = re.compile(
    r"\((?:(?:\d{4}年)?(?:\d{1,2}\s*[-—~至]\s*)?\d{1,2}月份?|[一二三四]季度|上半年|下半年|全年)\)$"
)
_OPEN_MEASURE = re.compile(r"\((?:%|[万亿千百]?[\u4e00-\u9fff])$")  # 占比(%, 投资额(万元


def owned_ending(text: str) -> str:
    """The header word of units, a leader or a deadline that ``text`` ends with after the work
    it is for (问题整改责任单位 → 责任单位, 整改时限 → 时限); "" if none."""
    owner = next((w for w in label_owners() if text.startswith(w)), "")
    rest = text[len(owner) :]
    return rest if owner and rest in _owner_words() else ""


@functools.lru_cache(maxsize=1)
def label_owners() -> tuple[str, ...]:
    """The work a label may name before it (问题整改, 督办), longest first, from
    data/label_owners.csv."""
    with open(DATA_DIR / "label_owners.csv", encoding="utf-8", newline="") as handle:
        words = [row["text"] for row in csv.DictReader(handle)]
    return tuple(sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _owner_words() -> tuple[str, ...]:
    roles = (*UNIT_ROLES, "leader", "deadline")
    found = [w for w, role in header_words().items() if role in roles and len(w) >= 2]
    return tuple(sorted(found, key=len, reverse=True))


@functools.lru_cache(maxsize=4096)
def header_role(cell: str) -> str | None:
    """The role of a header cell or field label, or None when it is not one.

    Spaces inside are ignored (``牵 头 部 门``); a reporting period in front of a progress
    column is too (``1-10月推进情况`` → note); else the ending decides (data/header_endings.csv:
    …情况/…进度 a note, …任务/…目标 a task).

    >>> header_role("牵 头 部 门"), header_role("1-10月推进情况"), header_role("任务文字")
    ('lead', 'note', None)
    >>> header_role("形象进度(%)")
    'note'
    """
    words = header_words()
    text = re.sub(r"\s+", "", cell)
    if text in words:
        return words[text]
    if _CAPTION.match(text):
        return None  # 表1:上半年主要指标完成情况: the table's caption, no column
    text = MEASURE_AFTER.sub("", text) or text  # 形象进度(%), 投资额(万元): the measure aside
    text = PERIOD_AFTER.sub("", text) or text  # 进展情况(1-3月): the period aside
    text = _OPEN_MEASURE.sub("", text) or text  # 占比(%: the cell wrapped inside its bracket
    text = INSTRUCTION_AFTER.sub("", text) or text  # 是否达进度(未达进度注明原因)
    text = text.removesuffix("%") or text  # 1-8月实际完成率%
    if text in words:
        return words[text]
    bare = PERIOD.sub("", text)
    if bare in words:
        return words[bare]
    head, joined, person = text.partition("及")  # 牵头单位及主要负责人: units, their heads named
    if joined and person.endswith(PERSON_WORDS) and words.get(head) in UNIT_ROLES:
        return words[head]
    if joined and words.get(head) == "task":  # 项目内容及居民受益面: the task, and what it brings
        return "task"
    level = _LEVEL.sub("", text)  # 市级牵头责任单位: the level of government aside
    if level != text and level in words:
        return words[level]
    if composed := _composed(level):  # 负责科室, 协助单位: a duty and a body of units
        return composed
    plain = _ALTERNATIVE.sub("", text)  # 牵头(责任)单位: the word in brackets an alternative
    if plain != text and plain in words:
        return words[plain]
    if placed := _placed_units(text):  # 嵊州牵头单位: the place's units column
        return placed
    owned = owned_ending(text)  # 问题整改责任单位, 整改时限: whose units, whose deadline
    if owned:
        return words[owned]
    endings = header_endings()
    if 2 <= len(text) <= 16 and text.endswith(endings["note"]):
        return "note"
    # a longer header for a longer, surer ending: 省重点民生实事项目名称 (项目名称), not
    # 8项进展偏慢的市政府重点工作 (工作)
    longest = max((len(e) for e in endings["task"] if bare.endswith(e)), default=0)
    if 2 <= len(bare) <= (14 if longest >= 4 else 10) and longest:
        return "task"  # 全年目标任务, 2022年预期目标
    return None


@functools.lru_cache(maxsize=1)
def _header_parts() -> tuple[dict[str, str], tuple[str, ...]]:
    """The duties a header of units opens with (负责 → units, 协助 → co) and the bodies it
    ends with (单位, 科室 …), from data/header_parts.csv."""
    with open(DATA_DIR / "header_parts.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    duties = {r["part"]: r["role"] for r in rows if r["kind"] == "duty"}
    return duties, tuple(r["part"] for r in rows if r["kind"] == "body")


def _composed(text: str) -> str | None:
    """The role of a header written as a duty and a body of units that the header words do not
    list as such (负责科室 → units, 协助单位 → co, 主办处室 → lead).

    >>> _composed("负责科室"), _composed("协助单位"), _composed("负责人")
    ('units', 'co', None)
    """
    duties, bodies = _header_parts()
    for duty, role in duties.items():
        if text.startswith(duty) and text[len(duty) :] in bodies:
            return role
    return None


_PLACE_BEFORE = 4  # characters of a place's name before a units header (嵊州, 柯桥区)
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _placed_units(text: str) -> str | None:
    """The role of a units header written after a place's name (嵊州牵头单位 → lead), not after
    another word of a header or a duty, nor a negation (非牵头单位).

    >>> _placed_units("嵊州牵头单位"), _placed_units("非牵头单位"), _placed_units("配合牵头单位")
    ('lead', None, None)
    """
    words = header_words()
    duties = _header_parts()[0]
    for word in (w for w in unit_header_words() if len(w) >= 4):
        place = text[: -len(word)]
        if (
            text.endswith(word)
            and 0 < len(place) <= _PLACE_BEFORE
            and _HAN_ONLY.fullmatch(place)
            and not any(ch in place for ch in "非不无未及和与")
            and not any(duty in place for duty in duties)
            and place not in words
        ):
            return words[word]
    return None


@functools.lru_cache(maxsize=1)
def unit_header_words() -> tuple[str, ...]:
    """The header words and field labels of units (牵头单位, 责任单位, 配合单位 …), longest
    first."""
    found = [w for w, role in header_words().items() if role in UNIT_ROLES and len(w) >= 2]
    return tuple(sorted(found, key=len, reverse=True))


def label_end(roles: list[str | None] | tuple[str | None, ...]) -> int:
    """Where a row's cells after its number start, by the header's roles: after the label's
    column; without one (the number written at the head of the task, 14.改扩建…), after the
    section columns before it.

    >>> label_end(["section", "label", "task"]), label_end(["section", "task", "units"])
    (2, 1)
    """
    if "label" in roles:
        return roles.index("label") + 1
    return next((i for i, role in enumerate(roles) if role != "section"), 0)


@functools.lru_cache(maxsize=1)
def header_endings() -> dict[str, tuple[str, ...]]:
    """Endings that name a column's role when the whole cell is not in header_words.csv."""
    with open(DATA_DIR / "header_endings.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        role: tuple(r["ending"] for r in rows if r["role"] == role) for role in ("note", "task")
    }
