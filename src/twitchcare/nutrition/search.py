"""Forgiving, ranked food search over the SR28 table.

People type "spinach cooked", "pumpkin seed" or "brocoli"; USDA writes "Spinach, cooked, boiled,
drained, without salt". Matching is per word (so order does not matter), with plurals folded and
small typos found through rapidfuzz against the vocabulary, not against 8,050 descriptions, which
keeps a search to a few milliseconds. How well the query words match always dominates; a small
prior then prefers plain generic records over branded, restaurant and baby-food ones.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from twitchcare.nutrition.foods import Food, cache_path, csv_path, load_cached, parse_rows

_WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?%?")
_UPPER_WORD = re.compile(r"\b[A-Z][A-Z'&]{2,}\b")

STOPWORDS = frozenset({"a", "an", "and", "or", "of", "the", "in", "for", "to", "from", "ns", "nfs"})

# Phrases people write differently from USDA; rewritten before the query is split into words.
QUERY_REWRITES = (
    ("wholemeal", "whole wheat"),
    ("wholewheat", "whole wheat"),
    ("soy milk", "soymilk"),
    ("yoghurt", "yogurt"),
    ("porridge", "oats cooked"),
    ("garbanzo", "chickpeas"),
    ("coriander leaves", "coriander"),
)

# A query word that USDA often expresses with another word; matched a little below an exact hit.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "cooked": ("boiled", "prepared", "roasted", "baked", "steamed", "heat", "broiled", "cooked"),
    "boiled": ("cooked",),
    "raw": ("fresh", "uncooked"),
    "oat": ("oatmeal",),
    "decaf": ("decaffeinated",),
    "fries": ("fried",),
}

# Words that say little about which food it is; unmatched ones cost less than other extra words.
GENERIC = frozenset(
    {
        "raw", "cooked", "boiled", "drained", "without", "with", "salt", "mature", "seed", "all",
        "type", "commercial", "commercially", "variety", "fresh", "regular", "plain", "whole",
        "prepared", "fluid", "added", "kernel", "enriched", "unenriched", "nut", "bean", "solid",
        "liquid", "beverage", "brewed", "tap", "water", "broiler", "fryer", "meat", "fish",
        "vitamin", "fortified", "milkfat", "d", "a", "c", "ready", "drink", "fruit", "vegetable",
        "nuts", "seeds", "cereal", "product", "form", "fat", "lean", "include", "includes",
        "boiling", "microwaving", "microwaved", "quick", "style",
    }
)  # fmt: skip

# Words that turn a food into a different product (rice -> rice flour); unless the query asks
# for them they count heavily against a record.
PRODUCT = frozenset(
    {
        "flour", "oil", "paste", "powder", "dried", "dehydrated", "bran", "cracker", "noodle",
        "chip", "sauce", "soup", "juice", "concentrate", "breaded", "souffle", "babyfood",
        "imitation", "substitute", "butter", "candy", "cookie", "cake", "pie", "syrup", "mix",
        "instant", "chicory", "frozen", "canned", "sheep", "goat", "human", "buffalo", "yogurt",
        "chocolate", "vanilla", "strawberry", "flavored", "sweetened", "honey", "cinnamon",
        "fried", "sprouted", "stir", "dessert", "cream", "buttermilk", "dry", "bar", "producer",
    }
)  # fmt: skip
PRODUCT_WORD_COST = 5.0

# USDA often names the category first ("Nuts, almonds"); the word after it is the real head.
CATEGORY_HEADS = frozenset(
    {"cereal", "beverage", "nut", "seed", "bean", "fish", "snack", "candy", "candie", "spice"}
)

STATE_WORDS = frozenset(
    {"raw", "dry", "uncooked", "unprepared", "cooked", "boiled", "canned", "roasted", "prepared"}
)
RAW_STATES = frozenset({"raw", "dry", "uncooked", "unprepared"})
# Dry beans and raw grains are rarely eaten as such, so "1 cup black beans" means cooked beans.
COOKED_BY_DEFAULT_GROUPS = frozenset({"Legumes and Legume Products", "Cereal Grains and Pasta"})

GROUP_PENALTY = {
    "Baby Foods": 12.0,
    "Fast Foods": 8.0,
    "Restaurant Foods": 8.0,
    "American Indian/Alaska Native Foods": 6.0,
    "Meals, Entrees, and Side Dishes": 4.0,
}
BRAND_PENALTY = 6.0
WITH_SALT_PENALTY = 1.5
HEAD_BONUS = 5.0
RAW_STAPLE_PENALTY = 4.0
EXTRA_WORD_COST = 1.0
GENERIC_WORD_COST = 0.3
MAX_EXTRA_COST = 12.0
PRUNE_SHARE = 0.5
INDEX_FORMAT = 1


def stem(word: str) -> str:
    """Fold English plurals so "seeds" finds "seed" and "berries" finds "berry"."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")) or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("oes", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-case, stemmed words of a description or query, without stop words."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def query_words(query: str) -> list[str]:
    """The distinct words of a query after the phrase rewrites, in order."""
    text = " " + query.lower().replace("-", " ") + " "
    if "oatmeal" in text:
        # Oatmeal on its own is the cooked porridge; dry oats are asked for as such.
        dry = any(w in text for w in ("instant", "dry", "cookie", "bread", "bar", "muffin"))
        text = text.replace("oatmeal", "oats" if dry else "oats cooked")
    for old, new in QUERY_REWRITES:
        text = text.replace(old, new)
    return list(dict.fromkeys(words(text)))


@dataclass(frozen=True)
class SearchHit:
    """A food with the score that ranked it (higher is better; about 100 for a full match)."""

    food: Food
    score: float


@dataclass
class FoodIndex:
    """Vocabulary, postings and per-food priors, built once and pickled in the cache."""

    foods: tuple[Food, ...]
    vocab: list[str] = field(default_factory=list)
    postings: list[list[int]] = field(default_factory=list)
    doc_tokens: list[tuple[int, ...]] = field(default_factory=list)
    first_token: list[int] = field(default_factory=list)
    prior: list[float] = field(default_factory=list)
    raw_staple: list[bool] = field(default_factory=list)
    token_cost: list[float] = field(default_factory=list)
    sorted_vocab: list[str] = field(default_factory=list)
    vocab_id: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, foods: tuple[Food, ...]) -> FoodIndex:
        """Tokenise every description once; all the per-query work is then set arithmetic."""
        index = cls(foods=foods)
        for i, food in enumerate(foods):
            ids = []
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
            index.prior.append(_prior(food))
            tokens = {index.vocab[v] for v in ids}
            index.raw_staple.append(
                food.food_group in COOKED_BY_DEFAULT_GROUPS and bool(tokens & RAW_STATES)
            )
        index.token_cost = [_word_cost(token) for token in index.vocab]
        index.sorted_vocab = sorted(index.vocab)
        return index

    def _matches(self, word: str) -> dict[int, float]:
        """Vocabulary ids similar to one query word, with a similarity in 0..1."""
        from rapidfuzz import fuzz, process

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
                vid = self.vocab_id[token]
                found.setdefault(vid, 0.8)
        if len(word) >= 4 and word.isalpha() and exact is None:
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
        n = len(self.foods)
        per_word: list[tuple[float, dict[int, float]]] = []
        for word in qwords:
            vocab_sims = self._matches(word)
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
        return [SearchHit(self.foods[i], round(score, 2)) for score, i in hits[:limit]]

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
        scored.sort(key=lambda pair: (-pair[0], len(self.foods[pair[1]].description)))
        return scored


def _word_cost(token: str) -> float:
    """What an unmatched word in a description costs a record."""
    if token in PRODUCT:
        return PRODUCT_WORD_COST
    if token in GENERIC or not token.isalpha():
        return GENERIC_WORD_COST
    return EXTRA_WORD_COST


def _prior(food: Food) -> float:
    """How much less likely a record is to be what someone means, before reading the query."""
    penalty = GROUP_PENALTY.get(food.food_group, 0.0)
    if _UPPER_WORD.search(food.description) or food.description.lower().startswith("babyfood"):
        penalty += BRAND_PENALTY
    lowered = food.description.lower()
    if "with salt" in lowered and "without salt" not in lowered:
        penalty += WITH_SALT_PENALTY
    return penalty


@lru_cache(maxsize=4)
def load_index(cache_dir: Path | None = None) -> FoodIndex:
    """The search index, from ``cache_dir`` when it holds a current copy."""
    source = csv_path()

    def build() -> FoodIndex:
        return FoodIndex.build(tuple(parse_rows(source)))

    if cache_dir is None:
        return build()
    # The index bakes in this module's word lists, so a changed module means a new cache file.
    code = Path(__file__).stat().st_mtime_ns
    name = cache_path(cache_dir, source).name.replace("foods-", f"index{INDEX_FORMAT}-{code}-")
    return load_cached(cache_dir, name, build)
