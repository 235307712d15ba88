"""Small hand-made parameter sets and projects for tests whose expected values are computed by hand."""

from __future__ import annotations

from trekant.infrastructure.model import ParameterSet, Project, RateBand, Source, UnitValue

FM2023_BANDS = (RateBand(1, 35, 0.035), RateBand(36, 70, 0.025), RateBand(71, None, 0.015))


def flat(rate: float) -> tuple[RateBand, ...]:
    return (RateBand(1, None, rate),)


def params(bands=None, naf=1.0, tdf=1.0, years=3, unit_values=None, price_year=2020, index=None) -> ParameterSet:
    """A parameter set where one hour of commuting is worth 1 DKK unless told otherwise."""
    values = unit_values or {"value_of_time_commuting_dkk_per_h": UnitValue("value_of_time_commuting_dkk_per_h", "DKK/h", 1.0)}
    return ParameterSet(
        name="hand", title="hand", price_year=price_year, discount_rates=bands or flat(0.04),
        net_tax_factor=naf, tax_distortion_factor=tdf, operation_years=years, price_index=index or {},
        unit_values=values, sources=(Source(1, "t", "t", 2020, supports=("discount_rates",)),),
    )


def project(construction=None, opening=2021, lifetime=6, hours=40.0, om=0.0, growth=0.0, **extra) -> Project:
    return Project(
        key="hand", name="hand", mode=extra.pop("mode", "road"), status="idea", municipalities=("0621",), price_year=extra.pop("price_year", 2020),
        construction_dkk=construction if construction is not None else {2020: 100.0}, opening_year=opening,
        lifetime_years=lifetime, om_dkk_per_year=om, traffic_growth_per_year=growth,
        quantities=extra.pop("quantities", {"travel_time_commuting_h": hours} if hours else {}), **extra,
    )
