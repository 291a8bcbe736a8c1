"""The person's profile: what assessment and magnesium targets need to know about them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore

Sex = Literal["female", "male"]
_PROFILE_ID = 1  # one person per diary; hosted mode gives each account its own store


@dataclass(frozen=True)
class Profile:
    age: int
    sex: Sex
    pregnant: bool = False
    breastfeeding: bool = False
    athlete: bool = False
    weight_kg: float | None = None

    def validated(self) -> Profile:
        from twitchcare.limits import limits
        from twitchcare.vocabulary import vocabulary

        age, weight = limits().age, limits().weight_kg
        # The ages the interview asks about pregnancy and breastfeeding (one definition).
        low, high = vocabulary().child_bearing_age
        if (
            isinstance(self.age, bool)
            or not isinstance(self.age, int)
            or not age.low <= self.age <= age.high
        ):
            raise InputError(
                field="age",
                problem=_("'{value}' is not an age").format(value=self.age),
                hint=_("{low}-{high} years").format(low=f"{age.low:g}", high=f"{age.high:g}"),
            )
        if self.sex not in ("female", "male"):
            raise InputError(
                field="sex",
                problem=_("'{sex}' is not accepted").format(sex=self.sex),
                hint=_("female or male"),
            )
        if (self.pregnant or self.breastfeeding) and self.sex != "female":
            raise InputError(
                field="pregnant",
                problem=_("pregnancy and breastfeeding apply to sex 'female' only"),
            )
        for name in ("pregnant", "breastfeeding"):
            if getattr(self, name) and not low <= self.age <= high:
                problem = (
                    _("a pregnancy at age {age} is not accepted")
                    if name == "pregnant"
                    else _("breastfeeding at age {age} is not accepted")
                )
                raise InputError(
                    field=name,
                    problem=problem.format(age=self.age),
                    hint=_("check the age; it is accepted at {low}-{high} years").format(
                        low=low, high=high
                    ),
                )
        if self.weight_kg is not None and not (
            math.isfinite(self.weight_kg) and weight.low <= self.weight_kg <= weight.high
        ):
            raise InputError(
                field="weight_kg",
                problem=_("{kg} kg is not plausible").format(kg=f"{self.weight_kg:g}"),
                hint=f"{weight.low:g}-{weight.high:g} kg",
            )
        return self


def get_profile(store: DiaryStore) -> Profile | None:
    from twitchcare.store.models import ProfileRow

    with store.session() as session:
        row = session.get(ProfileRow, _PROFILE_ID)
        if row is None:
            return None
        return Profile(
            age=row.age,
            sex=cast(Sex, row.sex),
            pregnant=row.pregnant,
            breastfeeding=row.breastfeeding,
            athlete=row.athlete,
            weight_kg=row.weight_kg,
        )


def set_profile(store: DiaryStore, profile: Profile) -> None:
    """Replace the profile (there is only one)."""
    from twitchcare.store.models import ProfileRow

    profile.validated()
    with store.session() as session:
        row = session.get(ProfileRow, _PROFILE_ID) or ProfileRow(id=_PROFILE_ID)
        row.age = profile.age
        row.sex = profile.sex
        row.pregnant = profile.pregnant
        row.breastfeeding = profile.breastfeeding
        row.athlete = profile.athlete
        row.weight_kg = profile.weight_kg
        session.add(row)
