"""/api/infra: the joint infrastructure portfolio, its CBA, risk and ranking (`trekant infra …`).

Projects, parameter sets and ranking profiles are named by key: the shipped sets and profiles
and the projects in the store (the CLI's YAML paths are not offered over HTTP).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from trekant.infrastructure import service
from trekant.settings import Settings
from trekant.web.api.common import bad_parameter, shipped
from trekant.web.deps import Principal, current_principal, reader_settings

router = APIRouter(prefix="/infra")

ParamsQuery = Query("fm2023", description="Parameter set: fm2023 or fm2017.")
# Monte Carlo over HTTP is bounded; the CLI has no such ceiling.
MAX_WEB_DRAWS = 50_000


@router.get("/projects")
def projects(settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> list[dict]:
    """The portfolio: key, name, mode, status, municipalities, opening year, construction cost (`infra list`)."""
    return service.project_summaries(settings)


@router.get("/map")
def portfolio_map(settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """The portfolio as GeoJSON (WGS 84): each project's line or point with its summary."""
    return service.projects_map(settings)


@router.get("/projects/{key}")
def project(key: str, settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """One project: facts, published results, sources, and which inputs are illustrative (`infra show`)."""
    return service.project_document(settings, key)


def _params(name: str) -> str:
    return shipped(name, service.shipped_params(), "parameter set")


@router.get("/projects/{key}/cba")
def cba(key: str, params: str = ParamsQuery,
        base_year: int | None = Query(None, ge=1900, le=2200, description="Year to discount to (default: first construction year)."),
        price_year: int | None = Query(None, ge=1900, le=2200, description="Price year of the results (default: the parameter set's)."),
        co2_sensitivity: bool = Query(False, description="Also the NPV at the parameter set's alternative CO2e prices."),
        settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """The Danish socio-economic CBA item by item with its parameter set (`infra cba`)."""
    stored = service.get_project(settings, key)  # a key in the store, never a file path
    return service.cba_report(settings, stored.key, _params(params), base_year, price_year, co2_sensitivity)


@router.get("/projects/{key}/risk")
def risk(key: str, draws: int = Query(10_000, ge=1, le=MAX_WEB_DRAWS, description="Number of Monte Carlo draws."),
         seed: int = Query(1, ge=0, description="Random seed (same seed, same result)."),
         optimism_bias: float = Query(0.0, description="Uplift of construction cost in percent (0–300)."),
         params: str = ParamsQuery, settings: Settings = Depends(reader_settings),
         principal: Principal = Depends(current_principal)) -> dict:
    """Monte Carlo of the NPV with its histogram, and a tornado of one-at-a-time changes (`infra risk`)."""
    stored = service.get_project(settings, key)
    project, result = service.risk(settings, stored.key, draws, seed, optimism_bias, _params(params))
    return dict(result.to_dict(), project_name=project.name)


@router.get("/params")
def params_list(principal: Principal = Depends(current_principal)) -> list[str]:
    """The shipped parameter sets."""
    return service.shipped_params()


@router.get("/profiles")
def profiles(principal: Principal = Depends(current_principal)) -> list[str]:
    """The shipped ranking profiles."""
    return service.shipped_profiles()


def parse_weights(text: str | None) -> dict[str, float] | None:
    """'npv_dkk:3,climate:1' → {'npv_dkk': 3.0, 'climate': 1.0}."""
    if not text:
        return None
    weights = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, value = part.partition(":")
        try:
            weights[name.strip()] = float(value)
        except ValueError:
            raise bad_parameter("weights", f"{part!r}: write each weight as CRITERION:NUMBER") from None
        if not sep:
            raise bad_parameter("weights", f"{part!r}: write each weight as CRITERION:NUMBER")
    return weights


@router.get("/rank")
def rank(profile: str = Query("default", description="Ranking profile: default or all."),
         method: str | None = Query(None, pattern="^(topsis|weighted-sum|promethee)$",
                                    description="topsis, weighted-sum or promethee (default: the profile's)."),
         params: str | None = Query(None, description="Parameter set (default: the profile's)."),
         base_year: int | None = Query(None, ge=1900, le=2200, description="One base year for every project (default: the profile's)."),
         price_year: int | None = Query(None, ge=1900, le=2200, description="One price year (default: the profile's)."),
         weights: str | None = Query(None, description="Weights replacing the profile's, e.g. npv_per_public_dkk:3,cohesion:1 "
                                                       "(0 leaves a criterion out; normalised to sum 1)."),
         settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """The joint ranked list (`infra rank`), re-ranked with the given weights, and its stability."""
    chosen = shipped(profile, service.shipped_profiles(), "ranking profile")
    return service.rank(settings, chosen, method, _params(params) if params else None, base_year, False, price_year,
                        parse_weights(weights)).to_dict()
