"""SQL of the energy domain: factor tables, activity, targets, measures; population for per-resident."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime, timezone

from sqlalchemy import and_, delete, select, update
from sqlalchemy.engine import Connection

from trekant.energy.model import Activity, EmissionFactor, FactorTable, Measure, Target
from trekant.region.repo import upsert
from trekant.store.schema.core import indicator_value
from trekant.store.schema.energy import (
    energy_activity, energy_factor, energy_factor_table, energy_measure, energy_target,
)


def write_factor_table(conn: Connection, table: FactorTable, imported_from: str, activate: bool) -> None:
    """Store a factor table (replacing one of the same name and version) and optionally make it active.

    Replacing a table keeps it active if it was, so re-running init does not change the choice.
    """
    same = and_(energy_factor_table.c.name == table.name, energy_factor_table.c.version == table.version)
    was_active = bool(conn.execute(select(energy_factor_table.c.is_active).where(same)).scalar())
    conn.execute(delete(energy_factor).where(and_(energy_factor.c.table_name == table.name,
                                                  energy_factor.c.table_version == table.version)))
    conn.execute(delete(energy_factor_table).where(same))
    if activate:
        conn.execute(update(energy_factor_table).values(is_active=False))
    conn.execute(energy_factor_table.insert().values(
        name=table.name, version=table.version, description=table.description, is_active=activate or was_active,
        imported_at=datetime.now(timezone.utc), imported_from=imported_from))
    conn.execute(energy_factor.insert(), [
        dict(table_name=table.name, table_version=table.version, carrier=f.carrier, year=f.year, value=f.value,
             unit=f.unit, source=f.source, illustrative=f.illustrative, municipality_code=f.municipality_code)
        for f in table.factors])


def has_factor_tables(conn: Connection) -> bool:
    return conn.execute(select(energy_factor_table.c.id).limit(1)).first() is not None


def list_factor_tables(conn: Connection) -> list[dict]:
    rows = conn.execute(select(energy_factor_table).order_by(energy_factor_table.c.imported_at, energy_factor_table.c.id))
    return [dict(name=r.name, version=r.version, is_active=r.is_active, imported_at=r.imported_at.isoformat()
                 if hasattr(r.imported_at, "isoformat") else str(r.imported_at), imported_from=r.imported_from) for r in rows]


def read_factor_table(conn: Connection, name: str | None = None, version: str | None = None) -> FactorTable | None:
    """The named table (latest import of that name when no version), or the active one."""
    query = select(energy_factor_table).order_by(energy_factor_table.c.imported_at.desc(), energy_factor_table.c.id.desc())
    if name:
        query = query.where(energy_factor_table.c.name == name)
        if version:
            query = query.where(energy_factor_table.c.version == version)
    else:
        query = query.where(energy_factor_table.c.is_active.is_(True))
    head = conn.execute(query.limit(1)).first()
    if head is None:
        return None
    rows = conn.execute(select(energy_factor).where(and_(energy_factor.c.table_name == head.name,
                                                         energy_factor.c.table_version == head.version)))
    factors = tuple(EmissionFactor(r.carrier, r.year, r.value, r.unit, r.source, r.illustrative, r.municipality_code or "")
                    for r in rows)
    return FactorTable(head.name, head.version, factors, head.description)


def replace_activity(conn: Connection, activities: Sequence[Activity]) -> None:
    """Insert or update activity rows by (municipality, year, sector, carrier)."""
    upsert(conn, energy_activity, [asdict(a) for a in activities], ["municipality_code", "year", "sector", "carrier"])


def read_activity(conn: Connection, codes: Sequence[str] | None = None, year: int | None = None) -> list[Activity]:
    query = select(energy_activity).order_by(energy_activity.c.municipality_code, energy_activity.c.year, energy_activity.c.id)
    if codes is not None:
        query = query.where(energy_activity.c.municipality_code.in_(codes))
    if year is not None:
        query = query.where(energy_activity.c.year == year)
    return [Activity(r.municipality_code, r.year, r.sector, r.carrier, r.quantity, r.unit, r.source, r.is_demo)
            for r in conn.execute(query)]


def activity_years(conn: Connection) -> list[int]:
    return sorted(conn.execute(select(energy_activity.c.year).distinct()).scalars())


def replace_targets(conn: Connection, targets: Sequence[Target]) -> None:
    upsert(conn, energy_target, [asdict(t) for t in targets], ["municipality_code", "target_year"])


def read_targets(conn: Connection, codes: Sequence[str]) -> list[Target]:
    rows = conn.execute(select(energy_target).where(energy_target.c.municipality_code.in_(codes))
                        .order_by(energy_target.c.municipality_code, energy_target.c.target_year))
    return [Target(r.municipality_code, r.base_year, r.base_co2e_t, r.target_year, r.reduction_pct, r.source, r.is_demo)
            for r in rows]


def replace_measures(conn: Connection, measures: Sequence[Measure]) -> None:
    upsert(conn, energy_measure, [asdict(m) for m in measures], ["municipality_code", "key"])


def read_measures(conn: Connection, codes: Sequence[str]) -> list[Measure]:
    rows = conn.execute(select(energy_measure).where(energy_measure.c.municipality_code.in_(codes))
                        .order_by(energy_measure.c.municipality_code, energy_measure.c.key))
    return [Measure(r.key, r.municipality_code, r.name, r.sector, r.reduction_co2e_t_per_year, r.start_year,
                    r.ramp_years, r.cost_dkk_per_year, r.source, r.is_demo) for r in rows]


def population_series(conn: Connection, codes: Sequence[str], keys: Sequence[str]) -> list[tuple[str, str, object, float]]:
    """(code, period, period_start, value) of the population series, totals only."""
    rows = conn.execute(select(indicator_value.c.area_code, indicator_value.c.period, indicator_value.c.period_start,
                               indicator_value.c.value)
                        .where(indicator_value.c.indicator_key.in_(keys), indicator_value.c.area_code.in_(codes),
                               indicator_value.c.breakdown == "", indicator_value.c.value.is_not(None)))
    return [(r.area_code, r.period, r.period_start, r.value) for r in rows]
