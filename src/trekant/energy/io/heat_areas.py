"""The heat-area description (YAML): areas, their supply shares and the per-source emission factors.

The shipped `data/heat_areas.yaml` describes Trekantområdet with a source for every share; another
region gives its own file of the same shape (`--heat-areas FILE`). Problems name the field.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trekant.energy.core.heat_areas import HeatArea, HeatSupply, SourceFactor
from trekant.textfile import load_yaml_model

HEAT_AREAS_FILE = Path(__file__).resolve().parents[1] / "data" / "heat_areas.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class _Supply(_Strict):
    source: str
    name: str
    share: float = Field(gt=0, le=1)
    illustrative: bool = False


class _Area(_Strict):
    key: str
    name: str
    company: str = ""
    municipalities: list[str] = Field(min_length=1)
    description: str = ""
    supply: list[_Supply] = Field(min_length=1)
    demand_mwh_per_year: float = Field(ge=0, le=1e9)
    demand_illustrative: bool = True
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _shares(self):
        total = sum(s.share for s in self.supply)
        if abs(total - 1) > 0.005:
            raise ValueError(f"the supply shares of {self.key} add up to {total:.3f}, not 1")
        return self


class _Factor(_Strict):
    value: float = Field(ge=0, le=5000)
    source: str
    illustrative: bool = False


class _File(_Strict):
    areas: list[_Area] = Field(min_length=1)
    source_factors_kg_per_mwh: dict[str, _Factor]

    @model_validator(mode="after")
    def _consistent(self):
        seen: dict[str, str] = {}
        for area in self.areas:
            for code in area.municipalities:
                if code in seen:
                    raise ValueError(f"municipality {code} is in both {seen[code]} and {area.key}")
                seen[code] = area.key
            unknown = sorted({s.source for s in area.supply} - set(self.source_factors_kg_per_mwh))
            if unknown:
                raise ValueError(f"{area.key}: no factor for supply {', '.join(unknown)} in source_factors_kg_per_mwh")
        return self


def read_heat_areas(path: Path = HEAT_AREAS_FILE) -> tuple[tuple[HeatArea, ...], dict[str, SourceFactor]]:
    document = load_yaml_model(path, _File, "heat-area", "heat_areas")
    areas = tuple(HeatArea(a.key, a.name, a.company, tuple(c.zfill(4) for c in a.municipalities), a.description.strip(),
                           tuple(HeatSupply(s.source, s.name, s.share, s.illustrative) for s in a.supply),
                           a.demand_mwh_per_year, a.demand_illustrative, tuple(a.sources))
                  for a in document.areas)
    factors = {k: SourceFactor(f.value, f.source, f.illustrative) for k, f in document.source_factors_kg_per_mwh.items()}
    return areas, factors
