"""Emergency telephone numbers by country, so an emergency result names the number to call.

A person in an emergency should not have to look the number up. The numbers are knowledge data
(``knowledge/emergency.yaml``), each citing a ``sources.yaml`` entry a person can open; this
module only reads and checks them. 112 is the number shown when no country is chosen. A broken
file is a :class:`~twitchcare.errors.KnowledgeError` naming the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from twitchcare.catalogue import LANGUAGE, N_, SOURCE_LANGUAGE
from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError, KnowledgeError

FILE = "emergency.yaml"


@dataclass(frozen=True)
class EmergencyNumber:
    """The number to call for an ambulance in one country, and where that is published."""

    country: str  # ISO 3166-1 alpha-2; "" for the fallback
    english_name: str  # as written in emergency.yaml
    number: str
    source_id: str  # an id in sources.yaml
    source: str  # that source's address

    @property
    def name(self) -> str:
        """The country's name in the language in use. Other languages take the name from the
        Unicode CLDR territory names that Babel ships (``Locale.territories``, keyed by the same
        ISO code), so no list of country names is kept by hand for each language."""
        lang = LANGUAGE.get()
        if not self.country:
            return _(self.english_name)
        if lang == SOURCE_LANGUAGE:
            return self.english_name
        from babel import Locale

        return str(Locale.parse(lang).territories.get(self.country, self.english_name))


@dataclass(frozen=True)
class EmergencyNumbers:
    countries: dict[str, EmergencyNumber]
    fallback: EmergencyNumber


def _read(name: str) -> Any:
    import yaml

    text = files("twitchcare").joinpath("knowledge", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=1)
def numbers() -> EmergencyNumbers:
    """The table, read and checked once per process."""
    urls = {s["id"]: s["url"] for s in _read("sources.yaml")["sources"]}
    data = _read(FILE)

    def entry(item: Any, key: str, code: str, name: str) -> EmergencyNumber:
        try:
            number, source = str(item["number"]), str(item["source"])
        except (TypeError, KeyError):
            raise KnowledgeError(where=FILE, field=key, problem="needs number and source") from None
        if not number.isdigit():
            raise KnowledgeError(where=FILE, field=key + ".number", problem="must be digits")
        if source not in urls:
            raise KnowledgeError(
                where=FILE, field=key + ".source", problem=f"'{source}' is not in sources.yaml"
            )
        return EmergencyNumber(code, name, number, source, urls[source])

    table: dict[str, EmergencyNumber] = {}
    for i, item in enumerate(data.get("countries") or []):
        key = f"countries[{i}]"
        code = str(item.get("code", "")) if isinstance(item, dict) else ""
        if len(code) != 2 or not code.isupper() or code in table:
            raise KnowledgeError(
                where=FILE, field=key + ".code", problem="needs a new two-letter ISO code"
            )
        table[code] = entry(item, key, code, str(item.get("name") or code))
    fallback = entry(data.get("fallback"), "fallback", "", N_("Anywhere else"))
    return EmergencyNumbers(table, fallback)


def emergency_number(country: str | None) -> EmergencyNumber:
    """The number for ``country`` (ISO code); the fallback (112) when no country is chosen."""
    table = numbers()
    if not country:
        return table.fallback
    code = country.strip().upper()
    if code not in table.countries:
        raise InputError(
            field="country",
            problem=_("'{value}' is not a country twitchcare knows the number for").format(
                value=country[:40]
            ),
            hint=_("use one of {allowed}").format(allowed=", ".join(table.countries)),
        )
    return table.countries[code]
