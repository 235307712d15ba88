"""What every route depends on: the settings, who is asking (the principal) and the language.

One dependency knows who is asking: a signed-in session (cookie) or an API token (Authorization:
Bearer), through app.state.identify (trekant.web.auth); otherwise an anonymous reader of published
data, except on a server started with `--local-admin` (bound to 127.0.0.1), where requests from the
loopback address act as the local administrator. What each role may do is decided in one table,
trekant.accounts.rules; `permits(action)` asks it.
"""

from __future__ import annotations

import ipaddress

from fastapi import Depends, Request

from trekant.accounts import rules
from trekant.accounts.model import ANONYMOUS, LOCAL_ADMIN, Principal, Role  # noqa: F401 (the web's names for them)
from trekant.errors import Forbidden, SignInRequired
from trekant.settings import Settings

LANGUAGES = ("da", "en")


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


def _is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def identify(request: Request) -> Principal:
    """Who is asking. Account sign-in (sessions, API tokens) plugs in through app.state.identify."""
    custom = getattr(request.app.state, "identify", None)
    if custom is not None:
        principal = custom(request)
        if principal is not None:
            return principal
    if request.app.state.local_admin and _is_loopback(request):
        return LOCAL_ADMIN
    return ANONYMOUS


def current_principal(request: Request) -> Principal:
    """The principal of this request, computed once and kept on request.state."""
    principal = getattr(request.state, "principal", None)
    if principal is None:
        principal = identify(request)
        request.state.principal = principal
    return principal


def actor_settings(settings: Settings = Depends(get_settings),
                   principal: Principal = Depends(current_principal)) -> Settings:
    """Settings whose audit actor is the person asking (services write settings.actor to the audit log)."""
    return settings.model_copy(update={"actor": f"web:{principal.name}"})


def reader_settings(request: Request, settings: Settings = Depends(get_settings)) -> Settings:
    """Settings in the language of the request (services word their statements in settings.language)."""
    lang = language(request)
    return settings if lang == settings.language else settings.model_copy(update={"language": lang})


# Async twins of the dependencies above, for the routes asked most often (OGC items, the point
# query): FastAPI runs a sync dependency in the thread pool, a hand-off per dependency per request
# that costs more than the work (and waits for a free core under load). Same answers.

async def settings_now(request: Request) -> Settings:
    """get_settings without the thread-pool hop."""
    return get_settings(request)


async def reader_settings_now(request: Request) -> Settings:
    """reader_settings without the thread-pool hop."""
    return reader_settings(request, get_settings(request))


async def principal_now(request: Request) -> Principal:
    """current_principal without the thread-pool hop."""
    return current_principal(request)


async def public_only(request: Request) -> bool:
    """True when the person asking sees published data only (anonymous), without the thread-pool hop."""
    return not current_principal(request).sees_unpublished


def require_role(*roles: Role):
    """A dependency that lets only the given roles through (403 otherwise, 401 when anonymous)."""

    def check(principal: Principal = Depends(current_principal)) -> Principal:
        if principal.role == "administrator" or principal.role in roles:
            return principal
        if not principal.signed_in:
            raise SignInRequired("sign-in required")
        raise Forbidden(f"the role {principal.role} may not do this")

    return check


def permits(action: str):
    """A dependency that lets through whoever the permission table allows this action (401/403 otherwise).

    For actions scoped to an editor's own municipalities, the service checks the municipalities the
    change touches (rules.require with them); this dependency lets the editor reach the service.
    """

    def check(principal: Principal = Depends(current_principal)) -> Principal:
        if rules.scope_of(principal.role, action) == rules.OWN:
            return principal
        rules.require(principal, action)
        return principal

    return check


def where(request: Request) -> str:
    """Where a change came from, for the audit log's origin: the client's address (as the store's writer says)."""
    return request.client.host if request.client else "unknown"


def language(request: Request) -> str:
    """Danish unless the request asks for English (?lang=en, then the lang cookie)."""
    chosen = request.query_params.get("lang") or request.cookies.get("lang")
    return chosen if chosen in LANGUAGES else request.app.state.settings.language
