"""The library's tables (SQLAlchemy 2). The schema itself is made by the Alembic migrations in
``lib/store/migrations``; these classes describe it for queries and are checked against it."""

from __future__ import annotations

import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    """One stored list: the same bytes twice are one document (``doc_id`` is their hash)."""

    __tablename__ = "documents"

    doc_id: Mapped[str] = mapped_column(String(12), primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)  # as uploaded; never used as a path
    display_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    parser_version: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[str] = mapped_column(String(4), default="")
    item_count: Mapped[int] = mapped_column(Integer, default=0)
    unit_count: Mapped[int] = mapped_column(Integer, default=0)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)


class SourceFile(Base):
    """A document's original bytes, apart so that listing the library never loads them."""

    __tablename__ = "source_files"

    doc_id: Mapped[str] = mapped_column(
        String(12), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ItemRow(Base):
    __tablename__ = "items"

    doc_id: Mapped[str] = mapped_column(
        String(12), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True
    )
    item_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_label: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(Text)
    theme: Mapped[str] = mapped_column(Text)
    task: Mapped[str] = mapped_column(Text)
    units_text: Mapped[str] = mapped_column(Text)
    leaders: Mapped[str] = mapped_column(Text)
    deadline: Mapped[str] = mapped_column(Text)
    source_ref: Mapped[str] = mapped_column(Text)


class AssignmentRow(Base):
    __tablename__ = "assignments"

    doc_id: Mapped[str] = mapped_column(
        String(12), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True
    )
    item_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_label: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(Text, index=True)
    sub_office: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(8))
    sole: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(String(16))
    flags: Mapped[str] = mapped_column(Text)


class TargetRow(Base):
    __tablename__ = "targets"

    doc_id: Mapped[str] = mapped_column(
        String(12), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True
    )
    target_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_no: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    value_min: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline: Mapped[float | None] = mapped_column(Float, nullable=True)
    measure_unit: Mapped[str] = mapped_column(Text)
    qualifier: Mapped[str] = mapped_column(Text)
    span: Mapped[str] = mapped_column(Text)


class Correction(Base):
    """A person's correction of the reading, kept for every list of its scope (a place, or
    ``doc:<doc_id>`` for a list that names none) until it is undone."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(Text, index=True)
    action: Mapped[str] = mapped_column(String(16))  # a Rule's: map, rename, accept, merge
    name: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="")  # chosen; "": the unit's own
    author: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[datetime.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )


class ProgressReport(Base):
    """A stored document that is a progress report of a base list, for a period."""

    __tablename__ = "progress_reports"

    doc_id: Mapped[str] = mapped_column(
        String(12), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True
    )
    base_doc_id: Mapped[str | None] = mapped_column(
        String(12), ForeignKey("documents.doc_id", ondelete="SET NULL"), nullable=True, index=True
    )
    period_label: Mapped[str] = mapped_column(Text, default="")
    period_start: Mapped[datetime.date | None] = mapped_column(Date, nullable=True)
    period_end: Mapped[datetime.date | None] = mapped_column(Date, nullable=True)
