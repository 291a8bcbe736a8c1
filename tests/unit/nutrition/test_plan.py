"""The magnesium plan: accepted foods, the article's first, realistic portions, honest advice."""

from __future__ import annotations

from twitchcare.nutrition.plan import make_plan


def test_plan_closes_the_gap_with_the_articles_foods_first() -> None:
    plan = make_plan(420, 150, age=40)
    assert plan.closes_gap
    assert plan.items[0].food.article_food
    assert all(item.serving.grams <= 250 for item in plan.items)


def test_dislikes_and_vegetarian_are_respected() -> None:
    plan = make_plan(420, 0, age=40, dislikes=["nuts"], vegetarian=True)
    labels = {item.food.label for item in plan.items}
    assert not labels & {"almonds", "cashews", "peanut butter", "salmon"}


def test_liked_foods_come_first() -> None:
    plan = make_plan(420, 300, age=40, likes=["dark chocolate"])
    assert plan.items[0].food.label == "dark chocolate"


def test_supplement_advice_has_limit_diarrhoea_and_when_to_ask_a_doctor() -> None:
    advice = make_plan(320, 320, age=30).supplement
    assert advice.limit_mg == 350
    texts = " ".join(c.text for c in advice.cautions).lower()
    for word in ("diarrhoea", "kidney", "bisphosphonates", "quinolone", "diuretics", "proton"):
        assert word in texts
    assert all(c.source for c in advice.cautions)


def test_no_foods_are_suggested_when_the_target_is_reached() -> None:
    assert make_plan(320, 400, age=30).items == ()


def test_a_whole_day_for_a_man_is_closed_with_every_food_the_article_names() -> None:
    plan = make_plan(420, 0, age=40)
    assert plan.closes_gap
    assert len(plan.items) <= 8
    labels = " ".join(item.food.label for item in plan.items)
    for named in ("almonds", "oatmeal", "sunflower seeds", "spinach", "black beans"):
        assert named in labels
