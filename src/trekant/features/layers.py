"""The spatial layers the platform publishes (OGC API Features collections), one record each.

A layer names its table, the column that identifies a feature, the properties it shows (name →
column) and who may see which rows: anonymous users see published data only — of the plan layers
the plans Plandata itself publishes (plan.model.PUBLISHED_STATUSES: adopted, and proposals in
public consultation), never a municipality's drafts (K, KV) — and signed-in users of the
cooperation every live plan. Cancelled plans (A) are not part of the current plan for anyone.
The conflict layer has no table: it is computed from the frames a user may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Boolean, Date, DateTime, Double, Integer, Table, true
from sqlalchemy.sql.elements import ColumnElement

from trekant.plan.layers import DELOMRAADE, KOMMUNEPLANRAMME, LOKALPLAN, ZONEKORT, PlanLayer
from trekant.plan.model import LIVE_STATUSES, PUBLISHED_STATUSES
from trekant.store.schema import all_tables
from trekant.store.schema.core import municipality
from trekant.store.schema.infrastructure import infra_project
from trekant.store.schema.plan import plan_designation

PUBLIC_STATUSES = tuple(s for s in LIVE_STATUSES if s in PUBLISHED_STATUSES)  # proposals and adopted plans
VERSION_PROPERTIES = ("area_m2", "version", "valid_from", "is_demo")

# JSON Schema types of properties, also how a ?name=value filter is read.
STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME = "string", "integer", "number", "boolean", "date", "date-time"


@dataclass(frozen=True)
class Layer:
    """One published collection."""

    id: str
    title: tuple[str, str]  # (Danish, English)
    description: tuple[str, str]
    geometry_type: str  # GeoJSON type name
    key: str  # property whose value is the feature id
    properties: dict[str, str] = field(default_factory=dict)  # property → column (tables) or type (computed)
    table: Table | None = None
    versioned: bool = False  # current versions only; valid_from is the temporal extent

    def visible(self, published_only: bool) -> list[ColumnElement]:
        """SQL conditions of the rows this user may see (current versions; of plans, the published
        ones for the public and the live ones for the cooperation)."""
        if self.table is None:
            return []
        conditions = [self.table.c.is_current.is_(True)] if self.versioned else []
        if self.versioned and "status" in self.table.c:
            conditions.append(self.table.c.status.in_(visible_statuses(published_only)))
        return conditions or [true()]

    def column(self, prop: str):
        return self.table.c[self.properties[prop]]

    def property_type(self, prop: str) -> str:
        if self.table is None:
            return self.properties[prop]
        return column_type(self.column(prop).type)


def visible_statuses(published_only: bool) -> tuple[str, ...]:
    return PUBLIC_STATUSES if published_only else LIVE_STATUSES


def column_type(sql_type) -> str:
    for kind, name in ((Boolean, BOOLEAN), (Integer, INTEGER), (Double, NUMBER), (DateTime, DATETIME), (Date, DATE)):
        if isinstance(sql_type, kind):
            return name
    return STRING


def _same(*columns: str) -> dict[str, str]:
    return {c: c for c in columns}


MUNICIPALITIES = Layer(
    id="municipalities",
    title=("Kommuner", "Municipalities"),
    description=("Kommunegrænser (DAGI, 1:500.000); in_region: en af regionens kommuner",
                 "Municipal boundaries (DAGI, 1:500,000); in_region: one of the region's municipalities"),
    geometry_type="MultiPolygon",
    key="komnr",
    properties={"komnr": "code", "name": "name", "in_region": "in_region"},
    table=municipality,
)

def _plan_layer(spec: PlanLayer, collection_id: str, what: tuple[str, str]) -> Layer:
    """A collection over one of the plan register's layers, with Plandata's fields."""
    names = tuple(n[:1].upper() + n[1:] for n in spec.names)
    return Layer(
        id=collection_id,
        title=names,
        description=(f"Gældende {spec.names[0]} ({what[0]}; Plandatas attributter); offentligt: vedtagne og forslag, "
                     "aldrig kladder",
                     f"Current {spec.names[1]} ({what[1]}; Plandata's attributes); public: adopted and proposed, "
                     "never drafts"),
        geometry_type="MultiPolygon",
        key="planid",
        properties=_same(*spec.columns, *VERSION_PROPERTIES),
        table=all_tables()[spec.table],
        versioned=True,
    )


PLAN_FRAMES = _plan_layer(KOMMUNEPLANRAMME, "plan_frames", ("kommuneplanrammer", "municipal plan frames"))
LOCAL_PLANS = _plan_layer(LOKALPLAN, "local_plans", ("lokalplaner", "local plans"))
LOCAL_PLAN_SUBAREAS = _plan_layer(DELOMRAADE, "local_plan_subareas", ("delområder", "sub-areas"))
ZONE_MAP = _plan_layer(ZONEKORT, "zone_map", ("by-, land- og sommerhuszone", "urban, rural and summer-house zones"))

PLAN_DESIGNATIONS = Layer(
    id="plan_designations",
    title=("Fælles udpegninger", "Joint designations"),
    description=("Regionens fælles udpegninger (transport og logistik, vind, sol, PtX, grønne korridorer)",
                 "The region's joint designations (transport and logistics, wind, solar, PtX, green corridors)"),
    geometry_type="MultiPolygon",
    key="designation_id",
    properties=_same("designation_id", "theme", "name", "description", "municipalities", "area_m2", "version",
                     "valid_from", "is_demo"),
    table=plan_designation,
    versioned=True,
)

INFRASTRUCTURE_PROJECTS = Layer(
    id="infrastructure_projects",
    title=("Infrastrukturprojekter", "Infrastructure projects"),
    description=("Porteføljen af infrastrukturprojekter; is_illustrative: illustrative tal",
                 "The infrastructure project portfolio; is_illustrative: illustrative figures"),
    geometry_type="Geometry",
    key="key",
    properties=_same("key", "name", "name_en", "mode", "status", "opening_year", "lifetime_years", "price_year",
                     "construction_total_dkk", "is_illustrative"),
    table=infra_project,
)

PLAN_CONFLICTS = Layer(
    id="plan_conflicts",
    title=("Åbne konflikter på tværs af grænser", "Open cross-border conflicts"),
    description=("Miljøkonflikter: en ramme der tillader en miljøklasse nærmere en følsom ramme i nabokommunen "
                 "end den anbefalede afstand; linjen er den korteste afstand mellem de to rammer",
                 "Environmental conflicts: a frame allowing an environmental class closer to a sensitive frame "
                 "in the neighbouring municipality than the recommended distance; the line is the shortest "
                 "distance between the two frames"),
    geometry_type="LineString",
    key="conflict_id",
    properties={"conflict_id": STRING, "source_planid": STRING, "source_komnr": STRING, "source_class": INTEGER,
                "sensitive_planid": STRING, "sensitive_komnr": STRING, "sensitive_anvgen": INTEGER,
                "distance_m": NUMBER, "required_m": NUMBER, "is_demo": BOOLEAN},
)

LAYERS = {layer.id: layer for layer in (MUNICIPALITIES, PLAN_FRAMES, LOCAL_PLANS, LOCAL_PLAN_SUBAREAS, ZONE_MAP,
                                        PLAN_DESIGNATIONS, INFRASTRUCTURE_PROJECTS, PLAN_CONFLICTS)}
