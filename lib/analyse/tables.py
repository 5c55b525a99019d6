"""Numbers and tables the pages show, computed from the (filtered) long tables."""

from __future__ import annotations

import pandas as pd

from lib.write.export import neutralize_formulas, with_headers


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


def overview_kpis(items: pd.DataFrame, assignments: pd.DataFrame) -> dict[str, float]:
    """The overview's headline numbers; every one is a count over the given tables."""
    per_item = item_roles(assignments)
    named = per_item[per_item["kind"] != "collective"]
    led = set(per_item.loc[per_item["role"] == "lead", "item_no"])
    units_per_item = per_item.groupby("item_no")["unit"].nunique().reindex(items["item_no"], fill_value=0)
    return {
        "items": len(items),
        "units": named["unit"].nunique(),
        "mentions": len(assignments),
        "led_items": len(led),
        "unmarked_items": int((~items["item_no"].isin(led)).sum()),
        "sole_items": int(per_item.loc[per_item["sole"], "item_no"].nunique()),
        "mean_units": float(units_per_item.mean()) if len(items) else 0.0,
        "max_units": int(units_per_item.max()) if len(items) else 0,
    }


def unit_ranking(assignments: pd.DataFrame, include_collectives: bool = False) -> pd.DataFrame:
    """Units by distinct items: 牵头, 独立承担 (sole owner, no marked lead), 配合, and mentions.

    Sorted by items, then leads, then name, so ties never reorder between runs.
    """
    per_item = item_roles(assignments)
    if not include_collectives:
        per_item = per_item[per_item["kind"] != "collective"]
    counts = _role_counts(per_item, ["unit"])
    kinds = per_item.drop_duplicates("unit").set_index("unit")["kind"]
    mentions = assignments.groupby("unit").size()
    ranking = counts.assign(kind=kinds.reindex(counts.index).to_numpy(),
                            mentions=mentions.reindex(counts.index).to_numpy()).reset_index()
    ranking = ranking[["unit", "kind", "items", "lead", "sole", "co", "mentions"]]
    return ranking.sort_values(["items", "lead", "unit"], ascending=[False, False, True],
                               ignore_index=True)


def _role_counts(per_item: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Distinct items per group, split into lead / sole (no marked lead) / co."""
    lead = per_item["role"] == "lead"
    flags = pd.DataFrame({
        **{key: per_item[key] for key in by},
        "lead": lead, "sole": ~lead & per_item["sole"], "co": ~lead & ~per_item["sole"],
    })
    counts = flags.groupby(by, sort=False).sum().astype("int64")
    return counts.assign(items=counts["lead"] + counts["sole"] + counts["co"])


def item_table(items: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    """One row per item: its lead units and co units joined with 、, leaders, deadline."""
    per_item = item_roles(assignments)
    joined = {role: per_item.loc[per_item["role"] == role].groupby("item_no", sort=False)["unit"]
              .agg("、".join) for role in ("lead", "co")}
    return pd.DataFrame({
        "序号": items["item_no"],
        "原编号": items["item_label"],
        "分块": items["section"],
        "主要工作": items["task"],
        "牵头单位": joined["lead"].reindex(items["item_no"], fill_value="").to_numpy(),
        "配合单位": joined["co"].reindex(items["item_no"], fill_value="").to_numpy(),
        "分管领导": items["leaders"],
        "完成时限": items["deadline"],
    })


def display_table(table: pd.DataFrame, headers: str = "zh") -> pd.DataFrame:
    """A table as shown on screen: Chinese headers and the same formula guard as downloads."""
    return neutralize_formulas(with_headers(table, headers))


WORKLOAD_MODES = {"all": "全部角色", "lead": "仅牵头", "weighted": "牵头加权（牵头 1，配合 0.5）"}


def workload_cells(items: pd.DataFrame, assignments: pd.DataFrame, mode: str = "all",
                   include_collectives: bool = False) -> pd.DataFrame:
    """Units × themes: one row per (unit, theme) with distinct items by role and the value
    the heatmap shows for ``mode`` (all roles, lead only, or lead-weighted)."""
    per_item = item_roles(assignments)
    if not include_collectives:
        per_item = per_item[per_item["kind"] != "collective"]
    themes = items.set_index("item_no")["theme"]
    per_item = per_item.assign(theme=themes.reindex(per_item["item_no"]).to_numpy())
    counts = _role_counts(per_item, ["unit", "theme"])
    cells = pd.DataFrame({"items": counts["items"], "lead": counts["lead"],
                          "co": counts["sole"] + counts["co"]}).reset_index()
    value = {"all": cells["items"], "lead": cells["lead"],
             "weighted": cells["lead"] + 0.5 * cells["co"]}[mode]
    return cells.assign(value=value.astype(float))[lambda t: t["value"] > 0].reset_index(drop=True)


def cell_items(items: pd.DataFrame, assignments: pd.DataFrame, unit: str | None,
               theme: str | None, mode: str = "all") -> pd.DataFrame:
    """The items behind a heatmap cell (a unit's items in a theme; a total when one is None)."""
    per_item = item_roles(assignments)
    if unit is not None:
        per_item = per_item[per_item["unit"] == unit]
    if mode == "lead":
        per_item = per_item[per_item["role"] == "lead"]
    chosen = items[items["item_no"].isin(per_item["item_no"])]
    if theme is not None:
        chosen = chosen[chosen["theme"] == theme]
    return item_table(chosen, assignments)


def lead_concentration(assignments: pd.DataFrame, top: int = 5) -> dict[str, float]:
    """How concentrated the marked leads are: the top units' share and the HHI (0–1)."""
    per_item = item_roles(assignments)
    leads = per_item[per_item["role"] == "lead"].groupby("unit").size().sort_values(ascending=False)
    total = leads.sum()
    if not total:
        return {"marked": 0, "top_share": 0.0, "hhi": 0.0}
    shares = leads / total
    return {"marked": int(total), "top_share": float(shares.head(top).sum()),
            "hhi": float((shares ** 2).sum())}


def lead_exceptions(items: pd.DataFrame, assignments: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Items 未标注牵头 and items with several leads, as item tables."""
    per_item = item_roles(assignments)
    leads = per_item[per_item["role"] == "lead"].groupby("item_no")["unit"].nunique()
    return {
        "unmarked": item_table(items[~items["item_no"].isin(leads.index)], assignments),
        "several": item_table(items[items["item_no"].isin(leads[leads > 1].index)], assignments),
    }


# The pages' views, each ``(items, assignments, *options)`` so that lib.app.frame.view can cache them.

def ranking_view(items: pd.DataFrame, assignments: pd.DataFrame, include_collectives: bool) -> pd.DataFrame:
    return unit_ranking(assignments, include_collectives)


def concentration_view(items: pd.DataFrame, assignments: pd.DataFrame) -> dict[str, float]:
    return lead_concentration(assignments)


def assignments_view(items: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    return display_table(assignments)


def network_view(items: pd.DataFrame, assignments: pd.DataFrame, include_collectives: bool,
                 min_weight: int, resolution: float):
    from lib.analyse.network import network  # networkx is imported by the network page only

    return network(items, assignments, include_collectives, min_weight, resolution)


def partners_view(items: pd.DataFrame, assignments: pd.DataFrame, unit: str,
                  include_collectives: bool) -> pd.DataFrame:
    from lib.analyse.network import partners

    return display_table(partners(items, assignments, unit, include_collectives), "en")


def units_by_items(assignments: pd.DataFrame) -> list[str]:
    """Units by the number of distinct items they are named in, most first."""
    counts = assignments.groupby("unit")["item_no"].nunique()
    return counts.sort_values(ascending=False, kind="stable").index.tolist()
