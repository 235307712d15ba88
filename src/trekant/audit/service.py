"""Use cases of the audit log: list with filters and export as CSV (administrators only)."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time, timezone
from pathlib import Path

from trekant.accounts import rules
from trekant.accounts.model import Principal
from trekant import sheets
from trekant.audit import repo
from trekant.errors import InputError
from trekant.settings import Settings
from trekant.store.store import reading

COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "where", "detail")
PAGE = 200


def parse_since(text: str | None, option: str = "--since") -> datetime | None:
    """A date (YYYY-MM-DD, from its midnight UTC) or an ISO date-time; None when not given."""
    if not text:
        return None
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), tzinfo=timezone.utc)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(option, reason=f"{text!r} is not a date (YYYY-MM-DD) or date-time (ISO 8601)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def list_entries(settings: Settings, by: Principal, actor: str | None = None, entity: str | None = None,
                 since: datetime | None = None, limit: int | None = PAGE, offset: int = 0) -> list[dict]:
    rules.require(by, "audit.read")
    with reading(settings) as conn:
        return repo.entries(conn, actor, entity, since, limit, offset)


def csv_text(entries: list[dict]) -> str:
    out = io.StringIO()
    rows = ([e[c] if c != "detail" else json.dumps(e[c], ensure_ascii=False, sort_keys=True) for c in COLUMNS]
            for e in entries)
    sheets.write_rows(out, COLUMNS, rows)
    return out.getvalue()


def export_csv(settings: Settings, by: Principal, path: Path, actor: str | None = None, entity: str | None = None,
               since: datetime | None = None) -> int:
    """Write every matching entry to a CSV file (UTF-8 with BOM for spreadsheets); the count written."""
    found = list_entries(settings, by, actor, entity, since, limit=None)
    try:
        path.write_text(csv_text(found), encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(str(path), reason=f"cannot write: {exc.strerror or exc}") from None
    return len(found)
