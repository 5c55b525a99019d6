"""Keywords: our own jieba, our dictionaries, and what comes out on the bundled list."""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest

from lib.analyse.keywords import (
    _data_lines,
    distinctive,
    document_tokens,
    keywords_of,
    stop_words,
    task_tokens,
    textrank,
    tfidf,
    tokenizer,
)
from lib.parse.reference import load_reference
from tests.conftest import BUNDLED, ROOT


def test_dictionaries_are_clean() -> None:
    terms = [line.split()[0] for line in _data_lines("keyword_terms.txt")]
    stops = _data_lines("stopwords.txt")
    assert len(terms) == len(set(terms)) and len(stops) == len(set(stops))
    assert all(len(t) >= 2 for t in terms)
    assert not set(terms) & set(stops), "a term is never a stop word"
    assert all(re.fullmatch(r"\S+( \d+)?", line) for line in _data_lines("keyword_terms.txt"))


@pytest.mark.parametrize(
    "term",
    [
        "营商环境",
        "专精特新",
        "共富工坊",
        "未来社区",
        "枫桥经验",
        "老旧小区改造",
        "高质量发展",
        "数字化改革",
    ],
)
def test_government_terms_stay_whole(term: str) -> None:
    assert term in task_tokens(f"深化{term}工作")


@pytest.mark.slow  # a subprocess
def test_jieba_global_state_is_untouched() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import jieba, lib.analyse.keywords as k; k.tokenizer(); "
                "print(jieba.dt.initialized, '共富工坊' in (jieba.dt.FREQ or {}))"
            ),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.split() == ["False", "False"]


def test_tokenizer_is_built_lazily_not_at_import() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import lib.analyse.keywords, sys; print('jieba' in sys.modules)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "False"


def test_tfidf_uses_the_documents_own_idf() -> None:
    tokens = [("养老", "食堂"), ("养老",), ("道路",)]
    table = tfidf(tokens, [0, 1], top=3)
    assert table["keyword"].tolist()[0] == "养老"
    assert set(table["keyword"]) == {"养老", "食堂"}


def test_distinctive_words_set_a_part_apart() -> None:
    tokens = [("养老", "食堂"), ("养老", "社区"), ("道路", "交通"), ("道路",)]
    assert distinctive(tokens, [0, 1], top=1)["keyword"].tolist() == ["养老"]


def test_bundled_top_keywords_are_clean_and_on_topic(bundled) -> None:
    units = set(bundled.assignments["unit"]) | {e.canonical for e in load_reference().units}
    table = keywords_of(
        bundled.items,
        bundled.assignments,
        bundled.items,
        set(bundled.assignments["unit"]),
        bundled.meta["place"],
        "tfidf",
        20,
    )
    words = table["keyword"].tolist()
    assert len(words) == 20
    assert not [w for w in words if re.search(r"\d", w)]
    assert not set(words) & units
    assert not set(words) & stop_words()
    assert "诸暨" not in words
    assert {"企业", "人才", "枫桥经验"} <= set(words)


def test_a_filter_recounts_from_cached_tokens(bundled) -> None:
    tokens = document_tokens(bundled.items, set(bundled.assignments["unit"]), "诸暨")
    assert document_tokens(bundled.items, set(bundled.assignments["unit"]), "诸暨") is tokens
    few = keywords_of(
        bundled.items.head(10),
        bundled.assignments,
        bundled.items,
        set(bundled.assignments["unit"]),
        "诸暨",
        "tfidf",
        5,
    )
    assert len(few) == 5


@pytest.mark.slow  # a subprocess
def test_cli_prints_keyword_tab_weight() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lib.cli", "keywords", str(BUNDLED), "--top", "5"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    lines = done.stdout.decode("utf-8").splitlines()
    assert done.returncode == 0 and len(lines) == 5
    assert all(re.fullmatch(r"[^\t]+\t[\d.]+", line) for line in lines)
    unit = subprocess.run(
        [
            sys.executable,
            "-m",
            "lib.cli",
            "keywords",
            str(BUNDLED),
            "--unit",
            "民政局",
            "--top",
            "3",
        ],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert unit.returncode == 0 and len(unit.stdout.decode().splitlines()) == 3
    tokenizer()  # keep the import used for the in-process tests above


def test_a_documents_tokens_go_with_it() -> None:
    """Uploads come and go: nothing of a document's tokens outlives its items table."""
    import gc

    from lib.analyse.keywords import _TOKENS

    before = len(_TOKENS)
    items = pd.DataFrame({"item_no": [1, 2], "task": ["推进营商环境改革", "建设数字政府"]})
    document_tokens(items, set(), "")
    textrank(items, items, set(), "")
    assert len(_TOKENS) == before + 2
    del items
    gc.collect()
    assert len(_TOKENS) == before


def test_textrank_ranks_as_jiebas_own_textrank(bundled) -> None:
    """Ranked from the document's tagged words, kept per document, the top words are those of
    jieba's TextRank over the tasks' text joined with 。 (the whole list and one unit's part)."""
    from lib.analyse.filters import Filters, apply_filters
    from lib.analyse.keywords import TEXTRANK_POS, _document_stop, _textrank, is_keyword

    units = set(bundled.assignments["unit"])
    for filters in (Filters(), Filters(units=("发改局",))):
        items, _ = apply_filters(bundled.items, bundled.assignments, filters)
        ours = textrank(items, bundled.items, units, "诸暨", 20)
        ranked = _textrank().textrank(
            "。".join(items["task"]), topK=60, withWeight=True, allowPOS=TEXTRANK_POS
        )
        extra = _document_stop(units, "诸暨")
        theirs = [(w, round(weight, 4)) for w, weight in ranked if is_keyword(w, extra)][:20]
        assert list(ours.itertuples(index=False, name=None)) == theirs
        assert len(theirs) >= 5
