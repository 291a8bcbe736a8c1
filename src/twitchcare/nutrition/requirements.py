"""How much magnesium a person needs, and how much may come from supplements.

The numbers are the NIH ODS tables in ``knowledge/nutrition/magnesium.yaml``. The article also
names athletes and stressed people as higher-need groups; the table has no separate value for
them, so the target is not raised and the person is told so, with the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.nutrition.knowledge import NeedGroup, load_knowledge


@dataclass(frozen=True)
class MagnesiumTarget:
    """A daily target with where it came from and what it does not cover."""

    mg: float
    kind: str
    row_id: str
    basis: str
    source: str
    notes: tuple[NeedGroup, ...] = ()


def _check(age: float, sex: str, pregnant: bool, breastfeeding: bool) -> None:
    if not 0 <= age <= 120:
        raise InputError(
            field="age",
            problem=_("{age} is not an age").format(age=f"{age:g}"),
            hint=_("0-120 years"),
        )
    if sex not in ("female", "male"):
        raise InputError(
            field="sex",
            problem=_("'{sex}' is not accepted").format(sex=sex),
            hint=_("female or male (the NIH table gives values by sex)"),
        )
    if (pregnant or breastfeeding) and sex != "female":
        raise InputError(
            field="pregnant", problem=_("pregnancy and breastfeeding need sex 'female'")
        )
    from twitchcare.vocabulary import vocabulary

    low, high = vocabulary().child_bearing_age  # the ages the interview and the diary accept
    if (pregnant or breastfeeding) and not low <= age <= high:
        raise InputError(
            field="pregnant" if pregnant else "breastfeeding",
            problem=(
                _("a pregnancy at age {age} is not accepted")
                if pregnant
                else _("breastfeeding at age {age} is not accepted")
            ).format(age=f"{age:g}"),
            hint=_("check the age; it is accepted at {low}-{high} years").format(
                low=low, high=high
            ),
        )


def magnesium_target(
    age: float,
    sex: str,
    *,
    pregnant: bool = False,
    breastfeeding: bool = False,
    athlete: bool = False,
    stressed: bool = False,
) -> MagnesiumTarget:
    """The RDA (or AI for infants) for this person, mg per day."""
    _check(age, sex, pregnant, breastfeeding)
    kb = load_knowledge().magnesium
    row = next(r for r in kb.requirements if r.covers(age))
    groups = {g.group: g for g in kb.higher_need_groups}
    notes: list[NeedGroup] = []
    mg = row.female_mg if sex == "female" else row.male_mg
    years = f"{age:g}"
    basis = _("{sex}, age {age}").format(sex=_(sex), age=years)
    if pregnant:
        notes.append(groups["pregnant"])
        if row.pregnancy_mg is not None:
            mg, basis = row.pregnancy_mg, _("pregnant, age {age}").format(age=years)
        else:
            basis += " " + _(
                "(the table has no pregnancy value for this age; the usual value is used)"
            )
    elif breastfeeding:
        notes.append(groups["breastfeeding"])
        if row.lactation_mg is not None:
            mg, basis = row.lactation_mg, _("breastfeeding, age {age}").format(age=years)
    if athlete:
        notes.append(groups["athletes"])
    if stressed:
        notes.append(groups["stressed people"])
    return MagnesiumTarget(mg, row.kind, row.id, basis, row.source, tuple(notes))


@dataclass(frozen=True)
class SupplementLimit:
    """The upper limit for magnesium from supplements and medicines (not food)."""

    mg: float | None
    row_id: str
    source: str


def supplement_limit(age: float) -> SupplementLimit:
    """The UL for supplemental magnesium; ``mg`` is None where none is set (infants)."""
    if not 0 <= age <= 120:
        raise InputError(
            field="age",
            problem=_("{age} is not an age").format(age=f"{age:g}"),
            hint=_("0-120 years"),
        )
    row = next(r for r in load_knowledge().magnesium.upper_limits if r.covers(age))
    return SupplementLimit(row.supplemental_mg, row.id, row.source)
