"""Themes, heatmap cells, lead concentration, chart selections and the review's mappings."""

from __future__ import annotations

import pytest

from lib.analyse.filters import Filters, apply_filters, select
from lib.analyse.review import alias_table, apply_aliases
from lib.analyse.roles import item_roles
from lib.analyse.tables import cell_items, lead_concentration, lead_exceptions, workload_cells
from lib.parse.themes import UNCLASSIFIED, assign_themes, theme_of
from lib.write.charts import cell_from_selection, units_from_selection, workload_figure
from tests.builders import selection_of

# items of the bundled list whose theme a reader can check at a glance
PINNED = {
    1: "经济发展",
    2: "经济发展",
    10: "产业与招商",
    20: "产业与招商",
    26: "改革与营商环境",
    36: "科技与人才",
    40: "科技与人才",
    47: "城乡建设与交通",
    50: "生态环境",
    57: "乡村振兴",
    59: "乡村振兴",
    52: "开放与消费",
    69: "安全与治理",
    70: "安全与治理",
    84: "民生事业",
    86: "民生事业",
}


def test_few_bundled_items_are_unclassified(bundled) -> None:
    assert (bundled.items["theme"] == UNCLASSIFIED).mean() <= 0.10


@pytest.mark.parametrize(("item_no", "theme"), PINNED.items())
def test_themes_of_hand_checked_items(bundled, item_no: int, theme: str) -> None:
    assert bundled.items.set_index("item_no").loc[item_no, "theme"] == theme


def test_sections_are_the_themes_when_the_list_has_them() -> None:
    import pandas as pd

    items = pd.DataFrame({"section": ["交通出行", "", "交通出行"], "task": ["a", "养老", "b"]})
    assert assign_themes(items).tolist() == ["交通出行", UNCLASSIFIED, "交通出行"]
    assert theme_of("没有任何关键词") == UNCLASSIFIED


@pytest.mark.parametrize("mode", ["all", "lead", "weighted"])
def test_heatmap_cells_equal_distinct_item_counts(bundled, mode: str) -> None:
    cells = workload_cells(select(bundled), mode).set_index(["unit", "theme"])
    roles = item_roles(bundled.assignments).merge(bundled.items[["item_no", "theme"]], on="item_no")
    for (unit, theme), cell in cells.iterrows():
        mine = roles[(roles["unit"] == unit) & (roles["theme"] == theme)]
        assert cell["items"] == mine["item_no"].nunique()
        assert cell["lead"] == (mine["role"] == "lead").sum()
        sole = (mine["role"] != "lead") & mine["sole"]
        assert cell["sole"] == sole.sum() and cell["co"] == len(mine) - cell["lead"] - sole.sum()
        expected = {
            "all": cell["items"],
            "lead": cell["lead"],
            "weighted": cell["lead"] + cell["sole"] + 0.5 * cell["co"],  # a sole owner carries it
        }[mode]
        assert cell["value"] == expected
    assert (
        not cells.index.get_level_values("unit")
        .isin(bundled.assignments.loc[bundled.assignments["kind"] == "collective", "unit"])
        .any()
    )


def test_a_heatmap_cell_lists_the_items_behind_it(bundled) -> None:
    cells = workload_cells(select(bundled)).set_index(["unit", "theme"])
    behind = cell_items(select(bundled), "财政局", "民生事业")
    assert len(behind) == cells.loc[("财政局", "民生事业"), "items"]
    row_total = cell_items(select(bundled), "财政局", None)
    assert (
        len(row_total)
        == item_roles(bundled.assignments).query("unit == '财政局'")["item_no"].nunique()
    )


def test_heatmap_figure_has_a_cell_per_value_and_totals(bundled) -> None:
    cells = workload_cells(select(bundled))
    figure = workload_figure(cells, top=10)
    units = (
        cells.groupby("unit")["value"].sum().sort_values(ascending=False, kind="stable").head(10)
    )
    assert set(figure.data[0].y) == set(units.index)
    totals = dict(zip(figure.data[1].y, figure.data[1].text))
    assert totals[units.index[0]] == f"{units.iloc[0]:g}"


@pytest.mark.parametrize("mode", ["all", "lead", "weighted"])
@pytest.mark.parametrize("top", [5, 25])
def test_a_themes_total_is_its_items_as_its_click_lists_them(bundled, mode: str, top: int) -> None:
    """The 合计 under a theme is the theme's items (an item of several units once), whatever
    the number of units shown: what a click on it lists, and together every item once."""
    selection = select(bundled)
    figure = workload_figure(workload_cells(selection, mode), top=top)
    totals = figure.data[1]
    under = {x: int(text) for x, y, text in zip(totals.x, totals.y, totals.text) if y == "合计"}
    for theme, count in under.items():
        assert count == len(cell_items(selection, None, theme, mode)), theme
    if mode == "all":
        assert sum(under.values()) == len(bundled.items)  # 97: each item under one theme
    assert list(under.values()) == sorted(under.values(), reverse=True)  # most first


@pytest.mark.parametrize(
    ("event", "units"),
    [
        ({"selection": {"points": [{"customdata": "发改局"}]}}, ["发改局"]),
        (
            {
                "selection": {
                    "points": [
                        {"customdata": "发改局"},
                        {"customdata": "发改局"},
                        {"customdata": "&lt;b&gt;局"},
                    ]
                }
            },
            ["发改局", "<b>局"],
        ),
        ({"selection": {"points": []}}, []),
        (None, []),
        ({}, []),
    ],
)
def test_units_from_a_bar_click(event, units: list[str]) -> None:
    assert units_from_selection(event) == units


@pytest.mark.parametrize(
    ("event", "cell"),
    [
        (
            {"selection": {"points": [{"customdata": ["财政局", "民生事业", 3, 0, 3]}]}},
            ("财政局", "民生事业"),
        ),
        ({"selection": {"points": [{"customdata": ["合计", "民生事业"]}]}}, (None, "民生事业")),
        ({"selection": {"points": [{"customdata": ["财政局", "合计"]}]}}, ("财政局", None)),
        ({"selection": {"points": []}}, None),
    ],
)
def test_cell_from_a_heatmap_click(event, cell) -> None:
    assert cell_from_selection(event) == cell


def test_lead_concentration_and_exceptions(bundled) -> None:
    c = lead_concentration(select(bundled))
    assert c["marked"] == 41
    assert 0 < c["hhi"] < 1 and 0 < c["top_share"] <= 1
    exceptions = lead_exceptions(select(bundled))
    assert len(exceptions["unmarked"]) == 58
    assert set(exceptions["several"]["item_no"]) == {96, 97}
    _, rows = apply_filters(bundled.items, bundled.assignments, Filters(role="co"))
    assert lead_concentration(selection_of(rows))["marked"] == 0


def test_mapping_an_unknown_name_updates_the_tables(bundled) -> None:
    mapped = apply_aliases(bundled, {"开发委": "发改局"})
    a = mapped.assignments
    assert "开发委" not in set(a["unit"])
    rows = a[a["raw"] == "开发委"]
    assert set(rows["unit"]) == {"发改局"} and rows["flags"].str.contains("mapped_by_user").all()
    assert len(mapped.report.flagged) == len(bundled.report.flagged) - 2
    assert bundled.assignments["unit"].eq("开发委").sum() == 2  # the original is untouched
    table = alias_table({"开发委": "发改局", "发改(校地合作办)": "发改局"}, a)
    assert table.to_dict("records") == [
        {"canonical": "发改局", "kind": "department", "aliases": "发改(校地合作办)|开发委"}
    ]


def test_a_missing_number_shows_empty_on_screen_not_none() -> None:
    """下限 and 基数 of most targets are missing: the grid would write None; the screen's table
    shows them empty, numbers as written (2.0 → 2), one type per column."""
    import pandas as pd

    from lib.write.present import for_screen

    table = pd.DataFrame({"value": [7.5, 2.0], "value_min": [None, 3.0], "score": [None, None]})
    shown = for_screen(table)
    assert shown["value"].tolist() == [7.5, 2.0]  # nothing missing: numbers as they are
    assert shown["value_min"].tolist() == ["", "3"]
    assert "score" not in shown  # nothing in it at all
