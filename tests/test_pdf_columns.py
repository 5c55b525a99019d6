"""A PDF page set in two columns is read left column first, then the right one; a list laid
out as a table without rules (task | units) is not mistaken for two columns."""

from __future__ import annotations

import pytest

from lib.parse.pipeline import parse_bytes
from tests import builders

LEFT = [
    ("1", "生产总值增长7.5%左右", "▲发改局,各部门"),
    ("2", "一般公共预算收入增长7.5%", "▲税务局,财政局"),
    ("3", "研发投入强度2.85%以上", "▲科技局"),
    ("4", "固定资产投资增长10%以上", "▲发改局"),
]
RIGHT = [
    ("5", "新增报会上市企业1家", "▲金融办,经信局"),
    ("6", "深化国有企业改革", "▲财政局"),
    ("7", "新增品字标企业6家", "市场监管局"),
]


def lines(items) -> list[str]:
    return [text for number, task, units in items for text in (f"{number}.{task}", units)]


def test_a_page_in_two_columns_is_read_left_then_right() -> None:
    data = builders.columns_pdf("2023年重点工作责任清单", [lines(LEFT), lines(RIGHT)])
    doc = parse_bytes(data, "list.pdf")
    expected = LEFT + RIGHT
    assert doc.items["item_label"].tolist() == [n for n, _, _ in expected]
    assert doc.items["task"].tolist() == [t for _, t, _ in expected]
    assert doc.items["units_text"].tolist() == [u for _, _, u in expected]


def test_a_table_without_rules_is_not_two_columns() -> None:
    """Task | units, or number | task | units, set as columns without rules: one gap between
    every two columns, or numbers on one side only; the page is read top to bottom."""
    import io

    import pdfplumber

    from lib.parse.sources import _gutter

    tasks = [f"{n}.{t}" for n, t, _ in LEFT]
    units = [u for _, _, u in LEFT]
    numbers, bare = [n for n, _, _ in LEFT], [t for _, t, _ in LEFT]
    for columns, widths in (([tasks, units], ()), ([numbers, bare, units], (30, 200))):
        data = builders.columns_pdf("2023年重点工作责任清单", columns, widths)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            assert _gutter(pdf.pages[0]) is None


@pytest.mark.parametrize(
    "name",
    [
        "guowuyuan_2018_chuangxin_tuiguang",
        "jishui_2021_minshengshishi_luoshi",
        "yuhang_2022_zhongdian_bannian",
        "ziyang_2024_changwuhui_tongbao",
    ],
)
def test_a_pdf_of_running_text_joins_the_lines_it_wrapped(name: str) -> None:
    """Corpus lists set as a PDF of paragraphs: a long item or table row (国务院's runs of
    units, 吉水's and 余杭's rows written with |, 紫阳's quoted tasks) wraps at the margin, a
    name or a row cut at the line's end; read whole again (0.46, 0.00, 0.00 and 0.00 before
    the wrapped lines were joined)."""
    from bench.corpus import CORPUS, score_list

    assert score_list(CORPUS / name, "pdf").f1 >= 0.95


@pytest.mark.parametrize(
    "name", ["ziyang_2022_changwuhui_tongbao", "zhaoqing_2020_minshengshishi_luoshi"]
)
def test_real_pdf_tables_with_a_short_paragraph_and_heads_run_on_to_their_units(name) -> None:
    """As the office's PDF with its tables ruled: 紫阳's notice of three lines above its table
    wraps a unit's name (县卫 / 健局), joined though only two lines reach the margin (0.60
    before); 肇庆's cell ``市民政局 伍泽国`` wrapped into ``市民政局伍泽国`` (0.67 before)."""
    from bench.corpus import CORPUS, score_list

    assert score_list(CORPUS / name, "table pdf").f1 >= 0.95
