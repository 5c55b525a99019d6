"""Parse speed: the bundled list and a synthetic 10,000-item list built from its own items.

Prints items per second and the ratio of the full parse to merely decoding and
normalizing the same bytes, both measured in this run as the best CPU time (process_time)
of 7 cold runs (3 for the 50,000-item list): on a shared machine wall time also counts the
neighbours' work. Goal: 10,000 items in at most 0.35 s more than the 97-item list, and the
50,000-item list (a province's year of county lists) read in linear time.
Run: .venv/bin/python bench/bench_parse.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.parse.decode import decode_bytes
from lib.parse.normalize import normalize_text
from lib.parse.pipeline import parse_bytes

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "zhuji-2023-key-work-list.txt"
REPEATS = 7


def synthetic_list(size: int, seed: int = 2023, distinct_tasks: bool = False) -> bytes:
    """``size`` items: tasks of the bundled list shuffled, units recombined from its mentions.

    Units are joined by , or 、 and, one time in ten, by nothing (a missing separator);
    one unit in five gets a ▲. Header and notice are the bundled list's own. With
    ``distinct_tasks`` every task ends in its own words (第{seed}批第{n}项), so that no two
    lists share a task.
    """
    source = BUNDLED.read_bytes()
    doc = parse_bytes(source, BUNDLED.name)
    rng = random.Random(seed)
    tasks = doc.items["task"].tolist()
    mentions = doc.assignments["raw"].tolist()
    text = source.decode("utf-8")
    head = text[: text.index("责任单位") + len("责任单位")]
    lines = [head]
    for number in range(1, size + 1):
        units = ""
        for k in range(rng.randint(1, 6)):
            if k:
                units += rng.choices([",", "、", ""], weights=[6, 3, 1])[0]
            units += ("▲" if rng.random() < 0.2 else "") + rng.choice(mentions)
        task = rng.choice(tasks) + (f"(第{seed}批第{number}项)" if distinct_tasks else "")
        lines += [str(number), task, units]
    return "\n\n".join(lines).encode("utf-8")


def best_time(action, repeats: int = REPEATS) -> float:
    """Best CPU time of ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        # every run starts cold: splits and resolutions live in the parse's own lexicon
        start = time.process_time()  # CPU time: what the parse costs, not what the neighbours take
        action()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    cases = {
        "内置清单（97 条）": BUNDLED.read_bytes(),
        "合成清单（10,000 条）": synthetic_list(10_000),
        "合成清单（50,000 条）": synthetic_list(50_000),
    }
    print("| 清单 | 事项 | 仅解码+规范化 | 完整解析 | 事项/秒 | 完整解析 ÷ 解码规范化 |")
    print("|---|---:|---:|---:|---:|---:|")
    parse_times = {}
    for name, data in cases.items():
        repeats = 3 if len(data) > 4_000_000 else REPEATS
        baseline = best_time(lambda data=data: normalize_text(decode_bytes(data)[0]), repeats)
        parse = best_time(lambda data=data: parse_bytes(data, "list.txt"), repeats)
        items = len(parse_bytes(data, "list.txt").items)
        parse_times[name] = parse
        print(
            f"| {name} | {items:,} | {baseline * 1000:.1f} ms | {parse * 1000:.0f} ms | "
            f"{items / parse:,.0f} | {parse / baseline:.0f}× |"
        )
    small, large, largest = parse_times.values()
    print(f"\n10,000 条比 97 条多用 {large - small:.2f} 秒（目标：不超过 0.35 秒）。")
    print(f"50,000 条用时是 10,000 条的 {largest / large:.2f} 倍（线性为 5 倍）。")


if __name__ == "__main__":
    main()
