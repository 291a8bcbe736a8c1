"""The codes the FHIR export uses: standard ones where they exist, our own CodeSystem otherwise.

Standard codes, each checked against its publisher's listing:
- LOINC 30525-0 "Age" (e.g. in HL7 IG value sets and lab interfaces, unit UCUM ``a``);
- LOINC 93832-4 "Sleep duration" (HL7 Personal Health Record IG, value set
  ``pcd-sleep-observation-code``, https://hl7.org/fhir/uv/phr/);
- LOINC 55411-3 "Exercise duration" (HL7 US Physical Activity IG, unit UCUM ``min``,
  https://hl7.org/fhir/us/physical-activity/);
- ICD-10-CM R25.3 "Fasciculation" for a twitch episode (the code our knowledge base already gives
  harmless twitching; source ``cdc-icd10cm``);
- SNOMED CT qualifier values 7771000 "Left", 24028007 "Right", 51440002 "Right and left" for the
  side of an episode;
- UCUM units (http://unitsofmeasure.org): ``s``, ``min``, ``h``, ``mg``, ``a``; counts and
  scores use UCUM annotations (``{score}``, ``{UK_unit}``).

Daily caffeine, UK alcohol units, a 0-10 stress rating, dietary magnesium, relaxation minutes,
body places, episode context and intensity have no standard code we could confirm, so they are
coded in the local CodeSystem ``LOCAL_SYSTEM``, which the Bundle carries with every code defined.
"""

from __future__ import annotations

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM = "http://unitsofmeasure.org"
LOCAL_SYSTEM = "urn:twitchcare:codes"
QUESTIONNAIRE_URL = "urn:twitchcare:questionnaire:assessment"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"

#: factor -> (system, code, display, UCUM unit code, unit shown)
FACTOR_CODES: dict[str, tuple[str, str, str, str, str]] = {
    "caffeine_mg": (LOCAL_SYSTEM, "caffeine-intake", "Caffeine taken that day", "mg", "mg"),
    "alcohol_units": (
        LOCAL_SYSTEM,
        "alcohol-uk-units",
        "Alcohol that day in UK units (8 g ethanol)",
        "{UK_unit}",
        "UK units",
    ),
    "stress_0_10": (LOCAL_SYSTEM, "stress-0-10", "Stress that day, 0-10", "{score}", "points"),
    "sleep_hours": (LOINC, "93832-4", "Sleep duration", "h", "h"),
    "exercise_min": (LOINC, "55411-3", "Exercise duration", "min", "min"),
    "magnesium_mg": (LOCAL_SYSTEM, "magnesium-intake", "Magnesium from food that day", "mg", "mg"),
    "relaxation_min": (
        LOCAL_SYSTEM,
        "relaxation-duration",
        "Relaxation practised that day",
        "min",
        "min",
    ),
}

SIDE_CODES: dict[str, tuple[str, str]] = {
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
    "both": ("51440002", "Right and left"),
}

#: Local codes that are not factors: what the CodeSystem defines beside the factor codes.
LOCAL_CONCEPTS: dict[str, str] = {
    "twitch-episode": "A twitch episode logged in the diary",
    "location": "Body place of a twitch episode",
    "duration": "How long the episode lasted",
    "intensity": "How strong the episode was, 1 (barely) to 5 (strong)",
    "context": "When the episode happened (e.g. falling asleep, under stress)",
    "side": "Side of the body",
    "triage-level": "twitchcare triage level of an assessment",
}
