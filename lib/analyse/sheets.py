"""Each unit's own part of the list (its responsibility sheet) and the one-page brief's numbers.

A unit's sheet groups its items as the office sends them: 牵头 (it leads), 独立承担 (it is the only
named unit and no lead is marked), 配合 (it helps), and 共同责任 (it is not named, but a universal
collective such as 各部门 or 各镇乡(街道) on the item covers it). Only universal collectives are
expanded: 各… means all of a kind; 相关…/有关… means some, and who those are is not written, so
they are listed on the contents, never guessed.

A collective is expanded onto the units of its kinds in ``data/roster.csv`` when the roster has
the document's place, or else onto the named units the document itself mentions; every book
says which. Pure pandas; the files are written by lib.write.sheet_files.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

import pandas as pd

from lib.analyse.filters import Selection, select
from lib.analyse.review import corrected_counts, unresolved_counts
from lib.analyse.roles import item_roles
from lib.analyse.tables import headline_facts, lead_concentration, overview_kpis, unit_ranking
from lib.analyse.targets import targets_table
from lib.parse.pipeline import ParsedDocument
from lib.parse.reference import read_data_csv
from lib.parse.schema import DUTIES

GROUPS: tuple[str, ...] = ("牵头", "独立承担", "配合", "共同责任")
SHEET_COLUMNS: tuple[str, ...] = (
    "group",
    "item_no",
    "item_label",
    "task",
    "others",
    "leaders",
    "deadline",
    "targets",
    "via",
)
SHEET_HEADERS: dict[str, str] = {
    "group": "责任类别",
    "item_no": "序号",
    "item_label": "原编号",
    "task": "主要工作",
    "others": "其他责任单位（▲牵头）",
    "leaders": "分管领导",
    "deadline": "完成时限",
    "targets": "目标任务",
    "via": "所属泛指",
}
SELECTIVE_PREFIXES: tuple[str, ...] = ("各相关", "各有关", "相关", "有关")
LEAD_MARK = "▲"


@dataclass(frozen=True)
class UnitSheet:
    unit: str
    kind: str
    rows: pd.DataFrame  # SHEET_COLUMNS, ordered by GROUPS then item_no

    @property
    def counts(self) -> dict[str, int]:
        """Distinct items per group, in GROUPS order, and 合计."""
        counts = {group: int((self.rows["group"] == group).sum()) for group in GROUPS}
        return {**counts, "合计": sum(counts.values())}


@dataclass(frozen=True)
class SheetBook:
    """Every unit's sheet of one document, with what the contents page needs."""

    doc_id: str
    meta: dict[str, str]
    sheets: tuple[UnitSheet, ...]
    collectives: pd.DataFrame  # collective, scope, expanded_to, items
    scope_source: str  # "roster" or "document"
    columns: tuple[str, ...]  # the SHEET_COLUMNS this document has something in

    @property
    def scope_note(self) -> str:
        return scope_note(self.scope_source)

    def sheet(self, unit: str) -> UnitSheet:
        for sheet in self.sheets:
            if sheet.unit == unit:
                return sheet
        raise KeyError(unit)


def collective_scope(name: str) -> tuple[str, ...] | None:
    """The kinds a universal collective covers (各部门, 各市管国有企业 → their kinds), or None for a
    selective one (相关部门, 各有关单位) or one whose members the list does not say (各成员单位):
    after 各 may come only a level (市, 市直, 市管 …) and a known ending."""
    if not name.startswith("各") or name.startswith(SELECTIVE_PREFIXES):
        return None
    endings, qualifiers = _scopes()
    for ending, kinds in endings:
        if name.endswith(ending) and name[1 : len(name) - len(ending)] in qualifiers:
            return kinds
    return None


@functools.lru_cache(maxsize=1)
def _scopes() -> tuple[tuple[tuple[str, tuple[str, ...]], ...], frozenset[str]]:
    """(ending, kinds) longest first, and the level words allowed between 各 and the ending."""
    rows = read_data_csv("collective_scopes.csv")
    endings = [
        (r["text"], tuple(k for k in r["kinds"].split(";") if k))
        for r in rows
        if r["part"] == "ending"
    ]
    qualifiers = frozenset({""} | {r["text"] for r in rows if r["part"] == "qualifier"})
    return tuple(sorted(endings, key=lambda row: len(row[0]), reverse=True)), qualifiers


def roster(place: str) -> pd.DataFrame:
    """The place's units from data/roster.csv (unit, kind); empty when it has none."""
    rows = [
        (r["unit"], r["kind"]) for r in read_data_csv("roster.csv") if place and r["place"] == place
    ]
    return pd.DataFrame(rows, columns=["unit", "kind"]).drop_duplicates("unit")


def scope_note(source: str) -> str:
    """How the sheets expand 各… collectives: by the place's roster or by the list's units."""
    if source == "roster":
        return "“各…”类泛指单位按本地单位名册展开为共同责任。"
    return "未收录本地单位名册，“各…”类泛指单位按本清单中出现的单位展开为共同责任。"


def build_sheets(doc: ParsedDocument, roster_units: pd.DataFrame | None = None) -> SheetBook:
    """Every unit's sheet for ``doc``. ``roster_units`` (unit, kind) overrides data/roster.csv."""
    items = doc.items
    per_item, rows, collectives, source, pool = _sheet_rows(doc, roster_units)
    named = per_item[per_item["kind"] != "collective"]
    rows = _with_item_details(rows, doc, per_item)
    columns = tuple(
        c
        for c in SHEET_COLUMNS
        if c in ("group", "item_no", "item_label", "task", "others") or rows[c].map(bool).any()
    )
    labels = items.set_index("item_no")["item_label"]
    collectives = collectives.assign(
        items=collectives["item_nos"].map(lambda nos: tuple(str(labels.get(n, n)) for n in nos))
    ).drop(columns="item_nos")

    order = _unit_order(doc, pool if source == "roster" else None)
    kinds = dict(zip(pool["unit"], pool["kind"])) | dict(zip(named["unit"], named["kind"]))
    group_rank = {group: rank for rank, group in enumerate(GROUPS)}
    sheets = []
    for unit, mine in rows.groupby("unit", sort=False):
        mine = mine.sort_values(
            ["group", "item_no"], key=lambda s: s.map(group_rank) if s.name == "group" else s
        )
        sheets.append(
            UnitSheet(unit, kinds.get(unit, ""), mine[list(SHEET_COLUMNS)].reset_index(drop=True))
        )
    sheets.sort(key=lambda sheet: order.get(sheet.unit, len(order)))
    return SheetBook(doc.doc_id, dict(doc.meta), tuple(sheets), collectives, source, columns)


def sheet_book(selection: Selection) -> SheetBook:
    """The whole list's sheets (a view: only the selection's document counts)."""
    return build_sheets(selection.doc)


def sheet_scope(selection: Selection) -> tuple[int, str]:
    """How many units the whole list's sheets cover, and how collectives were expanded,
    without writing the sheets (a view: only the selection's document counts)."""
    _, rows, _, source, _ = _sheet_rows(selection.doc, None)
    return rows["unit"].nunique(), scope_note(source)


def _sheet_rows(doc: ParsedDocument, roster_units: pd.DataFrame | None):
    """(per_item, rows, collectives, source, pool): each unit's items by group, before the
    items' details are added."""
    per_item = item_roles(doc.assignments)
    named = per_item[per_item["kind"] != "collective"]
    if roster_units is None:
        roster_units = roster(doc.meta.get("place", ""))
    source = "roster" if len(roster_units) else "document"
    pool = roster_units if len(roster_units) else named.drop_duplicates("unit")[["unit", "kind"]]
    shared, collectives = _shared_rows(per_item, pool)
    rows = pd.concat([_named_rows(named), shared], ignore_index=True)
    return per_item, rows, collectives, source, pool


def _named_rows(named: pd.DataFrame) -> pd.DataFrame:
    """A row per item × named unit, grouped by its duty (``DUTIES``)."""
    group = named["duty"].map(DUTIES)
    return pd.DataFrame(
        {
            "unit": named["unit"],
            "item_no": named["item_no"],
            "group": group,
            "via": [()] * len(named),
        }
    )


def _shared_rows(per_item: pd.DataFrame, pool: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """共同责任 rows (units covered by a universal collective but not named on the item) and the
    contents' table of every collective: how far it reaches and on which items."""
    collectives = per_item[per_item["kind"] == "collective"]
    named_on = per_item.groupby("item_no")["unit"].agg(set)
    shared: dict[tuple[str, int], list[str]] = {}
    table = []
    for name, mentions in collectives.groupby("unit", sort=False):
        kinds = collective_scope(name)
        members = pool.loc[pool["kind"].isin(kinds or ()), "unit"].tolist()
        item_nos = tuple(sorted(mentions["item_no"].unique()))
        if kinds is None and name.startswith(SELECTIVE_PREFIXES):
            reach = "部分单位（未写明具体单位，不展开）"
        elif kinds is None:
            reach = "范围未写明，不展开"
        elif not members:
            reach = "全部，但名册和清单中都没有此类单位，未展开"
        else:
            reach = f"全部，展开到 {len(members)} 个单位"
        table.append((name, reach, item_nos))
        for item_no in item_nos:
            for unit in members:
                if unit not in named_on[item_no]:
                    shared.setdefault((unit, item_no), []).append(name)
    rows = pd.DataFrame(
        [(unit, item_no, "共同责任", tuple(via)) for (unit, item_no), via in shared.items()],
        columns=["unit", "item_no", "group", "via"],
    )
    return rows, pd.DataFrame(table, columns=["collective", "reach", "item_nos"])


def _with_item_details(
    rows: pd.DataFrame, doc: ParsedDocument, per_item: pd.DataFrame
) -> pd.DataFrame:
    """Add the item's label, task, leaders, deadline, targets and the other units (leads first)."""
    items = doc.items.set_index("item_no")
    leads_first = per_item.sort_values("role", key=lambda r: r != "lead", kind="stable")
    marked = leads_first["role"].map({"lead": LEAD_MARK}).fillna("") + leads_first["unit"]
    on_item = pd.DataFrame(
        {"item_no": leads_first["item_no"], "unit": leads_first["unit"], "shown": marked}
    )
    by_item = {
        no: list(zip(group["unit"], group["shown"])) for no, group in on_item.groupby("item_no")
    }
    targets = targets_table(select(doc))
    spans = (
        targets["metric"].where(targets["metric"] == "", targets["metric"] + "：") + targets["span"]
    )
    target_texts = spans.groupby(targets["item_no"]).agg(tuple)

    def others(unit: str, item_no: int) -> tuple[str, ...]:
        return tuple(shown for name, shown in by_item.get(item_no, []) if name != unit)

    return rows.assign(
        item_label=items["item_label"].reindex(rows["item_no"]).to_numpy(),
        task=items["task"].reindex(rows["item_no"]).to_numpy(),
        leaders=items["leaders"].reindex(rows["item_no"]).fillna("").to_numpy(),
        deadline=items["deadline"].reindex(rows["item_no"]).fillna("").to_numpy(),
        targets=[target_texts.get(no, ()) for no in rows["item_no"]],
        others=[others(u, n) for u, n in zip(rows["unit"], rows["item_no"])],
    )


def _unit_order(doc: ParsedDocument, roster_units: pd.DataFrame | None) -> dict[str, int]:
    """Units by items then leads (as the rankings), roster units the document never names last."""
    ranked = unit_ranking(select(doc))["unit"].tolist()
    if roster_units is not None:
        ranked += [u for u in roster_units["unit"] if u not in set(ranked)]
    return {unit: rank for rank, unit in enumerate(ranked)}


# --- the one-page brief ---


@dataclass(frozen=True)
class Brief:
    meta: dict[str, str]
    kpis: dict[str, float]
    top_items: pd.DataFrame  # unit, items, lead
    top_leads: pd.DataFrame  # unit, lead, items
    pairs: pd.DataFrame  # a, b, weight
    themes: pd.DataFrame  # theme, items
    concentration: dict[str, float]
    corrected: int  # what the reader corrected on its own (as the overview's parse line)
    waiting: int  # what waits for a person to check (as the overview's parse line)
    made: str  # the day the brief was made, ISO
    facts: dict[str, object]  # the overview's headline facts of the whole list


def build_brief(doc: ParsedDocument, top: int = 8, made: str = "") -> Brief:
    """The whole list on one page: headline numbers, who carries it, who works together."""
    from lib.analyse.network import shared_items  # networkx only when a brief is asked for

    items, assignments = doc.items, doc.assignments
    whole = select(doc)
    ranking = unit_ranking(whole)
    leads = ranking[ranking["lead"] > 0].sort_values(
        ["lead", "items", "unit"], ascending=[False, False, True]
    )
    themes = (
        items["theme"]
        .replace("", "未分类")
        .value_counts()
        .rename_axis("theme")
        .reset_index(name="items")
    )
    return Brief(
        meta=dict(doc.meta),
        kpis=overview_kpis(whole),
        top_items=ranking.head(top)[["unit", "items", "lead"]].reset_index(drop=True),
        top_leads=leads.head(top)[["unit", "lead", "items"]].reset_index(drop=True),
        pairs=shared_items(items, assignments).head(top)[["a", "b", "weight"]],
        themes=themes,
        concentration=lead_concentration(whole),
        corrected=sum(corrected_counts(doc).values()),
        waiting=sum(unresolved_counts(doc).values()),
        made=made or datetime.date.today().isoformat(),
        facts=headline_facts(whole),
    )
