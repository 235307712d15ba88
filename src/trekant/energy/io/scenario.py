"""Read a scenario YAML (shipped name or path) into a validated Scenario; problems name the field."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from trekant.energy.io.tables import read_text
from trekant.energy.system_model import Scenario
from trekant.errors import InputError, Issue

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
    text, problem = read_text(path, line_word="line")
    if problem:
        raise InputError.from_issues(source, [problem])
    return parse_scenario(parse_yaml(text, source), source, base_dir=path.parent)


def parse_yaml(text: str, source: str):
    """The YAML document; a syntax error names its line and column (a truncated file, a stray tab)."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "file"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError.from_issues(source, [Issue("error", "yaml", source, where, f"not valid YAML: {problem}")]) from None


def parse_scenario(data, source: str, base_dir: Path | None = None) -> Scenario:
    if not isinstance(data, dict):
        raise InputError(source, reason="a scenario is a YAML mapping (name, demand, grid, capacities, …)")
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise InputError.from_issues(source, [_issue(source, error) for error in exc.errors()]) from None
    return _resolve_paths(scenario, base_dir)


def _issue(source: str, error: dict) -> Issue:
    field = ".".join(str(p) for p in error["loc"]) or "(top)"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown field"
    return Issue("error", "scenario", source, "scenario", message, field)


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
