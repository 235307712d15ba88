"""Use cases of the partnership register, ready for the CLI and the web layer alike.

Every read returns plain dicts (JSON as it is) and takes `include_personal` (default False):
contact persons appear only when the caller asks for them, which the web layer does only for
signed-in principals. Every write runs in one transaction, checks everything first (nothing is
written when any problem is an error) and keeps the history in the audit log: who, when and which
fields changed — for contact persons only that they changed and how many there are, never who.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import Connection

from trekant.errors import Conflict, InputError, NotFound, has_errors
from trekant.partnerships import assemble, coverage, funding, network, repo
from trekant.partnerships import validate as v
from trekant.partnerships.io import document, tables
from trekant.partnerships.model import ACTIVE, STATUSES, STRENGTHS, THEMES, Organisation, Partnership
from trekant.region import repo as region_repo
from trekant.store.audit import write_audit
from trekant.settings import Settings
from trekant.store.store import reading, writing

ENTITY, ORG_ENTITY = "partnership", "partnership_org"
EDITABLE = v.DOCUMENT_FIELDS


# ---- context -------------------------------------------------------------------------------------

def context(conn: Connection) -> v.Context:
    lookup, members = {}, set()
    for m in region_repo.read_all_municipalities(conn):
        for alias in (m.code, m.name, m.name_statbank):
            if alias:
                lookup[alias.strip().lower()] = m.code
    members = {m.code for m in region_repo.read_region_municipalities(conn)}
    return v.Context(lookup, frozenset(members), repo.read_orgs(conn), strategy_kpis())


def strategy_kpis() -> frozenset[str]:
    """The KPI keys of the strategy's shipped goals: what a partnership's `kpis` may link to (the two domains
    meet here, in the service)."""
    from trekant.strategy import goals  # only the goals file, never the strategy's status machinery

    return frozenset(k.key for g in goals.load() for k in g.kpis)


def _names(conn: Connection) -> dict[str, str]:
    return {m.code: m.name for m in region_repo.read_all_municipalities(conn)}


def _members(conn: Connection) -> list[str]:
    return [m.code for m in region_repo.read_region_municipalities(conn)]


# ---- reading -------------------------------------------------------------------------------------

def _summary(p: Partnership, orgs: dict[str, Organisation], names: dict[str, str]) -> dict:
    return dict(key=p.key, name=p.name, status=p.status, themes=list(p.themes), strengths=list(p.strengths),
                municipalities=list(p.municipalities), municipality_names=[names.get(m, m) for m in p.municipalities],
                start=p.start.isoformat() if p.start else None, end=p.end.isoformat() if p.end else None,
                funding_total_dkk=round(p.funding_total_dkk, 2), partners=len(p.partners),
                leads=[orgs[x.organisation].name if x.organisation in orgs else x.organisation
                       for x in p.partners if x.role == "lead"], demo=p.is_demo)


def _matches(p: Partnership, orgs: dict[str, Organisation], search: str | None, theme: str | None,
             municipality: str | None, status: str | None, strength: str | None, organisation: str | None) -> bool:
    if theme and theme not in p.themes or status and p.status != status or strength and strength not in p.strengths:
        return False
    if municipality and municipality not in p.municipalities:
        return False
    members = {x.organisation for x in p.partners}
    if organisation and not any(organisation == k or organisation.lower() in orgs[k].name.lower()
                                for k in members if k in orgs):
        return False
    if search:
        needle = search.lower()
        haystack = " ".join([p.key, p.name, p.description, p.notes, *(orgs[k].name for k in members if k in orgs)])
        return needle in haystack.lower()
    return True


def _check_filter(value: str | None, allowed: tuple[str, ...], option: str) -> None:
    if value is not None and value not in allowed:
        raise InputError(option, reason=f"unknown value {value!r}; use {', '.join(allowed)}")


def list_partnerships(settings: Settings, search: str | None = None, theme: str | None = None,
                      municipality: str | None = None, status: str | None = None, strength: str | None = None,
                      organisation: str | None = None, include_personal: bool = False) -> dict:
    """Partnerships matching every filter given; `include_personal` adds each one's contact persons."""
    _check_filter(theme, THEMES, "--theme")
    _check_filter(status, STATUSES, "--status")
    _check_filter(strength, STRENGTHS, "--strength")
    with reading(settings) as conn:
        ctx = context(conn)
        code = None
        if municipality is not None:
            code = ctx.municipality(municipality)
            if code is None:
                raise InputError("--municipality", reason=f"{municipality!r} is not a municipality in the store")
        orgs, names = ctx.organisations, _names(conn)
        found = [p for p in repo.read_partnerships(conn, contacts=include_personal)
                 if _matches(p, orgs, search, theme, code, status, strength, organisation)]
    rows = []
    for p in found:
        row = _summary(p, orgs, names)
        if include_personal:
            row["contacts"] = [c.to_dict() for c in p.contacts or ()]
        rows.append(row)
    return dict(count=len(rows), demo=any(r["demo"] for r in rows), partnerships=rows,
                filters=dict(search=search, theme=theme, municipality=code, status=status, strength=strength,
                             organisation=organisation))


def get_partnership(settings: Settings, key: str, include_personal: bool = False) -> dict:
    """One partnership in full: its organisations resolved, funding split explained, contacts only on request."""
    with reading(settings) as conn:
        found = repo.read_partnerships(conn, [key], contacts=include_personal)
        if not found:
            raise NotFound(f"no partnership {key!r}; see `trekant partnerships list`")
        p, orgs, names = found[0], repo.read_orgs(conn), _names(conn)
        contact_count = repo.contact_count(conn, key)
        history = repo.read_history(conn, ENTITY, key)
    detail = p.public_dict()
    detail["municipality_names"] = [names.get(m, m) for m in p.municipalities]
    detail["organisations"] = {x.organisation: orgs[x.organisation].to_dict()
                               for x in p.partners if x.organisation in orgs}
    detail["funding_total_dkk"] = round(p.funding_total_dkk, 2)
    detail["funding_split"] = funding.report([p], p.municipalities)["by_municipality"] if p.funding else []
    detail["funding_method"] = funding.METHOD
    detail["contacts"] = [c.to_dict() for c in p.contacts] if include_personal else None
    detail["contacts_hidden"] = not include_personal
    detail["contact_count"] = contact_count
    detail["changes"] = len(history)
    return detail


def history(settings: Settings, key: str) -> dict:
    """Every recorded change of one partnership (or organisation): who, when, which fields."""
    with reading(settings) as conn:
        rows = repo.read_history(conn, ENTITY, key) or repo.read_history(conn, ORG_ENTITY, key)
        if not rows and key not in repo.partnership_keys(conn) and key not in repo.read_orgs(conn):
            raise NotFound(f"no partnership or organisation {key!r}")
    return dict(key=key, changes=rows)


def _selected(conn: Connection, status: tuple[str, ...] | None) -> list[Partnership]:
    ps = repo.read_partnerships(conn)
    return [p for p in ps if status is None or p.status in status]


def funding_report(settings: Settings, status: tuple[str, ...] | None = None, include_personal: bool = False) -> dict:
    """Funding by theme, municipality, source and year, and how each partnership's money was split."""
    for s in status or ():
        _check_filter(s, STATUSES, "--status")
    with reading(settings) as conn:
        result = funding.report(_selected(conn, status), _members(conn))
        names = _names(conn)
    for row in result["by_municipality"]:
        row["name"] = names.get(row["municipality"], row["municipality"])
    return dict(result, statuses=list(status) if status else list(STATUSES))


def coverage_report(settings: Settings, status: tuple[str, ...] = (ACTIVE,), include_personal: bool = False) -> dict:
    """The matrix municipality × theme of (active) partnerships, and its gaps."""
    for s in status:
        _check_filter(s, STATUSES, "--status")
    with reading(settings) as conn:
        result = coverage.report(repo.read_partnerships(conn), _members(conn), status)
        result["municipality_names"] = _names(conn)
    return result


def network_report(settings: Settings, status: tuple[str, ...] | None = None, include_personal: bool = False) -> dict:
    """The collaboration network of organisations: centralities, cut points, bridges, components."""
    for s in status or ():
        _check_filter(s, STATUSES, "--status")
    with reading(settings) as conn:
        orgs = repo.read_orgs(conn)
        result = network.report(_selected(conn, status), {k: o.name for k, o in orgs.items()})
    for node in result["nodes"]:
        org = orgs.get(node["organisation"])
        node["kind"] = org.kind if org else None
        node["demo"] = bool(org and org.is_demo)
    result["demo"] = result["demo"] or any(n["demo"] for n in result["nodes"])
    return result


def list_organisations(settings: Settings, include_personal: bool = False) -> dict:
    with reading(settings) as conn:
        orgs, usage = repo.read_orgs(conn), repo.org_usage(conn)
    rows = [dict(o.to_dict(), partnerships=usage.get(k, 0)) for k, o in orgs.items()]
    return dict(count=len(rows), demo=any(r["demo"] for r in rows), organisations=rows)


def get_organisation(settings: Settings, key: str, include_personal: bool = False) -> dict:
    with reading(settings) as conn:
        orgs = repo.read_orgs(conn)
        if key not in orgs:
            raise NotFound(f"no organisation {key!r}; see `trekant partnerships org list`")
        taking_part = [dict(key=p.key, name=p.name, roles=[x.role for x in p.partners if x.organisation == key],
                            status=p.status, demo=p.is_demo)
                       for p in repo.read_partnerships(conn) if any(x.organisation == key for x in p.partners)]
    return dict(orgs[key].to_dict(), partnerships=taking_part)


# ---- writing -------------------------------------------------------------------------------------

def _diff(old: dict | None, new: dict) -> dict:
    if old is None:
        return {k: dict(to=v) for k, v in new.items() if v not in (None, "", [], {})}
    return {k: {"from": old.get(k), "to": new[k]} for k in new if old.get(k) != new[k]}


def _contact_change(old: Partnership | None, new: Partnership) -> dict | None:
    """That the contact persons changed and how many there are: never who (the history keeps no personal data)."""
    before = tuple(old.contacts or ()) if old else ()
    if new.contacts is None or tuple(new.contacts) == before:
        return None
    return dict(before=len(before), after=len(new.contacts), note="contact persons changed (who is not recorded)")


def write(conn: Connection, orgs: list[Organisation], partnerships: list[Partnership], actor: str, action: str,
          source: str = "") -> dict:
    """Write organisations and partnerships; audit each one that changed. Returns what was written."""
    now = datetime.now(timezone.utc)
    stored_orgs = repo.read_orgs(conn)
    changed_orgs = []
    for org in orgs:
        old = stored_orgs.get(org.key)
        diff = _diff(old.to_dict() if old else None, org.to_dict())
        if diff:
            changed_orgs.append(org.key)
            write_audit(conn, actor, f"partnerships.{action}", ORG_ENTITY, org.key,
                                    dict(source=source, created=old is None, changed=diff))
    repo.write_orgs(conn, [o for o in orgs if o.key in changed_orgs], now)
    stored = {p.key: p for p in repo.read_partnerships(conn, [p.key for p in partnerships], contacts=True)}
    changed = []
    for p in partnerships:
        old = stored.get(p.key)
        diff = _diff(old.public_dict() if old else None, p.public_dict())
        contacts = _contact_change(old, p)
        if contacts:
            diff["contacts"] = contacts
        if not diff:
            continue
        changed.append(p.key)
        repo.write_partnership(conn, p, now)
        write_audit(conn, actor, f"partnerships.{action}", ENTITY, p.key,
                                dict(source=source, created=old is None, changed=diff))
    return dict(organisations=changed_orgs, partnerships=changed,
                unchanged=len(orgs) + len(partnerships) - len(changed_orgs) - len(changed))


def _raise_on_errors(source: str, issues: list) -> list:
    if has_errors(issues):
        raise InputError.from_issues(source, issues)
    return issues


def import_files(settings: Settings, paths: list[Path]) -> dict:
    """Import CSV files, folders of them or XLSX workbooks: all or nothing, every problem per row."""
    source = ", ".join(str(p) for p in paths)
    read = tables.read(paths)
    with writing(settings) as conn:
        ctx = context(conn)
        stored = {p.key: p for p in repo.read_partnerships(conn)}
        built = assemble.from_tables(read, ctx, stored)
        issues = _raise_on_errors(source, built.issues)
        written = write(conn, built.organisations, built.partnerships, settings.actor, "import", source)
    return dict(written, source=source, tables=sorted(read.rows), issues=[i.to_dict() for i in issues])


def add_document(settings: Settings, path: Path) -> dict:
    """Add (or replace by key) the organisations and partnerships of a YAML document."""
    raw_orgs, raw_partnerships = document.read(path)
    return _write_document(settings, raw_orgs, raw_partnerships, str(path), "add")


def _write_document(settings: Settings, raw_orgs: list[dict], raw_partnerships: list[dict], source: str,
                    action: str, must_exist: str | None = None) -> dict:
    with writing(settings) as conn:
        ctx = context(conn)
        if must_exist is not None and must_exist not in repo.partnership_keys(conn):
            raise NotFound(f"no partnership {must_exist!r}; see `trekant partnerships list`")
        built = assemble.from_document(raw_orgs, raw_partnerships, ctx, source)
        issues = _raise_on_errors(source, built.issues)
        written = write(conn, built.organisations, built.partnerships, settings.actor, action, source)
    return dict(written, source=source, issues=[i.to_dict() for i in issues])


def add_partnership(settings: Settings, fields: dict, include_personal: bool = False) -> dict:
    """Add one partnership from its fields (the document shape); an existing key is refused."""
    with reading(settings) as conn:
        if v.text(fields.get("key")) in repo.partnership_keys(conn):
            raise Conflict(f"partnership {fields.get('key')} exists already; change it with `trekant partnerships edit`")
    return _write_document(settings, [], [fields], "add", "add")


def edit_partnership(settings: Settings, key: str, changes: dict) -> dict:
    """Change fields of a stored partnership; a list given replaces the stored list. Checked like an import."""
    unknown = sorted(set(changes) - set(EDITABLE) - {"key"})
    if unknown:
        raise InputError("edit", where=f"partnership {key}", reason=f"unknown field(s) {', '.join(unknown)}; "
                         f"editable: {', '.join(f for f in EDITABLE if f != 'key')}")
    if "key" in changes and v.text(changes["key"]) != key:
        raise InputError("edit", where=f"partnership {key}", reason="the key cannot change")
    with reading(settings) as conn:
        found = repo.read_partnerships(conn, [key], contacts="contacts" in changes)
    if not found:
        raise NotFound(f"no partnership {key!r}; see `trekant partnerships list`")
    merged = dict(found[0].public_dict(), **changes)
    return _write_document(settings, [], [merged], "edit", "edit", must_exist=key)


def add_organisation(settings: Settings, fields: dict, replace_existing: bool = False) -> dict:
    with reading(settings) as conn:
        exists = v.text(fields.get("key")) in repo.read_orgs(conn)
    if exists and not replace_existing:
        raise Conflict(f"organisation {fields.get('key')} exists already; change it with `trekant partnerships org edit`")
    if not exists and replace_existing:
        raise NotFound(f"no organisation {fields.get('key')!r}; see `trekant partnerships org list`")
    return _write_document(settings, [fields], [], "org", "org_edit" if exists else "org_add")


def edit_organisation(settings: Settings, key: str, changes: dict) -> dict:
    unknown = sorted(set(changes) - set(v.ORG_FIELDS))
    if unknown:
        raise InputError("org edit", where=f"organisation {key}", reason=f"unknown field(s) {', '.join(unknown)}")
    with reading(settings) as conn:
        orgs = repo.read_orgs(conn)
    if key not in orgs:
        raise NotFound(f"no organisation {key!r}; see `trekant partnerships org list`")
    merged = dict(orgs[key].to_dict(), **changes, key=key)
    return add_organisation(settings, merged, replace_existing=True)


def forget_person(settings: Settings, person: str) -> dict:
    """Remove every contact record of a person (by name or e-mail). The audit log says that personal data was
    erased and how many records, never whose or from where."""
    if not person.strip():
        raise InputError("forget", reason="name the person (name or e-mail)")
    with writing(settings) as conn:
        removed = repo.forget_person(conn, person)
        write_audit(conn, settings.actor, "partnerships.forget", "person", "",
                                dict(records_removed=removed, note="personal data erased on request"))
    return dict(records_removed=removed)


def export(settings: Settings, out: Path, fmt: str, include_personal: bool = False) -> dict:
    """Write the register as CSV files (a folder) or one XLSX workbook; contacts only when asked for."""
    if fmt not in ("csv", "xlsx"):
        raise InputError("--format", reason=f"unknown format {fmt!r}; use csv or xlsx")
    with reading(settings) as conn:
        orgs = repo.read_orgs(conn)
        ps = repo.read_partnerships(conn, contacts=include_personal)
    records = to_records(list(orgs.values()), ps, include_personal)
    written = tables.write_csv(out, records) if fmt == "csv" else tables.write_xlsx(out, records)
    return dict(written=written, partnerships=len(ps), organisations=len(orgs), personal_data=include_personal,
                demo=any(p.is_demo for p in ps) or any(o.is_demo for o in orgs.values()))


def _cell(values) -> str:
    return tables.LIST_SEPARATOR.join(str(x) for x in values)


def to_records(orgs: list[Organisation], ps: list[Partnership], include_personal: bool) -> dict[str, list[dict]]:
    records: dict[str, list[dict]] = {name: [] for name in tables.TABLES if name != tables.PERSONAL}
    if include_personal:
        records[tables.PERSONAL] = []
    records["organisations"] = [dict(o.to_dict(), cvr=o.cvr or "", municipality=o.municipality or "") for o in orgs]
    for p in ps:
        d = p.public_dict()
        records["partnerships"].append(dict(
            key=p.key, name=p.name, description=p.description, status=p.status, themes=_cell(p.themes),
            strengths=_cell(p.strengths), municipalities=_cell(p.municipalities),
            shares=_cell(f"{m}={s:g}" for m, s in p.shares.items()), start=d["start"] or "", end=d["end"] or "",
            kpis=_cell(p.kpis), demo=p.is_demo, notes=p.notes))
        records["partners"] += [dict(partnership=p.key, **x) for x in d["partners"]]
        records["funding"] += [dict(partnership=p.key, **{k: ("" if x is None else x) for k, x in f.items()})
                               for f in d["funding"]]
        records["results"] += [dict(partnership=p.key, **{k: ("" if x is None else x) for k, x in r.items()})
                               for r in d["results"]]
        records["sources"] += [dict(partnership=p.key, **{k: ("" if x is None else x) for k, x in s.items()})
                               for s in d["sources"]]
        if include_personal:
            records[tables.PERSONAL] += [dict(partnership=p.key, **{k: ("" if x is None else x)
                                                                   for k, x in c.to_dict().items()})
                                         for c in p.contacts or ()]
    return records

