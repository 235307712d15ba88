"""Statistics Denmark's provinces (landsdele) around the region, and the caveat a province series
carries when it stands in for the region (regional GDP is published by province, not municipality)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

KIND = "province"
SOURCE = ("Danmarks Statistik, landsdele (NUTS 3) as in the regional accounts; membership: the municipalities "
          "of Region Syddanmark split into Fyn and Sydjylland")


@dataclass(frozen=True)
class Province:
    key: str
    name: str
    statbank_names: tuple[str, ...]
    nuts: str
    members: tuple[str, ...]


@lru_cache(maxsize=1)
def load() -> tuple[Province, ...]:
    path = Path(str(resources.files("trekant.economy") / "data" / "provinces.yaml"))
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(Province(p["key"], p["name"], tuple(p["statbank_names"]), p["nuts"], tuple(p["members"]))
                 for p in doc["provinces"])


def lookup_names() -> dict[str, str]:
    """StatBank's own names of the provinces (lower case) → province key, for the importer."""
    return {name.lower(): p.key for p in load() for name in (*p.statbank_names, p.name, p.key)}


def caveat(province_members: tuple[str, ...], province_name: str, region_members: tuple[str, ...],
           region_name: str, names: dict[str, str], language: str = "da") -> str:
    """How far a province is from the region it stands in for: shared, missing and extra municipalities."""
    shared = [m for m in region_members if m in province_members]
    missing = [names.get(m, m) for m in region_members if m not in province_members]
    extra = [names.get(m, m) for m in province_members if m not in region_members]
    if language == "en":
        text = (f"{province_name} is a province of Statistics Denmark, not {region_name}: it holds {len(shared)} of the "
                f"region's {len(region_members)} municipalities")
        text += f" (not {', '.join(missing)})" if missing else ""
        text += f" and {len(extra)} others ({', '.join(extra)})" if extra else ""
        return text + "."
    text = (f"{province_name} er en landsdel hos Danmarks Statistik, ikke {region_name}: den rummer {len(shared)} af "
            f"regionens {len(region_members)} kommuner")
    text += f" (ikke {', '.join(missing)})" if missing else ""
    text += f" og {len(extra)} andre ({', '.join(extra)})" if extra else ""
    return text + "."
