import pytest

from lib.blocks import Block, text_blocks
from lib.normalize import normalize_text


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
