"""Who may do what: one permission table, role × action × scope, and the one function that reads it.

Scope is ALL (any municipality or none), OWN (only municipalities the principal is editor of; every
municipality the change touches must be among them, and a change must name at least one) or absent
(refused). Every write in the platform asks `require(principal, action, municipalities)`; no other
place decides permissions.
"""

from __future__ import annotations

from collections.abc import Iterable

from trekant.accounts.model import Principal
from trekant.errors import Forbidden, SignInRequired

ALL = "all"
OWN = "own"

ADMIN, EDITOR, ANALYST, READER, ANON = "administrator", "editor", "analyst", "reader", "anonymous"

# action → {role: scope}. A role missing from an action's row may not do it.
PERMISSIONS: dict[str, dict[str, str]] = {
    # reading
    "published.read": {ADMIN: ALL, EDITOR: ALL, ANALYST: ALL, READER: ALL, ANON: ALL},
    "unpublished.read": {ADMIN: ALL, EDITOR: ALL, ANALYST: ALL, READER: ALL},  # drafts, demo work
    "personal.read": {ADMIN: ALL, EDITOR: ALL, ANALYST: ALL, READER: ALL},  # contact persons
    # a municipality's own data: its editors, and the secretariat
    "plan.edit": {ADMIN: ALL, EDITOR: OWN},  # plan frames (kommuneplanrammer)
    "designation.edit": {ADMIN: ALL, EDITOR: OWN},  # joint designations within its borders
    "energy.edit": {ADMIN: ALL, EDITOR: OWN},  # its energy accounts, targets, measures
    "economy.edit": {ADMIN: ALL, EDITOR: OWN},  # its own indicators
    # the cooperation's analyses
    "model.run": {ADMIN: ALL, ANALYST: ALL},
    "infrastructure.edit": {ADMIN: ALL, ANALYST: ALL},
    "partnership.edit": {ADMIN: ALL, ANALYST: ALL},
    "scenario.edit": {ADMIN: ALL, ANALYST: ALL},
    "strategy.edit": {ADMIN: ALL, ANALYST: ALL},
    # the secretariat only
    "users.manage": {ADMIN: ALL},
    "audit.read": {ADMIN: ALL},
    "personal.forget": {ADMIN: ALL},  # erase a person's contact data everywhere
    "store.manage": {ADMIN: ALL},  # init, settings, region data
}

ROLES_SHOWN = (ADMIN, EDITOR, ANALYST, READER, ANON)


def scope_of(role: str, action: str) -> str | None:
    """ALL, OWN or None for a role and an action (an unknown action is a programming error)."""
    try:
        return PERMISSIONS[action].get(role)
    except KeyError:
        raise ValueError(f"unknown action {action!r}; add it to accounts.rules.PERMISSIONS") from None


def allowed(principal: Principal, action: str, municipalities: Iterable[str] = ()) -> bool:
    """True when the principal may do the action on data of these municipalities."""
    scope = scope_of(principal.role, action)
    if scope == ALL:
        return True
    if scope == OWN:
        touched = {str(code).zfill(4) for code in municipalities}
        return bool(touched) and touched <= principal.municipalities
    return False


def require(principal: Principal, action: str, municipalities: Iterable[str] = ()) -> None:
    """Raise SignInRequired (401) for anonymous, Forbidden (403) for a signed-in principal who may not."""
    touched = sorted({str(code).zfill(4) for code in municipalities})
    if allowed(principal, action, touched):
        return
    if not principal.signed_in:
        hint = (": this is a server store, so the command line signs in with TREKANT_TOKEN (an API token of "
                "your account, issued by `trekant users token NAME`)") if principal.via == "cli" else ""
        raise SignInRequired(f"sign-in required to {action}{hint}")
    if scope_of(principal.role, action) == OWN:
        others = [c for c in touched if c not in principal.municipalities]
        what = f"municipality {', '.join(others)}" if others else "data of no municipality"
        raise Forbidden(f"{principal.name} ({principal.role} of {', '.join(sorted(principal.municipalities)) or 'none'}) "
                        f"may not {action} for {what}")
    raise Forbidden(f"the role {principal.role} may not {action}")


def table() -> list[dict]:
    """The permission table as rows (for docs and `trekant users roles --json`)."""
    return [dict(action=action, **{role: row.get(role, "") for role in ROLES_SHOWN})
            for action, row in PERMISSIONS.items()]
