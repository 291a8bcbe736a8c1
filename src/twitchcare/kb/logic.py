"""A small closed rule language: predicates over facts, evaluated in three-valued logic.

Why not Python expressions or regexes: rules must be reviewable by a clinician, validated before
use, and *total over missing answers*. A predicate is True, False or None (unknown). There is no
``not``: triage rules only ever look for the presence of something, which is what makes "adding a
symptom never lowers urgency" true by construction. Evidence may ask for ``is: false``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

FactValue = bool | float | int | str | list[str]
Facts = Mapping[str, FactValue]
Truth = bool | None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactTest(_Strict):
    """A test on one fact: truthy by default, or ``is``, a comparison, or membership.

    ``missing`` is the value the test takes when the fact is unknown, for the rare rule where an
    unknown must count as the worse case (e.g. "slurred speech that began *today*" when we do not
    know when it began).
    """

    fact: str
    is_: bool | None = Field(default=None, alias="is")
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    missing: bool | None = None
    _numeric: bool = PrivateAttr(default=False)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_kind_of_test(self) -> FactTest:
        numeric = [v for v in (self.gt, self.gte, self.lt, self.lte) if v is not None]
        kinds = (self.is_ is not None) + bool(numeric) + (self.in_ is not None)
        if kinds > 1:
            raise ValueError("use only one of 'is', a comparison (gt/gte/lt/lte) or 'in'")
        return self

    def model_post_init(self, __context: object) -> None:
        # Evaluated for every fact of every rule on every assessment: decide the kind once.
        object.__setattr__(self, "_numeric", any(v is not None for v in self._bounds()))

    def _bounds(self) -> tuple[float | None, ...]:
        return (self.gt, self.gte, self.lt, self.lte)

    @property
    def is_numeric(self) -> bool:
        return self._numeric

    @property
    def negative(self) -> bool:
        """True for ``is: false`` tests, which triage rules may not use."""
        return self.is_ is False

    def evaluate(self, facts: Facts, use_missing: bool = True) -> Truth:
        if self.fact not in facts:
            return self.missing if use_missing else None
        value = facts[self.fact]
        if self.is_numeric:
            if isinstance(value, bool) or not isinstance(value, int | float):
                return None
            return _compare(float(value), self)
        if self.in_ is not None:
            if isinstance(value, list):
                return any(v in self.in_ for v in value)
            return str(value) in self.in_
        expected = True if self.is_ is None else self.is_
        return bool(value) is expected


def _compare(value: float, test: FactTest) -> bool:
    checks = [
        test.gt is None or value > test.gt,
        test.gte is None or value >= test.gte,
        test.lt is None or value < test.lt,
        test.lte is None or value <= test.lte,
    ]
    return all(checks)


class AllOf(_Strict):
    """True when every part is True; False as soon as one is False; otherwise unknown."""

    all: list[Predicate]

    def evaluate(self, facts: Facts, use_missing: bool = True) -> Truth:
        # Stops at the first False: every rule is evaluated many times per answer, and parts
        # have no side effects, so the outcome is the same as evaluating them all.
        unknown = False
        for part in self.all:
            result = part.evaluate(facts, use_missing)
            if result is False:
                return False
            if result is None:
                unknown = True
        return None if unknown else True


class AnyOf(_Strict):
    """True as soon as one part is True; False when every part is False; otherwise unknown."""

    any: list[Predicate]

    def evaluate(self, facts: Facts, use_missing: bool = True) -> Truth:
        # Stops at the first True, for the same reason as :meth:`AllOf.evaluate`.
        unknown = False
        for part in self.any:
            result = part.evaluate(facts, use_missing)
            if result is True:
                return True
            if result is None:
                unknown = True
        return None if unknown else False


class AtLeast(_Strict):
    """True when at least ``n`` parts are True (e.g. two signs of an overactive thyroid)."""

    at_least: int = Field(ge=1)
    of: list[Predicate]

    def evaluate(self, facts: Facts, use_missing: bool = True) -> Truth:
        results = [p.evaluate(facts, use_missing) for p in self.of]
        true = sum(r is True for r in results)
        unknown = sum(r is None for r in results)
        if true >= self.at_least:
            return True
        if true + unknown < self.at_least:
            return False
        return None


Predicate = Annotated[Union[FactTest, AllOf, AnyOf, AtLeast], Field(union_mode="left_to_right")]  # noqa: UP007

AllOf.model_rebuild()
AnyOf.model_rebuild()
AtLeast.model_rebuild()


def leaves(predicate: Predicate) -> Iterator[FactTest]:
    """Every fact test inside a predicate, for validation."""
    if isinstance(predicate, FactTest):
        yield predicate
    elif isinstance(predicate, AllOf):
        for p in predicate.all:
            yield from leaves(p)
    elif isinstance(predicate, AnyOf):
        for p in predicate.any:
            yield from leaves(p)
    else:
        for p in predicate.of:
            yield from leaves(p)


def matched_facts(predicate: Predicate, facts: Facts) -> list[str]:
    """The facts that made a True predicate true, so a reason can name them.

    Each fact once, in the order the predicate first tests it: a rule that tests one answer in
    several branches (fever with confusion, fever with a headache) still names it once.
    """
    found = (t.fact for t in leaves(predicate) if t.fact in facts and t.evaluate(facts) is True)
    return list(dict.fromkeys(found))


Level = Literal["self_care", "doctor", "urgent", "emergency"]
LEVELS: tuple[Level, ...] = ("self_care", "doctor", "urgent", "emergency")


def level_rank(level: Level) -> int:
    """Order of urgency: self_care < doctor < urgent < emergency."""
    return LEVELS.index(level)
