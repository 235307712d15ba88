"""Shift-share decomposition of an area's employment change, classic and Esteban-Marquillas.

With g_N = E_N1/E_N0 − 1, g_iN = E_iN1/E_iN0 − 1 and g_ir = E_ir1/E_ir0 − 1:
  national share  NS_i = E_ir0 · g_N
  industry mix    IM_i = E_ir0 · (g_iN − g_N)
  regional shift  RS_i = E_ir0 · (g_ir − g_iN)          (NS + IM + RS = E_ir1 − E_ir0)
Esteban-Marquillas (1972) split the regional shift with the homothetic employment
  Ê_ir = E_r0 · E_iN0 / E_N0 (what the area would employ with the nation's structure):
  competitive effect  CE_i = Ê_ir · (g_ir − g_iN)
  allocation effect   AE_i = (E_ir0 − Ê_ir) · (g_ir − g_iN)   (CE + AE = RS)
"""

from __future__ import annotations

from collections.abc import Mapping

from trekant.economy.model import ShiftShare, ShiftShareRow


def _rate(start: float, end: float) -> float:
    return end / start - 1.0


def decompose(area_start: Mapping[str, float], area_end: Mapping[str, float],
              nation_start: Mapping[str, float], nation_end: Mapping[str, float]) -> ShiftShare:
    """Both decompositions for every industry of the reference (the nation)."""
    codes = [c for c in nation_start if c in nation_end]
    missing = [c for c in codes if nation_start[c] <= 0]
    if missing:
        raise ValueError(f"no national employment at the start in industry {', '.join(missing)}")
    g_national = _rate(sum(nation_start[c] for c in codes), sum(nation_end[c] for c in codes))
    area_total = sum(area_start.get(c, 0.0) for c in codes)
    nation_total = sum(nation_start[c] for c in codes)
    rows, notes = [], []
    for code in codes:
        start, end = area_start.get(code, 0.0), area_end.get(code, 0.0)
        g_industry = _rate(nation_start[code], nation_end[code])
        homothetic = area_total * nation_start[code] / nation_total
        regional = end - start * (1 + g_industry)  # = E_ir0 (g_ir − g_iN), defined even when E_ir0 = 0
        if start > 0:
            differential = _rate(start, end) - g_industry
            competitive, allocation = homothetic * differential, (start - homothetic) * differential
        else:
            competitive = allocation = None
            notes.append(f"industry {code}: no employment at the start, so its growth rate (and the "
                         "Esteban-Marquillas split) is undefined")
        rows.append(ShiftShareRow(code, start, end, start * g_national, start * (g_industry - g_national),
                                  regional, homothetic, competitive, allocation))
    return ShiftShare(tuple(rows), g_national, tuple(notes))
