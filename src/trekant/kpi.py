"""The shape of a KPI reading, shared by every domain that feeds the joint strategy.

A domain that can answer a strategy KPI provides `trekant/<domain>/kpis.py` with
`SOURCES: dict[str, KpiSource]`, keyed "<domain>.<name>" (e.g. "energy.co2e_per_resident_t").
The strategy module discovers them; no domain imports another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from trekant.settings import Settings


@dataclass(frozen=True)
class KpiReading:
    """The latest value of a KPI with its unit and source, and its history for the trend."""

    value: float
    period: str  # "2024", "2024Q1", "2026M02"
    unit: str
    source: str  # where the number comes from: table, file, parameter set, with year
    is_demo: bool = False
    history: tuple[tuple[str, float], ...] = ()  # (period, value), oldest first


KpiSource = Callable[[Connection, Settings], KpiReading]
