"""Every file format feeds the same stages: the same list in any wrapper gives the same table."""

from __future__ import annotations

import io
import zipfile

import pytest

from lib.parse.errors import ListError
from lib.parse.pipeline import parse_bytes
from tests import builders

FORMATS = {
    "list.txt": builders.txt,
    "list-gb18030.txt": lambda: builders.txt("gb18030"),
    "list-tab.txt": builders.tsv,
    "list-tab-gb18030.txt": lambda: builders.tsv("gb18030"),
    "list.tsv": builders.tsv,
    "list.csv": builders.csv_bytes,
    "list-utf8.csv": lambda: builders.csv_bytes("utf-8-sig"),
    "list.xlsx": builders.xlsx,
    "list.docx": builders.docx,
    "list.html": builders.html,
    "list-utf8.html": lambda: builders.html("utf-8"),
    "list.pdf": builders.pdf,
}


def table(doc) -> list[tuple[str, str, str]]:
    a = doc.assignments
    return list(zip(a["item_label"], a["unit"], a["role"]))


@pytest.mark.parametrize("name", FORMATS)
def test_the_same_list_in_every_format_gives_the_same_table(name: str) -> None:
    doc = parse_bytes(FORMATS[name](), name.replace("-gb18030", "").replace("-utf8", ""))
    assert table(doc) == builders.EXPECTED
    assert doc.items["task"].tolist() == [row[1] for row in builders.ROWS]
    assert doc.items["deadline"].tolist() == [row[3] for row in builders.ROWS]
    assert doc.meta["title"] == builders.TITLE
    assert doc.report.convention == "marker"
    assert doc.report.conservation_failures == () and doc.report.leftovers == ()


def test_xlsx_source_ref_points_at_the_cell_and_floats_are_numbers() -> None:
    doc = parse_bytes(builders.xlsx(), "list.xlsx")
    assert doc.items["item_label"].tolist() == ["1", "2", "3", "4"]  # 1.0 → 1
    assert doc.items["source_ref"].tolist() == ["清单!A4", "清单!A5", "清单!A6", "清单!A7"]


def test_xlsx_units_cell_merged_down_applies_to_each_item() -> None:
    doc = parse_bytes(builders.xlsx_vertical_merge(), "merged.xlsx")
    assert doc.items["units_text"].tolist() == ["发改局、财政局", "发改局、财政局", "民政局"]


def test_docx_keeps_headings_between_tables_and_reads_symbol_markers() -> None:
    doc = parse_bytes(builders.docx(), "list.docx")
    assert doc.items["section"].tolist() == ["经济发展", "经济发展", "城乡建设", "城乡建设"]
    assert doc.items["units_text"].tolist()[0] == "▲发改局,各部门"  # ▲ was a Wingdings 3 symbol


def test_html_declared_gb2312_is_read_as_gb18030_and_page_furniture_skipped() -> None:
    doc = parse_bytes(builders.html("gb2312"), "list.html")
    assert doc.report.encoding == "gb18030"
    assert "分享到" not in " ".join(doc.items["task"])


def test_pdf_over_two_pages_with_the_header_repeated_and_a_continued_row() -> None:
    doc = parse_bytes(builders.pdf(), "list.pdf")
    assert doc.items["source_ref"].tolist() == ["p1", "p1", "p2", "p2"]
    assert doc.items["task"].tolist()[2] == "改造老旧小区9个"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.pdf", builders.scanned_pdf(), "没有文字层"),
        ("photo.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "无法打开这个 Excel 文件"),
        ("cut.docx", builders.docx()[:900], "无法打开这个 Word 文件"),
        ("empty.xlsx", b"", "文件为空"),
        ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 64, "另存为” .docx"),
        ("list.wps", b"\xd0\xcf\x11\xe0", "另存为” .docx"),
        ("list.ofd", b"PK\x03\x04", "另存为” PDF"),
        ("list.zip", b"PK\x03\x04", "暂不支持 .zip"),
        ("broken.pdf", b"%PDF-1.4 garbage", "无法打开这个 PDF 文件"),
        ("broken.xls", b"\xd0\xcf\x11\xe0 garbage", "无法打开这个 Excel"),
    ],
)
def test_bad_files_get_a_clear_message(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ListError, match=message) as caught:
        parse_bytes(data, name)
    assert caught.value.exit_code == 3


def test_a_zip_bomb_is_refused_before_unpacking() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<x/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (210 * 1024 * 1024))
    with pytest.raises(ListError, match="解压后过大"):
        parse_bytes(buffer.getvalue(), "bomb.xlsx")


@pytest.mark.parametrize("text", ["发改局", "财政局、税务局", "人行", "▲发改局", "各镇乡(街道)"])
def test_short_chinese_csv_is_not_misdetected(text: str) -> None:
    data = f"序号,主要工作,责任单位\n1,任务,{text}".encode("gbk")
    doc = parse_bytes(data, "short.csv")
    assert doc.items["units_text"].tolist() == [text]


@pytest.mark.parametrize(
    "name",
    [
        "02_chengdu_2020_minshengshishi.txt",
        "03_kunming_2021_huiminshishi.txt",
        "04_guowuyuan_2018_cujinjiuye.txt",
    ],
)
def test_a_text_list_set_in_a_pdf_reads_like_the_text(name: str) -> None:
    """PDF line wraps fall anywhere, even inside (一、二期): they must not open sections or items."""
    from tests.conftest import FIXTURES

    text = (FIXTURES / "samples" / name).read_text(encoding="utf-8")
    from_pdf = parse_bytes(builders.text_pdf(text), "list.pdf")
    from_text = parse_bytes(text.encode("utf-8"), "list.txt")
    assert table(from_pdf) == table(from_text)


def test_a_tab_separated_copy_with_a_quote_left_open_is_read_line_by_line() -> None:
    # a quote typed in a cell, not a cell's quotes: every line is still read
    text = '2024年重点工作责任清单\n序号\t主要工作\t责任单位\n1\t"新建幼儿园\n3所\t教育局\n2\t改造小区\t住建局\n'
    doc = parse_bytes(text.encode(), "list.txt")
    assert list(doc.items["item_label"]) == ["1", "2"]
    assert {"教育局", "住建局"} <= set(doc.assignments["unit"])


_UNITS = "市经信局、市财政局、市自然资源局、市住建局、市交通局、市农业农村局、市水利局、市林业局、市城管局"
_TASK = (
    "深入实施消费新政,提升传统消费,培育新型消费,持续打响“浙里来消费”品牌,推进现代流通体系"
    "建设,加快培育国际消费中心城市,建设数字生活服务强省,到2025年,社会消费品零售总额达到"
    "3.5万亿元,居民消费率达到42%。"
)


def test_a_pdf_of_short_lines_joins_a_units_cells_wrapped_text() -> None:
    # a table copied one cell a line, set in a PDF: the only line reaching the right margin is
    # a units cell wrapped (市林 / 业局)
    lines = ["2021年重点工作责任分解", "序号", "重点工作任务", "责任单位", "1"]
    lines += ["固定资产投资增长10%以上。", _UNITS, "2", "新增城镇就业3万人。", "市人社局"]
    text = "\n".join(lines)
    from_pdf = parse_bytes(builders.text_pdf(text), "list.pdf")
    assert table(from_pdf) == table(parse_bytes(text.encode(), "list.txt"))


@pytest.mark.parametrize(
    ("last", "following", "joined"),
    [
        ("达到", "3.5万亿元,居民消费率达到42%。", True),  # a decimal goes on the sentence
        ("达到", "3.加快培育国际消费中心城市", False),  # an item starts
        ("达到", "3|加快培育国际消费中心城市|市商务局", False),  # a row starts
        ("(牵头单位:自治区人社厅);", "组织职业院校开展技术技能培训10万人次", True),  # a clause
        ("(牵头单位:自治区人社厅)。", "组织职业院校开展技术技能培训10万人次", False),  # a sentence
    ],
)
def test_a_pdf_line_reaching_the_margin_goes_on_in_the_next_unless_it_ends(
    last: str, following: str, joined: bool
) -> None:
    from lib.parse.sources import _paragraph_lines

    def line(top: float, x1: float, text: str) -> dict:
        return {"top": top, "bottom": top + 10.5, "x0": 78.0, "x1": x1, "text": text}

    wrapped = [line(100, 508, _TASK[:43]), line(116, 508, _TASK[43:86]), line(132, 508, last)]
    lines = _paragraph_lines([*wrapped, line(148, 300, following)], [], (0, 0, 595, 842))
    assert lines[-1]["text"] == (_TASK[:86] + last + following if joined else following)


def test_a_page_of_one_problem_set_in_a_pdf_reads_like_the_text() -> None:
    """A 督察整改 notice of one problem: in a PDF its problem wraps over lines and every line
    is on page 1 (one source_ref for all): the problem and its units read as from the text."""
    text = "\n".join(
        [
            "某县人民政府关于督察组反馈问题第4项整改销号情况公示",
            "一、督察反馈问题",
            "整改任务第4项:医疗机构对医疗废物和污水管控重视不够,环境安全隐患突出:某县人民医院将"
            "台分院未建设医疗污水处理设施。某县西街社区卫生服务站存在医疗废物混存、包装袋破损、"
            "台账记录混乱和装有损伤性的利器盒重复利用的问题。",
            "二、牵头(责任)单位:某县卫生健康局",
            "(一)整改措施",
            "一是督促建设污水处理设施。二是建立常态化监督机制。",
        ]
    )
    from_pdf = parse_bytes(builders.text_pdf(text), "notice.pdf")
    from_text = parse_bytes(text.encode("utf-8"), "notice.txt")
    assert table(from_pdf) == table(from_text)
    assert from_pdf.items["task"].iloc[0].startswith("整改任务第4项:医疗机构")
    assert "利器盒重复利用" in from_pdf.items["task"].iloc[0]  # the problem's wrapped lines too


def test_a_paragraph_a_pdf_page_break_cut_is_joined_again() -> None:
    """The last line of a page runs to the right margin inside a sentence (a page number may
    stand under it): the first line of the next page goes on with it, unless that line starts
    an item, a row or is a page number. Figures of a row (3 6) start no item."""
    from lib.parse.sources import _run_on, _RunsOn

    rows: list = []
    _run_on(
        rows, [("p1", ["某市民生实事进展"]), ("p1", _RunsOn(["1.新辟公交线路10条,实际完成 1 2 0"]))]
    )
    _run_on(rows, [("p1", ["- 1 -"])])
    _run_on(rows, [("p2", ["3 6 条。(牵头单位:市交通局)"]), ("p2", ["2.新增公共自行车3000辆。"])])
    assert [cells for _, cells in rows] == [
        ["某市民生实事进展"],
        ["1.新辟公交线路10条,实际完成 1 2 0 3 6 条。(牵头单位:市交通局)"],
        ["- 1 -"],
        ["2.新增公共自行车3000辆。"],
    ]
    for first in ("2.新增公共自行车3000辆。", "- 2 -", "序号 | 项目 | 牵头单位"):
        apart: list = []
        _run_on(apart, [("p1", _RunsOn(["1.新辟公交线路10条,实际完成"]))])
        _run_on(apart, [("p2", [first])])
        assert len(apart) == 2
    ended: list = []  # a last line that does not run on
    _run_on(ended, [("p1", ["1.新辟公交线路10条。"])])
    _run_on(ended, [("p2", ["(牵头单位:市交通局)"])])
    assert len(ended) == 2
