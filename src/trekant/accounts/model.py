"""Accounts, principals and the records of tokens and sessions (plain dataclasses, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Role = Literal["administrator", "editor", "analyst", "reader", "anonymous"]
ROLES: tuple[str, ...] = ("administrator", "editor", "analyst", "reader")  # roles an account can hold


@dataclass(frozen=True)
class Principal:
    """Who is asking: a name for the audit log, a role and (for editors) their municipalities."""

    name: str
    role: Role
    municipalities: frozenset[str] = field(default_factory=frozenset)
    via: str = "anonymous"  # anonymous | local-admin | session | token | cli

    @property
    def signed_in(self) -> bool:
        return self.role != "anonymous"

    @property
    def sees_unpublished(self) -> bool:
        """Drafts and personal data are for signed-in users of the cooperation only."""
        return self.signed_in


ANONYMOUS = Principal(name="anonymous", role="anonymous")
LOCAL_ADMIN = Principal(name="local-admin", role="administrator", via="local-admin")


@dataclass(frozen=True)
class Account:
    """A person or a script that signs in. The password hash never leaves repo/service."""

    id: int
    name: str
    role: str
    municipalities: tuple[str, ...]
    disabled: bool
    created_at: datetime
    has_password: bool = True

    def principal(self, via: str) -> Principal:
        return Principal(name=self.name, role=self.role, municipalities=frozenset(self.municipalities), via=via)

    def to_dict(self) -> dict:
        return dict(name=self.name, role=self.role, municipalities=list(self.municipalities),
                    disabled=self.disabled, created_at=self.created_at.isoformat())


@dataclass(frozen=True)
class TokenInfo:
    """An API token as listed: never the secret itself, only its id and first characters."""

    id: int
    account: str
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None

    def to_dict(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return dict(id=self.id, account=self.account, prefix=self.prefix, created_at=iso(self.created_at),
                    expires_at=iso(self.expires_at), revoked_at=iso(self.revoked_at),
                    last_used_at=iso(self.last_used_at))


@dataclass(frozen=True)
class SessionRecord:
    """A signed-in browser: the account, its CSRF token and the two clocks of its timeouts."""

    id: int
    account_id: int
    csrf_token: str
    created_at: datetime
    last_seen_at: datetime
