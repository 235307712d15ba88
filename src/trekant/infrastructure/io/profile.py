"""Ranking profiles (YAML): criteria with weights, method, stability settings, optional score overrides."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from trekant.errors import InputError
from trekant.infrastructure.io.common import Strict, parse_model, read_yaml
from trekant.infrastructure.io.project import CRITERIA
from trekant.infrastructure.model import STATUSES

CODE = "invalid-profile"
CBA_CRITERIA = ("npv_dkk", "irr", "bc_ratio", "npv_per_public_dkk", "first_year_return")
# CBA results that include the CO2e item valued in money (the IRR and first-year return do too).
CO2_IN_MONEY = CBA_CRITERIA




class CriterionDoc(Strict):
    weight: float = Field(gt=0, le=1000)
    type: Literal["benefit", "cost"] = "benefit"


class StabilityDoc(Strict):
    draws: int = Field(default=1000, ge=0, le=100_000)
    perturbation: float = Field(default=0.2, ge=0.0, lt=1.0)
    top_k: int = Field(default=3, ge=1)
    seed: int = Field(default=1, ge=0)  # numpy's generators take non-negative seeds


class ProfileDoc(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str = ""
    params: str = "fm2023"
    method: Literal["weighted-sum", "topsis", "promethee"] = "topsis"
    criteria: dict[str, CriterionDoc] = Field(min_length=1)
    statuses: list[Literal[STATUSES]] | None = None  # type: ignore[valid-type]
    scores: dict[str, dict[str, float]] = Field(default_factory=dict)
    stability: StabilityDoc = Field(default_factory=StabilityDoc)
    # One base year and price year for every project, so that NPVs are comparable (issue 14); None:
    # each project's own (its first construction year; the parameter set's price year).
    base_year: int | None = Field(default=None, ge=1900, le=2150)
    price_year: int | None = Field(default=None, ge=1900, le=2100)
    illustrative: bool = False
    notes: str = ""

    def double_counts(self) -> list[str]:
        """Criteria that count what another criterion already counts (the climate score next to a CBA
        result that values CO2e in money)."""
        money = [c for c in self.criteria if c in CO2_IN_MONEY]
        if "climate" in self.criteria and money:
            return [f"climate: the 1–5 climate score and {', '.join(money)} (whose CBA values CO2e at the shadow "
                    "price) both count the project's CO2e – a double count"]
        return []

    @field_validator("criteria")
    @classmethod
    def _known(cls, value: dict) -> dict:
        unknown = sorted(set(value) - set(CBA_CRITERIA) - set(CRITERIA))
        if unknown:
            raise ValueError(f"unknown criterion {', '.join(unknown)}; known: {', '.join(CBA_CRITERIA + CRITERIA)}")
        return value

    @field_validator("scores")
    @classmethod
    def _scores(cls, value: dict) -> dict:
        for key, given in value.items():
            for name, score in given.items():
                if name not in CRITERIA or not 1 <= score <= 5:
                    raise ValueError(f"score {key}.{name}={score}: scores are 1–5 for {', '.join(CRITERIA)}")
        return value


def profiles_dir() -> Path:
    return Path(str(resources.files("trekant.infrastructure") / "data" / "profiles"))


def resolve(name_or_path: str | Path | None) -> Path:
    """A shipped profile by name (default, all) or a YAML file by path."""
    if name_or_path is None:
        return profiles_dir() / "default.yaml"
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        return candidate
    shipped = profiles_dir() / f"{name_or_path}.yaml"
    if shipped.is_file():
        return shipped
    known = ", ".join(sorted(p.stem for p in profiles_dir().glob("*.yaml")))
    raise InputError("profile", reason=f"unknown profile {str(name_or_path)!r}; known: {known} (or give the path of a YAML file)")


def load_profile(name_or_path: str | Path | None = None) -> ProfileDoc:
    path = resolve(name_or_path)
    doc, issues = parse_model(ProfileDoc, read_yaml(path), str(path), "profile", CODE)
    if doc is None:
        raise InputError.from_issues(str(path), issues)
    return doc
