"""Keyword speed on the synthetic 10,000-item list (bench_parse builds it).

Reports the one-time tokenization of every task (goal ≤ 3 s) and the recomputation of the
top keywords after a filter change, from the document's terms made once (goal ≤ 100 ms; the
table as the page shows it, with the items each keyword comes from), by TF-IDF and by
TextRank; beside the parse of the same list in the same run. The list's tasks repeat the
bundled list's 97; a second list of 10,000 distinct tasks (each ending in its own words)
measures the first computation when nothing repeats.
Run: .venv/bin/python bench/bench_keywords.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_parse import synthetic_list

from lib.analyse.filters import Filters, apply_filters
from lib.analyse.keywords import keywords_of, load_vocabulary, tokenizer, with_sources
from lib.parse.pipeline import parse_bytes


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    data = synthetic_list(10_000)
    parse = timed(lambda: parse_bytes(data, "list.txt"))
    doc = parse_bytes(data, "list.txt")
    units = set(doc.assignments["unit"])
    load = timed(tokenizer)
    background = timed(load_vocabulary)
    raw = timed(lambda: [tokenizer().lcut(task) for task in doc.items["task"]])  # no cache at all
    first = timed(
        lambda: keywords_of(doc.items, doc.assignments, doc.items, units, "诸暨", "tfidf", 20)
    )

    def recount(method: str) -> float:
        """Median time of the top keywords after five unit filters."""
        times = []
        for unit in ["财政局", "发改局", "民政局", "公管办", "建设集团"]:
            items, rows = apply_filters(doc.items, doc.assignments, Filters(units=(unit,)))
            times.append(
                timed(
                    lambda items=items, rows=rows: with_sources(
                        keywords_of(items, rows, doc.items, units, "诸暨", method, 20), items
                    )
                )
            )
        return sorted(times)[len(times) // 2]

    tfidf_recount = recount("tfidf")
    first_textrank = timed(
        lambda: keywords_of(doc.items, doc.assignments, doc.items, units, "诸暨", "textrank", 20)
    )
    textrank_recount = recount("textrank")
    distinct = parse_bytes(synthetic_list(10_000, distinct_tasks=True), "distinct.txt")
    first_distinct = timed(
        lambda: keywords_of(
            distinct.items, distinct.assignments, distinct.items, units, "诸暨", "tfidf", 20
        )
    )
    print("| 步骤（合成清单 10,000 条） | 用时 | 与解析之比 |")
    print("|---|---:|---:|")
    print(f"| 解析 | {parse * 1000:.0f} ms | 1.00× |")
    print(f"| 载入 jieba 词典（每个进程一次） | {load * 1000:.0f} ms | {load / parse:.2f}× |")
    print(
        f"| 载入背景语料词频（每个进程一次） | {background * 1000:.0f} ms "
        f"| {background / parse:.2f}× |"
    )
    print(
        f"| 分词全部 10,000 条任务（不用缓存，目标 ≤ 3 s） | {raw * 1000:.0f} ms | {raw / parse:.2f}× |"
    )
    print(
        f"| 首次计算关键词（相同任务只分词一次） | {first * 1000:.0f} ms | {first / parse:.2f}× |"
    )
    print(
        f"| 首次计算关键词，10,000 条任务各不相同 | {first_distinct * 1000:.0f} ms "
        f"| {first_distinct / parse:.2f}× |"
    )
    print(
        f"| 筛选后重算关键词（TF-IDF，中位数，目标 ≤ 100 ms） | {tfidf_recount * 1000:.0f} ms "
        f"| {tfidf_recount / parse:.2f}× |"
    )
    print(
        f"| 首次 TextRank（标注词性一次） | {first_textrank * 1000:.0f} ms "
        f"| {first_textrank / parse:.2f}× |"
    )
    print(
        f"| 筛选后重算 TextRank（中位数） | {textrank_recount * 1000:.0f} ms "
        f"| {textrank_recount / parse:.2f}× |"
    )


if __name__ == "__main__":
    main()
