"""The bundled Zhuji 2023 list, end to end: the facts a reader can check against the file."""

from lib.parse.schema import ASSIGNMENT_COLUMNS, FLAGS, ITEM_COLUMNS, KINDS
from tests.conftest import BUNDLED


def units_of(doc, item_no: int) -> list[str]:
    rows = doc.assignments[doc.assignments["item_no"] == item_no]
    return [("▲" if r.role == "lead" else "") + r.unit for r in rows.itertuples()]


def test_all_97_items_with_their_units(bundled) -> None:
    assert len(bundled.items) == 97
    assert bundled.items["item_label"].tolist() == [str(n) for n in range(1, 98)]
    assert (bundled.items["units_text"] != "").all()
    assert bundled.items["task"].str.len().min() > 3
    assert bundled.report.items_without_units == ()
    assert bundled.report.numbering_problems == ()


def test_contract_columns(bundled) -> None:
    assert tuple(bundled.items.columns) == ITEM_COLUMNS
    assert tuple(bundled.assignments.columns) == ASSIGNMENT_COLUMNS
    assert set(bundled.assignments["kind"]) <= set(KINDS)
    codes = {c for f in bundled.assignments["flags"] for c in f.split(";") if c}
    assert codes <= set(FLAGS)
    assert bundled.items["doc_id"].str.fullmatch(r"[0-9a-f]{12}").all()


def test_every_marker_makes_exactly_one_lead(bundled) -> None:
    markers = BUNDLED.read_text(encoding="utf-8").count("▲")
    assert (bundled.assignments["role"] == "lead").sum() == markers
    assert units_of(bundled, 96) == ["▲发改局", "▲建设集团", "交通运输局"]
    assert units_of(bundled, 55)[:2] == ["▲教体局", "商务局"]


def test_items_without_a_marker_have_no_lead(bundled) -> None:
    led = set(bundled.assignments.loc[bundled.assignments["role"] == "lead", "item_no"])
    assert len(bundled.items) - len(led) == 58


def test_runs_without_separators(bundled) -> None:
    assert units_of(bundled, 88) == [
        "▲交通运输局",
        "建设局",
        "财政局",
        "公安局",
        "建设集团",
        "公管办",
    ]
    assert units_of(bundled, 87) == [
        "退役军人事务局",
        "人武部",
        "双拥领导小组",
        "各成员单位",
        "各镇乡(街道)",
    ]
    assert units_of(bundled, 32) == ["▲市场监管局", "人力社保局", "诸暨海关", "税务局"]
    assert units_of(bundled, 52) == ["商务局", "诸暨海关", "建设集团"]  # 海关诸暨站: the same unit


def test_typos_and_variants_are_merged_and_reported(bundled) -> None:
    corrected = bundled.report.corrections.set_index("raw")["unit"].to_dict()
    assert corrected["设集团"] == "建设集团"
    assert corrected["人局"] == "人力社保局"
    assert corrected["教育体育局"] == "教体局"
    assert corrected["人社局"] == "人力社保局"
    assert corrected["人行"] == "人民银行"


def test_sole_owner_and_sub_office(bundled) -> None:
    a = bundled.assignments
    assert a[(a["item_no"] == 15)]["sole"].tolist() == [True]  # 开发委 alone
    assert a[(a["item_no"] == 28)]["sole"].tolist() == [True, False]  # 经信局 + 各相关单位
    assert not a[(a["item_no"] == 80)]["sole"].any()  # 卫健局, 财政局
    row = a[(a["item_no"] == 13) & (a["position"] == 1)].iloc[0]
    assert (row["raw"], row["unit"], row["sub_office"]) == ("发改局(推进办)", "发改局", "推进办")


def test_nothing_is_lost(bundled) -> None:
    assert bundled.report.conservation_failures == ()
    assert bundled.report.leftovers == ()
    assert bundled.report.unplaced_lines == ()


def test_metadata(bundled) -> None:
    assert bundled.meta["doc_number"] == "诸政办发〔2023〕2号"
    assert bundled.meta["date"] == "2023-02-09"
    assert bundled.meta["title"] == "2023年《政府工作报告》主要目标任务分解清单"
