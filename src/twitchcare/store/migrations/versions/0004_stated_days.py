"""Days hold what the person stated; entries are no longer added into them.

Before this revision, ``mg add``, ``caffeine add`` and ``alcohol add`` added each entry to the
day's row, and ``twitchcare day`` copied the previous row (entries included) into a new day, so a
daily routine grew the totals every day. From now on a day's total is derived from the stated
value and the entries when read. This migration turns each old total back into what was stated,
and records every value it changes in ``day_repairs`` (shown by ``twitchcare diary repairs``).

For each of magnesium, caffeine and alcohol, walking the days in date order:

- ``base`` = the stored value minus the sum of that day's entries (what was there before them);
- nothing left (``base`` about 0): nothing was stated; the total is the entries' sum;
- ``base`` equal to the previous day's stored value, and that value had entries in it (directly
  or carried): it was copied from the day before, so the day gets what the previous day now
  states (usually nothing);
- otherwise ``base`` is kept as the stated value.

Rows left with nothing stated and no tags are removed: a day with only entries is still a logged
day, through its entries.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INTAKE_FACTORS = ("magnesium_mg", "caffeine_mg", "alcohol_units")
OTHER_FACTORS = ("stress_0_10", "sleep_hours", "exercise_min", "relaxation_min")
TOLERANCE = 0.01


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= TOLERANCE


def repair(
    days: list[dict[str, Any]], sums: dict[Any, dict[str, float]]
) -> tuple[
    dict[Any, dict[str, float | None]], list[tuple[Any, str, float | None, float | None, str]]
]:
    """New stated values per day and the list of changes ``(day, factor, old, new, reason)``."""
    new: dict[Any, dict[str, float | None]] = {}
    changes: list[tuple[Any, str, float | None, float | None, str]] = []
    for factor in INTAKE_FACTORS:
        prev_old: float | None = None
        prev_new: float | None = None
        prev_fed = False
        for row in days:
            day = row["day"]
            old = row[factor]
            listed = sums.get(day, {}).get(factor, 0.0)
            fed = listed > 0
            stated: float | None = old
            reason = ""
            if old is not None:
                base = old - listed
                if fed and abs(base) <= TOLERANCE:
                    stated, reason = None, "the sum of the day's entries, nothing stated"
                elif prev_fed and _close(base, prev_old):
                    stated = prev_new
                    reason = "copied from the day before together with its entries"
                    fed = True
                elif fed:
                    stated, reason = round(base, 4), "the entries taken out of the stated value"
            new.setdefault(day, {})[factor] = stated
            if stated != old:
                changes.append((day, factor, old, stated, reason))
            prev_old, prev_new, prev_fed = old, stated, fed
    return new, changes


def upgrade() -> None:
    repairs = op.create_table(
        "day_repairs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("repaired_at", sa.DateTime, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("factor", sa.String(40), nullable=False),
        sa.Column("old_value", sa.Float, nullable=True),
        sa.Column("new_value", sa.Float, nullable=True),
        sa.Column("total_now", sa.Float, nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
    )
    conn = op.get_bind()
    days_t = sa.table(
        "days",
        sa.column("day", sa.Date),
        sa.column("tags", sa.Text),
        *(sa.column(f, sa.Float) for f in (*INTAKE_FACTORS, *OTHER_FACTORS)),
    )
    intake_t = sa.table("intake", *(sa.column(f, sa.Float) for f in INTAKE_FACTORS))
    intake_t.append_column(sa.column("day", sa.Date))
    days = [dict(r._mapping) for r in conn.execute(sa.select(days_t).order_by(days_t.c.day))]
    sums: dict[Any, dict[str, float]] = {}
    query = sa.select(
        intake_t.c.day, *(sa.func.sum(intake_t.c[f]).label(f) for f in INTAKE_FACTORS)
    ).group_by(intake_t.c.day)
    for r in conn.execute(query):
        sums[r.day] = {f: float(getattr(r, f) or 0.0) for f in INTAKE_FACTORS}
    new, changes = repair(days, sums)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for day, factor, old, stated, reason in changes:
        conn.execute(days_t.update().where(days_t.c.day == day).values({factor: stated}))
        listed = sums.get(day, {}).get(factor, 0.0) or None
        total = listed if stated is None else max(stated, listed or 0.0)
        conn.execute(
            repairs.insert().values(
                repaired_at=now,
                day=day,
                factor=factor,
                old_value=old,
                new_value=stated,
                total_now=total,
                reason=reason,
            )
        )
    for row in days:
        day = row["day"]
        empty = all(new[day][f] is None for f in INTAKE_FACTORS) and all(
            row[f] is None for f in OTHER_FACTORS
        )
        if empty and not (row["tags"] or "") and day in sums:
            conn.execute(days_t.delete().where(days_t.c.day == day))


def downgrade() -> None:
    op.drop_table("day_repairs")
