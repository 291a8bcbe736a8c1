"""Who the targets are for: the stored profile, overridden by what was given on the command."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError

if TYPE_CHECKING:
    from twitchcare.diary.profile import Profile


@dataclass(frozen=True)
class Person:
    """What requirements and limits depend on; ``None`` means not known."""

    age: float | None = None
    sex: str | None = None
    pregnant: bool = False
    breastfeeding: bool = False
    athlete: bool = False
    weight_kg: float | None = None

    def require_age_and_sex(self) -> tuple[float, str]:
        """Age and sex, or an error saying how to give them."""
        if self.age is None:
            raise InputError(
                field="age",
                problem=_("your age is needed for a magnesium target"),
                hint=_("give --age and --sex, or set them once with twitchcare profile"),
            )
        if self.sex is None:
            raise InputError(
                field="sex",
                problem=_("your sex is needed for a magnesium target"),
                hint=_("give --sex female|male, or set it once with twitchcare profile"),
            )
        return self.age, self.sex


def resolve_person(
    profile: Profile | None,
    *,
    age: float | None = None,
    sex: str | None = None,
    pregnant: bool | None = None,
    breastfeeding: bool | None = None,
    weight_kg: float | None = None,
) -> Person:
    """Options win over the profile; the profile fills in the rest."""
    if sex is not None:
        sex = sex.strip().lower()
        if sex not in ("female", "male"):
            raise InputError(
                field="sex",
                problem=_("'{sex}' is not accepted").format(sex=sex),
                hint=_("female or male"),
            )
    from twitchcare.limits import limits
    from twitchcare.vocabulary import vocabulary

    ages, weights = limits().age, limits().weight_kg
    low, high = vocabulary().child_bearing_age  # the profile's and the interview's ages
    if age is not None and not (math.isfinite(age) and ages.low <= age <= ages.high):
        raise InputError(
            field="age",
            problem=_("'{value}' is not an age").format(value=f"{age:g}"),
            hint=_("{low}-{high} years").format(low=f"{ages.low:g}", high=f"{ages.high:g}"),
        )
    if weight_kg is not None and not (
        math.isfinite(weight_kg) and weights.low <= weight_kg <= weights.high
    ):
        raise InputError(
            field="weight",
            problem=_("{kg} kg is not plausible").format(kg=f"{weight_kg:g}"),
            hint=f"{weights.low:g}-{weights.high:g} kg",
        )
    base = profile
    person = Person(
        age=age if age is not None else (base.age if base else None),
        sex=sex if sex is not None else (base.sex if base else None),
        pregnant=pregnant if pregnant is not None else bool(base and base.pregnant),
        breastfeeding=(
            breastfeeding if breastfeeding is not None else bool(base and base.breastfeeding)
        ),
        athlete=bool(base and base.athlete),
        weight_kg=weight_kg if weight_kg is not None else (base.weight_kg if base else None),
    )
    # the profile's own rules, for a combination made of options and the stored profile
    if (person.pregnant or person.breastfeeding) and person.sex == "male":
        raise InputError(
            field="pregnant",
            problem=_("pregnancy and breastfeeding apply to sex 'female' only"),
        )
    for name in ("pregnant", "breastfeeding"):
        if getattr(person, name) and person.age is not None and not low <= person.age <= high:
            problem = (
                _("a pregnancy at age {age} is not accepted")
                if name == "pregnant"
                else _("breastfeeding at age {age} is not accepted")
            )
            raise InputError(
                field=name,
                problem=problem.format(age=f"{person.age:g}"),
                hint=_("check the age; it is accepted at {low}-{high} years").format(
                    low=low, high=high
                ),
            )
    return person


def parse_day(text: str | None, *, today: dt.date | None = None) -> dt.date:
    """``None`` or "today" -> today; "yesterday"; else an ISO date (YYYY-MM-DD); the diary's
    date rules apply (nothing before 1900 or after today)."""
    from twitchcare.diary.parsing import parse_date

    return parse_date(text, today=today or dt.date.today())
