"""Themes: the list's own sections where it has them, else keyword rules from data/themes.csv."""

from __future__ import annotations

import csv
import functools
import re

import pandas as pd

from lib.parse.reference import DATA_DIR

UNCLASSIFIED = "未分类"


@functools.lru_cache(maxsize=1)
def theme_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(theme, keywords) in the order of data/themes.csv (earlier wins a tie)."""
    with open(DATA_DIR / "themes.csv", encoding="utf-8", newline="") as handle:
        return tuple(
            (row["theme"], tuple(k for k in row["keywords"].split("|") if k))
            for row in csv.DictReader(handle)
        )


@functools.lru_cache(maxsize=1)
def _keyword_index() -> tuple[re.Pattern[str], dict[str, list[int]]]:
    """One pattern for every keyword (longest first), and which themes each belongs to."""
    themes_of: dict[str, list[int]] = {}
    for index, (_, keywords) in enumerate(theme_rules()):
        for keyword in keywords:
            themes_of.setdefault(keyword, []).append(index)
    words = sorted(themes_of, key=len, reverse=True)
    # a lookahead finds overlapping keywords too (能源 inside 新能源), as str.count would
    return re.compile(f"(?=({'|'.join(map(re.escape, words))}))"), themes_of


def theme_of(task: str) -> str:
    """The theme whose keywords cover most of ``task`` (hits weighted by keyword length, so
    新能源汽车充电桩 is about 充电桩 more than about 能源); 未分类 when none occurs.

    >>> theme_of("新增就业岗位2万个,城镇调查失业率控制在5%以内")
    '民生事业'
    """
    pattern, themes_of = _keyword_index()
    rules = theme_rules()
    scores = [0] * len(rules)
    for match in pattern.finditer(task):
        word = match.group(1)
        for index in themes_of[word]:
            scores[index] += len(word)
    best = max(range(len(rules)), key=lambda i: (scores[i], -i))
    return rules[best][0] if scores[best] else UNCLASSIFIED


def assign_themes(items: pd.DataFrame) -> pd.Series:
    """Each item's theme: its section when the list has sections, else by keyword rules."""
    if (items["section"] != "").any():
        return items["section"].where(items["section"] != "", UNCLASSIFIED)
    tasks = items["task"]
    return tasks.map({task: theme_of(task) for task in tasks.unique()})
