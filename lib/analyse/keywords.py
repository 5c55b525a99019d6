"""Keywords with jieba: what a list (or one unit's part of it) is about.

One ``jieba.Tokenizer`` (and one POS tokenizer on it) per process, built lazily, with our
user dictionary loaded into that instance only; jieba's global tokenizer and setters are
never touched. A document's tasks are tokenized once (remembered while its items table lives,
``lib.analyse.memo``), so a filter change only recounts: for TF-IDF and for TextRank alike.
TF-IDF uses an IDF computed over the document's own items.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeVar

import pandas as pd

from lib.analyse.filters import Selection
from lib.analyse.memo import TableMemo
from lib.analyse.tables import items_with_units
from lib.parse.reference import DATA_DIR, load_reference

TEXTRANK_MAX_CHARS = 200_000  # TextRank is quadratic-ish; beyond this the text is cut
TEXTRANK_POS = ("n", "nz", "vn", "ns", "nt", "l", "an")  # the parts of speech it ranks
TEXTRANK_SPAN = 5  # words within this distance are linked, as in jieba's TextRank
_TOKENS = TableMemo()
Value = TypeVar("Value")
_NOT_A_WORD = re.compile(r"[\d０-９.%％]|^[\W_]+$|^[a-zA-Z]{1,2}$")


def _data_lines(name: str) -> list[str]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Stop words from data/stopwords.txt plus every unit name of the reference table."""
    units = {
        name
        for entry in load_reference().units
        for name in (entry.canonical, *entry.aliases)
        if "{" not in name
    }
    return frozenset(_data_lines("stopwords.txt")) | units


_BUILDING = threading.Lock()


def tokenizer():
    """Our own jieba tokenizer, with the user dictionary (built on first use, ~1 s). Sessions
    that ask at once wait for the one being built instead of each building their own."""
    with _BUILDING:
        return _tokenizer()


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for line in _data_lines("keyword_terms.txt"):
        word, *freq = line.split()
        tk.add_word(word, int(freq[0]) if freq else None)
    for entry in load_reference().units:
        for name in (entry.canonical, *entry.aliases):
            if "{" not in name and len(name) >= 2:
                tk.add_word(name, 20000)
    return tk


@functools.lru_cache(maxsize=1)
def _textrank():
    import jieba.analyse
    import jieba.posseg

    rank = jieba.analyse.TextRank()
    rank.tokenizer = rank.postokenizer = jieba.posseg.POSTokenizer(tokenizer())
    rank.stop_words = set(stop_words())
    return rank


def is_keyword(word: str, extra_stop: frozenset[str] = frozenset()) -> bool:
    """Two or more characters, not a number, not punctuation, not a stop word or unit name."""
    return (
        len(word) >= 2
        and not _NOT_A_WORD.search(word)
        and word not in stop_words()
        and word not in extra_stop
    )


def task_tokens(task: str) -> tuple[str, ...]:
    """The words of one task (every word jieba finds; filtering comes later)."""
    return tuple(w.strip() for w in tokenizer().cut(task) if w.strip())


def document_tokens(
    items: pd.DataFrame, units: Iterable[str], place: str = ""
) -> list[tuple[str, ...]]:
    """Keyword candidates per task of ``items``: the document's own unit names and place are
    stop words too. Made once while ``items`` lives, so a filter change only recounts."""
    units = frozenset(units)
    return _TOKENS.along(items, ("tfidf", units, place), lambda: _tokens(items, units, place))


def _tokens(items: pd.DataFrame, units: frozenset[str], place: str) -> list[tuple[str, ...]]:
    extra = _document_stop(units, place)
    return _per_task(
        items, lambda task: tuple(w for w in task_tokens(task) if is_keyword(w, extra))
    )


def _pos_tokens(items: pd.DataFrame) -> list[tuple[tuple[str, str], ...]]:
    """(word, part of speech) of every task, as TextRank reads them; made once per table."""

    def make() -> list[tuple[tuple[str, str], ...]]:
        tagger = _textrank().postokenizer
        return _per_task(items, lambda task: tuple((p.word, p.flag) for p in tagger.cut(task)))

    return _TOKENS.along(items, "pos", make)


def _per_task(items: pd.DataFrame, cut: Callable[[str], Value]) -> list[Value]:
    """``cut(task)`` for every task of ``items``; a list repeats tasks: each is cut once."""
    tasks = items["task"].tolist()
    seen: dict[str, Value] = {}
    for task in tasks:
        if task not in seen:
            seen[task] = cut(task)
    return [seen[task] for task in tasks]


def _document_stop(units: Iterable[str], place: str) -> frozenset[str]:
    places = {place, place + "市", place + "县", place + "区"} if place else set()
    return frozenset(units) | places


def tfidf(tokens: list[tuple[str, ...]], chosen: Iterable[int], top: int = 20) -> pd.DataFrame:
    """TF-IDF of the chosen items (indexes into ``tokens``), IDF over all the document's items.

    IDF is smoothed: log((1 + N) / (1 + df)) + 1, so a word in every item still counts.
    Longer words are more specific (营商环境 over 企业): each character past two adds a quarter.
    """
    n = len(tokens)
    df = Counter(w for words in tokens for w in set(words))
    tf = Counter(w for i in chosen for w in tokens[i])
    scores = {
        w: c * (math.log((1 + n) / (1 + df[w])) + 1) * (1 + 0.25 * (len(w) - 2))
        for w, c in tf.items()
    }
    return _top(scores, tf, top)


def distinctive(tokens: list[tuple[str, ...]], mine: Iterable[int], top: int = 15) -> pd.DataFrame:
    """Words that set the chosen items apart from the rest (smoothed log-odds ratio)."""
    mine = set(mine)
    inside = Counter(w for i in mine for w in tokens[i])
    outside = Counter(w for i, words in enumerate(tokens) if i not in mine for w in words)
    a_total, b_total = sum(inside.values()) + 1, sum(outside.values()) + 1
    scores = {
        w: math.log((c + 0.5) / a_total) - math.log((outside[w] + 0.5) / b_total)
        for w, c in inside.items()
    }
    return _top(scores, inside, top)


def textrank(
    items: pd.DataFrame,
    all_items: pd.DataFrame,
    units: Iterable[str],
    place: str = "",
    top: int = 20,
) -> pd.DataFrame:
    """TextRank over the tasks of ``items`` (a part of ``all_items``, whose tagged words are
    made once), as jieba's TextRank ranks their text joined with 。 and cut at
    ``TEXTRANK_MAX_CHARS``: words of ``TEXTRANK_POS`` linked within ``TEXTRANK_SPAN``."""
    from jieba.analyse.textrank import UndirectWeightedGraph

    tagged = _pos_tokens(all_items)
    position = {no: i for i, no in enumerate(all_items["item_no"].tolist())}
    words: list[tuple[str, str]] = []
    length = 0
    for no in items["item_no"].tolist():
        task = tagged[position[no]]
        if words:
            words.append(("。", "x"))
            length += 1
        for word, flag in task:
            if length + len(word) > TEXTRANK_MAX_CHARS:
                break
            words.append((word, flag))
            length += len(word)
        if length >= TEXTRANK_MAX_CHARS:
            break
    stop = _textrank().stop_words
    ranked_pos = frozenset(TEXTRANK_POS)
    kept = [
        flag in ranked_pos and len(word.strip()) >= 2 and word.lower() not in stop
        for word, flag in words
    ]
    pairs: Counter = Counter()
    for i, (word, _) in enumerate(words):
        if kept[i]:
            for j in range(i + 1, min(i + TEXTRANK_SPAN, len(words))):
                if kept[j]:
                    pairs[(word, words[j][0])] += 1
    graph = UndirectWeightedGraph()
    for (start, end), weight in pairs.items():
        graph.addEdge(start, end, weight)
    ranked = sorted(graph.rank().items(), key=lambda kv: kv[1], reverse=True)[: top * 3]
    extra = _document_stop(units, place)
    found = [(w, round(weight, 4)) for w, weight in ranked if is_keyword(w, extra)][:top]
    return pd.DataFrame(found, columns=["keyword", "weight"])


def _top(scores: dict[str, float], counts: Counter, top: int) -> pd.DataFrame:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -counts[kv[0]], kv[0]))[:top]
    return pd.DataFrame(
        [(w, round(s, 4), counts[w]) for w, s in ranked], columns=["keyword", "weight", "count"]
    )


def keyword_items(items: pd.DataFrame, keyword: str) -> pd.DataFrame:
    """The items whose task contains ``keyword``."""
    return items[items["task"].str.contains(keyword, regex=False)]


def keywords_of(
    items: pd.DataFrame,
    assignments: pd.DataFrame,
    all_items: pd.DataFrame,
    all_units: Iterable[str],
    place: str = "",
    method: str = "tfidf",
    top: int = 20,
) -> pd.DataFrame:
    """Top keywords of ``items`` (a filtered part of ``all_items``), by TF-IDF or TextRank."""
    if method == "textrank":
        return textrank(items, all_items, all_units, place, top)
    tokens = document_tokens(all_items, all_units, place)
    position = {no: i for i, no in enumerate(all_items["item_no"])}
    return tfidf(tokens, [position[no] for no in items["item_no"]], top)


def unit_keywords(
    all_items: pd.DataFrame, assignments: pd.DataFrame, unit: str, place: str = "", top: int = 15
) -> pd.DataFrame:
    """Keywords that set one unit's items apart from the rest of the list."""
    tokens = document_tokens(all_items, set(assignments["unit"]), place)
    mine = set(assignments.loc[assignments["unit"] == unit, "item_no"])
    return distinctive(tokens, [i for i, no in enumerate(all_items["item_no"]) if no in mine], top)


def keyword_table(selection: Selection, method: str = "tfidf", top: int = 20) -> pd.DataFrame:
    """The chosen items' top keywords (keyword, weight, count) against the whole list."""
    doc = selection.doc
    return keywords_of(
        selection.items,
        selection.assignments,
        doc.items,
        set(doc.assignments["unit"]),
        selection.place,
        method,
        top,
    )


def unit_keyword_table(selection: Selection, unit: str) -> pd.DataFrame:
    """One unit's distinctive keywords against the rest of the whole list."""
    return unit_keywords(selection.doc.items, selection.doc.assignments, unit, selection.place)


def keyword_item_table(selection: Selection, keyword: str) -> pd.DataFrame:
    """The chosen items whose task contains ``keyword``, each with all its units."""
    return items_with_units(keyword_items(selection.items, keyword), selection.doc.assignments)
