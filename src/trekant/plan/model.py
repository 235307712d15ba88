"""Plain data of the joint municipal plan: field lists, check options and check results.

Plan frames travel between modules as GeoDataFrames in EPSG:25832 whose columns are the
Plandata.dk attribute names in FRAME_COLUMNS plus `geometry` (a MultiPolygon).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from trekant.plan.layers import KOMMUNEPLANRAMME, MEASURE_RANGES

STORE_CRS = "EPSG:25832"

MEASURE_COLUMNS = tuple(MEASURE_RANGES)
FRAME_COLUMNS = KOMMUNEPLANRAMME.columns
# The rules compared across a border by the equal-conditions check (bebygpct only where bebygpctaf agrees).
RULE_COLUMNS = ("bebygpct", "maxetager", "maxbygnhjd", "minuds", "minmiljo", "maxmiljo")

# Sensitive uses (anvgen): housing, mixed housing/business, recreation, summer houses, public.
DEFAULT_SENSITIVE_USES = (11, 21, 51, 61, 71)
CANCELLED = "A"
LIVE_STATUSES = ("K", "F", "KV", "V")  # everything but cancelled (aflyst)
ADOPTED = "V"
PROPOSED = "F"
# What Plandata itself publishes: proposals in public consultation, adopted and cancelled plans.
# Drafts (K kladde til forslag, KV kladde til vedtaget) are a municipality's work in progress.
PUBLISHED_STATUSES = ("F", "V", "A")

DEMO_PREFIX = "DEMO-"
DESIGNATION_THEMES = ("transport_logistics", "wind", "solar", "ptx", "green_corridor", "production")

# Plandata's geometry rules measure against the 1:500,000 DAGI boundaries the store holds:
# 0.5 mm on a 1:500,000 map is 250 m, about the generalisation error of those outlines.
OUTSIDE_TOLERANCE_M = 250.0
MAX_TOLERANCE_M = 10_000.0  # a --tolerance-m or --touch-distance-m beyond this is a typing error
MIN_POLYGON_AREA_M2 = 1.0
# The consequence zone around areas reserved for production companies (Planning Act as amended by
# act no. 668 of 8 June 2017; Erhvervsstyrelsen: "en 500 m konsekvenszone"); a designation may give its own.
CONSEQUENCE_ZONE_M = 500.0


@dataclass(frozen=True)
class CheckOptions:
    """What the cross-border checks look at; every default is documented in docs/plan.md."""

    sensitive_uses: tuple[int, ...] = DEFAULT_SENSITIVE_USES
    within_municipality: bool = False  # also report conflicts inside one municipality
    touch_distance_m: float = 20.0  # frames this close across a border "touch"
    overlap_min_m2: float = 1.0  # overlaps smaller than this are drawing noise
    outside_tolerance_m: float = OUTSIDE_TOLERANCE_M
    statuses: tuple[str, ...] = LIVE_STATUSES  # the plans checked, against each other and adopted plans
    consequence_zone_m: float = CONSEQUENCE_ZONE_M  # around frame-derived production areas


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
    not_comparable: dict = field(default_factory=dict)  # field → {values, bebygpctaf, reason}

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
class ConsequenceConflict:
    """A sensitive use planned inside the consequence zone around another municipality's area
    reserved for production companies (Planning Act, as amended in 2017)."""

    production_id: str  # the designation id, or the planid of the frame the area comes from
    origin: str  # designation | frame
    production_komnr: str  # the municipality (or municipalities, comma separated) of the area
    zone_m: float  # the width of its consequence zone
    sensitive_layer: str  # kommuneplanramme | lokalplan | delomraade
    sensitive_planid: str
    sensitive_komnr: str
    sensitive_anvgen: int
    sensitive_status: str
    distance_m: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CheckResult:
    conflicts: list[Conflict]
    unequal_conditions: list[UnequalCondition]
    border_overlaps: list[BorderOverlap]
    frames: int
    demo: bool
    consequence_conflicts: list[ConsequenceConflict] = field(default_factory=list)
    cannot_check: list[dict] = field(default_factory=list)  # business/technical frames without a class
    statuses: tuple[str, ...] = LIVE_STATUSES
    production_areas: int = 0

    def to_dict(self) -> dict:
        return dict(
            demo=self.demo,
            frames=self.frames,
            statuses=list(self.statuses),
            conflicts=[c.to_dict() for c in self.conflicts],
            unequal_conditions=[u.to_dict() for u in self.unequal_conditions],
            border_overlaps=[b.to_dict() for b in self.border_overlaps],
            consequence_conflicts=[c.to_dict() for c in self.consequence_conflicts],
            production_areas=self.production_areas,
            cannot_check=dict(count=len(self.cannot_check), frames=self.cannot_check),
        )


@dataclass(frozen=True)
class Finding:
    """A data-quality finding of a register mirror: a rule the stored (or skipped) feature breaks,
    and what the import did about it (kept as it is, repaired, value removed, or skipped)."""

    layer: str
    komnr: str | None
    planid: str | None
    status: str | None
    code: str
    severity: str  # error | warning: how Plandata's rules rate it
    action: str  # kept | repaired | value-removed | skipped
    field: str | None
    message: str
    source: str

    def key(self) -> tuple:
        """What makes two findings the same finding (re-importing the same export finds the same)."""
        return (self.layer, self.komnr, self.planid, self.code, self.action, self.field, self.message)

    def to_dict(self) -> dict:
        return asdict(self)


FINDING_ACTIONS = ("kept", "repaired", "value-removed", "skipped")


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: new features, new versions of known ones, unchanged and withdrawn ones;
    for a register mirror also what it repaired, skipped and left out, and its findings."""

    imported: int
    new_frames: int
    new_versions: int
    unchanged: int
    issues: list
    source: str
    layer: str = "kommuneplanramme"
    mode: str = "submission"  # submission | mirror
    withdrawn: int = 0
    skipped: int = 0
    left_out: dict = field(default_factory=dict)  # komnr → features of municipalities outside the region
    findings: list = field(default_factory=list)  # Finding, mirror mode only

    def to_dict(self) -> dict:
        return dict(layer=self.layer, mode=self.mode, imported=self.imported, new_frames=self.new_frames,
                    new_versions=self.new_versions, unchanged=self.unchanged, withdrawn=self.withdrawn,
                    skipped=self.skipped, left_out=self.left_out, findings=len(self.findings),
                    findings_by_action={a: sum(f.action == a for f in self.findings) for a in FINDING_ACTIONS
                                        if any(f.action == a for f in self.findings)},
                    source=self.source, issues=[i.to_dict() for i in self.issues])
