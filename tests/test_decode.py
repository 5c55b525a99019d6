import pytest

from lib.parse.decode import decode_bytes
from lib.parse.errors import ListError

TEXT = "1\n生产总值增长7.5%左右\n▲发改局，各部门"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (TEXT.encode("utf-16-be"), "utf-16-be"),  # no BOM
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        ("发改局".encode("gb2312"), "gb18030"),  # short text must not pass for UTF-8
        ("财政局、税务局".encode("gbk"), "gb18030"),
        ("人行".encode("gbk"), "gb18030"),
    ],
)
def test_decodes_each_encoding(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert text.lstrip("\ufeff") in (TEXT, "发改局", "财政局、税务局", "人行")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件为空"),
        (b"  \n\t \r\n", "文件为空"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "不是可读取的文本"),
        (bytes(range(256)) * 4, "不是可读取的文本"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 40, "不是可读取的文本"),
    ],
)
def test_refuses_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(ListError, match=message):
        decode_bytes(data)


def test_undecodable_bytes_get_a_clear_refusal() -> None:
    # 0xFF never starts a GB18030 character and there is no NUL: not binary, not text.
    with pytest.raises(ListError, match="无法识别文件编码|不是可读取的文本"):
        decode_bytes(b"\xff\xfe\xfd abc \xff\xff" * 3 + b"x")


@pytest.mark.parametrize("damage", ["bad byte", "two bad bytes", "cut at the end"])
@pytest.mark.parametrize("where", [0.1, 0.5, 0.9])
def test_utf8_with_a_few_bad_bytes_is_read_and_says_where(damage: str, where: float) -> None:
    from lib.parse.pipeline import parse_bytes

    data = "".join(
        f"{n}.推进第{n}项重点工作,完成全年目标任务(县发改局、县财政局负责)\n" for n in range(1, 30)
    ).encode("utf-8")
    at = int(len(data) * where)
    if damage == "bad byte":
        data = data[:at] + b"\xff" + data[at:]
    elif damage == "two bad bytes":
        data = data[:at] + b"\xfe" + data[at:-20] + b"\xff" + data[-20:]
    else:
        data = (data + "附注完".encode())[:-1]  # the last character cut in the middle
    doc = parse_bytes(data, "list.txt")
    assert doc.report.encoding.startswith("utf-8（") and "字节" in doc.report.encoding
    assert len(doc.items) == 29


@pytest.mark.parametrize("control", ["\x01", "\x07", "\x1b", "\x7f"])
def test_a_short_utf8_list_with_a_stray_control_character_is_text(control: str) -> None:
    text, encoding = decode_bytes(f"{control}1.推进项目\n发改局".encode())
    assert encoding == "utf-8" and text.endswith("发改局")
