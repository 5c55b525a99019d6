"""The same input gives the same bytes: Office files and ZIPs without the time they were made.

openpyxl stamps the workbook's properties with the current time, python-docx and zipfile stamp
every part with it. ``stable_zip`` rewrites an Office file or a ZIP with one fixed time: the
document's own date when it has one, else 2000-01-01, in the parts' headers and in
``docProps/core.xml``; the parts themselves and their order stay as they were.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

DEFAULT_TIME = dt.datetime(2000, 1, 1)
_CORE_TIMES = re.compile(
    rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
)


def document_time(date: str | None) -> dt.datetime:
    """The time written into files: a document's date (2023-02-09) at midnight, else
    ``DEFAULT_TIME``.

    >>> document_time("2023-02-09"), document_time("") == DEFAULT_TIME
    (datetime.datetime(2023, 2, 9, 0, 0), True)
    """
    try:
        return dt.datetime.strptime((date or "")[:10], "%Y-%m-%d")
    except ValueError:
        return DEFAULT_TIME


def stable_zip(data: bytes, when: dt.datetime = DEFAULT_TIME) -> bytes:
    """``data`` (an .xlsx, .docx or .zip) with every part stamped ``when``.

    >>> first = io.BytesIO()
    >>> with zipfile.ZipFile(first, "w") as archive:
    ...     archive.writestr("a.txt", "x")
    >>> stable_zip(first.getvalue()) == stable_zip(first.getvalue())
    True
    """
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "docProps/core.xml":
                body = _CORE_TIMES.sub(lambda m: m.group(1) + stamp + m.group(2), body)
            part = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            part.compress_type = zipfile.ZIP_DEFLATED
            part.external_attr = info.external_attr
            copy.writestr(part, body)
    return out.getvalue()
