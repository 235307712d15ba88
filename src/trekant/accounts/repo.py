"""SQL for accounts, tokens, sessions and throttling counters (both store backends)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection

from trekant.accounts.model import Account, SessionRecord, TokenInfo
from trekant.accounts.throttle import Counter
from trekant.region.repo import upsert
from trekant.store.schema.accounts import account, account_municipality, api_token, login_throttle, web_session
from trekant.store.schema.core import municipality


def utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes: they were written in UTC, so say so."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def _municipalities(conn: Connection, account_ids: list[int]) -> dict[int, tuple[str, ...]]:
    rows = conn.execute(select(account_municipality.c.account_id, account_municipality.c.municipality_code)
                        .where(account_municipality.c.account_id.in_(account_ids))
                        .order_by(account_municipality.c.municipality_code))
    found: dict[int, list[str]] = {}
    for account_id, code in rows:
        found.setdefault(account_id, []).append(code)
    return {k: tuple(v) for k, v in found.items()}


def _account(row, codes: tuple[str, ...]) -> Account:
    return Account(id=row.id, name=row.name, role=row.role, municipalities=codes, disabled=bool(row.disabled),
                   created_at=utc(row.created_at), has_password=row.password_hash is not None)


def region_codes(conn: Connection) -> set[str]:
    return set(conn.execute(select(municipality.c.code).where(municipality.c.in_region.is_(True))).scalars())


def find(conn: Connection, name: str) -> tuple[Account, str | None] | None:
    """The account of this name and its password hash, or None."""
    row = conn.execute(select(account).where(account.c.name == name)).first()
    if row is None:
        return None
    return _account(row, _municipalities(conn, [row.id]).get(row.id, ())), row.password_hash


def by_id(conn: Connection, account_id: int) -> Account | None:
    row = conn.execute(select(account).where(account.c.id == account_id)).first()
    return None if row is None else _account(row, _municipalities(conn, [row.id]).get(row.id, ()))


def all_accounts(conn: Connection) -> list[Account]:
    rows = conn.execute(select(account).order_by(account.c.name)).all()
    codes = _municipalities(conn, [r.id for r in rows])
    return [_account(r, codes.get(r.id, ())) for r in rows]


def count_accounts(conn: Connection) -> int:
    return len(conn.execute(select(account.c.id)).all())


def insert(conn: Connection, name: str, role: str, password_hash: str | None, codes: list[str], now: datetime) -> int:
    account_id = conn.execute(account.insert().values(
        name=name, role=role, password_hash=password_hash, disabled=False, created_at=now, updated_at=now,
    ).returning(account.c.id)).scalar_one()
    _set_municipalities(conn, account_id, codes)
    return account_id


def _set_municipalities(conn: Connection, account_id: int, codes: list[str]) -> None:
    conn.execute(delete(account_municipality).where(account_municipality.c.account_id == account_id))
    if codes:
        conn.execute(account_municipality.insert(),
                     [dict(account_id=account_id, municipality_code=c) for c in codes])


def set_role(conn: Connection, account_id: int, role: str, codes: list[str], now: datetime) -> None:
    conn.execute(update(account).where(account.c.id == account_id).values(role=role, updated_at=now))
    _set_municipalities(conn, account_id, codes)


def set_disabled(conn: Connection, account_id: int, disabled: bool, now: datetime) -> None:
    conn.execute(update(account).where(account.c.id == account_id).values(disabled=disabled, updated_at=now))


def set_password_hash(conn: Connection, account_id: int, password_hash: str, now: datetime) -> None:
    conn.execute(update(account).where(account.c.id == account_id).values(password_hash=password_hash, updated_at=now))


# API tokens

def insert_token(conn: Connection, account_id: int, token_hash: str, prefix: str, now: datetime,
                 expires_at: datetime | None) -> int:
    return conn.execute(api_token.insert().values(
        account_id=account_id, token_hash=token_hash, prefix=prefix, created_at=now, expires_at=expires_at,
    ).returning(api_token.c.id)).scalar_one()


def _token_info(row, name: str) -> TokenInfo:
    return TokenInfo(id=row.id, account=name, prefix=row.prefix, created_at=utc(row.created_at),
                     expires_at=utc(row.expires_at), revoked_at=utc(row.revoked_at), last_used_at=utc(row.last_used_at))


def token_by_hash(conn: Connection, token_hash: str) -> tuple[TokenInfo, int] | None:
    """The token with this hash and its account id (whatever its state: the caller judges it)."""
    row = conn.execute(select(api_token, account.c.name).join(account, account.c.id == api_token.c.account_id)
                       .where(api_token.c.token_hash == token_hash)).first()
    return None if row is None else (_token_info(row, row.name), row.account_id)


def tokens(conn: Connection, account_id: int | None = None) -> list[TokenInfo]:
    stmt = select(api_token, account.c.name).join(account, account.c.id == api_token.c.account_id)
    if account_id is not None:
        stmt = stmt.where(api_token.c.account_id == account_id)
    return [_token_info(r, r.name) for r in conn.execute(stmt.order_by(api_token.c.id))]


def revoke_tokens(conn: Connection, account_id: int, token_id: int | None, now: datetime) -> list[int]:
    """Revoke one token (or all of the account's live ones); the ids revoked."""
    where = (api_token.c.account_id == account_id) & api_token.c.revoked_at.is_(None)
    if token_id is not None:
        where = where & (api_token.c.id == token_id)
    ids = list(conn.execute(select(api_token.c.id).where(where)).scalars())
    if ids:
        conn.execute(update(api_token).where(api_token.c.id.in_(ids)).values(revoked_at=now))
    return ids


def token_used(conn: Connection, token_id: int, now: datetime) -> None:
    conn.execute(update(api_token).where(api_token.c.id == token_id).values(last_used_at=now))


# web sessions

def insert_session(conn: Connection, token_hash: str, account_id: int, csrf_token: str, now: datetime,
                   address: str) -> int:
    return conn.execute(web_session.insert().values(
        token_hash=token_hash, account_id=account_id, csrf_token=csrf_token, created_at=now, last_seen_at=now,
        address=address,
    ).returning(web_session.c.id)).scalar_one()


def session_by_hash(conn: Connection, token_hash: str) -> SessionRecord | None:
    row = conn.execute(select(web_session).where(web_session.c.token_hash == token_hash)).first()
    if row is None:
        return None
    return SessionRecord(id=row.id, account_id=row.account_id, csrf_token=row.csrf_token,
                         created_at=utc(row.created_at), last_seen_at=utc(row.last_seen_at))


def touch_session(conn: Connection, session_id: int, now: datetime) -> None:
    conn.execute(update(web_session).where(web_session.c.id == session_id).values(last_seen_at=now))


def delete_session(conn: Connection, session_id: int) -> None:
    conn.execute(delete(web_session).where(web_session.c.id == session_id))


def delete_sessions_of(conn: Connection, account_id: int) -> int:
    return conn.execute(delete(web_session).where(web_session.c.account_id == account_id)).rowcount


def delete_sessions_older(conn: Connection, idle_before: datetime, created_before: datetime) -> int:
    """Sweep sessions past either timeout (they are refused anyway; this keeps the table small)."""
    return conn.execute(delete(web_session).where(
        (web_session.c.last_seen_at < idle_before) | (web_session.c.created_at < created_before))).rowcount


# login throttling

def counter(conn: Connection, key: str) -> Counter | None:
    row = conn.execute(select(login_throttle).where(login_throttle.c.key == key)).first()
    return None if row is None else Counter(row.failures, utc(row.window_start))


def put_counter(conn: Connection, key: str, value: Counter) -> None:
    upsert(conn, login_throttle, [dict(key=key, failures=value.failures, window_start=value.window_start)], ["key"])


def clear_counter(conn: Connection, key: str) -> None:
    conn.execute(delete(login_throttle).where(login_throttle.c.key == key))
