"""Progress reports kept in the library: which stored document is a report, of which base list,
for which period. Deleting the base list leaves its reports (their base becomes empty) unless
the user deletes them too.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "progress_reports",
        sa.Column(
            "doc_id",
            sa.String(12),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "base_doc_id",
            sa.String(12),
            sa.ForeignKey("documents.doc_id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("period_label", sa.Text, nullable=False, server_default=""),
        sa.Column("period_start", sa.Date, nullable=True),
        sa.Column("period_end", sa.Date, nullable=True),
    )
    op.create_index("ix_progress_reports_base", "progress_reports", ["base_doc_id"])


def downgrade() -> None:
    op.drop_index("ix_progress_reports_base", "progress_reports")
    op.drop_table("progress_reports")
