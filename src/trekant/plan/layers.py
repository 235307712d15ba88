"""The Plandata layers the register holds: kommuneplanrammer, lokalplaner, lokalplan-delområder, zonekort.

Each kind is a layer of its own, in the store (one table) and in exports, with the fields
Plandata's layer of that kind carries. Proposals (forslag) and adopted plans (vedtaget) of one
kind share the table and differ in `status`: a plan keeps its planid from proposal to adoption,
so its adoption is a new version of the same plan, not a second plan. Plandata serves them as
separate WFS layers (`…_forslag…`, `…_vedtaget…`), named here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TEXT, CODE, MEASURE, DATE, FLAG = "text", "code", "measure", "date", "flag"

# Plausible ranges; a value outside is a typing error (e.g. 4500 for 45 %), not a rule.
MEASURE_RANGES = {
    "bebygpct": (0.0, 1000.0),  # building percentage (floor area / plot area × 100)
    "maxetager": (0.0, 100.0),  # storeys
    "maxbygnhjd": (0.0, 400.0),  # metres
    "minuds": (0.0, 1.0e8),  # minimum plot size, m²
}

_HEAD = (("planid", TEXT), ("komnr", TEXT))
_RULES = (
    ("anvgen", CODE), ("anvspec", CODE), ("zone", CODE),
    ("bebygpct", MEASURE), ("bebygpctaf", CODE), ("maxetager", MEASURE), ("maxbygnhjd", MEASURE), ("minuds", MEASURE),
    ("minmiljo", CODE), ("maxmiljo", CODE),
)
_LIFE = (("status", TEXT), ("datoforsl", DATE), ("datovedt", DATE), ("datoikraft", DATE), ("datoaflyst", DATE),
         ("doklink", TEXT))
_NAMES = (("plantype", TEXT), ("plannr", TEXT), ("plannavn", TEXT))
_FLAGS = (("kompleks", FLAG), ("iomfangreg", FLAG))


@dataclass(frozen=True)
class PlanLayer:
    """One kind of plan layer: its store table, its fields and where Plandata serves it."""

    kind: str  # kommuneplanramme | lokalplan | delomraade | zonekort
    table: str  # the store table
    export_name: str  # the layer name in GeoPackage exports (one per status: <name>_vedtaget, <name>_forslag)
    fields: tuple[tuple[str, str], ...]  # (name, type) in store order
    required: tuple[str, ...]  # fields a submission must fill
    wfs: dict[str, str] = field(default_factory=dict)  # status code → Plandata WFS layer name
    words: tuple[str, ...] = ()  # words in a file's layer name that say it is this kind
    plantype: str | None = None  # the whole-number part of Plandata's plantype (10 kommuneplan, 20 lokalplan)
    default_status: str | None = None  # for layers that carry no status (the zone map is in force)
    names: tuple[str, str] = ("", "")  # Danish, English

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.fields)

    def of_type(self, kind: str) -> tuple[str, ...]:
        return tuple(name for name, t in self.fields if t == kind)

    @property
    def numeric(self) -> tuple[str, ...]:
        return self.of_type(CODE) + self.of_type(MEASURE)

    @property
    def rules(self) -> tuple[str, ...]:
        """The planning rules of a feature (what `plan at` lists and the equal-conditions check compares)."""
        return tuple(c for c in ("bebygpct", "bebygpctaf", "maxetager", "maxbygnhjd", "minuds", "minmiljo", "maxmiljo")
                     if c in self.columns)


KOMMUNEPLANRAMME = PlanLayer(
    kind="kommuneplanramme", table="plan_frame", export_name="kommuneplanramme",
    # The order of the first columns is the store's since 0100_plan_frames; 0101 added the last three.
    fields=(_HEAD[0], _HEAD[1], ("plannr", TEXT), ("plannavn", TEXT), ("anvgen", CODE), ("anvspec", CODE),
            ("fzone", CODE), ("zone", CODE), ("bebygpct", MEASURE), ("maxetager", MEASURE), ("maxbygnhjd", MEASURE),
            ("minuds", MEASURE), ("minmiljo", CODE), ("maxmiljo", CODE), *_LIFE,
            ("plantype", TEXT), ("bebygpctaf", CODE), ("komplan_id", TEXT)),
    required=("planid", "komnr", "anvgen"),
    wfs={"V": "theme_pdk_kommuneplanramme_vedtaget_v", "F": "theme_pdk_kommuneplanramme_forslag_v"},
    words=("kommuneplanramme", "ramme", "frame"), plantype="10",
    names=("kommuneplanrammer", "municipal plan frames"),
)
LOKALPLAN = PlanLayer(
    kind="lokalplan", table="plan_local_plan", export_name="lokalplan",
    fields=(*_HEAD, *_NAMES, *_RULES, *_LIFE, *_FLAGS),
    required=("planid", "komnr", "anvgen"),
    wfs={"V": "theme_pdk_lokalplan_vedtaget", "F": "theme_pdk_lokalplan_forslag"},
    words=("lokalplan", "local"), plantype="20",
    names=("lokalplaner", "local plans"),
)
DELOMRAADE = PlanLayer(
    kind="delomraade", table="plan_subarea", export_name="lokalplandelomraade",
    fields=(*_HEAD, ("lokplan_id", TEXT), ("delnr", TEXT), *_NAMES, *_RULES, *_LIFE, *_FLAGS),
    required=("planid", "komnr", "lokplan_id"),
    wfs={"V": "theme_pdk_lokalplandelomraade_vedtaget", "F": "theme_pdk_lokalplandelomraade_forslag"},
    words=("delomraade", "delområde", "delomr", "subarea"), plantype="20",
    names=("lokalplan-delområder", "local plan sub-areas"),
)
ZONEKORT = PlanLayer(
    kind="zonekort", table="plan_zone", export_name="zonekort",
    fields=(*_HEAD, ("zone", CODE), ("status", TEXT), ("datoikraft", DATE), ("doklink", TEXT)),
    required=("planid", "komnr", "zone"),
    wfs={"V": "theme_pdk_zonekort_v"},
    words=("zonekort", "zone_map"), default_status="V",
    names=("zonekort", "zone map"),
)

LAYERS: dict[str, PlanLayer] = {layer.kind: layer for layer in (KOMMUNEPLANRAMME, LOKALPLAN, DELOMRAADE, ZONEKORT)}
# The order planners ask "what applies here?": the most specific plan first, the zone last.
CASCADE = ("delomraade", "lokalplan", "kommuneplanramme", "zonekort")


def layer(kind: str) -> PlanLayer:
    """The layer of a kind name (KeyError when there is none: callers check user input first)."""
    return LAYERS[kind]


def kind_of_wfs_layer(name: str) -> tuple[str, str] | None:
    """(kind, status) of a Plandata WFS layer name, with or without its `pdk:` prefix."""
    bare = name.split(":", 1)[-1]
    for spec in LAYERS.values():
        for status, wfs_name in spec.wfs.items():
            if bare == wfs_name:
                return spec.kind, status
    return None


def kind_from_name(name: str) -> str | None:
    """The kind a layer or file name says it holds ('…delomraade…' before '…lokalplan…', which it contains)."""
    lower = name.lower()
    for kind in ("delomraade", "zonekort", "lokalplan", "kommuneplanramme"):
        if any(word in lower for word in LAYERS[kind].words):
            return kind
    return None
