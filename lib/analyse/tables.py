"""The numbers and tables the pages show, each a view ``fn(selection, *options)`` over the
filtered long tables; tidy English columns, lists as tuples (``lib.write.present`` shows them)."""

from __future__ import annotations

import pandas as pd

from lib.analyse.filters import Selection
from lib.analyse.roles import (
    item_roles,
    mention_duties,
    named_roles,
    role_counts,
    units_of_items,
)


def overview_kpis(selection: Selection) -> dict[str, float]:
    """The overview's headline numbers; every one is a count over the selected tables."""
    items, assignments = selection.items, selection.assignments
    per_item = item_roles(assignments)
    named = per_item[per_item["kind"] != "collective"]
    led = set(per_item.loc[per_item["role"] == "lead", "item_no"])
    units_per_item = (
        per_item.groupby("item_no")["unit"].nunique().reindex(items["item_no"], fill_value=0)
    )
    return {
        "items": len(items),
        "units": named["unit"].nunique(),
        "mentions": len(assignments),
        "led_items": len(led),
        "unmarked_items": int((~items["item_no"].isin(led)).sum()),
        "sole_items": int(per_item.loc[per_item["duty"] == "sole", "item_no"].nunique()),
        "mean_units": float(units_per_item.mean()) if len(items) else 0.0,
        "max_units": int(units_per_item.max()) if len(items) else 0,
    }


def headline_facts(selection: Selection) -> dict[str, object]:
    """What the landing page says in one sentence: the items, the named units that carry
    them, the unit carrying most and the one leading most (by distinct items; ties by name),
    and the chosen items several named units share. ``unit`` is set when the filter holds one
    unit: then its items by role and how many units it shares them with.

    >>> from lib.analyse.filters import select
    >>> from lib.parse.pipeline import parse_path
    >>> facts = headline_facts(select(parse_path("data/zhuji-2023-key-work-list.txt")))
    >>> facts["top_unit"], facts["top_items"], facts["top_lead_unit"], facts["top_leads"]
    ('财政局', 21, '发改局', 6)
    """
    whole_items = named_roles(selection.item_assignments)  # every named unit of the items
    ranking = unit_ranking(selection)
    by_leads = unit_ranking(selection, by="lead")
    shared = whole_items.groupby("item_no")["unit"].nunique()
    top = ranking.iloc[0] if len(ranking) else None
    lead = by_leads.iloc[0] if len(by_leads) and by_leads["lead"].iloc[0] > 0 else None
    units = selection.filters.units
    one = ranking[ranking["unit"] == units[0]] if len(units) == 1 else ranking.iloc[:0]
    return {
        "items": len(selection.items),
        "units": len(ranking),
        "led_items": int(
            selection.item_assignments.loc[
                selection.item_assignments["role"] == "lead", "item_no"
            ].nunique()
        ),
        "shared_items": int((shared > 1).sum()),
        "top_unit": top["unit"] if top is not None else "",
        "top_items": int(top["items"]) if top is not None else 0,
        "top_lead_unit": lead["unit"] if lead is not None else "",
        "top_leads": int(lead["lead"]) if lead is not None else 0,
        "lead_units": int((by_leads["lead"] > 0).sum()),
        # units level with the first (ties by name put one of them first)
        "top_ties": int((ranking["items"] == top["items"]).sum()) if top is not None else 0,
        "lead_ties": int((by_leads["lead"] == lead["lead"]).sum()) if lead is not None else 0,
        "unit": units[0] if len(one) else "",
        "unit_roles": {
            role: int(one[role].iloc[0]) if len(one) else 0
            for role in ("items", "lead", "sole", "co")
        },
        "partners": int(whole_items.loc[whole_items["unit"] != units[0], "unit"].nunique())
        if len(one)
        else 0,
    }


def unit_ranking(
    selection: Selection, include_collectives: bool = False, by: str = "items"
) -> pd.DataFrame:
    """Units by distinct items: by duty 牵头, 独立承担, 配合 (``DUTIES``), and mentions.

    Sorted by items, then leads (``by="lead"``: by leads, then items), then name, so ties
    never reorder between runs.
    """
    assignments = selection.assignments
    per_item = named_roles(assignments, include_collectives)
    counts = role_counts(per_item, ["unit"])
    kinds = per_item.drop_duplicates("unit").set_index("unit")["kind"]
    mentions = assignments.groupby("unit").size()
    ranking = counts.assign(
        kind=kinds.reindex(counts.index).to_numpy(),
        mentions=mentions.reindex(counts.index).to_numpy(),
    ).reset_index()
    ranking = ranking[["unit", "kind", "items", "lead", "sole", "co", "mentions"]]
    order = ["lead", "items", "unit"] if by == "lead" else ["items", "lead", "unit"]
    return ranking.sort_values(order, ascending=[False, False, True], ignore_index=True)


def items_with_units(items: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    """One row per item of ``items``: its number, section, theme and task, its units by duty
    (tuples, from ``assignments``), leaders and deadline."""
    units = units_of_items(assignments, items["item_no"])
    return pd.DataFrame(
        {
            "item_no": items["item_no"].to_numpy(),
            "item_label": items["item_label"].to_numpy(),
            "section": items["section"].to_numpy(),
            "theme": items["theme"].to_numpy(),
            "task": items["task"].to_numpy(),
            "lead_units": units["lead_units"].to_numpy(),
            "sole_units": units["sole_units"].to_numpy(),
            "co_units": units["co_units"].to_numpy(),
            "leaders": items["leaders"].to_numpy(),
            "deadline": items["deadline"].to_numpy(),
        }
    )


def item_table(selection: Selection) -> pd.DataFrame:
    """The chosen items, each with every one of its units (whatever the unit filter)."""
    return items_with_units(selection.items, selection.item_assignments)


# the columns of the 责任分工 table an analyst downloads, in order: the item, the unit and
# its duty, then how the list wrote it
ASSIGNMENT_VIEW_COLUMNS: tuple[str, ...] = (
    "item_no",
    "item_label",
    "section",
    "theme",
    "task",
    "unit",
    "duty",
    "sub_office",
    "kind",
    "leaders",
    "deadline",
    "raw",
    "position",
    "flags",
)


def assignment_table(selection: Selection) -> pd.DataFrame:
    """The chosen mentions, each with its item's number, section, theme and task and its
    unit's duty in the item (``DUTIES``): a table an analyst filters and sums as it comes."""
    rows = selection.assignments
    items = selection.items.set_index("item_no")
    details = {
        column: items[column].reindex(rows["item_no"]).to_numpy()
        for column in ("section", "theme", "task", "leaders", "deadline")
    }
    table = rows.assign(**details, duty=mention_duties(rows).to_numpy())
    return table[list(ASSIGNMENT_VIEW_COLUMNS)].reset_index(drop=True)


WORKLOAD_MODES = {
    "all": "全部职责",
    "lead": "仅牵头",
    "weighted": "按职责加权（牵头、独立承担 1，配合 0.5）",
}


def workload_cells(
    selection: Selection, mode: str = "all", include_collectives: bool = False
) -> pd.DataFrame:
    """Units × themes: one row per (unit, theme) with distinct items by duty, the value the
    heatmap shows for ``mode`` (all duties, lead only, or weighted: lead and sole 1, co 0.5)
    and ``theme_items``, the theme's distinct items (the cells of a theme add up to more: an
    item of several units counts in each)."""
    per_item = named_roles(selection.assignments, include_collectives)
    themes = selection.items.set_index("item_no")["theme"]
    per_item = per_item.assign(theme=themes.reindex(per_item["item_no"]).to_numpy())
    counts = role_counts(per_item, ["unit", "theme"])
    cells = pd.DataFrame(
        {
            "items": counts["items"],
            "lead": counts["lead"],
            "sole": counts["sole"],
            "co": counts["co"],
        }
    ).reset_index()
    value = {
        "all": cells["items"],
        "lead": cells["lead"],
        "weighted": cells["lead"] + cells["sole"] + 0.5 * cells["co"],
    }[mode]
    # each theme's own items (as a click on its total lists them: every unit, collectives too)
    roles = item_roles(selection.assignments)
    if mode == "lead":
        roles = roles[roles["role"] == "lead"]
    carried = selection.items[selection.items["item_no"].isin(roles["item_no"])]
    theme_items = carried.groupby("theme")["item_no"].nunique()
    return cells.assign(
        value=value.astype(float),
        theme_items=cells["theme"].map(theme_items).fillna(0).astype(int),
    )[lambda t: t["value"] > 0].reset_index(drop=True)


def cell_items(
    selection: Selection, unit: str | None, theme: str | None, mode: str = "all"
) -> pd.DataFrame:
    """The items behind a heatmap cell (a unit's items in a theme; a total when one is None)."""
    items, assignments = selection.items, selection.assignments
    per_item = item_roles(assignments)
    if unit is not None:
        per_item = per_item[per_item["unit"] == unit]
    if mode == "lead":
        per_item = per_item[per_item["role"] == "lead"]
    chosen = items[items["item_no"].isin(per_item["item_no"])]
    if theme is not None:
        chosen = chosen[chosen["theme"] == theme]
    return items_with_units(chosen, assignments)


def lead_concentration(selection: Selection, top: int = 5) -> dict[str, float]:
    """How concentrated the marked leads are: the top units' share and the HHI (0–1)."""
    per_item = item_roles(selection.assignments)
    leads = per_item[per_item["role"] == "lead"].groupby("unit").size().sort_values(ascending=False)
    total = leads.sum()
    if not total:
        return {"marked": 0, "top_share": 0.0, "hhi": 0.0}
    shares = leads / total
    return {
        "marked": int(total),
        "top_share": float(shares.head(top).sum()),
        "hhi": float((shares**2).sum()),
    }


def lead_exceptions(selection: Selection) -> dict[str, pd.DataFrame]:
    """Items 未标注牵头 and items with several leads, as item tables (every unit of each)."""
    items, assignments = selection.items, selection.item_assignments
    per_item = item_roles(assignments)
    leads = per_item[per_item["role"] == "lead"].groupby("item_no")["unit"].nunique()
    return {
        "unmarked": items_with_units(items[~items["item_no"].isin(leads.index)], assignments),
        "several": items_with_units(
            items[items["item_no"].isin(leads[leads > 1].index)], assignments
        ),
    }


def units_by_items(selection: Selection) -> list[str]:
    """Units by the number of distinct items they are named in, most first."""
    counts = selection.assignments.groupby("unit")["item_no"].nunique()
    return counts.sort_values(ascending=False, kind="stable").index.tolist()
