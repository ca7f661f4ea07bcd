"""safety hold and the pain state of the evidence-based rules

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 16:00:00.000000

Adds the safety hold (since, level, cleared at) and the pain state (gentle since, the baseline
before the flare, when we last escalated) to subscribers. A person who was gentle under the old
rule (calmer reports still needed) stays gentle: their flare is taken to have begun at their last
change (`updated_at`), the best date the old rows hold. Then the old counter goes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gentle_since", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("gentle_baseline", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("pain_escalated_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("safety_hold_since", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("safety_hold_level", sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column("safety_cleared_at", sa.DateTime(timezone=True), nullable=True)
        )
    op.execute("UPDATE subscribers SET gentle_since = updated_at WHERE gentle_reports_left > 0")
    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.drop_column("gentle_reports_left")


def downgrade() -> None:
    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("gentle_reports_left", sa.SmallInteger(), nullable=False, server_default="0")
        )
    # Still gentle: the old rule's "two calmer reports to go".
    op.execute("UPDATE subscribers SET gentle_reports_left = 2 WHERE gentle_since IS NOT NULL")
    with op.batch_alter_table("subscribers", schema=None) as batch_op:
        batch_op.drop_column("safety_cleared_at")
        batch_op.drop_column("safety_hold_level")
        batch_op.drop_column("safety_hold_since")
        batch_op.drop_column("pain_escalated_at")
        batch_op.drop_column("gentle_baseline")
        batch_op.drop_column("gentle_since")
