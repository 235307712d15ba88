"""Turn raw records (a YAML document's mappings or a table's rows) into partnerships, every problem named.

One set of checks for every way in (YAML, CSV, XLSX, `add`, `edit`), so a bad CVR number, an
unknown municipality or theme, a negative amount or an end before the start reads the same
whatever the format. Each problem is an Issue naming the file, the record (row or partnership)
and the field; the service writes nothing when any is an error.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date

from trekant.errors import Issue
from trekant.partnerships import cvr
from trekant.partnerships.model import (
    FUNDING_SOURCES,
    KEY_PATTERN,
    ORG_KINDS,
    ROLES,
    STATUSES,
    STRENGTHS,
    THEMES,
    Contact,
    Funding,
    Organisation,
    Partner,
    Partnership,
    Result,
    Source,
)

_KEY = re.compile(KEY_PATTERN)
_LIST_SPLIT = re.compile(r"[;,|]")
_DANISH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
SHARE_TOLERANCE = 1e-6
# Names the web API uses under /api/partnerships/ for the analyses: no partnership may take them as its key.
RESERVED_KEYS = ("funding", "coverage", "network", "organisations", "forget")
MAX_AMOUNT_DKK = 1e13  # ten thousand billion: above it, a typing error


@dataclass
class Context:
    """What a record is checked against: the store's municipalities and the known organisations."""

    municipality_lookup: dict[str, str]  # lower-case code or name → code (every municipality in the store)
    members: frozenset[str]  # the region's municipalities (partnerships take part only through these)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    kpis: frozenset[str] | None = None  # the strategy's KPI keys a partnership may link to (None: not checked)

    def municipality(self, text: str) -> str | None:
        cleaned = str(text).strip().lower()
        if cleaned.isdigit():
            cleaned = cleaned.zfill(4)
        return self.municipality_lookup.get(cleaned)


class Checker:
    """Collects Issues for one source (file or command)."""

    def __init__(self, source: str):
        self.source = source
        self.issues: list[Issue] = []

    def error(self, code: str, where: str, message: str, field: str | None = None) -> None:
        self.issues.append(Issue("error", code, self.source, where, message, field))

    def warning(self, code: str, where: str, message: str, field: str | None = None) -> None:
        self.issues.append(Issue("warning", code, self.source, where, message, field))


# ---- values --------------------------------------------------------------------------------------

def blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip())


def text(value) -> str:
    return "" if blank(value) else str(value).strip()


def as_list(value) -> list[str]:
    """A list from YAML, or a cell 'a; b', 'a, b' or 'a|b'."""
    if blank(value):
        return []
    if isinstance(value, (list, tuple)):
        return [text(v) for v in value if not blank(v)]
    return [part.strip() for part in _LIST_SPLIT.split(str(value)) if part.strip()]


def parse_number(value) -> float:
    """A number from YAML or a cell: 1234567, 1234567.5, 1234567,5 (decimal comma) or 1.234.567,5.

    Until a shared CSV reader exists (trekant.csvfile), partnership files parse numbers here."""
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        cleaned = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if _DANISH_THOUSANDS.match(cleaned):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        elif "," in cleaned and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
        number = float(cleaned)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


def parse_date(value, at_end: bool = False) -> date:
    """A date from YAML (date or year) or a cell: 2021-03-01, 2021-03 or 2021 (start: 1 January / month's first
    day; end: 31 December / the month's last day)."""
    if isinstance(value, date):
        return value
    cleaned = text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        cleaned = str(int(value))
    if re.fullmatch(r"\d{4}", cleaned):
        year = int(cleaned)
        return date(year, 12, 31) if at_end else date(year, 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", cleaned):
        year, month = (int(x) for x in cleaned.split("-"))
        if at_end:
            following = date(year + (month == 12), month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(year, month, 1)
    return date.fromisoformat(cleaned[:10])


def _year(value, chk: Checker, where: str, name: str, required: bool = True) -> int | None:
    if blank(value):
        if required:
            chk.error("missing-field", where, "required field is empty", name)
        return None
    try:
        number = parse_number(value)
    except ValueError:
        chk.error("bad-number", where, f"{value!r} is not a year", name)
        return None
    if not number.is_integer() or not 1900 <= number <= 2100:
        chk.error("bad-number", where, f"{value!r} is not a year from 1900 to 2100", name)
        return None
    return int(number)


def _key(value, chk: Checker, where: str, name: str = "key") -> str | None:
    key = text(value)
    if not key:
        chk.error("missing-field", where, "required field is empty", name)
        return None
    if not _KEY.match(key):
        chk.error("bad-key", where, f"{key!r} is not a key: lower-case letters, digits, '-' and '_'", name)
        return None
    return key


def _required(value, chk: Checker, where: str, name: str) -> str | None:
    if blank(value):
        chk.error("missing-field", where, "required field is empty", name)
        return None
    return text(value)


def _choice(value, allowed: tuple[str, ...], code: str, what: str, chk: Checker, where: str, name: str) -> str | None:
    chosen = text(value).lower()
    if not chosen:
        chk.error("missing-field", where, "required field is empty", name)
        return None
    if chosen not in allowed:
        chk.error(code, where, f"unknown {what} {chosen!r}; use {', '.join(allowed)}", name)
        return None
    return chosen


def _demo(value, chk: Checker, where: str) -> bool:
    if isinstance(value, bool):
        return value
    cleaned = text(value).lower()
    if cleaned in ("", "0", "false", "no", "nej"):
        return False
    if cleaned in ("1", "true", "yes", "ja"):
        return True
    chk.error("bad-value", where, f"{value!r} is not true or false", "demo")
    return False


def _municipality(value, ctx: Context, chk: Checker, where: str, name: str, region_only: bool) -> str | None:
    code = ctx.municipality(value)
    if code is None or (region_only and code not in ctx.members):
        scope = "of the region" if region_only else "in the store"
        chk.error("unknown-municipality", where, f"{text(value)!r} is not a municipality {scope}", name)
        return None
    return code


# ---- organisations -------------------------------------------------------------------------------

def check_org(raw: dict, ctx: Context, chk: Checker, where: str) -> Organisation | None:
    before = len(chk.issues)
    key = _key(raw.get("key"), chk, where)
    name = _required(raw.get("name"), chk, where, "name")
    kind = _choice(raw.get("kind"), ORG_KINDS, "unknown-kind", "organisation kind", chk, where, "kind")
    number = None
    if not blank(raw.get("cvr")):
        value = raw.get("cvr")
        value = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        reason = cvr.problem(value)
        if reason:
            chk.error("bad-cvr", where, reason, "cvr")
        else:
            number = cvr.normalise(value)
    seat = None
    if not blank(raw.get("municipality")):
        seat = _municipality(raw.get("municipality"), ctx, chk, where, "municipality", region_only=False)
    demo = _demo(raw.get("demo"), chk, where)
    if len(chk.issues) > before and any(i.severity == "error" for i in chk.issues[before:]):
        return None
    return Organisation(key, name, kind, number, seat, text(raw.get("url")), demo)


# ---- the parts of a partnership ------------------------------------------------------------------

def check_partner(raw: dict, ctx: Context, chk: Checker, where: str, prefix: str = "") -> Partner | None:
    org = text(raw.get("organisation"))
    role = _choice(raw.get("role", "partner"), ROLES, "unknown-role", "role", chk, where, f"{prefix}role")
    if not org:
        chk.error("missing-field", where, "required field is empty", f"{prefix}organisation")
        return None
    if org not in ctx.organisations:
        chk.error("unknown-organisation", where, f"organisation {org!r} is neither in the file nor in the store",
                  f"{prefix}organisation")
        return None
    return Partner(org, role) if role else None


def check_funding(raw: dict, ctx: Context, chk: Checker, where: str, prefix: str = "") -> Funding | None:
    before = len(chk.issues)
    source = _choice(raw.get("source"), FUNDING_SOURCES, "unknown-funding-source", "funding source", chk, where,
                     f"{prefix}source")
    amount = None
    if blank(raw.get("amount_dkk")):
        chk.error("missing-field", where, "required field is empty", f"{prefix}amount_dkk")
    else:
        try:
            amount = parse_number(raw.get("amount_dkk"))
        except ValueError:
            chk.error("bad-number", where, f"{raw.get('amount_dkk')!r} is not an amount in DKK", f"{prefix}amount_dkk")
        else:
            if amount < 0:
                chk.error("negative-amount", where, f"the amount {amount:,.0f} DKK is negative", f"{prefix}amount_dkk")
            elif amount > MAX_AMOUNT_DKK:
                chk.error("bad-number", where, f"the amount {amount:,.0f} DKK is implausibly large", f"{prefix}amount_dkk")
    year = _year(raw.get("year"), chk, where, f"{prefix}year", required=False)
    place = None
    if not blank(raw.get("municipality")):
        place = _municipality(raw.get("municipality"), ctx, chk, where, f"{prefix}municipality", region_only=True)
    funder = text(raw.get("funder")) or None
    if funder and funder not in ctx.organisations:
        chk.error("unknown-organisation", where, f"funder {funder!r} is neither in the file nor in the store",
                  f"{prefix}funder")
    if any(i.severity == "error" for i in chk.issues[before:]):
        return None
    return Funding(source, amount, year, place, funder, text(raw.get("note")))


def check_result(raw: dict, chk: Checker, where: str, prefix: str = "") -> Result | None:
    before = len(chk.issues)
    indicator = _required(raw.get("indicator"), chk, where, f"{prefix}indicator")
    unit = _required(raw.get("unit"), chk, where, f"{prefix}unit")
    year = _year(raw.get("year"), chk, where, f"{prefix}year")
    value = None
    try:
        value = parse_number(raw.get("value")) if not blank(raw.get("value")) else None
    except ValueError:
        chk.error("bad-number", where, f"{raw.get('value')!r} is not a number", f"{prefix}value")
    if value is None and not any(i.field == f"{prefix}value" for i in chk.issues[before:]):
        chk.error("missing-field", where, "required field is empty", f"{prefix}value")
    source = _whole(raw.get("source"), chk, where, f"{prefix}source")
    if any(i.severity == "error" for i in chk.issues[before:]):
        return None
    return Result(indicator, value, unit, year, source)


def _whole(value, chk: Checker, where: str, name: str) -> int | None:
    if blank(value):
        return None
    try:
        number = parse_number(value)
    except ValueError:
        number = float("nan")
    if not math.isfinite(number) or not number.is_integer():
        chk.error("bad-number", where, f"{value!r} is not a whole number", name)
        return None
    return int(number)


def check_source(raw: dict, chk: Checker, where: str, prefix: str = "") -> Source | None:
    before = len(chk.issues)
    number = _whole(raw.get("id"), chk, where, f"{prefix}id")
    if number is None and not any(i.field == f"{prefix}id" for i in chk.issues[before:]):
        chk.error("missing-field", where, "required field is empty", f"{prefix}id")
    title = _required(raw.get("title"), chk, where, f"{prefix}title")
    publisher = _required(raw.get("publisher"), chk, where, f"{prefix}publisher")
    year = _year(raw.get("year"), chk, where, f"{prefix}year", required=False)
    if any(i.severity == "error" for i in chk.issues[before:]):
        return None
    return Source(number, title, publisher, year, text(raw.get("url")))


def check_contact(raw: dict, ctx: Context, chk: Checker, where: str, prefix: str = "") -> Contact | None:
    name = _required(raw.get("name"), chk, where, f"{prefix}name")
    org = text(raw.get("organisation")) or None
    if org and org not in ctx.organisations:
        chk.error("unknown-organisation", where, f"organisation {org!r} is neither in the file nor in the store",
                  f"{prefix}organisation")
        return None
    if name is None:
        return None
    return Contact(name, text(raw.get("email")), text(raw.get("phone")), org, text(raw.get("role")))


# ---- a partnership -------------------------------------------------------------------------------

def check_head(raw: dict, ctx: Context, chk: Checker, where: str) -> Partnership | None:
    """The partnership's own fields (no partners, funding, results, sources or contacts yet)."""
    before = len(chk.issues)
    key = _key(raw.get("key"), chk, where)
    if key in RESERVED_KEYS:
        chk.error("bad-key", where, f"{key!r} is a reserved word; choose another key", "key")
    name = _required(raw.get("name"), chk, where, "name")
    status = _choice(raw.get("status"), STATUSES, "unknown-status", "status", chk, where, "status")
    themes = as_list(raw.get("themes"))
    if not themes:
        chk.error("missing-field", where, "at least one theme is required", "themes")
    for theme in themes:
        if theme not in THEMES:
            chk.error("unknown-theme", where, f"unknown theme {theme!r}; use {', '.join(THEMES)}", "themes")
    strengths = as_list(raw.get("strengths"))
    for strength in strengths:
        if strength not in STRENGTHS:
            chk.error("unknown-strength", where, f"unknown strength position {strength!r}; use {', '.join(STRENGTHS)}",
                      "strengths")
    places = [_municipality(m, ctx, chk, where, "municipalities", region_only=True)
              for m in as_list(raw.get("municipalities"))]
    shares = _shares(raw.get("shares"), ctx, chk, where)
    start = _date(raw.get("start"), chk, where, "start", at_end=False)
    end = _date(raw.get("end"), chk, where, "end", at_end=True)
    if start and end and end < start:  # here, not in finish(): named even when the row has other errors too
        chk.error("end-before-start", where, f"the end {end.isoformat()} is before the start {start.isoformat()}", "end")
    demo = _demo(raw.get("demo"), chk, where)
    kpis = as_list(raw.get("kpis"))
    for kpi in kpis:
        if ctx.kpis is not None and kpi not in ctx.kpis:
            chk.error("unknown-kpi", where, f"no strategy KPI {kpi!r}; see `trekant strategy goals` "
                      f"({', '.join(sorted(ctx.kpis))})", "kpis")
    if any(i.severity == "error" for i in chk.issues[before:]):
        return None
    return Partnership(key=key, name=name, status=status, themes=tuple(dict.fromkeys(themes)),
                       description=text(raw.get("description")), strengths=tuple(dict.fromkeys(strengths)),
                       municipalities=tuple(dict.fromkeys(places)), shares=shares, start=start, end=end,
                       kpis=tuple(dict.fromkeys(kpis)), is_demo=demo, notes=text(raw.get("notes")))


def _date(value, chk: Checker, where: str, name: str, at_end: bool) -> date | None:
    if blank(value):
        return None
    try:
        return parse_date(value, at_end)
    except ValueError:
        chk.error("bad-date", where, f"{value!r} is not a date (2021-03-01, 2021-03 or 2021)", name)
        return None


def _shares(value, ctx: Context, chk: Checker, where: str) -> dict[str, float]:
    """{'0607': 0.5, …} from YAML, or a cell '0607=0.5; Kolding=0.5'."""
    if blank(value):
        return {}
    pairs = value.items() if isinstance(value, dict) else (
        part.split("=", 1) if "=" in part else (part, "") for part in as_list(value))
    shares = {}
    for place, share in pairs:
        code = _municipality(place, ctx, chk, where, "shares", region_only=True)
        try:
            number = parse_number(share)
        except ValueError:
            chk.error("bad-shares", where, f"the share of {text(place)!r} is not a number ({share!r})", "shares")
            continue
        if code and not 0 <= number <= 1:
            chk.error("bad-shares", where, f"the share of {text(place)!r} must be from 0 to 1", "shares")
        elif code:
            shares[code] = number
    return shares


def finish(p: Partnership, chk: Checker, where: str, today: date | None = None) -> Partnership | None:
    """Checks across fields, once the parts are in place; None when any is an error."""
    before = len(chk.issues)
    if p.status in ("active", "ended") and p.start is None:
        chk.warning("no-start", where, f"the start of this {p.status} partnership is not known: it counts as active "
                    "now but not in the yearly history", "start")
    if p.status == "ended" and p.end is None:
        chk.error("missing-field", where, "an ended partnership needs its end", "end")
    today = today or date.today()
    if p.status == "active" and p.end and p.end < today:
        chk.warning("ended-period", where, f"status is active but the period ended {p.end.isoformat()}", "status")
    if p.shares:
        outside = sorted(set(p.shares) - set(p.municipalities))
        if outside:
            chk.error("bad-shares", where, f"shares name municipalities not taking part: {', '.join(outside)}", "shares")
        elif abs(sum(p.shares.values()) - 1) > SHARE_TOLERANCE or set(p.shares) != set(p.municipalities):
            chk.error("bad-shares", where, "shares must cover every participating municipality and sum to 1 "
                      f"(they sum to {sum(p.shares.values()):g})", "shares")
    for line in p.funding:
        if line.municipality and line.municipality not in p.municipalities:
            chk.error("unknown-municipality", where,
                      f"funding names {line.municipality}, which does not take part in the partnership", "funding")
    seen = set()
    for partner in p.partners:
        if (partner.organisation, partner.role) in seen:
            chk.error("duplicate", where, f"{partner.organisation} is listed twice as {partner.role}", "partners")
        seen.add((partner.organisation, partner.role))
    ids = [s.id for s in p.sources]
    if len(ids) != len(set(ids)):
        chk.error("duplicate", where, "two sources share an id", "sources")
    for r in p.results:
        if r.source is not None and r.source not in ids:
            chk.error("unknown-source", where, f"result {r.indicator!r} cites source {r.source}, which is not listed",
                      "results")
    if not p.is_demo and not p.sources:
        chk.warning("no-source", where, "a partnership that is not demo should name its sources", "sources")
    return None if any(i.severity == "error" for i in chk.issues[before:]) else p


def check_document(raw: dict, ctx: Context, chk: Checker, where: str) -> Partnership | None:
    """A whole partnership as one mapping with nested lists (the YAML shape and `add`'s)."""
    unknown = sorted(set(raw) - set(DOCUMENT_FIELDS))
    for name in unknown:
        chk.error("unknown-field", where, "unknown field", name)
    head = check_head(raw, ctx, chk, where)
    parts = dict(
        partners=_each(raw, "partners", lambda r, p: check_partner(r, ctx, chk, where, p), chk, where),
        funding=_each(raw, "funding", lambda r, p: check_funding(r, ctx, chk, where, p), chk, where),
        results=_each(raw, "results", lambda r, p: check_result(r, chk, where, p), chk, where),
        sources=_each(raw, "sources", lambda r, p: check_source(r, chk, where, p), chk, where),
    )
    contacts = None
    if "contacts" in raw:
        contacts = _each(raw, "contacts", lambda r, p: check_contact(r, ctx, chk, where, p), chk, where)
    if head is None or unknown or any(v is None for v in parts.values()) or ("contacts" in raw and contacts is None):
        return None
    return finish(replace(head, contacts=None if contacts is None else tuple(contacts),
                          **{k: tuple(v) for k, v in parts.items()}), chk, where)


def _each(raw: dict, name: str, check, chk: Checker, where: str) -> list | None:
    """Check every mapping of a nested list; None when any item fails."""
    items = raw.get(name) or []
    if not isinstance(items, list):
        chk.error("bad-value", where, "must be a list", name)
        return None
    checked, ok = [], True
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            chk.error("bad-value", where, "each item must be a mapping", f"{name}[{i}]")
            ok = False
            continue
        value = check(item, f"{name}[{i}].")
        ok = ok and value is not None
        checked.append(value)
    return checked if ok else None


DOCUMENT_FIELDS = ("key", "name", "description", "status", "themes", "strengths", "municipalities", "shares", "start",
                   "end", "partners", "funding", "results", "kpis", "sources", "contacts", "demo", "notes")
ORG_FIELDS = ("key", "name", "kind", "cvr", "municipality", "url", "demo")
