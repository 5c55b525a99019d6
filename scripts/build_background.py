"""Rebuild the keywords' background corpus, ``data/background_df.tsv.gz``: for each term, how
many government texts use it. A term is what ``lib.analyse.keywords`` reads from a task: a
quoted name, a keyword word, or two keyword words written next to each other (so that the
reader can tell a fixed phrase, 基础设施建设, from two words that met once).

The texts: the government work reports (政府工作报告) of the State Council, the provinces and
the cities from 2016 on in a mirror of https://github.com/lawtext/gov (a git directory or a
checked-out folder), and the source of every list of the project's corpus (``tests/corpus``).
Terms used by fewer than ``MIN_DF`` texts are left out (any term not in the file counts as used
by none).

Run: .venv/bin/python scripts/build_background.py /path/to/lawtext-gov [--since 2016]
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.analyse.keywords import BACKGROUND, MAX_PHRASE, stop_words, task_parts  # noqa: E402
from lib.parse.reference import DATA_DIR  # noqa: E402

MIN_DF = 3
REPORTS = re.compile(r"^政府工作报告-[^/]+/(?:[^/]+/)?(\d{4})[^/]*\.md$")


def reports(mirror: Path, since: int) -> list[tuple[str, str]]:
    """(name, text) of every work report from ``since`` on, from a git directory or a folder."""
    found: list[tuple[str, str]] = []
    if (mirror / "HEAD").exists() and not any(mirror.glob("政府工作报告-*")):
        names = subprocess.run(
            [
                "git",
                f"--git-dir={mirror}",
                "-c",
                "core.quotepath=off",
                "ls-tree",
                "-r",
                "--name-only",
                "HEAD",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        chosen = [n for n in names if (m := REPORTS.match(n)) and int(m.group(1)) >= since]
        for name in chosen:
            text = subprocess.run(
                ["git", f"--git-dir={mirror}", "show", f"HEAD:{name}"],
                capture_output=True,
                check=True,
            ).stdout.decode("utf-8", "replace")
            found.append((name, text))
        return found
    for path in sorted(mirror.rglob("*.md")):
        name = path.relative_to(mirror).as_posix()
        if (m := REPORTS.match(name)) and int(m.group(1)) >= since:
            found.append((name, path.read_text(encoding="utf-8", errors="replace")))
    return found


def corpus_lists() -> list[tuple[str, str]]:
    """(name, text) of the corpus lists kept as text."""
    return [
        (path.parent.name, path.read_text(encoding="utf-8", errors="replace"))
        for path in sorted((ROOT / "tests" / "corpus").glob("*/source.txt"))
    ]


def terms_of(text: str) -> set[str]:
    """Every term a text uses: quoted names, words, and pairs of words next to each other."""
    stop = stop_words()
    terms: set[str] = set()
    for line in text.splitlines():
        if not line.strip():
            continue
        quoted, runs = task_parts(line, stop)
        terms.update(quoted)
        for run in runs:
            terms.update(run)
            terms.update(a + b for a, b in zip(run, run[1:]) if len(a) + len(b) <= MAX_PHRASE)
    return terms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mirror", type=Path, help="lawtext/gov: a git directory or a folder")
    parser.add_argument("--since", type=int, default=2016)
    parser.add_argument("--out", type=Path, default=DATA_DIR / BACKGROUND)
    args = parser.parse_args()
    texts = reports(args.mirror, args.since)
    lists = corpus_lists()
    print(f"{len(texts)} reports since {args.since}, {len(lists)} corpus lists", file=sys.stderr)
    df: Counter[str] = Counter()
    with ProcessPoolExecutor() as pool:
        for done, terms in enumerate(
            pool.map(terms_of, [t for _, t in texts + lists], chunksize=8)
        ):
            df.update(terms)
            if done % 200 == 0:
                print(f"  {done} texts, {len(df)} terms", file=sys.stderr)
    documents = len(texts) + len(lists)
    kept = sorted((t, n) for t, n in df.items() if n >= MIN_DF and "\t" not in t)
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw:  # the same texts give the same bytes
        raw.write(
            "".join(
                [
                    f"# documents\t{documents}\n",
                    f"# reports\tgithub.com/lawtext/gov 政府工作报告 {args.since}–, {len(texts)} texts\n",
                    f"# lists\ttests/corpus, {len(lists)} texts\n",
                    f"# terms\tused by at least {MIN_DF} texts\n",
                    *(f"{t}\t{n}\n" for t, n in kept),
                ]
            ).encode("utf-8")
        )
    print(f"{len(kept)} terms → {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
