"""What applies at a point, in the order planners ask (pure): delområde → lokalplan →
kommuneplanramme → zone, each with its rules and the link to its PDF, and which one governs.

Which governs: the most specific adopted plan covering the point. A lokalplan binds the owners of
the land it covers, and where it has sub-areas, the sub-area's rules are the ones that apply; its
PDF is the law. Without a local plan the kommuneplanramme sets the framework (it binds the
municipality's own planning; in byzone and sommerhusområde the municipality may refuse building
against it, planlovens § 12, stk. 2). Without any plan the zone decides: in landzone, building and
a new use need a landzone permit (planlovens § 35). A published local plan proposal has temporary
legal effect while it is in consultation (planlovens § 17): it is named beside what governs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from trekant.plan.codes import CodeLists
from trekant.plan.layers import CASCADE, LAYERS
from trekant.plan.model import ADOPTED, PROPOSED

REASONS = {
    "delomraade": "the sub-area of the local plan covering the point: its rules apply (the local plan binds the land)",
    "lokalplan": "the local plan covering the point binds the land",
    "kommuneplanramme": "no local plan covers the point: the municipal plan frame sets the framework",
    "zonekort": "no plan covers the point: the zone decides (landzone: a landzone permit, planlovens § 35)",
    "none": "the register holds no adopted plan or zone at the point",
}
RULES = ("bebygpct", "bebygpctaf", "maxetager", "maxbygnhjd", "minuds", "minmiljo", "maxmiljo")
M2_PER_HA = 10_000.0
# What feature_record reads of a feature (those a layer has): the point query reads no more.
RECORD_READ = ("planid", "komnr", "plannr", "plannavn", "status", "anvgen", "zone", *RULES, "doklink", "datoikraft",
               "lokplan_id", "delnr", "komplan_id", "kompleks", "iomfangreg", "area_m2", "is_demo")


def plain(value):
    """A value fit for JSON: NA → None, numpy → Python, whole floats as int, dates as ISO text."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def feature_record(row: Mapping, kind: str, codes: CodeLists, names: Mapping[str, str]) -> dict:
    """One plan at the point: who, what status, its use and rules (with what bebygpct is a
    percentage of), its PDF, and the notes its flags carry."""
    value = {k: plain(row.get(k)) for k in row.keys() if k != "geometry"}
    anvgen = value.get("anvgen")
    record = dict(level=kind, planid=value["planid"], komnr=value["komnr"], municipality=names.get(value["komnr"]),
                  plannr=value.get("plannr"), plannavn=value.get("plannavn"), status=value["status"],
                  status_name=codes.status.get(value["status"], (None,))[0], anvgen=anvgen,
                  use=codes.anvgen.get(anvgen, (None,))[0] if anvgen is not None else None,
                  zone=value.get("zone"), zone_name=codes.zone.get(value.get("zone"), (None,))[0], rules={k: value[k] for k in RULES if value.get(k) is not None},
                  doklink=value.get("doklink"), datoikraft=value.get("datoikraft"),
                  area_ha=round((value.get("area_m2") or 0.0) / M2_PER_HA, 2), is_demo=bool(value.get("is_demo")))
    if record["rules"].get("bebygpctaf") is not None:
        record["rules"]["bebygpct_of"] = codes.bebygpctaf.get(record["rules"]["bebygpctaf"], (None,))[0]
    for key in ("lokplan_id", "delnr", "komplan_id"):
        if value.get(key) is not None:
            record[key] = value[key]
    notes = []
    if value.get("kompleks"):
        notes.append("kompleks")  # the rules are too complex for the fields: read the PDF
    if value.get("iomfangreg"):
        notes.append("iomfangreg")  # the fields do not show every rule on the extent of building
    record["notes"] = notes
    return record


def _governs(levels: dict[str, list[dict]]) -> dict:
    adopted = {kind: [r for r in records if r["status"] == ADOPTED] for kind, records in levels.items()}
    for kind in ("delomraade", "lokalplan", "kommuneplanramme"):
        if adopted.get(kind):
            first = adopted[kind][0]
            return dict(level=kind, planid=first["planid"], plannr=first.get("plannr"), doklink=first.get("doklink"),
                        lokplan_id=first.get("lokplan_id"), reason=kind, text=REASONS[kind])
    if adopted.get("zonekort"):
        return dict(level="zonekort", planid=adopted["zonekort"][0]["planid"], plannr=None, doklink=None, lokplan_id=None,
                    reason="zonekort", text=REASONS["zonekort"])
    return dict(level=None, planid=None, plannr=None, doklink=None, lokplan_id=None, reason="none", text=REASONS["none"])


def _zone(levels: dict[str, list[dict]], codes: CodeLists) -> dict:
    """The zone from the zone map; without it, from the most specific adopted plan that states one."""
    for kind in ("zonekort", "delomraade", "lokalplan", "kommuneplanramme"):
        for record in levels.get(kind, []):
            if record["status"] == ADOPTED and record.get("zone") is not None:
                zone = record["zone"]
                return dict(zone=zone, name=codes.zone.get(zone, (None,))[0], source=kind, planid=record["planid"])
    return dict(zone=None, name=None, source=None, planid=None)


def cascade(found: Mapping[str, Sequence[Mapping]], codes: CodeLists, names: Mapping[str, str]) -> dict:
    """The cascade from the features of each layer covering the point (already filtered by status),
    given as records (column → value) per layer kind."""
    levels = {}
    for kind in CASCADE:
        rows = list(found.get(kind) or [])
        order = {ADOPTED: 0, PROPOSED: 1}
        rows.sort(key=lambda r: (order.get(r["status"], 2), str(r["planid"])))
        levels[kind] = [feature_record(r, kind, codes, names) for r in rows]
    proposals = [dict(level=kind, planid=r["planid"], plannr=r.get("plannr"), doklink=r.get("doklink"))
                 for kind in ("delomraade", "lokalplan") for r in levels[kind] if r["status"] == PROPOSED]
    return dict(levels=[dict(level=kind, name=LAYERS[kind].names[0], features=levels[kind]) for kind in CASCADE],
                governs=_governs(levels), zone=_zone(levels, codes), proposals=proposals,
                demo=any(r["is_demo"] for records in levels.values() for r in records))
