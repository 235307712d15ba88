"""Annualised investment costs: annuity at the scenario's discount rate plus fixed O&M.

annualised cost per MW (or MWh) = investment × (r / (1 − (1 + r)^−n) + FOM%), r the discount
rate and n the lifetime in years.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TechnologyCost:
    technology: str
    investment_eur: float   # per MW (or per MWh for stores)
    unit: str               # EUR/MW_e, EUR/MW_th, EUR/MW_H2, EUR/MWh
    fom_pct: float
    vom_eur_per_mwh: float
    lifetime_years: int
    source: str


def annuity_factor(rate: float, years: int) -> float:
    return rate / (1 - (1 + rate) ** -years)


def annualised_eur(cost: TechnologyCost, rate: float) -> float:
    """EUR per MW (or MWh) per year."""
    return cost.investment_eur * (annuity_factor(rate, cost.lifetime_years) + cost.fom_pct / 100)
