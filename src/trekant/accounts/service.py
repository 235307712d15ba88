"""Use cases of accounts, shared by the CLI and the web app: each write in one transaction, audited.

Who is asking (`by`, a Principal) comes first; `rules.require` decides. `where` says where the change
came from for the audit log's origin ("cli", or the web client's address "192.0.2.7"). Clocks are parameters, so
timeouts are tested without waiting.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy.engine import Connection

from trekant.accounts import passwords, repo, rules, sessions, throttle, tokens
from trekant.accounts.model import ROLES, Account, Principal, SessionRecord, TokenInfo
from trekant.store import audit
from trekant.errors import Conflict, InputError, NotFound, SignInRequired, TooManyAttempts
from trekant.settings import Settings
from trekant.store.store import reading, writing

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MAX_TOKEN_DAYS = 3650


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Policy:
    """The account settings in one place: password length, session timeouts, login throttling."""

    min_password_length: int
    timeouts: sessions.Timeouts
    throttle: throttle.Policy

    @classmethod
    def from_settings(cls, settings: Settings) -> "Policy":
        return cls(settings.password_min_length,
                   sessions.Timeouts(timedelta(minutes=settings.session_idle_minutes),
                                     timedelta(hours=settings.session_absolute_hours)),
                   throttle.Policy(settings.login_max_failures, timedelta(minutes=settings.login_window_minutes)))


# validation

def check_name(name: str) -> str:
    if not NAME.match(name or ""):
        raise InputError("NAME", reason=f"{name!r} is not an account name (letters, digits, . _ @ -; at most 64)")
    return name


def check_role(conn: Connection, role: str, municipalities: list[str]) -> list[str]:
    """The role must exist; an editor needs one or more of the region's municipalities, others none."""
    if role not in ROLES:
        raise InputError("--role", reason=f"{role!r} is not a role ({', '.join(ROLES)})")
    codes = sorted({str(c).strip().zfill(4) for c in municipalities})
    if role != "editor":
        if codes:
            raise InputError("--municipality", reason=f"only an editor has municipalities, not the role {role}")
        return []
    if not codes:
        raise InputError("--municipality", reason="an editor needs at least one municipality (--municipality CODE)")
    unknown = [c for c in codes if c not in repo.region_codes(conn)]
    if unknown:
        raise InputError("--municipality", reason=f"{', '.join(unknown)} is not a municipality of the region")
    return codes


def check_password(password: str, name: str, policy: Policy) -> None:
    found = passwords.problems(password, name, policy.min_password_length)
    if found:
        raise InputError("password", reason="; ".join(found))


def _account(conn: Connection, name: str) -> Account:
    found = repo.find(conn, name)
    if found is None:
        raise NotFound(f"no account named {name!r}")
    return found[0]


# administration (users.manage)

def bootstrap_allowed(settings: Settings) -> bool:
    """True while the store holds no account: the first administrator may then be created without one."""
    with reading(settings) as conn:
        return repo.count_accounts(conn) == 0


def add_user(settings: Settings, by: Principal, name: str, role: str, municipalities: list[str],
             password: str | None, *, where: str, now: datetime | None = None) -> Account:
    """A new account; with a password (checked against the policy) or token-only (password None)."""
    policy = Policy.from_settings(settings)
    check_name(name)
    if password is not None:
        check_password(password, name, policy)
    hashed = passwords.hash_password(password) if password is not None else None
    now = now or now_utc()
    with writing(settings) as conn:
        if repo.count_accounts(conn) == 0 and role != "administrator":
            raise InputError("--role", reason="the first account must be an administrator")
        if repo.count_accounts(conn) > 0:
            rules.require(by, "users.manage")
        codes = check_role(conn, role, municipalities)
        if repo.find(conn, name) is not None:
            raise Conflict(f"an account named {name!r} exists already")
        repo.insert(conn, name, role, hashed, codes, now)
        audit.write_audit(conn, by.name, "account.add", "account", name,
                    dict(new=dict(role=role, municipalities=codes, password=hashed is not None)), where=where)
        return _account(conn, name)


def list_users(settings: Settings, by: Principal) -> list[dict]:
    rules.require(by, "users.manage")
    with reading(settings) as conn:
        held = {}
        for token in repo.tokens(conn):
            held.setdefault(token.account, []).append(token.to_dict())
        return [dict(a.to_dict(), tokens=held.get(a.name, [])) for a in repo.all_accounts(conn)]


def set_role(settings: Settings, by: Principal, name: str, role: str, municipalities: list[str], *, where: str,
             now: datetime | None = None) -> Account:
    rules.require(by, "users.manage")
    with writing(settings) as conn:
        before = _account(conn, name)
        codes = check_role(conn, role, municipalities)
        repo.set_role(conn, before.id, role, codes, now or now_utc())
        repo.delete_sessions_of(conn, before.id)  # a new role takes effect at the next sign-in
        audit.write_audit(conn, by.name, "account.set_role", "account", name,
                    dict(old=dict(role=before.role, municipalities=list(before.municipalities)),
                         new=dict(role=role, municipalities=codes)), where=where)
        return _account(conn, name)


def set_disabled(settings: Settings, by: Principal, name: str, disabled: bool, *, where: str,
                 now: datetime | None = None) -> Account:
    """Disable (ends its sessions; its tokens stop working) or enable an account."""
    rules.require(by, "users.manage")
    with writing(settings) as conn:
        before = _account(conn, name)
        repo.set_disabled(conn, before.id, disabled, now or now_utc())
        ended = repo.delete_sessions_of(conn, before.id) if disabled else 0
        audit.write_audit(conn, by.name, "account.disable" if disabled else "account.enable", "account", name,
                    dict(old=dict(disabled=before.disabled), new=dict(disabled=disabled), sessions_ended=ended),
                    where=where)
        return _account(conn, name)


def set_password(settings: Settings, by: Principal, name: str, password: str, *, where: str,
                 now: datetime | None = None) -> None:
    """A new password (administrators for anyone; everyone for themselves); other sessions end."""
    if by.name != name or not by.signed_in:
        rules.require(by, "users.manage")
    check_password(password, name, Policy.from_settings(settings))
    hashed = passwords.hash_password(password)
    with writing(settings) as conn:
        target = _account(conn, name)
        repo.set_password_hash(conn, target.id, hashed, now or now_utc())
        repo.delete_sessions_of(conn, target.id)
        audit.write_audit(conn, by.name, "account.set_password", "account", name, {}, where=where)


def issue_token(settings: Settings, by: Principal, name: str, expires_days: int | None, *, where: str,
                now: datetime | None = None) -> tuple[str, TokenInfo]:
    """A new API token for the account: the token itself is returned once and stored only hashed.

    Administrators issue tokens for anyone; an account proven by its password (via "password") for itself.
    """
    if not (by.via == "password" and by.name == name):
        rules.require(by, "users.manage")
    if expires_days is not None and not 1 <= expires_days <= MAX_TOKEN_DAYS:
        raise InputError("--expires", reason=f"{expires_days} is not a number of days from 1 to {MAX_TOKEN_DAYS}")
    now = now or now_utc()
    expires_at = now + timedelta(days=expires_days) if expires_days else None
    secret = tokens.new_token()
    with writing(settings) as conn:
        target = _account(conn, name)
        token_id = repo.insert_token(conn, target.id, tokens.digest(secret), tokens.shown_prefix(secret), now, expires_at)
        audit.write_audit(conn, by.name, "token.issue", "api_token", str(token_id),
                    dict(account=name, prefix=tokens.shown_prefix(secret),
                         expires_at=expires_at.isoformat() if expires_at else None), where=where)
        info = next(t for t in repo.tokens(conn, target.id) if t.id == token_id)
    return secret, info


def revoke_token(settings: Settings, by: Principal, name: str, token_id: int | None, *, where: str,
                 now: datetime | None = None) -> list[int]:
    """Revoke one of the account's tokens by id, or all its live tokens; the ids revoked."""
    rules.require(by, "users.manage")
    with writing(settings) as conn:
        target = _account(conn, name)
        revoked = repo.revoke_tokens(conn, target.id, token_id, now or now_utc())
        if token_id is not None and not revoked:
            raise NotFound(f"{name} has no live token with id {token_id}")
        audit.write_audit(conn, by.name, "token.revoke", "api_token", ",".join(map(str, revoked)),
                    dict(account=name, revoked=revoked), where=where)
    return revoked


# signing in: these work on a connection, so the web app can keep one engine per process

def token_principal(conn: Connection, secret: str, now: datetime) -> Principal | None:
    """The account behind a live API token (not revoked, not expired, account enabled), or None."""
    found = repo.token_by_hash(conn, tokens.digest(secret))
    if found is None:
        return None
    info, account_id = found
    if info.revoked_at is not None or (info.expires_at is not None and now >= info.expires_at):
        return None
    account = repo.by_id(conn, account_id)
    if account is None or account.disabled:
        return None
    if info.last_used_at is None or now - info.last_used_at >= sessions.TOUCH_EVERY:
        repo.token_used(conn, info.id, now)
    return account.principal("token")


def verify_sign_in(conn: Connection, policy: Policy, name: str, password: str, address: str, now: datetime,
                   where: str) -> Account | None:
    """The account when name and password match (throttled per account and per address), else None.

    None when refused: the failure is counted and audited, so the caller commits and then answers
    401 "wrong name or password", the same whether the name exists, the account is disabled or the
    password is wrong (and at the same argon2 cost). TooManyAttempts while throttled (nothing written).
    """
    keys = [(throttle.account_key(name), policy.throttle), (throttle.address_key(address), policy.throttle.for_address())]
    wait = max(throttle.retry_after(repo.counter(conn, key), now, p) for key, p in keys)
    if wait:
        raise TooManyAttempts(f"too many failed sign-ins; try again in {wait} seconds", wait)
    found = repo.find(conn, name)
    account, stored = found if found is not None else (None, None)
    if not passwords.verify(stored, password) or account is None or account.disabled:
        for key, p in keys:
            repo.put_counter(conn, key, throttle.after_failure(repo.counter(conn, key), now, p))
        audit.write_audit(conn, name if account else "anonymous", "session.refused", "account", name,
                          dict(reason="wrong name or password"), where=where)
        return None
    repo.clear_counter(conn, keys[0][0])
    if passwords.needs_rehash(stored):
        repo.set_password_hash(conn, account.id, passwords.hash_password(password), now)
    return account


def sign_in(conn: Connection, policy: Policy, name: str, password: str, address: str, now: datetime,
            where: str) -> tuple[str, SessionRecord, Account] | None:
    """verify_sign_in, then a new web session: its cookie secret, its record and the account (None: refused)."""
    account = verify_sign_in(conn, policy, name, password, address, now, where)
    if account is None:
        return None
    secret = tokens.new_secret()
    csrf = secrets.token_urlsafe(32)
    session_id = repo.insert_session(conn, tokens.digest(secret), account.id, csrf, now, address)
    repo.delete_sessions_older(conn, now - policy.timeouts.idle, now - policy.timeouts.absolute)
    audit.write_audit(conn, account.name, "session.start", "web_session", str(session_id), {}, where=where)
    return secret, repo.session_by_hash(conn, tokens.digest(secret)), account


def password_principal(settings: Settings, name: str, password: str, *, where: str,
                       now: datetime | None = None) -> Principal:
    """The principal of an account proven by its password (the CLI's `--password-stdin` on a server store)."""
    with writing(settings) as conn:
        account = verify_sign_in(conn, Policy.from_settings(settings), name, password, where, now or now_utc(), where)
    if account is None:  # the refusal is committed (counted and audited) before this is raised
        raise SignInRequired("wrong name or password")
    return account.principal("password")


def session_principal(conn: Connection, policy: Policy, secret: str, now: datetime
                      ) -> tuple[Principal, SessionRecord] | None:
    """The signed-in principal of a session cookie, or None when unknown, expired or disabled.

    An expired session is deleted; a live one is touched (at most once a minute) for the idle timeout.
    """
    record = repo.session_by_hash(conn, tokens.digest(secret))
    if record is None:
        return None
    if not sessions.is_live(record, now, policy.timeouts):
        repo.delete_session(conn, record.id)
        return None
    account = repo.by_id(conn, record.account_id)
    if account is None or account.disabled:
        return None
    if sessions.needs_touch(record, now):
        repo.touch_session(conn, record.id, now)
    return account.principal("session"), record


def sign_out(conn: Connection, secret: str, where: str) -> None:
    record = repo.session_by_hash(conn, tokens.digest(secret))
    if record is None:
        return
    account = repo.by_id(conn, record.account_id)
    repo.delete_session(conn, record.id)
    audit.write_audit(conn, account.name if account else "anonymous", "session.end", "web_session", str(record.id), {},
                where=where)
