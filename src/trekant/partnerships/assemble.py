"""Build organisations and partnerships from imported tables or a YAML document (pure).

Tables: a partnership touched by the import (a row in `partnerships`, or child rows naming a
stored partnership) takes each kind of part (partners, funding, results, sources, contacts)
from the import when that table is in it, and keeps the stored parts otherwise. Contacts
absent from the import are left as they are in the store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from trekant.errors import Issue
from trekant.partnerships import validate as v
from trekant.partnerships.io.tables import Tables
from trekant.partnerships.model import Organisation, Partnership

CHILDREN = {"partners": v.check_partner, "funding": v.check_funding, "results": v.check_result,
            "sources": v.check_source, "contacts": v.check_contact}
NEEDS_CONTEXT = {"partners", "funding", "contacts"}


@dataclass
class Assembled:
    organisations: list[Organisation] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def _organisations(raws: list[tuple[str, str, dict]], ctx: v.Context, out: Assembled) -> None:
    """raws: (source, where, mapping). Adds the valid ones to `out` and to the context's known organisations."""
    seen: set[str] = set()
    for source, where, raw in raws:
        chk = v.Checker(source)
        key = v.text(raw.get("key"))
        if key in seen:
            chk.error("duplicate-key", where, f"organisation {key!r} appears twice", "key")
        seen.add(key)
        org = v.check_org(raw, ctx, chk, where)
        out.issues += chk.issues
        if org is not None and key not in {o.key for o in out.organisations}:
            out.organisations.append(org)
            ctx.organisations[org.key] = org
    for _source, _where, raw in raws:  # keys named in the file count as known, valid or not, to avoid echo errors
        key = v.text(raw.get("key"))
        if key and key not in ctx.organisations:
            ctx.organisations[key] = Organisation(key, key, "company")


def from_document(orgs: list[dict], partnerships: list[dict], ctx: v.Context, source: str) -> Assembled:
    out = Assembled()
    _organisations([(source, f"organisation {v.text(r.get('key')) or i}", r) for i, r in enumerate(orgs, 1)], ctx, out)
    seen: set[str] = set()
    for i, raw in enumerate(partnerships, start=1):
        where = f"partnership {v.text(raw.get('key')) or i}"
        chk = v.Checker(source)
        if v.text(raw.get("key")) in seen:
            chk.error("duplicate-key", where, "the key appears twice", "key")
        seen.add(v.text(raw.get("key")))
        p = v.check_document(raw, ctx, chk, where)
        out.issues += chk.issues
        if p is not None:
            out.partnerships.append(p)
    return out


def from_tables(tables: Tables, ctx: v.Context, stored: dict[str, Partnership]) -> Assembled:
    out = Assembled(issues=list(tables.issues))
    _organisations([(r.source, r.where, r.values) for r in tables.rows.get("organisations", [])], ctx, out)
    heads, head_rows = {}, {}
    for row in tables.rows.get("partnerships", []):
        chk = v.Checker(row.source)
        key = v.text(row.values.get("key"))
        if key in head_rows:
            chk.error("duplicate-key", row.where, f"partnership {key!r} appears twice (first in row "
                      f"{head_rows[key].number})", "key")
        head = v.check_head(row.values, ctx, chk, row.where)
        out.issues += chk.issues
        head_rows.setdefault(key, row)
        if head is not None:
            heads.setdefault(head.key, head)
    parts, failed = _children(tables, ctx, set(head_rows), stored, out)
    for key in sorted(set(head_rows) | set(parts)):
        base = heads.get(key) or stored.get(key)
        if base is None or key in failed or (key in head_rows and key not in heads):
            continue
        changes = {}
        for kind in CHILDREN:
            if tables.has(kind):
                changes[kind] = tuple(parts.get(key, {}).get(kind, ()))
            elif kind == "contacts":
                changes[kind] = None
            elif key not in stored:
                changes[kind] = ()
            else:
                changes[kind] = getattr(stored[key], kind)
        row = head_rows.get(key)
        chk = v.Checker(row.source if row else "import")
        finished = v.finish(replace(base, **changes), chk, row.where if row else f"partnership {key}")
        out.issues += chk.issues
        if finished is not None:
            out.partnerships.append(finished)
    return out


def _children(tables: Tables, ctx: v.Context, in_file: set[str], stored: dict[str, Partnership],
              out: Assembled) -> tuple[dict[str, dict[str, list]], set[str]]:
    parts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    failed: set[str] = set()
    for kind, check in CHILDREN.items():
        for row in tables.rows.get(kind, []):
            chk = v.Checker(row.source)
            key = v.text(row.values.get("partnership"))
            if not key:
                chk.error("missing-field", row.where, "required field is empty", "partnership")
            elif key not in in_file and key not in stored:
                chk.error("unknown-partnership", row.where, f"partnership {key!r} is neither in the import's "
                          "partnerships table nor in the store", "partnership")
            item = check(row.values, ctx, chk, row.where) if kind in NEEDS_CONTEXT else check(row.values, chk, row.where)
            out.issues += chk.issues
            if item is None or any(i.severity == "error" for i in chk.issues):
                failed.add(key)
            else:
                parts[key][kind].append(item)
    return parts, failed
