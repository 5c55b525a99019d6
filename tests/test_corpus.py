"""The corpus of real lists (tests/corpus/): every list stays at or above its recorded score.

Scores are recorded with ``bench/bench_corpus.py --record`` after a change that raises them; a
change that lowers any list's F1 or role accuracy fails here.
"""

from __future__ import annotations

import csv
import re

import pytest

from bench.corpus import CORPUS, corpus_lists, read_gold, recorded_scores, score_list

LISTS = corpus_lists()
RECORDED = recorded_scores()


def test_the_corpus_holds_forty_real_lists_with_their_sources() -> None:
    assert len(LISTS) >= 40
    for folder in LISTS:
        assert {"source.txt", "SOURCE.md", "gold.csv", "NOTES.md"} <= {
            p.name for p in folder.iterdir()
        }, folder
        assert re.search(
            r"https?://|github|repo",
            (folder / "SOURCE.md").read_text(encoding="utf-8"),
            re.IGNORECASE,
        ), f"{folder.name}: SOURCE.md names no address"


@pytest.mark.parametrize("folder", LISTS, ids=[p.name for p in LISTS])
def test_gold_is_well_formed(folder) -> None:
    with open(folder / "gold.csv", encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["item_no", "item_label", "task_head", "unit", "role"]
        rows = list(reader)
    assert rows and {r["role"] for r in rows} <= {"lead", "co"}
    # an item a notice names by its number only (县民政局负责的第1件) has no task words
    assert all(r["unit"].strip() and (r["task_head"] or r["item_label"]).strip() for r in rows)
    numbers = [int(r["item_no"]) for r in rows]
    assert numbers == sorted(numbers) and numbers[0] == 1
    source = (folder / "source.txt").read_text(encoding="utf-8")
    compact = re.sub(r"\s+", "", source)
    for r in rows:  # gold is read from the document: each unit is written there
        assert re.sub(r"\s+", "", r["unit"]) in compact, (
            f"{folder.name}: {r['unit']} not in the source"
        )


def test_every_list_has_a_recorded_score() -> None:
    assert sorted(RECORDED) == sorted(p.name for p in LISTS)


@pytest.mark.parametrize("folder", LISTS, ids=[p.name for p in LISTS])
def test_each_list_keeps_its_score(folder) -> None:
    score = score_list(folder)
    f1, roles = RECORDED[folder.name]
    assert score.f1 >= f1 - 1e-4, f"{folder.name}: F1 {score.f1:.4f} fell below {f1:.4f}"
    assert score.role_accuracy >= roles - 1e-4, (
        f"{folder.name}: role accuracy {score.role_accuracy:.4f} fell below {roles:.4f}"
    )


def test_the_bundled_list_reads_exactly() -> None:
    score = score_list(CORPUS / "zhuji_2023_zhongdian")
    assert score.f1 >= 0.99 and score.role_accuracy == 1.0


def test_the_gold_reader_keeps_the_written_order() -> None:
    gold = read_gold(CORPUS / "zhuji_2023_zhongdian")
    assert gold["item_no"].astype(int).is_monotonic_increasing
