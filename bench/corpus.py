"""Score the reader on the corpus of real lists in ``tests/corpus/``.

Each list folder holds ``source.txt`` (as found), ``gold.csv`` (``item_no, item_label,
task_head, unit, role``, written by reading the document) and notes. Gold items are matched
to the parsed items by the start of their task text, in order (numbering conventions differ,
so item numbers alone would not line up); within a matched item, a gold unit matches a
mention written the same way (``raw``, or the canonical ``unit``, brackets and blanks aside).

Scores per list: mention precision, recall and F1 over distinct (item, unit) pairs, and role
accuracy over the matched pairs (a unit that leads anywhere in an item leads it).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import zhconv

from lib.parse.errors import ListError
from lib.parse.normalize import normalize_line
from lib.parse.pipeline import parse_bytes, parse_path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
SCORES = CORPUS / "scores.csv"
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True)
class Score:
    name: str
    gold_items: int
    parsed_items: int
    matched_items: int
    gold_pairs: int
    parsed_pairs: int
    true_pairs: int
    roles_right: int
    refused: str = ""

    @property
    def precision(self) -> float:
        return self.true_pairs / self.parsed_pairs if self.parsed_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def role_accuracy(self) -> float:
        return self.roles_right / self.true_pairs if self.true_pairs else 0.0


def corpus_lists() -> list[Path]:
    return sorted(
        p for p in CORPUS.iterdir() if (p / "gold.csv").exists() and (p / "source.txt").exists()
    )


def plain(text: str) -> str:
    """Compare as a reader would: full-width forms folded (〈〉 as () too, as the reader's
    normalization does), simplified characters, no blanks, ▲★ or middle dots."""
    text = zhconv.convert(unicodedata.normalize("NFKC", normalize_line(str(text))), "zh-cn")
    text = _CUT_PINYIN.sub("", text)  # a task's first ten characters cut inside 產(chǎn)
    # and no middle dots (黄金湾·智谷), which a PDF set in a font without them loses
    return re.sub(r"[▲★·•・]", "", _BLANKS.sub("", text))


# the start of a mirror's pinyin, cut off at the end of a gold task head: 地區(qū)生產(c
_CUT_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*$")


def _unit_key(text: str) -> str:
    return plain(text).strip("、,;。")


def read_gold(folder: Path) -> pd.DataFrame:
    with open(folder / "gold.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return pd.DataFrame(
        rows, columns=["item_no", "item_label", "task_head", "unit", "role"]
    ).fillna("")


def _align(gold_heads: list[str], tasks: list[str]) -> dict[int, int]:
    """Gold item index → parsed item index, matching task starts in order."""
    keys = [plain(t) for t in tasks]
    out: dict[int, int] = {}
    start = 0
    for g, head in enumerate(gold_heads):
        head = plain(head)[:8]
        if not head:
            continue
        found = next((i for i in range(start, len(keys)) if keys[i].startswith(head)), None)
        if found is None:
            found = next((i for i in range(start, len(keys)) if head in keys[i]), None)
        if found is None:  # a label cut out of the task (棚户区改造,牵头部门:…): a shorter start
            short = head[:5]
            found = next((i for i in range(start, len(keys)) if keys[i].startswith(short)), None)
        if found is None:  # out of order: anywhere
            found = next(
                (i for i in range(len(keys)) if head in keys[i] and i not in out.values()), None
            )
        if found is not None:
            out[g] = found
            start = found + 1
    return out


FORMATS = ("txt", "gb18030", "html", "docx", "pdf")
# a copy whose tables are written ``a | b | c |``, as the original's real tables
TABLE_FORMATS = ("table docx", "table xlsx", "table pdf")


def has_pipe_table(folder: Path) -> bool:
    """Does the copy write at least three table rows as ``a | b | c |``?"""
    text = (folder / "source.txt").read_text(encoding="utf-8")
    return sum(1 for line in text.split("\n") if re.search(r" \| .* \| ", line)) >= 3


def source_as(folder: Path, fmt: str) -> tuple[str, bytes]:
    """The list's text as another kind of file, as offices pass it on: the same text in
    GB18030, a web page of paragraphs, a Word file of paragraphs, a PDF of running text."""
    from tests import builders  # test builders (reportlab for the PDF) are dev dependencies

    text = (folder / "source.txt").read_text(encoding="utf-8")
    if fmt in ("html", "docx", "pdf"):  # what a page shows of a Markdown copy: no ** or #
        text = re.sub(r"\*\*|^#{1,6} ", "", text, flags=re.MULTILINE)
    lines = [line for line in text.split("\n") if line.strip()]
    if fmt == "txt":
        return "source.txt", text.encode("utf-8")
    if fmt == "gb18030":
        return "source.txt", text.encode("gb18030", errors="replace")
    built = {  # format → (file name, how it is made: of the lines or of the whole text)
        "html": ("source.html", lambda: builders.html_lines(lines)),
        "docx": ("source.docx", lambda: builders.docx_lines(lines)),
        "pdf": ("source.pdf", lambda: builders.text_pdf(text)),
        "table docx": ("source.docx", lambda: builders.pipe_table_docx(text)),
        "table xlsx": ("source.xlsx", lambda: builders.pipe_table_xlsx(text)),
        "table pdf": ("source.pdf", lambda: builders.pipe_table_pdf(text)),
    }
    if fmt not in built:
        raise ValueError(fmt)
    name, make = built[fmt]
    return name, make()


def score_list(folder: Path, fmt: str = "txt") -> Score:
    gold = read_gold(folder)
    gold_items = gold.drop_duplicates("item_no")
    gold_pairs = {(row.item_no, _unit_key(row.unit)): row.role for row in gold.itertuples()}
    try:
        doc = (
            parse_path(folder / "source.txt")
            if fmt == "txt"
            else parse_bytes(*reversed(source_as(folder, fmt)))
        )
    except ListError as error:
        return Score(folder.name, len(gold_items), 0, 0, len(gold_pairs), 0, 0, 0, str(error))
    items = doc.items
    alignment = _align(gold_items["task_head"].tolist(), items["task"].tolist())
    # items a notice names by number only (县民政局负责的第1件): no task words, their label
    labels = [plain(str(label)) for label in items["item_label"]]
    for g, (head, label) in enumerate(zip(gold_items["task_head"], gold_items["item_label"])):
        if not plain(head) and plain(label) in labels:
            found = labels.index(plain(label))
            if found not in alignment.values():
                alignment[g] = found
    parsed_to_gold = {
        items["item_no"].iloc[p]: gold_items["item_no"].iloc[g] for g, p in alignment.items()
    }
    parsed: dict[tuple[object, str], tuple[str, set[str]]] = {}
    for row in doc.assignments.itertuples():
        gold_no = parsed_to_gold.get(row.item_no, f"parsed:{row.item_no}")
        keys = {
            _unit_key(row.raw),
            _unit_key(row.unit),
            _unit_key(re.sub(r"\([^()]*\)$", "", row.raw)),
        }
        key = (gold_no, _unit_key(row.raw))
        role, known = parsed.get(key, ("co", set()))
        parsed[key] = ("lead" if row.role == "lead" or role == "lead" else "co", known | keys)
    true = right = 0
    used: set[tuple[object, str]] = set()
    for (item_no, unit), role in gold_pairs.items():
        match = next(
            (
                k
                for k, (_, keys) in parsed.items()
                if k[0] == item_no and k not in used and unit in keys
            ),
            None,
        )
        if match is None:
            continue
        used.add(match)
        true += 1
        right += parsed[match][0] == role
    return Score(
        folder.name,
        len(gold_items),
        len(items),
        len(alignment),
        len(gold_pairs),
        len(parsed),
        true,
        right,
    )


def score_corpus(folders: list[Path] | None = None) -> list[Score]:
    return [score_list(folder) for folder in (folders or corpus_lists())]


def recorded_scores() -> dict[str, tuple[float, float]]:
    """The scores each list has reached (``tests/corpus/scores.csv``): name → (F1, roles)."""
    if not SCORES.exists():
        return {}
    with open(SCORES, encoding="utf-8", newline="") as handle:
        return {
            row["list"]: (float(row["f1"]), float(row["roles"])) for row in csv.DictReader(handle)
        }


def write_scores(scores: list[Score]) -> None:
    with open(SCORES, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["list", "f1", "roles"])
        for s in scores:
            writer.writerow([s.name, f"{s.f1:.4f}", f"{s.role_accuracy:.4f}"])
