"""Events: crowd size and the numbers arrested, injured and dead.

Revision ID: 0005
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = ("size", "arrested", "injured", "dead")


def upgrade() -> None:
    for column in COLUMNS:
        op.execute(f"ALTER TABLE events ADD COLUMN {column} INTEGER")
    op.execute("CREATE INDEX events_article ON events (article_id)")


def downgrade() -> None:
    op.execute("DROP INDEX events_article")
    for column in COLUMNS:
        op.execute(f"ALTER TABLE events DROP COLUMN {column}")
