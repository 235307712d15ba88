"""Read the strategy's goals and KPIs from YAML (default: the shipped file), every problem reported."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from trekant.economy.periods import normalise, start
from trekant.errors import InputError, Issue
from trekant.strategy.model import Goal, Kpi, Target
from trekant.textfile import load_yaml_model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class _TargetDoc(_Strict):
    value: float
    year: int = Field(ge=1990, le=2100)
    basis: str = ""


class _KpiDoc(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_da: str
    name_en: str
    source: str = Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
    direction: str = Field(pattern=r"^(increase|decrease)$")
    baseline_period: str | None = None
    target: _TargetDoc

    @field_validator("baseline_period", mode="before")
    @classmethod
    def _period(cls, value):
        if value is None:
            return None
        text = normalise(str(value))
        start(text)  # ValueError → a validation error naming the field
        return text


class _GoalDoc(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_da: str
    name_en: str
    text_da: str = ""
    text_en: str = ""
    kpis: list[_KpiDoc] = Field(min_length=1)


class _FileDoc(_Strict):
    goals: list[_GoalDoc] = Field(min_length=1)


def default_path() -> Path:
    return Path(str(resources.files("trekant.strategy") / "data" / "goals.yaml"))


def _duplicates(path: Path, doc: _FileDoc) -> list[Issue]:
    seen, issues = set(), []
    for goal in doc.goals:
        for kpi in goal.kpis:
            if kpi.key in seen:
                issues.append(Issue("error", "duplicate-kpi", str(path), goal.key, f"KPI key {kpi.key!r} used twice"))
            seen.add(kpi.key)
    return issues


def load(path: Path | None = None) -> list[Goal]:
    path = Path(path) if path else default_path()
    doc = load_yaml_model(path, _FileDoc, "goals", "invalid-goals")
    issues = _duplicates(path, doc)
    if issues:
        raise InputError.from_issues(str(path), issues)
    return [Goal(g.key, g.name_da, g.name_en, g.text_da, g.text_en,
                 tuple(Kpi(k.key, k.name_da, k.name_en, k.source, k.direction,
                           Target(k.target.value, k.target.year, k.target.basis), k.baseline_period)
                       for k in g.kpis))
            for g in doc.goals]
