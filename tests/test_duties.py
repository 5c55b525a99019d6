"""牵头 / 独立承担 / 配合 mean the same everywhere: the overview (one unit chosen), the leads
page's ranking, the explorer's download (read as an analyst reads it) and the unit sheets
count the same items per unit, on the bundled list and every shared sample."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from lib.analyse.filters import Filters, select
from lib.analyse.sheets import build_brief, sheet_book
from lib.analyse.tables import assignment_table, headline_facts, overview_kpis, unit_ranking
from lib.parse.pipeline import parse_path
from lib.write.export import to_csv_bytes
from lib.write.present import without_empty_columns
from tests.conftest import BUNDLED, FIXTURES

LISTS = [BUNDLED, *sorted((FIXTURES / "samples").glob("0*.txt"))]
DUTY_WORDS = {"lead": "牵头", "sole": "独立承担", "co": "配合"}


@pytest.fixture(scope="module", params=LISTS, ids=lambda path: path.stem)
def doc(request):
    return parse_path(request.param)


def _ranking(doc) -> pd.DataFrame:
    return unit_ranking(select(doc)).set_index("unit")[["lead", "sole", "co"]]


def _download(doc, filters: Filters | None = None) -> pd.DataFrame:
    """The explorer's 责任分工 download as an analyst opens it."""
    table = without_empty_columns(assignment_table(select(doc, filters)))
    return pd.read_csv(io.BytesIO(to_csv_bytes(table)), encoding="utf-8-sig", dtype=str)


def test_the_download_counts_what_the_ranking_counts(doc) -> None:
    ranking = _ranking(doc)
    rows = _download(doc).drop_duplicates(["序号", "责任单位"])  # a unit once per item
    counted = rows.groupby(["责任单位", "职责"]).size().unstack(fill_value=0)
    for duty, word in DUTY_WORDS.items():
        column = counted.get(word, pd.Series(dtype=int))
        got = column.reindex(ranking.index, fill_value=0).astype(int)
        assert got.tolist() == ranking[duty].tolist(), word


def test_the_duty_filter_picks_what_the_ranking_counts(doc) -> None:
    ranking = _ranking(doc)
    for duty, word in DUTY_WORDS.items():
        rows = _download(doc, Filters(role=duty))
        assert set(rows["职责"]) <= {word}
        per_unit = rows.groupby("责任单位")["序号"].nunique()
        expected = ranking.loc[ranking[duty] > 0, duty]
        assert per_unit.reindex(expected.index).tolist() == expected.tolist(), word


def test_one_unit_on_the_overview_and_its_sheet_count_as_the_ranking(doc) -> None:
    ranking = _ranking(doc)
    sheets = {sheet.unit: sheet.counts for sheet in sheet_book(select(doc)).sheets}
    units = ranking.index[:12].tolist() + ranking.index[-3:].tolist()
    for unit in dict.fromkeys(units):
        facts = headline_facts(select(doc, Filters(units=(unit,))))
        expected = ranking.loc[unit].tolist()
        assert [facts["unit_roles"][duty] for duty in DUTY_WORDS] == expected, unit
        assert [sheets[unit][word] for word in DUTY_WORDS.values()] == expected, unit


def test_the_leads_order_and_the_brief_use_the_same_counts(doc) -> None:
    by_items, by_leads = _ranking(doc), unit_ranking(select(doc), by="lead").set_index("unit")
    assert by_leads[["lead", "sole", "co"]].sort_index().equals(by_items.sort_index())
    brief = build_brief(doc)
    kpis = overview_kpis(select(doc))
    assert brief.kpis["sole_items"] == kpis["sole_items"]
    sole_items = _download(doc).query("职责 == '独立承担'")["序号"].nunique()
    assert kpis["sole_items"] == sole_items
