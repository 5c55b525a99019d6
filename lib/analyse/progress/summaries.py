"""What the 进度督查 page, the command line and the 督办单 show, all from the matched rows:
the status per base item, counts per unit and status, the items behind, the trend over
periods and the page's sentence."""

from __future__ import annotations

import calendar
import datetime

import pandas as pd

from lib.analyse.progress.reading import latest_status
from lib.analyse.roles import item_roles
from lib.parse.schema import CHASED, STATUS_SOURCES, STATUSES

STATUS_ORDER = ("behind", "not_started", "on_track", "done", "unknown")


def base_statuses(matched: pd.DataFrame) -> pd.DataFrame:
    """Each base item's status in its latest period (rows matched to a base item only)."""
    rows = matched[matched["item_no"].notna()]
    latest = latest_status(rows.assign(item_no=rows["item_no"].astype("int64")))
    return latest.reset_index(drop=True)


def unit_status_counts(assignments: pd.DataFrame, statuses: pd.DataFrame) -> pd.DataFrame:
    """Per named unit (collectives aside) its items, each once whatever its duty, by status;
    an item no report row covers counts as ``unknown``. Units with most items behind first,
    then not started, then not reported, then with most items reported: those a supervision
    office chases come first.

    >>> a = pd.DataFrame({"item_no": [1, 1, 2], "unit": ["发改局", "财政局", "发改局"],
    ...     "kind": ["department"] * 3, "role": ["lead", "co", "lead"], "sole": [False, False, True]})
    >>> s = pd.DataFrame({"item_no": [1], "status": ["behind"]})
    >>> unit_status_counts(a, s).to_dict("records")[0]
    {'unit': '发改局', 'behind': 1, 'not_started': 0, 'on_track': 0, 'done': 0, 'unknown': 1, 'total': 2}
    """
    roles = item_roles(assignments)
    roles = roles[roles["kind"] != "collective"]
    status = roles["item_no"].map(dict(zip(statuses["item_no"], statuses["status"])))
    counted = roles.assign(status=status.astype(object).fillna("unknown"))  # none matched: NaN
    table = (
        counted.groupby(["unit", "status"])["item_no"]
        .nunique()
        .unstack(fill_value=0)
        .reindex(columns=list(STATUS_ORDER), fill_value=0)
    )
    table["total"] = table.sum(axis=1)
    reported = table["total"] - table["unknown"]
    table = table.assign(_reported=reported).sort_values(
        ["behind", "not_started", "unknown", "_reported", "total"], ascending=False, kind="stable"
    )
    return table.drop(columns="_reported").reset_index().rename_axis(columns=None)


def lagging_items(
    items: pd.DataFrame,
    assignments: pd.DataFrame,
    statuses: pd.DataFrame,
    wanted: tuple[str, ...] = ("behind", "not_started"),
) -> pd.DataFrame:
    """The items of ``items`` whose status is one of ``wanted``, with their units by duty,
    leaders, status, where it came from and the evidence."""
    from lib.analyse.tables import items_with_units

    chosen = statuses[statuses["status"].isin(wanted)]
    # no words or figures used (序时推进: progress written, no shortfall): how it was judged
    said = chosen["status_source"].map(STATUS_SOURCES).fillna("")
    chosen = chosen.assign(evidence=chosen["evidence"].fillna("").mask(lambda e: e == "", said))
    shown = items_with_units(items[items["item_no"].isin(chosen["item_no"])], assignments)
    columns = ["item_no", "status", "status_source", "evidence", "progress_text", "period_end"]
    return shown.merge(chosen[columns], on="item_no", how="left")[
        [
            "item_no",
            "item_label",
            "task",
            "lead_units",
            "sole_units",
            "co_units",
            "leaders",
            "status",
            "evidence",
            "progress_text",
            "period_end",
        ]
    ]


def unit_lagging_items(
    unit: str, items: pd.DataFrame, assignments: pd.DataFrame, statuses: pd.DataFrame
) -> pd.DataFrame:
    """A unit's 督办单 rows: its items behind, not started, or with no progress reported or
    none that can be judged (items no report row covers among them), with the evidence."""
    mine = assignments.loc[assignments["unit"] == unit, "item_no"]
    chosen = items[items["item_no"].isin(mine)]
    return lagging_items(chosen, assignments, with_unreported(statuses, chosen), tuple(CHASED))


def with_unreported(statuses: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """``statuses`` with a row for each of ``items`` no report row covers: unknown, no
    progress written (what ``unit_status_counts`` counts as unknown too)."""
    missing = items.loc[~items["item_no"].isin(statuses["item_no"]), "item_no"]
    if missing.empty:
        return statuses
    added = pd.DataFrame(
        {
            "item_no": missing.astype("int64").tolist(),
            "status": "unknown",
            "status_source": "none",
            "evidence": "进度报告中没有这一项",
            "progress_text": "",
        }
    )
    return pd.concat([statuses.astype({"item_no": "int64"}), added], ignore_index=True)


def status_over_time(matched: pd.DataFrame, items: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each base item's status per period (columns: the periods' end dates, oldest first),
    with its task from ``items`` (the base list's) when given."""
    rows = matched[matched["item_no"].notna()]
    if rows.empty:
        return pd.DataFrame()
    table = rows.pivot_table(
        index=["item_no", "item_label"], columns="period_end", values="status", aggfunc="last"
    )
    table.columns = [str(c) for c in table.columns]
    table = table.reset_index()
    if items is None:
        return table
    tasks = dict(zip(items["item_no"], items["task"]))
    table.insert(2, "task", table["item_no"].map(tasks).fillna(""))
    return table


def unit_trend(matched: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    """Per named unit and period (end date), its items by status: unit, period_end and one
    column per status; items a period's report does not cover are left out of that period."""
    rows = matched[matched["item_no"].notna() & matched["period_end"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["unit", "period_end", *STATUS_ORDER])
    roles = item_roles(assignments)
    roles = roles.loc[roles["kind"] != "collective", ["item_no", "unit"]]
    per_item = rows.assign(item_no=rows["item_no"].astype("int64"))[
        ["item_no", "period_end", "status"]
    ].drop_duplicates(["item_no", "period_end"], keep="last")
    joined = roles.merge(per_item, on="item_no")
    table = (
        joined.groupby(["unit", "period_end", "status"])["item_no"]
        .nunique()
        .unstack(fill_value=0)
        .reindex(columns=list(STATUS_ORDER), fill_value=0)
        .reset_index()
        .rename_axis(columns=None)
    )
    return table.sort_values(["unit", "period_end"], kind="stable").reset_index(drop=True)


def behind_per_period(trend: pd.DataFrame) -> pd.DataFrame:
    """``unit_trend`` as one row per unit: its items behind in each period (columns: the
    periods' end dates as text, oldest first), units most behind in the latest period first."""
    if trend.empty:
        return pd.DataFrame(columns=["unit"])
    wide = trend.pivot_table(
        index="unit", columns="period_end", values="behind", aggfunc="sum", fill_value=0
    )
    wide.columns = [str(c) for c in wide.columns]
    wide = wide[wide.sum(axis=1) > 0]  # a unit never behind has no trend to show
    order = wide.assign(_all=wide.sum(axis=1)).sort_values(
        [wide.columns[-1], "_all"], ascending=False, kind="stable"
    )  # most behind in the latest period first, then over all periods
    return wide.loc[order.index].reset_index()


def period_words(end: str) -> str:
    """A period's end date (ISO) as people write it: the end of a month as 月底.

    >>> period_words("2023-06-30"), period_words("2017-08-15"), period_words("")
    ('2023年6月底', '2017年8月15日', '')
    """
    if not end:
        return ""
    day = datetime.date.fromisoformat(str(end)[:10])
    last = calendar.monthrange(day.year, day.month)[1]
    return f"{day.year}年{day.month}月" + ("底" if day.day == last else f"{day.day}日")


def progress_sentence(statuses: pd.DataFrame, items: int, periods: list[str]) -> str:
    """The page's one sentence: the latest period, then how many of the ``items`` chosen are
    done, on track, behind, not started, and not reported or unknown.

    >>> s = pd.DataFrame({"item_no": [1, 2], "status": ["done", "behind"]})
    >>> progress_sentence(s, 5, ["2023-06-30"])
    '截至2023年6月底：所选 5 项中，已完成 1 项，序时推进 0 项，滞后 1 项，未启动 0 项，未报进度或无法判断 3 项。'
    >>> progress_sentence(s, 2, [])[:14]
    '报告未写明期间：所选 2 项'
    """
    counts = statuses["status"].value_counts()
    rest = items - len(statuses) + int(counts.get("unknown", 0))
    known = "，".join(
        f"{STATUSES[s]} {counts.get(s, 0)} 项"
        for s in ("done", "on_track", "behind", "not_started")
    )
    when = f"截至{period_words(periods[-1])}" if periods else "报告未写明期间"
    return f"{when}：所选 {items} 项中，{known}" + (
        f"，未报进度或无法判断 {rest} 项。" if rest else "。"
    )
