"""One exception family and the Issue record every reader and validator returns.

Readers collect *all* problems as Issues instead of stopping at the first; a service raises
InputError carrying them when any has severity "error", and the CLI prints one line each.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One validation finding: where it is (source file, feature, field) and what is wrong."""

    severity: Severity
    code: str
    source: str
    where: str
    message: str
    field: str | None = None

    def line(self) -> str:
        """A single human-readable line: 'error [code] file: feature/field: message'."""
        place = self.where if not self.field else f"{self.where}, field {self.field}"
        return f"{self.severity} [{self.code}] {self.source}: {place}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(i.severity == "error" for i in issues)


class TrekantError(Exception):
    """Base of every error the platform raises on purpose."""

    def lines(self) -> list[str]:
        return [str(self)]


class InputError(TrekantError):
    """Bad input: carries the source, the location in it and the reason, or a list of Issues."""

    def __init__(
        self,
        source: str,
        where: str = "",
        reason: str = "",
        issues: list[Issue] | None = None,
    ):
        self.source = source
        self.where = where
        self.reason = reason
        self.issues = list(issues or [])
        super().__init__(self._summary())

    def _summary(self) -> str:
        if self.issues and not self.reason:
            errors = sum(1 for i in self.issues if i.severity == "error")
            return f"{self.source}: {errors} error(s)"
        place = f" {self.where}:" if self.where else ""
        return f"{self.source}:{place} {self.reason}".strip()

    def lines(self) -> list[str]:
        if self.issues:
            return [i.line() for i in self.issues]
        return [str(self)]

    @classmethod
    def from_issues(cls, source: str, issues: list[Issue]) -> "InputError":
        return cls(source=source, issues=issues)


class NotFound(TrekantError):
    """A thing that was asked for by name or code does not exist."""


class Forbidden(TrekantError):
    """The actor may not do this (e.g. edit another municipality's data)."""


class SignInRequired(Forbidden):
    """Nobody is signed in, and this needs someone who is (HTTP 401 rather than 403)."""


class TooManyAttempts(TrekantError):
    """Refused for now after repeated failures (HTTP 429); retry_after says for how many seconds."""

    def __init__(self, message: str, retry_after: int):
        self.retry_after = retry_after
        super().__init__(message)


class Conflict(TrekantError):
    """The change collides with the store's present state (e.g. a key that already exists)."""


class StoreError(TrekantError):
    """The store cannot be opened, written or is of the wrong kind."""
