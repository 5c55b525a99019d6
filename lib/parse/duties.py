"""Duty clauses: the words around a list of units that say who leads and who helps.

``(市发改委牵头,各区县政府、市级有关部门按职责分工负责)``, ``由A负责,B配合``,
``A会同有关部门负责``, ``(A、B分别牵头)``: one clause per run of units, each with the role
its verb gives (``data/duty_verbs.csv``). A verb that does not name a lead (负责,
按职责分工负责) leaves the run ``pending``: the lead rule of the document decides it (a
legend makes its first unit lead; beside a lead run it is co). Text that does not read as
units clause by clause is not a duty clause, so ``市政府负责统筹协调`` is left alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lib.parse.headers import header_role, owned_ending
from lib.parse.records import UnitField
from lib.parse.reference import read_data_csv, task_verbs
from lib.parse.spaced import spans_outside_brackets
from lib.parse.split import split_units
from lib.parse.units import Lexicon

_LONGEST_AVERAGE = 18  # 白仙山水库工程政策处理工作领导小组 is one unit; a task's words are longer


@dataclass(frozen=True)
class DutyWords:
    """The verbs of duty clauses by role, longest first (from ``data/duty_verbs.csv``)."""

    verbs: tuple[tuple[str, str], ...]  # (verb, lead|co|pending)
    openers: tuple[str, ...]  # 由, 并由: stand before the units
    joiners: tuple[str, ...]  # 会同: A会同B负责, A leads
    notes: tuple[str, ...] = ()  # 含, 包括: a bracket they open is a note, not units (含高新区)

    @functools.cached_property
    def any_verb(self) -> re.Pattern[str]:
        words = [v for v, _ in self.verbs] + list(self.joiners)
        return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@functools.lru_cache(maxsize=1)
def duty_words() -> DutyWords:
    rows = read_data_csv("duty_verbs.csv")
    by_length = sorted(rows, key=lambda r: len(r["text"]), reverse=True)
    return DutyWords(
        verbs=tuple(
            (r["text"], r["role"]) for r in by_length if r["role"] in ("lead", "co", "pending")
        ),
        openers=tuple(r["text"] for r in by_length if r["role"] == "opener"),
        joiners=tuple(r["text"] for r in by_length if r["role"] == "with"),
        notes=tuple(r["text"] for r in by_length if r["role"] == "note"),
    )


def is_lead_note(text: str) -> bool:
    """``牵头``, ``牵头单位``, ``主办`` in a bracket after a name: that unit leads (市发改委(牵头))."""
    if not text:
        return False
    if any(verb == text for verb, role in duty_words().verbs if role == "lead"):
        return True
    # 牵头单位, 市级牵头单位; not a part it leads (数据统计评估牵头单位: a co-unit's remark)
    return header_role(text) in ("lead", "lead_units") and not owned_ending(text)


def _task_words(name: str) -> bool:
    """``推动…实验室落地``, ``开工建设老年大学``: a name that starts like a task is a task's words."""
    return name.startswith(task_verbs())


def looks_like_units(line: str, lexicon: Lexicon) -> bool:
    """Does this text read as a list of units rather than as task text?

    Most of its characters must fall in names that are known, collective or end like a
    unit (局, 办, 镇 …), and the names must be short.
    """
    if not line or len(line) > 300 or "。" in line.rstrip("。") or ":" in line:
        return False  # a sentence, or a label (牵头单位:X) still in the text
    if lexicon.reference.is_bare_office(line):
        return True  # 办公室 alone: a body's own office, in a list of its offices
    tokens = split_units(line, lexicon)
    mentions = [t for t in tokens if t.kind == "mention"]
    if not mentions:
        return False
    # a run cut at an ending with no unit after it (一次办|理人次) is words, not glued names
    cut_wrong = any(t.glued and t.how == "unknown" for t in mentions)
    named = sum(
        len(t.text)
        for t in mentions
        if t.how in ("known", "collective", "ending")
        and not (cut_wrong and t.glued and t.how == "ending")
        and not _task_words(t.name)
    )
    other = sum(len(t.text) for t in tokens if t.kind != "mention")
    average = sum(len(t.name) for t in mentions) / len(mentions)
    return (named + other) / len(line) >= 0.8 and average <= _LONGEST_AVERAGE


def _clauses(body: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``body``, cut at , ; 。 outside brackets."""
    return [(s, e) for s, e in spans_outside_brackets(body, ",;。") if body[s:e].strip()]


def _some_unnamed(text: str, lexicon: Lexicon) -> bool:
    """``有关部门``, ``相关单位``: some units, not named (unlike 各部门, all of them)."""
    some = tuple(
        p for p in lexicon.reference.collective_prefixes if not p.startswith("各")
    )  # 各: all
    return text.startswith(some) and lexicon.reference.is_collective(text)


def _after_verbs(clause: str, words: DutyWords) -> list[str]:
    """``局防控办主办、各工作组协办``: a 、 right after a duty's verb ends its clause as a , would."""
    parts: list[str] = []
    begin = 0
    for at, ch in enumerate(clause):
        if ch == "、" and _strip_verb(clause[begin:at], words)[1]:
            parts.append(clause[begin:at])
            begin = at + 1
    return [*parts, clause[begin:]]


def _strip_verb(clause: str, words: DutyWords) -> tuple[str, str]:
    """``A、B按职责分工负责`` → (``A、B``, pending); no verb → (clause, "")."""
    for verb, role in words.verbs:
        if clause.endswith(verb):
            return clause[: -len(verb)], role
    return clause, ""


def duty_fields(body: str, lexicon: Lexicon, need_verb: bool = True) -> list[UnitField]:
    """The runs of units a duty clause names, with their roles; [] if it is not one.

    >>> from lib.parse.units import document_lexicon
    >>> [(f.text, f.rule) for f in duty_fields("市发改委牵头,市财政局、市统计局配合", document_lexicon())]
    [('市发改委', 'lead'), ('市财政局、市统计局', 'co')]
    >>> [(f.text, f.rule) for f in duty_fields("由市住建局会同市财政局负责", document_lexicon())]
    [('市住建局', 'lead'), ('市财政局', 'co')]
    """
    words = duty_words()
    if need_verb and not words.any_verb.search(body):
        return []

    parts: list[tuple[str, str]] = []  # (units text, role or "" when the clause has no verb)
    clauses = (part for s, e in _clauses(body) for part in _after_verbs(body[s:e].strip(), words))
    for clause in clauses:
        for opener in words.openers:
            if clause.startswith(opener) and len(clause) > len(opener) + 1:
                clause = clause[len(opener) :]
                break
        joiner = next((j for j in words.joiners if j in clause), "")
        if joiner:
            head, _, tail = clause.partition(joiner)
            tail, verb = _strip_verb(tail, words)
            if (
                not verb
                or not looks_like_units(head, lexicon)
                or (tail and not looks_like_units(tail, lexicon))
            ):
                return []  # A会同B负责 names its duty; A会同B筛选确定 is a sentence
            parts.append((head, "lead"))
            if tail and not _some_unnamed(tail, lexicon):  # 会同有关部门: like 等有关部门, no unit
                parts.append((tail, "co"))
            continue
        units, role = _strip_verb(clause, words)
        units = units.strip()
        if not units or not looks_like_units(units, lexicon):
            return []
        parts.append((units, role))
    if not parts or (need_verb and not any(role for _, role in parts)):
        return []
    roles = [role for _, role in parts]
    if "co" in roles and "lead" not in roles:  # 由A负责,B配合: A leads
        roles = ["lead" if role == "pending" else role for role in roles]
    # a clause without a verb takes the verb of the next one: (A、B,各省级人民政府按职责分工负责)
    following = ""
    explicit = [role for _, role in parts]
    for i in range(len(roles) - 1, -1, -1):
        roles[i] = roles[i] or following or "pending"
        following = roles[i] if explicit[i] else following
    fields: list[UnitField] = []
    for (units, _), role in zip(parts, roles):
        if fields and role == "pending" and fields[-1].rule == "pending":
            # one list under one verb: under a legend only its first unit leads
            fields[-1] = UnitField(fields[-1].text + "," + units, "pending")
        else:
            fields.append(UnitField(units, role))
    return fields
