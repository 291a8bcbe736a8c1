"""The one catalogue of errors a person can see.

Core code raises these; each adapter renders them once (the CLI prints one line and exits 2, the
web returns a 4xx JSON body). Messages follow where -> what -> how to fix, so they never drift apart
between call sites.
"""

from __future__ import annotations


class TwitchcareError(Exception):
    """Base for every error that is the user's input, not our bug."""

    code = "error"

    def __init__(self, *, field: str, problem: str, hint: str = "", where: str = "") -> None:
        self.field = field
        self.problem = problem
        self.hint = hint
        self.where = where
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """Render as a single line: ``where: field: problem (hint)``."""
        parts = [p for p in (self.where, self.field) if p]
        head = ": ".join(parts)
        text = f"{head}: {self.problem}" if head else self.problem
        if self.hint:
            text += f" ({self.hint})"
        return text

    def as_dict(self) -> dict[str, str]:
        """The JSON body shape shared by every adapter."""
        return {
            "error": self.code,
            "field": self.field,
            "message": self.problem,
            "hint": self.hint,
            "where": self.where,
        }


class InputError(TwitchcareError):
    """A value typed or uploaded by the person is not allowed."""

    code = "invalid_input"


class CaseFileError(TwitchcareError):
    """An assessment case file is malformed or names something unknown."""

    code = "invalid_case"


class KnowledgeError(TwitchcareError):
    """A knowledge-base data file is invalid; names the file and key."""

    code = "invalid_knowledge"


class ConfigError(TwitchcareError):
    """A setting from the environment has a value that is not accepted."""

    code = "invalid_setting"


class NotFoundError(TwitchcareError):
    """Something asked for by id does not exist (or is not yours)."""

    code = "not_found"


class ForbiddenError(TwitchcareError):
    """A request that did not come from twitchcare itself (a form without its token)."""

    code = "forbidden"


class MissingExtraError(TwitchcareError):
    """A command needs an optional part of twitchcare that is not installed."""

    code = "missing_extra"
