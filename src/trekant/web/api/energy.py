"""/api/energy: CO2 accounts, the pathway to the targets and the hourly energy system (`trekant energy …`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from trekant.energy import service, system_service
from trekant.settings import Settings
from trekant.web.api.common import shipped
from trekant.web.deps import Principal, current_principal, reader_settings

router = APIRouter(prefix="/energy")

MunicipalityQuery = Query(None, description="Municipality code or name (default: the whole region).")
FactorsQuery = Query(None, description="Factor table NAME or NAME@VERSION (default: the active one).")
# An optimisation over HTTP is bounded: a month of hours solves in seconds, a year takes minutes.
MAX_RUN_HOURS = 744


@router.get("/accounts")
def accounts(municipality: str | None = MunicipalityQuery,
             year: int | None = Query(None, description="Account year (default: the latest held)."),
             factors: str | None = FactorsQuery, settings: Settings = Depends(reader_settings),
             principal: Principal = Depends(current_principal)) -> dict:
    """Emissions by sector, group and carrier, total and per resident; by municipality and sector for the region."""
    return service.accounts(settings, municipality, year, factors)


@router.get("/pathway")
def pathway(municipality: str | None = MunicipalityQuery, factors: str | None = FactorsQuery,
            settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """Target path, projected path with the measures, the gap per year and the abatement cost curve."""
    return service.pathway(settings, municipality, factors)


@router.get("/factors")
def factor_tables(settings: Settings = Depends(reader_settings),
                  principal: Principal = Depends(current_principal)) -> list[dict]:
    """The emission-factor tables in the store; the active one is used unless asked otherwise."""
    return service.list_factor_tables(settings)


@router.get("/factors/{spec}")
def factor_table(spec: str, settings: Settings = Depends(reader_settings),
                 principal: Principal = Depends(current_principal)) -> dict:
    """Every factor of a table (NAME or NAME@VERSION) with its unit, year and source."""
    return service.show_factor_table(settings, spec)


@router.get("/scenarios")
def scenarios(principal: Principal = Depends(current_principal)) -> list[dict]:
    """The shipped energy-system scenarios."""
    return system_service.scenarios()


def _scenario(name: str) -> str:
    return shipped(name, (s["name"] for s in system_service.scenarios()), "scenario")


HoursQuery = Query(None, ge=1, le=8784, description="Run only N hours (default: the whole profile year).")
StartQuery = Query(0, ge=0, le=8783, description="First hour of the window (0 = 1 January 00:00 UTC).")


@router.get("/scenarios/{name}/simulate")
def simulate(name: str, hours: int | None = HoursQuery, start: int = StartQuery,
             principal: Principal = Depends(current_principal)) -> dict:
    """Rule-based hourly simulation of the scenario's fixed capacities (`energy model simulate`)."""
    return system_service.model_simulate(_scenario(name), hours, start)


@router.get("/scenarios/{name}/run")
def run(name: str, hours: int = Query(168, ge=1, le=MAX_RUN_HOURS, description=f"Hours to optimise (at most {MAX_RUN_HOURS})."),
        start: int = StartQuery, principal: Principal = Depends(current_principal)) -> dict:
    """Optimise the scenario with PyPSA + HiGHS over a window of hours (`energy model run --hours`)."""
    return system_service.model_run(_scenario(name), hours, start)


@router.get("/scenarios/{name}/hourly")
def hourly(name: str, week: int = Query(1, ge=1, le=52, description="Week of the profile year (1–52)."),
           principal: Principal = Depends(current_principal)) -> dict:
    """A chosen week hour by hour (`charts`) and the duration curves of the scenario's dispatch (the year
    simulated; a scenario with capacities to optimise is optimised for that week)."""
    return system_service.week_charts(_scenario(name), week - 1)


@router.get("/scenarios/{name}/sweep")
def sweep(name: str,
          vary: list[str] = Query(..., description="KEY=V1,V2,… e.g. electrolyser_mw=20,300,1000 (repeatable: all combinations)."),
          hours: int | None = HoursQuery, start: int = StartQuery,
          principal: Principal = Depends(current_principal)) -> dict:
    """Simulate many capacity variants at once and compare their results (`energy sweep`)."""
    return system_service.sweep(_scenario(name), vary, hours, start)
