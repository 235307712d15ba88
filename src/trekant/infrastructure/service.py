"""Use cases of the infrastructure domain: portfolio import/export, CBA, risk and ranking.

Each write is one transaction (all or nothing); readers collect every problem first and a single
error-severity problem writes nothing.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pyogrio.errors import DataLayerError, DataSourceError

from sqlalchemy.engine import Connection

from trekant.errors import InputError, Issue, NotFound, has_errors
from trekant.infrastructure import repo
from trekant.infrastructure.cba import check_inputs, run_cba
from trekant.infrastructure.io.params import load_params
from trekant.infrastructure.io.project import CODE, project_files, read_project_file, to_document_dict, write_project_file
from trekant.infrastructure.model import CbaResult, ParameterSet, Project
from trekant.settings import Settings
from trekant.store.store import reading, writing


@dataclass(frozen=True)
class ImportResult:
    imported: list[str]
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"imported": self.imported, "warnings": self.warnings}


def read_files(paths: list[Path]) -> tuple[list[Project], list[Issue]]:
    """Every project in the files (folders expand to their YAML files) and every problem found."""
    projects, issues = [], []
    files = project_files(paths)
    if not files:
        issues.append(Issue("error", CODE, ", ".join(map(str, paths)) or "import", "files", "no project files (*.yaml) found"))
    for path in files:
        project, found = read_project_file(path)
        issues += found
        if project is not None:
            projects.append(project)
    seen: dict[str, str] = {}
    for path, project in zip(files, projects):
        if project.key in seen:
            issues.append(Issue("error", CODE, str(path), f"project {project.key}", f"key also used in {seen[project.key]}", "key"))
        seen[project.key] = str(path)
    return projects, issues


def _code_issues(projects: list[Project], known: set[str]) -> list[Issue]:
    return [Issue("error", "unknown-code", "import", f"project {p.key}", f"unknown municipality code {code!r}", "municipalities")
            for p in projects for code in p.municipalities if code not in known]


def write_checked(conn: Connection, projects: list[Project], issues: list[Issue], source: str, actor: str, action: str) -> int:
    """Write projects after the store-side checks; raise InputError (writing nothing) on any error."""
    issues = issues + _code_issues(projects, repo.known_municipality_codes(conn))
    if has_errors(issues):
        raise InputError.from_issues(source, [i for i in issues if i.severity == "error"])
    return repo.write_projects(conn, projects, actor, action)


def import_projects(settings: Settings, paths: list[Path]) -> ImportResult:
    """Validate all files, then write every project in one transaction (or nothing)."""
    projects, issues = read_files(paths)
    with writing(settings) as conn:
        write_checked(conn, projects, issues, ", ".join(map(str, paths)), settings.actor, "import")
    return ImportResult([p.key for p in projects], [i.line() for i in issues if i.severity == "warning"])


def list_projects(settings: Settings) -> list[Project]:
    with reading(settings) as conn:
        return repo.read_projects(conn)


def get_project(settings: Settings, key: str) -> Project:
    with reading(settings) as conn:
        project = repo.read_project(conn, key)
        if project is None:
            known = ", ".join(repo.project_keys(conn)) or "none"
            raise NotFound(f"no project {key!r} in the portfolio (known: {known})")
    return project


def shipped_params() -> list[str]:
    """Names of the parameter sets that ship with trekant (fm2023, fm2017)."""
    from trekant.infrastructure.io.params import builtin_names

    return builtin_names()


def shipped_profiles() -> list[str]:
    """Names of the ranking profiles that ship with trekant (default, all)."""
    from trekant.infrastructure.io.profile import profiles_dir

    return sorted(p.stem for p in profiles_dir().glob("*.yaml"))


def value_flagged(project: Project, path: str) -> bool:
    """The value at `path` itself is illustrative (a flagged part of it, such as the year-split of a
    published total, does not make the total illustrative)."""
    return any(path == f or path.startswith(f + ".") for f in project.illustrative)


def summary(project: Project) -> dict:
    """A project in one line: key, names, mode, status, municipalities, opening year, construction cost,
    and whether those two figures are illustrative."""
    return dict(key=project.key, name=project.name, name_en=project.name_en, mode=project.mode, status=project.status,
                municipalities=list(project.municipalities), opening_year=project.opening_year,
                construction_total_dkk=float(sum(project.construction_dkk.values())), price_year=project.price_year,
                illustrative=list(project.illustrative),
                opening_year_illustrative=value_flagged(project, "opening_year"),
                construction_total_illustrative=value_flagged(project, "costs.construction_dkk"))


def project_summaries(settings: Settings) -> list[dict]:
    """Every project of the portfolio in one line each (`infra list --json`)."""
    return [summary(p) for p in list_projects(settings)]


def project_document(settings: Settings, key: str) -> dict:
    """One project as its documented YAML mapping, with the length of its line geometry (`infra show --json`)."""
    from trekant.infrastructure.geometry import length_km

    project = get_project(settings, key)
    return to_document_dict(project) | {"length_km_geometry": length_km(project.geometry)}


def projects_map(settings: Settings) -> dict:
    """The portfolio on a web map: each project's geometry as GeoJSON in WGS 84 with its summary."""
    from trekant import mapdata

    projects = list_projects(settings)
    features = [mapdata.feature(p.geometry, {k: v for k, v in summary(p).items() if not isinstance(v, list)}
                                | {"municipalities": ",".join(p.municipalities), "illustrative": bool(p.illustrative)},
                                p.key)
                for p in projects if p.geometry is not None]
    return dict(mapdata.collection(features), without_geometry=[p.key for p in projects if p.geometry is None])


def resolve_project(settings: Settings, target: str) -> Project:
    """A project by key from the store, or straight from a YAML file when `target` is a path."""
    path = Path(target)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        project, issues = read_project_file(path)
        if project is None:
            raise InputError.from_issues(str(path), [i for i in issues if i.severity == "error"])
        return project
    return get_project(settings, target)


def checked_cba(project: Project, params: ParameterSet, base_year: int | None = None,
                price_year: int | None = None) -> CbaResult:
    issues = check_inputs(project, params, base_year, price_year)
    if issues:
        raise InputError.from_issues(f"project {project.key}", issues)
    return run_cba(project, params, base_year, price_year)


def cba(settings: Settings, target: str, params_name: str = "fm2023", base_year: int | None = None,
        price_year: int | None = None) -> tuple[Project, ParameterSet, CbaResult]:
    params = load_params(params_name)
    project = resolve_project(settings, target)
    return project, params, checked_cba(project, params, base_year, price_year)


def cba_report(settings: Settings, target: str, params_name: str = "fm2023", base_year: int | None = None,
               price_year: int | None = None, co2_sensitivity: bool = False,
               co2_prices_dkk_per_t: tuple[float, ...] = ()) -> dict:
    """One project's CBA as a plain dict (items, results, cost basis, published figures), with the
    sensitivity at alternative CO2e prices when asked for (FM 2023) — for the CLI, web and reports."""
    from trekant.infrastructure.cba import co2_sensitivity as sensitivity

    project, params, result = cba(settings, target, params_name, base_year, price_year)
    report = result.to_dict() | {"name": project.name, "name_en": project.name_en,
                                 "published": {k: v.__dict__ for k, v in project.published.items()},
                                 "sources": [{"id": s.id, "label": s.label(), "url": s.url} for s in project.sources]}
    if co2_sensitivity or co2_prices_dkk_per_t:
        report["co2_sensitivity"] = sensitivity(project, params, base_year, price_year, tuple(co2_prices_dkk_per_t))
    return report


def export_projects(settings: Settings, out_dir: Path, keys: list[str] | None = None,
                    formats: tuple[str, ...] = ("yaml",)) -> list[str]:
    """Write each project as YAML (and all geometries as GeoJSON / GeoPackage); return the files.

    The files are written into a scratch folder inside out_dir and moved into place only when all
    of them were written, so a failed export leaves no partial set of files."""
    with reading(settings) as conn:
        projects = repo.read_projects(conn, keys)
        missing = sorted(set(keys or []) - {p.key for p in projects})
    if missing:
        raise NotFound(f"no project {', '.join(map(repr, missing))} in the portfolio")
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), reason="--out is a file; give a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".trekant-export-", dir=out_dir) as scratch:
            names = _write_exports(projects, Path(scratch), formats)
            for name in names:
                os.replace(Path(scratch) / name, out_dir / name)
    except (OSError, DataSourceError, DataLayerError) as exc:  # a full disk: GDAL's "Cannot write feature"
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(str(out_dir), reason=f"cannot write --out: {reason}") from None
    return [str(out_dir / name) for name in names]


def _write_exports(projects: list[Project], folder: Path, formats: tuple[str, ...]) -> list[str]:
    from trekant.infrastructure.io.geo import write_geometries

    names = []
    if "yaml" in formats:
        for project in projects:
            write_project_file(project, folder / f"{project.key}.yaml")
            names.append(f"{project.key}.yaml")
    for fmt in ("geojson", "gpkg"):
        if fmt in formats:
            names.append(write_geometries(projects, folder / f"infra_projects.{fmt}", fmt).name)
    return names


def risk(settings: Settings, target: str, draws: int, seed: int, optimism_bias_pct: float = 0.0,
         params_name: str = "fm2023", spec_path: Path | None = None, base_year: int | None = None,
         price_year: int | None = None):
    """Monte Carlo of one project's NPV with a tornado of one-at-a-time changes.

    `base_year`/`price_year` discount and price the draws like `cba` does (default: the project's own),
    so a brief can show P(NPV > 0) beside the ranking's NPV on one common base year."""
    from trekant.infrastructure.cba import build_flows, used_illustrative
    from trekant.infrastructure.io.risk import load_spec
    from trekant.infrastructure.risk import INPUTS, MAX_DRAWS, QUANTITY_PREFIX, default_spec, run_risk

    issues = []
    if not 1 <= draws <= MAX_DRAWS:
        issues.append(Issue("error", "invalid-risk-input", "risk", "options", f"draws must be between 1 and {MAX_DRAWS:,}, got {draws}", "--draws"))
    if not 0 <= optimism_bias_pct <= 300:
        issues.append(Issue("error", "invalid-risk-input", "risk", "options", f"optimism bias must be 0–300 %, got {optimism_bias_pct}", "--optimism-bias"))
    if issues:
        raise InputError.from_issues("risk", issues)
    project, params, result = cba(settings, target, params_name, base_year, price_year)
    flows = build_flows(project, params, base_year, price_year)
    defaults = default_spec(project.traffic_growth_per_year, project.quantity_ranges)
    spec = defaults if spec_path is None else load_spec(spec_path, defaults)
    flags = used_illustrative(project, params, flows)
    flags += tuple(f"risk.distributions.{name} (trekant default)" for name in INPUTS if spec[name] is defaults[name])
    flags += tuple(f"effects.quantity_ranges.{name[len(QUANTITY_PREFIX):]}" for name in spec if name.startswith(QUANTITY_PREFIX)
                   and project.is_illustrative(f"effects.quantity_ranges.{name[len(QUANTITY_PREFIX):]}"))
    return project, run_risk(flows, spec, draws, seed, optimism_bias_pct / 100.0, flags, result.npv_dkk, result.costs)


@dataclass(frozen=True)
class RankOutcome:
    """A ranking with what it was computed from, ready for the CLI and JSON."""

    profile: object
    params: ParameterSet
    result: object
    projects: dict[str, Project]
    values: dict[str, dict[str, float | None]]
    illustrative_projects: dict[str, tuple[str, ...]]
    warnings: list[str]
    base_year: int | None = None  # None: each project's own
    price_year: int | None = None
    base_years: dict[str, int] = field(default_factory=dict)
    double_counts: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        r = self.result
        return {
            "profile": self.profile.name, "profile_illustrative": self.profile.illustrative, "params": self.params.name,
            "base_year": self.base_year, "price_year": self.price_year or self.params.price_year,
            "base_years": dict(self.base_years), "double_counts": list(self.double_counts),
            "method": r.method, "criteria": [{"name": c.name, "weight": c.weight, "type": "benefit" if c.benefit else "cost"} for c in r.criteria],
            "stability": {"draws": r.draws, "perturbation": r.perturbation, "top_k": r.top_k, "seed": r.seed},
            "ranking": [{"rank": a.rank, "key": a.key, "name": self.projects[a.key].name, "score": a.score,
                         "keeps_rank_share": a.keeps_rank_share, "top_k_share": a.top_k_share, "mean_rank": a.mean_rank,
                         "values": self.values[a.key], "illustrative": bool(self.illustrative_projects[a.key]),
                         "illustrative_inputs": list(self.illustrative_projects[a.key])} for a in r.ranking],
            "illustrative": self.profile.illustrative or any(self.illustrative_projects.values()),
            "warnings": self.warnings,
        }


def _criterion_value(name: str, project: Project, result: CbaResult, overrides: dict) -> float | None:
    if name in overrides.get(project.key, {}):
        return overrides[project.key][name]
    if name in project.criteria:
        return project.criteria[name]
    if name == "irr":
        return result.irr.value
    return getattr(result, name, None)


def _check_profile_fits(profile, source: str, projects: list[Project]) -> None:
    """Score overrides must name ranked projects (a typo would silently drop a score), and top k
    must not exceed the number of projects ranked."""
    keys = {p.key for p in projects}
    issues = [Issue("error", "invalid-profile", source, "profile", f"no project {key!r} among the {len(keys)} ranked "
                    f"({', '.join(sorted(keys))})", f"scores.{key}") for key in profile.scores if key not in keys]
    if profile.stability.top_k > len(projects):
        issues.append(Issue("error", "invalid-profile", source, "profile",
                            f"top_k {profile.stability.top_k} is more than the {len(projects)} projects ranked", "stability.top_k"))
    if issues:
        raise InputError.from_issues(source, issues)


def checked_weights(profile, weights: dict[str, float] | None) -> dict[str, float]:
    """The profile's weights with the given ones in their place: every name a criterion of the
    profile, every weight a finite number from 0 to 1000, and not all of them 0."""
    import math

    chosen = {name: c.weight for name, c in profile.criteria.items()}
    issues = []
    for name, value in (weights or {}).items():
        if name not in chosen:
            issues.append(Issue("error", "invalid-weight", "weights", name,
                                f"not a criterion of profile {profile.name} ({', '.join(chosen)})", name))
        elif not (isinstance(value, (int, float)) and math.isfinite(value) and 0 <= value <= 1000):
            issues.append(Issue("error", "invalid-weight", "weights", name, f"{value!r} is not a weight from 0 to 1000", name))
        else:
            chosen[name] = float(value)
    if not issues and sum(chosen.values()) <= 0:
        issues.append(Issue("error", "invalid-weight", "weights", "weights", "at least one weight must be above 0", "weights"))
    if issues:
        raise InputError.from_issues("weights", issues)
    return chosen


def rank(settings: Settings, profile_ref: str | None = None, method: str | None = None,
         params_name: str | None = None, base_year: int | None = None, own_base_years: bool = False,
         price_year: int | None = None, weights: dict[str, float] | None = None) -> RankOutcome:
    """Rank the portfolio's projects by the profile's criteria and weights (pymcdm).

    Every project's CBA is discounted to one base year (given, else the profile's; `own_base_years`
    keeps each project's own) and reported in one price year, so that NPVs are comparable.
    `weights` replaces the profile's weights of the criteria it names (e.g. from the web's sliders;
    checked by checked_weights: a weight may be 0, not all of them)."""
    import numpy as np

    from trekant.infrastructure.io.profile import load_profile
    from trekant.infrastructure.io.profile import resolve as resolve_profile
    from trekant.infrastructure.ranking import Criterion
    from trekant.infrastructure.ranking import rank as rank_core

    profile = load_profile(profile_ref)
    weight = checked_weights(profile, weights)
    params = load_params(params_name or profile.params)
    common = None if own_base_years else (base_year if base_year is not None else profile.base_year)
    prices = price_year if price_year is not None else profile.price_year
    projects = [p for p in list_projects(settings) if profile.statuses is None or p.status in profile.statuses]
    if len(projects) < 2:
        raise InputError("rank", reason=f"{len(projects)} project(s) match the profile's statuses; ranking needs at least two")
    _check_profile_fits(profile, str(resolve_profile(profile_ref)), projects)
    results = {p.key: checked_cba(p, params, common, prices) for p in projects}
    names = list(profile.criteria)
    values = {p.key: {n: _criterion_value(n, p, results[p.key], profile.scores) for n in names} for p in projects}
    warnings, matrix = [], np.zeros((len(projects), len(names)))
    for j, name in enumerate(names):
        column = [values[p.key][name] for p in projects]
        known = [v for v in column if v is not None]
        if not known:
            raise InputError("rank", where=f"criterion {name}", reason="no project has a value for this criterion")
        worst = min(known) if profile.criteria[name].type == "benefit" else max(known)
        for i, p in enumerate(projects):
            if column[i] is None:
                warnings.append(f"{p.key}: no value for {name}; the worst value among the projects is used")
            matrix[i, j] = worst if column[i] is None else column[i]
    criteria = tuple(Criterion(n, weight[n], profile.criteria[n].type == "benefit") for n in names)
    s = profile.stability
    result = rank_core([p.key for p in projects], matrix, criteria, method or profile.method, s.draws, s.perturbation, s.top_k, s.seed)
    flags = {p.key: results[p.key].illustrative_inputs + tuple(f"criteria.{n}" for n in names
                                                                  if n in p.criteria and p.is_illustrative(f"criteria.{n}")
                                                                  and n not in profile.scores.get(p.key, {}))
             for p in projects}
    return RankOutcome(profile, params, result, {p.key: p for p in projects}, values, flags, warnings, common, prices,
                       {k: r.base_year for k, r in results.items()}, profile.double_counts())
