"""The municipal energy and CO2 account: emissions = activity × emission factor, and summaries.

Factor choice per carrier and year: the factor of that year; else the latest earlier year; else a
factor without a year; else the earliest later year. The chosen factor's year is kept on each
line, so a reader sees when a factor from another year was used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from trekant.energy.core.units import UnitError, emissions_t
from trekant.energy.model import (
    GROUPS, SECTOR_GROUP, Activity, EmissionFactor, EmissionLine, FactorTable,
)
from trekant.errors import Issue


def choose_factor(factors: Sequence[EmissionFactor], carrier: str, year: int,
                  municipality: str = "") -> EmissionFactor | None:
    """The municipality's own factors of the carrier when the table has any (district heat by heat
    area), else those for every municipality; then by year as described above."""
    candidates = [f for f in factors if f.carrier == carrier and municipality and f.municipality_code == municipality]
    candidates = candidates or [f for f in factors if f.carrier == carrier and not f.municipality_code]
    dated = sorted((f for f in candidates if f.year is not None), key=lambda f: f.year)
    earlier = [f for f in dated if f.year <= year]
    if earlier:
        return earlier[-1]
    undated = [f for f in candidates if f.year is None]
    if undated:
        return undated[0]
    return dated[0] if dated else None


def emission_lines(activities: Iterable[Activity], table: FactorTable) -> tuple[list[EmissionLine], list[Issue]]:
    """Every activity row as an emission line; a missing factor or unfit unit is an Issue."""
    lines, issues = [], []
    for a in activities:
        where = f"{a.municipality_code} {a.year} {a.sector}/{a.carrier}"
        factor = choose_factor(table.factors, a.carrier, a.year, a.municipality_code)
        if factor is None:
            issues.append(Issue("error", "no-factor", table.label, where,
                                f"the factor table has no factor for carrier {a.carrier!r}", "carrier"))
            continue
        try:
            co2e_t = emissions_t(a.quantity, a.unit, factor.value, factor.unit)
        except UnitError as exc:
            issues.append(Issue("error", "unit", table.label, where, str(exc), "unit"))
            continue
        lines.append(EmissionLine(
            a.municipality_code, a.year, a.sector, a.carrier, a.quantity, a.unit, co2e_t,
            factor.value, factor.unit, factor.year, factor.source, factor.illustrative, a.is_demo,
            factor.municipality_code,
        ))
    return lines, issues


def _rounded(values: dict) -> dict:
    return {k: round(v, 1) for k, v in sorted(values.items())}


def summarise(lines: Sequence[EmissionLine], population: float | None) -> dict:
    """Totals by sector, by DK2020 group and by carrier, the total, and the total per resident."""
    by_sector: dict[str, float] = defaultdict(float)
    by_group: dict[str, float] = dict.fromkeys(GROUPS, 0.0)
    by_carrier: dict[str, float] = defaultdict(float)
    for line in lines:
        by_sector[line.sector] += line.co2e_t
        by_group[SECTOR_GROUP[line.sector]] += line.co2e_t
        by_carrier[line.carrier] += line.co2e_t
    total = sum(by_sector.values())
    shares = {g: round(100 * v / total, 1) if total else 0.0 for g, v in by_group.items()}
    return dict(
        total_co2e_t=round(total, 1),
        co2e_per_resident_t=round(total / population, 2) if population else None,
        population=population,
        by_sector_co2e_t=_rounded(by_sector),
        by_group_co2e_t={g: round(v, 1) for g, v in by_group.items()},
        by_group_share_pct=shares,
        by_carrier_co2e_t=_rounded(by_carrier),
        is_demo=any(line.is_demo for line in lines),
        illustrative_factors=sorted({line.carrier for line in lines if line.factor_illustrative}),
    )


def totals_by_year(lines: Sequence[EmissionLine]) -> dict[int, float]:
    years: dict[int, float] = defaultdict(float)
    for line in lines:
        years[line.year] += line.co2e_t
    return dict(sorted(years.items()))


def factors_used(lines: Sequence[EmissionLine]) -> list[dict]:
    """The distinct factors behind the figures, so every number can be traced to its source."""
    seen = {}
    for line in lines:
        key = (line.carrier, line.factor_year, line.factor_municipality)
        seen[key] = dict(carrier=line.carrier, year=line.factor_year, value=line.factor_value,
                         unit=line.factor_unit, source=line.factor_source,
                         illustrative=line.factor_illustrative,
                         **({"municipality": line.factor_municipality} if line.factor_municipality else {}))
    return [seen[k] for k in sorted(seen, key=lambda k: (k[0], k[1] or 0, k[2]))]
