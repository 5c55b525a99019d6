import pytest

from lib.parse.blocks import text_blocks
from lib.parse.metadata import detect_place, extract_metadata

HEADER = """索引号: 001008006002001/2023-141193 主题分类: 综合政务/其他
发布机构: 市政府办公室 成文日期: 2023-02-09
文号: 诸政办发〔2023〕2号
诸暨市人民政府办公室关于印发2023年政府重点工作责任清单的通知
附件
2023年《政府工作报告》主要目标任务分解清单"""


def test_metadata_of_a_published_notice() -> None:
    assert extract_metadata(text_blocks(HEADER)) == {
        "issuer": "市政府办公室",
        "date": "2023-02-09",
        "doc_number": "诸政办发〔2023〕2号",
        "notice_title": "诸暨市人民政府办公室关于印发2023年政府重点工作责任清单的通知",
        "title": "2023年《政府工作报告》主要目标任务分解清单",
        "place": "诸暨",
    }


def test_metadata_without_header_fields() -> None:
    meta = extract_metadata(
        text_blocks("国务院关于促进就业的若干意见\n国发〔2018〕39号\n2018年11月16日")
    )
    assert meta["doc_number"] == "国发〔2018〕39号"
    assert meta["date"] == "2018-11-16"
    assert "place" not in meta


@pytest.mark.parametrize(
    ("lines", "place"),
    [
        (["诸暨市人民政府办公室关于印发…的通知"], "诸暨"),
        (["内蒙古自治区人民政府关于…"], "内蒙古"),
        (["各省、自治区、直辖市人民政府，国务院各部委"], ""),
        (["没有地名"], ""),
    ],
)
def test_detect_place(lines: list[str], place: str) -> None:
    assert detect_place(lines) == place


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (
            ["【重点工作落实】2021年度市政府重点工作落实情况的通报", "浏览次数:信息来源: 市政府办"],
            "2021年度市政府重点工作落实情况的通报",
        ),
        (
            ["2024年民生实事项目1-9月进展情况表", "序号", "项目名称"],
            "2024年民生实事项目1-9月进展情况表",
        ),
        (["进展情况", "序号", "项目名称"], ""),  # a header's cell is no title
    ],
)
def test_a_reports_title_names_a_year_and_what_it_reports(lines, title) -> None:
    from lib.parse.blocks import Block

    assert extract_metadata([Block(line, "x") for line in lines]).get("title", "") == title
