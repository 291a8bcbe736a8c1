"""The person's profile: what assessment and magnesium targets need to know about them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

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
        if isinstance(self.age, bool) or not isinstance(self.age, int) or not 0 <= self.age <= 120:
            raise InputError(field="age", problem=f"'{self.age}' is not an age", hint="0-120 years")
        if self.sex not in ("female", "male"):
            raise InputError(
                field="sex", problem=f"'{self.sex}' is not accepted", hint="female or male"
            )
        if (self.pregnant or self.breastfeeding) and self.sex != "female":
            raise InputError(
                field="pregnant", problem="pregnancy and breastfeeding apply to sex 'female' only"
            )
        if self.weight_kg is not None and not 1 <= self.weight_kg <= 400:
            raise InputError(field="weight_kg", problem=f"{self.weight_kg:g} kg is not plausible")
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
