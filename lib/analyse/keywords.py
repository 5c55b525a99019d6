"""Keywords: what a list (or one unit's part of it) is about, as a reader would name it.

A task's terms are its quoted names (“揭榜挂帅”, “229”计划 as written), then jieba's words
outside them without stop words, numbers, unit or place names, where two words that the
document (or the government texts of the background corpus) writes together are one term
(风险防范 + 化解). Terms are ranked against a background corpus of government work reports
and lists (``data/background_df.tsv.gz``, rebuilt by ``scripts/build_background.py``): a term
every government text uses (企业, 创新) ranks low, one this list uses and others rarely do
ranks high; a quoted name ranks higher still.

One ``jieba.Tokenizer`` (and one POS tokenizer on it) per process, built lazily, with our
user dictionary loaded into that instance only; jieba's global tokenizer and setters are
never touched. A document's tasks are cut once (remembered while its items table lives,
``lib.analyse.memo``), so a filter change only recounts: for TF-IDF and for TextRank alike.
The stop words and the background come in as one ``Vocabulary`` argument.
"""

from __future__ import annotations

import functools
import gzip
import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
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
_NOT_A_WORD = re.compile(r"[\d０-９.%％]|^[^\u4e00-\u9fff]+$")  # figures; no Chinese at all
# 三年, 一号, 第一, 两个: a count or an ordinal, not a term
_NUMBER_WORD = re.compile(
    r"^第?[一二三四五六七八九十百千万亿两零〇几多数首每半]+"
    r"[年月日号个项批次家条座所元倍成期届轮类种级季度天周年份]?$"
)
# jieba's dictionary tags of words that are never terms: verbs (给予, 收集), adverbs, numerals,
# measure words, times (年内), places (成都市), people's names, distinguishing words (小型),
# adjectives; nouns, verbal nouns (改革), idioms and words jieba does not know stay
NOT_TERM_TAGS = frozenset(
    [
        "v",
        "vd",
        "vi",
        "d",
        "ad",
        "p",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "ug",
        "uv",
        "ud",
        "r",
        "m",
        "mq",
        "q",
        "t",
        "f",
        "ns",
        "nr",
        "nrt",
        "nrfg",
        "b",
        "e",
        "y",
        "o",
        "zg",
        "a",
    ]
)
BACKGROUND = "background_df.tsv.gz"
# a word in more than a quarter of the background's texts (明确, 给予, 年内, 营商环境) says
# little of this list; a name the list quotes stays a candidate whatever its share (枫桥经验)
GENERIC_SHARE = 0.25
# a term in under a third of the background's texts (揭榜挂帅, 小升规) is as telling as one
# in none: the IDF stops rising there, so that well-known policy terms are not outranked by
# every rare word
SPECIFIC_SHARE = 0.3
QUOTED_WEIGHT = 2.0  # a name the document puts in quotes is one of its own programmes
_QUOTED = re.compile(r"[“「『]([^“”「」『』\n]{1,24})[”」』]")
_CLAUSE = re.compile(r"[,，。;；:：!！?？、()（）《》<>\[\]【】\s“”「」『』]+")


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, so it keys the memo
class Vocabulary:
    """What keywords are judged against: the words that never make one (``stop``) and how
    many of the background corpus's ``documents`` use each term (``df``)."""

    stop: frozenset[str]
    df: Mapping[str, int]
    documents: int

    def idf(self, term: str) -> float:
        """log((1 + N) / (1 + df)) + 1, 1 for a term every background text uses, at most what
        a term used by ``SPECIFIC_SHARE`` of them gets.

        >>> v = Vocabulary(frozenset(), {"企业": 99, "揭榜挂帅": 20}, 99)
        >>> v.idf("企业"), round(v.idf("揭榜挂帅"), 2), round(v.idf("政企亲清会"), 2)
        (1.0, 2.18, 2.18)
        """
        df = max(self.df.get(term, 0), SPECIFIC_SHARE * self.documents)
        return math.log((1 + self.documents) / (1 + df)) + 1

    def generic(self, term: str) -> bool:
        """Used by more than ``GENERIC_SHARE`` of the background's texts."""
        return self.df.get(term, 0) > GENERIC_SHARE * self.documents


@functools.lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The stop words (``stop_words``) and the background corpus shipped in ``data/``."""
    return Vocabulary(stop_words(), *read_background(DATA_DIR / BACKGROUND))


def read_background(path) -> tuple[dict[str, int], int]:
    """(term → documents using it, documents) from a background file: ``# documents\tN``
    and other ``#`` lines, then ``term\tdf`` lines; an absent file is an empty background."""
    df: dict[str, int] = {}
    documents = 0
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                term, _, count = line.rstrip("\n").partition("\t")
                if term == "# documents":
                    documents = int(count)
                elif not term.startswith("#") and count:
                    df[term] = int(count)
    except FileNotFoundError:
        pass
    return df, documents


@functools.lru_cache(maxsize=1)
def programme_suffixes() -> tuple[str, ...]:
    """Words that belong to a quoted name written in figures (“229”计划), longest first."""
    return tuple(sorted(_data_lines("programme_suffixes.txt"), key=len, reverse=True))


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


@functools.lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's part of speech of each word of its dictionary (ours have none)."""
    return _textrank().postokenizer.word_tag_tab


def is_keyword(word: str, extra_stop: frozenset[str] = frozenset(), stop=None) -> bool:
    """Two or more characters, some Chinese, no figures, not a count (三年), not a stop word
    or unit name (``stop``: default ``stop_words()``)."""
    return (
        len(word) >= 2
        and not _NOT_A_WORD.search(word)
        and not _NUMBER_WORD.match(word)
        and word not in (stop_words() if stop is None else stop)
        and word not in extra_stop
    )


def task_tokens(task: str) -> tuple[str, ...]:
    """The words of one task (every word jieba finds; filtering comes later)."""
    return tuple(w.strip() for w in tokenizer().cut(task) if w.strip())


Parts = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]  # (quoted names, runs of words)


def task_parts(task: str, stop: frozenset[str]) -> Parts:
    """A task's quoted names and its runs of keyword words outside them: words next to each
    other in the text, each a keyword and not of ``NOT_TERM_TAGS``; anything else (a stop
    word, a verb, a number, punctuation) ends a run.

    >>> quoted, runs = task_parts("深化“揭榜挂帅”科技攻关,实施“229”计划", stop_words())
    >>> quoted, runs
    (('揭榜挂帅', '“229”计划'), (('科技攻关',),))
    """
    quoted: list[str] = []
    outside: list[str] = []
    at = 0
    suffixes = programme_suffixes()
    tags = word_tags()
    for match in _QUOTED.finditer(task):
        core = match.group(1).strip()
        end = match.end()
        name = ""
        if re.search(r"[\u4e00-\u9fff]", core):  # a name; with figures, a target (最多80天)
            if (
                2 <= len(core) <= 16
                and not _CLAUSE.search(core)
                and not re.search(r"\d", core)
                and core not in stop
            ):
                name = core
        else:  # figures or letters: the name is the word written after them
            after = next((w for w in suffixes if task.startswith(w, end)), "")
            if after and len(core) <= 12:
                name, end = f"“{core}”{after}", end + len(after)
        if name:
            quoted.append(name)
        outside.append(task[at : match.start()])
        at = end
    outside.append(task[at:])
    runs: list[tuple[str, ...]] = []
    for text in outside:
        for clause in _CLAUSE.split(text):
            run: list[str] = []
            for word in tokenizer().cut(clause) if clause else ():
                if is_keyword(word, stop=stop) and tags.get(word) not in NOT_TERM_TAGS:
                    run.append(word)
                elif run:
                    runs.append(tuple(run))
                    run = []
            if run:
                runs.append(tuple(run))
    return tuple(quoted), tuple(runs)


MAX_PHRASE = 8  # characters of a term made of two words


def joined_terms(
    parts: list[Parts], vocabulary: Vocabulary, extra_stop: frozenset[str] = frozenset()
) -> list[tuple[str, ...]]:
    """Each task's terms: its quoted names, then its words, where two words next to each
    other are one term when they mostly come together: in this document (twice at least,
    and in at least half the places the rarer of them is written), or in the background
    corpus (in at least half of the texts that use the rarer one).

    >>> v = Vocabulary(frozenset(), {}, 0)
    >>> joined_terms([((), (("风险", "防范", "化解"),)), ((), (("风险", "防范"),))], v)
    [('风险防范', '化解'), ('风险防范',)]
    """
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for _, runs in parts:
        for run in runs:
            words.update(run)
            pairs.update(zip(run, run[1:]))
    df = vocabulary.df

    def together(a: str, b: str) -> bool:
        if len(a) + len(b) > MAX_PHRASE:
            return False
        here = pairs[(a, b)]
        if here >= 2 and here * 2 >= min(words[a], words[b]):
            return True
        there = df.get(a + b, 0)
        return there >= 3 and there * 2 >= min(df.get(a, 0), df.get(b, 0))

    decided: dict[tuple[str, str], bool] = {}
    out: list[tuple[str, ...]] = []
    for quoted, runs in parts:
        terms = list(quoted)
        for run in runs:
            i = 0
            while i < len(run):
                if i + 1 < len(run):
                    pair = (run[i], run[i + 1])
                    if pair not in decided:
                        decided[pair] = together(*pair)
                    if decided[pair]:
                        terms.append(run[i] + run[i + 1])
                        i += 2
                        continue
                terms.append(run[i])
                i += 1
        out.append(tuple(t for t in terms if t not in extra_stop))
    return out


@dataclass(frozen=True)
class Terms:
    """A document's terms: per task (in the items table's order), and the quoted names."""

    per_task: list[tuple[str, ...]]
    quoted: frozenset[str]


def document_terms(
    items: pd.DataFrame, units: Iterable[str], place: str, vocabulary: Vocabulary
) -> Terms:
    """The terms of each task of ``items`` (``joined_terms``): the document's own unit names
    and place are stop words too. Made once while ``items`` lives, so a filter change only
    recounts."""
    units = frozenset(units)
    return _TOKENS.along(
        items,
        ("terms", units, place, vocabulary),
        lambda: _terms(items, units, place, vocabulary),
    )


def document_tokens(
    items: pd.DataFrame, units: Iterable[str], place: str = "", vocabulary: Vocabulary | None = None
) -> list[tuple[str, ...]]:
    """``document_terms(...).per_task`` (with the shipped vocabulary by default)."""
    return document_terms(items, units, place, vocabulary or load_vocabulary()).per_task


def _terms(items: pd.DataFrame, units: frozenset[str], place: str, vocabulary: Vocabulary) -> Terms:
    extra = _document_stop(units, place)
    stop = vocabulary.stop | extra
    parts = _per_task(items, lambda task: task_parts(task, stop))
    quoted = frozenset(name for names, _ in parts for name in names)
    return Terms(joined_terms(parts, vocabulary, extra), quoted)


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


def tfidf(
    tokens: list[tuple[str, ...]],
    chosen: Iterable[int],
    top: int = 20,
    vocabulary: Vocabulary | None = None,
    quoted: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """The chosen items' (indexes into ``tokens``) terms ranked against the background:
    (1 + log tf) × IDF over the background's texts (``Vocabulary.idf``) × a tenth more for
    each character past two, up to six (营商环境 over 企业) × ``QUOTED_WEIGHT`` for a name the
    document quotes (``quoted``) × up to a third more for a term other government texts use
    too (0.1 × log10(1 + df): a known policy term, 揭榜挂帅, before a one-off phrase). Words
    most government texts use (``Vocabulary.generic``) come only after all the others (quoted
    names never count as such). ``count`` is the items a term comes from."""
    vocabulary = vocabulary or load_vocabulary()
    tf: Counter[str] = Counter()
    items: Counter[str] = Counter()
    for i in chosen:
        tf.update(tokens[i])
        items.update(set(tokens[i]))
    scores = {w: (1 + math.log(c)) * _specificity(w, vocabulary, quoted) for w, c in tf.items()}
    return _top(scores, items, top, _generic(scores, vocabulary, quoted))


def _specificity(term: str, vocabulary: Vocabulary, quoted: frozenset[str]) -> float:
    """How much a term says of a list, its frequency aside (see ``tfidf``)."""
    bare = _bare(term)
    return (
        vocabulary.idf(bare)
        * (1 + 0.1 * min(len(bare) - 2, 4))
        * (QUOTED_WEIGHT if term in quoted else 1.0)
        * (1 + 0.1 * math.log10(1 + vocabulary.df.get(bare, 0)))
    )


def _bare(term: str) -> str:
    """A term without the quotes of a name written in figures: “229”计划 → 229计划."""
    return term.replace("“", "").replace("”", "")


def distinctive(
    tokens: list[tuple[str, ...]],
    mine: Iterable[int],
    top: int = 15,
    vocabulary: Vocabulary | None = None,
    quoted: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Terms that set the chosen items apart from the rest: the smoothed log-odds ratio of
    their frequency inside and outside, times what the term says of any list (``tfidf``'s
    weights without the frequency: a quoted name or a rare policy term before a common word),
    the words most government texts use (``Vocabulary.generic``) after all the others."""
    vocabulary = vocabulary or load_vocabulary()
    mine = set(mine)
    inside: Counter[str] = Counter()
    items: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for i, words in enumerate(tokens):
        if i in mine:
            inside.update(words)
            items.update(set(words))
        else:
            outside.update(words)
    a_total, b_total = sum(inside.values()) + 1, sum(outside.values()) + 1
    scores = {
        w: (math.log((c + 0.5) / a_total) - math.log((outside[w] + 0.5) / b_total))
        * _specificity(w, vocabulary, quoted)
        for w, c in inside.items()
    }
    return _top(scores, items, top, _generic(scores, vocabulary, quoted))


def textrank(
    items: pd.DataFrame,
    all_items: pd.DataFrame,
    units: Iterable[str],
    place: str = "",
    top: int = 20,
    vocabulary: Vocabulary | None = None,
) -> pd.DataFrame:
    """TextRank over the tasks of ``items`` (a part of ``all_items``, whose tagged words are
    made once), as jieba's TextRank ranks their text joined with 。 and cut at
    ``TEXTRANK_MAX_CHARS``: words of ``TEXTRANK_POS`` linked within ``TEXTRANK_SPAN``; the
    terms most government texts use are left out."""
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
    vocabulary = vocabulary or load_vocabulary()
    found = [
        (w, round(weight, 4))
        for w, weight in ranked
        if is_keyword(w, extra, vocabulary.stop) and not vocabulary.generic(w)
    ][:top]
    return pd.DataFrame(found, columns=["keyword", "weight"])


def _generic(scores, vocabulary: Vocabulary, quoted: frozenset[str]) -> frozenset[str]:
    """The scored words most government texts use (``Vocabulary.generic``), quoted names not."""
    return frozenset(w for w in scores if w not in quoted and vocabulary.generic(w))


def _top(
    scores: dict[str, float], counts: Counter, top: int, generic: frozenset[str] = frozenset()
) -> pd.DataFrame:
    """The ``top`` terms by score; ``generic`` ones only after all the others, to fill a list
    that has too few of its own (six tasks of 老旧小区改造, 养老服务 …)."""
    ranked = sorted(
        scores.items(), key=lambda kv: (kv[0] in generic, -kv[1], -counts[kv[0]], kv[0])
    )[:top]
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
    vocabulary: Vocabulary | None = None,
) -> pd.DataFrame:
    """Top keywords of ``items`` (a filtered part of ``all_items``), by TF-IDF against the
    background (``vocabulary``, default the shipped one) or by TextRank."""
    vocabulary = vocabulary or load_vocabulary()
    if method == "textrank":
        return textrank(items, all_items, all_units, place, top, vocabulary)
    terms = document_terms(all_items, all_units, place, vocabulary)
    position = {no: i for i, no in enumerate(all_items["item_no"])}
    chosen = [position[no] for no in items["item_no"]]
    return tfidf(terms.per_task, chosen, top, vocabulary, terms.quoted)


def unit_keywords(
    all_items: pd.DataFrame,
    assignments: pd.DataFrame,
    unit: str,
    place: str = "",
    top: int = 15,
    vocabulary: Vocabulary | None = None,
) -> pd.DataFrame:
    """Keywords that set one unit's items apart from the rest of the list."""
    vocabulary = vocabulary or load_vocabulary()
    terms = document_terms(all_items, set(assignments["unit"]), place, vocabulary)
    mine = set(assignments.loc[assignments["unit"] == unit, "item_no"])
    chosen = [i for i, no in enumerate(all_items["item_no"]) if no in mine]
    return distinctive(terms.per_task, chosen, top, vocabulary, terms.quoted)


def keyword_table(selection: Selection, method: str = "tfidf", top: int = 20) -> pd.DataFrame:
    """The chosen items' top keywords (keyword, weight, count) against the whole list, each
    with the items it comes from (``sources``)."""
    doc = selection.doc
    table = keywords_of(
        selection.items,
        selection.assignments,
        doc.items,
        set(doc.assignments["unit"]),
        selection.place,
        method,
        top,
    )
    return with_sources(table, selection.items)


def unit_keyword_table(selection: Selection, unit: str) -> pd.DataFrame:
    """One unit's distinctive keywords against the rest of the whole list, each with the
    unit's items it comes from."""
    doc = selection.doc
    table = unit_keywords(doc.items, doc.assignments, unit, selection.place)
    mine = doc.items[
        doc.items["item_no"].isin(doc.assignments.loc[doc.assignments["unit"] == unit, "item_no"])
    ]
    return with_sources(table, mine)


SHOWN_SOURCES = 8  # item numbers a keyword lists; the rest are counted


def with_sources(table: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """``table`` with ``sources``: the numbers (as written) of the items of ``items`` whose
    task holds each keyword (as ``keyword_items`` finds them), the first ``SHOWN_SOURCES``
    and how many more (第3、17项等 12 项)."""
    found: dict[str, list[str]] = {w: [] for w in table["keyword"]}
    for label, task in items[["item_label", "task"]].itertuples(index=False):
        for word, labels in found.items():
            if word in task:
                labels.append(str(label))
    return table.assign(sources=[_sources_text(found[w]) for w in table["keyword"]])


def _sources_text(labels: list[str]) -> str:
    """Item numbers as a reader writes them.

    >>> _sources_text(["3", "17"]), _sources_text([str(n) for n in range(1, 11)])
    ('第3、17项', '第1、2、3、4、5、6、7、8项等 10 项')
    """
    if not labels:
        return ""
    shown = "、".join(labels[:SHOWN_SOURCES])
    return f"第{shown}项" + (f"等 {len(labels)} 项" if len(labels) > SHOWN_SOURCES else "")


def keyword_item_table(selection: Selection, keyword: str) -> pd.DataFrame:
    """The chosen items whose task contains ``keyword``, each with all its units."""
    return items_with_units(keyword_items(selection.items, keyword), selection.doc.assignments)
