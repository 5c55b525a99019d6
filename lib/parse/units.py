"""Canonical unit names: the lexicon of one document and how a written name resolves.

A written name resolves, in order, to: a known unit (reference table, with level and place
prefixes and aliases), a collective (kept as written, never merged), a unique known unit
one dropped or two swapped characters away (corrected and flagged), else itself (flagged
``unknown_unit``). A substituted character is never corrected: 民政局 is not 财政局.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from lib.parse.reference import Reference, load_reference


@dataclass(frozen=True)
class Resolution:
    unit: str
    kind: str
    flags: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """What the splitter and the resolver know while reading one document.

    ``surfaces`` maps every written form of a reference unit to its canonical name;
    ``document_names`` are names the document itself writes on their own elsewhere
    (they help to split runs without separators and to correct typos). ``memo`` holds what
    the splitter and the resolver worked out for this lexicon (see ``per_lexicon``): it
    lives and dies with the document, so nothing of an old upload stays in memory.
    """

    reference: Reference
    surfaces: dict[str, str]
    document_names: frozenset[str] = frozenset()
    base: Lexicon | None = None  # the same lexicon without the document's names
    memo: dict[str, dict] = field(default_factory=dict, compare=False, repr=False)

    def with_document_names(self, names: set[str] | frozenset[str]) -> Lexicon:
        root = self.base or self
        return Lexicon(self.reference, self.surfaces, frozenset(names), root) if names else root

    def may_use_document_names(self, text: str) -> bool:
        """Could the document's own names change how ``text`` splits? Only if one occurs in it.

        When none does, splitting with ``base`` gives the very same tokens, and is cached.
        """
        return bool(self.document_names) and self._document_name_pattern.search(text) is not None

    @functools.cached_property
    def _document_name_pattern(self) -> re.Pattern[str]:
        names = sorted(self.document_names, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, names)))

    def is_known(self, name: str) -> bool:
        return name in self.surfaces or name in self.document_names

    def name_lengths(self, first: str) -> tuple[int, ...]:
        """Lengths of the known names that start with ``first`` (where a name may end)."""
        return self._lengths_by_first.get(first, ())

    @functools.cached_property
    def _lengths_by_first(self) -> dict[str, tuple[int, ...]]:
        lengths: dict[str, set[int]] = defaultdict(set)
        for name in (*self.surfaces, *self.document_names):
            lengths[name[0]].add(len(name))
        return {first: tuple(sorted(found)) for first, found in lengths.items()}

    @functools.cached_property
    def _near_misses(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Index of forms one character short (``dropped``) or with two neighbours swapped."""
        dropped: dict[str, set[str]] = defaultdict(set)
        swapped: dict[str, set[str]] = defaultdict(set)
        targets: dict[str, str] = {}
        for entry in self.reference.units:
            if entry.kind == "collective":
                continue
            for name in (entry.canonical, *entry.aliases):
                if "{" not in name:
                    targets[name] = entry.canonical
        for name in self.document_names:
            if name not in self.surfaces and not self.reference.is_collective(name):
                targets.setdefault(name, name)
        for name, target in targets.items():
            if len(name) < 3:
                continue  # dropping a character from a 2-character name leaves 1: too weak
            for i in range(len(name)):
                dropped[name[:i] + name[i + 1 :]].add(target)
            for i in range(len(name) - 1):
                if name[i] != name[i + 1]:
                    swapped[name[:i] + name[i + 1] + name[i] + name[i + 2 :]].add(target)
        return dict(dropped), dict(swapped)

    def resolve(self, name: str) -> Resolution:
        """Resolve one written unit name (without marker or sub-office).

        >>> lexicon = document_lexicon()
        >>> lexicon.resolve("人社局")
        Resolution(unit='人力社保局', kind='department', flags=('alias',))
        """
        return _resolve(name, self)


Key = TypeVar("Key")
_MISSING = object()
Value = TypeVar("Value")


def per_lexicon(function: Callable[[Key, Lexicon], Value]) -> Callable[[Key, Lexicon], Value]:
    """Remember ``function(key, lexicon)`` in the lexicon's ``memo``: a list repeats its units
    texts and names, and a cache that keys on the lexicon itself would keep every document
    ever read alive."""
    name = function.__qualname__

    @functools.wraps(function)
    def remembered(key: Key, lexicon: Lexicon) -> Value:
        memo = lexicon.memo.get(name)
        if memo is None:
            memo = lexicon.memo[name] = {}
        value = memo.get(key, _MISSING)  # a miss is common: no exception for it
        if value is _MISSING:
            value = memo[key] = function(key, lexicon)
        return value

    return remembered


def remembered_in(lexicon: Lexicon, function: Callable) -> dict:
    """What ``function`` (made with ``per_lexicon``) remembers for ``lexicon``, by key: for a
    hot loop that looks most keys up, without a call for each."""
    return lexicon.memo.setdefault(function.__qualname__, {})


@per_lexicon
def _resolve(name: str, lexicon: Lexicon) -> Resolution:
    reference = lexicon.reference
    canonical = lexicon.surfaces.get(name)
    if canonical is not None:
        flags = () if canonical == name or _only_prefix_differs(name, canonical) else ("alias",)
        return Resolution(canonical, reference.kind_of(canonical) or "other", flags)
    if reference.is_collective(name):
        return Resolution(name, "collective", ())
    dropped, swapped = lexicon._near_misses
    for index, flag in ((dropped, "dropped_char"), (swapped, "swapped_chars")):
        targets = {t for t in index.get(name, ()) if t != name}
        if len(targets) == 1:
            target = targets.pop()
            kind = reference.kind_of(target) or reference.guess_kind(target) or "other"
            return Resolution(target, kind, (flag,))
    return Resolution(name, reference.guess_kind(name) or "other", ("unknown_unit",))


def _only_prefix_differs(name: str, canonical: str) -> bool:
    """``市公安局`` and ``诸暨市公安局`` are just 公安局 with the level or place spelled out."""
    return name.endswith(canonical)


def document_lexicon(place: str = "", reference: Reference | None = None) -> Lexicon:
    """The lexicon for a document of ``place`` (e.g. ``诸暨``) before its own names are read."""
    reference = reference or load_reference()
    return Lexicon(reference, reference.surfaces(place))
