"""The list library: documents, their source bytes, items, assignments and targets.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _owner() -> sa.Column:
    return sa.Column(
        "doc_id",
        sa.String(12),
        sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
        primary_key=True,
    )


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(12), primary_key=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("parser_version", sa.String(20), nullable=False),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("place", sa.Text, nullable=False, server_default=""),
        sa.Column("year", sa.String(4), nullable=False, server_default=""),
        sa.Column("item_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("unit_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("meta", sa.JSON, nullable=False),
    )
    op.create_table("source_files", _owner(), sa.Column("data", sa.LargeBinary, nullable=False))
    op.create_table(
        "items",
        _owner(),
        sa.Column("item_no", sa.Integer, primary_key=True),
        *(
            sa.Column(name, sa.Text, nullable=False)
            for name in (
                "item_label",
                "section",
                "theme",
                "task",
                "units_text",
                "leaders",
                "deadline",
                "source_ref",
            )
        ),
    )
    op.create_table(
        "assignments",
        _owner(),
        sa.Column("item_no", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("item_label", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("sub_office", sa.Text, nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("sole", sa.Boolean, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("flags", sa.Text, nullable=False),
    )
    op.create_index("ix_assignments_unit", "assignments", ["unit"])
    op.create_table(
        "targets",
        _owner(),
        sa.Column("target_no", sa.Integer, primary_key=True),
        sa.Column("item_no", sa.Integer, nullable=False),
        sa.Column("metric", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=True),
        sa.Column("value_min", sa.Float, nullable=True),
        sa.Column("baseline", sa.Float, nullable=True),
        sa.Column("measure_unit", sa.Text, nullable=False),
        sa.Column("qualifier", sa.Text, nullable=False),
        sa.Column("span", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("targets", "assignments", "items", "source_files", "documents"):
        op.drop_table(table)
