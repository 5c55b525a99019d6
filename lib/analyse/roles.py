"""Who holds which role in an item, counted once: the base of every count and ranking."""

from __future__ import annotations

import pandas as pd


def item_roles(assignments: pd.DataFrame) -> pd.DataFrame:
    """One row per item × unit: its role in the item, counted once (lead wins over co).

    A unit named twice in one item, or lead of one clause and co of another, counts once,
    as lead.
    """
    columns = ["item_no", "unit", "kind", "role", "sole"]
    # kind and sole are the same for every mention of a unit in an item; leads sort first
    leads_first = assignments[columns].sort_values("role", key=lambda r: r != "lead", kind="stable")
    once = leads_first.drop_duplicates(["item_no", "unit"]).sort_index()
    return once.reset_index(drop=True)


def named_roles(assignments: pd.DataFrame, include_collectives: bool = False) -> pd.DataFrame:
    """``item_roles`` without collectives (各部门, 相关单位) unless ``include_collectives``."""
    per_item = item_roles(assignments)
    return per_item if include_collectives else per_item[per_item["kind"] != "collective"]


def role_counts(per_item: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Distinct items per group, split into lead / sole (no marked lead) / co, and items."""
    lead = per_item["role"] == "lead"
    flags = pd.DataFrame(
        {
            **{key: per_item[key] for key in by},
            "lead": lead,
            "sole": ~lead & per_item["sole"],
            "co": ~lead & ~per_item["sole"],
        }
    )
    counts = flags.groupby(by, sort=False).sum().astype("int64")
    return counts.assign(items=counts["lead"] + counts["sole"] + counts["co"])


def units_of_items(assignments: pd.DataFrame, item_nos: pd.Series) -> pd.DataFrame:
    """For each item number, its lead units and its co units, each a tuple in order of mention."""
    per_item = item_roles(assignments)
    columns = {}
    for role in ("lead", "co"):
        grouped = (
            per_item.loc[per_item["role"] == role].groupby("item_no", sort=False)["unit"].agg(tuple)
        )
        columns[f"{role}_units"] = [grouped.get(no, ()) for no in item_nos]
    return pd.DataFrame(columns, index=pd.RangeIndex(len(item_nos)))
