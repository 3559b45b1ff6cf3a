"""Near-duplicates: each article's link to the first copy of its story, and the MinHash
signatures and LSH band keys that find copies across runs.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: a batch (copy-and-rename) would drop the full-text triggers
    op.add_column("articles", sa.Column("duplicate_of", sa.Text, nullable=True))
    op.create_index("articles_duplicate_of", "articles", ["duplicate_of"])
    op.create_table(
        "signatures",
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "bands",
        sa.Column("band", sa.Integer, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
    )
    op.create_index("bands_band_key", "bands", ["band", "key"])


def downgrade() -> None:
    op.drop_table("bands")
    op.drop_table("signatures")
    op.drop_index("articles_duplicate_of", "articles")
    op.execute("ALTER TABLE articles DROP COLUMN duplicate_of")
