import pytest

from lib.parse.blocks import Block, text_blocks
from lib.parse.normalize import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("▲发改局，财政局（国资办）", "▲发改局,财政局(国资办)"),
        ("公安局；法院;检察院", "公安局;法院;检察院"),
        ("牵头单位：市发改委", "牵头单位:市发改委"),
        ("发改局\u3000 财政局", "发改局 财政局"),
        ("  发改局  ", "发改局"),
        ("发\u200b改局\ufeff", "发改局"),
        ("各镇乡（街道）、相关部门", "各镇乡(街道)、相关部门"),
        ("2023- 02- 09", "2023- 02- 09"),
        ("行一\r\n行二\r行三", "行一\n行二\n行三"),
        ("《政府工作报告》“十九连冠”。", "《政府工作报告》“十九连冠”。"),
        ("☆残联△卫健局", "★残联▲卫健局"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_blocks_skip_blank_lines_and_keep_line_numbers() -> None:
    assert text_blocks("甲\n\n  \n乙") == [Block("甲", "L1"), Block("乙", "L4")]


def test_missing_trailing_newline_is_normal() -> None:
    assert text_blocks("甲\n乙") == text_blocks("甲\n乙\n")


@pytest.mark.parametrize("brk", ["\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize("last", [False, True])
def test_line_breaks_of_every_kind_start_an_item(brk: str, last: bool) -> None:
    """pdftotext's form feed, Word's manual line break, NEL and the Unicode separators end a line:
    the item after them is never merged into the one before (also when it is the last)."""
    from lib.parse.pipeline import parse_bytes

    items = ["1.新建学校(县教育局负责)", "2.修路(县交通局负责)", "3.植树(县林业局负责)"]
    text = "\n".join(items[:2]) + brk + items[2] if last else items[0] + brk + "\n".join(items[1:])
    doc = parse_bytes(text.encode("utf-8"), "list.txt")
    assert doc.items["item_label"].tolist() == ["1", "2", "3"]


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x08", "\x1b", "\x1f", "\x7f"])
def test_control_characters_are_removed_and_every_writer_takes_the_result(control: str) -> None:
    from lib.parse.pipeline import parse_bytes
    from lib.write.export import to_xlsx_bytes

    rest = "".join(
        f"\n{n}.推进第{n}项重点工作,完成全年目标任务(县发改局负责)" for n in range(2, 12)
    )
    text = (
        f"1.新建{control}学校(县教育局{control}、县财政局负责){rest}"  # a few in a real-sized list
    )
    doc = parse_bytes(text.encode("utf-8"), "list.txt")
    assert doc.assignments["unit"].tolist()[:2] == ["县教育局", "县财政局"]
    assert not any(control in cell for cell in doc.items["task"])
    assert to_xlsx_bytes(doc.assignments, "zh")[:2] == b"PK"
