"""Cache of compare-view results: passages per document pair (content hashes) and parameters.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comparison_cache",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("hash_a", sa.String(length=64), nullable=False),
        sa.Column("hash_b", sa.String(length=64), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_comparison_cache")),
    )
    op.create_index(op.f("ix_comparison_cache_hash_a"), "comparison_cache", ["hash_a"])
    op.create_index(op.f("ix_comparison_cache_hash_b"), "comparison_cache", ["hash_b"])


def downgrade() -> None:
    op.drop_table("comparison_cache")
