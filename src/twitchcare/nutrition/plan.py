"""A day's magnesium plan: realistic portions of accepted foods that close the gap.

The candidate foods and their portions are knowledge data (``plan_foods.yaml``); their magnesium
is computed from the USDA table through the same path as ``mg add``, so the plan and the diary
can never disagree. The article's foods (nuts, oatmeal, sunflower seeds, spinach, beans) come
first; liked foods before the rest; disliked foods and, for vegetarians, meat and fish never.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from twitchcare.nutrition.knowledge import Caution, PlanFood, SupplementForm, load_knowledge
from twitchcare.nutrition.requirements import supplement_limit
from twitchcare.nutrition.serving import FoodServing, understand_food

MAX_ITEMS = 8


@dataclass(frozen=True)
class PlanItem:
    """One suggested addition."""

    food: PlanFood
    serving: FoodServing


@dataclass(frozen=True)
class SupplementAdvice:
    """What to know before reaching for tablets, with the upper limit for this age."""

    limit_mg: float | None
    limit_source: str
    forms: tuple[SupplementForm, ...]
    cautions: tuple[Caution, ...]


@dataclass(frozen=True)
class MagnesiumPlan:
    """Suggestions and how far they get towards the target."""

    target_mg: float
    eaten_mg: float
    items: tuple[PlanItem, ...]
    supplement: SupplementAdvice
    skipped: tuple[str, ...] = field(default=())

    @property
    def gap_mg(self) -> float:
        return max(0.0, self.target_mg - self.eaten_mg)

    @property
    def planned_mg(self) -> float:
        return sum(item.serving.magnesium_mg for item in self.items)

    @property
    def closes_gap(self) -> bool:
        return self.planned_mg >= self.gap_mg


def _mentions(food: PlanFood, words: list[str]) -> bool:
    names = {food.label.lower(), *(t.lower() for t in food.tags)}
    for word in words:
        w = word.strip().lower().rstrip("s")
        if w and any(w in name or name.rstrip("s") in w for name in names):
            return True
    return False


def make_plan(
    target_mg: float,
    eaten_mg: float,
    *,
    age: float,
    likes: list[str] | None = None,
    dislikes: list[str] | None = None,
    vegetarian: bool = False,
    cache_dir: Path | None = None,
) -> MagnesiumPlan:
    """Pick foods in order (liked, then the article's, then others) until the gap is closed."""
    likes = likes or []
    dislikes = dislikes or []
    kb = load_knowledge()
    skipped = []
    accepted = []
    for food in kb.plan_foods.foods:
        if _mentions(food, dislikes):
            skipped.append(f"{food.label} (you dislike it)")
        elif vegetarian and not food.vegetarian:
            skipped.append(f"{food.label} (not vegetarian)")
        else:
            accepted.append(food)
    gap = max(0.0, target_mg - eaten_mg)
    items: list[PlanItem] = []
    if gap <= 0:
        accepted = []
    servings = {f.id: understand_food(f.amount, cache_dir=cache_dir) for f in accepted}

    # Liked foods first, then the article's; within those, one food of each kind (nuts, seeds,
    # beans, ...) before a second of the same kind, richest first, so few portions close the gap.
    def tier(food: PlanFood) -> tuple[bool, bool]:
        return (not _mentions(food, likes), not food.article_food)

    accepted.sort(key=lambda f: (*tier(f), -servings[f.id].magnesium_mg))
    seen: dict[tuple[tuple[bool, bool], str], int] = {}
    repeat: dict[str, int] = {}
    for food in accepted:
        kind = (tier(food), food.tags[0] if food.tags else food.id)
        repeat[food.id] = seen.get(kind, 0)
        seen[kind] = repeat[food.id] + 1
    accepted.sort(key=lambda f: (*tier(f), repeat[f.id], -servings[f.id].magnesium_mg))
    total = 0.0
    for food in accepted:
        if total >= gap or len(items) >= MAX_ITEMS:
            break
        items.append(PlanItem(food, servings[food.id]))
        total += servings[food.id].magnesium_mg
    limit = supplement_limit(age)
    advice = SupplementAdvice(
        limit.mg,
        limit.source,
        tuple(kb.magnesium.supplement_forms),
        tuple(kb.magnesium.supplement_cautions),
    )
    return MagnesiumPlan(target_mg, eaten_mg, tuple(items), advice, tuple(skipped))
