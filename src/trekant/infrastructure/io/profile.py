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
    illustrative: bool = False
    notes: str = ""

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
