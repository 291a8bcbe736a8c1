"""The shared vocabulary of ``knowledge/vocabulary.yaml``: contexts, specialists, referrals,
child-bearing age and the persistence thresholds, defined once.

Read with PyYAML only, like :mod:`twitchcare.limits`, because the fast ``twitchcare log`` and
``diary stats`` need the contexts and the persistence thresholds without loading the whole
knowledge base. The knowledge loader reads the same file through :func:`read_vocabulary` and
cross-checks it with the questions, rules and conditions (``twitchcare kb check``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from twitchcare.errors import KnowledgeError

FILE = "vocabulary.yaml"


@dataclass(frozen=True)
class Context:
    """When the twitching happens; the question ``ctx.<id>``."""

    id: str
    awake: bool = True
    diary: bool = True
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Persistence:
    more_than_days: int
    most_days: float
    free_spell_days: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    contexts: tuple[Context, ...]
    context_sources: tuple[str, ...]
    specialists: tuple[str, ...]
    specific_specialists: frozenset[str]
    emergency_referral: str
    doctor_referral: str
    nobody: str
    pregnant_referral: str
    medicine_referral: str
    medicine_cause: str
    referral_sources: tuple[str, ...]
    child_bearing_age: tuple[int, int]
    child_bearing_facts: tuple[str, ...]
    persistence: Persistence

    @property
    def context_ids(self) -> tuple[str, ...]:
        """Every context, in the order of the questions."""
        return tuple(c.id for c in self.contexts)

    @property
    def diary_contexts(self) -> tuple[str, ...]:
        """The contexts one diary episode may carry."""
        return tuple(c.id for c in self.contexts if c.diary)

    @property
    def awake_contexts(self) -> tuple[str, ...]:
        """Contexts of twitching while awake (all but sleep starts)."""
        return tuple(c.id for c in self.contexts if c.awake)

    @property
    def context_words(self) -> dict[str, str]:
        """Everyday word -> context id."""
        return {w: c.id for c in self.contexts for w in c.words}

    def sleep_onset_only(self, contexts: tuple[str, ...] | list[str]) -> bool:
        """True when every given context is a sleep start; no context given is not known, so
        it counts as waking twitching (as the interview counts an unanswered question)."""
        awake = set(self.awake_contexts)
        return bool(contexts) and not any(c in awake for c in contexts)


def _fail(key: str, problem: str) -> KnowledgeError:
    return KnowledgeError(where=FILE, field=key, problem=problem)


def _ids(value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(key, "needs a list of names")
    if len(set(value)) != len(value):
        raise _fail(key, "names a value twice")
    return tuple(value)


def _int(data: dict[str, Any], name: str, key: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(f"{key}.{name}", "needs a whole number of 0 or more")
    return value


def _section(data: dict[str, Any], name: str) -> Any:
    if name not in data:
        raise _fail(name, "is missing")
    return data[name]


def parse_vocabulary(data: Any) -> Vocabulary:
    """Check the file's shape; a problem names the key, as every knowledge error does."""
    if not isinstance(data, dict):
        raise _fail("(top)", "needs a mapping")
    known = {"version", "contexts", "specialists", "referrals", "child_bearing_age", "persistence"}
    for name in data:
        if name not in known:
            raise _fail(str(name), "unknown key")
    ctx = _section(data, "contexts")
    if not isinstance(ctx, dict) or not isinstance(ctx.get("items"), list):
        raise _fail("contexts.items", "needs a list of contexts")
    contexts = []
    for i, item in enumerate(ctx["items"]):
        key = f"contexts.items[{item.get('id', i) if isinstance(item, dict) else i}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise _fail(key, "needs an id")
        extra = set(item) - {"id", "awake", "diary", "words"}
        if extra:
            raise _fail(f"{key}.{sorted(extra)[0]}", "unknown key")
        for flag in ("awake", "diary"):
            if not isinstance(item.get(flag, True), bool):
                raise _fail(f"{key}.{flag}", "needs true or false")
        contexts.append(
            Context(
                id=item["id"],
                awake=item.get("awake", True),
                diary=item.get("diary", True),
                words=_ids(item.get("words", []), f"{key}.words"),
            )
        )
    _ids([c.id for c in contexts], "contexts.items")
    _ids([w for c in contexts for w in c.words], "contexts.items.words")
    specialists = _section(data, "specialists")
    if not isinstance(specialists, list) or not all(
        isinstance(s, dict) and isinstance(s.get("id"), str) for s in specialists
    ):
        raise _fail("specialists", "needs a list of {id: ...}")
    ids = _ids([s["id"] for s in specialists], "specialists")
    referrals = _section(data, "referrals")
    if not isinstance(referrals, dict):
        raise _fail("referrals", "needs a mapping")
    for name in ("emergency", "doctor", "nobody", "pregnant", "medicine"):
        if referrals.get(name) not in ids:
            raise _fail(f"referrals.{name}", f"'{referrals.get(name)}' is not a specialist above")
    if not isinstance(referrals.get("medicine_cause"), str):
        raise _fail("referrals.medicine_cause", "needs a condition id")
    age = _section(data, "child_bearing_age")
    if not isinstance(age, dict):
        raise _fail("child_bearing_age", "needs min and max")
    low, high = _int(age, "min", "child_bearing_age"), _int(age, "max", "child_bearing_age")
    if not low < high:
        raise _fail("child_bearing_age", "min must be below max")
    persistence = _section(data, "persistence")
    if not isinstance(persistence, dict):
        raise _fail("persistence", "needs a mapping")
    most = persistence.get("most_days")
    if isinstance(most, bool) or not isinstance(most, int | float) or not 0 <= most < 1:
        raise _fail("persistence.most_days", "needs a share from 0 to below 1")
    return Vocabulary(
        contexts=tuple(contexts),
        context_sources=_ids(ctx.get("sources"), "contexts.sources"),
        specialists=ids,
        specific_specialists=frozenset(s["id"] for s in specialists if s.get("specific")),
        emergency_referral=referrals["emergency"],
        doctor_referral=referrals["doctor"],
        nobody=referrals["nobody"],
        pregnant_referral=referrals["pregnant"],
        medicine_referral=referrals["medicine"],
        medicine_cause=referrals["medicine_cause"],
        referral_sources=_ids(referrals.get("sources"), "referrals.sources"),
        child_bearing_age=(low, high),
        child_bearing_facts=_ids(age.get("asks"), "child_bearing_age.asks"),
        persistence=Persistence(
            more_than_days=_int(persistence, "more_than_days", "persistence"),
            most_days=float(most),
            free_spell_days=_int(persistence, "free_spell_days", "persistence"),
            sources=_ids(persistence.get("sources"), "persistence.sources"),
        ),
    )


def read_vocabulary(path: Path) -> Vocabulary:
    """Read and check one vocabulary file (the knowledge loader passes its directory's)."""
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except FileNotFoundError:
        raise _fail("(file)", "file is missing") from None
    except yaml.YAMLError as exc:
        raise _fail("(yaml)", str(exc).replace("\n", " ")) from None
    return parse_vocabulary(data)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The installed vocabulary, read once per process."""
    return read_vocabulary(Path(str(files("twitchcare").joinpath("knowledge", FILE))))
