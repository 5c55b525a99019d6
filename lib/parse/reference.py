"""Reference data from data/: unit names, aliases and kinds, suffixes, collectives, connectors.

Code holds rules, data holds names: everything a city would want to extend is a CSV row.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
PLACE_SLOT = "{place}"
# Prefixes that name the government level or the place, dropped when matching a name:
# 市公安局, 诸暨市公安局 and 公安局 are one unit (州: an autonomous prefecture's, 州住房城乡建设局).
LEVEL_PREFIXES: tuple[str, ...] = ("市", "县", "区", "州")
LEVELS = "省市州县区"  # the levels of government a unit's name may start with (省 too)


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of a CSV in data/, every value stripped."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


@functools.lru_cache(maxsize=1)
def task_verbs() -> tuple[str, ...]:
    """Words a task starts with and a unit's name never does (推动, 加快, 优化 …)."""
    return tuple(row["text"] for row in read_data_csv("task_verbs.csv"))


@functools.lru_cache(maxsize=1)
def page_furniture() -> re.Pattern[str]:
    """A line of a web page's furniture (发布时间, 分享, 打印, 字号 …), not of the document."""
    words = sorted(
        (row["text"] for row in read_data_csv("page_furniture.csv")), key=len, reverse=True
    )
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})(?:[:\s]|$)")


# 各镇(街道、园区): a collective whose bracket lists more kinds of it
_SCOPES_IN_BRACKET = re.compile(r"(?P<head>各[^()、,]+)\((?P<inner>[^()]+[、,][^()]+)\)")


@dataclass(frozen=True)
class UnitEntry:
    canonical: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, so it can key caches
class Reference:
    """The unit reference table and the word lists the splitter uses."""

    units: tuple[UnitEntry, ...]
    suffixes: tuple[tuple[str, str], ...]  # (suffix, kind), longest first
    strong_suffixes: tuple[str, ...]  # endings that end a name wherever they occur (局, 集团)
    collective_prefixes: tuple[str, ...]
    collective_heads: tuple[str, ...]
    end_connectors: tuple[str, ...]  # longest first
    generic_groups: frozenset[str] = frozenset()
    prefixes: tuple[
        tuple[str, str], ...
    ] = ()  # (prefix, kind) that decide an unknown name's kind  # 开发区管委会: a kind of body, not one body
    kinds_by_canonical: dict[str, str] = field(default_factory=dict)
    owner_prefixes: tuple[str, ...] = ()  # 国务院 in 国务院国资委: glued to the next name
    branch_suffixes: tuple[str, ...] = ()  # 分局 in 市公安局开发区分局: a branch of the name before
    collective_scopes: tuple[str, ...] = ()  # 市级, 市直: a level before 有关部门
    mid_connectors: tuple[str, ...] = ()  # 等和: A等和各省级人民政府
    collective_joiners: tuple[str, ...] = ()  # 和, 及: only before a collective (A和各地)
    member_heads: tuple[str, ...] = ()  # 成员单位: 区疫情防控指挥部成员单位, the body's members

    def kind_of(self, canonical: str) -> str | None:
        return self.kinds_by_canonical.get(canonical)

    def guess_kind(self, name: str) -> str | None:
        """Kind of an unknown name: a Party prefix (``市委社治委`` → party), else its ending."""
        for prefix, kind in self.prefixes:
            if len(name) > len(prefix) + 1 and name.startswith(prefix):
                return kind
        return self.kind_by_suffix(name)

    def kind_by_suffix(self, name: str) -> str | None:
        """Kind of an unknown name from its ending, longest suffix first (``枫桥镇`` → town)."""
        kinds = self.suffix_kinds
        for length in self.suffix_lengths:
            if len(name) > length:
                kind = kinds.get(name[-length:])
                if kind:
                    return kind
        return None

    @functools.cached_property
    def connector_endings(self) -> frozenset[str]:
        """Last characters of the connectors: a chunk ending otherwise has none to strip."""
        return frozenset(c[-1] for c in self.end_connectors)

    @functools.cached_property
    def suffix_kinds(self) -> dict[str, str]:
        return dict(self.suffixes)

    @functools.cached_property
    def suffix_ends(self) -> frozenset[str]:
        """Last characters of the suffixes: where a unit's name may end."""
        return frozenset(suffix[-1] for suffix, _ in self.suffixes)

    @functools.cached_property
    def strong_pattern(self) -> re.Pattern[str]:
        """Every strong ending, overlapping ones included (a lookahead finds each start)."""
        if not self.strong_suffixes:
            return re.compile(r"(?!)")  # matches nowhere
        return re.compile("(?=(" + "|".join(map(re.escape, self.strong_suffixes)) + "))")

    @functools.cached_property
    def suffix_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(suffix) for suffix, _ in self.suffixes}, reverse=True))

    def short_weak_ending(self, name: str) -> bool:
        return _short_ending(self, name)

    def _short_ending(self, name: str) -> bool:
        """``市城乡``, ``公厅``: an ending with under two characters before it, level aside.

        Such a piece is a word (城乡), not a unit, unless nothing else reads the run.
        """
        stem = name[1:] if name[:1] in LEVEL_PREFIXES else name
        if stem in self.suffix_kinds:  # 管委会, 办公室: an ending alone names no unit
            return True
        for length in self.suffix_lengths:
            suffix = stem[-length:]
            if len(stem) > length and suffix in self.suffix_kinds:
                return len(stem) - length < 2
        return False

    def has_unit_ending(self, name: str) -> bool:
        return self.kind_by_suffix(name) is not None

    def is_bare_office(self, name: str) -> bool:
        """``办公室`` alone: an ending that a list of a body's own offices writes as a unit."""
        return len(name) >= 3 and name in self.suffix_kinds

    @functools.cached_property
    def collective_pattern(self) -> re.Pattern[str]:
        """``各…单位``, ``相关…部门``, ``各镇乡(街道)``: a prefix, a short middle, a head.

        The middle may not start another collective, so ``各成员单位各镇乡(街道)`` stays two.
        """
        prefixes = "|".join(map(re.escape, sorted(self.collective_prefixes, key=len, reverse=True)))
        heads = "|".join(map(re.escape, sorted(self.collective_heads, key=len, reverse=True)))
        scopes = "|".join(map(re.escape, sorted(self.collective_scopes, key=len, reverse=True)))
        # a bracket in the middle may hold 、: 各县(市、区)人民政府
        middle = r"(?:\([^()]{0,8}\)|(?!各|相关|有关)[^,、;\s()]){0,12}?"
        scope = rf"(?:{scopes})?" if scopes else ""
        return re.compile(rf"{scope}(?:{prefixes}){middle}(?:{heads})")

    @functools.cached_property
    def inner_connector(self) -> re.Pattern[str] | None:
        """Where a run joins a collective or ends a list inside itself: 等和, 以及, 和(各…)."""
        parts = [re.escape(c) for c in self.mid_connectors]
        starts = "|".join(
            map(
                re.escape,
                sorted({*self.collective_prefixes, *self.collective_scopes}, key=len, reverse=True),
            )
        )
        parts += (
            [rf"{re.escape(j)}(?=(?:{starts}))" for j in self.collective_joiners] if starts else []
        )
        return re.compile("|".join(parts)) if parts else None

    def may_start_collective(self, text: str, at: int = 0) -> bool:
        """Could a collective start at ``text[at]``? (各…, 相关…, 有关…, 市级有关…)"""
        first = text[at : at + 1]
        if first in self._collective_first:
            return True
        return first in self._scope_first and any(
            text[at : at + length] in scopes for length, scopes in self._scopes_by_length
        )

    def may_be_collective(self, text: str) -> bool:
        """Cheap test before ``is_collective``: a collective holds 各, 相关 or 有关 somewhere."""
        return self._collective_marks.search(text) is not None

    @functools.cached_property
    def _collective_marks(self) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(self.collective_prefixes, key=len))))

    @functools.cached_property
    def _collective_first(self) -> frozenset[str]:
        return frozenset(p[0] for p in self.collective_prefixes)

    @functools.cached_property
    def _scope_first(self) -> frozenset[str]:
        return frozenset(s[0] for s in self.collective_scopes)

    @functools.cached_property
    def _scopes_by_length(self) -> tuple[tuple[int, frozenset[str]], ...]:
        lengths = sorted({len(s) for s in self.collective_scopes})
        return tuple(
            (n, frozenset(s for s in self.collective_scopes if len(s) == n)) for n in lengths
        )

    def is_generic_group(self, name: str) -> bool:
        """``开发(度假)区管委会``: a kind of body (brackets aside), which 各 can distribute over."""
        return name in self.generic_groups or re.sub(r"\([^()]*\)", "", name) in self.generic_groups

    def is_collective(self, name: str) -> bool:
        if self.kind_of(name) == "collective" or self.collective_pattern.fullmatch(name):
            return True
        parts = re.split(r"、(?![^()]*\))", name) if "、" in name else ()
        if len(parts) > 1:  # 各县(市)区人民政府、开发(度假)区管委会
            first, *rest = parts
            return self.is_collective(first) and all(
                self.is_generic_group(kind)
                or (first.startswith("各") and self.is_collective("各" + kind))  # 各平台、镇街
                for kind in rest
            )
        scoped = _SCOPES_IN_BRACKET.fullmatch(name)
        if scoped:  # 各镇(街道、园区): the bracket lists more kinds of the same collective
            first, *rest = re.split(r"[、,]", scoped["inner"])
            return self.is_collective(f"{scoped['head']}({first})") and all(
                self.is_collective("各" + kind) for kind in rest
            )
        return False

    def surfaces(self, place: str = "") -> dict[str, str]:
        """Every written form that names a known unit → its canonical name.

        Includes the aliases with ``{place}`` filled in, and each form with the level or
        place prefix (``市公安局``, ``诸暨市公安局``). Collectives are not prefixed.
        """
        return dict(_surfaces(self, place))


@functools.lru_cache(maxsize=65536)
def _short_ending(reference: Reference, name: str) -> bool:
    return reference._short_ending(name)


@functools.lru_cache(maxsize=64)
def _surfaces(reference: Reference, place: str) -> tuple[tuple[str, str], ...]:
    forms: dict[str, str] = {}
    prefixes = [""] + list(LEVEL_PREFIXES)
    if place:
        prefixes += [place, *(place + level for level in LEVEL_PREFIXES)]
    for entry in reference.units:
        for name in (entry.canonical, *entry.aliases):
            if PLACE_SLOT in name:
                if not place:
                    continue
                name = name.replace(PLACE_SLOT, place)
            if entry.kind == "collective":
                forms.setdefault(name, entry.canonical)
                continue
            for prefix in prefixes:
                forms.setdefault(prefix + name, entry.canonical)
    return tuple(forms.items())


@functools.lru_cache(maxsize=1)
def load_reference() -> Reference:
    """Read the reference tables from ``data/`` once per process."""
    units = tuple(
        UnitEntry(
            row["canonical"],
            row["kind"],
            tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
        )
        for row in read_data_csv("units.csv")
    )
    suffix_rows = read_data_csv("unit_suffixes.csv")
    suffixes = tuple(
        sorted(
            ((r["suffix"], r["kind"]) for r in suffix_rows),
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
    )
    # a strong ending inside a longer one (局 in 分局) is counted once, as the shorter
    strong = [r["suffix"] for r in suffix_rows if r["strong"] == "yes"]
    strong = tuple(s for s in strong if not any(s != t and t in s for t in strong))
    words = read_data_csv("collective_words.csv")
    connectors = read_data_csv("connectors.csv")
    return Reference(
        units=units,
        suffixes=suffixes,
        strong_suffixes=strong,
        collective_prefixes=tuple(w["text"] for w in words if w["part"] == "prefix"),
        collective_heads=tuple(w["text"] for w in words if w["part"] == "head"),
        generic_groups=frozenset(w["text"] for w in words if w["part"] == "generic"),
        collective_scopes=tuple(w["text"] for w in words if w["part"] == "scope"),
        member_heads=tuple(
            sorted((w["text"] for w in words if w["part"] == "members"), key=len, reverse=True)
        ),
        owner_prefixes=tuple(r["text"] for r in read_data_csv("owner_prefixes.csv")),
        branch_suffixes=tuple(r["suffix"] for r in read_data_csv("branch_suffixes.csv")),
        prefixes=tuple(
            sorted(
                ((r["prefix"], r["kind"]) for r in read_data_csv("unit_prefixes.csv")),
                key=lambda pair: len(pair[0]),
                reverse=True,
            )
        ),
        mid_connectors=tuple(
            sorted((c["text"] for c in connectors if c["position"] == "mid"), key=len, reverse=True)
        ),
        collective_joiners=tuple(
            c["text"] for c in connectors if c["position"] == "before_collective"
        ),
        end_connectors=tuple(
            sorted((c["text"] for c in connectors if c["position"] == "end"), key=len, reverse=True)
        ),
        kinds_by_canonical={entry.canonical: entry.kind for entry in units},
    )
