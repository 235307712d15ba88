"""Read the strength positions (YAML) and choose the codes that fit the data's classification."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from trekant.economy.industries import DB07_10, DB07_SECTIONS, GROUPS_10, SECTIONS
from trekant.economy.model import Strength
from trekant.errors import InputError, Issue
from trekant.textfile import load_yaml_model

KNOWN = {DB07_10: set(GROUPS_10), DB07_SECTIONS: set(SECTIONS)}


class _StrengthDoc(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_da: str
    name_en: str
    codes: dict[str, list[str]] = Field(min_length=1)
    note: str = ""


class _FileDoc(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    strengths: list[_StrengthDoc] = Field(min_length=1)


def default_path() -> Path:
    return Path(str(resources.files("trekant.economy") / "data" / "strengths.yaml"))


def _code_issues(path: Path, doc: _FileDoc) -> list[Issue]:
    issues = []
    for i, s in enumerate(doc.strengths):
        for classification, codes in s.codes.items():
            field = f"strengths.{i}.codes.{classification}"
            if classification not in KNOWN:
                issues.append(Issue("error", "unknown-classification", str(path), s.key,
                                    f"unknown classification {classification!r} (use {', '.join(KNOWN)})", field))
                continue
            for code in codes:
                if code not in KNOWN[classification]:
                    issues.append(Issue("error", "unknown-code", str(path), s.key,
                                        f"{code!r} is not a {classification} code", field))
    return issues


def load(path: Path | None = None) -> list[Strength]:
    """The strength positions of a YAML file (default: the shipped one); every problem reported."""
    path = Path(path) if path else default_path()
    doc = load_yaml_model(path, _FileDoc, "strengths", "invalid-strengths")
    issues = _code_issues(path, doc)
    if issues:
        raise InputError.from_issues(str(path), issues)
    return [Strength(s.key, s.name_da, s.name_en, {k: tuple(v) for k, v in s.codes.items()}, s.note)
            for s in doc.strengths]


def codes_for(strength: Strength, classification: str) -> tuple[set[str], bool]:
    """The strength's codes in the data's classification, and whether they are a broader proxy."""
    codes = set(strength.codes.get(classification, ()))
    if classification != DB07_10:
        return codes, False
    covered = {section for code in codes for section in GROUPS_10[code][2]}
    exact = set(strength.codes.get(DB07_SECTIONS, ()))
    return codes, bool(exact) and exact < covered
