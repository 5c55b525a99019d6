"""Item records from blocks: labels, sections, multi-line tasks, missing units, numbering."""

import pytest

from lib.parse.blocks import text_blocks
from lib.parse.conventions import looks_like_units, read_items
from lib.parse.errors import ListError
from lib.parse.labels import chinese_number
from lib.parse.normalize import normalize_text
from lib.parse.pipeline import numbering_problems, parse_bytes
from lib.parse.records import find_items
from lib.parse.units import document_lexicon

LEXICON = document_lexicon()


def records(text: str):
    return read_items(find_items(text_blocks(normalize_text(text))), LEXICON).records


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one cell per line, as a web table copied to text
        (
            "序号\n主要工作\n责任单位\n1\n任务一\n发改局\n2\n任务二\n▲财政局,税务局",
            [("1", "任务一", "发改局"), ("2", "任务二", "▲财政局,税务局")],
        ),
        # the label on the task's line, in several numbering styles
        (
            "1.任务一\n发改局\n2、任务二\n财政局",
            [("1", "任务一", "发改局"), ("2", "任务二", "财政局")],
        ),
        (
            "(一)任务一\n发改局\n(二)任务二\n财政局",
            [("(一)", "任务一", "发改局"), ("(二)", "任务二", "财政局")],
        ),
        ("1 任务一\n发改局", [("1", "任务一", "发改局")]),
        # a task over several lines
        ("1\n任务第一行,\n任务第二行\n发改局", [("1", "任务第一行,任务第二行", "发改局")]),
        # an item without units keeps its task and says so with an empty units text
        ("1\n只有任务\n2\n任务二\n公安局", [("1", "只有任务", ""), ("2", "任务二", "公安局")]),
        # no trailing newline, stray spaces
        ("1\n 任务一 \n发改局", [("1", "任务一", "发改局")]),
    ],
)
def test_find_items(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(r.item_label, r.task, r.units_text) for r in records(text)] == expected


def test_sections_head_the_items_below_them() -> None:
    found = records("一、经济发展\n1\n任务一\n发改局\n二、民生\n2\n任务二\n民政局")
    assert [(r.item_label, r.section) for r in found] == [("1", "经济发展"), ("2", "民生")]


def test_items_start_after_the_table_header_not_in_the_notice() -> None:
    text = "通知\n1\n请各单位认真落实。\n附件\n序号\n主要工作\n责任单位\n1\n任务一\n发改局"
    layout = find_items(text_blocks(text))
    assert [r.label for r in layout.items] == ["1"]
    assert [b.text for b in layout.preamble][-1] == "附件"


def test_header_on_one_line() -> None:
    assert [r.units_text for r in records("序号 主要工作 责任单位\n1\n任务\n发改局")] == ["发改局"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("▲发改局,各部门,各镇乡(街道)", True),
        ("退役军人事务局人武部双拥领导小组各成员单位各镇乡(街道)", True),
        ("开发委", True),
        ("抓好金融领域风险防范化解", False),
        ("城乡道路亮灯提升工程", False),
        ("生产总值增长7.5%左右", False),
        ("完善基本养老服务体系", False),
        # a run cut at an ending (一次办) with no unit after it: words, not glued names
        ("企业职工退休一件事一次办理人次", False),
        ("区发改局区统计局", True),
    ],
)
def test_looks_like_units(line: str, expected: bool) -> None:
    assert looks_like_units(line, LEXICON) is expected


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["1", "2", "3"], ()),
        (["1", "2", "2", "3"], ("编号 2 重复",)),
        (["1", "3"], ("编号 2 缺失",)),
        (["1", "2", "6"], ("编号 3–5 缺失",)),
        (["1", "2", "1"], ("编号在 2 之后回到 1",)),
        (["(一)", "(二)", "(四)"], ("编号 3 缺失",)),
        (["2"], ("编号 1 缺失",)),
    ],
)
def test_numbering_problems(labels: list[str], expected: tuple[str, ...]) -> None:
    assert numbering_problems(labels) == expected


def test_numbering_is_reported_never_renumbered() -> None:
    doc = parse_bytes("1\n任务一\n发改局\n1\n任务二\n财政局\n4\n任务三\n公安局".encode())
    assert doc.items["item_label"].tolist() == ["1", "1", "4"]
    assert doc.items["item_no"].tolist() == [1, 2, 3]
    assert doc.report.numbering_problems == ("编号 1 重复", "编号 2–3 缺失")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("一百零三", 103),
        ("甲", None),
    ],
)
def test_chinese_number(text: str, number: int | None) -> None:
    assert chinese_number(text) == number


def test_a_text_without_items_is_refused_with_exit_code_4() -> None:
    with pytest.raises(ListError, match="没有找到编号的工作事项") as caught:
        parse_bytes("这是一段没有编号事项的普通文字。".encode())
    assert caught.value.exit_code == 4
