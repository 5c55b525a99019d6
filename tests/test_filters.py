"""Filters: URL round trip, and what they select, as pure functions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.analyse.filters import Filters, apply_filters, select
from lib.analyse.roles import item_roles
from lib.analyse.tables import item_table, overview_kpis, unit_ranking
from lib.write.present import present
from tests.builders import selection_of

WORDS = (
    st.text(alphabet="发改局财政各部门养老 ", min_size=1, max_size=6).map(str.strip).filter(bool)
)
FILTERS = st.builds(
    Filters,
    units=st.lists(WORDS, max_size=3, unique=True).map(tuple),
    kinds=st.lists(
        st.sampled_from(["department", "town", "collective", "party"]), max_size=2, unique=True
    ).map(tuple),
    role=st.sampled_from(["all", "lead", "co"]),
    sections=st.lists(WORDS, max_size=2, unique=True).map(tuple),
    leaders=st.lists(WORDS, max_size=2, unique=True).map(tuple),
    include_collectives=st.booleans(),
    text=st.text(alphabet="养老服务", max_size=4).map(str.strip),
    keyword=st.text(alphabet="营商环境", max_size=4).map(str.strip),
)


@given(FILTERS)
def test_filters_round_trip_through_the_url(filters: Filters) -> None:
    assert Filters.from_query(filters.to_query()) == filters


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, Filters()),
        (
            {"unit": ["发改局", "发改局", ""], "role": "lead"},
            Filters(units=("发改局",), role="lead"),
        ),
        ({"role": "boss", "kind": ["department", "alien"]}, Filters(kinds=("department",))),
        (
            {"coll": "1", "q": " 养老 ", "kw": "营商环境"},
            Filters(include_collectives=True, text="养老", keyword="营商环境"),
        ),
        ({"unknown": "x", "doc": "abc"}, Filters()),
    ],
)
def test_from_query_ignores_what_it_does_not_know(query, expected: Filters) -> None:
    assert Filters.from_query(query) == expected


def test_no_filter_selects_everything(bundled) -> None:
    items, rows = apply_filters(bundled.items, bundled.assignments, Filters())
    assert len(items) == 97 and len(rows) == len(bundled.assignments)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(units=("财政局",)),
        Filters(role="lead"),
        Filters(kinds=("town",)),
        Filters(text="养老"),
        Filters(units=("民政局",), role="co"),
        Filters(keyword="工程"),
    ],
)
def test_filtered_rows_and_items_agree(bundled, filters: Filters) -> None:
    items, rows = apply_filters(bundled.items, bundled.assignments, filters)
    assert set(rows["item_no"]) <= set(items["item_no"])
    if filters.units or filters.kinds or filters.role != "all":
        assert set(items["item_no"]) == set(rows["item_no"])
    if filters.units:
        assert set(rows["unit"]) <= set(filters.units)
    if filters.text:
        assert items["task"].str.contains(filters.text).all()


def test_counting_a_unit_twice_in_one_item_counts_once_as_lead() -> None:
    import pandas as pd

    a = pd.DataFrame(
        {
            "item_no": [1, 1, 1, 2],
            "unit": ["红十字会", "教育厅", "红十字会", "红十字会"],
            "role": ["co", "lead", "lead", "co"],
            "kind": ["other", "department", "other", "other"],
            "sole": [False, False, False, True],
        }
    )
    roles = item_roles(a)
    assert roles[roles["unit"] == "红十字会"]["role"].tolist() == ["lead", "co"]
    ranking = unit_ranking(selection_of(a)).set_index("unit")
    assert ranking.loc["红十字会", ["items", "lead", "sole", "co", "mentions"]].tolist() == [
        2,
        1,
        1,
        0,
        3,
    ]


def test_kpis_are_counts_over_the_tables(bundled) -> None:
    k = overview_kpis(select(bundled))
    a = bundled.assignments
    assert k["items"] == 97 and k["mentions"] == len(a)
    assert k["led_items"] + k["unmarked_items"] == 97
    assert k["led_items"] == a.loc[a["role"] == "lead", "item_no"].nunique()
    # 独立承担: the only named unit and no lead marked (45 items name one unit, 12 mark it lead)
    led = set(a.loc[a["role"] == "lead", "item_no"])
    assert k["sole_items"] == a.loc[a["sole"] & ~a["item_no"].isin(led), "item_no"].nunique() == 33
    assert k["max_units"] == a.groupby("item_no")["unit"].nunique().max()


def test_totals_are_conserved_through_a_unit_filter(bundled) -> None:
    ranking = unit_ranking(select(bundled), include_collectives=True)
    for unit in ["财政局", "发改局", "各镇乡(街道)"]:
        _, rows = apply_filters(bundled.items, bundled.assignments, Filters(units=(unit,)))
        assert ranking.set_index("unit").loc[unit, "items"] == rows["item_no"].nunique()


def test_item_table_joins_leads_and_co_units(bundled) -> None:
    table = item_table(select(bundled)).set_index("item_no")
    assert table.loc[96, "lead_units"] == ("发改局", "建设集团")
    assert table.loc[96, "co_units"] == ("交通运输局",)
    shown = present(table.reset_index()).set_index("序号")
    assert shown.loc[96, "牵头单位"] == "发改局、建设集团"
