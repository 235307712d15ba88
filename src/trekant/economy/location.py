"""Location quotients and specialisation indices of an area against a reference (usually Denmark).

LQ_i = (E_ir / E_r) / (E_iN / E_N): above 1 the industry is over-represented in the area.
Krugman K = Σ_i |s_ir − s_iN| (0 … 2), Hoover = K / 2 (0 … 1), Herfindahl H = Σ_i s_ir².
"""

from __future__ import annotations

from collections.abc import Mapping

from trekant.economy.model import Specialisation


def shares(employment: Mapping[str, float]) -> dict[str, float]:
    """Each industry's share of the total (the total is the sum over the given industries)."""
    total = sum(employment.values())
    if total <= 0:
        raise ValueError("total employment must be positive")
    return {code: value / total for code, value in employment.items()}


def location_quotients(area: Mapping[str, float], reference: Mapping[str, float]) -> dict[str, float | None]:
    """LQ per industry of the area; None where the reference has no employment in the industry."""
    area_shares = shares({c: area.get(c, 0.0) for c in reference})
    reference_shares = shares(reference)
    return {c: (area_shares[c] / reference_shares[c]) if reference_shares[c] > 0 else None for c in reference}


def group_quotient(area: Mapping[str, float], reference: Mapping[str, float], codes: set[str]) -> float | None:
    """LQ of a group of industries (a strength position): the shares of its codes summed first."""
    area_share = sum(v for c, v in shares({c: area.get(c, 0.0) for c in reference}).items() if c in codes)
    reference_share = sum(v for c, v in shares(reference).items() if c in codes)
    return area_share / reference_share if reference_share > 0 else None


def specialisation(area: Mapping[str, float], reference: Mapping[str, float]) -> Specialisation:
    """Krugman, Hoover and Herfindahl of the area's industry structure against the reference."""
    area_shares = shares({c: area.get(c, 0.0) for c in reference})
    reference_shares = shares(reference)
    krugman = sum(abs(area_shares[c] - reference_shares[c]) for c in reference)
    return Specialisation(
        krugman=krugman, hoover=krugman / 2,
        herfindahl=sum(s * s for s in area_shares.values()),
        herfindahl_reference=sum(s * s for s in reference_shares.values()),
    )
