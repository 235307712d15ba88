"""Project files (YAML): read with per-field errors, write back in the same documented shape.

Honesty rule enforced here: every CBA input, fact and published result must be backed by a
source (listed under that source's `supports`) or flagged in `illustrative`. A number that is
neither is refused, so an invented figure can never pass as a published one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, field_validator, model_validator

from trekant.errors import InputError, Issue, has_errors
from trekant.infrastructure.cba import QUANTITIES, check_project
from trekant.infrastructure.geometry import GeometryProblem, to_document, to_store_crs
from trekant.infrastructure.io.common import Strict, parse_model, read_yaml
from trekant.infrastructure.io.params import SourceDoc
from trekant.infrastructure.model import COST_BASES, MODES, STATUSES, Project, PublishedResult, Reinvestment, Source

CODE = "invalid-project"
CRITERIA = ("strategic_fit", "regional_growth", "climate", "cohesion")
TOP_LEVEL = ("key", "name", "name_en", "mode", "status", "municipalities", "geometry", "opening_year", "lifetime_years",
             "costs", "effects", "criteria", "facts", "published", "sources", "illustrative", "notes")




class _GeometryDoc(Strict):
    type: str
    crs: str = "EPSG:25832"
    coordinates: list


class _ReinvestmentDoc(Strict):
    year: int = Field(ge=1900, le=2300)
    amount_dkk: float = Field(ge=0.0)
    lifetime_years: int = Field(ge=1, le=300)


class _CostsDoc(Strict):
    price_year: int = Field(ge=1900, le=2100)
    construction_dkk: dict[int, float]
    # what construction_dkk is (Ny Anlægsbudgettering): the budget with its correction reserve,
    # the base estimate before it, or unstated; the reserve as a share of the base estimate, or
    # the phase (1 or 2) whose standard reserve applies (rail/bridge/road modes only)
    basis: Literal[COST_BASES] = "unstated"  # type: ignore[valid-type]
    reserve_share: float | None = Field(default=None, ge=0.0, le=2.0)
    budget_phase: Literal[1, 2] | None = None
    om_dkk_per_year: float = 0.0
    public_share: float = Field(default=1.0, ge=0.0, le=1.0)
    reinvestments: list[_ReinvestmentDoc] = Field(default_factory=list)

    @model_validator(mode="after")
    def _reserve_known(self):
        if self.basis == "budget_with_reserve" and self.reserve_share is None and self.budget_phase is None:
            raise ValueError("a budget with reserve needs reserve_share or budget_phase (else the base estimate "
                             "cannot be separated and risk would count the reserve twice)")
        return self


class _RangeDoc(Strict):
    low: float
    high: float


class _EffectsDoc(Strict):
    traffic_growth_per_year: float = Field(default=0.0, ge=-0.1, le=0.2)
    quantities: dict[str, float] = Field(default_factory=dict)
    other_benefits_dkk_per_year: float = 0.0
    public_revenue_dkk_per_year: float = Field(default=0.0, ge=0.0)
    quantity_ranges: dict[str, _RangeDoc] = Field(default_factory=dict)  # published (low, high) of a quantity

    @field_validator("quantities", "quantity_ranges")
    @classmethod
    def _known_quantities(cls, value: dict) -> dict:
        unknown = sorted(set(value) - set(QUANTITIES))
        if unknown:
            raise ValueError(f"unknown quantity {', '.join(unknown)}; known: {', '.join(QUANTITIES)}")
        return value


class _PublishedDoc(Strict):
    value: float
    year: int = Field(ge=1900, le=2100)
    source: int
    note: str = ""


class ProjectDoc(Strict):
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    name: str = Field(min_length=1)
    name_en: str = ""
    mode: Literal[MODES]  # type: ignore[valid-type]
    status: Literal[STATUSES]  # type: ignore[valid-type]
    municipalities: list[str] = Field(min_length=1)
    geometry: _GeometryDoc | None = None
    opening_year: int = Field(ge=1900, le=2150)
    lifetime_years: int = Field(ge=1, le=300)
    costs: _CostsDoc
    effects: _EffectsDoc = Field(default_factory=_EffectsDoc)
    criteria: dict[str, float] = Field(default_factory=dict)
    facts: dict[str, float | str] = Field(default_factory=dict)
    published: dict[str, _PublishedDoc] = Field(default_factory=dict)
    sources: list[SourceDoc] = Field(min_length=1)
    illustrative: list[str] = Field(default_factory=list)
    notes: str = ""

    @field_validator("municipalities")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        bad = [c for c in value if not (len(c) == 4 and c.isdigit())]
        if bad:
            raise ValueError(f"municipality codes are four digits (e.g. '0621'), got {', '.join(map(repr, bad))}")
        return value

    @field_validator("criteria")
    @classmethod
    def _scores(cls, value: dict[str, float]) -> dict[str, float]:
        for name, score in value.items():
            if name not in CRITERIA:
                raise ValueError(f"unknown criterion {name!r}; known: {', '.join(CRITERIA)}")
            if not 1 <= score <= 5:
                raise ValueError(f"criterion {name} must be scored 1–5, got {score}")
        return value


def _covered(path: str, doc: ProjectDoc) -> bool:
    marks = [s for source in doc.sources for s in source.supports] + doc.illustrative
    return any(path == m or path.startswith(m + ".") or m.startswith(path + ".") for m in marks)


def _claims(doc: ProjectDoc) -> list[str]:
    """Every field whose value must come from a source or be flagged illustrative."""
    claims = ["costs.construction_dkk", "costs.price_year", "opening_year", "lifetime_years"]
    claims += [f"effects.quantities.{q}" for q, v in doc.effects.quantities.items() if v]
    optional = {"costs.om_dkk_per_year": doc.costs.om_dkk_per_year, "effects.traffic_growth_per_year": doc.effects.traffic_growth_per_year,
                "effects.other_benefits_dkk_per_year": doc.effects.other_benefits_dkk_per_year,
                "effects.public_revenue_dkk_per_year": doc.effects.public_revenue_dkk_per_year}
    claims += [field for field, value in optional.items() if value]
    claims += ["costs.reserve_share"] if doc.costs.reserve_share is not None else []
    claims += ["costs.basis"] if doc.costs.basis != "unstated" else []
    claims += [f"costs.reinvestments.{i}" for i in range(len(doc.costs.reinvestments))]
    claims += [f"effects.quantity_ranges.{q}" for q in doc.effects.quantity_ranges]
    claims += [f"facts.{k}" for k in doc.facts] + [f"published.{k}" for k in doc.published]
    claims += [f"criteria.{k}" for k in doc.criteria] + (["geometry"] if doc.geometry else [])
    return claims


def honesty_issues(doc: ProjectDoc, source: str, where: str) -> list[Issue]:
    def issue(field: str, message: str, severity: str = "error") -> Issue:
        return Issue(severity, CODE, source, where, message, field)

    issues = [issue(field, "neither supported by a listed source nor flagged illustrative") for field in _claims(doc) if not _covered(field, doc)]
    ids = [s.id for s in doc.sources]
    if len(set(ids)) != len(ids):
        issues.append(issue("sources", "two sources share an id"))
    issues += [issue(f"published.{k}.source", f"source {p.source} is not listed under sources")
               for k, p in doc.published.items() if p.source not in ids]
    unknown = [f for f in doc.illustrative if f.split(".")[0] not in TOP_LEVEL]
    issues += [issue("illustrative", f"flags an unknown field {f!r}", "warning") for f in unknown]
    return issues


def to_project(doc: ProjectDoc, geometry=None) -> Project:
    return Project(
        key=doc.key, name=doc.name, name_en=doc.name_en, mode=doc.mode, status=doc.status,
        municipalities=tuple(doc.municipalities), price_year=doc.costs.price_year,
        construction_dkk=dict(doc.costs.construction_dkk), opening_year=doc.opening_year,
        lifetime_years=doc.lifetime_years, om_dkk_per_year=doc.costs.om_dkk_per_year,
        public_share=doc.costs.public_share, traffic_growth_per_year=doc.effects.traffic_growth_per_year,
        quantities=dict(doc.effects.quantities), other_benefits_dkk_per_year=doc.effects.other_benefits_dkk_per_year,
        public_revenue_dkk_per_year=doc.effects.public_revenue_dkk_per_year, geometry=geometry,
        facts=dict(doc.facts), published={k: PublishedResult(p.value, p.year, p.source, p.note) for k, p in doc.published.items()},
        sources=tuple(Source(s.id, s.title, s.publisher, s.year, s.url, tuple(s.supports)) for s in doc.sources),
        illustrative=tuple(doc.illustrative), criteria=dict(doc.criteria), notes=doc.notes,
        cost_basis=doc.costs.basis, reserve_share=doc.costs.reserve_share, budget_phase=doc.costs.budget_phase,
        reinvestments=tuple(Reinvestment(r.year, r.amount_dkk, r.lifetime_years) for r in doc.costs.reinvestments),
        quantity_ranges={q: (r.low, r.high) for q, r in doc.effects.quantity_ranges.items()},
    )


def parse_project(raw: object, source: str) -> tuple[Project | None, list[Issue]]:
    """A Project and every problem found (errors and warnings); None when an error was found."""
    where = f"project {raw.get('key', '?')}" if isinstance(raw, dict) else "project"
    doc, issues = parse_model(ProjectDoc, raw, source, where, CODE)
    if doc is None:
        return None, issues

    def issue(field: str, message: str) -> Issue:
        return Issue("error", CODE, source, where, message, field or None)

    geometry = None
    if doc.geometry is not None:
        try:
            geometry = to_store_crs(doc.geometry.type, doc.geometry.coordinates, doc.geometry.crs)
        except GeometryProblem as exc:
            issues.append(issue("geometry", str(exc)))
    issues += honesty_issues(doc, source, where)
    project = to_project(doc, geometry)
    issues += [Issue(i.severity, CODE, source, where, i.message, i.field) for i in check_project(project)]
    return (None if has_errors(issues) else project), issues


def read_project_file(path: Path) -> tuple[Project | None, list[Issue]]:
    """Read one project file; a file that cannot be read at all is one Issue."""
    try:
        raw = read_yaml(path)
    except InputError as exc:
        return None, [Issue("error", CODE, str(path), exc.where or "file", exc.reason)]
    return parse_project(raw, str(path))


def project_files(paths: list[Path]) -> list[Path]:
    """Expand folders to the YAML files in them (sorted); keep files as given."""
    files: list[Path] = []
    for path in paths:
        files += sorted([*path.glob("*.yaml"), *path.glob("*.yml")]) if path.is_dir() else [path]
    return files


def to_document_dict(project: Project) -> dict:
    """The project as the documented YAML mapping (geometry in EPSG:25832)."""
    doc: dict = {"key": project.key, "name": project.name}
    if project.name_en:
        doc["name_en"] = project.name_en
    doc |= {"mode": project.mode, "status": project.status, "municipalities": list(project.municipalities)}
    if project.geometry is not None:
        doc["geometry"] = to_document(project.geometry)
    doc |= {"opening_year": project.opening_year, "lifetime_years": project.lifetime_years,
            "costs": {"price_year": project.price_year, "construction_dkk": dict(sorted(project.construction_dkk.items())),
                      "om_dkk_per_year": project.om_dkk_per_year, "public_share": project.public_share},
            "effects": {"traffic_growth_per_year": project.traffic_growth_per_year, "quantities": dict(project.quantities),
                        "other_benefits_dkk_per_year": project.other_benefits_dkk_per_year,
                        "public_revenue_dkk_per_year": project.public_revenue_dkk_per_year}}
    if project.cost_basis != "unstated":
        doc["costs"]["basis"] = project.cost_basis
    if project.reserve_share is not None:
        doc["costs"]["reserve_share"] = project.reserve_share
    if project.budget_phase is not None:
        doc["costs"]["budget_phase"] = project.budget_phase
    if project.reinvestments:
        doc["costs"]["reinvestments"] = [{"year": r.year, "amount_dkk": r.amount_dkk, "lifetime_years": r.lifetime_years}
                                         for r in project.reinvestments]
    if project.quantity_ranges:
        doc["effects"]["quantity_ranges"] = {q: {"low": lo, "high": hi} for q, (lo, hi) in project.quantity_ranges.items()}
    if project.criteria:
        doc["criteria"] = dict(project.criteria)
    if project.facts:
        doc["facts"] = dict(project.facts)
    if project.published:
        doc["published"] = {k: {"value": p.value, "year": p.year, "source": p.source, **({"note": p.note} if p.note else {})}
                            for k, p in project.published.items()}
    doc["sources"] = [{"id": s.id, "title": s.title, "publisher": s.publisher, "year": s.year, "url": s.url,
                       "supports": list(s.supports)} for s in project.sources]
    doc["illustrative"] = list(project.illustrative)
    if project.notes:
        doc["notes"] = project.notes
    return doc


def write_project_file(project: Project, path: Path) -> None:
    text = yaml.safe_dump(to_document_dict(project), allow_unicode=True, sort_keys=False, width=110)
    path.write_text(text, encoding="utf-8")
