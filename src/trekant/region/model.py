"""Plain data for a region: its definition (what to load) and the municipalities (what was loaded)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from shapely.geometry import MultiPolygon

DENMARK = "DK"  # area code for the whole country in indicator series


@dataclass(frozen=True)
class Municipality:
    code: str  # 4-digit official code, e.g. "0630"
    name: str
    name_statbank: str
    geom: MultiPolygon  # EPSG:25832


@dataclass(frozen=True)
class AreaGroup:
    key: str
    name: str
    kind: str  # region | peer
    members: tuple[str, ...]
    source: str = ""


@dataclass(frozen=True)
class IndicatorFile:
    """One StatBank-style CSV and how to read an indicator out of it."""

    path: Path
    area_column: str
    period_column: str
    value_column: str
    where: dict[str, str] = field(default_factory=dict)
    skip_areas: tuple[str, ...] = ()
    sep: str = ";"


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    name_da: str
    name_en: str
    unit: str
    frequency: str
    source: str
    licence: str
    files: tuple[IndicatorFile, ...]
    is_demo: bool = False


@dataclass(frozen=True)
class RegionDefinition:
    key: str
    name: str
    name_en: str
    members: tuple[str, ...]
    boundaries: Path
    names_file: Path
    peers: tuple[AreaGroup, ...]
    indicators: tuple[IndicatorSpec, ...]
    population_indicators: tuple[str, ...]
    path: Path

    @property
    def region_group(self) -> AreaGroup:
        return AreaGroup(self.key, self.name, "region", self.members, f"region definition {self.path.name}")


@dataclass(frozen=True)
class IndicatorValue:
    indicator_key: str
    area_code: str
    period: str
    period_start: date
    value: float | None
    breakdown: str = ""


@dataclass(frozen=True)
class RegionDataset:
    """Everything `trekant init` writes, read and validated in memory before the store is touched."""

    definition: RegionDefinition
    municipalities: tuple[Municipality, ...]
    indicator_values: tuple[IndicatorValue, ...]
