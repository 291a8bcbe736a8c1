"""How medicine and substance names are compared, in one place for knowledge, engine and cases.

People write "St John's wort", "st_johns_wort" or "Lithium  Carbonate"; the knowledge lists each
name once, in the compared form, and ``kb check`` rejects a member not written that way.
"""

from __future__ import annotations

_SEPARATORS = str.maketrans({"_": " ", "-": " ", "'": None, "\u2019": None})


def normalise_medicine(name: str) -> str:
    """Lower case, '_' and '-' as spaces, no apostrophes, single spaces."""
    return " ".join(name.lower().translate(_SEPARATORS).split())
