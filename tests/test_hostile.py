"""Hostile files: each is refused with one Chinese sentence, by the library and the command line.

Small files live in ``tests/fixtures/bad/`` (written by its ``make_bad.py``); big ones are made
here, once per session, in a temporary folder. The command line runs as a user runs it, in a
subprocess whose time and peak memory are measured.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import tomllib
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from lib.parse.errors import ListError
from lib.parse.pipeline import parse_bytes, parse_path
from lib.parse.sources import MAX_HTML_DEPTH, MAX_PDF_PAGES, MAX_TEXT_CHARS
from tests.conftest import BUNDLED, FIXTURES, ROOT

pytestmark = pytest.mark.slow  # hostile files, many of them through the command line
BAD = FIXTURES / "bad"
CJK = re.compile(r"[\u4e00-\u9fff]")
MB = 2**20


# --- the big hostile files, made at test time ---


def big_text(folder: Path) -> Path:
    """50 MB of a real list, repeated: more text than any list, well over the app's upload limit."""
    source = BUNDLED.read_bytes() + b"\n"
    path = folder / "big.txt"
    path.write_bytes(source * (50 * MB // len(source) + 1))
    return path


def deep_html(folder: Path) -> Path:
    """100,000 nested <div>: deeper than Python's recursion limit, quadratic for naive code."""
    path = folder / "deep.html"
    depth = 100_000
    path.write_text(
        "<html><body>"
        + "<div>" * depth
        + "1 推进工作 发改局"
        + "</div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )
    return path


def many_pages_pdf(folder: Path, pages: int = 500) -> Path:
    """A ruled table of three items on each of 500 pages."""
    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), "STSong-Light", 10),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ]
    )
    story = []
    for page in range(pages):
        rows = [[str(3 * page + k), "推进数字经济发展", "▲发改局,财政局"] for k in (1, 2, 3)]
        story += [Table([["序号", "主要工作", "责任单位"], *rows], style=style), PageBreak()]
    path = folder / "pages.pdf"
    SimpleDocTemplate(str(path)).build(story)
    return path


def dense_pdf(folder: Path, pages: int = 200) -> Path:
    """200 large pages of 12,000 characters each: under the page limit, over the text limit."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = folder / "dense.pdf"
    sheet = canvas.Canvas(str(path), pagesize=(2000, 2000))
    line = "推进重点工作落实责任单位发改局财政局" * 6
    for _ in range(pages):
        sheet.setFont("STSong-Light", 12)
        for row in range(105):
            sheet.drawString(10, 1990 - row * 18.5, line)
        sheet.showPage()
    sheet.save()
    return path


def lying_zip(folder: Path, suffix: str) -> Path:
    """A zip whose central directory declares 1 KB for a part that inflates to 256 MB.

    The size check reads the directory and lets it through; what must hold then is that
    nothing inflates more than the directory declared.
    """
    declared = 1024
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(MB)
    deflated = b"".join(packer.compress(chunk) for _ in range(256)) + packer.flush()
    crc = zlib.crc32(bytes(declared))  # the CRC of what a capped reader sees
    name = b"[Content_Types].xml"
    local = (
        struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated), declared, len(name), 0
        )
        + name
    )
    directory = (
        struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(deflated),
            declared,
            len(name),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + name
    )
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), len(local) + len(deflated), 0
    )
    path = folder / f"lying{suffix}"
    path.write_bytes(local + deflated + directory + end)
    return path


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    message: str  # a phrase the Chinese message must hold


CASES: dict[str, Case] = {
    "zip bomb as .docx": Case(lambda _: BAD / "bomb.docx", "解压后过大"),
    "zip bomb as .xlsx": Case(lambda _: BAD / "bomb.xlsx", "解压后过大"),
    "lying zip directory, .docx": Case(lambda d: lying_zip(d, ".docx"), "无法打开这个 Word 文件"),
    "lying zip directory, .xlsx": Case(lambda d: lying_zip(d, ".xlsx"), "无法打开这个 Excel 文件"),
    "password-protected .xlsx": Case(lambda _: BAD / "protected.xlsx", "密码保护"),
    "50 MB text": Case(big_text, "内容过长"),
    "csv without a units column": Case(lambda _: BAD / "no-units.csv", "没有一条写明责任单位"),
    "xlsx without a units column": Case(lambda _: BAD / "no-units.xlsx", "没有一条写明责任单位"),
    "100,000 nested <div>": Case(deep_html, f"嵌套过深（超过 {MAX_HTML_DEPTH} 层）"),
    "PDF of 500 pages": Case(many_pages_pdf, f"有 500 页，超过 {MAX_PDF_PAGES} 页"),
    "PDF of 200 dense pages": Case(dense_pdf, "PDF 文件内容过长"),
}


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The file of a case, made once per session."""
    folder = tmp_path_factory.mktemp("hostile")
    made: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in made:
            made[name] = CASES[name].make(folder)
        return made[name]

    return get


# --- the command line, measured ---

_MEASURED = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], timeout=300)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"code": done.returncode, "seconds": time.perf_counter() - start,
           "peak_mb": usage.ru_maxrss / 1024}, open(sys.argv[1], "w"))
"""


@dataclass(frozen=True)
class Run:
    code: int
    seconds: float
    peak_mb: float  # the command line's own peak resident memory
    stdout: bytes
    stderr: str


def run_cli(folder: Path, *args: str) -> Run:
    """``python -m lib.cli ARGS`` in a process of its own, so its peak memory is its alone."""
    measures = folder / "measures.json"
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(measures), sys.executable, "-m", "lib.cli", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=360,
    )
    numbers = json.loads(measures.read_text())
    return Run(
        numbers["code"],
        numbers["seconds"],
        numbers["peak_mb"],
        done.stdout,
        done.stderr.decode("utf-8"),
    )


def assert_one_chinese_sentence(message: str) -> None:
    assert CJK.search(message), message
    assert "Traceback" not in message and "Error" not in message
    assert message.count("\n") <= 1


# --- the cases ---


@pytest.mark.parametrize("name", CASES)
def test_the_library_refuses_with_a_chinese_message(name: str, hostile) -> None:
    path = hostile(name)
    with pytest.raises(ListError) as caught:
        parse_path(path)
    assert CASES[name].message in caught.value.message
    assert_one_chinese_sentence(caught.value.message)
    assert caught.value.exit_code in (3, 4)


@pytest.mark.parametrize("name", CASES)
def test_the_command_line_exits_with_one_chinese_line(name: str, hostile, tmp_path: Path) -> None:
    path = hostile(name)
    run = run_cli(tmp_path, "export", str(path), "-o", str(tmp_path / "out.csv"))
    assert run.code in (3, 4)
    assert run.stderr.count("\n") == 1 and CASES[name].message in run.stderr
    assert_one_chinese_sentence(run.stderr)
    assert run.stdout == b"" and not (tmp_path / "out.csv").exists()
    # generous bounds on a shared 2-core machine: a refusal is quick and light
    assert run.seconds < 60, run
    assert run.peak_mb < 600, run


@pytest.mark.parametrize("name", ["bomb.docx", "bomb.xlsx"])
def test_a_zip_bomb_is_refused_before_any_library_unpacks_it(name: str, monkeypatch) -> None:
    """The central directory's sizes decide: openpyxl and python-docx are never called."""
    import docx
    import openpyxl

    def unpacked(*args, **kwargs):
        raise AssertionError("unpacked a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", unpacked)
    monkeypatch.setattr(docx, "Document", unpacked)
    data = (BAD / name).read_bytes()
    assert len(data) < 20_000
    with pytest.raises(ListError, match="解压后过大"):
        parse_bytes(data, name)


def test_a_lying_zip_directory_never_inflates_past_what_it_declares(hostile) -> None:
    """zipfile caps what it inflates at the declared size, so the bomb reads as 1 KB."""
    import zipfile

    with (
        zipfile.ZipFile(hostile("lying zip directory, .xlsx")) as archive,
        archive.open("[Content_Types].xml") as part,
    ):
        assert len(part.read(10 * MB)) == 1024


def test_the_app_refuses_uploads_of_50_mb() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] < 50


def test_the_largest_text_accepted_parses_in_bounded_time_and_memory(tmp_path: Path) -> None:
    """Just under MAX_TEXT_CHARS (over 300 copies of the bundled list, some 30,000 items)."""
    source = BUNDLED.read_text(encoding="utf-8")
    copies = (MAX_TEXT_CHARS - 10_000) // (len(source) + 1)
    path = tmp_path / "near-limit.txt"
    path.write_text("\n".join([source] * copies), encoding="utf-8")
    run = run_cli(tmp_path, "export", str(path), "-o", str(tmp_path / "out.csv"))
    assert run.code == 0, run.stderr
    assert run.seconds < 120, run
    assert run.peak_mb < 1024, run


def test_a_source_over_the_size_limit_is_not_read_into_memory(tmp_path: Path, monkeypatch) -> None:
    """parse_path looks at the size on disk first (a sparse file: nothing is written)."""
    from lib.parse import sources

    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(sources.MAX_SOURCE_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    with pytest.raises(ListError, match="文件过大"):
        parse_path(path)


def test_password_protection_is_named_whatever_the_office_suffix() -> None:
    """The OLE container says the file is protected, whichever Office suffix it carries."""
    data = (BAD / "protected.xlsx").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # OLE, not zip
    for suffix in (".xlsx", ".xlsm", ".docx"):
        with pytest.raises(ListError, match="密码保护"):
            parse_bytes(data, "清单" + suffix)


def test_a_pdf_far_over_the_text_limit_is_refused_before_any_page_is_laid_out(
    hostile, monkeypatch
) -> None:
    from lib.parse import sources

    def laid_out(page):
        raise AssertionError("a page was laid out")

    monkeypatch.setattr(sources, "_page_rows", laid_out)
    with pytest.raises(ListError, match="PDF 文件内容过长"):
        parse_bytes(hostile("PDF of 200 dense pages").read_bytes(), "dense.pdf")
