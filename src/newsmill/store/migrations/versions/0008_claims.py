"""Claims of the inputs a run is working on, and what each run found stored by another.

Revision ID: 0008_claims
"""

from alembic import op

revision = "0008_claims"
down_revision = "0006_days"
branch_labels = None
depends_on = None


def upgrade() -> None:
    real = "DOUBLE PRECISION" if op.get_bind().dialect.name == "postgresql" else "REAL"
    op.execute(f"""
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            at {real} NOT NULL
        )""")
    op.execute("CREATE INDEX claims_owner ON claims (owner)")
    op.execute("ALTER TABLE runs ADD COLUMN elsewhere INTEGER")


def downgrade() -> None:
    op.execute("ALTER TABLE runs DROP COLUMN elsewhere")
    op.execute("DROP TABLE claims")
