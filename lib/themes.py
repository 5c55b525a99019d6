"""Themes: the list's own sections where it has them, else keyword rules from data/themes.csv."""

from __future__ import annotations

import csv
import functools

import pandas as pd

from lib.reference import DATA_DIR

UNCLASSIFIED = "未分类"


@functools.lru_cache(maxsize=1)
def theme_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(theme, keywords) in the order of data/themes.csv (earlier wins a tie)."""
    with open(DATA_DIR / "themes.csv", encoding="utf-8", newline="") as handle:
        return tuple((row["theme"], tuple(k for k in row["keywords"].split("|") if k))
                     for row in csv.DictReader(handle))


def theme_of(task: str) -> str:
    """The theme whose keywords cover most of ``task`` (hits weighted by keyword length, so
    新能源汽车充电桩 is about 充电桩 more than about 能源); 未分类 when none occurs.

    >>> theme_of("新增就业岗位2万个,城镇调查失业率控制在5%以内")
    '民生事业'
    """
    best, best_hits = UNCLASSIFIED, 0
    for theme, keywords in theme_rules():
        hits = sum(task.count(k) * len(k) for k in keywords)
        if hits > best_hits:
            best, best_hits = theme, hits
    return best


def assign_themes(items: pd.DataFrame) -> pd.Series:
    """Each item's theme: its section when the list has sections, else by keyword rules."""
    if (items["section"] != "").any():
        return items["section"].where(items["section"] != "", UNCLASSIFIED)
    return items["task"].map(theme_of)
