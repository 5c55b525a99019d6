"""The command line, run as a user runs it: a subprocess, bytes on stdout, one line on stderr."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import BUNDLED, FIXTURES, ROOT

pytestmark = pytest.mark.slow  # each test runs the command line in a subprocess


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", *args], cwd=ROOT, capture_output=True, timeout=120
    )


def rows(payload: bytes) -> list[dict[str, str]]:
    assert payload.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 BOM for Excel"
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"))))


def test_export_assignments_to_stdout_with_english_headers() -> None:
    done = cli("export", str(BUNDLED), "--headers", "en")
    assert done.returncode == 0, done.stderr.decode()
    table = rows(done.stdout)
    assert len({r["item_no"] for r in table}) == 97
    assert sum(r["role"] == "lead" for r in table) == 41
    assert list(table[0]) == [
        "doc_id",
        "item_no",
        "item_label",
        "position",
        "raw",
        "unit",
        "sub_office",
        "role",
        "sole",
        "kind",
        "flags",
    ]


def test_export_defaults_to_chinese_headers_and_labels(tmp_path: Path) -> None:
    out = tmp_path / "分工.csv"
    assert cli("export", str(BUNDLED), "-o", str(out)).returncode == 0
    table = rows(out.read_bytes())
    assert list(table[0])[:6] == ["文档", "序号", "原编号", "位次", "原文", "责任单位"]
    assert {r["牵头/配合"] for r in table} == {"牵头", "配合"}
    assert {r["独立承担"] for r in table} == {"是", "否"}
    assert "漏字校正" in {r["校正说明"] for r in table}


def test_export_items_as_xlsx_by_suffix(tmp_path: Path) -> None:
    out = tmp_path / "items.xlsx"
    done = cli("export", str(BUNDLED), "--table", "items", "--headers", "en", "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["doc_id", "item_no", "item_label", "section", "theme", "task"]
    assert sheet.max_row == 98


def test_xlsx_to_stdout_is_refused() -> None:
    done = cli("export", str(BUNDLED), "--format", "xlsx")
    assert done.returncode == 2
    assert done.stdout == b""
    assert "标准输出" in done.stderr.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formulas_are_neutralized(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"items.{fmt}"
    assert (
        cli(
            "export",
            str(FIXTURES / "formulas.txt"),
            "--table",
            "items",
            "--headers",
            "en",
            "-o",
            str(out),
        ).returncode
        == 0
    )
    if fmt == "csv":
        tasks = [r["task"] for r in rows(out.read_bytes())]
    else:
        sheet = openpyxl.load_workbook(out).active
        tasks = [row[5].value for row in sheet.iter_rows(min_row=2)]
        assert all(row[5].data_type == "s" for row in sheet.iter_rows(min_row=2))
    assert tasks == ['\'=HYPERLINK("http://x","点我")', "'+SUM(1,2)", "'-10%任务", "'@任务"]


def test_report_lists_corrections_and_the_conservation_check() -> None:
    done = cli("report", str(BUNDLED))
    assert done.returncode == 0
    text = done.stdout.decode("utf-8")
    assert "事项 97 条" in text
    assert "设集团 → 建设集团" in text
    assert "守恒检查通过" in text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("export", "没有这个文件.txt"), 3, "文件不存在"),
        (("export", str(FIXTURES / "binary.txt")), 3, "不是可读取的文本"),
        (("report", str(ROOT / "data" / "units.csv")), 4, "没有找到编号的工作事项"),
        (("report", str(ROOT / "README.md") + ".zip"), 3, "文件不存在"),
        (("export", str(ROOT / "requirements.txt")), 4, "没有找到编号的工作事项"),
        (("export",), 2, "命令用法有误：缺少参数 source"),
        (("frobnicate", "x"), 2, "命令用法有误：没有子命令 'frobnicate'"),
        (("export", str(BUNDLED), "--table", "people"), 2, "参数 --table 的取值 'people' 无效"),
        (("export", str(BUNDLED), "--frobnicate"), 2, "无法识别的参数 --frobnicate"),
        (("export", str(BUNDLED), "--table"), 2, "参数 --table 后须跟一个值"),
    ],
)
def test_bad_input_exits_with_one_chinese_line(
    args: tuple[str, ...], code: int, message: str
) -> None:
    done = cli(*args)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == code
    assert message in stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert not re.search(r"argument|invalid|expected|required", stderr)  # argparse's English
    assert done.stdout == b""


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = cli("report", str(empty))
    assert done.returncode == 3 and "文件为空" in done.stderr.decode()


def test_gb18030_source_parses_like_utf8(tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes(BUNDLED.read_text(encoding="utf-8").encode("gb18030"))
    utf8 = rows(cli("export", str(BUNDLED), "--headers", "en").stdout)
    gbk = rows(cli("export", str(source), "--headers", "en").stdout)
    drop_id = [{k: v for k, v in r.items() if k != "doc_id"} for r in utf8]
    assert [{k: v for k, v in r.items() if k != "doc_id"} for r in gbk] == drop_id


def test_export_helpers_for_the_app() -> None:
    import pandas as pd

    from lib.write.export import safe_filename, to_csv_bytes, to_xlsx_bytes

    table = pd.DataFrame({"unit": ["=发改局", "财政局"]})
    assert to_csv_bytes(table, "en").startswith(b"\xef\xbb\xbf")
    assert not to_csv_bytes(table, "en", bom=False).startswith(b"\xef\xbb\xbf")
    assert b"'=" in to_csv_bytes(table, "en", bom=False)
    book = openpyxl.load_workbook(
        io.BytesIO(to_xlsx_bytes(table, "en", conditions=[("单位", "全部")]))
    )
    assert book.sheetnames == ["清单", "筛选条件"]
    assert [c.value for c in book["筛选条件"][2]] == ["单位", "全部"]
    assert safe_filename("a/b:c*?" + "长" * 100, ".xlsx").endswith(".xlsx")
    assert len(safe_filename("长" * 100, ".xlsx")) == 80
    assert safe_filename("...", ".csv") == "清单.csv"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/zero and /dev/full")
@pytest.mark.parametrize("command", ["export", "report", "keywords"])
def test_endless_input_and_a_full_disk_are_one_chinese_line(command: str) -> None:
    endless = cli(command, "/dev/zero")
    assert endless.returncode == 3 and "不是一个普通文件" in endless.stderr.decode("utf-8")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "lib.cli", command, "data/zhuji-2023-key-work-list.txt"],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    lines = result.stderr.decode("utf-8").strip().splitlines()
    assert (
        result.returncode == 3
        and lines
        and all(line == "无法写出结果：磁盘已满。" for line in lines)
    )


def test_an_edited_export_with_a_bad_number_is_one_line_naming_the_row(tmp_path: Path) -> None:
    edited = tmp_path / "edited.csv"
    edited.write_text(
        "序号,原编号,分块,主题,主要工作,责任单位原文,分管领导,完成时限,出处,文档\n"
        "1,1,,,任务一,发改局,,,L1,abc\n,2,,,任务二,财政局,,,L2,abc\n",
        encoding="utf-8",
    )
    result = cli("report", str(edited))
    assert result.returncode == 3
    assert (
        result.stderr.decode().strip() == "导出文件第3行的序号是空的：请填上或删除这一行后再上传。"
    )


@pytest.mark.parametrize(
    "args",
    [(), ("export",), ("report",), ("keywords",), ("progress",), ("library",), ("library", "add")],
)
def test_help_is_in_chinese(args: tuple[str, ...], capsys) -> None:
    """--help says 用法, 位置参数 and 选项 in Chinese: no argparse English (usage:, options:,
    show this help message)."""
    from lib.cli import main

    with pytest.raises(SystemExit) as done:
        main([*args, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：") and "选项：" in text
    assert not re.search(r"usage:|options:|positional arguments|show this help", text)
