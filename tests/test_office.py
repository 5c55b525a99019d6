"""The sheets and the brief open in an office suite: LibreOffice (Debian's, headless) converts
them to PDF; the brief is one page, every table fits the page width, Chinese text is there.
The first pages are saved as PNGs in tests/browser/screenshots/ to be looked at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pandas as pd
import pdfplumber
import pytest

from lib.analyse.sheets import build_brief, build_sheets
from lib.parse.pipeline import ParsedDocument
from lib.write.sheet_files import brief_docx, sheet_docx, sheets_xlsx
from tests.browser.conftest import SHOTS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and os.environ.get("REQUIRE_OFFICE") != "1",
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)",
)


@pytest.fixture(scope="module")
def pdfs(bundled: ParsedDocument, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    assert SOFFICE, "LibreOffice is required (REQUIRE_OFFICE=1)"
    folder = tmp_path_factory.mktemp("office")
    book = build_sheets(bundled)
    sources = {
        "unit.docx": sheet_docx(book, "财政局"),
        "brief.docx": brief_docx(build_brief(bundled)),
        "units.xlsx": sheets_xlsx(book, ["财政局", "发改局"]),
    }
    for name, payload in sources.items():
        (folder / name).write_bytes(payload)
    profile = folder / f"lo-{os.getpid()}"  # a profile of its own: no clash with a running office
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / n) for n in sources),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return {name: folder / (Path(name).stem + ".pdf") for name in sources}


def _check_fits(pdf_path: Path, shot: str) -> list[str]:
    """Every character and table line inside the page, text no smaller than 7 pt (a sheet too
    wide is shrunk to fit); the first page saved as a PNG; the text."""
    assert pdf_path.exists(), f"LibreOffice wrote no {pdf_path.name}"
    texts = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            right = max([c["x1"] for c in page.chars] + [line["x1"] for line in page.lines] + [0])
            assert right <= page.width + 0.5, (
                f"{pdf_path.name} p.{page.page_number} runs off the page"
            )
            sizes = sorted(c["size"] for c in page.chars)
            assert sizes[len(sizes) // 2] >= 7, (
                f"{pdf_path.name} p.{page.page_number} shrunk to fit, unreadable"
            )
            texts.append(page.extract_text() or "")
        SHOTS.mkdir(exist_ok=True)
        pdf.pages[0].to_image(resolution=80).save(SHOTS / f"{shot}.png")
    return texts


def test_unit_sheet_docx_prints_within_the_page(
    pdfs: dict[str, Path], bundled: ParsedDocument
) -> None:
    texts = _check_fits(pdfs["unit.docx"], "office-unit-sheet")
    assert "财政局任务清单" in texts[0].replace(" ", "")
    assert "牵头" in texts[0]


def test_brief_is_one_page(pdfs: dict[str, Path]) -> None:
    texts = _check_fits(pdfs["brief.docx"], "office-brief")
    assert len(texts) == 1
    assert "责任分工一页简报" in texts[0].replace(" ", "")


def test_workbook_prints_each_sheet_within_the_page_width(
    pdfs: dict[str, Path], bundled: ParsedDocument
) -> None:
    texts = _check_fits(pdfs["units.xlsx"], "office-workbook")
    joined = re.sub(r"\s", "", "".join(texts))
    assert "各单位任务清单目录" in joined and "责任单位：发改局" in joined
    # rows are tall enough for their wrapped text: a cut cell prints fewer characters (its
    # lines interleave with its neighbours', so the characters are counted, not the strings)
    book = build_sheets(bundled)
    written = Counter(
        re.sub(
            r"\s",
            "",
            "".join(pd.concat([book.sheet(u).rows["task"] for u in ("财政局", "发改局")])),
        )
    )
    assert written - Counter(joined) == Counter()
