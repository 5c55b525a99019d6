"""Nothing from the source is lost: every mention is one exported row (counted here without
the parser), an item without readable units stays and is listed, numbering problems and
automatic corrections are reported."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import pytest

from lib.analyse.filters import select
from lib.analyse.review import items_without_units
from lib.analyse.tables import item_table
from lib.cli import main as cli_main
from lib.parse.pipeline import parse_bytes, parse_path
from lib.write.report import corrected_counts, report_text, unresolved_counts
from tests.conftest import BUNDLED, FIXTURES

SAMPLES = FIXTURES / "samples"
SEPARATORS = re.compile(r"[,、;，；▲★\s]+")

# Runs the bundled list writes without separators, and how many units each holds, read off
# the source by eye (not by the parser): the one piece of knowledge a plain split lacks.
GLUED_RUNS = {
    "经信局各相关单位": 2,
    "诸暨海关税务局": 2,
    "科技局人力社保局": 2,
    "商务局海关诸暨站": 2,
    "教育体育局商务局": 2,
    "自然资源和规划局建设局": 2,
    "卫健局民政局": 2,
    "建设局财政局": 2,
    "卫健局财政局": 2,
    "建设集团交通运输局": 2,
    "教体局财政局公安局": 3,
    "公安局交通运输局财政局公管办": 4,
    "建设局建设集团财政局相关街道": 4,
    "卫健局财政局医保局妇幼保健院公管办": 5,
    "退役军人事务局人武部双拥领导小组各成员单位各镇乡(街道)": 5,
    "交通运输局建设局财政局公安局建设集团公管办": 6,
}
# ``…等相关单位`` and ``…等有关部门和单位`` after a name are connectors, not mentions (README).
CONNECTORS = re.compile(r"(?:等相关单位|等有关部门和单位|等)$")


def _count_pieces(text: str, glued: dict[str, int] | None = None) -> int:
    """Mentions in a units text whose separators are written (plus the known glued runs)."""
    pieces = [CONNECTORS.sub("", p) for p in SEPARATORS.split(text)]
    return sum((glued or {}).get(p, 1) for p in pieces if p)


def _bundled_counts() -> dict[str, int]:
    """Item number → mentions, from the file's layout: after the 责任单位 header cell,
    every item is three non-blank lines (number, task, units)."""
    lines = [
        line.strip() for line in BUNDLED.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    body = lines[lines.index("责任单位") + 1 :]
    assert len(body) == 97 * 3
    return {body[i]: _count_pieces(body[i + 2], GLUED_RUNS) for i in range(0, len(body), 3)}


_ARABIC_ITEM = re.compile(r"^\s*(\d+)[．.]", re.MULTILINE)
_CHINESE_ITEM = re.compile(r"^\s*（([一二三四五六七八九十]+)）", re.MULTILINE)
_LABELLED = re.compile(r"牵头(?:责任)?单位：([^）\n]*)")
_RESPONSIBLE_LINE = re.compile(r"^\s*责任单位：(.*)$", re.MULTILINE)
_IN_CHARGE = re.compile(
    r"（([^（）]*?)(?:牵头)?(?:按职责分工)?负责(?:。列第一位者为牵头单位，下同)?）"
)
# One collective the README names: 各 governs both kinds after it, so it is one mention.
_ONE_COLLECTIVE = "各县（市）区人民政府、开发（度假）区管委会"


def _sample_counts(path: Path) -> dict[str, int]:
    """Item label (its digits or Chinese numerals) → mentions, by each sample's own
    convention: (牵头单位：…) and 责任单位： lines, or (A、B负责) brackets."""
    text = path.read_text(encoding="utf-8").replace(_ONE_COLLECTIVE, "各县区政府")
    starts = _CHINESE_ITEM if path.name.startswith(("04", "05")) else _ARABIC_ITEM
    found = list(starts.finditer(text))
    counts = {}
    for match, following in zip(found, [*found[1:], None]):
        chunk = text[match.start() : following.start() if following else len(text)]
        units = [
            *_LABELLED.findall(chunk),
            *_RESPONSIBLE_LINE.findall(chunk),
            *_IN_CHARGE.findall(chunk),
        ]
        counts[match.group(1)] = sum(_count_pieces(u) for u in units)
    return counts


def _exported_rows_per_item(source: Path, tmp_path: Path) -> Counter[str]:
    """Rows per item label in the command line's CSV export of the unfiltered assignments."""
    out = tmp_path / "assignments.csv"
    assert cli_main(["export", str(source), "--headers", "en", "-o", str(out)]) == 0
    rows = csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig")))
    return Counter(row["item_label"].strip("()") for row in rows)


def test_the_bundled_export_has_one_row_per_mention_in_the_source(tmp_path: Path) -> None:
    expected = _bundled_counts()
    exported = _exported_rows_per_item(BUNDLED, tmp_path)
    assert {label: exported.get(label, 0) for label in expected} == expected
    assert sum(exported.values()) == sum(expected.values()) == 262


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("0*.txt")))
def test_each_sample_export_has_one_row_per_mention_in_the_source(
    sample: str, tmp_path: Path
) -> None:
    expected = _sample_counts(SAMPLES / sample)
    exported = _exported_rows_per_item(SAMPLES / sample, tmp_path)
    assert {label: exported.get(label, 0) for label in expected} == expected
    assert sum(exported.values()) == sum(expected.values()) > 0


@pytest.mark.parametrize("units_line", ["", "无", "——", "(待定)", "、、"])
def test_an_item_whose_units_cannot_be_read_stays_and_is_listed(units_line: str) -> None:
    text = f"序号\n主要工作\n责任单位\n1\n推进项目建设\n▲发改局\n2\n完善养老服务\n{units_line}\n3\n新增就业\n财政局"
    doc = parse_bytes(text.encode("utf-8"))
    assert doc.items["item_label"].tolist() == ["1", "2", "3"]
    assert doc.report.items_without_units == ("2",)
    assert 2 not in set(doc.assignments["item_no"])
    assert items_without_units(doc)["task"].tolist() == ["完善养老服务"]
    assert unresolved_counts(doc)["无责任单位的事项"] == 1
    leftovers = [left for _, left in doc.report.leftovers]
    assert leftovers == ([units_line] if units_line.strip("、") else [])
    assert "无责任单位的事项 1 条：第2项" in report_text(doc)


def test_the_gaps_fixture_is_reported_whole() -> None:
    doc = parse_path(FIXTURES / "gaps.txt")
    assert len(doc.items) == 7
    assert doc.report.items_without_units == ("2", "3", "4", "4", "7")
    assert doc.report.numbering_problems == ("编号 4 重复", "编号 5–6 缺失")
    assert unresolved_counts(doc) == {
        "未收录的单位提及": 1,
        "无责任单位的事项": 5,
        "编号问题": 2,
        "未能识别的字符": 3,
        "可能不完整的事项": 0,
    }
    assert corrected_counts(doc) == {"名称已校正": 0, "连写已拆分": 2}
    assert item_table(select(doc))["task"].tolist() == doc.items["task"].tolist()  # unfiltered


def test_the_command_line_report_lists_gaps_duplicates_and_splits(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli_main(["report", str(FIXTURES / "gaps.txt")]) == 0
    text = capsys.readouterr().out
    assert "编号问题 2 处：编号 4 重复；编号 5–6 缺失" in text
    assert "无责任单位的事项 5 条：第2、3、4、4、7项" in text
    assert "第8项 大数据中心、公管办" in text
    assert "第4项“(待定)”" in text and "第4项“无”" in text


def test_every_split_and_correction_of_the_bundled_list_is_reported(bundled) -> None:
    flags = bundled.assignments["flags"]
    split = flags.str.contains("separator_missing|split_by_ending")
    renamed = flags.str.contains("alias|dropped_char|swapped_chars")
    assert corrected_counts(bundled) == {
        "名称已校正": int(renamed.sum()),
        "连写已拆分": int(split.sum()),
    }
    assert len(bundled.report.splits) == 47
    text = report_text(bundled)
    assert "补分隔符拆分的提及 47 处" in text
    assert "第88项 交通运输局、建设局、财政局、公安局、建设集团、公管办" in text
