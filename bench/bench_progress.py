"""Progress reports of the corpus: the status read for each item against the status written by
reading the report (``tests/corpus/*/progress_gold.csv``), with the period found.

Prints one line per report and the accuracy over all items; the goal is 0.9 or more.
Run: .venv/bin/python bench/bench_progress.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.analyse.progress import latest_status, read_progress  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def score(folder: Path) -> tuple[int, int, str, list[str]]:
    """(items right, items, period, misses) of one report."""
    source = next(folder.glob("source.*"))
    _, rows = read_progress(source.read_bytes(), source.name)
    last = latest_status(rows)
    found = dict(zip(last["item_label"].astype(str), last["status"]))
    period = f"{last['period_start'].iloc[0]}–{last['period_end'].iloc[0]}" if len(last) else ""
    with open(folder / "progress_gold.csv", encoding="utf-8") as handle:
        gold = list(csv.DictReader(handle))
    misses = [
        f"{g['item_label']}: {g['status']} → {found.get(g['item_label'], '（未读出）')}"
        for g in gold
        if found.get(g["item_label"]) != g["status"]
    ]
    return len(gold) - len(misses), len(gold), period, misses


def main() -> None:
    right = total = 0
    for gold in sorted(CORPUS.glob("*/progress_gold.csv")):
        ok, n, period, misses = score(gold.parent)
        right, total = right + ok, total + n
        print(f"{gold.parent.name:40s} {ok:3d}/{n:3d}  {period}  {'; '.join(misses)}")
    print(
        f"\n{len(list(CORPUS.glob('*/progress_gold.csv')))} reports: status accuracy "
        f"{right}/{total} = {right / total:.3f}"
    )


if __name__ == "__main__":
    main()
