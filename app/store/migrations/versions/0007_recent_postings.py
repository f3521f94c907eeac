"""Postings of recently indexed documents, clustered by document (see app.store.index_models).

Existing postings stay where they are; new documents' postings go to the new table and are merged into
`shingle_postings` in sorted passes (app.store.index.merge_recent).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shingle_postings_recent",
        sa.Column("document_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_shingle_postings_recent_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "hash", name=op.f("pk_shingle_postings_recent")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_shingle_postings_recent_hash", "shingle_postings_recent", ["hash"])


def downgrade() -> None:
    # the recent postings are kept: merged into the main table, which older versions read alone
    op.execute(
        "INSERT INTO shingle_postings (hash, document_id) "
        "SELECT hash, document_id FROM shingle_postings_recent ORDER BY hash, document_id"
    )
    op.drop_index("ix_shingle_postings_recent_hash", table_name="shingle_postings_recent")
    op.drop_table("shingle_postings_recent")
