"""SQL of the partnership register on both backends.

A partnership is written whole (its row, then its municipalities, partners and funding lines
replaced); its contact persons are replaced only when the partnership carries them
(`contacts` is not None), so an edit or an import without contacts keeps the stored ones.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.engine import Connection

from trekant.partnerships.model import Contact, Funding, Organisation, Partner, Partnership, Result, Source
from trekant.region import repo as region_repo
from trekant.store.schema.core import audit_log
from trekant.store.schema.partnerships import (
    partnership,
    partnership_contact,
    partnership_funding,
    partnership_municipality,
    partnership_org,
    partnership_partner,
)

CHILD_TABLES = (partnership_municipality, partnership_partner, partnership_funding)


# ---- organisations -------------------------------------------------------------------------------

def _org(row) -> Organisation:
    return Organisation(row.key, row.name, row.kind, row.cvr, row.municipality_code, row.url or "", bool(row.is_demo))


def read_orgs(conn: Connection) -> dict[str, Organisation]:
    rows = conn.execute(select(partnership_org).order_by(partnership_org.c.key))
    return {r.key: _org(r) for r in rows}


def write_orgs(conn: Connection, orgs: Iterable[Organisation], now: datetime) -> None:
    rows = [dict(key=o.key, name=o.name, kind=o.kind, cvr=o.cvr, municipality_code=o.municipality, url=o.url,
                 is_demo=o.is_demo, updated_at=now) for o in orgs]
    region_repo.upsert(conn, partnership_org, rows, ["key"])


def org_usage(conn: Connection) -> dict[str, int]:
    """organisation key → the number of partnerships it takes part in."""
    query = select(partnership_partner.c.org_key, func.count(partnership_partner.c.partnership_key.distinct()))
    return dict(conn.execute(query.group_by(partnership_partner.c.org_key)).all())


# ---- partnerships --------------------------------------------------------------------------------

def _document(p: Partnership) -> str:
    public = p.public_dict()
    kept = {k: public[k] for k in ("description", "themes", "strengths", "shares", "results", "kpis", "sources", "notes")}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


def write_partnership(conn: Connection, p: Partnership, now: datetime) -> None:
    row = dict(key=p.key, name=p.name, status=p.status, themes=",".join(p.themes), start_date=p.start,
               end_date=p.end, funding_total_dkk=p.funding_total_dkk, is_demo=p.is_demo, document=_document(p),
               updated_at=now)
    region_repo.upsert(conn, partnership, [row], ["key"])
    for table in CHILD_TABLES:
        conn.execute(delete(table).where(table.c.partnership_key == p.key))
    if p.municipalities:
        conn.execute(partnership_municipality.insert(), [
            dict(partnership_key=p.key, municipality_code=m, share=p.shares.get(m)) for m in p.municipalities])
    if p.partners:
        conn.execute(partnership_partner.insert(), [
            dict(partnership_key=p.key, org_key=x.organisation, role=x.role) for x in p.partners])
    if p.funding:
        conn.execute(partnership_funding.insert(), [
            dict(partnership_key=p.key, line=i, source=f.source, year=f.year, amount_dkk=f.amount_dkk,
                 municipality_code=f.municipality, funder_key=f.funder, note=f.note)
            for i, f in enumerate(p.funding, start=1)])
    if p.contacts is not None:
        conn.execute(delete(partnership_contact).where(partnership_contact.c.partnership_key == p.key))
        if p.contacts:
            conn.execute(partnership_contact.insert(), [
                dict(partnership_key=p.key, name=c.name, email=c.email, phone=c.phone, org_key=c.organisation,
                     role=c.role) for c in p.contacts])


def _grouped(conn: Connection, table, keys: list[str] | None, order) -> dict[str, list]:
    query = select(table)
    if keys is not None:
        query = query.where(table.c.partnership_key.in_(keys))
    grouped: dict[str, list] = defaultdict(list)
    for row in conn.execute(query.order_by(table.c.partnership_key, *order)):
        grouped[row.partnership_key].append(row)
    return grouped


def read_partnerships(conn: Connection, keys: Iterable[str] | None = None, contacts: bool = False) -> list[Partnership]:
    """Partnerships (all, or these keys) ordered by key; contact persons only when asked for."""
    keys = None if keys is None else list(keys)
    query = select(partnership).order_by(partnership.c.key)
    if keys is not None:
        query = query.where(partnership.c.key.in_(keys))
    heads = conn.execute(query).all()
    places = _grouped(conn, partnership_municipality, keys, [partnership_municipality.c.id])
    partners = _grouped(conn, partnership_partner, keys, [partnership_partner.c.id])
    lines = _grouped(conn, partnership_funding, keys, [partnership_funding.c.line])
    people = _grouped(conn, partnership_contact, keys, [partnership_contact.c.id]) if contacts else {}
    return [_partnership(h, places[h.key], partners[h.key], lines[h.key], people.get(h.key, []) if contacts else None)
            for h in heads]


def _partnership(head, places, partners, lines, people) -> Partnership:
    doc = json.loads(head.document)
    return Partnership(
        key=head.key, name=head.name, status=head.status, themes=tuple(doc["themes"]),
        description=doc.get("description", ""), strengths=tuple(doc.get("strengths", ())),
        municipalities=tuple(r.municipality_code for r in places), shares=dict(doc.get("shares", {})),
        start=head.start_date, end=head.end_date,
        partners=tuple(Partner(r.org_key, r.role) for r in partners),
        funding=tuple(Funding(r.source, float(r.amount_dkk), r.year, r.municipality_code, r.funder_key, r.note or "")
                      for r in lines),
        results=tuple(Result(r["indicator"], float(r["value"]), r["unit"], int(r["year"]), r.get("source"))
                      for r in doc.get("results", ())),
        kpis=tuple(doc.get("kpis", ())),
        sources=tuple(Source(s["id"], s["title"], s["publisher"], s.get("year"), s.get("url", ""))
                      for s in doc.get("sources", ())),
        contacts=None if people is None else tuple(Contact(r.name, r.email or "", r.phone or "", r.org_key, r.role or "")
                                                   for r in people),
        is_demo=bool(head.is_demo), notes=doc.get("notes", ""),
    )


def partnership_keys(conn: Connection) -> set[str]:
    return set(conn.execute(select(partnership.c.key)).scalars())


def delete_partnerships(conn: Connection, keys: Iterable[str]) -> int:
    keys = list(keys)
    if not keys:
        return 0
    for table in (*CHILD_TABLES, partnership_contact):
        conn.execute(delete(table).where(table.c.partnership_key.in_(keys)))
    return conn.execute(delete(partnership).where(partnership.c.key.in_(keys))).rowcount or 0


def delete_orgs(conn: Connection, keys: Iterable[str]) -> int:
    keys = list(keys)
    if not keys:
        return 0
    return conn.execute(delete(partnership_org).where(partnership_org.c.key.in_(keys))).rowcount or 0


def demo_keys(conn: Connection) -> tuple[list[str], list[str]]:
    """(demo partnerships, demo organisations)."""
    return (list(conn.execute(select(partnership.c.key).where(partnership.c.is_demo.is_(True))).scalars()),
            list(conn.execute(select(partnership_org.c.key).where(partnership_org.c.is_demo.is_(True))).scalars()))


# ---- personal data -------------------------------------------------------------------------------

def _person_match(person: str):
    wanted = person.strip().lower()
    return or_(func.lower(partnership_contact.c.name) == wanted, func.lower(partnership_contact.c.email) == wanted)


def count_person(conn: Connection, person: str) -> int:
    return conn.execute(select(func.count()).select_from(partnership_contact).where(_person_match(person))).scalar_one()


def forget_person(conn: Connection, person: str) -> int:
    """Delete every contact record of this person (matched on name or e-mail, case-insensitively)."""
    return conn.execute(delete(partnership_contact).where(_person_match(person))).rowcount or 0


def contact_count(conn: Connection, key: str) -> int:
    query = select(func.count()).select_from(partnership_contact).where(partnership_contact.c.partnership_key == key)
    return conn.execute(query).scalar_one()


# ---- history (the audit log) ---------------------------------------------------------------------

def read_history(conn: Connection, entity: str, key: str) -> list[dict]:
    query = (select(audit_log).where(audit_log.c.entity == entity, audit_log.c.entity_id == key)
             .order_by(audit_log.c.at, audit_log.c.id))
    return [dict(at=r.at.isoformat() if hasattr(r.at, "isoformat") else str(r.at), actor=r.actor, action=r.action,
                 origin=r.origin, detail=json.loads(r.detail or "{}")) for r in conn.execute(query)]
