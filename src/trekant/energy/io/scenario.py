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


def _resolve_paths(scenario: Scenario, base_dir: Path | None) -> Scenario:
    """Make profile file paths in the scenario relative to the scenario file."""
    if base_dir is None:
        return scenario
    profile = scenario.demand.district_heat_profile
    if ":" in profile and not Path(profile.split(":", 1)[0]).is_absolute() and profile not in ("seasonal", "flat"):
        file, column = profile.rsplit(":", 1)
        demand = scenario.demand.model_copy(update=dict(district_heat_profile=f"{base_dir / file}:{column}"))
        scenario = scenario.model_copy(update=dict(demand=demand))
    if not scenario.profiles.startswith("builtin:") and not Path(scenario.profiles).is_absolute():
        scenario = scenario.model_copy(update=dict(profiles=str(base_dir / scenario.profiles)))
    return scenario
