"""A person's corrections of the reading: each kind applied to a document, and the alias table
they make read back as the same corrections."""

from __future__ import annotations

import pytest

from lib.analyse.review import (
    Rule,
    apply_corrections,
    checked,
    rules_from_table,
    rules_table,
    split_runs,
)
from lib.parse.errors import ListError
from lib.parse.pipeline import parse_bytes
from lib.parse.schema import has_flag

LIST = (
    "序号\n主要工作\n责任单位\n"
    "1\n推进开发区建设\n开发委\n"
    "2\n建设公园\n财政局、开发委\n"
    "3\n招引项目\n各有关方面\n"
    "4\n发展数字经济\n发改局经信局\n"
    "5\n数字乡村建设\n农业农村局、发改局经信局\n"
)


@pytest.fixture(scope="module")
def doc():
    return parse_bytes(LIST.encode(), "清单.txt")


def rows(doc, item_no: int) -> list[tuple[str, str, bool]]:
    a = doc.assignments
    return [
        (unit, kind, sole)
        for unit, kind, sole in a.loc[a["item_no"] == item_no, ["unit", "kind", "sole"]].itertuples(
            index=False
        )
    ]


def test_the_list_reads_as_the_tests_expect(doc) -> None:
    assert set(doc.report.flagged["unit"]) == {"开发委", "各有关方面"}
    assert ("发改局经信局", "发改局 + 经信局") in split_runs(doc)


def test_a_name_accepted_as_a_collective_no_longer_makes_its_partner_share(doc) -> None:
    fixed = apply_corrections(doc, [Rule("accept", "开发委", "开发委", "collective")])
    assert rows(fixed, 2) == [("财政局", "department", True), ("开发委", "collective", False)]
    assert "开发委" not in set(fixed.report.flagged["unit"])
    assert has_flag(fixed.assignments["flags"], "mapped_by_user").sum() == 2


@pytest.mark.parametrize("kind", ["department", "enterprise", "town"])
def test_a_name_accepted_as_a_unit_takes_the_kind_chosen(doc, kind) -> None:
    fixed = apply_corrections(doc, [Rule("accept", "开发委", "开发委", kind)])
    assert {k for _, k, _ in rows(fixed, 1)} == {kind}
    assert rows(fixed, 2)[1][2] is False  # two named units share item 2


def test_a_mapping_takes_the_target_kind_and_a_rename_keeps_its_own(doc) -> None:
    mapped = apply_corrections(doc, [Rule("map", "开发委", "财政局")])
    assert rows(mapped, 2) == [("财政局", "department", True), ("财政局", "department", True)]
    renamed = apply_corrections(doc, [Rule("rename", "财政局", "市财政局")])
    assert rows(renamed, 2)[0][:2] == ("市财政局", "department")
    chained = apply_corrections(  # a renamed unit renamed again: the order they were made in
        doc, [Rule("rename", "财政局", "市财政局"), Rule("rename", "市财政局", "财政金融局")]
    )
    assert rows(chained, 2)[0][0] == "财政金融局"


def test_a_merge_joins_every_run_written_so_whatever_the_order_of_rules(doc) -> None:
    rules = [
        Rule("rename", "发改经信局", "经济发展局"),
        Rule("merge", "发改局经信局", "发改经信局"),
    ]
    fixed = apply_corrections(doc, rules)  # the merge is applied first, then the rename
    assert [u for u, _, _ in rows(fixed, 4)] == ["经济发展局"]
    assert [u for u, _, _ in rows(fixed, 5)] == ["农业农村局", "经济发展局"]
    assert rows(fixed, 4)[0][2] is True  # one unit alone now
    assert fixed.report.splits.empty and split_runs(fixed) == []
    assert len(fixed.assignments) == len(doc.assignments) - 2
    positions = fixed.assignments.groupby("item_no")["position"].apply(list)
    assert positions.loc[5] == [1, 2]  # numbered again in the item
    untouched = apply_corrections(doc, [Rule("merge", "经信局发改局", "x局")])  # not so written
    assert untouched.assignments.equals(doc.assignments)


def test_a_merged_run_keeps_its_lead() -> None:
    doc = parse_bytes(
        "序号\n主要工作\n牵头单位\n配合单位\n1\n发展数字经济\n发改局经信局\n财政局\n".encode()
    )
    fixed = apply_corrections(doc, [Rule("merge", "发改局经信局", "发改局经信局")])
    a = fixed.assignments
    assert a[["unit", "role"]].values.tolist() == [["发改局经信局", "lead"], ["财政局", "co"]]


def test_the_alias_table_reads_back_as_the_same_corrections(doc) -> None:
    rules = [
        Rule("map", "开发委", "发改局"),
        Rule("accept", "各有关方面", "各有关方面", "collective"),
        Rule("merge", "发改局经信局", "发改经信局", "department"),
    ]
    table = rules_table(rules, doc.assignments)
    assert table.values.tolist() == [
        ["发改局", "department", "开发委"],
        ["发改经信局", "department", "发改局经信局"],
        ["各有关方面", "collective", ""],
    ]
    again = rules_from_table(table)  # the merge comes back as an alias of 发改经信局, which
    # a list read with the table in data/units.csv reads as one name; the rest is the same
    assert [r for r in again if r.action != "merge"][:1] == [
        Rule("map", "开发委", "发改局", "department")
    ]
    for frame in (
        apply_corrections(doc, rules).assignments,
        apply_corrections(doc, again).assignments,
    ):
        assert "开发委" not in set(frame["unit"])
        assert frame.loc[frame["unit"] == "各有关方面", "kind"].tolist() == ["collective"]


@pytest.mark.parametrize(
    "rule",
    [
        Rule("map", "开发委", "开发委"),
        Rule("rename", "财政局", ""),
        Rule("accept", "开发委", "开发委", "county"),
        Rule("delete", "开发委", "开发委"),
        Rule("rename", "财政局", "财" * 61),
    ],
)
def test_a_correction_that_cannot_be_kept_is_refused_in_one_sentence(rule) -> None:
    with pytest.raises(ListError) as refused:
        checked(rule)
    assert refused.value.message.endswith("。")


@pytest.mark.parametrize(
    "csv",
    [
        "canonical,kind\n发改局,department\n",
        "canonical,kind,aliases\n,department,开发委\n",
        "canonical,kind,aliases\n发改局,县政府,开发委\n",
    ],
)
def test_a_bad_alias_table_names_what_is_wrong(csv) -> None:
    import io

    import pandas as pd

    with pytest.raises(ListError) as refused:
        rules_from_table(pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False))
    assert "别名表" in refused.value.message
