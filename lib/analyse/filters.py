"""One frozen ``Filters`` value drives every chart, count and download; it round-trips
through the URL query string so a copied link reproduces the view."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

import pandas as pd

from lib.analyse.roles import mention_duties
from lib.parse.pipeline import ParsedDocument
from lib.parse.schema import DUTIES, KINDS

ROLE_CHOICES = ("all", "lead", "sole", "co")  # a unit's duty in an item (DUTIES)
# URL key for each field; lists repeat the key (?unit=发改局&unit=财政局)
_KEYS = {
    "units": "unit",
    "kinds": "kind",
    "role": "role",
    "sections": "section",
    "leaders": "leader",
    "include_collectives": "coll",
    "text": "q",
    "keyword": "kw",
}


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty tuples and strings mean "no restriction"."""

    units: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    role: str = "all"
    sections: tuple[str, ...] = ()  # the item's section, or its theme where it has none
    leaders: tuple[str, ...] = ()
    include_collectives: bool = False  # in rankings; rows of collectives are always listed
    text: str = ""  # free text in the task
    keyword: str = ""  # a keyword (from the keywords page) in the task

    def to_query(self) -> dict[str, str | list[str]]:
        """The non-default fields as URL query parameters.

        >>> Filters(units=("发改局",), role="lead").to_query()
        {'unit': ['发改局'], 'role': 'lead'}
        """
        query: dict[str, str | list[str]] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value == f.default:
                continue
            key = _KEYS[f.name]
            if isinstance(value, tuple):
                query[key] = list(value)
            elif isinstance(value, bool):
                query[key] = "1"
            else:
                query[key] = value
        return query

    @classmethod
    def from_query(cls, query: Mapping[str, str | list[str]]) -> Filters:
        """Filters from URL query parameters; unknown keys and bad values are ignored."""

        def many(key: str) -> tuple[str, ...]:
            value = query.get(key, ())
            values = [value] if isinstance(value, str) else list(value)
            return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))

        def one(key: str) -> str:
            found = many(key)
            return found[0] if found else ""

        role = one("role")
        return cls(
            units=many("unit"),
            kinds=tuple(k for k in many("kind") if k in KINDS),
            role=role if role in ROLE_CHOICES else "all",
            sections=many("section"),
            leaders=many("leader"),
            include_collectives=one("coll") in ("1", "true", "yes"),
            text=one("q")[:200],
            keyword=one("kw")[:50],
        )

    def chips(self) -> list[tuple[str, str, str]]:
        """Active filters as (field, value, Chinese label), one per removable chip."""
        chips = [("units", u, f"单位：{u}") for u in self.units]
        chips += [("kinds", k, f"类型：{KINDS.get(k, k)}") for k in self.kinds]
        if self.role != "all":
            chips.append(("role", self.role, f"职责：{DUTIES[self.role]}"))
        chips += [("sections", s, f"分块/主题：{s}") for s in self.sections]
        chips += [("leaders", name, f"分管领导：{name}") for name in self.leaders]
        if self.text:
            chips.append(("text", self.text, f"包含：{self.text}"))
        if self.keyword:
            chips.append(("keyword", self.keyword, f"关键词：{self.keyword}"))
        return chips

    def file_label(self) -> str:
        """The filters in a file name, so that two downloads of one table never overwrite
        each other: units (two, then how many more), role, kinds, section, leader, words.

        >>> Filters(units=("财政局",), role="lead").file_label()
        '财政局-牵头'
        >>> Filters(units=("甲局", "乙局", "丙局"), keyword="营商").file_label()
        '甲局-乙局-等3个单位-营商'
        """
        parts = list(self.units[:2])
        if len(self.units) > 2:
            parts.append(f"等{len(self.units)}个单位")
        if self.role != "all":
            parts.append(DUTIES[self.role])
        parts += [KINDS.get(k, k) for k in self.kinds[:2]]
        parts += [*self.sections[:1], *self.leaders[:1], self.text, self.keyword]
        return "-".join(part for part in parts if part)

    def describe(self) -> list[tuple[str, str]]:
        """(condition, value) rows for the 筛选条件 sheet of a download."""
        rows = [
            ("职责", {"all": "全部", **DUTIES}[self.role]),
            ("排名含泛指单位", "是" if self.include_collectives else "否"),
        ]
        rows += [
            ("单位", "、".join(self.units) or "全部"),
            ("单位类型", "、".join(KINDS.get(k, k) for k in self.kinds) or "全部"),
            ("分块/主题", "、".join(self.sections) or "全部"),
            ("分管领导", "、".join(self.leaders) or "全部"),
            ("包含文字", self.text or "（无）"),
            ("关键词", self.keyword or "（无）"),
        ]
        return rows


def apply_filters(
    items: pd.DataFrame, assignments: pd.DataFrame, filters: Filters
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The items and assignments a view shows under ``filters``.

    Item conditions (section or theme, leader, text, keyword) pick items; mention
    conditions (unit, kind, duty) pick rows; an item stays when one of its rows stays. The
    duty of a mention is its unit's duty in the item (``mention_duties``).
    """
    keep = pd.Series(True, index=items.index)
    if filters.sections:
        keep &= items["section"].isin(filters.sections) | items["theme"].isin(filters.sections)
    if filters.leaders:
        keep &= items["leaders"].map(
            lambda names: bool(set(names.split("、")) & set(filters.leaders))
        )
    for needle in (filters.text, filters.keyword):
        if needle:
            keep &= items["task"].str.contains(needle, regex=False)
    chosen = items.loc[keep]
    rows = assignments[assignments["item_no"].isin(chosen["item_no"])]
    if filters.units:
        rows = rows[rows["unit"].isin(filters.units)]
    if filters.kinds:
        rows = rows[rows["kind"].isin(filters.kinds)]
    if filters.role != "all":
        rows = rows[mention_duties(rows) == filters.role]
    if filters.units or filters.kinds or filters.role != "all":
        chosen = chosen[chosen["item_no"].isin(rows["item_no"])]
    return chosen.reset_index(drop=True), rows.reset_index(drop=True)


@dataclass(frozen=True, eq=False)
class Selection:
    """A document and what one ``Filters`` value picks from it: the argument of every view.

    ``items`` and ``assignments`` are the filtered tables; ``item_assignments`` is every
    mention of the chosen items, whatever the unit, kind or role filters (an item's leads are
    its leads, whatever role the filter shows).
    """

    doc: ParsedDocument
    filters: Filters
    items: pd.DataFrame
    assignments: pd.DataFrame

    @functools.cached_property
    def item_assignments(self) -> pd.DataFrame:
        whole = self.doc.assignments
        return whole[whole["item_no"].isin(self.items["item_no"])].reset_index(drop=True)

    @property
    def place(self) -> str:
        return self.doc.meta.get("place", "")


@dataclass(frozen=True)
class FilterChoices:
    """What the sidebar offers for one document: worked out once per document, since every
    rerun draws the sidebar and a 10,000-item list has 35,000 mentions to count."""

    items_per_unit: dict[str, int]  # most items first, ties by name
    kinds: tuple[str, ...]  # in KINDS order
    sections: tuple[str, ...]  # sections and themes
    leaders: tuple[str, ...]
    collectives: frozenset[str] = frozenset()  # units that are collectives (各部门 …)

    def valid(self, filters: Filters) -> Filters:
        """``filters`` without the values this document does not have (a unit of another list).

        >>> choices = FilterChoices({"发改局": 3}, ("department",), ("营商环境",), ("张三",))
        >>> choices.valid(Filters(units=("发改局", "教育局"), leaders=("李四",))).units
        ('发改局',)
        """
        sections, leaders = set(self.sections), set(self.leaders)
        return replace(
            filters,
            units=tuple(u for u in filters.units if u in self.items_per_unit),
            kinds=tuple(k for k in filters.kinds if k in self.kinds),
            sections=tuple(s for s in filters.sections if s in sections),
            leaders=tuple(n for n in filters.leaders if n in leaders),
        )


def filter_choices(doc: ParsedDocument) -> FilterChoices:
    """The units (by items), kinds, sections and themes, and leaders of ``doc``."""
    a, items = doc.assignments, doc.items
    per_unit = a.groupby("unit")["item_no"].nunique()
    per_unit = per_unit.sort_values(ascending=False, kind="stable")
    present = set(a["kind"].unique().tolist())
    sections = set(items["section"].unique().tolist()) | set(items["theme"].unique().tolist())
    leaders = {
        name
        for names in items["leaders"].unique().tolist()  # as Python strings: iterating a
        for name in names.split("、")  # column cell by cell is slow
        if name
    }
    return FilterChoices(
        {unit: int(n) for unit, n in per_unit.items()},
        tuple(k for k in KINDS if k in present),
        tuple(sorted(sections - {""})),
        tuple(sorted(leaders)),
        frozenset(a.loc[a["kind"] == "collective", "unit"].unique().tolist()),
    )


def select(doc: ParsedDocument, filters: Filters | None = None) -> Selection:
    """What ``filters`` pick from ``doc``; no filters select the whole document."""
    filters = filters or Filters()
    items, assignments = apply_filters(doc.items, doc.assignments, filters)
    return Selection(doc, filters, items, assignments)
