"""Corpus scan results: pairs sharing copied prose, their passages, and which documents are scanned.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _document(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["documents.id"], name=op.f(f"fk_{table}_{column}_documents"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "scan_pairs",
        sa.Column("low_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("high_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("low_ratio", sa.Float(), nullable=False),
        sa.Column("high_ratio", sa.Float(), nullable=False),
        sa.Column("passages", sa.Integer(), nullable=False),
        _document("low_id", "scan_pairs"),
        _document("high_id", "scan_pairs"),
        sa.PrimaryKeyConstraint("low_id", "high_id", name=op.f("pk_scan_pairs")),
    )
    op.create_index("ix_scan_pairs_high_id", "scan_pairs", ["high_id"])
    op.create_table(
        "scan_passages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("low_id", sa.Integer(), nullable=False),
        sa.Column("high_id", sa.Integer(), nullable=False),
        sa.Column("low_start", sa.Integer(), nullable=False),
        sa.Column("low_end", sa.Integer(), nullable=False),
        sa.Column("high_start", sa.Integer(), nullable=False),
        sa.Column("high_end", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["low_id", "high_id"],
            ["scan_pairs.low_id", "scan_pairs.high_id"],
            name=op.f("fk_scan_passages_low_id_scan_pairs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_passages")),
    )
    op.create_index("ix_scan_passages_pair", "scan_passages", ["low_id", "high_id"])
    op.create_table(
        "scan_state",
        sa.Column("document_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("max_weak", sa.Integer(), nullable=False),
        sa.Column("candidates", sa.Integer(), nullable=False),
        sa.Column("pairs", sa.Integer(), nullable=False),
        sa.Column("run", sa.Integer(), nullable=False),
        _document("document_id", "scan_state"),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_scan_state")),
    )


def downgrade() -> None:
    op.drop_table("scan_state")
    op.drop_index("ix_scan_passages_pair", table_name="scan_passages")
    op.drop_table("scan_passages")
    op.drop_index("ix_scan_pairs_high_id", table_name="scan_pairs")
    op.drop_table("scan_pairs")
