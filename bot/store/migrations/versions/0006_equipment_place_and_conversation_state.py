"""equipment, place and conversation state on subscribers

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-28 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("equipment", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("place", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("kit_message_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column("awaiting_pain_until", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.drop_column("undone_at")
        batch_op.drop_column("awaiting_pain_until")
        batch_op.drop_column("kit_message_id")
        batch_op.drop_column("place")
        batch_op.drop_column("equipment")
