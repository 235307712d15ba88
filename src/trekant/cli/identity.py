"""Who the CLI acts as, for the permission table and the audit log.

- On the embedded GeoPackage store (a file on this machine) whoever may write the file is its
  administrator: the CLI acts as administrator `cli:<os user>`.
- On a server store (TREKANT_DATABASE_URL set) many people share the data, so the CLI signs in with
  an API token of the person's account, from TREKANT_TOKEN (`trekant users token NAME` issues one);
  its role and municipalities then apply exactly as on the web. Without a token it is anonymous
  and every write is refused — except while the store holds no account at all: such a store is not
  shared yet (its database credentials are its only key), and the CLI administers it, so the first
  administrator can be created.
Every change the CLI makes is audited with where = "cli".
"""

from __future__ import annotations

import functools
import getpass
import os
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from trekant.accounts.model import Principal
from trekant.errors import Forbidden, SignInRequired

if TYPE_CHECKING:
    from trekant.settings import Settings

WHERE = "cli"
ACTOR_ENV = "TREKANT_ACTOR"


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "unknown"


def cli_principal(settings: Settings) -> Principal:
    """The principal of this command (see the module docstring)."""
    actor = f"cli:{os_user()}"
    if not settings.is_postgis:
        return Principal(name=actor, role="administrator", via="cli")
    if settings.token is None:
        return Principal(name=actor, role="administrator" if _no_accounts(settings) else "anonymous", via="cli")
    from trekant.accounts import service  # loaded only when a command runs (the CLI starts light)
    from trekant.store.store import writing

    with writing(settings) as conn:
        principal = service.token_principal(conn, settings.token.get_secret_value().strip(),
                                            datetime.now(timezone.utc))
    if principal is None:
        raise SignInRequired("TREKANT_TOKEN is unknown, expired or revoked, or its account is disabled")
    return Principal(name=principal.name, role=principal.role, municipalities=principal.municipalities, via="cli")


def _no_accounts(settings: Settings) -> bool:
    """A server store without any account is not shared yet: its database credentials are its only key."""
    from trekant.accounts.repo import count_accounts
    from trekant.store.store import reading

    with reading(settings) as conn:
        return count_accounts(conn) == 0


def acting_settings(settings: Settings, principal: Principal) -> Settings:
    """Settings whose audit actor is the CLI's principal."""
    return settings.model_copy(update={"actor": principal.name})


def sign_in_hint(settings: Settings) -> str:
    return ("this is a server store: set TREKANT_TOKEN to an API token of your account "
            "(an administrator issues one with `trekant users token NAME`)") if settings.is_postgis else ""


def requires(action: str):
    """A write command's guard: on a server store the signed-in principal (TREKANT_TOKEN) must be allowed
    `action` by the permission table, and the audit log names them (TREKANT_ACTOR for this command).

    Fails closed for actions an editor holds only for their own municipalities: this guard cannot see
    which municipalities a file touches, so it lets through only principals allowed everywhere. A
    service that checks the municipalities itself (plan import) takes the principal directly instead.
    Place it below @handles_errors, so a refusal is one line on stderr and exit code 1.
    """

    def wrap(command):
        @functools.wraps(command)
        def run(*args, **kwargs):
            from trekant.accounts import rules
            from trekant.cli.common import settings

            principal = cli_principal(settings())
            if rules.scope_of(principal.role, action) == rules.OWN:
                raise Forbidden(f"{principal.name} ({principal.role}) may {action} only for their own municipalities, "
                                "and this command does not check each row's municipality: an administrator imports it")
            rules.require(principal, action)
            previous = os.environ.get(ACTOR_ENV)
            os.environ[ACTOR_ENV] = principal.name
            try:
                return command(*args, **kwargs)
            finally:
                if previous is None:
                    os.environ.pop(ACTOR_ENV, None)
                else:
                    os.environ[ACTOR_ENV] = previous

        return run

    return wrap
