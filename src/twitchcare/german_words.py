"""German answers (terminal and web), read by the same parsers as English ones.

People answer in their own words ("ja", "3 Tage", "seit März", "vor 2 Wochen", "weiß nicht"). Rather
than a second set of parsers that could drift from the English ones, each German word or phrase
that carries meaning is rewritten to the English word the parsers already understand, after the
text is lower-cased. Only words that are not also English words are rewritten, so English answers
read exactly as before in either language.
"""

from __future__ import annotations

import re

# Whole phrases first (longest first), so "heute morgen" is not read as "today" + "morning".
PHRASES = {
    "weiß nicht": "don't know",
    "weiss nicht": "don't know",
    "weiß ich nicht": "don't know",
    "weiss ich nicht": "don't know",
    "keine ahnung": "don't know",
    "nicht sicher": "not sure",
    "heute morgen": "this morning",
    "heute früh": "this morning",
    "heute vormittag": "this morning",
    "heute mittag": "this afternoon",
    "heute nachmittag": "this afternoon",
    "heute abend": "this evening",
    "heute nacht": "tonight",
    "gerade eben": "just now",
    "seit gestern": "since yesterday",
    "gestern abend": "last night",
    "gestern nacht": "last night",
    "letzte nacht": "last night",
    "letzte woche": "last week",
    "letzten monat": "last month",
    "letztes jahr": "last year",
    "ein paar": "a few",
    "ein halbes": "half a",
    "eine halbe": "half a",
    "einen halben": "half a",
    "keins davon": "none",
    "nichts davon": "none",
}

WORDS = {
    # yes, no, none, don't know
    "ja": "yes",
    "j": "y",
    "jo": "yes",
    "jep": "yes",
    "klar": "yes",
    "nein": "no",
    "nö": "no",
    "ne": "no",
    "kein": "none",
    "keine": "none",
    "keins": "none",
    "keines": "none",
    "nichts": "none",
    "unbekannt": "unknown",
    "weißnicht": "don't know",
    # steering words
    "zurück": "back",
    "zurueck": "back",
    "hilfe": "help",
    "ende": "quit",
    "beenden": "quit",
    "abbrechen": "quit",
    # amounts
    "ein": "a",
    "eine": "a",
    "einem": "a",
    "einer": "a",
    "einen": "a",
    "eins": "one",
    "zwei": "two",
    "drei": "three",
    "vier": "four",
    "fünf": "five",
    "sechs": "six",
    "sieben": "seven",
    "acht": "eight",
    "neun": "nine",
    "zehn": "ten",
    "paar": "few",
    "einige": "few",
    "mehrere": "several",
    "halb": "half",
    "halbe": "half",
    "halben": "half",
    # units of time
    "stunde": "hour",
    "stunden": "hours",
    "std": "hours",
    "tag": "day",
    "tage": "days",
    "tagen": "days",
    "nacht": "night",
    "nächte": "nights",
    "nächten": "nights",
    "woche": "week",
    "wochen": "weeks",
    "monat": "month",
    "monate": "months",
    "monaten": "months",
    "jahr": "year",
    "jahre": "years",
    "jahren": "years",
    # time words
    "heute": "today",
    "jetzt": "now",
    "gerade": "now",
    "gestern": "yesterday",
    "seit": "since",
    "vor": "ago",
    "etwa": "about",
    "ungefähr": "about",
    "ca": "about",
    "ca.": "about",
    "circa": "about",
    "zirka": "about",
    "rund": "about",
    "knapp": "about",
    "vielleicht": "maybe",
    "letzten": "last",
    "letzte": "last",
    "letzter": "last",
    "vergangenen": "last",
    # months and weekdays, for "seit März" and "seit Montag"
    "januar": "january",
    "jänner": "january",
    "februar": "february",
    "feber": "february",
    "märz": "march",
    "maerz": "march",
    "marz": "march",
    "mai": "may",
    "juni": "june",
    "juli": "july",
    "oktober": "october",
    "dezember": "december",
    "montag": "monday",
    "dienstag": "tuesday",
    "mittwoch": "wednesday",
    "donnerstag": "thursday",
    "freitag": "friday",
    "samstag": "saturday",
    "sonnabend": "saturday",
    "sonntag": "sunday",
    # joining words in lists ("1 und 3", "Wade und Oberschenkel", "Omeprazol und Salbutamol")
    "und": "and",
    "oder": "or",
    "mein": "my",
    "meine": "my",
    "meinem": "my",
    "meinen": "my",
    "der": "the",
    "die": "the",
    "das": "the",
    "den": "the",
    "dem": "the",
    "am": "the",
    "im": "the",
}

_PHRASE = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True))
    + r")(?!\w)"
)
_WORD = re.compile(r"[^\s,;/()]+")
# "3.5.2025" and "3. Mai" are dates: the point after a day number is not a word of its own.
_DAY_POINT = re.compile(r"\b(\d{1,2})\.(?=\s*[a-zäöü])")


def as_english(text: str) -> str:
    """``text`` (already lower case) with its German answer words replaced by English ones."""
    text = _DAY_POINT.sub(r"\1", text)
    text = _PHRASE.sub(lambda m: PHRASES[m.group(1)], text)
    return _WORD.sub(lambda m: WORDS.get(m.group(0), m.group(0)), text)


# The German names of the places themselves (as on the list of the German knowledge), for where a
# place is typed rather than picked from the list (`twitchcare log Wade`).
PLACE_NAMES = {
    "eyelid": ("augenlid",),
    "face": ("gesicht",),
    "lips_or_mouth": ("lippen",),
    "tongue": ("zunge",),
    "shoulder": ("schulter",),
    "upper_arm": ("oberarm",),
    "forearm": ("unterarm",),
    "chest": ("brust", "brustkorb"),
    "abdomen": ("bauch",),
    "back": ("rücken", "ruecken"),
    "buttock": ("gesäß", "gesaess"),
    "calf": ("wade",),
    "foot": ("fuß", "fuss"),
    "whole_body": ("ganzer körper",),
}

# Everyday German names of body places, beyond the words on the list itself.
LOCATION_ALIASES = {
    "eyelid": ("auge", "augen", "lid", "lider", "augenlider", "oberlid", "unterlid"),
    "face": ("wange", "stirn"),
    "lips_or_mouth": ("lippe", "mund", "mundwinkel"),
    "neck": ("hals", "nacken"),
    "shoulder": ("schultern", "schulterblatt"),
    "upper_arm": ("oberarme", "bizeps", "trizeps"),
    "forearm": ("unterarme",),
    "hand": ("hände", "finger", "daumen", "daumenballen"),
    "abdomen": ("bauchmuskeln", "bauchmuskel"),
    "buttock": ("po", "hintern", "popo"),
    "thigh": ("oberschenkel", "schenkel"),
    "calf": ("waden", "wadenmuskel", "unterschenkel", "schienbein"),
    "foot": ("füße", "fuesse", "zehe", "zehen", "fußsohle", "fusssohle"),
    "whole_body": ("überall", "ganzer körper", "ganzen körper", "körper"),
}
