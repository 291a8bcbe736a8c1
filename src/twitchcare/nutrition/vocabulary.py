"""The words of food search: how descriptions and queries are split, and what each word weighs.

Kept apart from the index so the tuning is in one readable place. Every constant here is baked
into the prebuilt index, so :func:`fingerprint` changes whenever one of them does and a stale
index is rebuilt rather than trusted.
"""

from __future__ import annotations

import hashlib
import re

from twitchcare.nutrition.foods import Food

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
    # People mean the green kernels (pepitas, shelled sunflower seeds), as the ODS table does.
    ("pumpkin seeds", "pumpkin seed kernels"),
    ("sunflower seeds", "sunflower seed kernels"),
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
        "vitamin", "fortified", "milkfat", "d", "a", "c", "ready", "drink", "grain", "long",
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
        "fermented", "giblet", "liver", "heart", "gizzard", "kidney", "tongue", "brain",
        "tripe", "feet", "glutinous",
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
FAMILY_WEIGHT = 0.8
UNKNOWN_WORD_WEIGHT = 1.0


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
    # Single letters ("x", "d") only ever match noise such as "(n x 6.25)".
    return list(dict.fromkeys(w for w in words(text) if len(w) > 1 or w.isdigit()))


def word_cost(token: str) -> float:
    """What an unmatched word in a description costs a record."""
    if token in PRODUCT:
        return PRODUCT_WORD_COST
    if token in GENERIC or not token.isalpha():
        return GENERIC_WORD_COST
    return EXTRA_WORD_COST


def prior(food: Food) -> float:
    """How much less likely a record is to be what someone means, before reading the query."""
    penalty = GROUP_PENALTY.get(food.food_group, 0.0)
    if _UPPER_WORD.search(food.description) or food.description.lower().startswith("babyfood"):
        penalty += BRAND_PENALTY
    lowered = food.description.lower()
    if "with salt" in lowered and "without salt" not in lowered:
        penalty += WITH_SALT_PENALTY
    return penalty


def fingerprint() -> str:
    """A short hash of every list and weight the index is built with."""
    parts = [
        sorted(STOPWORDS), QUERY_REWRITES, sorted(GENERIC), sorted(PRODUCT), PRODUCT_WORD_COST,
        sorted(CATEGORY_HEADS), sorted(RAW_STATES), sorted(COOKED_BY_DEFAULT_GROUPS),
        sorted(GROUP_PENALTY.items()), BRAND_PENALTY, WITH_SALT_PENALTY, EXTRA_WORD_COST,
        GENERIC_WORD_COST, _WORD.pattern, _UPPER_WORD.pattern, FAMILY_WEIGHT,
    ]  # fmt: skip
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
