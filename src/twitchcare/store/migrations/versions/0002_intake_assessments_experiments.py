"""Food and drink intake, saved assessments, personal experiments, body weight.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile") as batch:
        batch.add_column(sa.Column("weight_kg", sa.Float, nullable=True))
    op.create_table(
        "intake",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("grams", sa.Float, nullable=True),
        sa.Column("magnesium_mg", sa.Float, nullable=False),
        sa.Column("caffeine_mg", sa.Float, nullable=False),
        sa.Column("alcohol_units", sa.Float, nullable=False),
        sa.Column("food_id", sa.String(40), nullable=True),
    )
    op.create_index("ix_intake_day", "intake", ["day"])
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("utc_offset_min", sa.Integer, nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("kb_version", sa.String(40), nullable=False),
    )
    op.create_index("ix_assessments_at", "assessments", ["at"])
    op.create_table(
        "experiments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("factor", sa.String(40), nullable=True),
        sa.Column("comparison", sa.String(10), nullable=True),
        sa.Column("target", sa.Float, nullable=True),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("experiments")
    op.drop_index("ix_assessments_at", "assessments")
    op.drop_table("assessments")
    op.drop_index("ix_intake_day", "intake")
    op.drop_table("intake")
    with op.batch_alter_table("profile") as batch:
        batch.drop_column("weight_kg")
