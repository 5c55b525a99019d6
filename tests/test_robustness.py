"""Whatever the bytes, the parser answers with tables or with its own Chinese error."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lib.parse.errors import ListError
from lib.parse.pipeline import parse_bytes

LIST_LIKE = st.lists(
    st.sampled_from(
        [
            "1",
            "2",
            "(一)",
            "一、经济",
            "序号",
            "主要工作",
            "责任单位",
            "▲发改局,财政局",
            "推进项目建设",
            "(牵头单位:市教育局)",
            "牵头单位:市发改委",
            "责任单位:各部门",
            "(人力资源社会保障部、财政部负责。列第一位者为牵头单位,下同)",
            "7 任务. 发改委、经信委",
            "1 | 任务 | 发改局",
            "",
            " ",
            "(",
            ")",
            "附件",
            "王某某副市长牵头",
        ]
    ),
    max_size=30,
).map("\n".join)


def check(data: bytes) -> None:
    try:
        doc = parse_bytes(data, "list.txt")
    except ListError as error:
        assert error.message and error.exit_code in (2, 3, 4)
        return
    assert len(doc.items) >= 1
    assert doc.report.conservation_failures == ()
    assert set(doc.assignments["item_no"]) <= set(doc.items["item_no"])


@settings(max_examples=200)
@given(LIST_LIKE | st.text(max_size=300))
def test_any_text_parses_or_is_refused_clearly(text: str) -> None:
    check(text.encode("utf-8"))


@settings(max_examples=100)
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_are_refused_clearly(data: bytes) -> None:
    check(data)
