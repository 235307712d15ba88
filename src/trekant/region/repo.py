"""SQL for the region: write a RegionDataset, read municipalities, groups and indicator values."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.engine import Connection

from trekant.region.model import AreaGroup, IndicatorSpec, IndicatorValue, Municipality, RegionDataset
from trekant.store import gpkg_registry
from trekant.store.audit import write_audit
from trekant.store.schema.core import (
    area_group,
    area_group_member,
    audit_log,
    indicator,
    indicator_value,
    municipality,
    store_meta,
)

BATCH = 5000


def upsert(conn: Connection, table, rows: Sequence[dict], keys: Sequence[str]) -> None:
    """Insert rows, updating the non-key columns of rows whose keys exist (both backends)."""
    if not rows:
        return
    from sqlalchemy.dialects import postgresql, sqlite  # only writers need the dialects' insert

    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys),
                                      set_={c: stmt.excluded[c] for c in rows[0] if c not in keys})
    # one statement with one row of parameters, run by the driver for every row (executemany): a
    # multi-row VALUES would have SQLAlchemy compile a statement with a parameter per cell (200,000
    # for the default data, most of `init`'s time)
    for start in range(0, len(rows), BATCH):
        conn.execute(stmt, list(rows[start:start + BATCH]))


def sync_by_key(conn: Connection, table, rows: Sequence[dict], key: str) -> None:
    """Update rows whose key exists and insert the others.

    Used instead of upsert on GeoPackage feature tables: SQLite's UPSERT trips the R-tree triggers.
    """
    existing = set(conn.execute(select(table.c[key])).scalars())
    updates = [r for r in rows if r[key] in existing]
    inserts = [r for r in rows if r[key] not in existing]
    if updates:
        columns = {c: bindparam(f"v_{c}") for c in updates[0] if c != key}
        stmt = table.update().where(table.c[key] == bindparam(f"k_{key}")).values(columns)
        conn.execute(stmt, [{f"k_{key}": r[key], **{f"v_{c}": r[c] for c in columns}} for r in updates])
    if inserts:
        conn.execute(table.insert(), inserts)


INIT_ACTIONS = ("init", "plan.demo", "plan.designation_demo", "plan.demo_removed")  # stores from before `origin`


def user_changes(conn: Connection) -> list[str]:
    """What users changed after `trekant init` built the store, from the audit log: 'N changes to ENTITY
    (actions)' per entity. Init's own records carry origin 'init' (older stores: its action names)."""
    user = (func.coalesce(audit_log.c.origin, "") != "init") & audit_log.c.action.notin_(INIT_ACTIONS)
    rows = conn.execute(select(audit_log.c.entity, audit_log.c.action, func.count())
                        .where(user).group_by(audit_log.c.entity, audit_log.c.action)
                        .order_by(audit_log.c.entity, audit_log.c.action)).all()
    by_entity: dict[str, list[tuple[str, int]]] = {}
    for entity, action, count in rows:
        by_entity.setdefault(entity, []).append((action, count))
    return [f"{sum(n for _, n in actions)} change(s) to {entity} ({', '.join(a for a, _ in actions)})"
            for entity, actions in by_entity.items()]


def read_meta(conn: Connection) -> dict[str, str]:
    return {row.key: row.value for row in conn.execute(select(store_meta.c.key, store_meta.c.value))}


def _municipality_rows(dataset: RegionDataset) -> list[dict]:
    members = set(dataset.definition.members)
    return [
        dict(code=m.code, name=m.name, name_statbank=m.name_statbank, in_region=m.code in members, geom=m.geom)
        for m in dataset.municipalities
    ]


def _group_rows(groups: Iterable[AreaGroup]) -> tuple[list[dict], list[dict]]:
    groups = list(groups)
    heads = [dict(key=g.key, name=g.name, kind=g.kind, source=g.source) for g in groups]
    members = [dict(group_key=g.key, municipality_code=c) for g in groups for c in g.members]
    return heads, members


def _indicator_rows(specs: Iterable[IndicatorSpec]) -> list[dict]:
    return [
        dict(key=s.key, name_da=s.name_da, name_en=s.name_en, unit=s.unit, frequency=s.frequency,
             source=s.source, licence=s.licence, is_demo=s.is_demo)
        for s in specs
    ]


def _value_rows(values: Iterable[IndicatorValue]) -> list[dict]:
    return [
        dict(indicator_key=v.indicator_key, area_code=v.area_code, period=v.period,
             period_start=v.period_start, breakdown=v.breakdown, value=v.value)
        for v in values
    ]


def write_dataset(conn: Connection, dataset: RegionDataset, actor: str) -> dict[str, int]:
    """Write (or refresh) the region's reference data; idempotent, so init can run twice."""
    definition = dataset.definition
    meta = dict(region=definition.key, region_name=definition.name,
                population_indicators=json.dumps(list(definition.population_indicators)))
    upsert(conn, store_meta, [dict(key=k, value=v) for k, v in meta.items()], ["key"])
    sync_by_key(conn, municipality, _municipality_rows(dataset), "code")
    gpkg_registry.refresh_extent(conn, "municipality")
    groups = [definition.region_group, *definition.peers]
    heads, members = _group_rows(groups)
    upsert(conn, area_group, heads, ["key"])
    conn.execute(delete(area_group_member).where(area_group_member.c.group_key.in_([g.key for g in groups])))
    conn.execute(area_group_member.insert(), members)
    upsert(conn, indicator, _indicator_rows(definition.indicators), ["key"])
    upsert(conn, indicator_value, _value_rows(dataset.indicator_values), ["indicator_key", "area_code", "period", "breakdown"])
    counts = dict(municipalities=len(dataset.municipalities), indicator_values=len(dataset.indicator_values))
    write_audit(conn, actor, "init", "region", definition.key, counts)
    return counts


def read_region_municipalities(conn: Connection) -> list[Municipality]:
    """The region's member municipalities, ordered by code."""
    rows = conn.execute(
        select(municipality.c.code, municipality.c.name, municipality.c.name_statbank, municipality.c.geom)
        .where(municipality.c.in_region.is_(True))
        .order_by(municipality.c.code)
    )
    return [Municipality(r.code, r.name, r.name_statbank or r.name, r.geom) for r in rows]


def read_all_municipalities(conn: Connection) -> list[Municipality]:
    rows = conn.execute(
        select(municipality.c.code, municipality.c.name, municipality.c.name_statbank, municipality.c.geom)
        .order_by(municipality.c.code)
    )
    return [Municipality(r.code, r.name, r.name_statbank or r.name, r.geom) for r in rows]


def read_groups(conn: Connection) -> list[AreaGroup]:
    members: dict[str, list[str]] = {}
    for row in conn.execute(select(area_group_member).order_by(area_group_member.c.municipality_code)):
        members.setdefault(row.group_key, []).append(row.municipality_code)
    return [
        AreaGroup(r.key, r.name, r.kind, tuple(members.get(r.key, ())), r.source)
        for r in conn.execute(select(area_group).order_by(area_group.c.id))
    ]


def latest_values(conn: Connection, indicator_keys: Sequence[str], area_codes: Sequence[str]) -> dict[str, IndicatorValue]:
    """area → the value with the latest period among the given indicators (first key wins ties)."""
    rows = conn.execute(
        select(indicator_value)
        .where(indicator_value.c.indicator_key.in_(indicator_keys), indicator_value.c.area_code.in_(area_codes),
               indicator_value.c.breakdown == "", indicator_value.c.value.is_not(None))
    ).all()
    rank = {k: i for i, k in enumerate(indicator_keys)}
    best: dict[str, IndicatorValue] = {}
    for r in sorted(rows, key=lambda r: (r.period_start, -rank[r.indicator_key])):
        best[r.area_code] = IndicatorValue(r.indicator_key, r.area_code, r.period, r.period_start, r.value, r.breakdown)
    return best


def count_rows(conn: Connection, table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()
