"""Emergency telephone numbers by country, so an emergency result names the number to call.

A person in an emergency should not have to look the number up. The table is short on purpose:
countries twitchcare is likely to be used in, each with where the number is published. 112 works
from any mobile phone in the European Union and in many other countries, so it is the fallback.
Stdlib only: every adapter (web, terminal, report) reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from twitchcare.errors import InputError

EU_112 = "https://digital-strategy.ec.europa.eu/en/policies/112"


@dataclass(frozen=True)
class EmergencyNumber:
    """The number to call for an ambulance in one country, and where that is published."""

    country: str  # ISO 3166-1 alpha-2
    name: str
    number: str
    source: str


_TABLE = (
    EmergencyNumber(
        "GB",
        "United Kingdom",
        "999",
        "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/",
    ),
    EmergencyNumber("IE", "Ireland", "112", EU_112),
    EmergencyNumber("DE", "Germany", "112", EU_112),
    EmergencyNumber("AT", "Austria", "112", EU_112),
    EmergencyNumber(
        "CH", "Switzerland", "144", "https://www.ch.ch/en/safety-and-justice/emergency-numbers/"
    ),
    EmergencyNumber("CZ", "Czechia", "112", EU_112),
    EmergencyNumber("FR", "France", "112", EU_112),
    EmergencyNumber("ES", "Spain", "112", EU_112),
    EmergencyNumber("IT", "Italy", "112", EU_112),
    EmergencyNumber("NL", "Netherlands", "112", EU_112),
    EmergencyNumber("PL", "Poland", "112", EU_112),
    EmergencyNumber("US", "United States", "911", "https://www.911.gov/"),
    EmergencyNumber("CA", "Canada", "911", "https://www.911.gov/"),
    EmergencyNumber("AU", "Australia", "000", "https://www.triplezero.gov.au/"),
    EmergencyNumber("NZ", "New Zealand", "111", "https://www.police.govt.nz/111"),
)
NUMBERS: dict[str, EmergencyNumber] = {e.country: e for e in _TABLE}
FALLBACK = EmergencyNumber("", "Anywhere else", "112", EU_112)


def emergency_number(country: str | None) -> EmergencyNumber:
    """The number for ``country`` (ISO code); 112 when no country is chosen."""
    if not country:
        return FALLBACK
    code = country.strip().upper()
    if code not in NUMBERS:
        raise InputError(
            field="country",
            problem=f"'{country}' is not a country twitchcare knows the number for",
            hint="use one of " + ", ".join(NUMBERS),
        )
    return NUMBERS[code]
