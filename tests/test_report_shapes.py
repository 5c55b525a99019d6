"""Shapes of real progress reports the reader met on pages it had never seen: a table whose
number is written at the head of the task after a section cell, a header cell wrapped over two
lines, a completion column in (%), numbers glued to the task, labelled fields with a table
glued after them. Each is a rule of the general reader, tested here on made-up text."""

from __future__ import annotations

import re

import pytest

from lib.analyse.progress import column_role, judge, progress_rows, read_progress, reporting_period
from lib.parse.blocks import Block
from lib.parse.errors import ListError
from lib.parse.headers import header_role
from lib.parse.pipeline import parse_bytes
from lib.parse.spaced import glued_table


def units_of(doc) -> dict[str, list[str]]:
    labels = dict(zip(doc.items["item_no"], doc.items["item_label"].astype(str)))
    return {labels[no]: list(group["unit"]) for no, group in doc.assignments.groupby("item_no")}


def test_a_section_cell_before_a_numbered_task_is_a_section() -> None:
    text = (
        "类别 | 民生事项名称 | 年度任务目标 | 责任单位 | 1-9月份工作完成情况 |\n"
        "四、教育文化 | 14.改扩建第一中学 | 完成主体建设 | 教育体育局 | 主体完工 |\n"
        "15.建设塑胶运动场 | 建成13处 | 教育体育局 | 完成基础施工 |\n"
        "五、卫生健康 | 16.新建社区卫生服务站 | 建成5个 | 卫生健康局 | 已建成3个 |\n"
    )
    doc = parse_bytes(text.encode(), "table.txt")
    assert list(doc.items["item_label"]) == ["14", "15", "16"]
    assert list(doc.items["section"]) == ["教育文化", "教育文化", "卫生健康"]
    assert units_of(doc) == {"14": ["教育体育局"], "15": ["教育体育局"], "16": ["卫生健康局"]}
    assert doc.items["task"].iloc[0].startswith("改扩建第一中学")


def test_a_header_cell_wrapped_over_two_lines_and_a_rate_column_in_percent() -> None:
    assert header_role("牵头市领导") == "leader" and header_role("形象进度(%)") == "note"
    assert column_role("形象进度(%)") == "rate"
    cells = ["序号", "目标任务", "牵头", "市领导", "责任单位", "进展情况", "形象进度(%)"]
    rows = [
        ["1", "新建充电桩350个", "张 三", "市发改局", "新建99个。", "28%"],
        ["2", "新建青少年宫13家", "李四", "团市委", "已确定13家。", "45%"],
    ]
    text = "2025年民生实事项目进展情况(截至5月15日)\n\n" + "\n\n".join(
        cells + [c for row in rows for c in row]
    )
    doc = parse_bytes(text.encode(), "cells.txt")
    assert units_of(doc) == {"1": ["市发改局"], "2": ["团市委"]}
    assert list(doc.items["leaders"]) == ["张三", "李四"]
    status = dict(zip(*progress_rows(doc)[["item_label", "status"]].T.values))
    assert status == {"1": "behind", "2": "on_track"}  # 28% and 45% against 5/12 of the year


def test_numbers_glued_to_tasks_that_start_with_a_verb() -> None:
    text = (
        "一、就业创业工程\n1优化就业服务\n牵头单位:市人社局\n完成情况:达到序时进度\n"
        "2加快市场主体培育\n牵头单位:市工商局\n完成情况:达到序时进度\n"
        "二、交通工程\n1新建公交站台\n牵头单位:市交通局\n"
    )
    doc = parse_bytes(text.encode(), "glued.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "1"]
    assert list(doc.assignments["unit"]) == ["市人社局", "市工商局", "市交通局"]
    # a year or a measure after the number is no item
    doc = parse_bytes("一、工作\n1优化服务\n牵头单位:市人社局\n2022年完成\n".encode(), "y.txt")
    assert len(doc.items) == 1


def test_a_labelled_units_field_ends_where_a_glued_table_begins() -> None:
    text = (
        "1.新辟公交线路10条。 牵头领导:王五 责任单位:市交通委 项目责任人:赵六 "
        "配合单位:市公安局、各区政府 东区 西区 合计 年度目标 2 5 7 实际完成 1 2 3 "
        "实际完成情况:已开通6条。\n"
        "2.新增公共自行车3000辆。 牵头领导:王五 责任单位:市交通委 实际完成情况:已投放1800辆。\n"
    )
    doc = parse_bytes(text.encode(), "fields.txt")
    assert units_of(doc) == {"1": ["市交通委", "市公安局", "各区政府"], "2": ["市交通委"]}
    notes = doc.notes[doc.notes["header"] == "实际完成情况"]
    assert list(notes["text"]) == ["已开通6条", "已投放1800辆"]
    glued = doc.notes[doc.notes["header"] == ""]["text"].iloc[0]
    assert glued.startswith("东区 西区 合计")  # kept, not lost


def test_a_table_of_one_cell_a_line_with_units_over_several_lines() -> None:
    """Units one a line in their cell, a measure wrapped under its header word, circled parts
    and an amount inside a row: one item each, every unit read."""
    lines = [
        "2025年民生实事项目进展情况表(截至5月31日)",
        "序号", "项目名称", "责任单位", "开工", "时间", "总投资", "(万元)", "项目进展情况",
        "1", "完整社区建设项目", "市住建局", "甲区政府", "乙区政府", "2025年3月", "23000",
        "①甲区项目正在施工。②乙区项目已全面完工。",
        "2", "打通断头路项目", "市城管局", "市城发集团", "2024年7月", "7300",
        "①南侧道路已通车。②立交工程正在施工。",
    ]  # fmt: skip
    doc = parse_bytes("\n\n".join(lines).encode(), "cells.txt")
    assert list(doc.items["item_label"]) == ["1", "2"]
    assert units_of(doc) == {
        "1": ["市住建局", "甲区政府", "乙区政府"],
        "2": ["市城管局", "市城发集团"],
    }
    notes = doc.notes[doc.notes["item_no"] == 1].set_index("header")["text"].to_dict()
    assert notes["总投资(万元)"] == "23000"
    assert notes["项目进展情况"].startswith("①甲区项目")


def test_a_row_with_more_lines_than_columns_keeps_the_rest_as_a_note() -> None:
    lines = [
        "序号 |", "项目名称 |", "牵头 领导 |", "牵头单位 |", "责任单位 |", "进展情况 |",
        "1 |", "医卫基础设施建设工程 |", "杨 宜 |", "慈化镇 |", "|", "已完工。 |",
        "逐步提升乡镇卫生院建设水平。 |",
    ]  # fmt: skip
    doc = parse_bytes("\n".join(lines).encode(), "rest.txt")
    assert units_of(doc) == {"1": ["慈化镇"]}
    assert doc.items["leaders"].iloc[0] == "杨宜"
    notes = dict(zip(doc.notes["header"], doc.notes["text"]))
    assert notes["进展情况"] == "已完工。"
    assert "逐步提升乡镇卫生院建设水平" in notes[""]


def test_what_follows_an_items_units_group_is_its_progress() -> None:
    text = (
        "截止2019年12月31日,十件实事全面完成。\n"
        "一、减少农村扶贫对象6.76万人。(责任单位:市扶贫办,各县区政府)该件实事已全面完成\n"
        "二、解决6万人农村饮水安全问题。(责任单位:市水务局)\n此项工作已完成。解决6.007万人。\n"
    )
    doc = parse_bytes(text.encode(), "after.txt")
    rows = progress_rows(doc, text.splitlines()[:1]).set_index("item_label")
    assert str(rows.loc["一", "period_end"]) == "2019-12-31"  # 截止 as 截至
    assert rows.loc["一", "status"] == "done" and rows.loc["一", "status_source"] == "phrase"
    assert rows.loc["二", "status"] == "done"  # a whole year's report, progress written
    assert doc.items["task"].iloc[0].startswith("减少农村扶贫对象6.76万人")


def test_several_targets_the_one_furthest_behind_decides_and_wan_is_worked_out() -> None:
    from lib.analyse.progress import judge, reporting_period

    half = reporting_period(["截至6月20日"], "2018")
    targets = "新增屋顶光伏装机5万千瓦,家庭屋顶光伏1.2万户"
    one_reached = judge(
        ["已新增屋顶光伏装机5.009万千瓦,家庭屋顶光伏6232户"], [], [], half, "", targets
    )
    assert one_reached.status == "on_track"  # 6232 of 12000 after six months, not done
    assert "1.2万户" in one_reached.evidence
    moved = judge(["已完成搬迁20612人,完成率137%"], [], [], half, "", "完成生态搬迁1.5万人")
    assert moved.status == "done" and moved.source == "figures"
    behind = judge(["家庭屋顶光伏3000户"], [], [], half, "", targets)
    assert behind.status == "behind"


def test_a_units_cell_cut_off_inside_a_sentence_is_no_unit() -> None:
    """The last row of a copy cut inside its progress cell: the words left are no unit."""
    text = (
        "序号 | 事项名称 | 任务目标 | 进展情况 | 责任单位 | 完成情况 |\n"
        "1 | 粮库扩建项目 | 新增1.6万吨储备 | 主体完工 | 发改局 | 已完成二季度任务 |\n"
        "2 | 城市大脑建设项目 | 建成平台 | 按照城市大脑建设工作领导小组办公\n"
    )
    doc = parse_bytes(text.encode(), "cut.txt")
    assert units_of(doc) == {"1": ["发改局"]}


def test_a_units_cell_merged_over_rows_is_taken_from_the_row_above() -> None:
    """A web table's units cell spanning rows is written once: the rows under it are a cell
    short, their progress standing where the units stood; they take the units above, and the
    report says so."""
    text = (
        "序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况 |\n"
        "1 | 接种流感疫苗2万人。 | 制定方案。 | 县卫生健康局 | 已制定方案。 |\n"
        "2 | 开展结直肠癌筛查7400人。 | 完成筛查1480人。 | 完成筛查3495人。 | |\n"
        "3 | 培训应急救护人员235人。 | 培训65人。 | 县红十字会 | 已培训188人。 |\n"
    )
    doc = parse_bytes(text.encode(), "merged.txt")
    assert units_of(doc) == {"1": ["县卫生健康局"], "2": ["县卫生健康局"], "3": ["县红十字会"]}
    notes = doc.notes[doc.notes["item_no"] == 2].set_index("header")["text"].to_dict()
    assert notes["落实情况"] == "完成筛查3495人。"
    assert any("第2项" in line and "上一行" in line for line in doc.report.read_as)


def test_a_header_line_keeps_its_last_columns_though_unknown() -> None:
    text = (
        "项 目 内 容 | 8月计划进度 | 实际进度情况 | 完成率 | 责任 单位 | 具体分管领导 |\n"
        "(1)新建公助园8所。 | 印发文件。 | 新吸收8所。 | 100% | 市教育局 | 王五 |\n"
        "(2)组建教共体70对。 | 开展活动。 | 完成126节。 | 72% | 王六 |\n"
    )
    doc = parse_bytes(text.encode(), "leaders.txt")
    assert units_of(doc) == {"(1)": ["市教育局"], "(2)": ["市教育局"]}
    assert list(doc.items["leaders"]) == ["王五", "王六"]


def test_measures_on_rows_without_a_number_join_the_item_and_count() -> None:
    """An item's further measures on rows of their own (no number, no unit): their targets and
    progress join the item's, and every measure must be reached for the item to be done; a
    count reached while the works stand at 85% is not done."""
    text = (
        "截至9月底民生实事进展\n"
        "序号 | 项目内容 | 进展情况 | 责任单位 |\n"
        "1 | 新建成成长驿站7家。 | 新建13家成长驿站。 | 卫生健康局 |\n"
        "新增照护托位500个。 | 新增照护托位600个。 | ||\n"
        "2 | 新建成保障性住房1700套。 | 新建成保障性住房1721套,已完成总工程量的85%。 | 住建局 |\n"
        "完成公共租赁住房保障家庭800户。 | 完成公共租赁住房保障家庭872户。 | ||\n"
    )
    doc = parse_bytes(text.encode(), "measures.txt")
    assert units_of(doc) == {"1": ["卫生健康局"], "2": ["住建局"]}
    first = doc.notes[doc.notes["item_no"] == 1]["text"].iloc[0]
    assert first == "新建13家成长驿站。;新增照护托位600个。"
    rows = progress_rows(doc, ["截至9月底民生实事进展"], "2022").set_index("item_label")
    assert rows.loc["1", "status"] == "done"
    assert rows.loc["2", "status"] == "on_track" and "85%" in rows.loc["2", "evidence"]


def test_a_table_of_one_cell_a_line_with_merged_and_wrapped_cells() -> None:
    """One cell a line: the units cell spans rows (written once), a unit's name wraps over two
    lines, a units cell runs on after 、, a number carries a footnote star, and the header's
    units column is 市级牵头 / 责任单位 over two lines: each row is laid into the columns by
    what its lines hold."""
    text = "\n\n".join(
        [
            "序号", "项目内容", "目标任务", "市级牵头", "责任单位", "进度", "备注",
            "1", "城镇新增就业(人)", "26000", "市人力资源", "社会保障局", "32095", "超额完成",
            "2", "城镇失业人员再就业(人)", "4000", "4934", "超额完成",
            "3", "给予创业补贴", "应补尽补", "市人力资源社会保障局、市教体局、", "团市委",
            "发放补贴262万元。", "达到时间进度",
            "4*", "开展农村青年技能培训(人)", "400", "团市委", "1876", "超额完成",
            "5", "对贫困家庭发展产业给予贷款",
        ]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "one_cell_a_line.txt")
    assert units_of(doc) == {
        "1": ["市人力资源社会保障局"],
        "2": ["市人力资源社会保障局"],
        "3": ["市人力资源社会保障局", "市教体局", "团市委"],
        "4*": ["团市委"],  # the number as written, its star kept
    }
    leads = doc.assignments[doc.assignments["role"] == "lead"]
    # 牵头责任单位: the first unit of a cell leads
    assert list(leads["unit"]) == ["市人力资源社会保障局"] * 3 + ["团市委"]
    notes = doc.notes[doc.notes["item_no"] == 2].set_index("header")["text"].to_dict()
    assert notes == {"进度": "4934", "备注": "超额完成"}
    assert any("第2项" in line and "上一行" in line for line in doc.report.read_as)


def test_a_units_column_naming_its_heads_and_a_leading_status_sentence() -> None:
    """牵头单位及主要负责人: the head's name beside the unit is no unit (kept as a note); a
    progress cell opening with 已完成。 is done, unless a column plans the period's work (then
    it is that plan done)."""
    text = (
        "大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |\n"
        "一、民生保障 | 1 | 提高低保标准到609元。 | 陈三 | 市民政局 伍四 | 已完成。 从1月1日起提高到616元。 |\n"
        "2 | 提高孤儿养育标准。 | 陈三 | 市民政局 伍四 | 正在推进。 |\n"
    )
    doc = parse_bytes(text.encode(), "heads.txt")
    assert units_of(doc) == {"1": ["市民政局"], "2": ["市民政局"]}
    notes = doc.notes[doc.notes["item_no"] == 1].set_index("header")["text"].to_dict()
    assert notes["牵头单位及 主要负责人"] == "伍四"
    rows = progress_rows(doc).set_index("item_label")
    assert rows.loc["1", "status"] == "done" and rows.loc["2", "status"] == "on_track"
    planned = text.replace("工作任务 |", "工作任务 | 月度工作计划 |").replace(
        "元。 | 陈三", "元。 | 制定方案。 | 陈三"
    )
    planned = planned.replace("标准。 | 陈三", "标准。 | 印发文件。 | 陈三")
    rows = progress_rows(parse_bytes(planned.encode(), "planned.txt")).set_index("item_label")
    assert rows.loc["1", "status"] == "on_track"


def test_items_under_a_heading_that_names_their_status() -> None:
    """A 督查通报 lists the items behind under a line that says so: the items take that status
    (said to come from the heading), each list its own section, numbering starting again."""
    text = (
        "关于2021年重点工作三季度完成情况的通报\n"
        "现将有关情况通报如下:\n"
        "2项进展偏慢的重点工作为:\n"
        "①实现“小升规”60家(责任单位:市经信局);\n"
        "②完成老旧小区改造9.5万平方米(责任单位:市住建局)。\n"
        "1项已完成全年目标的民生实事项目为:\n"
        "①建设智能“阳光厨房”32家(责任单位:市市场监管局)。\n"
    )
    doc = parse_bytes(text.encode(), "tongbao.txt")
    assert list(doc.items["section"]) == ["2项进展偏慢的重点工作为"] * 2 + [
        "1项已完成全年目标的民生实事项目为"
    ]
    assert not doc.report.numbering_problems
    rows = progress_rows(doc)
    assert list(rows["status"]) == ["behind", "behind", "done"]
    assert set(rows["status_source"]) == {"heading"}


def test_a_star_before_a_unit_marks_it_lead_and_collaborating_units_are_co() -> None:
    """``*区发改局、*区财政局、区商务局``: the starred units lead (as ★); 协同责任单位 is a
    column of co units and 牵头负责领导 names a person."""
    text = "\n\n".join(
        ["序号", "目标任务", "责任单位", "进展情况",
         "1", "新建停车位1万个", "*区住建局、区城管局", "已建成6000个",
         "2", "清除淤泥300万立方米", "*区城管局、*区农业农村局", "已完成"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "stars.txt")
    roles = doc.assignments.set_index(["item_no", "unit"])["role"].to_dict()
    assert roles == {
        (1, "区住建局"): "lead",
        (1, "区城管局"): "co",
        (2, "区城管局"): "lead",
        (2, "区农业农村局"): "lead",
    }
    labelled = (
        "1. 地区生产总值增长8%以上。\n牵头负责领导:金力。\n牵头责任单位:市发展改革委。\n"
        "协同责任单位:市经信局、市商务局,各县、市、区政府。\n"
        "2. 财政收入增长5%。\n牵头负责领导:金力。\n牵头责任单位:市财政局。\n协同责任单位:市税务局。\n"
    )
    doc = parse_bytes(labelled.encode(), "labels.txt")
    rows = list(doc.assignments[["item_no", "raw", "role"]].itertuples(index=False, name=None))
    assert rows == [
        (1, "市发展改革委", "lead"),
        (1, "市经信局", "co"),
        (1, "市商务局", "co"),
        (1, "各县、市、区政府", "co"),
        (2, "市财政局", "lead"),
        (2, "市税务局", "co"),
    ]
    assert list(doc.items["leaders"]) == ["金力", "金力"]


def test_a_header_naming_the_level_of_its_units_and_leaders() -> None:
    """区责任单位, 市级牵头责任单位, 区领导: the level of government aside, the column's role."""
    assert header_role("区责任单位") == "units" and header_role("市牵头单位") == "lead"
    assert header_role("市级牵头责任单位") == "lead_units" and header_role("区领导") == "leader"
    assert header_role("区域") is None and header_role("市场") is None


def test_numbered_points_inside_a_cell_of_a_table_whose_numbers_stand_alone() -> None:
    """One cell a line, each row's number alone on its line: ``1.`` ``2.`` points inside the
    progress cell are no items; a units cell over two lines after 、; a 进展状态 column; a row
    cut short before its units has none (its points are not units)."""
    text = "\n\n".join(
        [
            "序号", "主要工作任务", "进展情况", "牵头部门", "进展状态",
            "1", "建设一批交通基础设施项目。", "1.排定85个重点项目,完成投资110亿元。",
            "2.新区完成工业投入41亿元。", "3.道路完成初步设计。", "某某县政府、", "市发展办",
            "按时推进",
            "2", "深化改革试点。", "1.推出首批20项公共服务项目清单。",
            "2.公共数据平台建设列入全省试点。", "3.推进32项制度成果落地,推出",
        ]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "points.txt")
    assert list(doc.items["item_label"]) == ["1", "2"]
    assert units_of(doc) == {"1": ["某某县政府", "市发展办"]}
    rows = progress_rows(doc).set_index("item_label")
    assert rows.loc["1", "status"] == "on_track" and rows.loc["1", "status_source"] == "column"


def test_a_cell_listing_points_a_line_and_a_half_year_report() -> None:
    """One cell a line, a target cell listing its points one a line (全年: / 1. / 2.): the
    points make one cell, so the next line is the progress; a unit with its other name in
    brackets (市府办(市大数据局)) is a unit; 半年度完成情况 reports on the first half."""
    text = "\n\n".join(
        [
            "2020年度市政府重点工作任务半年度完成情况",
            "序号", "任务内容", "责任单位", "半年度目标任务", "半年度完成情况",
            "1", "做好疫情防控。", "市防控办,各县(区)政府", "全年:", "1.建立常态化防控机制。",
            "2.全面提升检测能力。", "3.守好海上大门。", "完成半年度目标。",
            "2", "加快数字城市建设。", "市发改委、市府办(市大数据局)", "1.拟定招标方案。",
            "2.开通基站900个以上。", "进度滞后。",
        ]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "points_a_line.txt")
    assert units_of(doc) == {"1": ["市防控办", "各县(区)政府"], "2": ["市发改委", "市府办"]}
    rows = rows.set_index("item_label")
    assert str(rows.loc["1", "period_end"])[:10] == "2020-06-30"
    assert rows.loc["1", "status"] == "on_track" and rows.loc["2", "status"] == "behind"
    assert "完成半年度目标" in rows.loc["1", "progress_text"]


def test_a_row_closed_by_its_bar_whose_cell_breaks_over_lines() -> None:
    """Rows one a line, each closed by a |: a row line without it goes on in the next lines
    (its cell's points 2. 3. are no items); the copy ending inside a row leaves that item's
    status unknown, whatever its figures say; at the year's end a growth target reached is
    done."""
    text = (
        "2023年重点工作完成情况\n"
        "序号 | 重点工作 | 牵头单位 | 完成情况 |\n"
        "1 | 实施创新策源工程,推动项目建设。 | 区科技局 | 1.8个项目列入省强基工程。\n"
        "2.推动大科学计划落户。\n"
        "3.总部均已建成。 |\n"
        "2 | 工业投资增长20%以上。 | 区经信委 | 完成工业投资35亿元、同比增长29.7%。 |\n"
        "3 | 打造示范标杆学校20所。 | 区教育局 | 新增省现代化学校10所,新增"
    )
    doc, rows = read_progress(text.encode(), "closed_rows.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "3"]
    assert units_of(doc) == {"1": ["区科技局"], "2": ["区经信委"], "3": ["区教育局"]}
    assert doc.report.incomplete_items == ("3",)
    rows = rows.set_index("item_label")
    assert "3.总部均已建成" in rows.loc["1", "progress_text"]
    assert rows.loc["2", "status"] == "done" and rows.loc["2", "status_source"] == "figures"
    assert rows.loc["3", "status"] == "unknown" and rows.loc["3", "status_source"] == "cut"


def test_a_report_naming_no_units_its_header_and_headings() -> None:
    """A progress table without a units column still has a header (序号 / 工作事项 /
    进展情况); in a report naming no units, (一) lines each above a run 1、2、 are headings,
    and a heading that says the items under it are done (完成事项情况) is their status."""
    table = (
        "序号 | 工作事项 | 进度安排 | 进展情况 | 完成情况 |\n"
        "1 | 启动综合体建设。 | 3月底前完成设计。 | 已完成设计招标。 | 达序推进 |\n"
        "2 | 壮大金融服务业。 | 召开联席会议。 | 已召开会议。 | 进度滞后 |\n"
    )
    rows = read_progress(table.encode(), "no_units.txt")[1].set_index("item_label")
    assert list(rows["status"]) == ["on_track", "behind"]
    prose = (
        "关于2017年为民办好10件实事落实情况的调查报告\n"
        "截止2017年12月底,10件实事大多数已经完成。\n"
        "(一)完成事项情况\n"
        "1、创业就业工程:全年新增就业9789人。\n"
        "2、基础设施建设:投资520万元翻修道路。\n"
        "(二)未完成事项情况\n"
        "1、老旧小区改造:完成12个小区。\n"
    )
    doc, rows = read_progress(prose.encode(), "headings.txt")
    assert list(doc.items["section"]) == ["完成事项情况", "完成事项情况", "未完成事项情况"]
    assert list(rows["status"]) == ["done", "done", "behind"]
    assert set(rows["status_source"]) == {"heading"}


def test_a_notice_naming_the_items_by_their_number() -> None:
    """A 督查通报 in running text naming the list's items by number (第五项): each is read
    with the words after it as its progress and the sentence introducing it as its section;
    an item listed under 滞后项目 is behind though its words say 正在推进."""
    text = (
        "区政府督查室对2022年为民办实事项目1-8月份进展情况进行跟踪督查。\n"
        "一、省市两级为民办实事\n"
        "涉及我区共38项,其中2项已完成,分别是:建设垃圾分类屋(亭)(第二十一项)、"
        "道路交通安全隐患整治(第三十二项)。\n"
        "滞后项目:一是实施照明改造工程(第三项)正在开展编制招标文件;二是综合治理海漂垃圾"
        "(第二十三项)建设2公里未启动;三是城乡福道建设(第二十八项)征迁正在推进。\n"
    )
    doc, rows = read_progress(text.encode(), "notice.txt")
    assert list(doc.items["item_label"]) == [
        "第二十一项",
        "第三十二项",
        "第三项",
        "第二十三项",
        "第二十八项",
    ]
    assert doc.items["task"].iloc[0] == "建设垃圾分类屋(亭)"
    assert list(rows["status"]) == ["done", "done", "behind", "not_started", "behind"]
    assert str(rows["period_end"].iloc[0])[:10] == "2022-08-31"
    assert any("第N项" in line for line in doc.report.read_as)


def test_rows_without_a_number_under_a_group_in_a_table_of_one_cell_a_line() -> None:
    """No number column: a group's first row carries (一) and the group's name, the rows under
    it nothing; each row is found where its units columns fall, and a unit's name broken over
    two lines that the row writes whole elsewhere is one name. A year written straight before
    its quarter (2020第四季度) dates the report; 全年数据未出 alone says nothing of the status."""
    text = "\n\n".join(
        [
            "2020第四季度政府工作报告重点任务目标执行情况",
            "项目名称", "项目内容", "牵头单位", "责任单位", "目前进展情况",
            "(一)", "经济社会发展主要预期目标", "地区生产总值增长6.5%以上", "区发改局",
            "区发改局、各街道", "全年数据未出",
            "财政收入与经济增长基本同步", "区财政局", "区财政局、各街道", "已完成",
            "环境保护确保完成市下达目标任务", "生态环境", "拱墅分局", "生态环境拱墅分局、区治水办",
            "1-12月,大气环境优良率91.5%。",
            "(二)", "支持实体企业发展", "落实减税降费等重大政策", "区发改局", "区发改局、区科技局",
            "积极进行政策宣传指导。",
        ]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "groups.txt")
    assert list(doc.items["item_label"]) == ["(一)", "", "", "(二)"]
    assert [set(units) for units in units_of_items(doc)] == [
        {"区发改局", "各街道"},
        {"区财政局", "各街道"},
        {"生态环境拱墅分局", "区治水办"},
        {"区发改局", "区科技局"},
    ]
    leads = doc.assignments[doc.assignments["role"] == "lead"]
    assert set(leads["unit"]) >= {"区财政局", "生态环境拱墅分局"}
    assert str(rows["period_end"].iloc[0])[:10] == "2020-12-31"
    assert list(rows["status"])[:2] == ["unknown", "done"]


def units_of_items(doc) -> list[list[str]]:
    return [list(group["unit"]) for _, group in doc.assignments.groupby("item_no")]


def test_a_list_with_a_group_column_leaders_one_a_line_and_a_mirrors_pinyin() -> None:
    """One cell a line under 项目 / 重点工作 / 牵头领导 / 牵头单位 / 主要参与单位: the 项目 cell
    (written once for its group) is the rows' section, not their task; two leaders one a line;
    a sub-office wrapped onto its own line; 各平台、镇街 one collective; a mirror's pinyin after
    rarer characters (區(qū)) is no part of a name; a branch's name broken over two lines."""
    text = "\n\n".join(
        [
            "序号", "项目", "重点工作", "牵头领导", "牵头单位", "主要参与单位",
            "1", "厚植创新发展源动力", "建设城西科创大走廊核心区。", "梅建胜", "区(qū)科技局",
            "区(qū)发改局、未来科技城",
            "2", "深挖名校名院名企资源,构建技术创新中心体系。", "顾国煜", "区(qū)科技局",
            "各平台、镇(zhèn)街",
            "3", "新增上市企业7家以上。", "姚文华", "顾 斌", "区发改局", "(区金融办)", "区经信局",
            "区科技局、区财政局,各平台、镇街",
        ]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "groups_and_leaders.txt")
    assert list(doc.items["section"]) == ["厚植创新发展源动力"] * 3
    assert doc.items["task"].iloc[0] == "建设城西科创大走廊核心区。"
    assert units_of(doc) == {
        "1": ["区科技局", "区发改局", "未来科技城"],
        "2": ["区科技局", "各平台、镇街"],
        "3": ["区发改局", "区经信局", "区科技局", "区财政局", "各平台、镇街"],
    }
    assert doc.items["leaders"].iloc[2] == "姚文华、顾斌"
    each = doc.assignments[doc.assignments["unit"] == "各平台、镇街"]
    assert len(each) and (each["kind"] == "collective").all()  # a collective, not a unit


def test_the_notices_signature_is_no_units_of_its_last_paragraph() -> None:
    """The notice's numbered paragraphs, its signature (an office above a date), then the list:
    the office that signs is no unit of the paragraph above it."""
    text = (
        "各街道办事处,区人民政府各部门:\n"
        "一、各责任单位要高度重视,制订工作方案。\n"
        "二、各责任单位每季度报送进展情况。\n"
        "某某区人民政府办公室\n"
        "2023年1月3日\n"
        "2023年主要目标任务责任分解方案\n"
        "(一)地区生产总值增长7%以上\n"
        "责任单位:区发展和改革局\n"
        "(二)规上工业增加值增长12%以上\n"
        "责任单位:区科技和经信局\n"
    )
    doc = parse_bytes(text.encode(), "signed.txt")
    assert units_of(doc) == {"(一)": ["区发展和改革局"], "(二)": ["区科技和经信局"]}


def test_further_rows_of_an_item_a_few_cells_short_and_units_one_a_line() -> None:
    """A row without a number under an item (another indicator) that leaves out the merged
    cells is laid by what its cells hold; a 累计进度 column of percentages is a completion
    rate; a table with single spaces whose units cell goes on one unit a line; a unit's other
    name in brackets on a line of its own."""
    table = (
        "2024年1-9月民生实事实施进展情况\n"
        "序号 | 项目名称 | 目标任务 | 牵头单位 | 累计完成 | 累计进度 | 备注 | |\n"
        "1 | 促进重点群体稳定就业 | 城镇新增就业2450人 | 县人社局 | 2712 | 110.69% | ||\n"
        "充分就业社区6个 | 6 | 100% | |||||\n"
        "2 | 放心家政行动 | 培训家政服务人员1185人次 | 科商经信局 | 500 | 42% | ||\n"
    )
    doc, rows = read_progress(table.encode(), "further_rows.txt")
    assert units_of(doc) == {"1": ["县人社局"], "2": ["科商经信局"]}
    rows = rows.set_index("item_label")
    assert rows.loc["1", "status"] == "done" and rows.loc["2", "status"] == "behind"
    spaced = (
        "序号 目标任务 责任单位 上半年推进情况\n"
        "1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。\n"
        "2 第一产业增加值增长5%。 区农业农村委\n区林业局\n区供销联社\n第一产业增加值同比增长3.4%。\n"
        "3 规上工业增加值增长3.5%。 区经济信息委 规上工业增加值同比增长0.4%。\n"
    )
    doc = parse_bytes(spaced.encode(), "units_a_line.txt")
    assert units_of(doc)["2"] == ["区农业农村委", "区林业局", "区供销联社"]
    one_a_line = "\n\n".join(
        ["序号", "任务内容", "牵头单位", "半年度完成情况",
         "1", "实施国资国企改革。", "市财政局", "(市国资委)", "一是强化改革赋能。", "二是强化监管。",
         "2", "强化债务风险监测。", "市财政局", "一是落实偿还责任。"]
    )  # fmt: skip
    doc = parse_bytes(one_a_line.encode(), "bracket_line.txt")
    assert doc.assignments["raw"].iloc[0] == "市财政局(市国资委)"


def test_a_table_of_one_cell_a_line_whose_rows_carry_no_number() -> None:
    """The header names a 序号 column, but no row has a number: the rows are found where the
    units column falls (the numbered points of a progress cell are no items); where the units
    are labelled inside the task (…。(牵头单位:市财政局)), each such line starts a row; a
    copy ending inside a unit's name after others (…、市经) leaves that piece out."""
    table = "\n\n".join(
        [
            "序号", "任务内容", "牵头单位", "半年度进展情况",
            "一般公共预算收入与经济增长基本同步。", "市财政局", "1-6月,收入增长19.6%。",
            "深化国资国企改革。", "市财政局", "(市国资委)", "1.完善国资监管体系。",
            "2.加强国企投资活动管理。", "3.开展总审计师制度试点。",
            "地区生产总值增长7%以上。", "市发改委", "一季度GDP增长7.1%。",
        ]
    )  # fmt: skip
    doc = parse_bytes(table.encode(), "no_numbers.txt")
    assert list(doc.assignments["raw"]) == ["市财政局", "市财政局(市国资委)", "市发改委"]
    assert len(doc.items) == 3 and set(doc.items["item_label"]) == {""}
    labelled = "\n\n".join(
        [
            "序号", "工作内容", "完成情况",
            "一般公共预算收入增长7%。(牵头单位:市财政局)", "上半年收入增长3.5%。",
            "1.力抓重点税源税收落地。", "2.力抓向上对接争取。",
            "加强政府投资预算管理。(牵头单位:市财政局)", "1.下达103个项目6.05亿元。",
        ]
    )  # fmt: skip
    doc = parse_bytes(labelled.encode(), "labelled_rows.txt")
    assert len(doc.items) == 2 and list(doc.assignments["unit"]) == ["市财政局", "市财政局"]
    cut = (
        "序号 | 重点工作 | 主要责任单位 | 协同配合单位 |\n"
        "1 | 建设科创平台。 | 市科技局 | 市教育局 |\n"
        "2 | 健全绩效评价机制。 | 市科技局 | 市教育局、市经"
    )
    doc = parse_bytes(cut.encode(), "cut_name.txt")
    assert list(doc.assignments["unit"]) == ["市科技局", "市教育局", "市科技局", "市教育局"]
    assert list(doc.assignments["role"]) == ["lead", "co", "lead", "co"]  # 主要责任单位 leads
    assert any("市经" in line for line in doc.report.read_as)
    alone = "\n\n".join(
        [
            "序号", "主要工作", "进展情况", "责任单位",
            "1", "建设科创平台。", "已签约3个平台。", "市科技局",
            "2", "推进军民融合。", "4家企业资质在办理。", "市发",
        ]
    )  # fmt: skip
    doc = parse_bytes(alone.encode(), "cut_name_alone.txt")
    assert list(doc.assignments["unit"]) == ["市科技局"]  # 市发: 市发改委 cut short
    assert list(doc.report.incomplete_items) == ["2"]
    assert any("市发" in line for line in doc.report.read_as)
    rows = progress_rows(doc)
    assert rows.iloc[1]["progress_text"] == "4家企业资质在办理。"
    assert rows.iloc[1]["status"] == "on_track"  # its progress written whole, before the cut


def test_a_line_labelling_more_units_after_an_items_units() -> None:
    """A city list whose items also name the province's lead on a line of their own
    (省牵头单位:省农业农村厅): that unit leads, the city's units stay as written."""
    text = "\n\n".join(
        [
            "(一)王宏副市长牵头重点工作",
            "1", "加强粮食和重要农产品保障,稳定粮食综合生产能力。",
            "市农业农村局、市商务局", "省牵头单位:省农业农村厅",
            "2", "深入实施消费新政,提升传统消费。", "市商务局、市发改委", "省牵头单位:省商务厅",
        ]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "province_lead.txt")
    assert units_of(doc) == {
        "1": ["市农业农村局", "市商务局", "省农业农村厅"],
        "2": ["市商务局", "市发改委", "省商务厅"],
    }
    leads = doc.assignments[doc.assignments["role"] == "lead"]
    assert set(leads["unit"]) == {"省农业农村厅", "省商务厅"}


def test_a_caption_a_level_before_a_label_and_a_bare_figure_under_a_target_column() -> None:
    """A table's caption (表1:…完成情况) is no column; a section column's cell, then rows
    numbered 1、 in the task's cell, their units one a line in the last column; a progress cell
    that is only a figure (4家) meets the target beside it (3家); a rate written with only a
    rate's word (…451.27亿元,增幅10.4%) meets the target of what grows; 市级牵头单位: inside a
    bracket leads."""
    table = "\n\n".join(
        [
            "普陀区2021年上半年计划执行情况",
            "表1:上半年主要指标完成情况", "类别", "指标名称", "年度目标", "完成情况", "责任部门",
            "高质量发展", "1、外商直接投资实际到位金额增长率", "3%", "13.01%", "区商务委", "区投促办",
            "2、新增跨国公司地区总部数", "3家", "4家", "区商务委",
        ]
    )  # fmt: skip
    doc, rows = read_progress(table.encode(), "caption.txt")
    assert "表1:上半年主要指标完成情况" not in doc.report.header
    assert units_of(doc) == {"1": ["区商务委", "区投促办"], "2": ["区商务委"]}
    assert list(doc.items["section"]) == ["高质量发展", "高质量发展"]
    assert rows.set_index("item_label").loc["2", "status"] == "done"
    notice = (
        "武昌区2021年前三季度市政府工作报告重点工作完成情况\n"
        "3.社会消费品零售总额增长15%。(市级牵头单位:市商务局;区级牵头单位:区商务局)\n"
        "完成情况:1-9月,武昌区累计完成社会消费品零售总额451.27亿元,增幅10.4%。\n"
        "4.全社会固定资产投资增长10%。(市级牵头单位:市发展改革委;区级牵头单位:区发改局)\n"
        "完成情况:1-9月,固定资产投资增幅57.74%,完成全年目标进度92.10%。\n"
    )
    doc, rows = read_progress(notice.encode(), "levels.txt")
    # the city's bureau and the district's: two bodies, though their names differ in level only
    assert units_of(doc) == {"3": ["市商务局", "区商务局"], "4": ["市发展改革委", "区发改局"]}
    assert set(doc.assignments["role"]) == {"lead"}
    rows = rows.set_index("item_label")
    assert rows.loc["3", "status"] == "behind" and rows.loc["4", "status"] == "on_track"


def test_a_notice_listing_its_entries_each_with_units_in_brackets() -> None:
    """A 通报 listing the items not yet done in one paragraph after a colon, each entry closed
    by its units in brackets, tasks sharing one bracket: one item each when each starts with a
    task's verb; the sentence introducing them (…未完成的…具体为) says they are behind."""
    text = (
        "2018年10月民生实事项目工作进展通报\n"
        "截至10月底,7项指标还未完成年度任务。\n"
        "3项未完成的省市级项目具体为:为残疾人免费提供“一键通”服务(区民政局),改造提升农村厕所、"
        "改造提升城市厕所(区综合执法局),新增城市书房、百姓书屋(区文广新局)。\n"
    )
    doc, rows = read_progress(text.encode(), "entries.txt")
    assert list(doc.items["task"]) == [
        "为残疾人免费提供“一键通”服务", "改造提升农村厕所", "改造提升城市厕所", "新增城市书房、百姓书屋",
    ]  # fmt: skip
    assert list(doc.assignments["unit"]) == [
        "区民政局",
        "区综合执法局",
        "区综合执法局",
        "区文广新局",
    ]
    assert set(rows["status"]) == {"behind"}


def test_a_bulleted_article_and_shares_of_the_years_task() -> None:
    """An article reporting each item as a bulleted paragraph (●…方面:…) names no unit and no
    number: each bullet is an item, the words before its colon the task; a share of the year's
    task (完成年度目标任务的41.3%, 占年度目标任务的18.9%) is set against the share of the year
    gone."""
    text = (
        "2021年一季度重点民生实事进展顺利\n"
        "●实施残疾儿童康复救助方面:8141名残疾儿童接受康复救助服务,完成年度目标任务的41.3%。\n"
        "●改善农村出行条件方面:全省完成1700个自然村通硬化路,占年度目标任务的18.9%。\n"
    )
    doc, rows = read_progress(text.encode(), "bullets.txt")
    assert list(doc.items["task"]) == ["实施残疾儿童康复救助方面", "改善农村出行条件方面"]
    assert list(rows["status"]) == ["on_track", "behind"]
    assert set(rows["status_source"]) == {"rate"}


def test_a_header_with_an_instruction_and_a_task_over_two_cells() -> None:
    """是否达进度(未达进度注明原因): a status column, its instruction to the units aside; the
    task's header over two cells in each row (美丽乡村 建设 | 创建4个…), so the unit stands a
    cell to the right; a period broken by a blank in a spaced header (1- 8月)."""
    text = (
        "高淳区2020年3月民生重点实事进度表\n"
        "序号 | 年度任务 | 本月进展 | 是否达进度(未达进度注明原因) | 下月计划 | 责任单位 | ||\n"
        "1 | 绿道建设 | 全区新改建绿道60公里。 | 部分道路已开工。 | 是 | 计划完成4公里。 | 城建局 | |\n"
        "2 | 公厕建设 | 新建公厕10座。 | 尚未开工。 | 否 | 完成设计。 | 城管局 | |\n"
    )
    doc, rows = read_progress(text.encode(), "instruction.txt")
    assert units_of(doc) == {"1": ["城建局"], "2": ["城管局"]}
    assert list(rows["status"]) == ["on_track", "behind"]
    assert set(rows["status_source"]) == {"column"}
    from lib.parse.spaced import line_words

    assert line_words("序号 项目名称 责任单位 1- 8月实际完成情况")[-1] == "1-8月实际完成情况"


def test_a_header_cell_naming_a_units_people_over_two_lines() -> None:
    """区政府办 / 协管责任人: a header cell naming a unit, then one naming people, is one column
    (the people of that unit), so the columns after it stay in place; 相关单位 are co."""
    text = "\n\n".join(
        [
            "序号", "目标任务", "责任领导", "区政府办", "协管责任人", "牵头单位", "责任人", "相关单位",
            "完成情况",
            "1", "地区生产总值增长9.5%", "徐平", "陈曦", "区发改局", "徐铭喜", "区财政局、区商务局",
            "同比增长8%。",
            "2", "财政收入增长15%", "徐平", "陈曦", "区财政局", "杨大明", "区税务局", "同比增长42.2%。",
        ]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "people_of_a_unit.txt")
    assert "区政府办协管责任人" in doc.report.header
    assert units_of(doc) == {
        "1": ["区发改局", "区财政局", "区商务局"],
        "2": ["区财政局", "区税务局"],
    }
    leads = doc.assignments[doc.assignments["role"] == "lead"]
    assert list(leads["unit"]) == ["区发改局", "区财政局"]


def test_a_units_name_wrapped_after_its_level() -> None:
    """One cell a line, a unit's name wrapped over two lines, its first line a level and words
    with no unit's ending (区新兴产业 / 服务中心): one name."""
    text = "\n\n".join(
        [
            "序号", "项目", "责任单位", "建设内容", "目标进度",
            "1", "完善交通基础设施", "区新兴产业", "服务中心", "实施宏图路提升改造工程。", "一季度开工。",
            "2", "提升区域防洪能力", "区农业农村局", "实施洋市中心河道整治工程。", "6月开工。",
        ]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "wrapped_name.txt")
    assert units_of(doc) == {"1": ["区新兴产业服务中心"], "2": ["区农业农村局"]}


def test_a_rows_first_cell_numbered_like_a_heading() -> None:
    """One cell a line, the row's number alone, then its first cell numbered like a heading
    (1 / 一、60周岁以上老年人…): a cell, not a section; 下步计划 is a column; 完成任务数的
    108.97% is a share of the task."""
    text = "\n\n".join(
        [
            "序号", "实事名称", "指标任务", "责任单位", "完成时限", "进展情况", "下步计划",
            "1", "一、老年人群“两慢病”常用药免费服用。", "8000人以上高血压患者", "卫健局", "12月底",
            "截至6月9日,免费服用8718人,完成任务数的108.97%", "持续开展供给",
            "2", "二、农村路灯亮化工程", "新增农村路灯1000盏。", "农业农村局", "11月底",
            "已发布招标公告。", "7月份开展施工",
        ]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "heading_cell.txt")
    assert units_of(doc) == {"1": ["卫健局"], "2": ["农业农村局"]}
    assert "下步计划" in doc.report.header
    assert rows.set_index("item_label").loc["1", "status"] == "done"


def test_sub_rows_of_an_item_each_with_its_own_units() -> None:
    # a table copied one cell a line; item 1 has a second row that leaves out its merged
    # number and name and starts at its units; a header cell wrapped after its year
    text = "\n\n".join(
        [
            "序号", "项目", "责任单位", "建设内容", "总投资", "(万元)", "2024年", "目标进度",
            "1", "完善道路设施", "区交通", "运输局", "实施长江路改造工程。", "4800", "年内完工。",
            "区住建局", "实施振兴桥危桥改造。", "1000", "6月开工,年内完工。",
            "2", "提升防洪能力", "区水利局", "实施河道整治。", "1900", "6月开工",
            "区城管局", "实施泵站改造。", "320", "7月完工。",
        ]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "table.txt")
    assert units_of(doc) == {"1": ["区交通运输局", "区住建局"], "2": ["区水利局", "区城管局"]}
    assert doc.items["task"].iloc[0].startswith("完善道路设施")


def test_a_group_column_naming_each_item_on_its_own_is_the_items_name() -> None:
    # 项目 before 省工作目标: one group a numbered row, each over its own sub-rows only
    text = "\n\n".join(
        [
            "序号", "项目", "省工作目标", "牵头单位", "1-9月进展情况",
            "1", "浙有善育", "新增托育机构3个", "卫生健康局", "已全部完成。",
            "新增托位525个", "卫生健康局", "已完成400个。",
            "2", "浙里优学", "新改扩建中小学2所", "教体局", "已全部完成。",
            "新增学位800个", "教体局", "已完成。",
        ]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "table.txt")
    assert units_of(doc) == {"1": ["卫生健康局"], "2": ["教体局"]}
    assert doc.items["task"].iloc[0].startswith("浙有善育")
    assert doc.items["task"].iloc[1].startswith("浙里优学")
    assert list(doc.items["section"]) == ["", ""]


def test_a_notice_naming_items_after_the_units_responsible_for_them() -> None:
    text = (
        "2024年第五次县政府常务会议确定事项落实情况的通报\n"
        "确定事项43件,截止2024年6月10日,已完成16件。\n"
        "在督查中发现,需要加快推进落实事项3件,如县发改局负责的“按时完成项目前期工作。”截至目前,"
        "30个项目已完成前期论证;县自然资源局、县水利局负责的“紧盯国债项目6月底前开工。”截至目前,"
        "开工2个,未开工3个;县文旅广电局负责的“抓好茶宿项目建设。”截至目前,正在建设11家。\n"
    )
    doc, rows = read_progress(text.encode(), "notice.txt")
    assert list(doc.assignments.groupby("item_no")["unit"].apply(list)) == [
        ["县发改局"],
        ["县自然资源局", "县水利局"],
        ["县文旅广电局"],
    ]
    assert doc.items["task"].iloc[1] == "紧盯国债项目6月底前开工。"
    assert list(rows["status"]) == ["behind"] * 3  # under 需要加快推进; two of five begun
    assert str(rows["period_end"].iloc[0]) == "2024-06-30"
    numbered = (
        "其中,由县民政局负责的第1件、县发改局负责的第4件、县卫健局负责的第17、18件确定事项"
        "进展滞后,请以上责任单位加快工作节奏。\n"
    )
    doc, rows = read_progress(numbered.encode(), "notice.txt")
    assert list(doc.items["item_label"]) == ["第1件", "第4件", "第17件", "第18件"]
    assert list(doc.assignments["unit"]) == ["县民政局", "县发改局", "县卫健局", "县卫健局"]
    assert set(rows["status"]) == {"behind"}


def test_lines_each_closed_by_their_units_label_are_items_though_unnumbered() -> None:
    # a notice's list whose numbers after ⑤ the copy lost (⑥⑦ written as images)
    text = (
        "3项进展偏慢的重点工作为:\n"
        "①实现“小升规”60家(责任单位:市经信局);\n"
        "②全力推动规上企业发明专利全覆盖(责任单位:市市场监管局);\n"
        "新增跨境电商产值10亿元以上(责任单位:市商务局);\n"
        "确保完成固定资产投资50亿元(责任单位:玉环经济开发区)。\n"
    )
    doc = parse_bytes(text.encode(), "notice.txt")
    assert list(doc.items["item_label"]) == ["①", "②", "", ""]
    assert list(doc.assignments["unit"]) == [
        "市经信局",
        "市市场监管局",
        "市商务局",
        "玉环经济开发区",
    ]


def test_the_group_cell_of_a_tables_only_item_is_its_name() -> None:
    text = (
        "序号 | 项目 | 具体内容 | 牵头单位 | 配合单位 | 完成情况 |\n"
        "1 | 统筹增加中小学学位 | 推动配套学校建设 | 区教育局 | 区财政局、各镇街 | 推进中 |\n"
    )
    doc = parse_bytes(text.encode(), "table.txt")
    assert doc.items["task"].iloc[0].startswith("统筹增加中小学学位")
    assert list(doc.assignments["unit"]) == ["区教育局", "区财政局", "各镇街"]


def test_items_labelled_shishi_with_their_leader_and_units_in_a_bracket() -> None:
    text = (
        "一、基本情况\n"
        "实事一:新增城镇就业4万人。(责任领导:闫英姿 责任单位:市人社局,市科技局、各县市区人民政府)\n"
        "截至目前,全市新增城镇就业2.61万人,完成计划的65%。\n"
        "实事二:实施“放心餐饮”工程。(责任领导:镇方松 责任单位:市食品药品监管局,市财政局)\n"
        "已确定餐饮示范店387家。\n"
    )
    doc = parse_bytes(text.encode(), "notice.txt")
    assert list(doc.items["item_label"]) == ["实事一", "实事二"]
    assert units_of(doc) == {
        "实事一": ["市人社局", "市科技局", "各县市区人民政府"],
        "实事二": ["市食品药品监管局", "市财政局"],
    }


def test_entries_after_a_colon_closed_by_a_labelled_units_bracket_and_a_semicolon() -> None:
    text = (
        "涉及我市的任务有3个,分别为:一是维修改造中小学校13所(责任单位:市教育局);"
        "二是提高异地就医报销比例,简化临时外出备案流程(责任单位:市医保局);"
        "三是新改建农村公路380公里(责任单位:市交通局)。\n"
    )
    doc = parse_bytes(text.encode(), "notice.txt")
    assert list(doc.items["task"]) == [
        "维修改造中小学校13所",
        "提高异地就医报销比例,简化临时外出备案流程",
        "新改建农村公路380公里",
    ]
    assert list(doc.assignments["unit"]) == ["市教育局", "市医保局", "市交通局"]


def test_real_tables_without_a_number_column_number_their_first_cell() -> None:
    from tests import builders

    text = (
        "2021年十件民生实事完成情况汇总表\n"
        "| 重点事项 | 牵头单位 | 实际进度 |\n"
        "| --- | --- | --- |\n"
        "| 一、解决中心城区居民用水压力问题 | 市水务局 | 完成改造约8.5万户。 |\n"
        "| 二、实施中心城区燃气管道普及工作 | 市住建局 | 加装管道燃气1.8万户。 |\n"
        "| 三、推动既有住宅增设电梯建设 | 市住建局 | 86个梯口建成投入使用。 |\n"
    )
    for name, data in (
        ("a.docx", builders.pipe_table_docx(text)),
        ("a.xlsx", builders.pipe_table_xlsx(text)),
        ("a.pdf", builders.pipe_table_pdf(text)),
    ):
        doc = parse_bytes(data, name)
        assert list(doc.items["item_label"]) == ["一", "二", "三"], name
        assert list(doc.assignments["unit"]) == ["市水务局", "市住建局", "市住建局"], name
        assert doc.items["task"].iloc[0].startswith("解决中心城区"), name


def test_a_pdf_cell_keeps_apart_the_lines_typed_one_a_unit() -> None:
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("c", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    rows = [
        ["序号", "工作任务", "牵头单位及主要负责人"],
        ["1", "新建城市公园3个,改造提升口袋公园12个,完善周边配套设施。" * 2, "区住建局<br/>伍泽国"],
        ["2", "新增城镇就业8000人。", "区人社局<br/>陈宣群"],
    ]
    data = [[Paragraph(c, style) for c in r] for r in rows]
    table = Table(data, colWidths=[40, 300, 150])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build([table])
    doc = parse_bytes(buffer.getvalue(), "list.pdf")
    assert units_of(doc) == {"1": ["区住建局"], "2": ["区人社局"]}  # the heads set apart
    assert (
        "新建城市公园3个,改造提升口袋公园12个,完善周边配套设施。新建" in doc.items["task"].iloc[0]
    )


def test_a_header_at_a_paragraphs_end_and_a_units_header_with_its_legend() -> None:
    glued = (
        "各部门要切实加强组织领导。附件:2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n"
        "1 地区生产总值增长7%以上. 发改委\n"
        "2 全社会固定资产投资额550亿元. 发改委、经信委、科技局\n"
    )
    doc = parse_bytes(glued.encode(), "list.txt")
    assert list(doc.assignments["role"]) == ["lead", "lead", "co", "co"]  # 牵头责任单位
    legend = (
        "序号 | 重点任务 | 完成情况 | 责任单位 (加黑为牵头单位) | 监督电话 |\n"
        "1 | 打造总部楼宇 | 已开业 | 区投促局、大观园街道办事处 | 51806562 |\n"
        "2 | 建设科创大厦 | 已封顶 | 区科技局、十六里河街道办事处 | 51806563 |\n"
    )
    doc = parse_bytes(legend.encode(), "list.txt")
    assert units_of(doc) == {
        "1": ["区投促局", "大观园街道办事处"],
        "2": ["区科技局", "十六里河街道办事处"],
    }


def test_a_header_word_spaced_out_and_a_column_of_examining_units() -> None:
    text = "\n".join(
        ["项 目", "分值", "目标任务", "监考单位", "地区生产总值增长率", "3", "年终考核", "区发改局",
         "服务业增加值增长率", "3", "年终考核", "区商务局"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "list.txt")
    assert list(doc.assignments["unit"]) == ["区发改局", "区商务局"]


def test_an_items_progress_labelled_after_its_units() -> None:
    text = (
        "2015年度全区民生实事项目进展情况\n"
        "1.投资2316万元,对11个社区的老旧小区进行整体改造。\n"
        "责任单位:区住建局,各街道\n"
        "项目内容:对11个社区的老旧小区进行道路、路灯整体改造。\n"
        "项目进展:累计投资1455万元,完成路面开挖79120平方米。\n"
        "2.新建公园3个。\n"
        "责任单位:区园林局\n"
        "项目进展:已建成1个。\n"
    )
    doc = parse_bytes(text.encode(), "news.txt")
    progress = doc.notes[doc.notes["header"] == "项目进展"]
    assert list(progress["text"]) == ["累计投资1455万元,完成路面开挖79120平方米", "已建成1个"]


def test_the_legend_written_in_the_units_columns_header() -> None:
    text = (
        "序号 | 重点任务 | 责任单位（排在第一位的为牵头单位） |\n"
        "1 | 打造总部楼宇 | 区投促局、大观园街道办事处 |\n"
        "2 | 建设科创大厦 | 区科技局、十六里河街道办事处 |\n"
    )
    doc = parse_bytes(text.encode(), "list.txt")
    assert list(doc.assignments["role"]) == ["lead", "co", "lead", "co"]
    assert doc.report.legends == ("表头",)


def test_numbered_lines_that_open_with_the_unit_reporting() -> None:
    text = (
        "一、十大重点工作指挥部滞后情况\n"
        "1.党建引领基层治理工作指挥部:项目7项,均达序时进度。\n"
        "2.城乡建设工作指挥部:项目23项,未达序时进度2项为:南山片区老旧小区改造、城区污水处理厂扩容项目。\n"
        "3.工业(产业)园区建设工作指挥部:项目57项,均达序时进度。\n"
    )
    doc, rows = read_progress(text.encode(), "bulletin.txt", year="2024")
    assert list(doc.assignments["unit"]) == [
        "党建引领基层治理工作指挥部",
        "城乡建设工作指挥部",
        "工业(产业)园区建设工作指挥部",
    ]
    # the timetable kept outweighs the heading's 滞后; 未达序时进度 is behind
    assert list(rows["status"]) == ["on_track", "behind", "on_track"]


def test_items_enumerated_in_a_sentence_one_two_three() -> None:
    text = (
        "关于2020年9月份民生工程实施进度的通报\n"
        "目前,我县实施进度较慢的项目,一是乡镇污水处理设施建设(八公山乡污水处理站),"
        "二是基层防汛预报预警体系建设,三是城镇老旧小区改造。县直牵头部门要加快项目进度。\n"
    )
    doc, rows = read_progress(text.encode(), "notice.txt")
    assert list(doc.items["item_label"]) == ["一", "二", "三"]
    assert doc.items["task"].iloc[0] == "乡镇污水处理设施建设(八公山乡污水处理站)"
    assert set(rows["status"]) == {"behind"}


def test_a_heading_unit_over_numbered_points_written_inline() -> None:
    # (三)县农业农村局:1、…2、…3、… on one line: the unit heads the points, each an item;
    # under 牵头部门实施情况 a unit heading its item leads it
    text = (
        "一、牵头部门实施情况\n"
        "(一)县教育局:学前教育促进工程。幼师培训任务500人,只培训178人,低于全市平均进度。\n"
        "(二)县农业农村局:1、卫生厕所改造项目。试点工作已完成。2、新型农民培训。正在遴选学员。"
        "3、秸秆综合利用提升工程。资金已拨付。\n"
    )
    doc = parse_bytes(text.encode(), "notice.txt")
    assert list(doc.items["item_label"]) == ["(一)", "1", "2", "3"]
    assert list(doc.assignments["unit"]) == ["县教育局"] + ["县农业农村局"] * 3
    assert set(doc.assignments["role"]) == {"lead"}


def test_a_garbled_task_header_and_a_column_of_the_tasks_sources() -> None:
    garbled = (
        "序号 | 项目?jī)?nèi)容 | 工作进度安排 | 牵头单位 |\n"
        "1 | 完成县中崛起结对 | 第一季度:举行结对仪式 | 县教育局 |\n"
        "2 | 新建城市书房2个 | 第二季度:完成选址 | 县文广旅局 |\n"
    )
    doc = parse_bytes(garbled.encode(), "table.txt")
    assert list(doc.items["task"]) == ["完成县中崛起结对", "新建城市书房2个"]
    sourced = "\n".join(
        ["序号", "重点工作", "牵头责任单位", "协同责任单位", "任务来源",
         "1", "全面延伸双招双引。", "市政府办", "市政府各部门、各直属机构", "皖政〔2022〕9号文件",
         "2", "推进数字政府建设。", "市数据资源局", "市政府各部门", "市政府工作报告"]
    )  # fmt: skip
    doc = parse_bytes(sourced.encode(), "list.txt")
    assert units_of(doc) == {
        "1": ["市政府办", "市政府各部门", "各直属机构"],
        "2": ["市数据资源局", "市政府各部门"],
    }


def test_a_spaced_table_of_figures_naming_no_units_and_a_rate_against_last_year() -> None:
    text = (
        "1-10月重点民生实事项目进度表\n"
        "序 号 考核指标 单位 工作目标 已完成数 占比 备  注\n"
        "1 孕产妇免费产前筛查 人次 2800 2539 90.7%\n"
        "2 建设联网中小学安防设备 944 944 100%\n"
        "3 新增蓄水能力 万方 8 6 75% 与除险加固项目同步实施\n"
    )
    _, rows = read_progress(text.encode(), "table.txt", year="2022")
    assert list(rows["status"]) == ["on_track", "done", "behind"]  # 10/12 of the year: 83.3%
    found = judge(
        ["1-3月份,全市一般公共预算收入完成56.2亿元,较上年同期增长2.4%。"],
        [],
        [],
        reporting_period(["一季度"], "2024"),
        targets="一般公共预算收入增长6%以上",
    )
    assert (found.status, found.source) == ("behind", "figures")


def test_a_merged_units_cell_where_a_rows_status_falls_and_a_task_header_with_its_benefit() -> None:
    # one cell a line: rows 2 and 3 leave out the units cell merged over them, their status
    # line falling where the units would be
    text = "\n\n".join(
        ["序号", "项目内容及居民受益面", "牵头单位", "落实情况",
         "1", "完成县中崛起结对帮扶学校1所。", "教育局", "基本完成。",
         "2", "新增老年大学3所。", "提前完成年度任务。", "建成罗阳镇老年大学3所。",
         "3", "开展职业教育培训3350人次。", "提前完成年度任务。", "开展培训4348人次。",
         "4", "新建ICU床位10张。", "县卫生健康局", "提前完成年度任务。"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "table.txt")
    assert units_of(doc) == {
        "1": ["教育局"],
        "2": ["教育局"],
        "3": ["教育局"],
        "4": ["县卫生健康局"],
    }
    assert doc.items["task"].iloc[0].startswith("完成县中崛起")


def test_the_shandong_template_with_its_units_under_a_duties_header() -> None:
    text = "\n\n".join(
        ["目标任务", "执行措施、实施步骤", "工作进展、取得成效", "后续举措", "责任分工", "监督方式",
         "强化招商引资工作机制,全年新签约过亿元项目4个以上。", "优化产业链招商专班工作机制。",
         "签约项目1个。", "继续跟进对接在谈项目。", "木李镇经济发展办公室", "0533-6715628",
         "新建及改造提升高标准农田6506亩。", "完成设计单位招标。", "完成勘测。", "抓紧施工。",
         "木李镇农业农村办公室", "0533-6715629"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "table.txt")
    assert list(doc.assignments["unit"]) == ["木李镇经济发展办公室", "木李镇农业农村办公室"]


def test_a_units_collective_in_angle_brackets_is_one_unit() -> None:
    text = (
        "1\n\n深化预算管理制度改革。责任单位:市财政局、各区县政府<南太湖新区、长合区管委会>\n\n"
        "2\n\n推进<b>数字政府建设。责任单位:市大数据局\n"
    )
    doc = parse_bytes(text.encode(), "table.txt")
    first = doc.assignments[doc.assignments["item_no"] == 1]
    assert list(first["raw"]) == ["市财政局", "各区县政府(南太湖新区、长合区管委会)"]
    assert "<b>" in doc.items["task"].iloc[1]  # a tag written as text stays as written


def test_a_months_target_beside_the_task_is_its_plan_not_the_task() -> None:
    text = (
        "2022年区政府实事项目8月进展\n"
        "序号 | 项目内容 | 牵头单位 | 8月份目标 | 进展情况 |\n"
        "1 | 既有多层住宅加装电梯新增400台 | 区房管局 | 新增30台。 | 新增81台。 |\n"
        "2 | 新增1个共享充电桩示范小区 | 区发展改革委 | 充电桩安装。 | 正在建设。 |\n"
    )
    doc, rows = read_progress(text.encode(), "table.txt")
    assert list(doc.items["task"]) == ["既有多层住宅加装电梯新增400台", "新增1个共享充电桩示范小区"]
    assert (
        rows["period_end"].iloc[0] is not None and str(rows["period_end"].iloc[0]) == "2022-08-31"
    )


def test_a_rectification_list_whose_points_come_before_the_units_of_the_place() -> None:
    """``1. 市科技馆`` then its problems (1)(2)(3), then ``问题整改责任单位:X 整改时限:3天``: the
    units and deadline are the numbered place's, its points its task (a label of units may
    name the work it is for before 责任单位)."""
    text = "\n\n".join(
        ["具体问题如下:",
         "1. 市科技馆", "(1)院内电动车未按指定区域停放;", "(2)灭火器过期未更换;",
         "问题整改责任单位:市科技馆 整改时限:3天",
         "2. 市第二人民医院", "(1)院内禁烟标识数量不达标;", "(2)宣传牌内容不规范;",
         "(3)学雷锋志愿服务岗缺乏志愿者信息台账。",
         "问题整改责任单位:市卫生健康委员会 整改时限:5天"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "list.txt")
    assert list(doc.items["item_label"]) == ["1", "2"]
    assert list(doc.assignments["unit"]) == ["市科技馆", "市卫生健康委员会"]
    assert "灭火器过期未更换" in doc.items["task"].iloc[0]
    assert list(doc.items["deadline"]) == ["3天", "5天"]
    assert header_role("问题整改责任单位") == "units" and header_role("整改时限") == "deadline"


def test_a_list_run_onto_one_line_numbered_again_under_each_heading() -> None:
    text = (
        "重点工作责任分解 一、王丹县长牵头重点工作 1.全县生产总值增长7.5%左右。 责任单位:县发改局"
        "(首位单位为牵头单位,下同)、县财政局 2.落实过紧日子要求。 责任单位:县财政局 "
        "二、曹惠明常务副县长牵头重点工作 1.坚持集体学法。 责任单位:县司法局 "
        "2.深化亩均论英雄改革。 责任单位:县自然资源和规划局"
    )
    doc = parse_bytes(text.encode(), "list.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "1", "2"]
    assert list(doc.assignments["unit"]) == [
        "县发改局", "县财政局", "县财政局", "县司法局", "县自然资源和规划局"
    ]  # fmt: skip
    assert list(doc.assignments["role"])[:2] == ["lead", "co"]  # 首位单位为牵头单位


def test_a_table_one_cell_a_line_with_a_bar_line_between_cells() -> None:
    cells = ["序号", "重点工作任务分解", "责任领导", "责任部门", "完成期限", "监督方式",
             "1", "主动对接一地六县,共建联动创新区。", "易承志", "经济发展局", "持续推进", "区委、区政府",
             "2", "探索产业跨地区转移利益共享机制。", "冼进", "科技中心、经济发展局", "持续推进",
             "区委、区政府"]  # fmt: skip
    doc = parse_bytes("\n|\n".join(cells).encode(), "table.txt")
    assert list(doc.assignments["unit"]) == ["经济发展局", "科技中心", "经济发展局"]
    # cells closed by a bar: a bar alone is an empty cell, kept in its column
    closed = ["序号 |", "项目名称 |", "牵头单位 |", "责任单位 |", "进展情况 |",
              "1 |", "乡镇卫生院建设 |", "慈化镇 |", "|", "已完工。 |",
              "2 |", "村卫生室建设 |", "区卫健委 |", "各乡镇 |", "在建。 |"]  # fmt: skip
    doc = parse_bytes("\n".join(closed).encode(), "table.txt")
    assert list(doc.assignments["unit"]) == ["慈化镇", "区卫健委", "各乡镇"]


def test_a_spaced_header_with_a_cell_wrapped_and_a_period_in_brackets() -> None:
    text = (
        "万州区2025年重点民生实事目标任务及月度推进情况表\n"
        "序号 项目名称 2025年工作目标任务 2025年投资计划(万元) 责任\n单位\n"
        "月度进展情况(1-3月) 投资完成情况 备注\n完成额度\n(万元)\n占比(%\n"
        "1 实施城镇老旧小区改造 新开工改造城镇老旧小区67个。 11604 区住房城乡建委 "
        "新开工改造城镇老旧小区42个。 3500 30.2\n"
        "2 农村公路加装护栏 实施农村公路生命安全防护工程201公里。 3417 区交通运输委 "
        "已完成全部里程的施工图审查工作。 680 19.9\n"
    )
    doc, rows = read_progress(text.encode(), "table.txt")
    assert list(doc.assignments["unit"]) == ["区住房城乡建委", "区交通运输委"]
    assert len(rows) == 2  # 进展情况(1-3月) and 投资完成情况: one period, one row an item
    assert rows["progress_text"].iloc[1].startswith("已完成全部里程的施工图审查工作")
    assert header_role("月度进展情况(1-3月)") == "note" and header_role("完成额度(万元") == "note"
    assert column_role("月度进展情况(1-3月)") == "progress"


def test_a_form_with_each_label_on_a_line_of_its_own_is_one_item() -> None:
    """A rectification's closing form (整改任务 / 责任单位 / 整改目标 / 整改措施 / 完成情况, each
    label alone on its line and its value below): one item, its numbered measures no items;
    a table's header of such words one after another is no form."""
    text = "\n".join(
        ["关于第三轮省生态环境保护督察整改任务销号的公示", "具体整改情况表",
         "整改任务", "河长巡查流于形式。", "责任单位", "成安县水利局、商城镇",
         "整改目标", "强化基层河长责任落实。",
         "整改措施", "(一)强化履职监督。加强河长履职能力培训。", "(二)加强排查整治。",
         "(三)完善长效机制。", "完成情况", "已完成整改,通过验收。"]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "form.txt")
    assert len(doc.items) == 1 and doc.items["item_label"].iloc[0] == ""
    assert list(doc.assignments["unit"]) == ["成安县水利局", "商城镇"]
    assert "强化履职监督" in doc.items["task"].iloc[0]
    assert rows["status"].iloc[0] == "done" and rows["progress_text"].iloc[0].startswith("已完成")
    empty = text.replace("已完成整改,通过验收。", "")  # its progress not written: not the task's
    assert read_progress(empty.encode(), "form.txt")[1]["status_source"].iloc[0] == "heading"
    empty = empty.replace("销号的公示", "的公示")  # the title's 销号: closed, else not known
    assert read_progress(empty.encode(), "form.txt")[1]["status"].iloc[0] == "unknown"
    header = "\n".join(["序号", "工作任务", "责任单位", "1", "推进项目建设。", "市发改委"])
    assert list(parse_bytes(header.encode(), "table.txt").assignments["unit"]) == ["市发改委"]


def test_a_meetings_decisions_with_the_duty_opened_by_you_inside_the_first_sentence() -> None:
    """常务会议 decisions: ``由A、B负责,<task>``, ``关于…问题,由A负责,<task>``, ``由A牵头,B配合,…``
    under 已落实 / 正在落实 headings; the task is kept as written."""
    text = "\n".join(
        ["县政府第4次常务会议议定事项15件,现将有关情况通报如下:", "一、已落实事项(2件)",
         "1.由县编办、发改局负责,调整充实营商环境工作领导小组。已印发通知。",
         "2、关于退役士兵安置问题,由县人社局、民政局负责,抓紧做好安置工作。已全部开出介绍信。",
         "二、正在落实事项(2件)",
         "1.由县编办、发改局牵头,考评办配合,抓紧制定考核办法。已草拟办法。",
         "2.由于资金紧张,由县财政局负责,尽快拨付补助资金。正在审核。"]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "notice.txt")
    units = doc.assignments.groupby("item_no")["unit"].apply(list).tolist()
    assert units == [["县编办", "发改局"], ["县人社局", "民政局"], ["县编办", "发改局", "考评办"],
                     ["县财政局"]]  # fmt: skip
    roles = doc.assignments[doc.assignments["item_no"] == 3]["role"].tolist()
    assert roles == ["lead", "lead", "co"]
    assert doc.items["task"].iloc[0].startswith("由县编办、发改局负责,调整充实")
    assert list(rows["status"]) == ["done", "done", "on_track", "on_track"]


def test_items_under_a_units_line_with_their_count_are_that_units() -> None:
    text = "\n".join(
        ["元宝山区对领导班子认领重点民生项目进行第二次公示:", "区委办公室(2项)",
         "1.领办项目:下荒村路灯损坏修复项目。工作进展:目前全部更换完毕。",
         "2.领办项目:锦绣社区外围车位规划项目。工作进展:已完成66个车位划线。",
         "区政府办公室(1项)", "1.领办项目:星海社区办公电脑更新项目。工作进展:正在采购。"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "notice.txt")
    assert list(doc.assignments["unit"]) == ["区委办公室", "区委办公室", "区政府办公室"]
    assert set(doc.assignments["role"]) == {"lead"}
    assert "区政府办公室" not in doc.items["task"].iloc[1]


def test_ticked_bullets_with_their_progress_below_under_status_headings() -> None:
    text = "\n".join(
        ["2025年街道各民生实事项目总体进展良好", "已完工项目", "☑辖区内老旧路灯改造出新工程项目",
         "对478盏路灯进行刷漆出新,该项目已于3月完成。", "已启动实施项目",
         "☑街道社区卫生服务中心改扩建主体工程项目", "该项目已于3月25日开工建设,", "目前正在桩基施工中。"]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "notice.txt")
    assert list(doc.items["task"]) == [
        "辖区内老旧路灯改造出新工程项目",
        "街道社区卫生服务中心改扩建主体工程项目",
    ]
    assert rows["progress_text"].iloc[1] == "该项目已于3月25日开工建设,目前正在桩基施工中。"
    assert list(rows["status"]) == ["done", "on_track"]


def test_items_numbered_like_headings_with_their_progress_in_numbered_points() -> None:
    """A report naming no units: ``一、<task>`` items, each with ``推进情况:1.…`` and points
    2. 3. below (the item's points, no items); a short ``一、基本情况`` is a heading still."""
    text = "\n".join(
        ["六盘水市2023年1—3月“十件民生实事”进展情况", "分项情况如下:",
         "一、保障好重点群体就业,开展补贴性职业技能培训2万人次、农业技能技术培训1000人次。",
         "推进情况:1. 全市统筹开展补贴性职业技能培训5585人次。", "2. 开展农业技能技术培训484人次。",
         "二、加强教育科技工作,新建、改扩建公办幼儿园7所,遴选培育强校计划项目学校50所。",
         "推进情况:1. 六枝特区龙河镇林场幼儿园进行基础施工。", "2. 启动遴选义务教育公办强校。"]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "report.txt")
    assert list(doc.items["item_label"]) == ["一", "二"]
    assert rows["status"].iloc[0] == "on_track"  # 5585 of 2万 by March: ahead of 25%
    heading = "一、基本情况\n今年以来全市民生实事进展顺利,各项目有序推进,总体进度符合预期。\n二、督查建议\n加快推进。"
    with pytest.raises(ListError):  # two headings over paragraphs: no items
        parse_bytes(heading.encode(), "notice.txt")


def test_a_form_whose_labels_are_numbered_as_headings_and_its_problems_listed() -> None:
    text = "\n".join(
        ["突出生态环境问题整改验收销号公示", "一、整改问题", "(一)江东路南延,砂石物料露天未覆盖。",
         "(二)楚江大道南延,裸土未及时覆盖。", "二、整改实施主体", "园区规建部",
         "三、重点措施", "(一)路面硬化铺设沥青。", "四、整改完成情况", "经核查,已完成整改。"]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "form.txt")
    assert list(doc.items["item_label"]) == ["(一)", "(二)"]
    assert list(doc.assignments["unit"]) == ["园区规建部", "园区规建部"]
    assert all("路面硬化铺设沥青" in task for task in doc.items["task"])  # the measures kept
    assert list(rows["status"]) == ["done", "done"]


def test_units_in_tortoise_shell_brackets_and_a_collectives_bare_kind() -> None:
    text = "\n".join(
        ["(一)加强市场体系建设。实施市场准入负面清单制度。〔责任单位:省发展改革委、省市场监管局按职责分工负责。〕",
         "(二)优化市场准入环境。推进“一网通办”。〔责任单位:省市场监管局〕",
         "(三)深化政务服务“网上办”。(牵头单位:市行政审批服务局;责任单位:市大数据中心,市直有关部门、单位)"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "plan.txt")
    units = doc.assignments.groupby("item_no")["raw"].apply(list).tolist()
    assert units == [["省发展改革委", "省市场监管局"], ["省市场监管局"],
                     ["市行政审批服务局", "市大数据中心", "市直有关部门、单位"]]  # fmt: skip
    assert "〔" not in doc.items["task"].iloc[0]


def test_items_listed_after_fenbie_wei_under_paragraphs_that_say_how_they_stand() -> None:
    """A report naming no units: ``(一)提前完成任务指标有3项。…分别为:A;B;C`` — an item each,
    standing as the paragraph's opening says (提前完成: done; 超时间进度: on track)."""
    text = "\n".join(
        ["长沙市为民办实事工作稳步推进。", "一、实事项目进度完成情况",
         "(一)提前完成任务指标有3项。截止7月底,已完成全年目标任务。分别为:落实公交优先;"
         "县以上城镇生活垃圾无害化处理率达到年度工作目标;县以上城镇污水处理达到年度工作目标。",
         "(二)超时间进度完成指标有3项。分别为:建设农民专业合作社省级示范社,完成进度为88%;"
         "为6所农村公办幼儿园投入资金541.0万元,完成进度为87.2%;新增城镇管输天然气用户18691户,完成进度为85%。"]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "report.txt")
    assert len(doc.items) == 6 and set(doc.items["item_label"]) == {""}
    assert doc.items["task"].iloc[0] == "落实公交优先"
    assert list(rows["status"]) == ["done"] * 3 + ["on_track"] * 3


def test_a_figure_whose_measure_is_written_after_it_meets_its_target() -> None:
    """``完成14个住宅小区新增充电设施`` against ``为50个小区新增充电设施`` by August: what the figure
    counts is written after it, so it is compared (14 of 50 where 33 are due: behind)."""
    period = reporting_period(["1-8月"], "2022")
    judged = judge(
        ["已累计完成14个住宅小区新增电动自行车充电设施。"],
        [],
        [],
        period,
        "",
        "为50个小区新增电动自行车充电设施",
    )
    assert judged.status == "behind" and judged.source == "figures"


def test_items_under_a_meeting_heading_inside_a_status_heading_keep_both() -> None:
    text = "\n".join(
        ["市政府政务督查室对常务会议议定事项落实情况进行了督查。", "一、已落实事项",
         "(一)2021年5月17日市政府第5次常务会议",
         "1.审议《关于推动县域经济高质量发展的实施意见》有关议定事项。(责任单位:市发改委)",
         "11月1日,市委、市政府印发了通知。",
         "2.审议《关于培育农业产业化龙头企业的实施意见》有关议定事项。(责任单位:市农业农村局)",
         "7月30日印发了通知。", "二、正在落实事项", "(一)2021年6月8日市政府第6次常务会议",
         "1.审议《关于加快物流业发展的意见》有关议定事项。(责任单位:市商务局)", "正在征求意见。"]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "notice.txt")
    assert doc.items["section"].iloc[0] == "已落实事项 / 2021年5月17日市政府第5次常务会议"
    assert list(rows["status"]) == ["done", "done", "on_track"]


def test_a_first_column_of_sections_written_in_the_rows_first_cells() -> None:
    """工作任务 | 具体要求 | 责任部门 over ``一、做好财政信息公开。 | 1.积极推进… | 财务科 |`` and rows
    that leave the section cell out: the first column holds sections, the cells start at the
    second."""
    text = "\n".join(
        ["工作任务 | 具体要求 | 责任部门 |",
         "一、做好财政信息公开。 | 1.积极推进本中心预算、决算公开。 | 财务科 |",
         "二、做好政府网站专栏信息公开。 | 2.及时更新网站频道的概况信息。 | 办公室 |",
         "3.及时反馈网民对调查征集信息的意见。 | 各科室 | |"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "table.txt")
    assert list(doc.assignments["unit"]) == ["财务科", "办公室", "各科室"]
    website = "做好政府网站专栏信息公开。"  # the third row leaves the section cell out
    assert list(doc.items["section"]) == ["做好财政信息公开。", website, website]


def test_a_table_one_cell_a_line_with_each_groups_name_before_its_first_rows_number() -> None:
    cells = ["工作任务", "具体要求", "责任科室", "时限要求",
             "强化行政规范性文件集中规范公开", "1", "对行政规范性文件进行全面清理。", "办公室", "年底前",
             "深化政策解读形式", "2", "积极做好政策解读工作。", "各科室", "持续推进",
             "做好主动公开基础工作", "3", "严格规范政府信息公开专栏。", "各科室", "持续推进",
             "4", "规范做好政府信息公开年度报告。", "办公室", "1月底前"]  # fmt: skip
    doc = parse_bytes("\n|\n".join(cells).encode(), "table.txt")
    assert list(doc.assignments["unit"]) == ["办公室", "各科室", "各科室", "办公室"]
    assert list(doc.items["section"])[2:] == ["做好主动公开基础工作"] * 2  # the group merged
    assert list(doc.items["deadline"]) == ["年底前", "持续推进", "持续推进", "1月底前"]
    assert doc.report.unplaced_lines == ()  # the first group is read, not left over


def test_a_header_cells_period_on_a_line_of_its_own_and_a_single_row_without_a_number() -> None:
    text = "\n\n".join(
        ["项目", "名称", "内容", "牵头单位", "进展情况", "(7月)", "进展情况", "(12月)",
         "养老服务项目", "新增15家示范型居家养老服务照料中心,改造260户。", "区民政局",
         "已完成8家示范型居家养老服务照料中心,267户适老化改造。", "新增示范型居家养老服务照料中心25家,超额完成。",
         "分享:"]
    )  # fmt: skip
    doc, rows = read_progress(text.encode(), "table.txt")
    assert doc.report.header == ("项目名称", "内容", "牵头单位", "进展情况(7月)", "进展情况(12月)")
    assert list(doc.assignments["unit"]) == ["区民政局"]
    assert rows["status"].iloc[-1] == "done"  # the latest column: 超额完成


def test_a_bodys_own_offices_with_a_duty_in_the_units_cell() -> None:
    """A list of a body's own offices: ``办公室牵头,各科室配合`` in the units column, the row
    above naming one office: 办公室 leads, 各科室 (its offices, a collective) are co."""
    text = "\n".join(
        ["序号 | 具体要求 | 责任部门 |", "1 | 及时更新网站频道的概况信息。 | 办公室 |",
         "2 | 及时更新微信公众号信息。 | 办公室牵头,各科室配合 | |"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "table.txt")
    rows = doc.assignments[["item_no", "raw", "role"]].values.tolist()
    assert rows == [[1, "办公室", "co"], [2, "办公室", "lead"], [2, "各科室", "co"]]


def test_a_year_end_report_of_partly_completed_tasks_and_a_wrapped_units_name() -> None:
    """``二、部分完成年度目标任务情况`` heads tasks not done by the year's end (behind), a
    ``未达到年度目标`` too; ``区属功能区管 委会`` (its ending wrapped) is one name; ``…等按职责分工
    落实`` closes a list of units."""
    text = "\n".join(
        ["2021年《区政府工作报告》重点工作目标任务完成情况", "二、部分完成年度目标任务情况",
         "(一)启动建设新区人民医院感染大楼。预计2022年上半年启动建设(第10项)。",
         "(二)金融业增加值增长6%。金融业增加值预计增长2%,未达到年度目标(第22项)。"]
    )  # fmt: skip
    rows = read_progress(text.encode(), "report.txt")[1]
    assert list(rows["status"]) == ["behind", "behind"]
    units = "1.地区生产总值增长5%以上。责任单位:区发改局、区属功能区管 委会\n2.做好常态化疫情防控信息发布。责任单位:应急处、监督处等按职责分工落实"
    doc = parse_bytes(units.encode(), "list.txt")
    assert list(doc.assignments["raw"]) == ["区发改局", "区属功能区管 委会", "应急处", "监督处"]


def test_a_pages_bulleted_buttons_are_no_items() -> None:
    """A copy of a page keeps its buttons as bullets (``• 字号:``, ``• |``, ``• 打印``): they are
    the page's furniture, not a report's bulleted items, and the notice below is read."""
    text = "\n".join(
        ["某区人民政府关于重点工作任务三季度进展情况的督查通报", "发布日期:2025-10-29",
         "• 字号:", "• |", "• 打印", "现将有关情况通报如下:", "一、未完成季度目标任务具体情况",
         "推进老旧小区改造,完成12个小区。(牵头部门:区住建局、区财政局)。项目尚未开工。"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "notice.txt")
    assert list(doc.assignments["unit"]) == ["区住建局", "区财政局"]
    assert set(doc.assignments["role"]) == {"lead"}


def test_a_run_on_line_whose_first_item_the_copy_lost() -> None:
    """A notice copied onto one line whose ``1.`` was garbled away: items 2. 3. 4. 5. are still
    a list, and a second list numbered again from 2. goes on it; the points of a field begun at
    1. after its label (``项目进展:1.…2.…``) are no items."""
    text = (
        "通知如下: ? 一、督办内容 ?(一)代表建议。 2.关于加快邮政所建设的建议(牵头单位:省邮政局;"
        "协办单位:广州市政府); 3.关于建设导航产业基地的建议(牵头单位:省经信委;协办单位:省财政厅); "
        "4.关于解决采矿许可办理难的建议(牵头单位:省环保厅); 5.关于加强基层医疗的建议(牵头单位:省卫生厅)。 "
        "2.关于简化报销手续的建议(牵头单位:省人社厅;协办单位:省监察厅)"
    )
    doc = parse_bytes(text.encode(), "notice.txt")
    assert list(doc.items["item_label"]) == ["2", "3", "4", "5", "2"]
    assert units_of(doc)["3"] == ["省经信委", "省财政厅"]
    points = (
        "1.改造老旧小区\n责任单位:区住建局\n"
        "项目进展:1.北片区:方案已公示。2.南片区:待北片区完成后实施。3.西片区:安置楼交付。"
        "4.东片区:正在草签补偿方案。5.中片区:已完成立项。\n2.新建公园\n责任单位:区园林局"
    )
    assert list(parse_bytes(points.encode(), "list.txt").items["item_label"]) == ["1", "2"]


def test_a_body_offices_table_whose_unsectioned_rows_end_in_an_empty_cell() -> None:
    """江门卫健局's shape: sections in the first column written once, the other rows closed by an
    empty cell (``4.… | 局疾控科 | |``). The units column is the last: a row's office is its own,
    never the row above's moved right; ``主办、…协办`` parts a duty as ``主办,…协办`` does; a
    ``主办科室`` is the office in charge, one unit."""
    text = "\n".join(
        ["工作任务 | 具体要求 | 责任科室 |",
         "一、做好疫情防控信息公开 | 1.设立专栏发布权威信息。 | 局防控办主办、各工作组协办 |",
         "2.做好疫苗接种信息公开。 | 局疾控科 | |",
         "二、改进政策解读 | 3.健全政策解读工作机制。 | 局主办科室 |",
         "4.加强政策咨询服务。 | 局规划科 | |"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "list.txt")
    assert units_of(doc) == {
        "1": ["局防控办", "各工作组"],
        "2": ["局疾控科"],
        "3": ["局主办科室"],
        "4": ["局规划科"],
    }
    roles = doc.assignments.set_index("raw")["role"]
    assert roles["局防控办"] == "lead" and roles["各工作组"] == "co"


def test_a_copy_cut_inside_a_units_label_and_circled_items_after_each_other() -> None:
    """``②…扶持创业。(牵头部`` at the copy's end: the start of a label names no unit (the item
    is kept, cut, without units, and the report says so); ② after ① is its sibling, not a
    point of it."""
    text = "\n".join(
        ["(1)增加城镇居民收入",
         "①以就业促增收,帮助就业困难人员实现就业1.39万人。(牵头部门:州人社局;责任单位:10县市人民政府)",
         "②以创业促发展,全面落实支持创业政策扶持创业。(牵头部"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "plan.txt")
    assert list(doc.items["item_label"]) == ["①", "②"]
    assert units_of(doc) == {"①": ["州人社局", "10县市人民政府"]}
    assert doc.report.incomplete_items == ("②",)
    assert any("(牵头部" in note and "责任单位标注" in note for note in doc.report.read_as)


def test_a_measure_written_by_its_abbreviation_meets_its_target() -> None:
    """Target 地区生产总值增长6%左右, reported 预计上半年GDP增长5%以上: GDP is the same measure
    (data/measure_aliases.csv), so the rate is compared and found short."""
    period = reporting_period(["上半年"], "2024")
    progress = ["预计上半年GDP增长5%以上,其中规上工业增加值增长4.1%,服务业增加值预计增长8%以上。"]
    judged = judge(progress, [], [], period, targets="地区生产总值增长6%左右")
    assert (judged.status, judged.source) == ("behind", "figures")
    assert "6%" in judged.evidence and "5%" in judged.evidence


def test_a_figure_not_yet_published_is_no_progress_to_judge() -> None:
    period = reporting_period(["一季度"], "2022")
    judged = judge(["CPI数据还未发布。"], [], [], period, targets="居民消费价格涨幅3%左右")
    assert (judged.status, judged.source) == ("unknown", "phrase")


def test_a_leader_column_before_the_number_written_once_for_its_rows() -> None:
    """平湖's table: ``分管市长 | 序号 | …`` with the leader's name only in the first of his rows
    (``周军波 | 1 | …``, then ``2 | …``): the first row is an item, the name its leader and the
    leader of the rows below, never a unit."""
    text = "\n".join(
        ["分管市长 | 序号 | 主要工作任务 | 一季度重点工作完成情况 | 责任单位 |",
         "周军波 | 1 | 一般公共预算收入增长2.5%。 | 1-3月份完成37.58亿元,同比增长1.9%。 | ★财政局、税务局 |",
         "2 | 严格落实中央八项规定精神。 | 召开党组会议3次。 | ★市府办、各镇街道 |",
         "李某某 | 3 | 推进依法行政。 | 审查规范性文件13件。 | ★司法局 |"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "report.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "3"]
    assert list(doc.items["leaders"]) == ["周军波", "周军波", "李某某"]
    assert units_of(doc) == {
        "1": ["财政局", "税务局"],
        "2": ["市府办", "各镇街道"],
        "3": ["司法局"],
    }


def test_a_units_cell_merged_down_over_a_row_whose_progress_names_towns() -> None:
    """泰顺's shape: one cell a line, the lead unit written once for its rows; a row's progress
    naming towns (``建成罗阳镇、西旸镇、柳峰乡3所老年大学``) is no units cell, so the row takes
    the units of the rows above."""
    text = "\n".join(
        ["序号", "项目内容", "牵头单位", "落实情况",
         "1", "完成结对帮扶学校1所。", "教育局", "基本完成。", "完成结对帮扶任务。",
         "2", "开展职业教育培训3350人次。", "提前完成年度任务。", "开展职业教育培训4348人次。",
         "3", "新增老年大学3所。", "提前完成年度任务。", "建成罗阳镇、西旸镇、柳峰乡3所老年大学",
         "4", "新建ICU床位10张。", "县卫生健康局", "提前完成年度任务。", "完成新建ICU床位10张。"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "report.txt")
    assert units_of(doc) == {
        "1": ["教育局"], "2": ["教育局"], "3": ["教育局"], "4": ["县卫生健康局"]
    }  # fmt: skip


def test_sub_rows_of_figures_and_a_category_column_written_once() -> None:
    """祁门's table, one cell a line closed by |: ``累计进度`` and ``备注`` are two header cells;
    a row's second measure is a sub-row whose figures (``4 |``) are no items since the next
    number follows within a row; the 类别 cell is written only in its group's first row."""
    lines = ["序号", "类别", "项目名称", "目标任务", "牵头单位", "累计完成", "累计进度", "备注",
             "1", "一、就业促进(3项)", "促进重点群体稳定就业", "城镇新增就业1100人", "县人社局", "1063",
             "96.64%", "", "充分就业社区4个", "4", "100%", "",
             "2", "支持毕业生求职创业", "发放求职创业补贴", "县人社局", "", "", "待审核后足额发放。",
             "3", "放心家政行动", "培训家政服务人员613人次", "县科商工信局", "626", "102.12%", ""]  # fmt: skip
    doc = parse_bytes("\n".join(f"{line} |" for line in lines).encode(), "report.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "3"]
    assert units_of(doc) == {"1": ["县人社局"], "2": ["县人社局"], "3": ["县科商工信局"]}
    assert doc.items["task"].iloc[1].startswith("支持毕业生求职创业")


def test_a_pictures_file_name_and_a_bodys_other_members() -> None:
    """A news copy keeps the name of its picture (``640.webp.jpg``): no item numbered 640; and
    ``市经济运行监测联席会议其他成员单位`` is one collective, the body's other members."""
    text = "\n".join(
        ["宁波公布2025年政府工作报告目标任务分解", "640.webp.jpg", "一、汤飞帆市长牵头重点工作",
         "1.地区生产总值增长5.5%以上。", "牵头单位:市发改委",
         "配合单位:市经济运行监测联席会议其他成员单位,各区(县、市)政府",
         "2.一般公共预算收入增长2%。", "牵头单位:市财政局", "配合单位:宁波海关"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "news.txt")
    assert list(doc.items["item_label"]) == ["1", "2"]
    assert "市经济运行监测联席会议其他成员单位" in units_of(doc)["1"]


def test_a_rows_last_cells_gone_on_to_a_line_of_their_own() -> None:
    """姑苏's table: row 2 closed by its | a few cells short, its last cells on the next line
    (``130 | 105.96 | 95.00% | 民卫局 |``): 130 is its planned investment, far past its number,
    not an item; the unit is row 2's."""
    text = "\n".join(
        ["序号 | 项目名称 | 实施内容 | 形象进度 | 年内计划投资(万元) | 累计投入(万元) | 完成率 | 责任部门 |",
         "1 | 食品安全提升工程 | 实施明厨亮灶 | 已接入平台。 | 350 | 206 | 95.00% | 市监局 |",
         "2 | 儿童口腔健康工程 | 完成口腔健康检查 | 现场实施已经全部结束。 |",
         "130 | 105.96 | 95.00% | 民卫局 |",
         "3 | 就业惠民工程 | 新增就业岗位60000个 | 已新增58000个。 | 200 | 180 | 96.00% | 人社局 |"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "report.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "3"]
    assert units_of(doc) == {"1": ["市监局"], "2": ["民卫局"], "3": ["人社局"]}


def test_a_sub_row_under_a_whole_row_and_a_category_column() -> None:
    """泰山区省庄镇's table, one cell a line: item 1 has a second project whose number and
    category cells are merged over it and whose progress cell is empty (gone with the copy):
    its lead and its units are read into the item's two units columns from the right;
    ``项目类别`` is a group, each item's own, so at the head of its task; the last row, cut
    after its category, names no group."""
    lines = ["序号", "项目类别", "项目名称", "牵头单位", "具体内容", "工作进展情况", "责任单位",
             "1", "城乡环境改善", "镇区污水治理项目", "市生态环境局泰山分局", "建设污水收集设施。",
             "治理率达60%以上。", "有关街道镇", "河道提升改造工程", "区水利局", "整治河槽,修复岸坡。",
             "邱家店镇",
             "2", "教育提升工程", "扩大学前教育供给", "区教体局", "完成四个幼儿园项目。",
             "某幼儿园工程进度情况", "6月完成主体工程。", "财源街道", "上高街道",
             "3", "医疗卫生服务"]  # fmt: skip
    doc = parse_bytes("\n".join(lines).encode(), "report.txt")
    roles = {(row.item_label, row.raw): row.role for row in doc.assignments.itertuples()}
    assert roles == {
        ("1", "市生态环境局泰山分局"): "lead", ("1", "有关街道镇"): "co",
        ("1", "区水利局"): "lead", ("1", "邱家店镇"): "co",
        ("2", "区教体局"): "lead", ("2", "财源街道"): "co", ("2", "上高街道"): "co",
    }  # fmt: skip
    tasks = list(doc.items["task"])
    assert tasks[0].startswith("城乡环境改善 镇区污水治理项目")
    assert tasks[1].startswith("教育提升工程 扩大学前教育供给")
    assert "河道提升改造工程" in tasks[0]  # the sub-row's other cells kept with the item


def test_a_sections_heading_right_after_a_header_of_one_cell_a_line() -> None:
    """台州's table: ``一、主要预期指标`` right after the header's cells is the first section's
    heading, not a fourth column (its 指标 a task's ending); a row's two leaders one a line
    are leaders, not its units."""
    lines = ["目标任务", "责任领导", "责任单位", "一、主要预期指标",
             "1. 生产总值增长7.5%以上。", "张三", "市发改委、市经信委,各县(市、区)政府",
             "2. 城乡居民收入增长与经济增长基本同步。", "张三", "李四",
             "市发改委、市农办、市财政局(市地税局)"]  # fmt: skip
    doc = parse_bytes("\n\n".join(lines).encode(), "list.txt")
    assert doc.report.header == ("目标任务", "责任领导", "责任单位")
    assert units_of(doc) == {
        "1": ["市发改委", "市经信委", "各县(市、区)政府"],
        "2": ["市发改委", "市农办", "市财政局"],  # its other name in brackets aside
    }
    assert list(doc.items["section"]) == ["主要预期指标"] * 2


def test_rows_under_an_item_a_cell_short_are_laid_by_what_they_hold() -> None:
    """新昌's table: rows under an item leave out its merged name cell, so a row one cell
    short starts with its task, not the item's name; its unit (``市场监管局``, ``经开区``, the
    abbreviation of an economic development zone) is the item's too."""
    text = "\n".join(
        ["项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |",
         "1.城市人居环境提升项目 | 提升改造3条城区道路; | 11月 | 建设局 |",
         "对七星路进行绿化亮化提档升级; | 2021.12 | 城投集团 | |",
         "2021年11月 | 经开区 | ||",
         "2.教育设施提升项目 | 完成22所学校空调安装工程。 | 8月 | 教体局 |",
         "在50所学校食堂开展阳光厨房建设。 | 10月底前 | 市场监管局 | |"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "list.txt")
    assert units_of(doc) == {
        "1": ["建设局", "城投集团", "经开区"], "2": ["教体局", "市场监管局"]
    }  # fmt: skip


@pytest.mark.parametrize(
    ("last", "kept"),
    [
        ("主办单位:住建局,协办单位:连江交通建设发展有", ["住建局"]),  # 有限公司 cut after its label
        ("牵头单位:区发改局;责任单位:区投促局、多福湾工作专", ["区发改局", "区投促局"]),  # 工作专班
    ],
)
def test_a_longer_name_cut_at_the_copys_end_is_not_read(last: str, kept: list[str]) -> None:
    """The store kept a page's first 2,000 bytes: its last unit's name cut inside (连江交通建设
    发展有, 多福湾工作专) is no unit, the item kept and marked cut; a whole name is read."""
    text = f"(1)整治提升道路。\n主办单位:交通运输局。\n(2)整治提升路网。\n{last}"
    doc = parse_bytes(text.encode(), "list.txt")
    assert units_of(doc)["(2)"] == kept
    assert "(2)" in doc.report.incomplete_items


@pytest.mark.parametrize(
    ("last", "read"),
    [
        ("责任单位:各乡镇(街道)、各单位等相关单位", ["各乡镇(街道)", "各单位"]),  # a list's end
        ("责任单位:各乡镇(街道), ▲市发改", ["各乡镇(街道)", "市发改"]),  # a lead's mark, a name
    ],
)
def test_a_whole_name_at_the_copys_end_is_read(last: str, read: list[str]) -> None:
    text = f"(1)整治提升道路。\n主办单位:交通运输局。\n(2)整治提升路网。\n{last}"
    doc = parse_bytes(text.encode(), "list.txt")
    assert units_of(doc)["(2)"] == read
    assert doc.report.incomplete_items == ()


def test_a_year_compared_with_is_not_the_reports() -> None:
    """``超过2018、2019年同期``, ``比2019年``: years compared with, not the year reported on."""
    period = reporting_period(["1-11月全市项目落地率82.9%,超过2018、2019年同期落地率"])
    assert (period.label, period.start) == ("1-11月", None)
    assert reporting_period(["比2019年增长5%", "2020年度完成情况"]).end.year == 2020


def test_a_figure_below_its_target_is_behind() -> None:
    """连云港's 通报 of the targets not on schedule: ``低于目标0.9个百分点`` says it behind."""
    period = reporting_period(["前三季度落实情况"], "2019")
    judged = judge(["地区生产总值(第1项):增长6.1%,低于目标0.9个百分点。"], [], [], period)
    assert (judged.status, judged.source) == ("behind", "phrase")


def test_a_table_whose_cells_the_copy_ran_together() -> None:
    """绍兴's pages taken without their cell breaks: the header one word of header words, each
    row's number stuck to its text, its first unit stuck after the text's last 。 and its
    other units one a line; a line starting with a figure (3月底前) is no row."""
    text = "\n".join(
        ["2023年市政府重点工作1-9月进展情况表",
         "序号内容与要求政务公开内容具体责任单位",
         "1实施营商环境优化提升工程。累计已出台配套政策78个。市财政局",
         "市税务局", "市发改委",
         "2发展公铁联运、海铁联运。多式联运量增长12%。市交通运输局"]
    )  # fmt: skip
    doc = parse_bytes(text.encode(), "report.txt")
    assert doc.report.header == ("序号", "内容与要求", "政务公开内容", "具体责任单位")
    assert units_of(doc) == {"1": ["市财政局", "市税务局", "市发改委"], "2": ["市交通运输局"]}
    assert doc.items["task"].iloc[0].startswith("实施营商环境优化提升工程。")
    lines = ["序号内容与要求完成情况责任单位", "1修路。已完工。县交通局", "2建校。在建。县教育局",
             "3月底前完成验收。"]  # fmt: skip
    cut = [b.text for b in glued_table([Block(line, f"L{n}") for n, line in enumerate(lines)])]
    assert cut[-4:] == ["2", "建校。在建。", "县教育局", "3月底前完成验收。"]  # a month: no row


def test_a_rows_figures_one_of_them_the_next_number_and_a_rate_in_a_report_without_period() -> None:
    # 祁门's table, one cell a line: row 1's planned and done figures (2 | 2) come before row 2's
    # number; a rate of 100% or more is the task done though the report names no period
    header = [
        "序号",
        "项目名称",
        "目标任务",
        "牵头单位",
        "目标任务",
        "累计完成",
        "累计进度",
        "备注",
    ]
    rows = [
        [
            "1",
            "加强公益性公墓建设管理",
            "推进不少于2个公墓新建",
            "县民政局",
            "2",
            "2",
            "100%",
            "按照工程进度测算",
        ],
        ["2", "放心家政行动", "培训家政服务人员613人次", "县商务局", "613", "626", "102.12%", ""],
        ["3", "提升敬老院服务能力", "督促5家敬老院规范运营", "县卫健委", "5", "3", "60%", ""],
    ]
    text = "民生实事项目推进情况\n" + "".join(f"{c} |\n" for c in header)
    text += "".join(f"{c} |\n" for row in rows for c in row)
    doc, progress = read_progress(text.encode(), "report.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "3"]
    assert units_of(doc) == {"1": ["县民政局"], "2": ["县商务局"], "3": ["县卫健委"]}
    assert list(progress["status"])[:2] == ["done", "done"]
    assert list(progress["status_source"])[:2] == ["rate", "rate"]
    assert progress["status"].iloc[2] != "done"  # 60% of the year's task


def test_a_heads_name_run_on_to_its_units_name() -> None:
    text = (
        "序号 | 工作任务 | 牵头单位及主要负责人 | 进展情况 |\n"
        "1 | 新建城市公园3个。 | 区住建局伍泽国 | 已建成2个。 |\n"
        "2 | 新增城镇就业8000人。 | 区人社局 陈宣群 | 已完成。 |\n"
        "3 | 建设智慧停车系统。 | 区城管局欧阳明 | 正在推进。 |\n"
    )
    doc = parse_bytes(text.encode(), "heads.txt")
    assert units_of(doc) == {"1": ["区住建局"], "2": ["区人社局"], "3": ["区城管局"]}


def test_a_real_tables_short_row_whose_units_cell_names_their_duties() -> None:
    # a Word table of a web copy whose merged 工作任务 cell the row lacks: its units cell is a
    # duty clause (办公室牵头,各科室配合), units though no list of names
    from tests import builders

    text = (
        "工作任务 | 具体要求 | 责任部门\n"
        "一、做好网站信息公开。 | 1.及时更新网站频道信息。 | 财务科\n"
        "2.及时更新微信公众号信息。 | 办公室牵头,各科室配合\n"
        "二、加强政策解读。 | 3.加强政策咨询服务。 | 各科室\n"
    )
    doc = parse_bytes(builders.pipe_table_docx(text), "a.docx")
    assert list(zip(doc.assignments["raw"], doc.assignments["role"])) == [
        ("财务科", "co"), ("办公室", "lead"), ("各科室", "co"), ("各科室", "co"),
    ]  # fmt: skip
    assert doc.items["task"].iloc[1] == "及时更新微信公众号信息。"


def test_a_table_pasted_from_a_spreadsheet_with_points_in_a_cell_and_a_leader_first() -> None:
    # cells separated by tabs, no bar closing a row: the points 1. 2. 3. inside a progress cell
    # are no items, and the leader's cell written once before the first row's number is his
    text = (
        "分管市长\t序号\t主要工作任务\t完成情况\t责任单位\n"
        "周军波\t1\t实施创新策源工程,建设全球创新策源地。\t"
        "1.完成全年计划122%。 2.推动大科学计划落户。 3.菜鸟网络总部均已建成。\t★区科技局、区发改局\n"
        "2\t强化技术攻关,入选省级以上研发攻关计划项目25项。\t入选项目25项。\t★区科技局\n"
        "3\t实施美好教育工程,打造示范标杆学校20所。\t已打造示范学校20所。\t★区教育局\n"
    )
    doc = parse_bytes(text.encode(), "pasted.txt")
    assert list(doc.items["item_label"]) == ["1", "2", "3"]
    assert units_of(doc) == {"1": ["区科技局", "区发改局"], "2": ["区科技局"], "3": ["区教育局"]}
    assert list(doc.items["leaders"])[0] == "周军波"


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "html", "pdf"])
def test_a_header_over_two_rows_names_lead_and_co_units_and_the_periods_rate(fmt: str) -> None:
    # 责任单位 over 牵头单位 | 配合单位, 1-9月进展情况 over 完成量 | 完成率, the rest merged down
    from tests import builders

    top = ["序号", "项目名称", "年度目标", "责任单位", "", "1-9月进展情况", "", "备注"]
    below = ["", "", "", "牵头单位", "配合单位", "完成量", "完成率", ""]
    rows = [
        ["1", "新建幼儿园", "新建幼儿园5所", "区教育局", "区住建局、区财政局", "3所", "60%", ""],
        ["2", "改造校舍", "改造校舍10处", "区教育局", "", "10处", "100%", "已完成"],
        ["3", "建设卫生院", "建成卫生院2所", "区卫健局", "各镇街道", "0", "0%", "尚未开工"],
    ]
    data = builders.two_row_header_table(fmt, "2023年民生实事1-9月进展情况表", top, below, rows)
    doc, progress = read_progress(data, f"report.{fmt}")
    assert list(zip(doc.assignments["item_no"], doc.assignments["raw"], doc.assignments["role"])) == [
        (1, "区教育局", "lead"), (1, "区住建局", "co"), (1, "区财政局", "co"),
        (2, "区教育局", "lead"), (3, "区卫健局", "lead"), (3, "各镇街道", "co"),
    ]  # fmt: skip
    assert list(progress["status"]) == ["behind", "done", "not_started"]
    assert progress["evidence"].iloc[0].startswith("1-9月进展情况完成率 60%")


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "html", "pdf"])
def test_a_header_over_two_rows_beside_a_column_of_no_known_name(fmt: str) -> None:
    # 责任单位 over 牵头单位 | 配合单位 right after the task, 进度评价 (a name the reader's
    # header words do not hold) merged down: the header is still found, the duties kept
    from tests import builders

    top = ["序号", "工作任务", "责任单位", "", "1-6月推进情况", "进度评价"]
    below = ["", "", "牵头单位", "配合单位", "", ""]
    rows = [
        ["1", "新建城市公园20个", "市园林局", "市财政局", "已建成8个。", "正常推进"],
        ["2", "改造老旧小区50个", "市住建局", "各区政府", "已开工10个。", "滞后"],
    ]
    data = builders.two_row_header_table(fmt, "2024年重点工作1-6月推进情况", top, below, rows)
    doc, progress = read_progress(data, f"report.{fmt}")
    assert list(zip(doc.assignments["item_no"], doc.assignments["raw"], doc.assignments["role"])) == [
        (1, "市园林局", "lead"), (1, "市财政局", "co"), (2, "市住建局", "lead"), (2, "各区政府", "co"),
    ]  # fmt: skip
    assert list(progress["status"]) == ["on_track", "behind"]


def test_a_sheet_rating_each_item_by_a_traffic_light_under_its_title_rows() -> None:
    # a title, the filer's row, sections merged across, a units cell of two labelled lines, and
    # 进度评价 rating each item 绿灯 / 黄灯 / 红灯 (the office's legend under the table)
    from tests import builders

    rows = (
        ["2024年区政府重点工作任务推进情况表(1-6月)"],
        ["填报单位:区政府督查室", "", "", "", "填报时间:2024年7月5日"],
        ["序号", "重点任务", "责任领导", "责任单位", "完成时限", "推进情况", "进度评价"],
        ["一、经济发展(3项)"],
        [1, "新增规上工业企业20家", "张三", "牵头单位:区经信局\n配合单位:区统计局、各镇(街道)",
         "2024年12月底", "新增规上工业企业12家。", "绿灯"],
        [2, "完成固定资产投资80亿元", "李四", "区发改局\n区财政局", "2024年12月底",
         "完成投资30亿元。", "红灯"],
        [3, "招引亿元以上项目10个", "王五", "区商务局", "2024年12月底", "已签约项目6个。", "黄灯"],
        ["注:进度评价分为红灯(滞后)、黄灯(需关注)、绿灯(正常推进)。"],
    )  # fmt: skip
    doc, progress = read_progress(builders.sheet(rows), "lights.xlsx")
    assert list(zip(doc.assignments["item_no"], doc.assignments["raw"], doc.assignments["role"])) == [
        (1, "区经信局", "lead"), (1, "区统计局", "co"), (1, "各镇(街道)", "co"),
        (2, "区发改局", "co"), (2, "区财政局", "co"), (3, "区商务局", "co"),
    ]  # fmt: skip
    assert list(progress["status"]) == ["on_track", "behind", "behind"]
    assert list(progress["evidence"]) == ["进度评价：绿灯", "进度评价：红灯", "进度评价：黄灯"]
    assert str(progress["period_end"].iloc[0]) == "2024-06-30"


def test_a_word_notice_whose_table_names_heads_phones_and_whether_on_schedule() -> None:
    # 责任人 and 联系电话 beside the units are no units; 是否达到序时进度 says 是, but an item
    # written 已全部完成 is done, more than on schedule
    import io

    import docx as python_docx

    rows = [
        ["序号", "工作事项", "牵头单位", "责任人", "联系电话", "进展情况", "是否达到序时进度"],
        ["1", "改造城区供水管网20公里", "县水利局", "王小明", "13912345678", "已改造16公里", "是"],
        ["2", "新建农村公路50公里", "县交通运输局", "刘大伟", "0551-1234567", "完成30公里", "否"],
        ["3", "完成农村危房改造300户", "县住建局", "陈红", "13800001111", "已全部完成", "是"],
    ]
    document = python_docx.Document()
    document.add_paragraph("关于2023年县政府重点工作第三季度推进情况的通报")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            table.cell(r, k).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    doc, progress = read_progress(buffer.getvalue(), "notice.docx")
    assert units_of(doc) == {"1": ["县水利局"], "2": ["县交通运输局"], "3": ["县住建局"]}
    assert list(progress["status"]) == ["on_track", "behind", "done"]
    assert list(progress["status_source"]) == ["column", "column", "phrase"]


def test_a_web_pages_table_inside_its_layout_table_and_a_footer_of_links() -> None:
    # the notice's table in a cell of the page's layout table, whose last row is the footer
    # (版权所有 … | 网站标识码 … | 联系我们): the site's, no row of the last item
    page = (
        "<html><body><table><tr><td><a href='/'>首页</a></td></tr><tr><td>"
        "<h1>关于2022年十大民生实事上半年进展情况的通报</h1><table border='1'>"
        "<tr><th>序号</th><th>实事项目</th><th>责任单位</th><th>上半年进展情况</th></tr>"
        "<tr><td>1</td><td>新建改建城市公厕50座</td><td>市城管局</td><td>建成25座。</td></tr>"
        "<tr><td>2</td><td>新增停车泊位5000个</td><td>市住建局</td><td>新增1800个。</td></tr>"
        "</table></td></tr><tr><td>版权所有 ©市人民政府 | 网站标识码 3300000001 | 联系我们"
        "</td></tr></table></body></html>"
    )
    doc = parse_bytes(page.encode(), "notice.html")
    assert units_of(doc) == {"1": ["市城管局"], "2": ["市住建局"]}
    assert list(doc.items["task"]) == ["新建改建城市公厕50座", "新增停车泊位5000个"]


@pytest.mark.parametrize("fmt", ["xlsx", "html"])
def test_an_items_number_and_task_merged_down_over_a_row_a_unit(fmt: str) -> None:
    # one item, its number and task merged down over three rows, each a town's with its own
    # progress: one item of three units, the town furthest behind deciding its status
    from tests import builders

    rows = [
        ["序号", "项目名称", "目标任务", "责任单位", "1-6月完成情况", "完成率"],
        ["1", "新建城乡公厕", "新建公厕30座", "东城街道", "完成6座", "60%"],
        ["", "", "", "西城街道", "完成5座", "50%"],
        ["", "", "", "南城街道", "完成2座", "20%"],
        ["2", "改造老旧小区", "改造小区12个", "区住建局", "已开工10个", "83%"],
    ]
    title = "2024年民生实事项目1-6月推进情况"
    if fmt == "xlsx":
        data = builders.sheet([[title], *rows], tuple(f"{c}3:{c}5" for c in "ABC"))
    else:
        cells = [
            "".join(f"<td>{c}</td>" for c in rows[0]),
            "".join(f'<td rowspan="3">{c}</td>' for c in rows[1][:3])
            + "".join(f"<td>{c}</td>" for c in rows[1][3:]),
            *("".join(f"<td>{c}</td>" for c in row[3:]) for row in rows[2:4]),
            "".join(f"<td>{c}</td>" for c in rows[4]),
        ]
        body = "".join(f"<tr>{row}</tr>" for row in cells)
        data = f"<html><body><p>{title}</p><table>{body}</table></body></html>".encode()
    doc, progress = read_progress(data, f"towns.{fmt}")
    assert units_of(doc) == {"1": ["东城街道", "西城街道", "南城街道"], "2": ["区住建局"]}
    assert list(progress["status"]) == ["behind", "on_track"]
    assert progress["evidence"].iloc[0].startswith("完成率 20%")


def test_a_web_copy_of_a_header_over_two_rows_each_row_on_a_line() -> None:
    # the copy writes the header's rows as they were, the cells merged down only in the first:
    # 牵头单位 | 配合单位 go under 责任单位, 完成量 | 完成率 under 1-9月进展情况 (8 columns, as the rows)
    text = (
        "2023年民生实事项目1-9月进展情况表\n"
        "序号 | 项目名称 | 年度目标 | 责任单位 | 1-9月进展情况 | 备注 |\n"
        "牵头单位 | 配合单位 | 完成量 | 完成率 |\n"
        "1 | 新建幼儿园 | 新建幼儿园5所 | 区教育局 | 区住建局、区财政局 | 3所 | 60% | |\n"
        "2 | 改造校舍 | 改造校舍10处 | 区教育局 | | 10处 | 100% | 已完成 |\n"
    )
    doc, progress = read_progress(text.encode(), "copy.txt")
    assert list(zip(doc.assignments["raw"], doc.assignments["role"])) == [
        ("区教育局", "lead"), ("区住建局", "co"), ("区财政局", "co"), ("区教育局", "lead"),
    ]  # fmt: skip
    assert list(progress["status"]) == ["behind", "done"]


def test_a_column_asking_whether_behind_a_plan_column_and_a_rate_under_a_done_phrase() -> None:
    # 是否滞后: 是 is behind, 否 on track; 下步打算 (what comes next: 确保年底全面完成) says no
    # status; 业主单位 and 包保领导 are the units and the leader; a part 超额完成 while the
    # completion rate is 40% is no item done
    text = (
        "2024年县重点项目1-9月推进情况\n"
        "序号 | 项目名称 | 业主单位 | 包保领导 | 进度情况 | 完成率 | 是否滞后 | 下步打算 |\n"
        "1 | 县人民医院迁建工程 | 县卫健局 | 张三 | 主体结构完成80%。 | 80% | 否 | 确保年底全面完成。 |\n"
        "2 | 城北污水处理厂 | 县城投公司 | 李四 | 受征地影响进展缓慢。 | 10% | 是 | 加快征地。 |\n"
        "3 | 农村公路提升工程 | 县交通运输局 | 王五 | 一期超额完成。 | 40% | | 全面完成。 |\n"
    )
    doc, progress = read_progress(text.encode(), "projects.txt")
    assert units_of(doc) == {"1": ["县卫健局"], "2": ["县城投公司"], "3": ["县交通运输局"]}
    assert list(doc.items["leaders"]) == ["张三", "李四", "王五"]
    assert list(progress["status"]) == ["on_track", "behind", "behind"]
    assert list(progress["evidence"])[:2] == ["是否滞后：否", "是否滞后：是"]
    assert progress["evidence"].iloc[2].startswith("完成率 40%")


def test_tasks_numbered_under_their_headings_number_in_a_sheet() -> None:
    # 1 加快产业升级 (no units) above 1.1, 1.2: the heading is their section, they the items
    from tests import builders

    rows = (
        ["2024年重点工作任务推进情况(1-6月)"],
        ["序号", "重点任务", "具体事项", "牵头单位", "责任单位", "推进情况"],
        ["1", "加快产业升级", "", None, None, None],
        ["1.1", "", "新增规上企业20家", "区经信局", "各街道", "新增12家。"],
        ["1.2", "", "技改投资增长10%", "区经信局", "区发改局", "增长11%。"],
        ["2", "优化营商环境", "", None, None, None],
        ["2.1", "", "企业开办1日办结", "区市场监管局", "", "已实现。"],
    )
    doc = parse_bytes(builders.sheet(rows), "tasks.xlsx")
    assert list(doc.items["item_label"]) == ["1.1", "1.2", "2.1"]
    assert list(doc.items["section"]) == ["加快产业升级", "加快产业升级", "优化营商环境"]
    assert units_of(doc) == {
        "1.1": ["区经信局", "各街道"], "1.2": ["区经信局", "区发改局"], "2.1": ["区市场监管局"],
    }  # fmt: skip


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "html", "pdf"])
def test_a_tick_under_the_status_that_names_its_column(fmt: str) -> None:
    # 进度情况 over 已完成 | 序时推进 | 滞后, one of them ticked (√) in each row; a row's
    # last columns left blank
    from tests import builders

    top = ["序号", "重点任务", "责任单位", "1-9月进展情况", "进度情况", "", ""]
    below = ["", "", "", "", "已完成", "序时推进", "滞后"]
    rows = [
        ["1", "新建幼儿园3所", "区教育局", "3所幼儿园已建成投用", "√", "", ""],
        ["2", "改造老旧小区9个", "区住建局", "已改造6个，其余正在施工", "", "√", ""],
        ["3", "新增城镇就业1万人", "区人社局", "新增就业7500人", "", "", "√"],
    ]
    data = builders.two_row_header_table(fmt, "2024年重点工作1-9月推进情况表", top, below, rows)
    doc, progress = read_progress(data, f"report.{fmt}")
    assert units_of(doc) == {"1": ["区教育局"], "2": ["区住建局"], "3": ["区人社局"]}
    assert list(progress["status"]) == ["done", "on_track", "behind"]  # 7500 is on schedule:
    assert list(progress["evidence"]) == [  # the tick says otherwise
        "进度情况：已完成（√）", "进度情况：序时推进（√）", "进度情况：滞后（√）",
    ]  # fmt: skip


def test_ticks_in_status_columns_of_one_header_row_the_rows_last_cells_blank() -> None:
    from tests import builders

    rows = (
        ["2024年重点工作1-9月推进情况表"],
        ["序号", "重点任务", "责任单位", "1-9月进展情况", "已完成", "正常推进", "进度滞后", "未启动"],
        ["1", "新建幼儿园3所", "区教育局", "3所幼儿园已建成投用", "√"],
        ["2", "改造老旧小区9个", "区住建局", "已改造6个", "", "✓"],
        ["3", "建设体育公园", "区文体局", "完成方案设计", "", "", "", "√"],
    )  # fmt: skip
    doc, progress = read_progress(builders.sheet(rows), "ticks.xlsx")
    assert units_of(doc) == {"1": ["区教育局"], "2": ["区住建局"], "3": ["区文体局"]}
    assert list(progress["status"]) == ["done", "on_track", "not_started"]
    assert list(progress["progress_text"]) == ["3所幼儿园已建成投用", "已改造6个", "完成方案设计"]


def _status_column_report(header: str, cells: list[str]):
    """The progress of a sheet of three items whose status column ``header`` holds ``cells``."""
    from tests import builders

    rows = (
        ["2024年重点工作1-9月推进情况表"],
        ["序号", "重点任务", "责任单位", "1-9月进展情况", header],
        ["1", "新建幼儿园3所", "区教育局", "幼儿园主体施工", cells[0]],
        ["2", "改造老旧小区9个", "区住建局", "已改造7个,其余正在施工", cells[1]],
        ["3", "建设体育公园", "区文体局", "完成方案设计", cells[2]],
    )
    return read_progress(builders.sheet(rows), "status.xlsx")[1]


@pytest.mark.parametrize(
    ("header", "marks", "statuses"),
    [
        ("是否完成", ["√", "×", "是"], ["done", "on_track", "done"]),  # × before the year's
        ("是否达到序时进度", ["√", "×", "否"], ["on_track", "behind", "behind"]),  # end: text
        ("是否滞后", ["×", "√", "否"], ["on_track", "behind", "on_track"]),
    ],
)
def test_a_tick_or_a_cross_answers_the_status_columns_question(
    header: str, marks: list[str], statuses: list[str]
) -> None:
    progress = _status_column_report(header, marks)
    assert list(progress["status"]) == statuses
    assert progress["evidence"].iloc[0] == f"{header}：{marks[0]}"


def test_a_cross_in_a_column_asking_whether_done_at_the_years_end_is_behind() -> None:
    p = reporting_period(["2024年度完成情况"])
    assert judge(["已改造6个"], [("是否完成", "×")], [], p).status == "behind"
    assert judge(["已改造9个"], [("是否完成", "√")], [], p).status == "done"
    assert column_role("是否完成") == "finished" and column_role("进度情况已完成") == "mark"


def test_units_labelled_on_the_line_a_pdf_wrapped_the_task_on_to_and_progress_run_on() -> None:
    # the task wrapped at a sentence's end, its 责任单位: on the second line, and the next
    # paragraph (the progress) joined to the last unit's bracket
    text = (
        "2023年市政府工作报告重点工作半年度完成情况汇总表\n序号\n目标任务\n推进情况\n1\n"
        "地区生产总值增长6%左右。固定资产投资增长9%。\n"
        "节能减排完成省定任务。责任单位:市发展改革委、市财政局、各区县政府(南太湖新区管委会)"
        "今年以来,全市经济运行呈现回升向好态势,上半年地区生产总值增长5.1%。\n"
        "2\n新增城镇就业3万人。责任单位:市人力社保局\n1-6月新增城镇就业1.8万人。\n"
    )
    doc = parse_bytes(text.encode(), "report.txt")
    assert units_of(doc) == {"1": ["市发展改革委", "市财政局", "各区县政府"], "2": ["市人力社保局"]}


@pytest.mark.parametrize(
    ("header", "cells", "statuses"),
    [
        ("完成状态", ["提前完成", "滞后序时进度", "暂未启动"], ["done", "behind", "not_started"]),
        ("完成状态", ["超序时进度", "慢于序时", "已竣工"], ["on_track", "behind", "done"]),
        ("是否达序", ["否,正在推进", "是(已完成)", "是,正在推进"], ["behind", "done", "on_track"]),
        ("预警\n等级", ["绿色", "黄色预警", "红色"], ["on_track", "behind", "behind"]),
    ],
)
def test_a_status_cell_saying_more_than_one_word(
    header: str, cells: list[str], statuses: list[str]
) -> None:
    progress = _status_column_report(header, cells)
    assert list(progress["status"]) == statuses
    assert list(progress["status_source"]) == ["column"] * 3
    assert progress["evidence"].iloc[1] == f"{header.replace(chr(10), '')}：{cells[1]}"


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "html", "pdf"])
def test_a_tick_under_the_answer_to_a_status_columns_question(fmt: str) -> None:
    # 是否达到序时进度 over 是 | 否, one of them ticked in each row
    from tests import builders

    top = ["序号", "重点任务", "责任单位", "1-9月进展情况", "是否达到序时进度", ""]
    below = ["", "", "", "", "是", "否"]
    rows = [
        ["1", "新建幼儿园3所", "区教育局", "主体完工", "√", ""],
        ["2", "改造老旧小区9个", "区住建局", "已改造6个,其余正在施工", "", "√"],
        ["3", "新增城镇就业1万人", "区人社局", "新增就业8000人", "√", ""],
    ]
    data = builders.two_row_header_table(fmt, "2024年重点工作1-9月推进情况表", top, below, rows)
    doc, progress = read_progress(data, f"report.{fmt}")
    assert units_of(doc) == {"1": ["区教育局"], "2": ["区住建局"], "3": ["区人社局"]}
    assert list(progress["status"]) == ["on_track", "behind", "on_track"]
    assert list(progress["evidence"]) == [
        "是否达到序时进度：是", "是否达到序时进度：否", "是否达到序时进度：是",
    ]  # fmt: skip


def test_a_column_named_done_holding_amounts_is_no_tick() -> None:
    # 全年计划 | 已完成 | 完成率: 已完成 holds the amount done, read as the progress
    from tests import builders

    rows = (
        ["2024年重点工作1-9月推进情况表"],
        ["序号", "重点任务", "责任单位", "全年计划", "已完成", "完成率"],
        ["1", "新建幼儿园3所", "区教育局", "3所", "2所", "66.7%"],
        ["2", "改造老旧小区9个", "区住建局", "9个", "9个", "100%"],
    )
    _, progress = read_progress(builders.sheet(rows), "amounts.xlsx")
    assert list(progress["status"]) == ["behind", "done"]
    assert list(progress["progress_text"]) == ["2所", "9个"]


def test_a_rows_own_share_due_against_its_share_done() -> None:
    # 序时进度 | 实际进度 per row: the report's own share due, not the share of the year gone;
    # the figures outweigh 正在推进
    from tests import builders

    rows = (
        ["2024年重点工作推进情况表(截至9月底)"],
        ["序号", "重点任务", "责任单位", "序时进度", "实际进度", "进展情况"],
        ["1", "新建幼儿园3所", "区教育局", "75%", "60%", "主体施工正在推进"],
        ["2", "改造老旧小区9个", "区住建局", "60%", "70%", "已改造6个"],
        ["3", "建设体育公园", "区文体局", "50%", "30%", "完成方案设计"],
    )
    _, progress = read_progress(builders.sheet(rows), "due.xlsx")
    assert list(progress["status"]) == ["behind", "on_track", "behind"]
    assert list(progress["evidence"]) == [
        "实际进度 60%，序时进度 75%", "实际进度 70%，序时进度 60%", "实际进度 30%，序时进度 50%",
    ]  # fmt: skip


_FORMS = [
    ("新建幼儿园3所", "区教育局", "区住建局、区财政局", "3所幼儿园主体完工", "是"),
    ("改造老旧小区9个", "区住建局", "各街道", "已改造6个", "否"),
    ("新增城镇就业1万人", "区人社局", "", "新增就业8000人", "是"),
]


def _forms_docx(numbered: str) -> bytes:
    """A Word report of one two-column table per item (工作任务 | … / 牵头单位 | … / 进展情况 |
    …), numbered by a paragraph above each (``paragraph``), by a 序号 row (``row``) or not at
    all (``none``); a field left blank."""
    import io

    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("2024年重点工作1-9月推进情况")
    for number, (task, lead, co, done, on_time) in enumerate(_FORMS, start=1):
        fields = [("工作任务", task), ("牵头单位", lead), ("配合单位", co)]
        fields += [("进展情况", done), ("是否达序", on_time)]
        if numbered == "paragraph":
            document.add_paragraph(str(number))
        elif numbered == "row":
            fields.insert(0, ("序号", str(number)))
        table = document.add_table(rows=len(fields), cols=2)
        for row, (name, value) in enumerate(fields):
            table.cell(row, 0).text, table.cell(row, 1).text = name, value
        document.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("numbered", ["paragraph", "row"])
def test_a_word_report_of_one_numbered_form_an_item(numbered: str) -> None:
    doc, progress = read_progress(_forms_docx(numbered), "forms.docx")
    assert list(doc.items["task"].str.split().str[0]) == [task for task, *_ in _FORMS]
    assert list(zip(doc.assignments["item_no"], doc.assignments["raw"], doc.assignments["role"])) == [
        (1, "区教育局", "lead"), (1, "区住建局", "co"), (1, "区财政局", "co"),
        (2, "区住建局", "lead"), (2, "各街道", "co"), (3, "区人社局", "lead"),
    ]  # fmt: skip
    assert list(progress["status"]) == ["on_track", "behind", "on_track"]


def test_a_word_report_of_one_unnumbered_form_an_item() -> None:
    # no number: read as a form's copy is (each field's name, its value below)
    doc, _ = read_progress(_forms_docx("none"), "forms.docx")
    assert list(doc.items["task"]) == [task for task, *_ in _FORMS]
    assert list(zip(doc.assignments["item_no"], doc.assignments["raw"], doc.assignments["role"])) == [
        (1, "区教育局", "lead"), (1, "区住建局", "co"), (1, "区财政局", "co"),
        (2, "区住建局", "lead"), (2, "各街道", "co"), (3, "区人社局", "lead"),
    ]  # fmt: skip


@pytest.mark.parametrize("in_cells", [False, True])
def test_a_tables_numbered_instructions_below_it_are_no_items(in_cells: bool) -> None:
    # 填报说明: and its points 1. 2. 3. under the table (3 would follow item 2), each a line or
    # its number in a cell of its own: no items, each line in the report; the 合计 row too
    from tests import builders

    points = ["进展情况请简要填写,不超过200字;", "是否达序填“是”或“否”。", "请于每月5日前报送。"]
    rows = (
        ["2024年重点工作1-9月推进情况表"],
        ["序号", "重点任务", "责任单位", "1-9月进展情况", "是否达序"],
        ["1", "新建幼儿园3所", "区教育局", "主体完工", "是"],
        ["2", "改造老旧小区9个", "区住建局", "已改造6个", "否"],
        ["合计", "", "", "2项", ""],
        ["填报说明:"],
        *([str(n), point] if in_cells else [f"{n}.{point}"] for n, point in enumerate(points, 1)),
    )
    doc, progress = read_progress(builders.sheet(rows), "instructions.xlsx")
    assert list(doc.items["item_label"]) == ["1", "2"]
    assert list(progress["status"]) == ["on_track", "behind"]
    assert doc.report.unplaced_lines[-1] == (
        "3 | 请于每月5日前报送。" if in_cells else "3.请于每月5日前报送。"
    )


@pytest.mark.parametrize(
    ("notes", "labels"),
    [
        (["注:1.标▲的为牵头单位;", "2.各单位每月5日前报送进展。"], ["1", "2"]),
        (["说明:", "1.标▲的为牵头单位。"], ["1", "2"]),
        (["备注:"], ["1", "2", "3"]),  # the next number after it: the list goes on
    ],
)
def test_a_notes_heading_after_the_items_ends_them_unless_the_numbers_go_on(
    notes: list[str], labels: list[str]
) -> None:
    lines = [
        "2024年重点工作责任清单",
        "1.新建幼儿园3所(▲区教育局、区财政局)",
        "2.改造老旧小区9个(区住建局)",
    ]
    lines += notes
    if labels[-1] == "3":
        lines.append("3.建设口袋公园5个(区园林局)")
    doc = parse_bytes("\n".join(lines).encode(), "list.txt")
    assert list(doc.items["item_label"]) == labels
    assert set(notes) <= set(doc.report.unplaced_lines)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_table_that_numbers_none_of_its_rows(fmt: str) -> None:
    # no 序号 column and no number in any row: each row an item without a number; a row of
    # one short cell groups the rows below it
    import io

    import docx as python_docx

    from tests import builders

    header = ["重点任务", "责任单位", "1-9月进展情况", "是否达序"]
    rows = [
        ["教育文化"],
        ["新建幼儿园3所", "区教育局", "主体完工", "是"],
        ["改造老旧小区9个", "区住建局、各街道", "已改造6个", "否"],
        ["城乡建设"],
        ["建设口袋公园5个", "区园林局", "已建成3个", "是"],
    ]
    if fmt == "xlsx":
        data = builders.sheet([["2024年重点工作1-9月推进情况表"], header, *rows])
    else:
        document = python_docx.Document()
        document.add_paragraph("2024年重点工作1-9月推进情况表")
        table = document.add_table(rows=len(rows) + 1, cols=len(header))
        for r, row in enumerate([header, *rows]):
            for k, cell in enumerate(row):
                table.cell(r, k).text = cell
            if len(row) == 1:
                table.cell(r, 0).merge(table.cell(r, len(header) - 1))
        buffer = io.BytesIO()
        document.save(buffer)
        data = buffer.getvalue()
    doc, progress = read_progress(data, f"unnumbered.{fmt}")
    assert list(doc.items["task"]) == ["新建幼儿园3所", "改造老旧小区9个", "建设口袋公园5个"]
    assert list(doc.items["section"]) == ["教育文化", "教育文化", "城乡建设"]
    assert list(zip(doc.assignments["item_no"], doc.assignments["raw"])) == [
        (1, "区教育局"), (2, "区住建局"), (2, "各街道"), (3, "区园林局"),
    ]  # fmt: skip
    assert list(progress["status"]) == ["on_track", "behind", "on_track"]


def test_a_page_of_one_item_written_as_labelled_fields() -> None:
    """One item a page (重点工作:… / 牵头单位:… / 进展落实情况: then 第一季度:…): its stages 1. 2.
    are no items; each quarter's progress is a period of its own."""
    text = "\n".join(
        [
            "任务12",
            "重点工作:推进城区污水管网改造,提升污水收集率。",
            "牵头单位:市水务局",
            "配合单位:市财政局、各区政府",
            "年度阶段性工作目标:",
            "第一季度:1.制定改造方案。2.完成前期设计。",
            "第二季度:开工建设。",
            "进展落实情况:",
            "第一季度:",
            "按计划推进中。",
            "1.已制定改造方案。",
            "2.已完成前期设计。",
            "第二季度:",
            "进度滞后。",
            "1.受征地影响,尚未开工。",
        ]
    )
    doc, progress = read_progress(text.encode(), "page.txt", year="2024")
    assert doc.items["task"].tolist() == ["推进城区污水管网改造,提升污水收集率。"]
    assert units_of(doc) == {"12": ["市水务局", "市财政局", "各区政府"]}  # 任务12
    assert doc.assignments.set_index("unit")["role"].to_dict() == {
        "市水务局": "lead",
        "市财政局": "co",
        "各区政府": "co",
    }
    assert progress["period_end"].astype(str).tolist() == ["2024-03-31", "2024-06-30"]
    assert progress["status"].tolist() == ["on_track", "behind"]
    assert "文件只写一项事项" in doc.report.read_as[0]


def test_a_page_of_one_item_without_a_task_label() -> None:
    """The task is the line above the first field; a field of another kind (进度安排) ends the
    units above it; no units, no item."""
    lines = [
        "2024年民生实事:老有颐养",
        "新建社区老年食堂20家,方便老年人就餐",
        "牵头单位:",
        "区民政局",
        "协办单位:",
        "各街道办事处",
        "进度安排",
        "第一季度:完成选址。",
        "落实情况",
        "已完成选址15处。",
    ]
    doc = parse_bytes("\n".join(lines).encode(), "page.txt")
    assert doc.items["task"].tolist() == ["新建社区老年食堂20家,方便老年人就餐"]
    assert units_of(doc) == {"": ["区民政局", "各街道办事处"]}
    from lib.write.report import report_text

    listed = report_text(doc)  # the plan's lines are no progress, and not lost either
    assert "进度安排" in listed and "第一季度:完成选址。" in listed
    with pytest.raises(ListError):
        parse_bytes("\n".join(lines[:2] + lines[6:]).encode(), "page.txt")


def test_a_rows_first_line_then_its_cells_each_after_a_bar() -> None:
    """``1 | 社区食堂建设`` then ``| 该项目…`` / ``| 党建办`` / ``| 已完成。 |``: one row, its
    cells on the lines below, each opened by a bar; 负责科室 names the units column."""
    text = (
        "序号 | 名称 | 明细 | 负责科室 | 执行落实情况 |\n"
        "1 | 社区食堂建设\n"
        "| 该项目位于某社区1楼,面积500平方米。\n"
        "| 党建办\n"
        "| 已于10月完成并对外开放。 |\n"
        "2 | 安置房交付 | 涉及900户。 | 城建办 | 已交付800户。 |\n"
    )
    doc = parse_bytes(text.encode(), "table.txt")
    assert units_of(doc) == {"1": ["党建办"], "2": ["城建办"]}
    assert doc.items["task"].tolist() == ["社区食堂建设", "安置房交付"]


def test_a_table_of_one_cell_a_line_closed_by_bars_without_numbers() -> None:
    """``项目 名称 |`` / ``内容 |``: two header cells (a word spaced, not one cell wrapped); the
    row below carries no number, its cells each closed by a bar."""
    lines = [
        "项目 名称 |",
        "内容 |",
        "牵头单位 |",
        "进展情况 (7月) |",
        "进展情况 (10月) |",
        "社区托育服务项目 |",
        "新增托位180个以上。 |",
        "区民政局、区卫生健康局 |",
        "新增托位120个。 |",
        "新增托位190个,超额完成任务。 |",
    ]
    doc = parse_bytes("\n".join(lines).encode(), "table.txt")
    assert doc.report.header[:3] == ("项目 名称", "内容", "牵头单位")
    assert units_of(doc) == {"": ["区民政局", "区卫生健康局"]}
    assert list(doc.notes["header"]) == ["进展情况 (7月)", "进展情况 (10月)"]


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("2022年区政府民生实事项目滞后项目情况表", "behind"),
        ("2022年度民生实事未完成项目进度表", "on_track"),  # unfinished may be on schedule
        ("2022年区政府民生实事项目进展情况表", "on_track"),
    ],
)
def test_a_title_that_names_the_items_status_gives_it(title: str, status: str) -> None:
    text = (
        f"{title}\n(截止到4月30日)\n序号 | 目标任务 | 牵头单位 | 进展情况 |\n"
        "1 | 开工老旧小区改造15个 | 区住建局 | 已开工8个,正在推进。 |\n"
    )
    assert read_progress(text.encode(), "t.txt", year="2022")[1]["status"].tolist() == [status]


def test_points_under_an_item_closed_by_its_units_are_its_progress() -> None:
    """``(一)重建公园。(主办单位:A、B)`` then ``1.…`` ``2.…`` naming no unit: the item's progress,
    no items; points that name their own units stay items."""
    text = "\n".join(
        [
            "一、十件民生实事情况",
            "(一)重建滨海公园。(主办单位:区工务局、区城管局)",
            "1.开放区域已完成,并完成移交。",
            "2.正在开展施工招标工作。",
            "进度评价:按进度完成。",
            "(二)修复海滨栈道。(主办单位:区工务局)",
            "栈道已进场施工。",
        ]
    )
    doc = parse_bytes(text.encode(), "notice.txt")
    assert list(doc.items["item_label"]) == ["(一)", "(二)"]
    assert "正在开展施工招标工作" in doc.items["task"].iloc[0]
    own = text.replace("1.开放区域已完成,并完成移交。", "1.建设停车场。(责任单位:区交通局)")
    doc = parse_bytes(own.encode(), "notice.txt")
    assert "1" in list(doc.items["item_label"])


def test_a_rectification_notice_of_one_problem_its_measures_numbered() -> None:
    """One problem a page (反馈问题:… / 整改措施: 1. 2. / 整改实施主体:… / 整改完成情况: 1. 2.):
    the numbers start again under each field, so they are the fields' points, not items; a
    验收单位 checks the work and is no responsible unit."""
    text = "\n".join(
        [
            "某区关于督察反馈问题整改情况公示",
            "根据要求,现对反馈意见第十二项整改任务的整改情况公示如下。",
            "反馈问题:城区部分污水管网老旧破损,雨污混流问题突出。",
            "整改目标:2025年底前完成老旧管网改造20公里。",
            "整改措施:",
            "1.完善管网建设。",
            "2.建立长效机制。",
            "整改实施主体:某区住房和城乡建设局",
            "牵头验收单位:某市住房和城乡建设局",
            "整改完成情况:",
            "1.已完成管网改造20公里。",
            "2.已建立巡查制度。该问题已完成整改。",
        ]
    )
    doc, progress = read_progress(text.encode(), "notice.txt", year="2025")
    assert list(doc.items["item_label"]) == ["第十二项"]
    assert doc.items["task"].iloc[0].startswith("城区部分污水管网老旧破损")
    assert list(doc.assignments["raw"]) == ["某区住房和城乡建设局"]
    assert "已完成管网改造20公里" in progress["progress_text"].iloc[0]


def test_a_lone_item_heading_its_labelled_fields_keeps_their_progress() -> None:
    """``一、…整改情况`` over ``问题编号:`` / ``整改目标:`` / ``责任单位:`` / ``整改情况:``: the one
    item is read from its fields, its 整改情况 the progress (before, all glued into the task)."""
    text = "\n".join(
        [
            "某县督察反馈问题第八项整改任务完成情况公示",
            "一、督察反馈问题整改情况",
            "问题编号:第八项",
            "整改目标:全县畜禽粪污综合利用率达到80%以上。",
            "责任单位:县畜牧兽医服务中心",
            "整改情况:综合利用率达到81%,该问题已完成整改。",
            "整改结论:该问题已完成整改",
        ]
    )
    doc, progress = read_progress(text.encode(), "notice.txt", year="2020")
    assert doc.items["task"].iloc[0].startswith("全县畜禽粪污综合利用率")
    assert progress["status"].tolist() == ["done"]
    assert "综合利用率达到81%" in progress["progress_text"].iloc[0]


def test_a_fields_own_parts_stay_in_it_and_an_overview_names_the_task() -> None:
    """``整改措施及成效`` then ``整改措施:…`` / ``整改成效:…``: parts of that field, not a new
    task; ``整改任务概述`` names the task (cells one a line, each closed by a bar)."""
    text = "\n".join(
        [
            "整改任务概述 |",
            "部分区县生活垃圾处理能力不足。 |",
            "整改责任单位 |",
            "某区 |",
            "整改措施及成效 |",
            "整改措施:一是扩建填埋场。二是改造处理设施。整改成效:垃圾得到有效处置。 |",
            "整改时间 |",
            "2020年6月至2021年12月 |",
        ]
    )
    doc = parse_bytes(text.encode(), "notice.txt")
    assert doc.items["task"].iloc[0].startswith("部分区县生活垃圾处理能力不足")
    assert list(doc.assignments["raw"]) == ["某区"]
    assert "垃圾得到有效处置" in " ".join(doc.notes["text"])


def test_a_problem_page_with_its_units_after_the_problem() -> None:
    """``整改任务第4项:…`` then ``二、牵头(责任)单位:…``, its measures and results under
    ``(一)整改措施`` / ``(二)整改措施落实情况``: the problem is the task, the bracket an
    alternative label (牵头 leads), the results its progress; the title says it is closed."""
    text = "\n".join(
        [
            "某县关于督察组反馈问题第4项整改销号情况公示",
            "一、督察反馈问题",
            "整改任务第4项:医疗机构对医疗废物和污水管控重视不够,环境安全隐患突出:县人民医院分院未"
            "建设医疗污水处理设施。",
            "二、牵头(责任)单位:某县卫生健康局",
            "(一)整改措施",
            "一是督促建设污水处理设施。二是建立常态化监督机制。",
            "(二)整改措施落实情况",
            "1.成立专项整治领导小组。",
            "2.持续开展督导检查。",
        ]
    )
    doc, progress = read_progress(text.encode(), "notice.txt", year="2021")
    assert doc.items["task"].iloc[0].startswith("整改任务第4项:医疗机构")
    assert doc.assignments[["raw", "role"]].values.tolist() == [["某县卫生健康局", "lead"]]
    assert list(doc.items["item_label"]) == ["第4项"]
    assert "成立专项整治领导小组" in progress["progress_text"].iloc[0]
    assert progress["status"].tolist() == ["done"]  # 销号, though 持续开展 goes on
    # the problem wrapped over two lines at a page's margin (a PDF's): both are its task
    wrapped = text.replace("县人民医院分院未", "县人民医院分院未\n")
    assert wrapped.count("\n") == text.count("\n") + 1
    doc = parse_bytes(wrapped.encode(), "notice.txt")
    assert doc.items["task"].iloc[0].startswith("整改任务第4项:医疗机构")
    assert "建设医疗污水处理设施" in doc.items["task"].iloc[0]


def test_a_form_whose_notice_names_who_does_it_and_who_checks_it() -> None:
    """A one-problem form without a units field takes the units its notice names
    (``X牵头负责的…第43项``); a 验收单位 field checks the work and is no units field."""
    lines = [
        "市生态环境局牵头负责的省委督察整改任务第43项已整改完成,并通过核查验收。",
        "一、整改任务",
        "河塘沟渠黑臭水体较普遍,周边堆放大量垃圾。",
        "二、整改完成情况",
        "(1)3处水体黑臭问题均已整改完毕。",
    ]
    doc = parse_bytes("\n".join(lines).encode(), "form.txt")
    assert doc.assignments[["raw", "role"]].values.tolist() == [["市生态环境局", "lead"]]
    checked = [
        "一、整改事项",
        "海洋生态破坏现象依然存在。",
        "二、责任单位",
        "省自然资源厅牵头,省林业局配合。",
        "三、验收单位",
        "省农业农村厅。",
        "四、整改完成情况",
        "已完成。",
    ]
    doc = parse_bytes("\n".join(checked).encode(), "form.txt")
    assert doc.assignments[["raw", "role"]].values.tolist() == [
        ["省自然资源厅", "lead"],
        ["省林业局", "co"],
    ]


def test_a_supervision_notices_results_are_the_items_progress() -> None:
    """``责任单位:X。`` then ``督查结果:工作推进缓慢。…``: the result is the item's progress (a
    note under its label, read as progress); a works' 进度已完成100% is done."""
    text = "\n".join(
        [
            "1.科技园项目,要求6月底完成地面附属物清理。责任单位:高新区。",
            "督查结果:工作推进缓慢。物探、地探未做。",
            "2.宿舍维修改造项目,要求6月底完工。责任单位:县教育局。",
            "督查结果:截至目前工程进度已完成100%,已验收。",
        ]
    )
    doc, progress = read_progress(text.encode(), "notice.txt", year="2014")
    assert set(doc.notes["header"]) >= {"督查结果"}
    assert progress["status"].tolist() == ["behind", "done"]
    assert progress["evidence"].iloc[0] == "工作推进缓慢"


def test_a_units_label_in_brackets_whose_colon_was_lost() -> None:
    """``(牵头责任单位县教育局)``: the label and a unit's name, the colon lost by the copy; a
    label before words that name no unit (负责组织实施) is left as written."""
    text = "\n".join(
        [
            "(一)全省初中学校安装除颤仪(牵头责任单位县教育局)",
            "(二)学生宿舍维修改造(牵头责任单位:县教育局)",
            "(三)新生儿筛查(牵头单位负责组织实施)(责任单位:县卫健委)",
        ]
    )
    doc = parse_bytes(text.encode(), "notice.txt")
    assert units_of(doc) == {"(一)": ["县教育局"], "(二)": ["县教育局"], "(三)": ["县卫健委"]}


def test_a_units_header_after_a_places_name() -> None:
    """``嵊州 牵头单位`` (the header cell wrapped after the place's name): the leads' column."""
    text = (
        "序号 | 项目 | 省工作目标 | 嵊州 牵头单位 | 1-6月进展情况 |\n"
        "1 | 浙有善育 | 新增托位525个 | 卫生健康局 | 新增托位336个。 |\n"
        "2 | 浙里优学 | 新改扩建公办中小学2所 | 教体局 | 主体完工。 |\n"
    )
    doc = parse_bytes(text.encode(), "table.txt")
    assert doc.assignments[["unit", "role"]].values.tolist() == [
        ["卫生健康局", "lead"],
        ["教体局", "lead"],
    ]


def test_records_one_after_another_each_opened_by_the_same_field() -> None:
    """``目标:…`` / ``进展情况:…`` / ``牵头单位:…`` again and again: an item each, without a
    number; the last, cut off by the copy before its units, is listed, not an item."""
    text = "\n".join(
        [
            "目标:新增和改造供水管网1000公里。",
            "进展情况:一季度新增和改造供水管网362公里。",
            "牵头单位:市水利局",
            "",
            "目标:新建公交候车亭200个。",
            "进展情况:一季度完成新建公交候车亭84个,进度滞后。",
            "牵头单位:市交通运输局",
            "",
            "目标:建成断头路5条。",
            "进展情况:迪荡湖路完成形象进度30%",
        ]
    )
    doc, progress = read_progress(text.encode(), "records.txt", year="2020")
    assert doc.items["task"].tolist() == ["新增和改造供水管网1000公里。", "新建公交候车亭200个。"]
    assert doc.assignments[["unit", "role"]].values.tolist() == [
        ["市水利局", "lead"],
        ["市交通运输局", "lead"],
    ]
    assert progress["status"].tolist()[1] == "behind"
    from lib.write.report import report_text

    assert "目标:建成断头路5条。" in report_text(doc)  # the cut record: listed, not lost


def test_one_measure_done_of_an_item_written_over_rows_is_not_the_item_done() -> None:
    """An item's measures on rows of their own: ``已全部完成。`` for the first, figures for the
    next: the item is not done by the first one's words."""
    text = (
        "2022年民生实事1-6月份进展情况表\n"
        "序号 | 项目 | 工作目标 | 牵头单位 | 1-6月进展情况 |\n"
        "1 | 浙有善育 | 新增3个乡镇建有托育机构 | 卫生健康局 | 已全部完成。 |\n"
        "新增托位525个 | 卫生健康局 | 新增托位336个。 | ||\n"
        "2 | 浙派工匠 | 开展职业技能培训11300人次 | 人力社保局 | 已全部完成。 |\n"
    )
    progress = read_progress(text.encode(), "table.txt")[1]
    assert progress["status"].tolist() == ["on_track", "done"]


def test_a_page_titled_by_the_unit_that_carries_its_one_task() -> None:
    """``2020年某市教育局承担…幼儿园建设项目1-4月进展情况``, its body saying so again with the
    targets: one item of that unit, the targets its task, the rest its progress; the page's
    stamp (时间: … 浏览量:) is no progress."""
    text = "\n".join(
        [
            "2020年某市教育局承担为民办实事公办幼儿园建设项目1-4月进展情况",
            "时间:2020-05-12 15:07 浏览量:",
            "2020年某市教育局承担为民办实事新、改扩建公办幼儿园20所,年度计划投资1亿元。"
            "截至4月,已推动开工建设7所,各建设项目按序时推进。",
        ]
    )
    doc, progress = read_progress(text.encode(), "page.txt")
    assert doc.items["task"].tolist() == ["为民办实事新、改扩建公办幼儿园20所,年度计划投资1亿元。"]
    assert doc.assignments[["raw", "role"]].values.tolist() == [["某市教育局", "co"]]
    assert progress["progress_text"].iloc[0].startswith("截至4月")
    assert progress["period_end"].astype(str).tolist() == ["2020-04-30"]
    from lib.write.report import report_text

    assert "时间:2020-05-12 15:07 浏览量:" in report_text(doc)  # listed, not lost


def test_an_opening_that_sorts_the_items_by_name_into_statuses() -> None:
    """``截至11月底,…A、B等2项已完成;C正在稳步推进`` before the items: each item named stands
    as the clause that names it says (已完成13所… alone would read as progress under way); an
    item the opening does not name is read from its own text, and a line naming one item is no
    such opening."""
    text = "\n".join(
        [
            "2021年为民办实事事项11月份进展情况通报",
            "截至11月底,为民办实事4项中,“初中学校安装除颤仪”、农村公厕改造提升等2项已完成;"
            "新生儿疾病筛查、城乡公交一体化等2项工作正在稳步推进。",
            "(一)初中学校安装除颤仪(牵头单位:县教育局)",
            "已完成13所初中学校各配备一台除颤仪。",
            "(二)农村公厕改造提升(牵头单位:县住建局)",
            "已改造公厕20座。",
            "(三)新生儿疾病筛查(牵头单位:县卫健委)",
            "已筛查1036人。",
            "(四)城乡公交一体化(牵头单位:县交通局)",
            "新开公交线路3条。",
            "(五)老年助餐服务点建设(牵头单位:县民政局)",
            "已建成助餐点5个。",
        ]
    )
    progress = read_progress(text.encode(), "notice.txt")[1]
    assert progress["status"].tolist() == ["done", "done", "on_track", "on_track", "on_track"]
    assert progress["status_source"].tolist()[:4] == ["summary"] * 4
    assert progress["evidence"].iloc[0] == "初中学校安装除颤仪…等2项已完成"
    one = text.replace("、农村公厕改造提升等2项已完成", "已完成").replace("新生儿疾病筛查、", "")
    assert read_progress(one.encode(), "notice.txt")[1]["status"].tolist()[:2] == [
        "on_track",
        "on_track",
    ]


def test_a_ranges_lower_end_a_ceiling_kept_and_a_figure_counted_only_at_the_years_end() -> None:
    """增长7%~7.5% with 7% reported is on track (the range's lower end); 控制在3%以内 with
    1.89% reported is kept (a ceiling, not a figure to reach), 3.4% is not; an indicator
    whose progress says only 年度统计 is counted at the year's end: nothing to judge yet."""
    half = reporting_period(["上半年"], "2017")
    statuses = [
        judge([reported], [], [], half, "", target).status
        for target, reported in (
            ("地区生产总值增长7%~7.5%", "上半年地区生产总值增长7%"),
            ("城镇登记失业率控制在3%以内", "城镇登记失业率为1.89%"),
            ("居民消费价格涨幅控制在3%左右", "居民消费价格涨幅3.4%"),
            ("研发经费支出占生产总值比重达到2.75%", "年度统计"),
        )
    ]
    assert statuses == ["on_track", "on_track", "behind", "unknown"]


def test_the_stage_of_the_works_planned_for_the_month_against_the_stage_reached() -> None:
    """A column of the month's own step (8月份目标) beside the progress: a row still at an
    earlier stage of the works (正在招标 where 已完成招标 was planned; 对接协商 where 开展招标
    was) is behind; a row at the stage planned or further is not; a plan for the month to come
    (7月工作计划 in a report of 1-6月) is no measure of the period."""
    header = "序号 | 项目 | 牵头单位 | {} | 进展情况 |"
    rows = [
        "1 | 为10个老旧小区实施消防设施改造 | 区消防救援支队 | 已完成招标监理审核。 | 正在招标。 |",
        "2 | 为3栋高层公房实施消防设施改造 | 区消防救援支队 | 开展招标。 | 对接协商确定项目事宜。 |",
        "3 | 新增3家社区综合为老服务分中心 | 区民政局 | 进场施工。 | 进场施工,其中1家已完成建设。 |",
    ]
    text = "\n".join(["2022年区政府实事项目8月份进展情况", header.format("8月份目标"), *rows])
    progress = read_progress(text.encode(), "report.txt")[1]
    assert progress["status"].tolist() == ["behind", "behind", "on_track"]
    assert progress["evidence"].iloc[0] == "8月份目标：已完成招标监理审核；进展：正在招标"
    later = text.replace("8月份", "1-6月", 1).replace("8月份目标", "7月工作计划")
    assert read_progress(later.encode(), "report.txt")[1]["status"].tolist() == ["on_track"] * 3


def test_a_closing_sentence_on_all_the_items_above_it() -> None:
    """``1、…;2、…;3、…。以上项目均低于全市平均进度`` at the end of the last point: every point
    of that run stands as the sentence says, not the item before the run, numbered otherwise."""
    text = "\n".join(
        [
            "关于2019年度民生工程重点项目实施情况专项督查通报",
            "一、牵头部门实施情况",
            "(一)县教育局:学前教育促进工程。幼师培训任务500人,截至督查时已培训300人。",
            "(二)县农业农村局:1、卫生厕所改造项目。全年任务12000户,各乡镇正签订合同。"
            "2、新型农民培训。培训任务652人,正在遴选学员。"
            "3、秸秆综合利用提升工程。秸秆收储点16个已完成5个。以上项目均低于全市平均进度。",
        ]
    )
    progress = read_progress(text.encode(), "notice.txt")[1]
    assert progress["item_label"].tolist() == ["(一)", "1", "2", "3"]  # (二) heads its points
    assert progress["status"].tolist()[1:] == ["behind"] * 3 and progress["status"][0] != "behind"
    assert progress["evidence"].iloc[1] == "以上项目均低于全市平均进度"


def test_a_remark_that_says_only_done_and_a_level_reached_before_the_years_end() -> None:
    """备注 已完成 beside a bare figure is done; a rate that is a level (资源化利用率达到92%以上)
    reached at mid-year is done, while a growth rate reached then (增长8%) may still fall back
    and is on track."""
    half = reporting_period(["1-6月"], "2018")
    assert judge(["2425"], [], ["已完成"], half).status == "done"
    level = judge(
        ["全市城镇生活垃圾资源化利用率已达到93%。"],
        [],
        [],
        half,
        "",
        "生活垃圾资源化利用率达到92%以上",
    )
    growth = judge(["一般公共预算收入增长8.5%。"], [], [], half, "", "一般公共预算收入增长8%")
    assert (level.status, level.source, growth.status) == ("done", "figures", "on_track")


def test_energy_intensity_rising_is_behind_and_a_labelled_figure_not_out_is_unknown() -> None:
    """单位GDP能耗同比上升: an intensity that should fall rose, behind (whatever else is not out
    yet); ``完成情况:相关数据未出`` says only that the figure is not out: nothing to judge."""
    nine = reporting_period(["1-9月"], "2024")
    rising = judge(["前三季度单位GDP能耗同比上升1%左右。1-12月数据尚未出。"], [], [], nine)
    assert (rising.status, rising.source) == ("behind", "phrase")
    assert judge(["完成情况:相关数据未出"], [], [], nine).status == "unknown"


@pytest.mark.parametrize(
    "progress",
    [
        "材料上报工作已完成。平台申报工作已暂停。",  # the work itself stopped, a step done
        "因规划调整,项目暂缓实施,正在协调。",
        "受政策影响,企业内部暂缓投资。",
        "因资金未落实,工程暂停施工。",
        "受土地指标影响,项目处于停滞状态。",
    ],
)
def test_work_suspended_is_behind(progress) -> None:
    """Work stopped or put off (已暂停, 暂缓实施, 停滞) is behind, whatever step was done
    before or whatever is being talked over."""
    assert judge([progress], [], [], reporting_period(["1-11月"], "2024")).status == "behind"


def test_a_target_to_beat_a_wider_area_is_held_against_the_comparison_with_it() -> None:
    """增速高于全省平均: the report's 低于全省0.1个百分点 is behind, though its figure rose and
    its words say the work goes on; over the province it is met (done at the year's end); a
    comparison with another area (全市) says nothing of it."""
    q1, year = reporting_period(["一季度"], "2025"), reporting_period(["2025年度"], "2025")
    task = "城镇常住居民人均可支配收入增速高于全省平均、位次靠前"
    under = judge(
        ["收入增长4.8%,低于全省0.1个百分点,高于全市0.2个百分点,正在推进。"], [], [], q1, "", task
    )
    assert (under.status, under.source) == ("behind", "figures")
    assert "低于全省" in under.evidence
    over = ["收入增长6.1%,高于全省0.4个百分点。"]
    assert judge(over, [], [], q1, "", task).status == "on_track"
    assert judge(over, [], [], year, "", task).status == "done"
    other = judge(["收入增长4.8%,低于全市0.1个百分点。"], [], [], q1, "", task)
    assert other.source != "figures"


def test_a_reported_figure_counts_against_the_target_its_words_say_best() -> None:
    """新开工项目17个 is held against 新开工项目20个以上, not against 实施亿元项目78个以上
    (``项目`` alone is in both): 17 of 20 and 68 of 78 at the first quarter are on track; a
    report whose progress is written into the task keeps its targets all the same."""
    q1 = reporting_period(["一季度"], "2025")
    task = "强化项目全生命周期管理,实施亿元项目78个以上,其中新开工项目20个以上。"
    progress = "一季度实施市亿元以上重点项目68个,其中,续建项目51个,新开工项目17个。"
    judged = judge([progress], [], [], q1, "", task)
    assert (judged.status, judged.source) == ("on_track", "figures")
    glued = f"{task}一季度新开工项目3个。"  # the progress written into the task's text
    assert judge(["一季度新开工项目3个。"], [], [], q1, "", glued).status == "behind"


@pytest.mark.parametrize("progress", ["已完成全部任务。", "全部任务已完成。", "任务已全部完成。"])
def test_all_the_tasks_done_is_done(progress) -> None:
    """已完成全部任务 says the item is done, as 已全部完成 does (not work going on)."""
    judged = judge([progress], [], [], reporting_period(["1-9月"], "2023"))
    assert (judged.status, judged.source) == ("done", "phrase")


def test_a_figure_said_with_done_before_the_tasks_verb_counts_against_its_target() -> None:
    """已完成改造8个 under 改造老旧小区20个 is the task's figure (完成, then the task's own verb):
    8 of 20 by September is behind; 已完成开工3家 under 建成城市书房10家 is another step."""
    nine = reporting_period(["1-9月"], "2024")
    task = "改造老旧小区20个"
    judged = judge(["已完成改造8个。"], [], [], nine, task, task)
    assert (judged.status, judged.source) == ("behind", "figures")
    other = judge(["已完成开工3家。"], [], [], nine, "建成城市书房10家", "建成城市书房10家")
    assert other.source != "figures"


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("超序", "on_track"),
        ("基本达序", "on_track"),
        ("符合时序", "on_track"),
        ("按序推进", "on_track"),
        ("良好", "on_track"),
        ("较差", "behind"),
        ("差", "behind"),
    ],
)
def test_more_words_of_a_status_column(cell: str, status: str) -> None:
    """A status column's cell says the status, not the progress written beside it."""
    judged = judge(
        ["做了一些工作。"], [("进度评价", cell)], [], reporting_period(["1-9月"], "2024")
    )
    assert (judged.status, judged.source) == (status, "column")


def test_work_still_going_on_in_a_year_end_report_is_on_track() -> None:
    """A year-end report lists what was done: its progress is done unless it names a shortfall,
    or says the work is still going on (目前正在报消防备案): then on track."""
    year = reporting_period(["第四季度"], "2023")
    assert judge(["已建成示范点1个。"], [], [], year).status == "done"
    going = judge(["目前区级示范点正在报消防备案,进入试营业阶段。"], [], [], year)
    assert (going.status, going.source) == ("on_track", "phrase")


def test_work_to_start_after_another_step_has_not_started() -> None:
    """``待省统一部署后启动实施``: the work starts after something still ahead, not started."""
    nine = reporting_period(["1-9月"], "2024")
    assert judge(["待省统一部署后启动实施"], [], [], nine).status == "not_started"


def test_a_page_of_one_item_with_bulleted_labels_and_a_units_field_left_empty() -> None:
    """``• 牵头单位:`` / ``• 光明区卫生健康局`` / ``• 协办单位:`` (nothing under it) / ``进度安排``:
    the bullets mark the fields, the empty field names no unit, and 进度安排 is a field of its
    own, not a unit."""
    text = "\n".join(
        [
            "光明区2021年民生实事:病有良医",
            "加快区妇幼保健院建设,开展健康义诊宣传活动20场以上。",
            "• 牵头单位:",
            "• 光明区卫生健康局",
            "• 协办单位:",
            "进度安排",
            "第一季度:开展临建搭设工程。",
            "落实情况",
            "第一季度:临建搭设工程已完成。",
            "第二季度:土石方工程完成40%。",
        ]
    )
    doc = parse_bytes(text.encode(), "page.txt")
    assert doc.items["task"].tolist() == ["加快区妇幼保健院建设,开展健康义诊宣传活动20场以上。"]
    assert doc.assignments[["raw", "role"]].values.tolist() == [["光明区卫生健康局", "lead"]]


def test_paragraphs_each_opened_by_the_unit_they_report_on() -> None:
    """A bulletin that numbers nothing: ``城乡建设工作指挥部:项目24项,未达序时进度4项为:…`` a
    paragraph each, under the heading that introduces them: each paragraph an item, the name
    its unit, the rest its progress. The page's stamp (来源:…) is none."""
    text = "\n".join(
        [
            "2023年重大项目1-11月建设情况",
            "来源:某县 发布时间: 2023-12-08 10:19",
            "一、十大重点工作指挥部滞后情况",
            "城乡建设工作指挥部:项目24项,未达序时进度4项为:城区雨污管网修复工程、广安天然气门站。",
            "梅溪新城建设工作指挥部:项目24项,均达序时进度。",
            "绿色建筑产业园建设工作指挥部:项目17项,未达序时进度2项为:万邦钢构项目。",
        ]
    )
    doc, progress = read_progress(text.encode(), "bulletin.txt")
    assert doc.assignments["unit"].tolist() == [
        "城乡建设工作指挥部",
        "梅溪新城建设工作指挥部",
        "绿色建筑产业园建设工作指挥部",
    ]
    assert progress["status"].tolist() == ["behind", "on_track", "behind"]
    assert set(doc.items["section"]) == {"一、十大重点工作指挥部滞后情况"}


def test_a_text_table_of_unnumbered_rows_written_with_bars() -> None:
    """A table copied as text, ``| 工作任务 | 牵头单位 | 完成情况 |`` (a Markdown copy, a pasted
    sheet) whose rows carry no number: read as a file's table is, each row an item, as Word,
    Excel and PDF tables of the same rows are."""
    rows = [
        ("建成县域普通高中1所", "县教育局", "已完成。"),
        ("提质改造老年学校2所", "县民政局", "正在施工。"),
        ("增加基础教育学位3675个", "县教育局", "已完成。"),
    ]
    markdown = (
        "2024年重点民生实事项目完成情况\n| 工作任务 | 牵头单位 | 完成情况 |\n| --- | --- | --- |\n"
    )
    markdown += "".join(f"| {a} | {b} | {c} |\n" for a, b, c in rows)
    bare = re.sub(r"^\| | \|$", "", markdown.replace("| --- | --- | --- |\n", ""), flags=re.M)
    for text in (markdown, bare):
        doc, progress = read_progress(text.encode(), "table.txt")
        assert doc.items["task"].tolist() == [a for a, _, _ in rows]
        assert doc.assignments["unit"].tolist() == ["县教育局", "县民政局", "县教育局"]
        assert progress["status"].tolist() == ["done", "on_track", "done"]


def test_a_pages_planned_steps_by_quarter_are_no_progress() -> None:
    """Under ``进度安排`` (after the units), ``第一季度工作进展: 完成设计招标工作。`` is the
    quarter's planned step: listed in the report, never read as progress (its 完成 would read
    done); the progress is what ``落实情况`` says of each quarter."""
    text = "\n".join(
        [
            "光明新区2017年民生实事:公园建设和环境提升",
            "内衣基地、模具基地绿化景观提升工程",
            "牵头单位: 新区城市管理局",
            "协办单位: 新区审计局、马田办事处",
            "进度安排",
            "第一季度工作进展: 完成设计招标工作。",
            "第二季度工作进展:完成设计方案,编制概预算。",
            "落实情况",
            "第一季度:已完成设计方案交底工作,正在开展方案设计工作。",
            "第二季度:设计方案仍需优化调整。",
        ]
    )
    doc, progress = read_progress(text.encode(), "page.txt")
    assert progress["progress_text"].tolist() == [
        "已完成设计方案交底工作,正在开展方案设计工作。",
        "设计方案仍需优化调整。",
    ]
    from lib.write.report import report_text

    assert "完成设计招标工作" in report_text(doc)  # listed, not lost


@pytest.mark.parametrize(
    ("header", "cell", "status"),
    [
        ("是否按时序推进", "否", "behind"),  # 时序 for 序时
        ("是否按计划推进", "是", "on_track"),
        ("督查评价", "滞后", "behind"),  # an evaluation column naming a status
        ("评价等次", "已完成", "done"),
        ("是否销号", "是", "done"),  # struck off the list: done
        ("进展状态", "落后", "behind"),
        ("进展状态", "停工", "behind"),  # the works stopped
    ],
)
def test_more_status_columns_by_their_headers(header: str, cell: str, status: str) -> None:
    """Read from a table: the header says the column holds a status, its cell says which."""
    text = f"2023年重点工作1-10月推进情况\n序号 | 工作任务 | 牵头单位 | 推进情况 | {header} |\n"
    text += f"1 | 新建公园3个 | 市园林局 | 完成60%。 | {cell} |\n"
    text += "2 | 改造老旧小区20个 | 市住建局 | 正在推进。 | |\n"
    progress = read_progress(text.encode(), "table.txt")[1]
    assert progress["status"].iloc[0] == status


def test_a_rectification_tables_progress_and_a_time_series_share_column() -> None:
    """整改情况 is the progress of a 督察整改 table, 实际完成 a column of what was done, 时序进度
    (序时 written the other way round) the share of the task due."""
    assert [column_role(h) for h in ("整改情况", "实际完成", "时序进度", "滞后原因")] == [
        "progress",
        "progress",
        "due",
        "remark",
    ]
