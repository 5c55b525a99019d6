"""Each convention with its smallest real-looking example, decoys included: one table of
(text, what must be read), one test that reads them all."""

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


L, C = "lead", "co"
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

# What each example must read: ``convention``, ``table`` (every mention: label, unit, role;
# ``table_head`` for the first ones only), ``units`` (every mention's unit), columns of the
# items table by name, and fields of the parse report by name.
READINGS = [
    pytest.param(
        "序号\n主要工作\n责任单位\n1\n推进项目建设\n▲发改局财政局,各镇乡(街道)",
        {
            "convention": "marker",
            "table": [("1", "发改局", L), ("1", "财政局", C), ("1", "各镇乡(街道)", C)],
        },
        id="markers mark only the next unit",
    ),
    pytest.param(
        "一、教育\n1.新建幼儿园10所(牵头单位:市教育局);新增学位2000个(牵头责任单位:市教育局、市住建局)。",
        {
            "convention": "inline-label",
            "table": [("1", "市教育局", L), ("1", "市教育局", L), ("1", "市住建局", L)],
            "task": ["新建幼儿园10所;新增学位2000个。"],
            "section": ["教育"],
        },
        id="inline labels per clause",
    ),
    pytest.param(
        "1.加快推进重大项目建设(责任领导:张建国、李红;牵头单位:市发改委;"
        "责任单位:市财政局、市自然资源局,市住建局)\n2.抓好安全生产(责任领导:王强;牵头单位:市应急局)",
        {
            "convention": "inline-label",
            "table_head": [
                ("1", "市发改委", L),
                ("1", "市财政局", C),
                ("1", "市自然资源局", C),
                ("1", "市住建局", C),
            ],
            "leaders": ["张建国、李红", "王强"],
            "not_units": ["张建国", "李红", "王强"],
        },
        id="a field group with leaders who are not units",
    ),
    pytest.param(
        "1．推进老旧小区改造,改造小区327个。\n牵头单位:市住房城乡建设局\n"
        "责任单位:各县(市)区人民政府、开发(度假)区管委会\n完成时限:2023年12月底\n"
        "2．新增就业岗位。\n牵头单位:市人力资源社会保障局、市医保局\n责任单位:市财政局",
        {
            "convention": "label-lines",
            "table": [
                ("1", "市住房城乡建设局", L),
                ("1", "各县(市)区人民政府、开发(度假)区管委会", C),
                ("2", "市人力资源社会保障局", L),
                ("2", "市医保局", L),
                ("2", "市财政局", C),
            ],
            "deadline": ["2023年12月底", ""],
            "task": ["推进老旧小区改造,改造小区327个。", "新增就业岗位。"],
        },
        id="label lines with a deadline",
    ),
    pytest.param(
        "各有关单位:\n现将责任清单印发给你们,责任单位中列第一位者为牵头单位。\n"
        "序号\n主要工作\n责任单位\n1\n推进项目建设\n发改局、财政局\n2\n优化营商环境\n市场监管局,政务服务办",
        {
            "convention": "legend-first",
            "legends": ("通知",),
            "table": [
                ("1", "发改局", L),
                ("1", "财政局", C),
                ("2", "市场监管局", L),
                ("2", "政务服务办", C),
            ],
        },
        id="a legend in the notice makes the first unit lead",
    ),
    *[
        pytest.param(
            f"序号\n主要工作\n责任单位\n1\n任务一\n{units}\n2\n任务二\n财政局、税务局",
            {
                "legends": ("第1项",),
                "leftovers": (),
                "table": [
                    ("1", "发改委", L),
                    ("1", "经信委", C),
                    ("2", "财政局", L),
                    ("2", "税务局", C),
                ],
            },
            id=f"a legend glued to units is cut off and applies from there ({where})",
        )
        for where, units in (
            ("after the first", "发改委(列第一位者为牵头单位,下同)、经信委"),
            ("in brackets", "发改委、经信委(列第一位者为牵头单位,下同)"),
            ("after a full stop", "发改委、经信委。列第一位者为牵头单位,下同"),
        )
    ],
    pytest.param(
        STATE_COUNCIL,
        {
            "convention": "state-council",
            "item_label": ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"],
            "section": ["总体要求"] + ["支持企业"] * 5,
            "items_without_units": ("(一)",),
            "table": [
                ("(二)", "人力资源社会保障部", L),
                ("(二)", "财政部", C),
                ("(三)", "农业农村部", L),
                ("(三)", "工业和信息化部", L),
                ("(四)", "人力资源社会保障部", L),
                ("(四)", "财政部", C),
                ("(四)", "税务总局", C),
                ("(四)", "各省级人民政府", C),
                ("(五)", "人力资源社会保障部", L),
                ("(六)", "各有关部门和单位", L),
            ],
            "task_2": "加大稳岗支持力度。对不裁员的企业返还失业保险费。",
        },
        id="the State Council's style",
    ),
    pytest.param(
        "7 加快数字经济发展. 发改委、经信委\n8 推进招商引资。商务局,投促中心",
        {
            "convention": "flattened",
            "table": [
                ("7", "发改委", C),
                ("7", "经信委", C),
                ("8", "商务局", C),
                ("8", "投促中心", C),
            ],
            "task": ["加快数字经济发展.", "推进招商引资。"],
        },
        id="flattened rows",
    ),
    pytest.param(
        "序号 | 主要工作 | 责任单位 | 完成时限\n1 | 建设充电桩 | ▲发改局、建设集团 | 2023年底\n"
        "2\t改造农田\t农业农村局\t长期",
        {
            "table": [("1", "发改局", L), ("1", "建设集团", C), ("2", "农业农村局", C)],
            "deadline": ["2023年底", "长期"],
            "task": ["建设充电桩", "改造农田"],
        },
        id="rows with cells separated by bars or tabs",
    ),
    pytest.param(
        "序号\n工作任务\n责任单位\n进展情况\n1\n推进项目\n发改局、财政局\n已完成招标、开工建设、主体完工\n"
        "2\n优化环境\n市场监管局\n正在推进、部分完成",
        {
            "convention": "columns",
            "table": [("1", "发改局", C), ("1", "财政局", C), ("2", "市场监管局", C)],
        },
        id="columns by header never read a progress column as units",
    ),
    pytest.param(
        "序号\n重点工作\n牵头单位\n配合单位\n完成时限\n1\n推进项目\n发改局\n财政局、税务局\n2023年底",
        {
            "table": [("1", "发改局", L), ("1", "财政局", C), ("1", "税务局", C)],
            "deadline": ["2023年底"],
        },
        id="a lead column beside a units column",
    ),
    pytest.param(
        "序号\n重点工作\n牵头责任单位\n1\n推进项目\n发改局、财政局",
        {"table": [("1", "发改局", L), ("1", "财政局", C)]},
        id="a single lead units column makes the first unit lead",
    ),
    pytest.param(
        "分块\n序号\n主要工作\n责任单位\n经济发展\n1\n任务一\n发改局\n2\n任务二\n财政局\n民生事业\n3\n任务三\n民政局",
        {
            "section": ["经济发展", "经济发展", "民生事业"],
            "units_text": ["发改局", "财政局", "民政局"],
        },
        id="a section column before the number",
    ),
    pytest.param(
        "关于印发重点工作责任清单的通知\n各镇乡人民政府,各街道办事处,市政府各部门:\n"
        "1.加强组织领导。各单位要高度重视。\n2.强化督查考核。\n重点工作责任清单\n"
        "1.推进项目建设\n发改局、财政局\n2.优化营商环境\n市场监管局",
        {
            "task": ["推进项目建设", "优化营商环境"],
            "not_items": ("1", "2"),
            "not_units": ["各镇乡人民政府"],
        },
        id="the addressee and the notice's paragraphs are not items",
    ),
    pytest.param(
        "通知正文\n附件:1.责任清单\n附件\n责任清单\n1\n推进项目建设\n发改局",
        {"task": ["推进项目建设"]},
        id="an attachment heading starts the list",
    ),
    pytest.param(
        "一、王某某副市长牵头(2项)\n1\n推进项目\n发改局\n2\n优化环境\n市场监管局\n"
        "二、李某某副市长分管\n3\n抓好农业\n农业农村局",
        {"leaders": ["王某某", "王某某", "李某某"], "not_units": ["王某某", "李某某"]},
        id="leader headings name the leaders of the items below",
    ),
    pytest.param(
        "**附件**\n**重点工作清单**\n1\n推进项目\n发改局\n分享到:\n发布时间: 2023-02-09\n2\n优化环境\n财政局",
        {
            "task": ["推进项目", "优化环境"],
            "units_text": ["发改局", "财政局"],
            "furniture_lines": 2,
        },
        id="web page furniture and Markdown",
    ),
    pytest.param(
        "1.新建幼儿园(牵头单位:市教育局)\n2.新增学位(牵头单位:市住建局)\n3.新建学校(牵头单",
        {"incomplete_items": ("3",)},
        id="a cut-off last item is reported incomplete",
    ),
    pytest.param(
        "1\n推进项目\n自然资源 和规划局,发改 局",
        {"units": ["自然资源和规划局", "发改局"]},
        id="PDF line wraps inside names",
    ),
    pytest.param(
        "一、经济\n1.任务一\n发改局\n2.任务二\n财政局\n二、民生\n1.任务三\n民政局",
        {"item_label": ["1", "2", "1"], "numbering_problems": ()},
        id="numbering restarting in each section is not a problem",
    ),
    pytest.param(
        "1.推进项目建设,完成投资10亿元。牵头单位:市发改委;责任单位:市财政局、市统计局\n"
        "2.优化营商环境。牵头单位:市政务办",
        {
            "convention": "label-lines",
            "table": [
                ("1", "市发改委", L),
                ("1", "市财政局", C),
                ("1", "市统计局", C),
                ("2", "市政务办", L),
            ],
            "task": ["推进项目建设,完成投资10亿元。", "优化营商环境。"],
        },
        id="labels after the task on the same line",
    ),
    pytest.param(
        "1.加快150个政府(国企)投资项目建设(市发改委牵头,市财政局、市统计局配合)\n"
        "2.新增领军人才(团队)50个(市人才办负责)",
        {
            "table": [
                ("1", "市发改委", L),
                ("1", "市财政局", C),
                ("1", "市统计局", C),
                ("2", "市人才办", C),
            ],
            "task": ["加快150个政府(国企)投资项目建设", "新增领军人才(团队)50个"],
        },
        id="units named by the verb after them",
    ),
    pytest.param(
        "1.推进项目建设。(市发改委、市财政局)\n2.建设产业园区(含高新区)\n3.优化服务(市政务办)",
        {
            "table": [("1", "市发改委", C), ("1", "市财政局", C), ("3", "市政务办", C)],
            "items_without_units": ("2",),
        },
        id="a last bracket of units names them and a note does not",
    ),
    pytest.param(
        "(一)经济发展\n1.推进项目。牵头单位:市发改委\n2.优化环境。牵头单位:市政务办\n"
        "(二)民生事业\n3.建设学校。牵头单位:市教育局",
        {"item_label": ["1", "2", "3"], "section": ["经济发展", "经济发展", "民生事业"]},
        id="bracketed Chinese numbers above numbered items are sections",
    ),
    pytest.param(
        "①推进项目(市发改委牵头)\n②优化环境(市政务办牵头)",
        {"item_label": ["①", "②"], "numbering_problems": (), "mentions": 2},
        id="circled numbers",
    ),
    pytest.param(
        "(1)推进项目\n市发改委\n(2)优化环境\n市政务办",
        {"item_label": ["(1)", "(2)"], "numbering_problems": (), "mentions": 2},
        id="bracketed Arabic numbers",
    ),
    pytest.param(
        "序号 | 工作任务 | 责任单位\n1 | 推进项目 | 牵头单位:市发改委责任单位:市财政局、市统计局",
        {"table": [("1", "市发改委", L), ("1", "市财政局", C), ("1", "市统计局", C)]},
        id="a table cell holding lead and units labels",
    ),
    pytest.param(
        "1.推进项目 责任单位:市发改委、市财政局\n2.优化环境 牵头单位:市政务办",
        {"task": ["推进项目", "优化环境"], "units": ["市发改委", "市财政局", "市政务办"]},
        id="units after a space and a label",
    ),
    pytest.param(
        "1.推进项目——市发改委、市财政局\n2.优化环境——市政务办",
        {"task": ["推进项目", "优化环境"], "units": ["市发改委", "市财政局", "市政务办"]},
        id="units after a dash",
    ),
    pytest.param(
        "序号\n主要工作\n责任单位\n1\n推进项目建设,\n完成投资10亿元\n▲发改局,财政局\n2\n任务二\n民政局",
        {
            "task": ["推进项目建设,完成投资10亿元", "任务二"],
            "table": [("1", "发改局", L), ("1", "财政局", C), ("2", "民政局", C)],
        },
        id="a task over two lines under a header",
    ),
]
ITEM_COLUMNS = ("task", "section", "leaders", "deadline", "item_label", "units_text")
REPORT_FIELDS = (
    "legends",
    "leftovers",
    "items_without_units",
    "not_items",
    "numbering_problems",
    "incomplete_items",
    "furniture_lines",
)


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_each_example_reads_as_written(text: str, expected: dict) -> None:
    doc = parse(text)
    a = doc.assignments
    if "convention" in expected:
        assert doc.report.convention == expected["convention"]
    if "table" in expected:
        assert table(doc) == expected["table"]
    if "table_head" in expected:
        assert table(doc)[: len(expected["table_head"])] == expected["table_head"]
    if "units" in expected:
        assert a["unit"].tolist() == expected["units"]
    if "mentions" in expected:
        assert len(a) == expected["mentions"]
    if "not_units" in expected:
        assert [u for u in a["unit"] if any(name in u for name in expected["not_units"])] == []
    if "task_2" in expected:
        assert doc.items["task"].tolist()[1] == expected["task_2"]
    for column in ITEM_COLUMNS:
        if column in expected:
            assert doc.items[column].tolist() == expected[column], column
    for field in REPORT_FIELDS:
        if field in expected:
            assert getattr(doc.report, field) == expected[field], field
    assert set(expected) <= {
        "convention",
        "table",
        "table_head",
        "units",
        "mentions",
        "not_units",
        "task_2",
        *ITEM_COLUMNS,
        *REPORT_FIELDS,
    }


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
