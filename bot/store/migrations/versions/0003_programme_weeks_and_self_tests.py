"""programme weeks and self-tests

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:07:28.296457
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "self_tests",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("test", sa.String(length=32), nullable=False),
        sa.Column("result", sa.String(length=32), nullable=False),
        sa.Column("centimetres", sa.SmallInteger(), nullable=True),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["subscribers.chat_id"],
            name=op.f("fk_self_tests_chat_id_subscribers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_tests")),
    )
    with op.batch_alter_table("self_tests", schema=None) as batch_op:
        batch_op.create_index("ix_self_tests_chat_taken", ["chat_id", "taken_at"], unique=False)

    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("week_started_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("self_test_offered_on", sa.Date(), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.drop_column("self_test_offered_on")
        batch_op.drop_column("week_started_on")

    with op.batch_alter_table("self_tests", schema=None) as batch_op:
        batch_op.drop_index("ix_self_tests_chat_taken")

    op.drop_table("self_tests")
