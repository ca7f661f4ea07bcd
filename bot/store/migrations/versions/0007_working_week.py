"""working week: chosen days, desk breaks, weekly summary, pause history

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-28 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("days", sa.SmallInteger(), server_default="127", nullable=False)
        )
        batch_op.add_column(sa.Column("break_start", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("break_end", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("break_every", sa.SmallInteger(), nullable=True))
        batch_op.add_column(
            sa.Column("summary_weekday", sa.SmallInteger(), server_default="6", nullable=True)
        )
        batch_op.add_column(sa.Column("summary_at", sa.Time(), nullable=True))
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column(
            "slot", existing_type=sa.String(length=8), type_=sa.String(length=16)
        )
    op.create_table(
        "pauses",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["subscribers.chat_id"],
            name=op.f("fk_pauses_chat_id_subscribers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pauses")),
    )
    op.create_index("ix_pauses_chat_starts", "pauses", ["chat_id", "starts_on"], unique=False)
    op.create_index("ix_deliveries_chat_due", "deliveries", ["chat_id", "due_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_deliveries_chat_due", table_name="deliveries")
    op.drop_index("ix_pauses_chat_starts", table_name="pauses")
    op.drop_table("pauses")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column(
            "slot", existing_type=sa.String(length=16), type_=sa.String(length=8)
        )
    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.drop_column("summary_at")
        batch_op.drop_column("summary_weekday")
        batch_op.drop_column("break_every")
        batch_op.drop_column("break_end")
        batch_op.drop_column("break_start")
        batch_op.drop_column("days")
