"""The region's published growth claims (data/published_claims.yaml) and their checks.

A claim is checked on its value and its rank, twice where possible:
- against the figures the same publication gives for the other areas (its own table), which
  needs no data in the store;
- against a series in the store for the same measure and geography (the computed growth, its
  difference from the published value in percentage points, and the rank among the peers).
A series for another geography (a province instead of the region) or another measure is never
used to confirm or refute a claim: the check says so instead.
Pure: the service reads the store and passes plain values in.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from trekant.region.model import DENMARK

TOLERANCE_PP = 0.05  # a published figure rounded to one decimal matches within half a tenth


@lru_cache(maxsize=1)
def _claims() -> tuple[dict, ...]:
    path = Path(str(resources.files("trekant.economy") / "data" / "published_claims.yaml"))
    return tuple(yaml.safe_load(path.read_text(encoding="utf-8"))["claims"])


def claims_for(region: str) -> list[dict]:
    return [dict(c) for c in _claims() if c["region"] == region]


def rank_of(growths: dict[str, float], subject: str) -> tuple[int, int, str]:
    """(rank, number compared, leader) among the areas other than Denmark as a whole; ties share a rank."""
    areas = {a: g for a, g in growths.items() if a != DENMARK}
    mine = areas[subject]
    rank = 1 + sum(1 for a, g in areas.items() if a != subject and g > mine)
    leader = max(areas, key=lambda a: (areas[a], a))
    return rank, len(areas), leader


def check_publication_table(claim: dict) -> dict | None:
    """The claim against the publication's own table: value (if the same window) and rank."""
    table = claim.get("published_table")
    if not table:
        return None
    growths = {str(k): float(v) for k, v in table["growth_pct"].items()}
    rank, count, leader = rank_of(growths, claim["region"])
    start, end = (str(p) for p in table["window"])
    same_window = (start, end) == (str(claim["start"]), str(claim["end"]))
    value_matches = None
    if same_window and claim.get("growth_pct") is not None:
        value_matches = abs(growths[claim["region"]] - float(claim["growth_pct"])) <= TOLERANCE_PP
    claimed = claim.get("claimed_rank")
    return {"start_period": start, "end_period": end, "same_window_as_claim": same_window,
            "region_growth_pct": growths[claim["region"]], "rank": rank, "compared": count, "leader": leader,
            "leader_growth_pct": growths[leader], "growth_pct": growths,
            "value_matches": value_matches, "rank_as_claimed": None if claimed is None else rank == claimed}


def check_series(claim: dict, growths: dict[str, float]) -> dict:
    """The claim against growths computed from the store for the claim's own window, measure and geography."""
    region = claim["region"]
    computed = growths[region]
    rank, count, leader = rank_of(growths, region)
    published = claim.get("growth_pct")
    claimed = claim.get("claimed_rank")
    return {"computed_growth_pct": computed, "published_growth_pct": published,
            "difference_pp": None if published is None else computed - float(published),
            "value_matches": None if published is None else abs(computed - float(published)) <= TOLERANCE_PP,
            "rank": rank, "compared": count, "leader": leader, "leader_growth_pct": growths[leader],
            "rank_as_claimed": None if claimed is None else rank == claimed}
