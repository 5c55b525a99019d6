"""The same input gives the same bytes: every Office file and ZIP the product writes carries
the document's date (or a fixed time), never the time it was made."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest

from lib.analyse.filters import select
from lib.analyse.sheets import build_brief, build_sheets
from lib.write.export import to_xlsx_bytes
from lib.write.sheet_files import brief_docx, sheet_docx, sheets_xlsx, sheets_zip
from lib.write.stable import DEFAULT_TIME, document_time

WRITERS: dict[str, Callable] = {
    "table export": lambda doc: to_xlsx_bytes(select(doc).assignments, conditions=[("来源", "x")]),
    "unit sheets workbook": lambda doc: sheets_xlsx(build_sheets(doc)),
    "a unit's Word sheet": lambda doc: sheet_docx(
        build_sheets(doc), build_sheets(doc).sheets[0].unit
    ),
    "every unit's sheet, zipped": lambda doc: sheets_zip(build_sheets(doc)),
    "the brief": lambda doc: brief_docx(build_brief(doc)),
}


def stamps(data: bytes) -> set[object]:
    """Every time a file holds: its parts' dates, and the dates in its core properties
    (and in the Office files inside a ZIP)."""
    found: set[object] = set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            found.add(info.date_time)
            body = archive.read(info)
            if info.filename == "docProps/core.xml":
                found |= set(re.findall(rb"<dcterms:(?:created|modified)[^>]*>([^<]*)<", body))
            if info.filename.endswith((".docx", ".xlsx")):
                found |= stamps(body)
    return found


@pytest.mark.parametrize(
    "name",
    [  # the ZIP writes every unit's Word file: seconds, so a slow test
        pytest.param(name, marks=pytest.mark.slow) if name.endswith("zipped") else name
        for name in WRITERS
    ],
)
def test_files_carry_the_documents_date_not_the_time_they_were_made(bundled, name: str) -> None:
    data = WRITERS[name](bundled)
    when = DEFAULT_TIME if name == "table export" else document_time(bundled.meta.get("date"))
    assert when.year == (2000 if name == "table export" else 2023)
    assert stamps(data) == {when.timetuple()[:6], when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()}
    assert WRITERS[name](bundled) == data
