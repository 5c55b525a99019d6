"""One unit at a glance (the overview when the filter holds one unit): its items by duty, the
units it shares them with and what they share, and its measurable targets. Views over a
``Selection``; the unit is an argument, so a profile reads the same under any other filter."""

from __future__ import annotations

import pandas as pd

from lib.analyse.filters import Selection
from lib.analyse.roles import item_roles
from lib.analyse.tables import items_with_units
from lib.analyse.targets import targets_table


def _duties(selection: Selection, unit: str) -> pd.Series:
    """The unit's duty in each chosen item that names it, by item number."""
    per_item = item_roles(selection.item_assignments)
    mine = per_item[per_item["unit"] == unit]
    return mine.set_index("item_no")["duty"]


def unit_items(selection: Selection, unit: str) -> pd.DataFrame:
    """The chosen items naming ``unit``: its duty first (牵头, 独立承担, 配合), then the item
    with all its units; ordered by duty, then number."""
    duties = _duties(selection, unit)
    items = selection.items[selection.items["item_no"].isin(duties.index)]
    table = items_with_units(items, selection.item_assignments)
    table.insert(0, "duty", duties.reindex(table["item_no"]).to_numpy())
    order = table["duty"].map({"lead": 0, "sole": 1, "co": 2})
    return table.assign(_order=order).sort_values(["_order", "item_no"]).drop(columns="_order")


def unit_partners(selection: Selection, unit: str, limit: int = 60) -> pd.DataFrame:
    """The named units sharing chosen items with ``unit``, most shared first (ties by name),
    each with the shared items as a reader knows them: number and task (``limit`` characters
    of each task)."""
    per_item = item_roles(selection.item_assignments)
    named = per_item[per_item["kind"] != "collective"]
    mine = set(named.loc[named["unit"] == unit, "item_no"])
    others = named[named["item_no"].isin(mine) & (named["unit"] != unit)]
    if others.empty:
        return pd.DataFrame(columns=["partner", "shared", "shared_tasks"])
    items = selection.items.set_index("item_no")
    text = {
        no: f"{items.at[no, 'item_label']}. {_short(items.at[no, 'task'], limit)}"
        for no in others["item_no"].unique()
    }
    grouped = others.sort_values("item_no").groupby("unit", sort=False)["item_no"]
    table = pd.DataFrame(
        {
            "partner": list(grouped.groups),
            "shared": grouped.nunique().to_numpy(),
            "shared_tasks": [tuple(text[no] for no in nos) for _, nos in grouped],
        }
    )
    return table.sort_values(["shared", "partner"], ascending=[False, True], ignore_index=True)


def unit_targets(selection: Selection, unit: str) -> pd.DataFrame:
    """The measurable targets of the chosen items naming ``unit``, with its duty in each."""
    duties = _duties(selection, unit)
    targets = targets_table(selection)
    targets = targets[targets["item_no"].isin(duties.index)].reset_index(drop=True)
    targets.insert(0, "duty", duties.reindex(targets["item_no"]).to_numpy())
    return targets.drop(columns=["lead_units", "sole_units", "co_units"])


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
