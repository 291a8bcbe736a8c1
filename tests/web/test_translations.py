"""Every string a person reads can be translated: the catalogue template is complete and current."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.shared import REPO

WEB = REPO / "src" / "twitchcare" / "web"
METHODS = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def _extracted() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(WEB), method_map=METHODS, options_map=OPTIONS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_messages_pot_holds_every_string_of_the_web_app() -> None:
    with Path(WEB / "locale" / "messages.pot").open("rb") as handle:
        catalogue = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    missing = _extracted() - catalogue
    assert not missing, f"run `make messages`; missing: {sorted(missing)[:5]}"


def test_the_pages_wording_is_in_the_catalogue() -> None:
    found = _extracted()
    for text in ("Check my twitching", "Save to my diary", "I don't know", "Twitch diary"):
        assert text in found
