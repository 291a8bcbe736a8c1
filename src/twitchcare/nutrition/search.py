"""Forgiving, ranked food search over the SR28 table.

People type "spinach cooked", "pumpkin seed" or "brocoli"; USDA writes "Spinach, cooked, boiled,
drained, without salt". Matching is per word (so order does not matter), with plurals folded and
small typos found through rapidfuzz against the vocabulary, not against 8,050 descriptions, which
keeps a search to a few milliseconds. How well the query words match always dominates; a small
prior then prefers plain generic records over branded, restaurant and baby-food ones.

The index (plain lists and numbers) is kept with :mod:`marshal`, read in a few milliseconds and,
unlike pickle, unable to run code. Marshal's format belongs to one Python version, so the index is
not shipped: it is built from the CSV at first use (about half a second) and saved in the user's
cache folder (platformdirs; ``XDG_CACHE_HOME`` on Linux), one file per Python version, carrying a
key of the CSV, the word lists and the overrides it was built from. A missing, unreadable or stale
file is rebuilt and replaced, with one line on stderr saying so; when the cache cannot be written
the index lives in memory for the run and the line says why. Food objects are made only for hits.
"""

from __future__ import annotations

import bisect
import hashlib
import marshal
import math
import os
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from twitchcare.nutrition.foods import CAFFEINE_OVERRIDES, Food, Portion, csv_path, parse_rows
from twitchcare.nutrition.vocabulary import (
    CATEGORY_HEADS,
    COOKED_BY_DEFAULT_GROUPS,
    FAMILY_WEIGHT,
    HEAD_BONUS,
    MAX_EXTRA_COST,
    PRUNE_SHARE,
    RAW_STAPLE_PENALTY,
    RAW_STATES,
    STATE_WORDS,
    SYNONYMS,
    UNKNOWN_WORD_WEIGHT,
    fingerprint,
    prior,
    query_words,
    word_cost,
    words,
)

__all__ = ["FoodIndex", "SearchHit", "build_index", "load_index", "write_index"]

INDEX_FORMAT = 2
_COLUMNS = (
    "ids", "descriptions", "groups", "magnesium", "caffeine", "portions", "notes", "vocab",
    "postings", "doc_tokens", "first_token", "prior", "raw_staple", "token_cost",
)  # fmt: skip


@dataclass(frozen=True)
class SearchHit:
    """A food with the score that ranked it (higher is better; about 100 for a full match)."""

    food: Food
    score: float


@dataclass
class FoodIndex:
    """Foods as columns plus vocabulary, postings and per-food priors."""

    ids: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    magnesium: list[float] = field(default_factory=list)
    caffeine: list[float | None] = field(default_factory=list)
    portions: list[tuple[tuple[float, str], ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    vocab: list[str] = field(default_factory=list)
    postings: list[list[int]] = field(default_factory=list)
    doc_tokens: list[tuple[int, ...]] = field(default_factory=list)
    first_token: list[int] = field(default_factory=list)
    prior: list[float] = field(default_factory=list)
    raw_staple: list[bool] = field(default_factory=list)
    token_cost: list[float] = field(default_factory=list)
    sorted_vocab: list[str] = field(default_factory=list)
    vocab_id: dict[str, int] = field(default_factory=dict)
    _made: dict[int, Food] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def food(self, i: int) -> Food:
        """The ``i``-th food, made on first use."""
        made = self._made.get(i)
        if made is None:
            made = Food(
                id=self.ids[i],
                description=self.descriptions[i],
                food_group=self.groups[i],
                magnesium_mg_per_100g=self.magnesium[i],
                caffeine_mg_per_100g=self.caffeine[i],
                portions=tuple(Portion(g, d) for g, d in self.portions[i]),
                note=self.notes[i],
            )
            self._made[i] = made
        return made

    @classmethod
    def build(cls, foods: list[Food]) -> FoodIndex:
        """Tokenise every description once; all the per-query work is then set arithmetic."""
        index = cls()
        for i, food in enumerate(foods):
            index.ids.append(food.id)
            index.descriptions.append(food.description)
            index.groups.append(food.food_group)
            index.magnesium.append(food.magnesium_mg_per_100g)
            index.caffeine.append(food.caffeine_mg_per_100g)
            index.portions.append(tuple((p.grams, p.description) for p in food.portions))
            index.notes.append(food.note)
            ids: list[int] = []
            for token in words(food.description.replace("-", " ")):
                vid = index.vocab_id.get(token)
                if vid is None:
                    vid = len(index.vocab)
                    index.vocab_id[token] = vid
                    index.vocab.append(token)
                    index.postings.append([])
                if vid not in ids:
                    ids.append(vid)
                    index.postings[vid].append(i)
            index.doc_tokens.append(tuple(ids))
            heads = [v for v in ids[:2] if index.vocab[v] not in CATEGORY_HEADS]
            index.first_token.append(heads[0] if heads else (ids[0] if ids else -1))
            index.prior.append(prior(food))
            tokens = {index.vocab[v] for v in ids}
            index.raw_staple.append(
                food.food_group in COOKED_BY_DEFAULT_GROUPS and bool(tokens & RAW_STATES)
            )
        index.token_cost = [word_cost(token) for token in index.vocab]
        # Staples come in many USDA variants ("Tea, black, brewed / decaffeinated / ..."), rare
        # foods in one; the size of a record's family is a small, data-derived popularity hint.
        families: dict[tuple[int, ...], list[int]] = {}
        for i, doc in enumerate(index.doc_tokens):
            family = tuple(v for v in doc if index.vocab[v] not in CATEGORY_HEADS)[:2]
            families.setdefault(family, []).append(i)
        for members in families.values():
            bonus = FAMILY_WEIGHT * math.log(len(members))
            for i in members:
                index.prior[i] -= bonus
        index.sorted_vocab = sorted(index.vocab)
        return index

    def dumps(self, key: str) -> bytes:
        """Serialise with the key it was built for (see :func:`index_key`)."""
        payload = {"format": INDEX_FORMAT, "key": key}
        payload.update({name: getattr(self, name) for name in _COLUMNS})
        return marshal.dumps(payload)

    @classmethod
    def loads(cls, data: bytes, key: str) -> FoodIndex | None:
        """The index in ``data``, or None when it was built for something else."""
        payload: dict[str, Any] = marshal.loads(data)
        if payload.get("format") != INDEX_FORMAT or payload.get("key") != key:
            return None
        index = cls(**{name: payload[name] for name in _COLUMNS})
        index.vocab_id = {token: i for i, token in enumerate(index.vocab)}
        index.sorted_vocab = sorted(index.vocab)
        return index

    def _matches(self, word: str) -> dict[int, float]:
        """Vocabulary ids similar to one query word, with a similarity in 0..1."""
        found: dict[int, float] = {}
        exact = self.vocab_id.get(word)
        if exact is not None:
            found[exact] = 1.0
        for synonym in SYNONYMS.get(word, ()):
            vid = self.vocab_id.get(synonym)
            if vid is not None and vid not in found:
                found[vid] = 0.85
        if len(word) >= 3 and word.isalpha():
            start = bisect.bisect_left(self.sorted_vocab, word)
            for token in self.sorted_vocab[start : start + 40]:
                if not token.startswith(word):
                    break
                found.setdefault(self.vocab_id[token], 0.8)
        if len(word) >= 4 and word.isalpha() and exact is None:
            from rapidfuzz import fuzz, process  # only typos need it; spares its import

            cutoff = 80 if len(word) >= 5 else 75
            for _token, score, vid in process.extract(
                word, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=12
            ):
                found.setdefault(vid, 0.9 * score / 100)
        return found

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Foods ranked for ``query``; an empty list when no word matches anything.

        Only foods that match the rarest query words are scored first: a food missing words
        worth half the query's weight cannot outrank a full match, so common words such as
        "cooked" or "with" do not make every search walk thousands of records.
        """
        qwords = query_words(query)
        if not qwords:
            return []
        n = len(self)
        per_word: list[tuple[float, dict[int, float]]] = []
        for word in qwords:
            vocab_sims = self._matches(word)
            if not vocab_sims:
                # A word found nowhere ("big", "organic") says nothing about which food is meant;
                # it counts like the commonest word rather than sinking every candidate.
                per_word.append((UNKNOWN_WORD_WEIGHT, vocab_sims))
                continue
            df = min(n, sum(len(self.postings[v]) for v in vocab_sims))
            per_word.append((math.log((n + 1) / (df + 1)) + 1.0, vocab_sims))
        total = sum(w for w, _ in per_word)
        heavy: set[int] = set()
        covered = 0.0
        for weight, vocab_sims in sorted(per_word, key=lambda pair: -pair[0]):
            for vid in vocab_sims:
                heavy.update(self.postings[vid])
            covered += weight
            if covered >= PRUNE_SHARE * total:
                break
        hits = self._score(heavy, per_word, qwords)
        floor = 100.0 * (1.0 - PRUNE_SHARE) + HEAD_BONUS
        if len([h for h in hits[:limit] if h[0] > floor]) < limit and covered < total:
            everything: set[int] = set()
            for _, vocab_sims in per_word:
                for vid in vocab_sims:
                    everything.update(self.postings[vid])
            hits = self._score(everything, per_word, qwords)
        return [SearchHit(self.food(i), round(score, 2)) for score, i in hits[:limit]]

    def _score(
        self,
        candidates: set[int],
        per_word: list[tuple[float, dict[int, float]]],
        qwords: list[str],
    ) -> list[tuple[float, int]]:
        total = sum(w for w, _ in per_word)
        matched_vocab: set[int] = set()
        for _, vocab_sims in per_word:
            matched_vocab.update(vocab_sims)
        wants_state = any(w in STATE_WORDS for w in qwords)
        scored = []
        for i in candidates:
            tokens = self.doc_tokens[i]
            match = 0.0
            extra = 0.0
            for weight, vocab_sims in per_word:
                best = 0.0
                for t in tokens:
                    sim = vocab_sims.get(t, 0.0)
                    if sim > best:
                        best = sim
                match += weight * best
            for t in tokens:
                if t not in matched_vocab:
                    extra += self.token_cost[t]
            score = 100.0 * match / total - min(extra, MAX_EXTRA_COST) - self.prior[i]
            if self.first_token[i] in matched_vocab:
                score += HEAD_BONUS
            if self.raw_staple[i] and not wants_state:
                score -= RAW_STAPLE_PENALTY
            scored.append((score, i))
        scored.sort(key=lambda pair: (-pair[0], len(self.descriptions[pair[1]])))
        return scored


def index_path() -> Path:
    """Where this Python keeps the index: the user's cache folder, one file per version."""
    from platformdirs import user_cache_dir

    tag = f"py{sys.version_info.major}{sys.version_info.minor}-m{marshal.version}"
    return Path(user_cache_dir("twitchcare", appauthor=False)) / f"foods-index-{tag}.marshal"


def index_key(csv_bytes: bytes) -> str:
    """What an index depends on: the CSV's content, the word lists and the data overrides."""
    digest = hashlib.sha256(csv_bytes)
    digest.update(fingerprint().encode())
    digest.update(repr(sorted(CAFFEINE_OVERRIDES.items())).encode())
    return digest.hexdigest()[:24]


def build_index() -> FoodIndex:
    """A fresh index from the shipped CSV."""
    return FoodIndex.build(parse_rows(csv_path()))


def read_index(path: Path, key: str) -> tuple[FoodIndex | None, str]:
    """The index saved at ``path`` for ``key``, or None with why it cannot be used."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, "first use"
    except OSError as exc:
        return None, f"could not read {path}: {exc.strerror or exc}"
    try:
        index = FoodIndex.loads(data, key)
    except (ValueError, EOFError, TypeError, KeyError, AttributeError):
        return None, f"{path} was unreadable"
    return (index, "") if index is not None else (None, f"{path} was built from other data")


def save_index(index: FoodIndex, key: str, path: Path) -> None:
    """Write atomically (a temporary file renamed over), so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".foods-index-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(index.dumps(key))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def obtain_index(path: Path) -> FoodIndex:
    """The index saved at ``path`` when current, else built now, saved there, and said once."""
    key = index_key(csv_path().read_bytes())
    index, why = read_index(path, key)
    if index is not None:
        return index
    index = build_index()
    try:
        save_index(index, key, path)
    except OSError as exc:
        note = f"could not save it to {path} ({exc.strerror or exc}); it is rebuilt on each run"
    else:
        note = f"saved to {path}"
    print(f"twitchcare: built the food search index ({why}); {note}", file=sys.stderr)
    return index


@lru_cache(maxsize=1)
def load_index() -> FoodIndex:
    """The process's food index (read from the user's cache, built there at first use)."""
    return obtain_index(index_path())


def write_index(path: Path | None = None) -> Path:
    """Build the index and save it (e.g. ahead of first use, or to rebuild a cache by hand)."""
    target = path or index_path()
    save_index(build_index(), index_key(csv_path().read_bytes()), target)
    return target


if __name__ == "__main__":
    print(f"wrote {write_index()}")
