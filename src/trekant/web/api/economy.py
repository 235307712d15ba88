"""/api/economy: indicators, growth, the claim check and the industry analyses (`trekant economy …`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from trekant.economy import claim_service, group_service, industry_service, overview_service, service
from trekant.settings import Settings
from trekant.web.deps import Principal, current_principal, reader_settings

router = APIRouter(prefix="/economy")

IndicatorQuery = Query(..., description="Indicator key (see /api/economy/indicators).")
IndustryQuery = Query(service.INDUSTRY_INDICATOR, description="Indicator with an industry breakdown.")
AreaQuery = Query(None, description="Municipality code or name, DK, or a group key (default: the region).")
BreakdownQuery = Query("", description="A breakdown such as industry=2 (default: the total).")
FromQuery = Query(None, alias="from", description="Start period, e.g. 2008Q1 (default: the first with data).")
ToQuery = Query(None, alias="to", description="End period (default: the last with data).")
PeriodQuery = Query(None, description="Period (default: the latest).")
ReferenceQuery = Query(None, description="Reference area (default: DK).")


@router.get("/indicators")
def indicators(settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> list[dict]:
    """The indicators in the store with their periods, source, licence and demo flag."""
    return service.list_indicators(settings)


@router.get("/groups")
def groups(settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> list[dict]:
    """Area groups: the region, its peers and user-defined groups."""
    return group_service.list_groups(settings)


@router.get("/key-figures")
def key_figures(years: int = Query(5, ge=1, le=30, description="Length of the growth window in years."),
                settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """The region's population and full-time employees, and their growth against Denmark's."""
    return overview_service.key_figures(settings, years)


@router.get("/series")
def series(indicator: str = IndicatorQuery,
           areas: str | None = Query(None, description="municipalities, metro5 or a comma list (default: the region's "
                                                       "municipalities, the region, its peers and Denmark)."),
           breakdown: str = BreakdownQuery, settings: Settings = Depends(reader_settings),
           principal: Principal = Depends(current_principal)) -> dict:
    """An indicator over time for several areas, as values and as an index (= 100 at a common base)."""
    return overview_service.series_report(settings, indicator, areas, breakdown)


@router.get("/growth")
def growth(indicator: str = IndicatorQuery, area: str | None = AreaQuery,
           among: str | None = Query(None, description="municipalities, metro5 or a comma list of areas."),
           start: str | None = FromQuery, end: str | None = ToQuery,
           base: str | None = Query(None, description="Base period of the index (= 100; default: the start)."),
           breakdown: str = BreakdownQuery, settings: Settings = Depends(reader_settings),
           principal: Principal = Depends(current_principal)) -> dict:
    """Growth of an area over a window, its index series and its rank (`economy growth`)."""
    return service.growth_report(settings, indicator, area, among, start, end, base, breakdown)


@router.get("/claim")
def claim(indicator: str = IndicatorQuery,
          group: str | None = Query(None, description="The area whose claim is checked (default: the region)."),
          peers: str = Query("metro5", description="Competitors: metro5, municipalities or a comma list."),
          same_season: bool | None = Query(None, description="true: only windows between the same quarter/month; false: "
                                                              "all windows, seasonal swings included; default: same season "
                                                              "unless the series is seasonally adjusted."),
          breakdown: str = BreakdownQuery, settings: Settings = Depends(reader_settings),
          principal: Principal = Depends(current_principal)) -> dict:
    """The claim check (`economy claim`): every start/end window scanned, where the area grows fastest."""
    return claim_service.claim_report(settings, indicator, group, peers, same_season, breakdown)


@router.get("/lq")
def lq(indicator: str = IndustryQuery, area: str | None = AreaQuery, period: str | None = PeriodQuery,
       reference: str | None = ReferenceQuery, settings: Settings = Depends(reader_settings),
       principal: Principal = Depends(current_principal)) -> dict:
    """Location quotients of every industry of an area (`economy lq`)."""
    return industry_service.lq_report(settings, indicator, area, period, reference)


@router.get("/shift-share")
def shift_share(indicator: str = IndustryQuery, area: str | None = AreaQuery, start: str | None = FromQuery,
                end: str | None = ToQuery, reference: str | None = ReferenceQuery,
                settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """Shift-share: national share, industry mix, regional shift (`economy shift-share`)."""
    return industry_service.shift_share_report(settings, indicator, area, start, end, reference)


@router.get("/specialisation")
def specialisation(indicator: str = IndustryQuery, area: str | None = AreaQuery, period: str | None = PeriodQuery,
                   among: str | None = Query(None, description="Several areas: metro5, municipalities or a list."),
                   settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """Krugman, Hoover and Herfindahl indices (`economy specialisation`)."""
    return industry_service.specialisation_report(settings, indicator, area, period, among)


@router.get("/strengths")
def strengths(indicator: str = IndustryQuery, area: str | None = AreaQuery, period: str | None = PeriodQuery,
              start: str | None = FromQuery, settings: Settings = Depends(reader_settings),
              principal: Principal = Depends(current_principal)) -> dict:
    """Employment, share, LQ and growth of the strength positions (`economy strengths`)."""
    return industry_service.strengths_report(settings, indicator, area, period, start, None)
