"""Comparing two lists of one place (昆明 惠民实事 2020 and 2021, from the corpus): the per-unit
changes agree with a hand count from the corpus's gold tables (written by reading the two
documents), items are matched by their task text, and the command line writes it all."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from lib.analyse.compare import item_matches, theme_changes, unit_changes
from lib.cli import main
from lib.parse.pipeline import parse_path
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
A, B = (CORPUS / f"kunming_{year}_huiminshishi" for year in (2020, 2021))


def _hand_count(folder, unit: str) -> tuple[int, int]:
    """Items and leads of ``unit`` in a corpus gold table (one row per item × unit)."""
    gold = pd.read_csv(folder / "gold.csv")
    mine = gold[gold["unit"] == unit]
    return mine["item_no"].nunique(), mine.loc[mine["role"] == "lead", "item_no"].nunique()


def test_unit_changes_agree_with_a_hand_count_for_three_units() -> None:
    changes = unit_changes(parse_path(A / "source.txt"), parse_path(B / "source.txt"))
    table = changes.set_index("unit")
    for unit in ("市人力资源社会保障局", "市民政局", "市医保局"):
        (items_a, lead_a), (items_b, lead_b) = _hand_count(A, unit), _hand_count(B, unit)
        row = table.loc[unit]
        assert (row["items_a"], row["items_b"], row["items_change"]) == (
            items_a,
            items_b,
            items_b - items_a,
        ), unit
        assert (row["lead_a"], row["lead_b"], row["lead_change"]) == (
            lead_a,
            lead_b,
            lead_b - lead_a,
        ), unit
    assert not table.index.str.startswith("各").any()  # collectives are not units to compare


def test_items_are_matched_by_their_task_text_one_to_one() -> None:
    a, b = parse_path(A / "source.txt"), parse_path(B / "source.txt")
    matches = item_matches(a, b)
    continued = matches[matches["change"] == "延续"]
    # read in the two documents: 促进城乡就业 (二 → 2) and the parking spaces (八 → 9) go on
    assert continued[["item_label_a", "item_label_b"]].values.tolist() == [["二", "2"], ["八", "9"]]
    assert (matches["change"] == "新增").sum() == len(b.items) - 2
    assert (matches["change"] == "不再列出").sum() == len(a.items) - 2
    same = item_matches(a, a)
    assert (same["change"] == "延续").all() and (same["score"] == 100).all()
    themes = theme_changes(a, b)
    assert themes["items_a"].sum() == len(a.items) and themes["items_b"].sum() == len(b.items)


def test_the_command_line_prints_and_writes_the_comparison(tmp_path, capsys) -> None:
    assert main(["compare", str(A / "source.txt"), str(B / "source.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("单位\t事项（甲）\t事项（乙）")
    assert any(line.startswith("市人力资源社会保障局\t1\t3\t2\t") for line in lines)
    out = tmp_path / "对比.xlsx"
    assert main(["compare", str(A / "source.txt"), str(B / "source.txt"), "-o", str(out)]) == 0
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["单位变化", "事项对应", "主题变化", "筛选条件"]
    assert [c.value for c in book["事项对应"][1]][:3] == ["变化", "甲清单编号", "甲清单事项"]


def test_a_pair_of_two_places_or_years_reversed_is_questioned() -> None:
    """对比 says what to check: two places (同名单位 are not one body), 甲 newer than 乙, a
    place or year not read; nothing for one place's two years in order."""
    import datetime

    from lib.app.shelf import pair_doubt
    from lib.store.library import Entry

    def entry(place: str, year: str) -> Entry:
        when = datetime.datetime(2024, 1, 1)
        return Entry("x", "清单", "x.txt", "清单", place, year, 10, 5, when, "1")

    assert pair_doubt(entry("嘉兴", "2022"), entry("嘉兴", "2023")) == ""
    assert "清单甲是嘉兴的，清单乙是六安的" in pair_doubt(
        entry("嘉兴", "2023"), entry("六安", "2021")
    )
    assert "清单甲（2023年）比清单乙（2022年）新" in pair_doubt(
        entry("嘉兴", "2023"), entry("嘉兴", "2022")
    )
    assert "未能从清单乙中读出地区和年份" in pair_doubt(entry("嘉兴", "2022"), entry("", ""))
