"""Register mirror: what the national register publishes is stored as it is (pure).

A submission (a municipality's own plan) must meet Plandata's rules: any error refuses the file.
A mirror of what the register already publishes cannot refuse: the register holds older plans
that break today's rules. Here every issue of a mirrored feature becomes a data-quality finding
with what was done about it:

- kept: the feature is stored as the register has it (a rule broken, e.g. outside its municipality,
  an unknown code, no general use: stored as unknown);
- repaired: an explicit geometry repair (see repair.py);
- value-removed: a value that cannot be stored (not a number, not a date, NaN, a NUL in a text)
  is stored empty;
- skipped: what cannot be stored at all (no planid, no municipality, no status, no usable
  geometry, a repeated planid after its first feature).

Features of municipalities outside the region are left out, counted by municipality.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from trekant.errors import Issue
from trekant.plan.model import Finding
from trekant.plan.repair import Repairs

# (field, code) of a normalize issue that makes the feature unstorable; any field for "*".
UNSTORABLE = {
    ("planid", "missing-value"), ("planid", "invalid-value"), ("komnr", "missing-value"), ("komnr", "unknown-code"),
    ("status", "missing-value"), ("status", "unknown-code"), ("geometry", "missing-value"),
    ("geometry", "invalid-geometry"), ("geometry", "wrong-geometry-type"), ("geometry", "too-small"),
}
KEPT_AS_IS = {"status-mismatch"}  # a normalize issue whose value is stored as the file has it


@dataclass
class Mirrored:
    """The features to store and the findings about them."""

    frames: gpd.GeoDataFrame
    findings: list[Finding] = field(default_factory=list)
    skipped: int = 0
    left_out: dict[str, int] = field(default_factory=dict)


def outside_region(frames: gpd.GeoDataFrame, members: Sequence[str]) -> tuple[np.ndarray, dict[str, int]]:
    """Rows of municipalities outside the region (a file cut out by area holds the neighbours' plans
    too), and how many per municipality. Rows without a municipality stay: they become findings."""
    komnr = frames["komnr"]
    other = (komnr.notna() & ~komnr.isin(list(members))).to_numpy(dtype=bool)
    counts = komnr[other].value_counts().sort_index()
    return other, {str(k): int(v) for k, v in counts.items()}


def _row_of(frames: gpd.GeoDataFrame) -> dict[str, int]:
    return {label: row for row, label in enumerate(frames["where"])}


def _first_of_each_planid(frames: gpd.GeoDataFrame) -> np.ndarray:
    planid = frames["planid"]
    return (planid.notna() & planid.duplicated(keep="first")).to_numpy(dtype=bool)


def classify(frames: gpd.GeoDataFrame, normalized: list[Issue], validated: list[Issue], repairs: Repairs,
             layer: str, source: str) -> Mirrored:
    """Findings for every feature-level issue, the rows to skip, and the values to empty."""
    rows = _row_of(frames)
    skip = np.zeros(len(frames), dtype=bool)
    found: list[tuple[int, Issue, str]] = []  # (row, issue, action)
    for issue in normalized:
        row = rows.get(issue.where)
        if row is None:
            continue
        if (issue.field, issue.code) in UNSTORABLE:
            skip[row] = True
            found.append((row, issue, "skipped"))
        elif issue.code in KEPT_AS_IS or issue.severity == "warning":
            found.append((row, issue, "kept"))
        else:
            found.append((row, issue, "value-removed"))
    for row, code, message in repairs.skip:
        skip[row] = True
        found.append((row, Issue("error", code, source, frames["where"].iloc[row], message, "geometry"), "skipped"))
    for row, code, message in repairs.done:
        found.append((row, Issue("error", code, source, frames["where"].iloc[row], message, "geometry"), "repaired"))
    repeated = _first_of_each_planid(frames) & ~skip
    for row in np.flatnonzero(repeated):
        skip[row] = True
        found.append((row, Issue("error", "duplicate-planid", source, frames["where"].iloc[row],
                                 f"planid {frames['planid'].iloc[row]} occurs earlier in the file; the first is stored", "planid"),
                      "skipped"))
    for issue in validated:
        row = rows.get(issue.where)
        if row is None or skip[row] or issue.code == "duplicate-planid" and repeated[row]:
            continue
        if (issue.field, issue.code) in UNSTORABLE:  # left after the repairs: cannot be stored
            skip[row] = True
            found.append((row, issue, "skipped"))
            continue
        found.append((row, _worded_for_mirror(issue), "kept"))
    findings = [_finding(frames, row, issue, action, layer) for row, issue, action in found
                if action == "skipped" or not skip[row]]
    kept = _emptied(frames, found, skip)
    return Mirrored(kept[~skip].reset_index(drop=True), findings, int(skip.sum()))


def _worded_for_mirror(issue: Issue) -> Issue:
    if issue.code == "missing-value" and issue.field == "anvgen":
        return Issue(issue.severity, issue.code, issue.source, issue.where, "no general use (anvgen): stored as unknown",
                     issue.field)
    if issue.code == "duplicate-planid":
        return Issue(issue.severity, issue.code, issue.source, issue.where,
                     "the file holds this planid more than once; this first feature is stored", issue.field)
    return issue


def _emptied(frames: gpd.GeoDataFrame, found: list[tuple[int, Issue, str]], skip: np.ndarray) -> gpd.GeoDataFrame:
    """Values whose finding says value-removed are stored empty (a text with a NUL keeps nothing)."""
    cells = [(row, issue.field) for row, issue, action in found
             if action == "value-removed" and not skip[row] and issue.field in frames.columns]
    if not cells:
        return frames
    out = frames.copy()
    for row, column in cells:
        out.iloc[row, out.columns.get_loc(column)] = pd.NA if isinstance(out[column].dtype, pd.Int64Dtype) else None
    return out


def _finding(frames: gpd.GeoDataFrame, row: int, issue: Issue, action: str, layer: str) -> Finding:
    def cell(column):
        value = frames[column].iloc[row] if column in frames else None
        return None if value is None or pd.isna(value) else str(value)

    return Finding(layer=layer, komnr=cell("komnr"), planid=cell("planid"), status=cell("status"), code=issue.code,
                   severity=issue.severity, action=action, field=issue.field, message=issue.message, source=issue.source)
