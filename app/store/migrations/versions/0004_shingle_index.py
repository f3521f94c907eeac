"""Library-wide shingle index: fingerprints per document, and which documents are indexed.

Documents already in the library are indexed on the first tracing query (app.store.index.ensure_index),
not here: an upgrade must stay quick and must not need the normalisation code of a later version.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shingle_postings",
        sa.Column("hash", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_shingle_postings_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("hash", "document_id", name=op.f("pk_shingle_postings")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_shingle_postings_document_id", "shingle_postings", ["document_id"])
    op.create_table(
        "shingle_index_state",
        sa.Column("document_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("fingerprints", sa.Integer(), nullable=False),
        sa.Column("chars", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_shingle_index_state_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_shingle_index_state")),
    )


def downgrade() -> None:
    op.drop_table("shingle_index_state")
    op.drop_index("ix_shingle_postings_document_id", table_name="shingle_postings")
    op.drop_table("shingle_postings")
