"""hold timers in the database

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:58:38.202636
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hold_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("hold_message_id", sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f("ix_sessions_hold_until"), ["hold_until"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_hold_until"))
        batch_op.drop_column("hold_message_id")
        batch_op.drop_column("hold_until")
