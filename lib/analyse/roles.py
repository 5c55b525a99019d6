"""Who holds which role in an item, counted once: the base of every count and ranking."""

from __future__ import annotations

import numpy as np
import pandas as pd


def item_roles(assignments: pd.DataFrame) -> pd.DataFrame:
    """One row per item × unit: its role in the item, counted once (lead wins over co), and
    its ``duty`` (``lead``, ``sole``, ``co``: see ``DUTIES``).

    A unit named twice in one item, or lead of one clause and co of another, counts once,
    as lead.
    """
    columns = ["item_no", "unit", "kind", "role", "sole"]
    # kind and sole are the same for every mention of a unit in an item; leads sort first
    leads_first = assignments[columns].sort_values("role", key=lambda r: r != "lead", kind="stable")
    once = leads_first.drop_duplicates(["item_no", "unit"]).sort_index()
    return once.assign(duty=_duty(once["role"], once["sole"])).reset_index(drop=True)


def _duty(role: pd.Series, sole: pd.Series) -> pd.Series:
    """``lead`` where the role is lead, else ``sole`` where the unit is the only named one,
    else ``co``."""
    duty = np.where(role.to_numpy() == "lead", "lead", np.where(sole.to_numpy(bool), "sole", "co"))
    return pd.Series(duty, index=role.index, dtype=object)


def mention_duties(assignments: pd.DataFrame) -> pd.Series:
    """Each mention's duty: the duty of its unit in its item (a unit marked lead in one clause
    is 牵头 in all its mentions of that item). Aligned with ``assignments``."""
    lead = (
        (assignments["role"] == "lead")
        .groupby([assignments["item_no"], assignments["unit"]], sort=False)
        .transform("max")
    )
    return _duty(lead.map({True: "lead", False: "co"}), assignments["sole"])


def named_roles(assignments: pd.DataFrame, include_collectives: bool = False) -> pd.DataFrame:
    """``item_roles`` without collectives (各部门, 相关单位) unless ``include_collectives``."""
    per_item = item_roles(assignments)
    return per_item if include_collectives else per_item[per_item["kind"] != "collective"]


def role_counts(per_item: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Distinct items per group, split by duty into lead / sole / co, and items."""
    duty = per_item["duty"]
    flags = pd.DataFrame(
        {
            **{key: per_item[key] for key in by},
            **{name: duty == name for name in ("lead", "sole", "co")},
        }
    )
    counts = flags.groupby(by, sort=False).sum().astype("int64")
    return counts.assign(items=counts["lead"] + counts["sole"] + counts["co"])


def units_of_items(assignments: pd.DataFrame, item_nos: pd.Series) -> pd.DataFrame:
    """For each item number, its units by duty (``lead_units``, ``sole_units``, ``co_units``),
    each a tuple in order of mention."""
    per_item = item_roles(assignments)
    columns = {}
    for duty in ("lead", "sole", "co"):
        grouped = (
            per_item.loc[per_item["duty"] == duty].groupby("item_no", sort=False)["unit"].agg(tuple)
        )
        columns[f"{duty}_units"] = [grouped.get(no, ()) for no in item_nos]
    return pd.DataFrame(columns, index=pd.RangeIndex(len(item_nos)))
