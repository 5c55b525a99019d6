"""The app's shared document: views computed once per (filters, arguments), bounded, and
tables presented once while they live."""

from __future__ import annotations

import gc

import pandas as pd

from lib.analyse.filters import Filters
from lib.app.state import Loaded


def _counting(calls: list[str]):
    def item_count(selection, label: str) -> int:
        calls.append(label)
        return len(selection.items)

    return item_count


def test_a_view_is_computed_once_per_filters_and_arguments(bundled) -> None:
    loaded, calls = Loaded(bundled, "key"), []
    count = _counting(calls)
    assert loaded.view(count, Filters(), ("a",)) == 97
    assert loaded.view(count, Filters(), ("a",)) == 97
    assert calls == ["a"]
    leads = Filters(role="lead")
    assert loaded.view(count, leads, ("a",)) < 97
    loaded.view(count, Filters(), ("b",))
    assert calls == ["a", "a", "b"]


def test_views_are_bounded(bundled, monkeypatch) -> None:
    monkeypatch.setattr(Loaded, "MAX_VIEWS", 3)
    loaded, calls = Loaded(bundled, "key"), []
    count = _counting(calls)
    for label in "abcd":
        loaded.view(count, Filters(), (label,))
    loaded.view(count, Filters(), ("a",))  # the oldest went: computed again
    assert calls == ["a", "b", "c", "d", "a"]


def test_a_derived_table_is_made_once_while_its_source_lives(bundled) -> None:
    loaded, made = Loaded(bundled, "key"), []
    table = pd.DataFrame({"a": [1]})
    for _ in range(2):
        loaded.derived(table, "shown", lambda: made.append(1) or len(made))
    assert made == [1]
    del table
    gc.collect()
    other = pd.DataFrame({"a": [2]})  # may reuse the old one's id: never its result
    assert loaded.derived(other, "shown", lambda: "new") == "new"


def test_sidebar_choices_come_with_the_document(bundled) -> None:
    choices = Loaded(bundled, "key").choices
    assert (
        list(choices.items_per_unit)[0]
        == bundled.assignments.groupby("unit")["item_no"].nunique().idxmax()
    )
    a = bundled.assignments
    assert choices.collectives == set(a.loc[a["kind"] == "collective", "unit"])
    assert choices.collectives
    assert choices.valid(Filters(units=("不在清单里的单位",))).units == ()
