"""A language's food and drink words made English, for the parsers and the food table.

Kept apart from the nutrition knowledge (which loads its validated models) so that an English
search from the terminal does not pay for them: in English nothing is rewritten and nothing more
is imported. The word lists themselves are the knowledge's (`foods` and `names` in
``knowledge/i18n/<lang>/nutrition.yaml``).
"""

from __future__ import annotations

import re

from twitchcare.catalogue import LANGUAGE


def foods_in_english(text: str) -> str:
    """``text`` with the food and portion words of the language in use made English."""
    lang = LANGUAGE.get()
    if lang == "en":
        return text
    from twitchcare.nutrition.knowledge import food_names

    return _rewrite(text, food_names(lang))


def drinks_in_english(text: str) -> str:
    """``text`` with the drink and serving words of the language in use made English."""
    lang = LANGUAGE.get()
    if lang == "en":
        return text
    from twitchcare.nutrition.knowledge import drink_names

    return _rewrite(text, drink_names(lang))


def _rewrite(text: str, names: dict[str, str]) -> str:
    """Each whole word or phrase of ``names`` (longest first, any case) replaced by its meaning."""
    if not names:
        return text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in names) + r")(?!\w)", re.I)
    return pattern.sub(lambda m: names[m.group(1).lower()], text)
