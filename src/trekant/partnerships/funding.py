"""Funding sums by theme, municipality, source and year (pure).

How a partnership's money is divided, and said so in every report:
* municipality: a funding line that names a municipality belongs to it alone ("line"); otherwise
  the partnership's `shares` from its file divide it ("file"); otherwise it is split evenly among
  the participating municipalities ("even"); a partnership with no municipality is "unallocated".
* theme: split evenly among the partnership's themes, so the theme sums add up to the total.
* year: a line without a published year is counted under "unknown".
Every bucket also carries the part of it that comes from demo partnerships (`demo_dkk`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from trekant.partnerships.model import FUNDING_SOURCES, THEMES, Funding, Partnership

UNALLOCATED = "unallocated"
UNKNOWN_YEAR = "unknown"
METHOD = ("municipality: the line's own municipality, else the shares in the partnership's file, else an even split "
          "among its municipalities; theme: an even split among the partnership's themes; year: lines without a "
          "published year under 'unknown'")


def municipality_split(partnership: Partnership, line: Funding) -> tuple[str, dict[str, float]]:
    """How one funding line divides among municipalities: (rule, {municipality: fraction})."""
    if line.municipality:
        return "line", {line.municipality: 1.0}
    if partnership.shares:
        return "file", dict(partnership.shares)
    if partnership.municipalities:
        share = 1.0 / len(partnership.municipalities)
        return "even", {m: share for m in partnership.municipalities}
    return "none", {UNALLOCATED: 1.0}


class _Sums:
    """amount and demo amount per bucket, in first-seen order after the given keys."""

    def __init__(self, keys: Iterable[str] = ()):
        self.amount: dict[str, float] = defaultdict(float, {k: 0.0 for k in keys})
        self.demo: dict[str, float] = defaultdict(float, {k: 0.0 for k in keys})

    def add(self, key: str, amount: float, is_demo: bool) -> None:
        self.amount[key] += amount
        self.demo[key] += amount if is_demo else 0.0

    def rows(self, name: str) -> list[dict]:
        return [{name: k, "amount_dkk": round(v, 2), "demo_dkk": round(self.demo[k], 2)} for k, v in self.amount.items()]


def report(partnerships: Iterable[Partnership], municipalities: Iterable[str] = ()) -> dict:
    """Sums of every funding line of these partnerships; `municipalities` are listed even at 0."""
    themes, places, sources = _Sums(THEMES), _Sums(municipalities), _Sums(FUNDING_SOURCES)
    years, splits, total, demo = _Sums(), [], 0.0, 0.0
    for p in partnerships:
        rules = set()
        for line in p.funding:
            total += line.amount_dkk
            demo += line.amount_dkk if p.is_demo else 0.0
            for theme in p.themes:
                themes.add(theme, line.amount_dkk / len(p.themes), p.is_demo)
            rule, fractions = municipality_split(p, line)
            rules.add(rule)
            for place, fraction in fractions.items():
                places.add(place, line.amount_dkk * fraction, p.is_demo)
            sources.add(line.source, line.amount_dkk, p.is_demo)
            years.add(str(line.year) if line.year is not None else UNKNOWN_YEAR, line.amount_dkk, p.is_demo)
        if p.funding:
            splits.append(dict(partnership=p.key, municipality_split=sorted(rules), themes=list(p.themes),
                               total_dkk=round(p.funding_total_dkk, 2), demo=p.is_demo))
    ordered_years = sorted(years.amount, key=lambda y: (y == UNKNOWN_YEAR, y))
    by_year = years.rows("year")
    by_year.sort(key=lambda r: ordered_years.index(r["year"]))
    return dict(total_dkk=round(total, 2), demo_dkk=round(demo, 2), demo=demo > 0,
                by_theme=themes.rows("theme"), by_municipality=places.rows("municipality"),
                by_source=sources.rows("source"), by_year=by_year, partnerships=splits, method=METHOD)
