"""Each convention with its smallest real-looking example, decoys included."""

from __future__ import annotations

import pytest

from lib.parse.pipeline import ParsedDocument, parse_bytes
from tests.conftest import FIXTURES


def parse(text: str, convention: str | None = None) -> ParsedDocument:
    return parse_bytes(text.encode("utf-8"), "list.txt", convention)


def table(doc: ParsedDocument) -> list[tuple[str, str, str]]:
    """(item label, unit, role) for every mention."""
    a = doc.assignments
    return list(zip(a["item_label"], a["unit"], a["role"]))


def test_markers_mark_only_the_next_unit() -> None:
    doc = parse("序号\n主要工作\n责任单位\n1\n推进项目建设\n▲发改局财政局,各镇乡(街道)")
    assert doc.report.convention == "marker"
    assert table(doc) == [
        ("1", "发改局", "lead"),
        ("1", "财政局", "co"),
        ("1", "各镇乡(街道)", "co"),
    ]


def test_inline_labels_per_clause() -> None:
    doc = parse(
        "一、教育\n1.新建幼儿园10所(牵头单位:市教育局);新增学位2000个(牵头责任单位:市教育局、市住建局)。"
    )
    assert doc.report.convention == "inline-label"
    assert table(doc) == [
        ("1", "市教育局", "lead"),
        ("1", "市教育局", "lead"),
        ("1", "市住建局", "lead"),
    ]
    item = doc.items.iloc[0]
    assert item["task"] == "新建幼儿园10所;新增学位2000个。"
    assert item["section"] == "教育"


def test_field_group_with_a_leader_who_is_not_a_unit() -> None:
    doc = parse(
        "1.加快推进重大项目建设(责任领导:张建国、李红;牵头单位:市发改委;"
        "责任单位:市财政局、市自然资源局,市住建局)\n2.抓好安全生产(责任领导:王强;牵头单位:市应急局)"
    )
    assert doc.report.convention == "inline-label"
    assert table(doc)[:4] == [
        ("1", "市发改委", "lead"),
        ("1", "市财政局", "co"),
        ("1", "市自然资源局", "co"),
        ("1", "市住建局", "co"),
    ]
    assert doc.items["leaders"].tolist() == ["张建国、李红", "王强"]
    assert not doc.assignments["unit"].isin(["张建国", "李红", "王强"]).any()


def test_label_lines_with_deadline() -> None:
    doc = parse(
        "1．推进老旧小区改造,改造小区327个。\n牵头单位:市住房城乡建设局\n"
        "责任单位:各县(市)区人民政府、开发(度假)区管委会\n完成时限:2023年12月底\n"
        "2．新增就业岗位。\n牵头单位:市人力资源社会保障局、市医保局\n责任单位:市财政局"
    )
    assert doc.report.convention == "label-lines"
    assert table(doc) == [
        ("1", "市住房城乡建设局", "lead"),
        ("1", "各县(市)区人民政府、开发(度假)区管委会", "co"),
        ("2", "市人力资源社会保障局", "lead"),
        ("2", "市医保局", "lead"),
        ("2", "市财政局", "co"),
    ]
    assert doc.items["deadline"].tolist() == ["2023年12月底", ""]
    assert doc.items["task"].tolist()[0] == "推进老旧小区改造,改造小区327个。"


def test_legend_in_the_notice_makes_the_first_unit_lead() -> None:
    doc = parse(
        "各有关单位:\n现将责任清单印发给你们,责任单位中列第一位者为牵头单位。\n"
        "序号\n主要工作\n责任单位\n1\n推进项目建设\n发改局、财政局\n2\n优化营商环境\n市场监管局,政务服务办"
    )
    assert doc.report.convention == "legend-first"
    assert doc.report.legends == ("通知",)
    assert table(doc) == [
        ("1", "发改局", "lead"),
        ("1", "财政局", "co"),
        ("2", "市场监管局", "lead"),
        ("2", "政务服务办", "co"),
    ]


@pytest.mark.parametrize(
    "units",
    [
        "发改委(列第一位者为牵头单位,下同)、经信委",
        "发改委、经信委(列第一位者为牵头单位,下同)",
        "发改委、经信委。列第一位者为牵头单位,下同",
    ],
)
def test_legend_glued_to_units_is_cut_off_and_applies_from_there(units: str) -> None:
    doc = parse(f"序号\n主要工作\n责任单位\n1\n任务一\n{units}\n2\n任务二\n财政局、税务局")
    assert table(doc) == [
        ("1", "发改委", "lead"),
        ("1", "经信委", "co"),
        ("2", "财政局", "lead"),
        ("2", "税务局", "co"),
    ]
    assert doc.report.legends == ("第1项",)
    assert doc.report.leftovers == ()


STATE_COUNCIL = """国务院关于做好就业工作的若干意见
国发〔2018〕39号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
为此,提出以下意见:
一、总体要求
(一)指导思想。坚持就业优先战略。
二、支持企业
(二)加大稳岗支持力度。对不裁员的企业返还失业保险费。(人力资源社会保障部、财政部负责。列第一位者为牵头单位,下同)
(三)加快推进农机化。(农业农村部、工业和信息化部牵头负责)
(四)落实培训补贴。(人力资源社会保障部、财政部、税务总局,各省级人民政府按职责分工负责)
(五)做好服务。(人力资源社会保障部等有关部门和单位负责)
(六)抓好落实。(各有关部门和单位按职责分工负责)
各地区、各部门要抓好贯彻落实。"""


def test_state_council_style() -> None:
    doc = parse(STATE_COUNCIL)
    assert doc.report.convention == "state-council"
    assert doc.items["item_label"].tolist() == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]
    assert doc.items["section"].tolist() == ["总体要求"] + ["支持企业"] * 5
    assert doc.report.items_without_units == ("(一)",)
    assert table(doc) == [
        ("(二)", "人力资源社会保障部", "lead"),
        ("(二)", "财政部", "co"),
        ("(三)", "农业农村部", "lead"),
        ("(三)", "工业和信息化部", "lead"),
        ("(四)", "人力资源社会保障部", "lead"),
        ("(四)", "财政部", "co"),
        ("(四)", "税务总局", "co"),
        ("(四)", "各省级人民政府", "co"),
        ("(五)", "人力资源社会保障部", "lead"),
        ("(六)", "各有关部门和单位", "lead"),
    ]
    assert doc.items["task"].tolist()[1] == "加大稳岗支持力度。对不裁员的企业返还失业保险费。"


def test_flattened_rows() -> None:
    doc = parse("7 加快数字经济发展. 发改委、经信委\n8 推进招商引资。商务局,投促中心")
    assert doc.report.convention == "flattened"
    assert table(doc) == [
        ("7", "发改委", "co"),
        ("7", "经信委", "co"),
        ("8", "商务局", "co"),
        ("8", "投促中心", "co"),
    ]
    assert doc.items["task"].tolist() == ["加快数字经济发展.", "推进招商引资。"]


def test_rows_with_cells_separated_by_bars_or_tabs() -> None:
    doc = parse(
        "序号 | 主要工作 | 责任单位 | 完成时限\n1 | 建设充电桩 | ▲发改局、建设集团 | 2023年底\n"
        "2\t改造农田\t农业农村局\t长期"
    )
    assert table(doc) == [
        ("1", "发改局", "lead"),
        ("1", "建设集团", "co"),
        ("2", "农业农村局", "co"),
    ]
    assert doc.items["deadline"].tolist() == ["2023年底", "长期"]
    assert doc.items["task"].tolist() == ["建设充电桩", "改造农田"]


def test_columns_by_header_never_read_a_progress_column_as_units() -> None:
    doc = parse(
        "序号\n工作任务\n责任单位\n进展情况\n1\n推进项目\n发改局、财政局\n已完成招标、开工建设、主体完工\n"
        "2\n优化环境\n市场监管局\n正在推进、部分完成"
    )
    assert doc.report.convention == "columns"
    assert table(doc) == [("1", "发改局", "co"), ("1", "财政局", "co"), ("2", "市场监管局", "co")]


def test_lead_column_beside_units_column() -> None:
    doc = parse(
        "序号\n重点工作\n牵头单位\n配合单位\n完成时限\n1\n推进项目\n发改局\n财政局、税务局\n2023年底"
    )
    assert table(doc) == [("1", "发改局", "lead"), ("1", "财政局", "co"), ("1", "税务局", "co")]
    assert doc.items["deadline"].tolist() == ["2023年底"]


def test_a_single_lead_units_column_makes_the_first_unit_lead() -> None:
    doc = parse("序号\n重点工作\n牵头责任单位\n1\n推进项目\n发改局、财政局")
    assert table(doc) == [("1", "发改局", "lead"), ("1", "财政局", "co")]


def test_section_column_before_the_number() -> None:
    doc = parse(
        "分块\n序号\n主要工作\n责任单位\n经济发展\n1\n任务一\n发改局\n2\n任务二\n财政局\n民生事业\n3\n任务三\n民政局"
    )
    assert doc.items["section"].tolist() == ["经济发展", "经济发展", "民生事业"]
    assert doc.items["units_text"].tolist() == ["发改局", "财政局", "民政局"]


def test_addressee_and_notice_paragraphs_are_not_items() -> None:
    doc = parse(
        "关于印发重点工作责任清单的通知\n各镇乡人民政府,各街道办事处,市政府各部门:\n"
        "1.加强组织领导。各单位要高度重视。\n2.强化督查考核。\n重点工作责任清单\n"
        "1.推进项目建设\n发改局、财政局\n2.优化营商环境\n市场监管局"
    )
    assert doc.items["task"].tolist() == ["推进项目建设", "优化营商环境"]
    assert doc.report.not_items == ("1", "2")
    assert "各镇乡人民政府" not in set(doc.assignments["unit"])


def test_attachment_heading_starts_the_list() -> None:
    doc = parse("通知正文\n附件:1.责任清单\n附件\n责任清单\n1\n推进项目建设\n发改局")
    assert doc.items["task"].tolist() == ["推进项目建设"]


def test_leader_headings_name_the_leaders_of_the_items_below() -> None:
    doc = parse(
        "一、王某某副市长牵头(2项)\n1\n推进项目\n发改局\n2\n优化环境\n市场监管局\n"
        "二、李某某副市长分管\n3\n抓好农业\n农业农村局"
    )
    assert doc.items["leaders"].tolist() == ["王某某", "王某某", "李某某"]
    assert not doc.assignments["unit"].str.contains("王某某|李某某").any()


def test_web_copy_furniture_and_markdown() -> None:
    doc = parse(
        "**附件**\n**重点工作清单**\n1\n推进项目\n发改局\n分享到:\n发布时间: 2023-02-09\n2\n优化环境\n财政局"
    )
    assert doc.items["task"].tolist() == ["推进项目", "优化环境"]
    assert doc.items["units_text"].tolist() == ["发改局", "财政局"]
    assert doc.report.furniture_lines == 2


def test_a_cut_off_last_item_is_reported_incomplete() -> None:
    doc = parse("1.新建幼儿园(牵头单位:市教育局)\n2.新增学位(牵头单位:市住建局)\n3.新建学校(牵头单")
    assert doc.report.incomplete_items == ("3",)


def test_pdf_line_wraps_inside_names() -> None:
    doc = parse("1\n推进项目\n自然资源 和规划局,发改 局")
    assert doc.assignments["unit"].tolist() == ["自然资源和规划局", "发改局"]


def test_numbering_restarting_in_each_section_is_not_a_problem() -> None:
    doc = parse("一、经济\n1.任务一\n发改局\n2.任务二\n财政局\n二、民生\n1.任务三\n民政局")
    assert doc.items["item_label"].tolist() == ["1", "2", "1"]
    assert doc.report.numbering_problems == ()


def test_convention_can_be_forced() -> None:
    text = "1\n推进项目\n发改局、财政局"
    assert parse(text).report.convention == "columns"
    assert parse(text, "legend-first").report.convention == "legend-first"


SAMPLES = {
    "01_neimenggu_2023_minshengshishi.txt": ("inline-label", 43, 43),
    "02_chengdu_2020_minshengshishi.txt": ("inline-label", 73, 73),
    "03_kunming_2021_huiminshishi.txt": ("label-lines", 10, 10),
    "04_guowuyuan_2018_cujinjiuye.txt": ("state-council", 15, 15),
    "05_guowuyuan_2018_nongjizhuangbei.txt": ("state-council", 20, 18),
}


@pytest.mark.parametrize(("name", "expected"), SAMPLES.items())
def test_sample_lists(name: str, expected: tuple[str, int, int]) -> None:
    convention, items, with_units = expected
    doc = parse_bytes((FIXTURES / "samples" / name).read_bytes(), name)
    assert doc.report.convention == convention
    assert len(doc.items) == items
    assert doc.assignments["item_no"].nunique() == with_units
    assert doc.report.conservation_failures == ()
    assert doc.report.leftovers == ()


def test_labels_after_the_task_on_the_same_line() -> None:
    doc = parse(
        "1.推进项目建设,完成投资10亿元。牵头单位:市发改委;责任单位:市财政局、市统计局\n"
        "2.优化营商环境。牵头单位:市政务办"
    )
    assert doc.report.convention == "label-lines"
    assert table(doc) == [
        ("1", "市发改委", "lead"),
        ("1", "市财政局", "co"),
        ("1", "市统计局", "co"),
        ("2", "市政务办", "lead"),
    ]
    assert doc.items["task"].tolist() == ["推进项目建设,完成投资10亿元。", "优化营商环境。"]


def test_units_named_by_the_verb_after_them() -> None:
    doc = parse(
        "1.加快150个政府(国企)投资项目建设(市发改委牵头,市财政局、市统计局配合)\n"
        "2.新增领军人才(团队)50个(市人才办负责)"
    )
    assert table(doc) == [
        ("1", "市发改委", "lead"),
        ("1", "市财政局", "co"),
        ("1", "市统计局", "co"),
        ("2", "市人才办", "co"),
    ]
    assert doc.items["task"].tolist() == [
        "加快150个政府(国企)投资项目建设",
        "新增领军人才(团队)50个",
    ]


def test_a_last_bracket_of_units_names_them_and_a_note_does_not() -> None:
    doc = parse(
        "1.推进项目建设。(市发改委、市财政局)\n2.建设产业园区(含高新区)\n3.优化服务(市政务办)"
    )
    assert table(doc) == [("1", "市发改委", "co"), ("1", "市财政局", "co"), ("3", "市政务办", "co")]
    assert doc.report.items_without_units == ("2",)


def test_bracketed_chinese_numbers_above_numbered_items_are_sections() -> None:
    doc = parse(
        "(一)经济发展\n1.推进项目。牵头单位:市发改委\n2.优化环境。牵头单位:市政务办\n"
        "(二)民生事业\n3.建设学校。牵头单位:市教育局"
    )
    assert doc.items["item_label"].tolist() == ["1", "2", "3"]
    assert doc.items["section"].tolist() == ["经济发展", "经济发展", "民生事业"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("①推进项目(市发改委牵头)\n②优化环境(市政务办牵头)", ["①", "②"]),
        ("(1)推进项目\n市发改委\n(2)优化环境\n市政务办", ["(1)", "(2)"]),
    ],
)
def test_circled_and_bracketed_arabic_numbers(text: str, labels: list[str]) -> None:
    doc = parse(text)
    assert doc.items["item_label"].tolist() == labels
    assert doc.report.numbering_problems == ()
    assert len(doc.assignments) == 2


def test_a_table_cell_holding_lead_and_units_labels() -> None:
    doc = parse(
        "序号 | 工作任务 | 责任单位\n1 | 推进项目 | 牵头单位:市发改委责任单位:市财政局、市统计局"
    )
    assert table(doc) == [
        ("1", "市发改委", "lead"),
        ("1", "市财政局", "co"),
        ("1", "市统计局", "co"),
    ]


@pytest.mark.parametrize(
    ("text", "tasks"),
    [
        (
            "1.推进项目 责任单位:市发改委、市财政局\n2.优化环境 牵头单位:市政务办",
            ["推进项目", "优化环境"],
        ),
        ("1.推进项目——市发改委、市财政局\n2.优化环境——市政务办", ["推进项目", "优化环境"]),
    ],
)
def test_units_after_a_space_label_or_a_dash(text: str, tasks: list[str]) -> None:
    doc = parse(text)
    assert doc.items["task"].tolist() == tasks
    assert doc.assignments["unit"].tolist() == ["市发改委", "市财政局", "市政务办"]


def test_a_task_over_two_lines_under_a_header() -> None:
    doc = parse(
        "序号\n主要工作\n责任单位\n1\n推进项目建设,\n完成投资10亿元\n▲发改局,财政局\n2\n任务二\n民政局"
    )
    assert doc.items["task"].tolist() == ["推进项目建设,完成投资10亿元", "任务二"]
    assert table(doc) == [("1", "发改局", "lead"), ("1", "财政局", "co"), ("2", "民政局", "co")]
