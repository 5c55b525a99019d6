"""Corrections beyond a mapping: the kind a person chose for a name (a new unit, a collective,
a merged name), empty when the unit's own kind applies.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("corrections") as table:  # batch: SQLite cannot alter in place
        table.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("corrections") as table:
        table.drop_column("kind")
