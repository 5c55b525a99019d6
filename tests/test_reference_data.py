"""Integrity of the reference tables in data/."""

import csv
from collections import Counter

import pytest

from lib.parse.reference import DATA_DIR, PLACE_SLOT, load_reference
from lib.parse.schema import FLAG_LABELS, FLAGS, KINDS
from lib.parse.units import document_lexicon

REFERENCE = load_reference()


def test_kinds_are_valid() -> None:
    assert {entry.kind for entry in REFERENCE.units} <= set(KINDS)
    assert {kind for _, kind in REFERENCE.suffixes} <= set(KINDS)
    assert {kind for _, kind in REFERENCE.prefixes} <= set(KINDS)


def test_canonical_names_are_unique() -> None:
    counts = Counter(entry.canonical for entry in REFERENCE.units)
    assert [name for name, n in counts.items() if n > 1] == []


def test_no_name_is_both_canonical_and_alias() -> None:
    canonical = {entry.canonical for entry in REFERENCE.units}
    aliases = [a for entry in REFERENCE.units for a in entry.aliases]
    assert sorted(set(aliases) & canonical) == []
    assert [a for a, n in Counter(aliases).items() if n > 1] == []


@pytest.mark.parametrize("place", ["", "诸暨"])
def test_every_alias_resolves_to_its_canonical_name(place: str) -> None:
    lexicon = document_lexicon(place)
    for entry in REFERENCE.units:
        for alias in (entry.canonical, *entry.aliases):
            if PLACE_SLOT in alias:
                if not place:
                    continue
                alias = alias.replace(PLACE_SLOT, place)
            assert lexicon.resolve(alias).unit == entry.canonical, alias
            assert lexicon.resolve(alias).kind == entry.kind, alias


def test_collectives_in_the_table_match_the_collective_pattern() -> None:
    for entry in REFERENCE.units:
        if entry.kind == "collective":
            assert entry.canonical.startswith(REFERENCE.collective_prefixes), entry.canonical
            assert REFERENCE.collective_pattern.fullmatch(entry.canonical), entry.canonical


@pytest.mark.parametrize(
    "name",
    [
        "units.csv",
        "unit_suffixes.csv",
        "unit_prefixes.csv",
        "collective_words.csv",
        "connectors.csv",
        "header_words.csv",
        "legends.csv",
        "page_furniture.csv",
        "duty_verbs.csv",
        "owner_prefixes.csv",
        "branch_suffixes.csv",
        "header_endings.csv",
        "task_verbs.csv",
        "column_kinds.csv",
        "progress_headers.csv",
        "header_parts.csv",
    ],
)
def test_data_files_are_clean_utf8_csv(name: str) -> None:
    raw = (DATA_DIR / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM in data files"
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    width = len(rows[0])
    assert all(len(row) == width for row in rows), "every row has every column"
    assert all(cell == cell.strip() for row in rows for cell in row), "no stray spaces"


def test_flag_codes_are_snake_case_and_explained() -> None:
    assert all(code.isidentifier() and code.islower() and text for code, text in FLAGS.items())
    assert set(FLAG_LABELS) == set(FLAGS)


@pytest.mark.parametrize(
    ("name", "column", "allowed"),
    [
        ("duty_verbs.csv", "role", {"lead", "co", "pending", "opener", "with", "note"}),
        ("header_endings.csv", "role", {"note", "task"}),
        ("column_kinds.csv", "kind", {"measure", "rate", "figure", "units", "group"}),
        (
            "progress_headers.csv",
            "role",
            {"progress", "status", "lag", "finished", "due", "remark", "rate", "plan"},
        ),
        (
            "header_words.csv",
            "role",
            {
                "section",
                "label",
                "task",
                "units",
                "lead",
                "lead_units",
                "co",
                "leader",
                "deadline",
                "note",
            },
        ),
        ("connectors.csv", "position", {"end", "mid", "before_collective"}),
        ("header_parts.csv", "kind", {"duty", "body"}),
        ("header_parts.csv", "role", {"units", "lead", "co", ""}),
        ("collective_words.csv", "part", {"prefix", "scope", "head", "generic", "members"}),
    ],
)
def test_vocabularies_use_known_roles_once(name: str, column: str, allowed: set[str]) -> None:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row[column] for row in rows} <= allowed
    keys = [tuple(row.values()) for row in rows]
    assert len(keys) == len(set(keys)), "no row twice"


def test_progress_phrases_use_known_places_and_statuses_once() -> None:
    """data/progress_phrases.csv (its # lines are comments): where each phrase counts, the
    status it says, no phrase twice in one place."""
    with open(DATA_DIR / "progress_phrases.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    assert {row["where"] for row in rows} <= {"cell", "text", "heading", "pending", "title"}
    statuses = {row["status"] for row in rows if row["where"] != "pending"}
    assert statuses <= {"done", "on_track", "behind", "not_started", "unknown"}
    keys = [(row["where"], row["words"]) for row in rows]
    assert len(keys) == len(set(keys)), "no phrase twice in one place"
    assert all(row["words"] == row["words"].strip() and row["words"] for row in rows)


def test_progress_stages_are_numbered_in_order_and_each_word_names_one() -> None:
    """data/progress_stages.csv (its # lines are comments): stages 1, 2, … in order, each
    with its words, no word twice."""
    with open(DATA_DIR / "progress_stages.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    stages = [int(row["stage"]) for row in rows]
    assert stages == sorted(stages) and sorted(set(stages)) == list(range(1, max(stages) + 1))
    words = [row["words"] for row in rows]
    assert len(words) == len(set(words)) and all(w and w == w.strip() for w in words)
