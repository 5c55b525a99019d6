"""Per-list mention F1 and role accuracy of the reader on the corpus of real lists.

Run: .venv/bin/python bench/bench_corpus.py [--markdown] [--record] [--formats] [NAME …]
``--markdown`` prints the table for the README; ``--record`` writes tests/corpus/scores.csv,
the floor that tests/test_corpus.py keeps every list at; ``--formats`` scores each list again
as GB18030 text, a web page, a Word file and a PDF of the same text. A last line scores the
progress reports among them alone (those with a ``progress_gold.csv``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import (
    CORPUS,
    FORMATS,
    TABLE_FORMATS,
    corpus_lists,
    has_pipe_table,
    score_corpus,
    score_list,
    write_scores,
)


def main() -> None:
    parser = argparse.ArgumentParser(description="Score the reader on tests/corpus/.")
    parser.add_argument("names", nargs="*", help="only these lists")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table for the README")
    parser.add_argument("--record", action="store_true", help="write tests/corpus/scores.csv")
    parser.add_argument(
        "--formats", action="store_true", help="also as GB18030, HTML, DOCX and PDF"
    )
    args = parser.parse_args()
    folders = [CORPUS / n for n in args.names] if args.names else corpus_lists()
    if args.formats:
        print_formats(folders)
        return
    scores = score_corpus(folders)
    if args.markdown:
        print("| list | items (gold / read) | mentions (gold) | precision | recall | F1 | roles |")
        print("|---|---|---|---|---|---|---|")
    for s in scores:
        note = f"  REFUSED: {s.refused}" if s.refused else ""
        if args.markdown:
            print(
                f"| {s.name} | {s.gold_items} / {s.parsed_items} | {s.gold_pairs} | {s.precision:.2f} "
                f"| {s.recall:.2f} | {s.f1:.2f} | {s.role_accuracy:.2f} |"
            )
        else:
            print(
                f"{s.name:40s} items {s.gold_items:4d}/{s.parsed_items:4d} matched {s.matched_items:4d}  "
                f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} roles {s.role_accuracy:.3f}{note}"
            )
    n = len(scores)
    mean_f1 = sum(s.f1 for s in scores) / n if n else 0.0
    mean_roles = sum(s.role_accuracy for s in scores) / n if n else 0.0
    refused = sum(1 for s in scores if s.refused)
    line = (
        f"{n} lists: mean F1 {mean_f1:.3f}, mean role accuracy {mean_roles:.3f}, refused {refused}"
    )
    print(f"\n**{line}**" if args.markdown else f"\n{line}")
    reports = [s for s in scores if (CORPUS / s.name / "progress_gold.csv").exists()]
    if reports:  # issue 21's goal: progress tables read at mention F1 0.90 or more
        line = progress_line(reports)
        print(f"**{line}**" if args.markdown else line)
    if args.record:
        write_scores(scores)


def progress_line(reports: list) -> str:
    """The mention F1 of the progress reports among the lists scored: their mean, and over
    all their mentions pooled (a report of many rows weighs as many)."""
    true = sum(s.true_pairs for s in reports)
    found = sum(s.parsed_pairs for s in reports)
    gold = sum(s.gold_pairs for s in reports)
    precision, recall = true / found if found else 0.0, true / gold if gold else 0.0
    pooled = 2 * precision * recall / (precision + recall) if true else 0.0
    mean = sum(s.f1 for s in reports) / len(reports)
    return (
        f"{len(reports)} progress reports: mean F1 {mean:.3f}; pooled P {precision:.3f} "
        f"R {recall:.3f} F1 {pooled:.3f}"
    )


def print_formats(folders: list[Path]) -> None:
    _format_table(folders, FORMATS)
    # the lists whose copy writes its table's rows with |: as the original's real tables
    print()
    _format_table([f for f in folders if has_pipe_table(f)], ("txt", *TABLE_FORMATS))


def _format_table(folders: list[Path], formats: tuple[str, ...]) -> None:
    scores: dict[str, list] = {fmt: [] for fmt in formats}
    print("| list | " + " | ".join(formats) + " |")
    print("|---|" + "---|" * len(formats))
    for folder in folders:
        row = {fmt: score_list(folder, fmt) for fmt in formats}
        for fmt in formats:
            scores[fmt].append(row[fmt])
        print(
            f"| {folder.name} | " + " | ".join(f"{row[f].f1:.2f}" for f in formats) + " |",
            flush=True,
        )
    means = {fmt: sum(s.f1 for s in scores[fmt]) / max(len(folders), 1) for fmt in formats}
    print(
        f"| **mean F1** ({len(folders)} lists) | "
        + " | ".join(f"**{means[f]:.3f}**" for f in formats)
        + " |"
    )
    reports = {
        fmt: [s for s in scores[fmt] if (CORPUS / s.name / "progress_gold.csv").exists()]
        for fmt in formats
    }
    if reports[formats[0]]:
        for fmt in formats:
            print(f"{fmt}: {progress_line(reports[fmt])}")


if __name__ == "__main__":
    main()
