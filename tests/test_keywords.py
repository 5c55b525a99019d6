"""Keywords: our own jieba, our dictionaries, and what comes out on the bundled list."""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest

from lib.analyse.keywords import (
    Vocabulary,
    _data_lines,
    distinctive,
    document_tokens,
    joined_terms,
    keywords_of,
    load_vocabulary,
    stop_words,
    task_parts,
    task_tokens,
    textrank,
    tfidf,
    tokenizer,
    word_tags,
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


def test_tfidf_ranks_against_the_background_and_quoted_names_first() -> None:
    background = Vocabulary(frozenset(), {"企业": 90, "养老": 20, "食堂": 5}, 100)
    tokens = [("企业", "养老", "食堂"), ("企业", "养老"), ("企业", "道路"), ("爱心食堂",)]
    table = tfidf(tokens, [0, 1, 2], top=5, vocabulary=background)
    # 企业 is in 90 of 100 government texts: generic, after every other term though most written
    assert table["keyword"].tolist() == ["养老", "食堂", "道路", "企业"]
    assert table.set_index("keyword")["count"].to_dict() == {
        "养老": 2,
        "食堂": 1,
        "道路": 1,
        "企业": 3,
    }
    quoted = tfidf(tokens, [0, 3], top=5, vocabulary=background, quoted=frozenset({"爱心食堂"}))
    assert quoted["keyword"].tolist()[0] == "爱心食堂"
    kept = tfidf(tokens, [0], 5, background, frozenset({"企业"}))  # a quoted name is no word
    assert kept["keyword"].tolist()[0] == "企业"


def test_distinctive_words_set_a_part_apart() -> None:
    tokens = [("养老", "食堂"), ("养老", "社区"), ("道路", "交通"), ("道路",)]
    empty = Vocabulary(frozenset(), {}, 0)
    assert distinctive(tokens, [0, 1], top=1, vocabulary=empty)["keyword"].tolist() == ["养老"]
    generic = Vocabulary(frozenset(), {"养老": 80}, 100)
    assert distinctive(tokens, [0, 1], vocabulary=generic)["keyword"].tolist()[-1] == "养老"


def _top_twenty(doc) -> list[str]:
    return keywords_of(
        doc.items,
        doc.assignments,
        doc.items,
        set(doc.assignments["unit"]),
        doc.meta.get("place", ""),
        "tfidf",
        20,
    )["keyword"].tolist()


def _clean(words: list[str], doc) -> None:
    units = set(doc.assignments["unit"]) | {e.canonical for e in load_reference().units}
    assert len(words) == 20
    assert not [w for w in words if re.fullmatch(r"[\d.%]+", w)]
    assert not set(words) & units
    assert not set(words) & set(_data_lines("stopwords.txt"))
    assert not [w for w in words if word_tags().get(w) == "ns"]  # no place names
    assert not set(words) & {"企业", "人才", "创新", "产业", "投资", "最多", "进入", "一号", "三年"}


def test_bundled_top_keywords_are_policy_terms(bundled) -> None:
    words = _top_twenty(bundled)
    _clean(words, bundled)
    assert "诸暨" not in words
    # the kind of term a reader picks: programme names and policy terms, most of them quoted
    assert {"枫桥经验", "揭榜挂帅", "综合查一次", "千万工程", "无废城市"} <= set(words)


# Programme names of three corpus lists, picked by reading each list (names of schemes,
# campaigns and services the list launches or continues; slogans and targets left out)
PROGRAMMES = {
    "chengdu_2020_minshengshishi": {
        "天府市民云",
        "家门口的好学校",
        "文化四季风",
        "公益电影进影院",
        "规范化中医角",
        "乐动蓉城",
        "强校工程",
        "示范中医馆",
    },
    "xian_2025_weiminshishi": {
        "大思政课",
        "高效办成一件事",
        "优质服务基层行",
        "戏曲进校园",
        "戏曲进乡村",
        "就业援助月",
        "春风行动",
    },
    "kunming_2018_huiminshishi": {
        "最多跑一次",
        "动态归零督查制",
        "一网四中心",
        "“3550”改革",
        "双线十人制",
        "七改三清",
        "百企万岗",
    },
}


@pytest.mark.parametrize("name", sorted(PROGRAMMES))
def test_a_lists_programme_names_are_among_its_top_keywords(name: str) -> None:
    from lib.parse.pipeline import parse_path

    doc = parse_path(ROOT / "tests" / "corpus" / name / "source.txt")
    words = _top_twenty(doc)
    _clean(words, doc)
    assert PROGRAMMES[name] <= set(words), PROGRAMMES[name] - set(words)


def test_a_quoted_name_in_figures_keeps_the_word_after_it() -> None:
    stop = stop_words()
    assert task_parts("实施“229”计划和“8+4”政策", stop)[0] == ("“229”计划", "“8+4”政策")
    assert task_parts("完成“3550”", stop)[0] == ()  # figures alone name nothing
    assert task_parts("不动产登记“最多80天”", stop)[0] == ()  # a target, not a name
    assert task_parts("“上截、中疏、下泄”", stop)[0] == ()  # a slogan of three parts


def test_words_that_come_together_are_one_term() -> None:
    empty = Vocabulary(frozenset(), {}, 0)
    parts = [((), (("城市", "大脑"),)), ((), (("城市", "大脑", "建设"),)), ((), (("城市",),))]
    assert joined_terms(parts, empty) == [("城市大脑",), ("城市大脑", "建设"), ("城市",)]
    once = [((), (("城市", "大脑"),)), ((), (("城市",),))]
    assert joined_terms(once, empty) == [("城市", "大脑"), ("城市",)]  # met once here
    known = Vocabulary(frozenset(), {"城市": 900, "大脑": 40, "城市大脑": 30}, 1000)
    assert joined_terms(once, known) == [("城市大脑",), ("城市",)]  # a phrase elsewhere


def test_the_background_file_is_read_and_counted() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.documents > 1500
    assert vocabulary.generic("企业") and not vocabulary.generic("揭榜挂帅")
    assert vocabulary.idf("企业") < vocabulary.idf("揭榜挂帅") == vocabulary.idf("政企亲清会")


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
        generic = load_vocabulary().generic
        theirs = [
            (w, round(weight, 4)) for w, weight in ranked if is_keyword(w, extra) and not generic(w)
        ][:20]
        assert list(ours.itertuples(index=False, name=None)) == theirs
        assert len(theirs) >= 5


def test_a_units_keywords_are_its_own_programmes(bundled) -> None:
    """经信局's items (by reading the list): “小升规” with 市场监管局, “链主” alone, “揭榜挂帅”
    with 科技局 — programme names, before any word every government text uses."""
    from lib.analyse.keywords import unit_keywords

    words = unit_keywords(bundled.items, bundled.assignments, "经信局", "诸暨", top=10)[
        "keyword"
    ].tolist()
    assert {"小升规", "链主", "揭榜挂帅"} <= set(words)
    assert not set(words) & {"最多", "进入", "一号", "三年", "企业", "创新"}
