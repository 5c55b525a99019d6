"""The general reader, one table per kind of list it must read (issue: a general reader).

Each row is a small made-up list in the shape real lists take, with a decoy that must not
become a unit: a bracket that is a note, a progress text, a person's name, a place.
"""

from __future__ import annotations

import io

import pytest

from lib.parse.pipeline import ParsedDocument, parse_bytes
from tests import builders


def parse(text: str, name: str = "list.txt") -> ParsedDocument:
    return parse_bytes(text.encode("utf-8"), name)


def table(doc: ParsedDocument) -> list[tuple[str, str, str]]:
    a = doc.assignments
    return list(zip(a["item_label"], a["raw"], a["role"]))


# 1. Items numbered like headings: 三、 owns its units; a heading without units stays a section.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "一、新建城市公园10个(市园林局负责)。\n二、改造老旧小区50个(含背街小巷)(市住建局、市财政局负责)。",
            [("一", "市园林局", "co"), ("二", "市住建局", "co"), ("二", "市财政局", "co")],
        ),
        (
            "一、交通出行\n1.新建道路(市交通局负责)\n二、教育\n2.新建学校(市教育局负责)",
            [("1", "市交通局", "co"), ("2", "市教育局", "co")],
        ),
        (
            "1、推进项目(县发改局负责)\n(1)新增就业(县人社局负责)\n①建设智慧城市(县大数据局负责)\n第四条 完善制度(县司法局负责)",
            [
                ("1", "县发改局", "co"),
                ("(1)", "县人社局", "co"),
                ("①", "县大数据局", "co"),
                ("第四条", "县司法局", "co"),
            ],
        ),
        (
            "一、实施脱贫攻坚工程\n全面完成危房改造。\n牵头单位:市扶贫办\n责任单位:各县(市)区政府",
            [("一", "市扶贫办", "lead"), ("一", "各县(市)区政府", "co")],
        ),
    ],
)
def test_items_are_what_owns_a_unit_list(text: str, expected: list) -> None:
    doc = parse(text)
    assert table(doc) == expected
    assert "含背街小巷" not in set(doc.assignments["raw"])


# 2. Unlabelled duty clauses, anywhere in the item, text after them allowed.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.扩大投资(市发改委牵头,各区县政府、市级有关部门按职责分工负责)。1-6月已完成50%。",
            [("1", "市发改委", "lead"), ("1", "各区县政府", "co"), ("1", "市级有关部门", "co")],
        ),
        (
            "1.加快城市更新。由市住建局负责,市规划局、市财政局配合。",
            [("1", "市住建局", "lead"), ("1", "市规划局", "co"), ("1", "市财政局", "co")],
        ),
        (
            "1.稳定就业。市人社局牵头,各地、各部门按职责分工负责。",
            [("1", "市人社局", "lead"), ("1", "各地", "co"), ("1", "各部门", "co")],
        ),
        (
            "1.提升教育质量(市教育局会同有关部门负责)\n2.市政府负责统筹协调全市工作(市政府办公厅负责)",
            [("1", "市教育局", "lead"), ("2", "市政府办公厅", "co")],
        ),
        (
            "1.完成造林(县林业局、县财政局负责)\n2.推进检测(县市场监管局会同县卫健局负责)",
            [
                ("1", "县林业局", "co"),
                ("1", "县财政局", "co"),
                ("2", "县市场监管局", "lead"),
                ("2", "县卫健局", "co"),
            ],
        ),
    ],
)
def test_duty_clauses_name_units_and_roles(text: str, expected: list) -> None:
    assert table(parse(text)) == expected


# 3. Other labels: 主办/协办, 牵头部门/配合部门, 责任主体, in 【】 or [], spaced out; persons are leaders.
@pytest.mark.parametrize(
    ("text", "expected", "leaders"),
    [
        (
            "1.实施乡村振兴。\n主办单位:市农业农村局\n协办单位:市财政局、市自然资源局",
            [("1", "市农业农村局", "lead"), ("1", "市财政局", "co"), ("1", "市自然资源局", "co")],
            "",
        ),
        (
            "1.推进数字经济。\n【牵头部门】市工信局\n【配合部门】市发改委、市大数据局",
            [("1", "市工信局", "lead"), ("1", "市发改委", "co"), ("1", "市大数据局", "co")],
            "",
        ),
        (
            "1.加强生态保护。\n责任部门:市生态环境局\n分管领导:张三",
            [("1", "市生态环境局", "co")],
            "张三",
        ),
        (
            "1.建设交通枢纽。\n牵 头 部 门:市交通运输局\n责任主体:各区县政府",
            [("1", "市交通运输局", "lead"), ("1", "各区县政府", "co")],
            "",
        ),
        (
            "1.推进招商[牵头单位:县商务局;责任单位:各镇人民政府,县经济开发区]",
            [("1", "县商务局", "lead"), ("1", "各镇人民政府", "co"), ("1", "县经济开发区", "co")],
            "",
        ),
        (
            "1.推进招商(牵头单位:县商务局)\n2.增加收入[牵头单位:县发改局;责任单位:县农业农村局",  # cut off
            [("1", "县商务局", "lead"), ("2", "县发改局", "lead"), ("2", "县农业农村局", "co")],
            "",
        ),
        (
            "1.农村道路畅通工程,牵头部门:市交通局。建设进度较慢的县区为舒城县。",
            [("1", "市交通局", "lead")],
            "",
        ),
        (
            "1.推进项目建设。责任单位:市发改委(牵头)、市财政局",
            [("1", "市发改委(牵头)", "lead"), ("1", "市财政局", "co")],
            "",
        ),
    ],
)
def test_labels_name_roles_and_persons_are_leaders(text: str, expected: list, leaders: str) -> None:
    doc = parse(text)
    assert table(doc) == expected
    assert doc.items["leaders"].iloc[0] == leaders
    assert "张三" not in set(doc.assignments["raw"]) and "舒城县" not in set(doc.assignments["raw"])


# 4. Tables: separate lead and co columns, progress columns, a merged first cell, a trailing " |".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "序号\t工作任务\t牵头单位\t配合单位\t1-10月推进情况\t是否达序\n"
            "1\t新建学校\t市教育局\t市财政局\t已完成主体工程,市住建局验收中\t是",
            [("1", "市教育局", "lead"), ("1", "市财政局", "co")],
        ),
        (
            "序号 |\n主要任务 |\n分管领导 |\n牵头单位 |\n责任单位 |\n推进情况 |\n"
            "1 |\n新建公园 |\n徐某某 |\n城管局 |\n市政局、相关街道 |\n已进场施工。 |\n"
            "2 |\n新建中转站 |\n城管局 |\n崇川经济开发区、各街道 |\n已建成3个。 |",
            [
                ("1", "城管局", "lead"),
                ("1", "市政局", "co"),
                ("1", "相关街道", "co"),
                ("2", "城管局", "lead"),
                ("2", "崇川经济开发区", "co"),
                ("2", "各街道", "co"),
            ],
        ),
        (
            "序号\n重点工作\n责任\n领导\n责任\n科室\n工作任务安排\n第二季度\n完成情况\n"
            "1\n白仙山水库工程政策处理\n欧某某\n白仙山水库工程政策处理工作领导小组\n推进坟墓迁移工作。\n迁移进度达60%。\n"
            "2\n现代化美丽城镇\n吴某某\n乡村振兴办\n成功创建首批浙江省美丽城镇。",
            [("1", "白仙山水库工程政策处理工作领导小组", "co"), ("2", "乡村振兴办", "co")],
        ),
        (
            "附件:1. 2019年目标任务分解表\n2. 2019年民生实事项目分解表\n某区人民政府办公室\n"
            "序号 | 任 务 名 称 | 考 核 口 径 | 牵 头 部 门 | 配 合 部 门 | 目 标 类 型 |\n"
            "1 | 地区生产总值 | 增长5.5% | 区发改经信局 | 区财政局、区商务局 | A类 |",
            [("1", "区发改经信局", "lead"), ("1", "区财政局", "co"), ("1", "区商务局", "co")],
        ),
        (
            "| 重点事项 | 牵头单位 | 实际进度 |\n| --- | --- | --- |\n| 一、解决用水问题 | 市水务局 | 完成改造8.5万户 |\n"
            "| 二、推进燃气普及 | 市住建局 | 加装管道燃气1.8万户 |",
            [("一", "市水务局", "lead"), ("二", "市住建局", "lead")],
        ),
    ],
)
def test_tables_by_header_and_by_content(text: str, expected: list) -> None:
    assert table(parse(text)) == expected


# 5. Legends in other words and places, glued to any list; 分别牵头: every unit there leads.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(一)做好一件事。(发展改革委、财政部负责)\n"
            "(二)做好二件事。(财政部、税务总局负责。列第一位者为工作牵头单位或汇总单位,下同)",
            [
                ("(一)", "发展改革委", "lead"),
                ("(一)", "财政部", "co"),
                ("(二)", "财政部", "lead"),
                ("(二)", "税务总局", "co"),
            ],
        ),
        (
            "1.拓展市场。(税务总局、财政部、海关总署负责,排在第一位的部门为牵头部门,下同)\n2.简化管理。(海关总署负责)",
            [
                ("1", "税务总局", "lead"),
                ("1", "财政部", "co"),
                ("1", "海关总署", "co"),
                ("2", "海关总署", "lead"),
            ],
        ),
        (
            "除标注“分别牵头”外,列第一位为牵头或汇总单位。\n1.推进改革(工业和信息化部、商务部分别牵头,各地区按职责分工负责)\n"
            "2.完善政策(财政部、人民银行负责)",
            [
                ("1", "工业和信息化部", "lead"),
                ("1", "商务部", "lead"),
                ("1", "各地区", "co"),
                ("2", "财政部", "lead"),
                ("2", "人民银行", "co"),
            ],
        ),
    ],
)
def test_legends_make_the_first_unit_lead(text: str, expected: list) -> None:
    doc = parse(text)
    assert table(doc) == expected
    assert not any("牵头单位" in raw or "下同" in raw for raw in doc.assignments["raw"])


# 6. Sub-offices glued to their parent stay one unit; glued runs split only into units.
@pytest.mark.parametrize(
    ("units", "expected"),
    [
        (
            "市公安局开发区分局、市生态环境局高新分局",
            ["市公安局开发区分局", "市生态环境局高新分局"],
        ),
        ("市城乡水务局", ["市城乡水务局"]),
        ("国务院国资委、国家税务总局成都市税务局", ["国务院国资委", "国家税务总局成都市税务局"]),
        ("公安局交通运输局财政局", ["公安局", "交通运输局", "财政局"]),
        ("区发改经信局、区财政局", ["区发改经信局", "区财政局"]),  # a merged bureau (in units.csv)
        ("市人行交通局", ["市人行", "交通局"]),
        ("市应急局〈市消防救援支队〉", ["市应急局(市消防救援支队)"]),
        ("人民银行诸暨市支行、邮储银行诸暨支行", ["人民银行诸暨市支行", "邮储银行诸暨支行"]),
        ("工商银行浙江省分行", ["工商银行浙江省分行"]),
    ],
)
def test_glued_names_split_only_where_both_halves_are_units(units: str, expected: list) -> None:
    doc = parse(f"1.推进工作(牵头单位:{units})")
    assert list(doc.assignments["raw"]) == expected


# 7. Grouped by unit: the heading's unit leads every item below it, until the next heading.
@pytest.mark.parametrize(
    "text",
    [
        "一、县发改局牵头工作(2项)\n1.完成投资增长10%。\n2.推进项目建设(县财政局配合)。\n"
        "二、县交通运输局牵头工作(1项)\n3.建设农村公路100公里。\n三、其他工作\n4.优化服务(县政务办负责)",
        "(一)县发改局(2项)\n1.完成投资增长10%。\n2.推进项目建设(县财政局配合)。\n"
        "(二)县交通运输局牵头事项\n3.建设农村公路100公里。\n(三)其他工作\n4.优化服务(县政务办负责)",
    ],
)
def test_a_heading_that_names_a_unit_makes_it_lead_its_items(text: str) -> None:
    doc = parse(text)
    assert table(doc) == [
        ("1", "县发改局", "lead"),
        ("2", "县发改局", "lead"),
        ("2", "县财政局", "co"),
        ("3", "县交通运输局", "lead"),
        ("4", "县政务办", "co"),
    ]
    assert len(doc.report.headings) == 3


# 8. Traditional characters, read through a conversion library, kept in raw.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.推進城市更新(市住建局牽頭,市財政局配合)\n2.加強生態保護(市生態環境局負責)",
            [("1", "市住建局", "lead"), ("1", "市財政局", "co"), ("2", "市生態環境局", "co")],
        ),
        ("序號\t項目名稱\t責任單位\n1\t建設學校\t縣教體局", [("1", "縣教體局", "co")]),
    ],
)
def test_traditional_characters(text: str, expected: list) -> None:
    doc = parse(text)
    assert table(doc) == expected
    assert doc.report.traditional
    assert doc.assignments["unit"].iloc[0] in {"市住建局", "县教体局"}


# 9. Web copies: a page on one line, navigation around, a title over two lines, 相关乡镇办.
def test_a_page_on_one_line_with_navigation() -> None:
    doc = parse(
        "首页 > 政务公开 > 通知公告 索引号 | 001-2023 | 发布机构 | 某县政府\n"
        "某县人民政府关于印发2023年\n重点工作任务分解的通知\n"
        "1.新建学校3所 县教育局、县住建局 2.改造道路10条 县交通运输局、相关乡镇办 3.完成植树造林 县林业局"
    )
    assert table(doc) == [
        ("1", "县教育局", "co"),
        ("1", "县住建局", "co"),
        ("2", "县交通运输局", "co"),
        ("2", "相关乡镇办", "co"),
        ("3", "县林业局", "co"),
    ]
    assert doc.meta["notice_title"] == "某县人民政府关于印发2023年重点工作任务分解的通知"
    assert doc.meta["issuer"] == "某县政府"  # from the page's metadata table
    assert (
        doc.assignments.loc[doc.assignments["raw"] == "相关乡镇办", "kind"].iloc[0] == "collective"
    )


# 10. Word's automatic numbering: the numbers live in the numbering definitions, not the text.
def test_word_automatic_numbering_gives_the_item_numbers() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县2023年民生实事")
    for text in (
        "新建学校3所(县教育局负责)",
        "改造道路(县交通运输局、县财政局负责)",
        "完成造林(县林业局负责)",
    ):
        document.add_paragraph(text, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = parse_bytes(buffer.getvalue(), "list.docx")
    assert doc.items["item_label"].tolist() == ["1", "2", "3"]
    assert table(doc) == [
        ("1", "县教育局", "co"),
        ("2", "县交通运输局", "co"),
        ("2", "县财政局", "co"),
        ("3", "县林业局", "co"),
    ]


def test_one_rule_table_gives_a_co_column_its_role_however_the_row_is_read() -> None:
    """A 配合单位 column is co whether its row is read by position or, when the task wraps over
    two lines, by content (the two readings used to disagree under a legend: its first unit led)."""
    header = "列第一位者为牵头单位。\n序号\n工作任务\n责任单位\n配合单位\n"
    by_position = parse(header + "1\n新建学校\n市教育局、市住建局\n市财政局、市人社局")
    wrapped = parse(
        header + "1\n新建学校,完成主体工程\n并交付使用\n市教育局、市住建局\n市财政局、市人社局"
    )
    expected = [
        ("1", "市教育局", "lead"),
        ("1", "市住建局", "co"),
        ("1", "市财政局", "co"),
        ("1", "市人社局", "co"),
    ]
    assert table(by_position) == table(wrapped) == expected


def test_headings_that_own_no_units_are_reported_not_lost() -> None:
    from lib.write.report import report_text

    doc = parse("一、总体要求\n坚持稳中求进。\n二、交通出行\n1.新建道路(市交通局负责)")
    assert doc.report.headings == (
        "一、总体要求坚持稳中求进。",
        "二、交通出行",
    )  # with the text under it
    assert "未写责任单位的编号标题" in report_text(doc)


def test_two_lists_in_one_file_are_both_read() -> None:
    doc = parse(
        "某县人民政府关于印发两个清单的通知\n一、高度重视。各单位要认真落实。\n"
        "附件1\n2023年民生实事\n1.建学校(县教育局负责)\n2.修路(县交通局负责)\n"
        "附件2\n2023年重点工作\n1.招商(县商务局负责)\n2.环保(县环保局负责)"
    )
    assert table(doc) == [
        ("1", "县教育局", "co"),
        ("2", "县交通局", "co"),
        ("1", "县商务局", "co"),
        ("2", "县环保局", "co"),
    ]
    assert doc.report.numbering_problems == ()  # the second list starts again at 1


def test_a_title_in_a_web_table_cell_loses_the_cell_end() -> None:
    doc = parse(
        "附件:\n|\n某县2024年十大民生实事项目清单 |\n序号 |\n项目名称 |\n责任单位 |\n1 |\n建设学校 |\n教体局 |"
    )
    assert doc.meta["title"] == "某县2024年十大民生实事项目清单"
    assert table(doc) == [("1", "教体局", "co")]


def test_a_task_line_that_ends_like_a_unit_is_not_one() -> None:
    """开工建设老年大学 ends like a unit (大学) but starts like a task (data/task_verbs.csv)."""
    doc = parse("序号\n民生实事\n责任单位\n1\n开工建设县老年养护楼\n开工建设老年大学\n县民政局")
    assert table(doc) == [("1", "县民政局", "co")]


@pytest.mark.parametrize(
    ("text", "task"),
    [
        (
            "序号\n主要工作\n责任单位\n1\n推进C项目建设\n▲教体局\n同步推进D项目前期研究\n2\n推进E项目\n▲卫健局",
            "推进C项目建设 同步推进D项目前期研究",
        ),
        (
            "1.推进重大项目建设。(牵头单位:市发改局)\n(1)完成污水处理厂主体工程\n(2)开工建设医院\n2.稳定就业。(牵头单位:市人社局)",
            "推进重大项目建设。 (1)完成污水处理厂主体工程 (2)开工建设医院",
        ),
        (
            "1.推进重大项目建设。(牵头单位:市发改局)\n①完成污水处理厂主体工程\n②开工建设医院\n2.稳定就业。(牵头单位:市人社局)",
            "推进重大项目建设。 ①完成污水处理厂主体工程 ②开工建设医院",
        ),
    ],
)
def test_remarks_and_sub_items_stay_with_their_item(text: str, task: str) -> None:
    """A line after the units and sub-items (1)(2) without units of their own are the item's text,
    never dropped and never taken for sections."""
    doc = parse(text)
    assert doc.items["task"].iloc[0] == task
    assert len(doc.items) == 2 and set(doc.items["section"]) == {""}


@pytest.mark.parametrize(
    "cell",
    [
        # labelled with the duties alone: the labels are no part of the units' names
        "牵头：市园林局；配合：市财政局、市自然资源局",
        "牵头:市园林局 配合:市财政局 市自然资源局",
        "牵头：市园林局\n协办：市财政局、市自然资源局",
        # 为牵头单位 says the duty, it is no unit
        "市园林局为牵头单位，市财政局、市自然资源局为配合单位",
        "市园林局为牵头部门；市财政局、市自然资源局为配合部门",
    ],
)
def test_the_duties_written_in_a_units_cell(cell: str) -> None:
    """A units cell that says each unit's duty in words (牵头：X；配合：Y, X为牵头单位) reads as
    牵头单位：X；配合单位：Y does."""
    data = builders.xlsx(
        title="2024年重点工作",
        header=["序号", "工作任务", "责任单位"],
        rows=[["1", "新建城市公园20个", cell]],
    )
    doc = parse_bytes(data, "x.xlsx")
    assert [(a.unit, a.role) for a in doc.assignments.itertuples()] == [
        ("市园林局", "lead"),
        ("市财政局", "co"),
        ("市自然资源局", "co"),
    ]
