"""An assessment in progress, kept by the person's browser, signed by the server.

Why not the database: nothing a person answers is written to disk until they choose "save to
my diary"; an abandoned interview leaves nothing behind to clean up; and any server process can
continue any interview (no session table), which keeps the answer endpoint fast. The state is
the starting facts plus the pages answered so far; the engine replays it on each request
(:func:`twitchcare.engine.interview.replay`), so the engine stays the only judge.

Pages keep it in an HttpOnly cookie; the JSON API hands it back as an opaque ``state`` string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer

from twitchcare.engine.interview import AnswerLog, Interview, replay
from twitchcare.errors import InputError
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import KnowledgeBase
from twitchcare.web.i18n import _

COOKIE = "tc_assessment"
SALT = "twitchcare.assessment.v1"


@dataclass
class InterviewState:
    """Facts known before the first page, and each page's answers in order."""

    known: dict[str, FactValue] = field(default_factory=dict)
    log: AnswerLog = field(default_factory=list)

    def interview(self, kb: KnowledgeBase) -> Interview:
        return replay(kb, self.known, self.log)


class StateCodec:
    """Signs and checks interview states (compressed, so a long interview fits a cookie)."""

    def __init__(self, secret: bytes) -> None:
        self._serializer = URLSafeSerializer(secret, salt=SALT)

    def dumps(self, state: InterviewState) -> str:
        log = [[screen, dict(values)] for screen, values in state.log]
        return str(self._serializer.dumps({"k": state.known, "l": log}))

    def loads(self, token: str | None, *, field_name: str = "state") -> InterviewState:
        if not token:
            raise InputError(
                field=field_name,
                problem=_("no assessment in progress"),
                hint=_("start one first ({address}, or the Check page)").format(
                    address="POST /api/v1/assessments"
                ),
            )
        try:
            raw: Any = self._serializer.loads(token)
            known = dict(raw["k"])
            log: AnswerLog = [(str(s), dict(v)) for s, v in raw["l"]]
        except (BadSignature, KeyError, TypeError, ValueError):
            raise InputError(
                field=field_name,
                problem=_("is not an assessment twitchcare started"),
                hint=_("start a new assessment"),
            ) from None
        return InterviewState(known=known, log=log)
