"""User formula entries merged over the shipped lexicon (added, edited, removed by the user).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lexicon_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("variants", sa.Text(), nullable=False),
        sa.Column("outdated", sa.Text(), nullable=False),
        sa.Column("expansion", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=True),
        sa.Column("first_year_source", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lexicon_entries")),
        sa.UniqueConstraint("canonical", name=op.f("uq_lexicon_entries_canonical")),
    )


def downgrade() -> None:
    op.drop_table("lexicon_entries")
