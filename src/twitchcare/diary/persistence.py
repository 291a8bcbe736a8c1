"""Does the twitching last too long or keep coming back?

NHS "Twitching eyes and muscles" [nhs-twitching]: see a GP if the twitch lasts more than 2 weeks.
The founding article: "if the twitching lasts longer or keeps returning, consult a doctor".
These two facts feed the assessment's triage (at least ``doctor``); here they are only computed.

Definitions (stated so the person can check them against their own diary); the numbers are
``persistence`` in ``knowledge/vocabulary.yaml``, the same the interview's rules use:
- a *spell* is a run of twitching days in which no gap of ``free_spell_days`` (7) or more free
  days occurs;
- *persistent*: the latest spell spans more than ``more_than_days`` (14) days and twitching was
  logged on more than ``most_days`` (half) of them (days without entries count as free, which can
  only under-count, never invent);
- *returning*: twitching came back after a free spell of at least ``free_spell_days``.

Only waking twitching counts: an episode whose every context is a sleep start (``awake: false``,
jerks while falling asleep) is a normal event however often it comes, as the interview's rules
hold; an episode with no context given counts, as an unanswered question does there.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.vocabulary import vocabulary

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore

SOURCE_ID = "nhs-twitching"


def N_(text: str) -> str:
    """Mark a sentence for the catalogue where it is defined; it is translated where shown."""
    return text


_ADVICE = N_(
    'NHS: see a GP if the twitch lasts more than 2 weeks; the article: "if the twitching lasts '
    'longer or keeps returning, consult a doctor".'
)


@dataclass(frozen=True)
class Persistence:
    persistent: bool
    returning: bool
    reason: str
    source_id: str = SOURCE_ID
    spell_start: dt.date | None = None
    spell_end: dt.date | None = None
    twitching_days_in_spell: int = 0
    facts: dict[str, bool] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "persistent": self.persistent,
            "returning": self.returning,
            "reason": self.reason,
            "source_id": self.source_id,
            "spell_start": self.spell_start.isoformat() if self.spell_start else None,
            "spell_end": self.spell_end.isoformat() if self.spell_end else None,
            "twitching_days_in_spell": self.twitching_days_in_spell,
            "facts": dict(self.facts),
        }


def sleep_start_only(joined: str | None) -> bool:
    """Whether an episode with these ``;``-joined contexts happened only while falling asleep
    (the one rule the interview applies too)."""
    return vocabulary().sleep_onset_only([c for c in str(joined or "").split(";") if c])


def waking_counts(rows: Iterable[tuple[dt.date, str, int]]) -> dict[dt.date, int]:
    """Episodes per day from ``(day, ";"-joined contexts, count)`` rows, leaving out episodes
    that happened only while falling asleep (:func:`sleep_start_only`)."""
    counts: dict[dt.date, int] = {}
    for day, joined, n in rows:
        if sleep_start_only(joined):
            continue
        counts[day] = counts.get(day, 0) + int(n)
    return counts


def detect(episodes_by_day: Mapping[dt.date, int], today: dt.date) -> Persistence:
    """Compute persistence and recurrence from waking-twitching counts per day up to ``today``
    (see :func:`waking_counts`)."""
    rule = vocabulary().persistence
    days = sorted(d for d, n in episodes_by_day.items() if n > 0 and d <= today)
    if not days:
        return _result(False, False, _("No waking twitching logged yet."), None, None, 0)
    spells: list[list[dt.date]] = [[days[0]]]
    returns: list[tuple[dt.date, int]] = []
    for prev, cur in itertools.pairwise(days):
        free = (cur - prev).days - 1
        if free >= rule.free_spell_days:
            spells.append([cur])
            returns.append((cur, free))
        else:
            spells[-1].append(cur)
    spell = spells[-1]
    span = (spell[-1] - spell[0]).days + 1
    persistent = span > rule.more_than_days and len(spell) > rule.most_days * span
    returning = bool(returns)
    parts = []
    if persistent:
        parts.append(
            _(
                "Twitching on {n} of {span} days from {first} to {last} (more than {limit} days)."
            ).format(
                n=len(spell), span=span, first=spell[0], last=spell[-1], limit=rule.more_than_days
            )
        )
    if returning:
        back, free = returns[-1]
        times = " " + _("({n} times)").format(n=len(returns)) if len(returns) > 1 else ""
        parts.append(
            _("Twitching returned on {day} after {free} free days{times}.").format(
                day=back, free=free, times=times
            )
        )
    if parts:
        reason = " ".join(parts) + " " + _(_ADVICE)
    else:
        reason = _(
            "Latest spell: {n} twitching day(s) over {span} day(s) since {first}; not more than "
            "{limit} days and no return after a free spell."
        ).format(n=len(spell), span=span, first=spell[0], limit=rule.more_than_days)
    return _result(persistent, returning, reason, spell[0], spell[-1], len(spell))


def detect_in_store(store: DiaryStore, today: dt.date) -> Persistence:
    """Persistence of the stored diary (what the assessment asks for its diary facts)."""
    from twitchcare.diary.episodes import waking_counts_by_day

    return detect(waking_counts_by_day(store), today)


def _result(
    persistent: bool,
    returning: bool,
    reason: str,
    start: dt.date | None,
    end: dt.date | None,
    n: int,
) -> Persistence:
    return Persistence(
        persistent=persistent,
        returning=returning,
        reason=reason,
        spell_start=start,
        spell_end=end,
        twitching_days_in_spell=n,
        facts={"diary_persistent": persistent, "diary_returning": returning},
    )
