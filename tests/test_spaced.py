"""Tables copied from a web page one row a line, single spaces between the cells: the header's
words, each row's words laid into the columns by what they hold, the units column found by
its cells, and the progress such a report gives."""

from __future__ import annotations

import pytest

from lib.analyse.progress import progress_rows, reporting_period
from lib.parse.pipeline import parse_bytes
from lib.parse.spaced import column_kinds, cut_row, line_words
from lib.write.report import report_text

KINDS = ("task", "units", "text", "text", "rate", "text")  # 项目 单位 目标 完成情况 完成率 备注


def test_spaced_out_header_words_are_one_word_and_a_period_joins_its_column() -> None:
    assert line_words("序号 考核指标 单 位 工作目标 备 注") == [
        "序号",
        "考核指标",
        "单位",
        "工作目标",
        "备注",
    ]
    assert line_words("序号 项目名称 1-7月 实际完成情况 任务完成率") == [
        "序号",
        "项目名称",
        "1-7月实际完成情况",
        "任务完成率",
    ]


def test_columns_are_typed_by_their_header() -> None:
    header = ("序号", "项目名称", "责任单位", "目标任务", "1-7月实际完成情况", "任务完成率", "备注")
    assert column_kinds(header) == KINDS
    assert column_kinds(("序号", "考核指标", "单位", "已完成数", "占年任务之比")) == (
        "task",
        "measure",
        "figure",
        "rate",
    )


@pytest.mark.parametrize(
    "row, cells",
    [
        (  # every cell filled
            "新建公园 住建局 5个 3个 60% 按计划施工",
            ("新建公园", "住建局", "5个", "3个", "60%", "按计划施工"),
        ),
        (  # the progress left empty: a remark keeps its spaces, after the rate
            "改造老旧小区 住建局 12个 30% 因资金未到位 进度滞后",
            ("改造老旧小区", "住建局", "12个", "", "30%", "因资金未到位 进度滞后"),
        ),
        (  # no progress, a rate only
            "新增就业 人社局 8000人 75%",
            ("新增就业", "人社局", "8000人", "", "75%", ""),
        ),
        (  # two units in one cell
            "建设宽带网络 工信局、通信管理办 350个 350个 100%",
            ("建设宽带网络", "工信局、通信管理办", "350个", "350个", "100%", ""),
        ),
    ],
)
def test_a_row_s_words_are_laid_into_the_columns_by_what_they_hold(row, cells) -> None:
    assert cut_row(row, KINDS) == cells


SPACED = """某区2024年1-9月民生实事项目完成情况
序号 项目名称 责任单位 目标任务 1-9月完成情况 任务完成率 备注
1 新增城镇就业 区人社局 6000人 5200人 87%
2 改造农贸市场 区商务局 4家 1家 25% 受拆迁影响进度滞后
3 建设口袋公园 区住建局、区城管局 10个 10个 100% 已全部完成
4 新建养老服务中心 区民政局 3个 正在开展前期工作
"""

MEASURES = """某市1-6月重点民生实事落实情况
序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备 注
1 新增城镇就业 万人 1.2 0.8 66.7% 人力资源社会保障局
2 新建农村公路 公里 300 100 33.3% 交通运输局
提质改造农村公路 公里 120 70 58.3%
3 改造户用厕所 8000 8100 101.3% 农业农村局
"""


def test_a_spaced_table_is_read_with_its_units_and_columns() -> None:
    doc = parse_bytes(SPACED.encode(), "spaced.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "3", "4"]
    units = doc.assignments.groupby("item_no")["unit"].apply(list).to_dict()
    assert units == {1: ["区人社局"], 2: ["区商务局"], 3: ["区住建局", "区城管局"], 4: ["区民政局"]}
    notes = doc.notes[doc.notes["item_no"] == 2].set_index("header")["text"].to_dict()
    assert notes["任务完成率"] == "25%"
    assert notes["备注"] == "受拆迁影响进度滞后"


def test_a_units_column_of_measures_leaves_the_units_to_the_column_naming_them() -> None:
    doc = parse_bytes(MEASURES.encode(), "measures.txt")
    units = doc.assignments.groupby("item_no")["unit"].apply(list).to_dict()
    assert units == {1: ["人力资源社会保障局"], 2: ["交通运输局"], 3: ["农业农村局"]}
    assert "万人" not in set(doc.assignments["unit"])
    # the second indicator of item 2 joins the item's cells; the report says which column
    notes = doc.notes[doc.notes["item_no"] == 2].set_index("header")["text"].to_dict()
    assert notes["占年任务之比"] == "33.3%;58.3%"
    assert any("备注" in line and "责任单位" in line for line in doc.report.read_as)
    assert "备注" in report_text(doc)


def test_a_spaced_report_is_judged_by_its_rates_against_the_months_gone() -> None:
    doc = parse_bytes(SPACED.encode(), "spaced.txt")
    rows = progress_rows(doc).set_index("item_label")
    assert dict(rows["status"]) == {
        "1": "on_track",  # 87% after nine months (75%)
        "2": "behind",  # 滞后 written
        "3": "done",
        "4": "on_track",  # progress written, no delay named
    }
    assert rows.loc["1", "status_source"] == "rate"
    assert "75.0%" in rows.loc["1", "evidence"]


def test_without_a_year_the_months_still_set_the_share_of_the_year() -> None:
    doc = parse_bytes(MEASURES.encode(), "measures.txt")
    rows = progress_rows(doc).set_index("item_label")
    # 1-6月: half the year; the road's two indicators: 33.3% is the one that counts
    assert dict(rows["status"]) == {"1": "on_track", "2": "behind", "3": "done"}
    assert reporting_period(["某市1-6月重点民生实事落实情况"]).months == (1, 6)


def test_a_period_without_a_year_is_dated_in_the_base_list_s_year() -> None:
    from lib.analyse.progress import read_progress

    _, rows = read_progress(MEASURES.encode(), "measures.txt")
    assert rows["period_end"].isna().all()  # 1-6月, no year written anywhere
    _, rows = read_progress(MEASURES.encode(), "measures.txt", "2019")
    assert set(rows["period_end"].astype(str)) == {"2019-06-30"}
    _, rows = read_progress(SPACED.encode(), "spaced.txt", "2019")  # a year written wins
    assert set(rows["period_end"].astype(str)) == {"2024-09-30"}


KNOWN_WORDS = """某区2024年1-9月民生实事项目完成情况
序号 项目名称 责任单位 目标任务 完成情况 备注
1 新增城镇就业 区人社局 6000人 5200人
2 改造农贸市场 区商务局 4家 1家 受拆迁影响进度滞后
3 建设口袋公园 区住建局、区城管局 10个 10个 已全部完成
"""


def test_a_header_of_known_words_has_its_rows_cut_into_cells_too() -> None:
    """A header the reader knows word by word, rows with the units mid-line: read, not refused;
    each column's words where they stand (the remark left empty, not the progress)."""
    doc = parse_bytes(KNOWN_WORDS.encode(), "known.txt")
    units = doc.assignments.groupby("item_no")["unit"].apply(list).to_dict()
    assert units == {1: ["区人社局"], 2: ["区商务局"], 3: ["区住建局", "区城管局"]}
    notes = doc.notes.groupby("item_no").apply(lambda g: dict(zip(g["header"], g["text"])))
    assert notes[1] == {"完成情况": "5200人"}
    assert notes[2] == {"完成情况": "1家", "备注": "受拆迁影响进度滞后"}


def test_a_list_in_running_text_under_a_spaced_header_is_read_as_before() -> None:
    """Rows whose units cell would not name units (a sentence with its units in brackets) are
    not cut: the running-text reader reads them."""
    text = (
        "序号 主要工作 责任单位\n"
        "1 加快推进 城市更新 行动,完成老旧小区改造20个(牵头单位:市住建局;责任单位:各区政府)\n"
        "2 实施 乡村振兴 示范工程(牵头单位:市农业农村局)\n"
    )
    doc = parse_bytes(text.encode(), "running.txt")
    assert set(doc.assignments["unit"]) >= {"市住建局", "市农业农村局"}
    assert doc.report.read_as == ()
    assert "城市更新" in doc.items["task"].iloc[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市发展改革委、工业和信息化委、住房和城乡建设局、农业局等", True),  # 和 inside names
        ("各县(市、区)党委和人民政府,城乡一体化示范区", True),  # 、 inside brackets
        ("市发改局和市财政局", True),
        ("建成罗阳镇、西旸镇", False),  # a sentence naming towns
        ("提前完成年度任务", False),
    ],
)
def test_unit_like_reads_names_whole_before_cutting_at_a_joiner(text: str, expected: bool) -> None:
    from lib.parse.spaced import unit_like

    assert unit_like(text) is expected


def test_a_spaced_row_with_a_wrapped_category_and_three_units_columns() -> None:
    """平顶山's 河长制 table: the category cell wrapped (``加强水资源保 护``) and units in three
    columns, the second's list ending in 等: each column takes its own."""
    header = ("序号", "类别", "主要任务", "细化措施", "牵头单位", "参与单位", "责任单位")
    row = (
        "加强水资源保 护 严守水资源开发利用控制红线 实施水资源消耗总量和强度双控行动。 市水利局 "
        "市发展改革委、工业和信息化委、农业局等 各县(市、区)党委和人民政府,高新区党工委和管委会"
    )
    cells = cut_row(row, column_kinds(header))
    assert cells[0] == "加强水资源保 护" and cells[1] == "严守水资源开发利用控制红线"
    assert cells[3:] == (
        "市水利局",
        "市发展改革委、工业和信息化委、农业局等",
        "各县(市、区)党委和人民政府,高新区党工委和管委会",
    )
