"""First diary schema: profile, episodes and daily factors.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("age", sa.Integer, nullable=False),
        sa.Column("sex", sa.String(10), nullable=False),
        sa.Column("pregnant", sa.Boolean, nullable=False),
        sa.Column("breastfeeding", sa.Boolean, nullable=False),
        sa.Column("athlete", sa.Boolean, nullable=False),
    )
    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("utc_offset_min", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("locations", sa.String(400), nullable=False),
        sa.Column("side", sa.String(20), nullable=True),
        sa.Column("duration_s", sa.Float, nullable=True),
        sa.Column("intensity", sa.Integer, nullable=True),
        sa.Column("contexts", sa.String(400), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_episodes_started_at", "episodes", ["started_at"])
    op.create_index("ix_episodes_day", "episodes", ["day"])
    op.create_table(
        "days",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("caffeine_mg", sa.Float, nullable=True),
        sa.Column("alcohol_units", sa.Float, nullable=True),
        sa.Column("stress_0_10", sa.Float, nullable=True),
        sa.Column("sleep_hours", sa.Float, nullable=True),
        sa.Column("exercise_min", sa.Float, nullable=True),
        sa.Column("magnesium_mg", sa.Float, nullable=True),
        sa.Column("relaxation_min", sa.Float, nullable=True),
        sa.Column("tags", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("days")
    op.drop_index("ix_episodes_day", "episodes")
    op.drop_index("ix_episodes_started_at", "episodes")
    op.drop_table("episodes")
    op.drop_table("profile")
