"""Relaxation sessions and programmes.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "relax_sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("utc_offset_min", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("session", sa.String(40), nullable=False),
        sa.Column("minutes", sa.Float, nullable=False),
        sa.Column("completed", sa.Boolean, nullable=False),
        sa.Column("factor", sa.String(20), nullable=False),
    )
    op.create_index("ix_relax_sessions_day", "relax_sessions", ["day"])
    op.create_table(
        "relax_programmes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("programme", sa.String(40), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("stopped", sa.Date, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("relax_programmes")
    op.drop_index("ix_relax_sessions_day", "relax_sessions")
    op.drop_table("relax_sessions")
