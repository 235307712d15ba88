"""Read a scenario YAML (shipped name or path) into a validated Scenario; problems name the field."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from trekant.energy.system_model import Scenario
from trekant.errors import InputError
from trekant.textfile import parse_yaml, read_utf8, validation_issues

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "data" / "scenarios"


def shipped_scenarios() -> list[str]:
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))


def scenario_path(name_or_path: str) -> Path:
    path = Path(name_or_path)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        return path
    return SCENARIO_DIR / f"{name_or_path}.yaml"


def load_scenario(name_or_path: str) -> Scenario:
    path = scenario_path(name_or_path)
    source = str(path)
    if not path.exists():
        raise InputError(source, reason=f"no such scenario (shipped: {', '.join(shipped_scenarios())})")
    return parse_scenario(parse_yaml(read_utf8(path, "scenario"), source), source, base_dir=path.parent)


def parse_scenario(data, source: str, base_dir: Path | None = None) -> Scenario:
    if not isinstance(data, dict):
        raise InputError(source, reason="a scenario is a YAML mapping (name, demand, grid, capacities, …)")
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise InputError.from_issues(source, validation_issues(exc, source, "scenario", "scenario")) from None
    return _resolve_paths(scenario, base_dir)


def _column_file(spec: str | None, base_dir: Path) -> str | None:
    """FILE.csv:column relative to the scenario file (built-in shapes and absolute paths as they are)."""
    if not spec or ":" not in spec or spec in ("seasonal", "flat") or Path(spec.split(":", 1)[0]).is_absolute():
        return spec
    file, column = spec.rsplit(":", 1)
    return f"{base_dir / file}:{column}"


def _file(spec: str | None, base_dir: Path) -> str | None:
    if not spec or spec.startswith("builtin:") or Path(spec).is_absolute():
        return spec
    return str(base_dir / spec)


def _resolve_paths(scenario: Scenario, base_dir: Path | None) -> Scenario:
    """Make the file paths in the scenario (profiles, heat shapes, temperature, grid intensity)
    relative to the scenario file."""
    if base_dir is None:
        return scenario
    demand = scenario.demand.model_copy(update=dict(
        district_heat_profile=_column_file(scenario.demand.district_heat_profile, base_dir)))
    efficiencies = scenario.efficiencies.model_copy(update=dict(
        heat_pump_source_temperature=_column_file(scenario.efficiencies.heat_pump_source_temperature, base_dir)))
    emissions = scenario.emissions.model_copy(update=dict(grid_hourly=_file(scenario.emissions.grid_hourly, base_dir)))
    areas = None if scenario.heat_areas is None else [
        a.model_copy(update=dict(profile=_column_file(a.profile, base_dir))) for a in scenario.heat_areas]
    return scenario.model_copy(update=dict(profiles=_file(scenario.profiles, base_dir), demand=demand,
                                           efficiencies=efficiencies, emissions=emissions, heat_areas=areas))
