"""Progress reports in the library: a report is stored as any document (its bytes and rows,
``library.add``) and marked as a report of a base list for a period. Its base's deletion leaves
it without a base unless it is deleted too."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update

from lib.parse.pipeline import ParsedDocument
from lib.store import library
from lib.store.models import Document, ProgressReport


@dataclass(frozen=True)
class StoredReport:
    doc_id: str
    file_name: str
    base_doc_id: str | None
    period_label: str
    period_start: datetime.date | None
    period_end: datetime.date | None


def add(
    engine: Engine,
    data: bytes,
    file_name: str,
    report: ParsedDocument,
    base_doc_id: str,
    period: tuple[str, datetime.date | None, datetime.date | None],
) -> str:
    """Store a report (the same bytes again: the stored one, now of ``base_doc_id``); its id."""
    doc, _ = library.add(engine, data, file_name, report)
    label, start, end = period
    values = {
        "base_doc_id": base_doc_id,
        "period_label": label,
        "period_start": start,
        "period_end": end,
    }
    with engine.begin() as connection:
        found = connection.execute(
            select(ProgressReport.doc_id).where(ProgressReport.doc_id == doc.doc_id)
        ).first()
        if found:
            connection.execute(
                update(ProgressReport).where(ProgressReport.doc_id == doc.doc_id).values(**values)
            )
        else:
            connection.execute(insert(ProgressReport).values(doc_id=doc.doc_id, **values))
    return doc.doc_id


def of_base(engine: Engine, base_doc_id: str) -> list[StoredReport]:
    """The reports of a base list, the oldest period first."""
    return _reports(engine, ProgressReport.base_doc_id == base_doc_id)


def every(engine: Engine) -> list[StoredReport]:
    return _reports(engine, True)


def report_ids(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(select(ProgressReport.doc_id)).scalars())


def set_base(engine: Engine, doc_id: str, base_doc_id: str) -> bool:
    """Make a stored report one of ``base_doc_id`` (a report left without a base when its list
    was deleted, or kept under the wrong list); False when ``doc_id`` is no stored report."""
    with engine.begin() as connection:
        changed = connection.execute(
            update(ProgressReport)
            .where(ProgressReport.doc_id == doc_id)
            .values(base_doc_id=base_doc_id)
        )
    return changed.rowcount > 0


def remove_of_base(engine: Engine, base_doc_id: str) -> int:
    """Delete every report of a base list (their documents and rows); how many."""
    ids = [r.doc_id for r in of_base(engine, base_doc_id)]
    for doc_id in ids:
        library.remove(engine, doc_id)
    return len(ids)


def _reports(engine: Engine, condition) -> list[StoredReport]:
    query = (
        select(
            ProgressReport.doc_id,
            Document.file_name,
            ProgressReport.base_doc_id,
            ProgressReport.period_label,
            ProgressReport.period_start,
            ProgressReport.period_end,
        )
        .join(Document, Document.doc_id == ProgressReport.doc_id)
        .where(condition)
        .order_by(ProgressReport.period_end, ProgressReport.doc_id)
    )
    with engine.connect() as connection:
        return [StoredReport(*row) for row in connection.execute(query).all()]
