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


@dataclass(frozen=True)
class Fetch:
    """How to bring a missing table into the store: the StatBank table and the exact command."""

    table: str
    command: str  # e.g. "trekant economy fetch FOLK1A --var OMRÅDE=000,530 --var ALDER=* --var Tid=* -i population_by_age"
    what: str = ""  # what the table holds, in a few words

    def to_dict(self) -> dict:
        return dict(table=self.table, command=self.command, what=self.what)


class MissingData(LookupError):
    """A KPI's data is not in the store; `fetches` say which StatBank tables to fetch and how.

    A KPI source raises it instead of a bare error so that `strategy status` can print the
    command that lights the KPI up."""

    def __init__(self, message: str, fetches: tuple[Fetch, ...]):
        super().__init__(message)
        self.fetches = tuple(fetches)
