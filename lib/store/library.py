"""The list library's operations: add (parse, then store everything in one transaction), list,
read back, rename, remove, and re-parse what an older parser stored. Every write is one
transaction: a process killed in the middle leaves the library as it was."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from lib import PARSER_VERSION
from lib.parse.errors import ListError
from lib.parse.metadata import document_year
from lib.parse.pipeline import ParsedDocument, document_id, parse_bytes
from lib.parse.schema import ASSIGNMENT_COLUMNS, ITEM_COLUMNS
from lib.store.models import (
    AssignmentRow,
    Document,
    ItemRow,
    ProgressReport,
    SourceFile,
    TargetRow,
)

MAX_BYTES = 20 * 1024 * 1024  # as the uploader


@dataclass(frozen=True)
class Entry:
    """A stored list as the library page lists it (no bytes, no rows)."""

    doc_id: str
    display_name: str
    file_name: str
    title: str
    place: str
    year: str
    item_count: int
    unit_count: int
    uploaded_at: datetime.datetime
    parser_version: str


def add(
    engine: Engine, data: bytes, file_name: str, parsed: ParsedDocument | None = None
) -> tuple[ParsedDocument, bool]:
    """Parse ``data`` (unless ``parsed`` is its parse already) and store it; the same bytes
    again are the stored document (nothing is written twice, also when two sessions add them
    at once). Returns the parsed document and whether it was new. A file the reader refuses
    raises ``ListError`` and stores nothing."""
    if len(data) > MAX_BYTES:
        raise ListError(f"文件超过 {MAX_BYTES // 1024 // 1024} MB，未存入清单库。")
    doc = _keyed(parsed or parse_bytes(data, file_name), document_id(data))
    if _exists(engine, doc.doc_id):
        return doc, False
    try:
        with engine.begin() as connection:
            connection.execute(insert(Document), [_document_row(doc, data, file_name)])
            connection.execute(insert(SourceFile), [{"doc_id": doc.doc_id, "data": data}])
            _insert_rows(connection, doc)
    except IntegrityError:  # another session stored the same bytes first
        if not _exists(engine, doc.doc_id):
            raise
        return doc, False
    return doc, True


def entries(engine: Engine, doc_id: str | None = None) -> list[Entry]:
    """Every stored list (or only ``doc_id``), the newest upload first."""
    query = select(*(getattr(Document, name) for name in Entry.__dataclass_fields__))
    if doc_id is not None:
        query = query.where(Document.doc_id == doc_id)
    with engine.connect() as connection:
        rows = connection.execute(
            query.order_by(Document.uploaded_at.desc(), Document.doc_id)
        ).all()
    return [Entry(*row) for row in rows]


def entry(engine: Engine, doc_id: str) -> Entry | None:
    found = entries(engine, doc_id)
    return found[0] if found else None


def source_bytes(engine: Engine, doc_id: str) -> bytes | None:
    """The stored original of ``doc_id``; None when the library does not hold it."""
    with engine.connect() as connection:
        return connection.execute(
            select(SourceFile.data).where(SourceFile.doc_id == doc_id)
        ).scalar_one_or_none()


def rename(engine: Engine, doc_id: str, display_name: str) -> None:
    name = " ".join(display_name.split())[:200]
    if not name:
        raise ListError("名称不能为空。")
    with engine.begin() as connection:
        connection.execute(
            update(Document).where(Document.doc_id == doc_id).values(display_name=name)
        )


def remove(engine: Engine, doc_id: str) -> bool:
    """Delete a stored list: its bytes and every row made from it. False if it was not there."""
    with engine.begin() as connection:
        for table in (TargetRow, AssignmentRow, ItemRow, SourceFile, ProgressReport):
            connection.execute(delete(table).where(table.doc_id == doc_id))  # also without cascades
        connection.execute(  # its progress reports stay, without a base
            update(ProgressReport)
            .where(ProgressReport.base_doc_id == doc_id)
            .values(base_doc_id=None)
        )
        gone = connection.execute(delete(Document).where(Document.doc_id == doc_id))
    return gone.rowcount > 0


def refresh(engine: Engine, doc_id: str) -> bool:
    """Re-parse a list stored by another parser version and replace its rows (in one
    transaction); True when it did. The bytes, name and upload time stay."""
    with engine.connect() as connection:
        version = connection.execute(
            select(Document.parser_version).where(Document.doc_id == doc_id)
        ).scalar_one_or_none()
    if version is None or version == PARSER_VERSION:
        return False
    data = source_bytes(engine, doc_id)
    stored = entry(engine, doc_id)
    doc = parse_bytes(data, stored.file_name)
    row = _document_row(doc, data, stored.file_name)
    keep = ("file_name", "display_name", "uploaded_at", "doc_id")
    with engine.begin() as connection:
        for table in (TargetRow, AssignmentRow, ItemRow):
            connection.execute(delete(table).where(table.doc_id == doc_id))
        connection.execute(
            update(Document)
            .where(Document.doc_id == doc_id)
            .values(**{k: v for k, v in row.items() if k not in keep})
        )
        _insert_rows(connection, doc)
    return True


def stored_tables(engine: Engine, doc_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored items and assignments of ``doc_id`` as the data contract's tables."""
    with engine.connect() as connection:
        items = pd.read_sql(
            select(ItemRow).where(ItemRow.doc_id == doc_id).order_by(ItemRow.item_no),
            connection,
        )
        assignments = pd.read_sql(
            select(AssignmentRow)
            .where(AssignmentRow.doc_id == doc_id)
            .order_by(AssignmentRow.item_no, AssignmentRow.position),
            connection,
        )
    return items[list(ITEM_COLUMNS)], assignments[list(ASSIGNMENT_COLUMNS)]


def count(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(Document)).scalar_one()


def _exists(engine: Engine, doc_id: str) -> bool:
    with engine.connect() as connection:
        found = connection.execute(select(Document.doc_id).where(Document.doc_id == doc_id))
        return found.first() is not None


def _document_row(doc: ParsedDocument, data: bytes, file_name: str) -> dict:
    meta = {key: str(value) for key, value in doc.meta.items()}
    title = meta.get("title") or meta.get("notice_title") or ""
    named = doc.assignments[doc.assignments["kind"] != "collective"]
    return {
        "doc_id": doc.doc_id,
        "file_name": file_name,
        "display_name": title or file_name,
        "size": len(data),
        "uploaded_at": datetime.datetime.now(datetime.UTC),
        "parser_version": PARSER_VERSION,
        "title": title,
        "place": meta.get("place", ""),
        "year": document_year(meta),
        "item_count": len(doc.items),
        "unit_count": int(named["unit"].nunique()),
        "meta": meta,
    }


def _keyed(doc: ParsedDocument, doc_id: str) -> ParsedDocument:
    """``doc`` under the id of the stored file's bytes (an export read back carries the id of
    the list it was exported from; the library keys every file by its own bytes)."""
    if doc.doc_id == doc_id:
        return doc
    return dataclasses.replace(
        doc,
        doc_id=doc_id,
        items=doc.items.assign(doc_id=doc_id),
        assignments=doc.assignments.assign(doc_id=doc_id),
    )


def _insert_rows(connection, doc: ParsedDocument) -> None:
    """The document's items, assignments and targets, as rows (one statement per table)."""
    from lib.analyse.targets import extract_targets

    items = doc.items.assign(doc_id=doc.doc_id)[list(ITEM_COLUMNS)]
    assignments = doc.assignments.assign(doc_id=doc.doc_id)[list(ASSIGNMENT_COLUMNS)]
    if len(items):
        connection.execute(insert(ItemRow), _records(items))
    if len(assignments):
        connection.execute(insert(AssignmentRow), _records(assignments))
    targets = [
        {
            "doc_id": doc.doc_id,
            "target_no": number,
            "item_no": int(item_no),
            "metric": t.metric,
            "value": _number(t.value),
            "value_min": _number(t.value_min),
            "baseline": _number(t.baseline),
            "measure_unit": t.measure_unit,
            "qualifier": t.qualifier,
            "span": t.span,
        }
        for number, (item_no, t) in enumerate(
            (
                (no, t)
                for no, task in zip(items["item_no"], items["task"])
                for t in extract_targets(task)
            ),
            start=1,
        )
    ]
    if targets:
        connection.execute(insert(TargetRow), targets)


def _records(table: pd.DataFrame) -> list[dict]:
    """Rows as plain Python values (numpy integers and booleans are not every driver's)."""
    return [
        {key: value.item() if hasattr(value, "item") else value for key, value in row.items()}
        for row in table.to_dict("records")
    ]


def _number(value: float | None) -> float | None:
    return None if value is None or value != value else float(value)
