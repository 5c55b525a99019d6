"""Progress reports of the corpus: the status read for each item against the status written by
reading the report (``tests/corpus/*/progress_gold.csv``), with the period found; then, for
the reports whose base list is in the corpus too (``match_gold.csv``: each row's base item,
or none, written by reading both), the base item each row was matched to.

Prints one line per report and the accuracy over all items (goal 0.9 or more), then one line
per matched report and the rows matched right (goal: every one).
Run: .venv/bin/python bench/bench_progress.py [--record] [--markdown] [--formats]  (--record
writes tests/corpus/progress_scores.csv, which tests/test_progress.py keeps every report at or
above; --formats reads every report again as a web page, a Word file and a PDF of its text, and
the reports written as pipe tables as Word, Excel and PDF tables, and prints the statuses read
right in each)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import TABLE_FORMATS, has_pipe_table, source_as  # noqa: E402
from lib.analyse.progress import (  # noqa: E402
    PROGRESS_COLUMNS,
    latest_status,
    match_to_base,
    read_progress,
)
from lib.parse.errors import ListError  # noqa: E402
from lib.parse.pipeline import parse_bytes  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def score(folder: Path, fmt: str = "txt") -> tuple[int, int, str, list[str]]:
    """(items right, items, period, misses) of one report, read as the file kind ``fmt``."""
    name, data = source_as(folder, fmt)
    try:
        _, rows = read_progress(data, name)
    except ListError as error:  # refused: every status unread
        rows = pd.DataFrame(columns=list(PROGRESS_COLUMNS))
        if fmt == "txt":
            print(f"{folder.name}: {error.message}", file=sys.stderr)
    last = latest_status(rows)
    # a label written again (numbering restarting under each heading: 1, 2, then 1 …) pairs
    # with the gold's rows of that label in order; a gold row past the rows read of its label
    # is not read (never the last one's status again)
    found: dict[str, list[str]] = {}
    for label, status in zip(last["item_label"].astype(str), last["status"]):
        found.setdefault(label, []).append(status)
    period = f"{last['period_start'].iloc[0]}–{last['period_end'].iloc[0]}" if len(last) else ""
    with open(folder / "progress_gold.csv", encoding="utf-8") as handle:
        gold = list(csv.DictReader(handle))
    seen: dict[str, int] = {}
    misses = []
    for g in gold:
        label = g["item_label"]
        n = seen[label] = seen.get(label, -1) + 1
        read = found.get(label, [])
        got = read[n] if n < len(read) else "（未读出）"
        if got != g["status"]:
            misses.append(f"{label}: {g['status']} → {got}")
    return len(gold) - len(misses), len(gold), period, misses


def matching(folder: Path) -> tuple[int, int, str, list[str]]:
    """(rows matched right, rows, base folder, misses) of one report with a base list."""
    with open(folder / "match_gold.csv", encoding="utf-8") as handle:
        gold = list(csv.DictReader(handle))
    base_folder = CORPUS / gold[0]["base_folder"]
    source, base_source = next(folder.glob("source.*")), next(base_folder.glob("source.*"))
    report, rows = read_progress(source.read_bytes(), source.name)
    base = parse_bytes(base_source.read_bytes(), base_source.name)
    matched, _ = match_to_base(rows, report, base)
    matched = matched[matched["status_source"] != "parent"]  # a row's own item, not its parts
    found = {
        label: "" if pd.isna(no) else str(no)
        for label, no in zip(matched["report_label"].astype(str), matched["item_no"])
    }
    misses = [
        f"{g['item_label']}: {g['base_item_no'] or '无'} → {found.get(g['item_label'], '（未读出）') or '无'}"
        for g in gold
        if found.get(g["item_label"]) != g["base_item_no"]
    ]
    return len(gold) - len(misses), len(gold), base_folder.name, misses


SCORES = CORPUS / "progress_scores.csv"  # each report's statuses read right, kept by a test


FORMATS = ("txt", "html", "docx", "pdf")


def print_formats() -> None:
    """Statuses read right with the report passed on as another kind of file."""
    folders = [gold.parent for gold in sorted(CORPUS.glob("*/progress_gold.csv"))]
    tables = [folder for folder in folders if has_pipe_table(folder)]
    for kinds, chosen, what in (
        (FORMATS, folders, "reports"),
        (("txt", *TABLE_FORMATS), tables, "reports written as pipe tables"),
    ):
        totals = dict.fromkeys(kinds, 0)
        items = 0
        print("| report | " + " | ".join(kinds) + " |\n|---|" + "---:|" * len(kinds))
        for folder in chosen:
            row = {fmt: score(folder, fmt) for fmt in kinds}
            items += row["txt"][1]
            for fmt in kinds:
                totals[fmt] += row[fmt][0]
            cells = " | ".join(f"{row[fmt][0]}/{row[fmt][1]}" for fmt in kinds)
            print(f"| {folder.name} | {cells} |", flush=True)
        cells = " | ".join(f"**{totals[fmt]} ({totals[fmt] / items:.3f})**" for fmt in kinds)
        print(f"| **{len(chosen)} {what}** | {cells} |\n")


def main() -> None:
    if "--formats" in sys.argv[1:]:
        print_formats()
        return
    record = "--record" in sys.argv[1:]
    markdown = "--markdown" in sys.argv[1:]  # the README's table of reports
    right = total = 0
    recorded = []
    if markdown:
        print("| report | period read | statuses | read right |\n|---|---|---:|---:|")
    for gold in sorted(CORPUS.glob("*/progress_gold.csv")):
        ok, n, period, misses = score(gold.parent)
        right, total = right + ok, total + n
        recorded.append((gold.parent.name, ok, n))
        if markdown:
            print(f"| {gold.parent.name} | {period or '（未读出）'} | {n} | {ok} |")
        else:
            print(f"{gold.parent.name:40s} {ok:3d}/{n:3d}  {period}  {'; '.join(misses)}")
    if record:
        with open(SCORES, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([("report", "right", "items"), *recorded])
    if markdown:
        print(f"| **all** | | **{total}** | **{right} ({right / total:.3f})** |")
        return
    print(
        f"\n{len(list(CORPUS.glob('*/progress_gold.csv')))} reports: status accuracy "
        f"{right}/{total} = {right / total:.3f}"
    )
    print()
    right = total = 0
    for gold in sorted(CORPUS.glob("*/match_gold.csv")):
        ok, n, base, misses = matching(gold.parent)
        right, total = right + ok, total + n
        print(f"{gold.parent.name:40s} → {base:32s} {ok:3d}/{n:3d}  {'; '.join(misses)}")
    print(
        f"\n{len(list(CORPUS.glob('*/match_gold.csv')))} reports on a base list: rows matched to the right base item (or to none) {right}/{total}"
    )


if __name__ == "__main__":
    main()
