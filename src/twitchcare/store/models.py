"""The diary's tables as SQLAlchemy models.

Times are stored as naive UTC plus the offset the person was in, so a diary moved between time
zones still shows "22:10 where I was" while sorting and arithmetic stay in one clock. Lists that
are only ever read whole (locations, contexts, tags) are stored as ``;``-joined text: they are
never queried by element, and this keeps SQLite and PostgreSQL identical.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base shared by every diary table."""


class ProfileRow(Base):
    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    age: Mapped[int] = mapped_column(Integer)
    sex: Mapped[str] = mapped_column(String(10))
    pregnant: Mapped[bool] = mapped_column(Boolean, default=False)
    breastfeeding: Mapped[bool] = mapped_column(Boolean, default=False)
    athlete: Mapped[bool] = mapped_column(Boolean, default=False)
    weight_kg: Mapped[float | None] = mapped_column(Float, nullable=True)


class EpisodeRow(Base):
    __tablename__ = "episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_min: Mapped[int] = mapped_column(Integer)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    locations: Mapped[str] = mapped_column(String(400), index=True)
    side: Mapped[str | None] = mapped_column(String(20), nullable=True)
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    intensity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contexts: Mapped[str] = mapped_column(String(400), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class DayRow(Base):
    __tablename__ = "days"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    caffeine_mg: Mapped[float | None] = mapped_column(Float, nullable=True)
    alcohol_units: Mapped[float | None] = mapped_column(Float, nullable=True)
    stress_0_10: Mapped[float | None] = mapped_column(Float, nullable=True)
    sleep_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    exercise_min: Mapped[float | None] = mapped_column(Float, nullable=True)
    magnesium_mg: Mapped[float | None] = mapped_column(Float, nullable=True)
    relaxation_min: Mapped[float | None] = mapped_column(Float, nullable=True)
    tags: Mapped[str] = mapped_column(Text, default="")


class IntakeRow(Base):
    __tablename__ = "intake"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    grams: Mapped[float | None] = mapped_column(Float, nullable=True)
    magnesium_mg: Mapped[float] = mapped_column(Float, default=0.0)
    caffeine_mg: Mapped[float] = mapped_column(Float, default=0.0)
    alcohol_units: Mapped[float] = mapped_column(Float, default=0.0)
    food_id: Mapped[str | None] = mapped_column(String(40), nullable=True)


class AssessmentRow(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_min: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    kb_version: Mapped[str] = mapped_column(String(40))


class ExperimentRow(Base):
    __tablename__ = "experiments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    factor: Mapped[str | None] = mapped_column(String(40), nullable=True)
    comparison: Mapped[str | None] = mapped_column(String(10), nullable=True)
    target: Mapped[float | None] = mapped_column(Float, nullable=True)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)


class RelaxSessionRow(Base):
    __tablename__ = "relax_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    utc_offset_min: Mapped[int] = mapped_column(Integer)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    session: Mapped[str] = mapped_column(String(40))
    minutes: Mapped[float] = mapped_column(Float)
    completed: Mapped[bool] = mapped_column(Boolean)
    factor: Mapped[str] = mapped_column(String(20))  # the day factor the minutes were added to


class RelaxProgrammeRow(Base):
    __tablename__ = "relax_programmes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    programme: Mapped[str] = mapped_column(String(40))
    start: Mapped[dt.date] = mapped_column(Date)
    stopped: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
