"""Two lists side by side (one place two years, or two places one year): per unit its items and
leads in each and the change; each item of the second list matched to the first by its task
text (延续, 新增) and the first list's items no longer listed (不再列出); items per theme."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
from rapidfuzz import fuzz, process

from lib.analyse.roles import item_roles, role_counts
from lib.parse.pipeline import ParsedDocument

CONTINUED, NEW, DROPPED = "延续", "新增", "不再列出"
# rapidfuzz's partial ratio (0–100) of two tasks without their numbers and punctuation from
# which they are the same work carried on: a year's task keeps its words, its figures change
# (昆明 2020/2021: 促进城乡就业 74, 停车泊位 53; unrelated tasks 9–40)
MATCH_SCORE = 50.0
_NOT_WORDS = re.compile(r"[\d\W_]+")


def unit_changes(a: ParsedDocument, b: ParsedDocument) -> pd.DataFrame:
    """Per named unit (collectives left out), its distinct items and leads in A and in B and
    the changes; units matched by their canonical names. Most items in B first."""
    counts = []
    for doc in (a, b):
        per_item = item_roles(doc.assignments)
        named = per_item[per_item["kind"] != "collective"]
        counts.append(role_counts(named, ["unit"])[["items", "lead"]])
    both = (
        counts[0]
        .merge(counts[1], how="outer", left_index=True, right_index=True, suffixes=("_a", "_b"))
        .fillna(0)
    )
    both = both.astype("int64").reset_index()
    table = pd.DataFrame(
        {
            "unit": both["unit"],
            "items_a": both["items_a"],
            "items_b": both["items_b"],
            "items_change": both["items_b"] - both["items_a"],
            "lead_a": both["lead_a"],
            "lead_b": both["lead_b"],
            "lead_change": both["lead_b"] - both["lead_a"],
        }
    )
    return table.sort_values(
        ["items_b", "items_a", "unit"], ascending=[False, False, True], ignore_index=True
    )


def item_matches(a: ParsedDocument, b: ParsedDocument, cutoff: float = MATCH_SCORE) -> pd.DataFrame:
    """Each item of B with its best unused match in A (best pairs first, one to one) as 延续
    with the score (a whole number; missing for the others), or 新增; then A's unmatched items
    as 不再列出. Tasks are compared without
    their numbers and punctuation."""
    pairs = task_pairs(b.items["task"].tolist(), a.items["task"].tolist(), cutoff)
    rows = []
    for i, item in enumerate(b.items.itertuples()):
        if i in pairs:
            j, score = pairs[i]
            old = a.items.iloc[j]
            rows.append(
                (
                    CONTINUED,
                    old["item_label"],
                    old["task"],
                    item.item_label,
                    item.task,
                    round(score),
                )
            )
        else:
            rows.append((NEW, "", "", item.item_label, item.task, None))
    matched_a = {j for j, _ in pairs.values()}
    for j, old in enumerate(a.items.itertuples()):
        if j not in matched_a:
            rows.append((DROPPED, old.item_label, old.task, "", "", None))
    return pd.DataFrame(
        rows, columns=["change", "item_label_a", "task_a", "item_label_b", "task_b", "score"]
    )


def task_pairs(
    tasks_b: list[str],
    tasks_a: list[str],
    cutoff: float = MATCH_SCORE,
    allowed: Callable[[int, int], bool] | None = None,
) -> dict[int, tuple[int, float]]:
    """Each task of B (by index) with its best unused task of A and the score (0–100), best
    pairs first, one to one, none under ``cutoff``; compared without numbers and punctuation.
    ``allowed(i, j)``, when given, may refuse a pair (then the next best is tried).

    >>> task_pairs(["新建城市公园5个", "修建道路", "植树"], ["修建道路10公里", "新建城市公园3个"])
    {0: (1, 100.0), 1: (0, 100.0)}
    """
    plain_a = [_NOT_WORDS.sub("", task) for task in tasks_a]
    plain_b = [_NOT_WORDS.sub("", task) for task in tasks_b]
    pairs: dict[int, tuple[int, float]] = {}
    if plain_a and plain_b:
        scores = process.cdist(plain_b, plain_a, scorer=fuzz.partial_ratio, workers=1)
        ranked = sorted(
            ((float(scores[i, j]), i, j) for i in range(len(plain_b)) for j in range(len(plain_a))),
            key=lambda found: (-found[0], found[1], found[2]),
        )
        used_a: set[int] = set()
        for score, i, j in ranked:
            if score < cutoff:
                break
            if i not in pairs and j not in used_a and (allowed is None or allowed(i, j)):
                pairs[i] = (j, score)
                used_a.add(j)
    return pairs


def theme_changes(a: ParsedDocument, b: ParsedDocument) -> pd.DataFrame:
    """Items per theme in A and in B and the change, most items in B first."""
    count_a = a.items["theme"].replace("", "未分类").value_counts()
    count_b = b.items["theme"].replace("", "未分类").value_counts()
    both = pd.DataFrame({"items_a": count_a, "items_b": count_b}).fillna(0).astype("int64")
    both = both.rename_axis("theme").reset_index()
    both = both.assign(items_change=both["items_b"] - both["items_a"])
    return both.sort_values(
        ["items_b", "items_a", "theme"], ascending=[False, False, True], ignore_index=True
    )
