"""Plain data of the joint municipal plan: field lists, check options and check results.

Plan frames travel between modules as GeoDataFrames in EPSG:25832 whose columns are the
Plandata.dk attribute names in FRAME_COLUMNS plus `geometry` (a MultiPolygon).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

STORE_CRS = "EPSG:25832"

TEXT_COLUMNS = ("planid", "komnr", "plannr", "plannavn", "status", "doklink")
CODE_COLUMNS = ("anvgen", "anvspec", "fzone", "zone", "minmiljo", "maxmiljo")
# Plausible ranges; a value outside is a typing error (e.g. 4500 for 45 %), not a rule.
MEASURE_RANGES = {
    "bebygpct": (0.0, 1000.0),  # building percentage (floor area / plot area × 100)
    "maxetager": (0.0, 100.0),  # storeys
    "maxbygnhjd": (0.0, 400.0),  # metres
    "minuds": (0.0, 1.0e8),  # minimum plot size, m²
}
MEASURE_COLUMNS = tuple(MEASURE_RANGES)
DATE_COLUMNS = ("datoforsl", "datovedt", "datoikraft", "datoaflyst")
FRAME_COLUMNS = (
    "planid", "komnr", "plannr", "plannavn", "anvgen", "anvspec", "fzone", "zone",
    *MEASURE_COLUMNS, "minmiljo", "maxmiljo", "status", *DATE_COLUMNS, "doklink",
)
# The rules compared across a border by the equal-conditions check.
RULE_COLUMNS = ("bebygpct", "maxetager", "maxbygnhjd", "minuds", "minmiljo", "maxmiljo")

# Sensitive uses (anvgen): housing, mixed housing/business, recreation, summer houses, public.
DEFAULT_SENSITIVE_USES = (11, 21, 51, 61, 71)
CANCELLED = "A"
LIVE_STATUSES = ("K", "F", "KV", "V")  # everything but cancelled (aflyst)
ADOPTED = "V"

DEMO_PREFIX = "DEMO-"
DESIGNATION_THEMES = ("transport_logistics", "wind", "solar", "ptx", "green_corridor")

# Plandata's geometry rules measure against the 1:500,000 DAGI boundaries the store holds:
# 0.5 mm on a 1:500,000 map is 250 m, about the generalisation error of those outlines.
OUTSIDE_TOLERANCE_M = 250.0
MAX_TOLERANCE_M = 10_000.0  # a --tolerance-m or --touch-distance-m beyond this is a typing error
MIN_POLYGON_AREA_M2 = 1.0


@dataclass(frozen=True)
class CheckOptions:
    """What the cross-border checks look at; every default is documented in docs/plan.md."""

    sensitive_uses: tuple[int, ...] = DEFAULT_SENSITIVE_USES
    within_municipality: bool = False  # also report conflicts inside one municipality
    touch_distance_m: float = 20.0  # frames this close across a border "touch"
    overlap_min_m2: float = 1.0  # overlaps smaller than this are drawing noise
    outside_tolerance_m: float = OUTSIDE_TOLERANCE_M
    statuses: tuple[str, ...] = LIVE_STATUSES


@dataclass(frozen=True)
class Conflict:
    """A frame allowing environmental class `source_class` closer than `required_m` to a sensitive frame."""

    source_planid: str
    source_komnr: str
    source_class: int
    sensitive_planid: str
    sensitive_komnr: str
    sensitive_anvgen: int
    distance_m: float
    required_m: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class UnequalCondition:
    """Two frames of the same use touching across a border with different rules."""

    planid_a: str
    komnr_a: str
    planid_b: str
    komnr_b: str
    anvgen: int
    distance_m: float
    differences: dict = field(default_factory=dict)  # field → [value a, value b]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class BorderOverlap:
    """kind "frames-overlap": two municipalities' frames overlap; "into-neighbour": a frame
    reaches beyond the boundary tolerance into a neighbouring municipality."""

    kind: str
    planid_a: str
    komnr_a: str
    planid_b: str | None
    komnr_b: str
    area_m2: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CheckResult:
    conflicts: list[Conflict]
    unequal_conditions: list[UnequalCondition]
    border_overlaps: list[BorderOverlap]
    frames: int
    demo: bool

    def to_dict(self) -> dict:
        return dict(
            demo=self.demo,
            frames=self.frames,
            conflicts=[c.to_dict() for c in self.conflicts],
            unequal_conditions=[u.to_dict() for u in self.unequal_conditions],
            border_overlaps=[b.to_dict() for b in self.border_overlaps],
        )


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: new frames, new versions of known frames, unchanged ones."""

    imported: int
    new_frames: int
    new_versions: int
    unchanged: int
    issues: list
    source: str

    def to_dict(self) -> dict:
        return dict(imported=self.imported, new_frames=self.new_frames, new_versions=self.new_versions,
                    unchanged=self.unchanged, source=self.source,
                    issues=[i.to_dict() for i in self.issues])
