"""A deterministic, clearly labelled synthetic plan for the region (pure: no I/O but the shipped CSVs).

Built from the real municipal boundaries and the real main-town coordinates: each town gets a
centre, a housing ring in sectors, mixed, public and recreational frames, and a business area
on the nearest motorway (an approximate E45/E20 alignment); the rest of each municipality is
rural land. Beside six real borders, frames are placed on purpose so that every check has
something true to find: three environmental conflicts, one pair that meets the distance, one
pair with unequal rules and one overlap. Every planid starts with DEMO- and is_demo is set.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import geopandas as gpd
import numpy as np
import shapely
import shapely.ops
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from trekant.plan.codes import data_dir
from trekant.plan.model import DEMO_PREFIX, FRAME_COLUMNS, STORE_CRS

# Demo building percentages are of each property (bebygpctaf 2, the commonest basis in the national register).
DEMO_BEBYGPCTAF = 2

DEMO_LABEL = "(demo)"
ADOPTED_ON = date(2021, 10, 13)
PROPOSED_ON = date(2026, 9, 1)
MOTORWAY_AREA_LENGTH_M, MOTORWAY_AREA_WIDTH_M = 2000.0, 800.0


@dataclass(frozen=True)
class Town:
    name: str
    komnr: str
    point: Point  # EPSG:25832
    radius_m: float


@dataclass(frozen=True)
class Side:
    """One designed frame beside a border: offsets from the border, use, rules."""

    code: str
    anvgen: int
    name: str
    near_m: float
    far_m: float
    rules: dict = field(default_factory=dict)
    status: str = "V"


@dataclass(frozen=True)
class BorderPair:
    a: str
    b: str
    side_a: Side
    side_b: Side
    purpose: str  # what the pair shows: conflict | meets-distance | unequal | overlap


# Offsets are measured from a straight piece of the shared border; the gap between the two
# frames is side_a.near_m + side_b.near_m (negative near_m: the frame reaches over the border).
BORDER_PAIRS = (
    BorderPair("0621", "0630", Side("9.E.1", 31, "Tung industri ved Vejle-grænsen", 100, 500, dict(minmiljo=4, maxmiljo=6, anvspec=3130), "F"),
               Side("9.B.1", 11, "Boliger ved Kolding-grænsen", 100, 400, dict(bebygpct=30, maxetager=2, anvspec=1110)),
               "conflict: class 6 at 200 m, 300 m recommended"),
    BorderPair("0607", "0621", Side("9.E.1", 31, "Maskinfabrik ved Kolding-grænsen", 50, 450, dict(minmiljo=3, maxmiljo=5, anvspec=3120)),
               Side("9.D.1", 21, "Landsby ved Fredericia-grænsen", 50, 350, dict(bebygpct=25, maxetager=1, maxmiljo=2, anvspec=2120)),
               "conflict: class 5 at 100 m, 150 m recommended"),
    BorderPair("0575", "0530", Side("9.T.1", 81, "Biogasanlæg ved Billund-grænsen", 150, 550, dict(minmiljo=5, maxmiljo=6, anvspec=8160)),
               Side("9.R.1", 51, "Naturpark ved Vejen-grænsen", 100, 600, dict(anvspec=5110)),
               "conflict: class 6 at 250 m, 300 m recommended"),
    BorderPair("0510", "0575", Side("9.E.1", 31, "Håndværkerområde ved Vejen-grænsen", 50, 350, dict(minmiljo=2, maxmiljo=3, anvspec=3160)),
               Side("9.B.1", 11, "Boliger ved Haderslev-grænsen", 50, 350, dict(bebygpct=30, maxetager=2, anvspec=1110)),
               "meets the distance: class 3 at 100 m, 50 m recommended"),
    BorderPair("0575", "0621", Side("9.B.2", 11, "Parcelhuse ved Kolding-grænsen", 0, 300, dict(bebygpct=30, maxetager=2, maxbygnhjd=8.5, minuds=700)),
               Side("9.B.2", 11, "Parcelhuse ved Vejen-grænsen", 0, 300, dict(bebygpct=40, maxetager=3, maxbygnhjd=8.5, minuds=700)),
               "unequal conditions: building percentage and storeys differ across the border"),
    BorderPair("0510", "0621", Side("9.E.2", 31, "Erhverv ved Kolding-grænsen", -100, 400, dict(minmiljo=2, maxmiljo=4)),
               Side("9.E.2", 31, "Erhverv ved Haderslev-grænsen", -100, 400, dict(minmiljo=2, maxmiljo=4)),
               "overlap: both frames reach 100 m over the border"),
)

# Town frames: (code, anvgen, name, inner radius, outer radius as a share of the town radius,
# first and last bearing in degrees clockwise from north, rules)
TOWN_FRAMES = (
    ("1.C.1", 41, "bymidte", 0.0, 0.3, 0, 360, dict(bebygpct=110, maxetager=4, maxbygnhjd=16, minmiljo=1, maxmiljo=2, anvspec=4110)),
    ("1.B.1", 11, "boligområde nord", 0.3, 1.0, -45, 45, dict(bebygpct=30, maxetager=2, maxbygnhjd=8.5, minuds=700, anvspec=1110)),
    ("1.B.2", 11, "boligområde øst", 0.3, 1.0, 45, 135, dict(bebygpct=40, maxetager=3, maxbygnhjd=12, anvspec=1120)),
    ("1.D.1", 21, "blandet bolig og erhverv syd", 0.3, 1.0, 135, 225, dict(bebygpct=60, maxetager=3, minmiljo=1, maxmiljo=3, anvspec=2110)),
    ("1.B.3", 11, "boligområde vest", 0.3, 1.0, 225, 315, dict(bebygpct=30, maxetager=2, maxbygnhjd=8.5, minuds=700, anvspec=1110)),
    ("1.O.1", 71, "skoler og institutioner", 1.0, 1.15, -45, 45, dict(bebygpct=50, maxetager=3, anvspec=7110)),
    ("1.R.1", 51, "bypark og idræt", 1.0, 1.15, 225, 315, dict(anvspec=5120)),
)


def _rows(name: str) -> list[dict]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _to_utm():
    return Transformer.from_crs("EPSG:4326", STORE_CRS, always_xy=True)


def load_towns() -> list[Town]:
    t = _to_utm()
    return [Town(r["town"], r["komnr"], Point(*t.transform(float(r["lon"]), float(r["lat"]))), float(r["radius_m"]))
            for r in _rows("demo_towns.csv")]


def load_motorways() -> dict[str, LineString]:
    t = _to_utm()
    roads: dict[str, list[tuple[int, tuple[float, float]]]] = {}
    for r in _rows("demo_motorways.csv"):
        roads.setdefault(r["road"], []).append((int(r["seq"]), t.transform(float(r["lon"]), float(r["lat"]))))
    return {road: LineString([xy for _, xy in sorted(points)]) for road, points in roads.items()}


def sector(centre: Point, inner_m: float, outer_m: float, start_deg: float, end_deg: float) -> Polygon:
    """An annulus sector (bearings clockwise from north); a full circle when the span is 360°."""
    if end_deg - start_deg >= 360:
        disk = centre.buffer(outer_m, quad_segs=16)
        return disk.difference(centre.buffer(inner_m, quad_segs=16)) if inner_m else disk
    angles = np.radians(np.linspace(start_deg, end_deg, 24))
    outer = np.column_stack([centre.x + outer_m * np.sin(angles), centre.y + outer_m * np.cos(angles)])
    inner = np.column_stack([centre.x + inner_m * np.sin(angles[::-1]), centre.y + inner_m * np.cos(angles[::-1])])
    return Polygon(np.vstack([outer, inner]))


def as_multipolygon(geom: BaseGeometry) -> MultiPolygon | None:
    """Polygonal parts of geom (clipping can leave slivers of lines or points), or None if none."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and p.area >= 1.0]
    nested = [q for p in parts for q in ([p] if p.geom_type == "Polygon" else p.geoms)]
    return MultiPolygon(nested) if nested else None


def border_segment(borders: Mapping[str, BaseGeometry], a: str, b: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(middle, unit vector along, unit normal into b) of the longest straight piece of a's outline on b."""
    near_b = borders[b].buffer(50)
    best, best_length = None, 0.0
    for ring in shapely.get_rings(shapely.get_parts(borders[a])):
        coords = np.asarray(ring.coords)
        for p, q in zip(coords[:-1], coords[1:]):
            length = float(np.hypot(*(q - p)))
            if length > best_length and near_b.covers(LineString([p, q])):
                best, best_length = (p, q), length
    p, q = best
    along = (q - p) / best_length
    normal = np.array([-along[1], along[0]])
    middle = (p + q) / 2
    if not borders[b].contains(Point(middle + normal * 500)):
        normal = -normal
    return middle, along, normal


def border_rect(middle, along, normal, near_m: float, far_m: float, half_width_m: float = 150.0) -> Polygon:
    corners = [middle + normal * near_m - along * half_width_m, middle + normal * near_m + along * half_width_m,
               middle + normal * far_m + along * half_width_m, middle + normal * far_m - along * half_width_m]
    return Polygon([tuple(c) for c in corners])


@dataclass
class Builder:
    """Collects demo frames; clips each to its municipality unless told not to."""

    borders: Mapping[str, BaseGeometry]
    names: Mapping[str, str]
    rows: list[dict] = field(default_factory=list)

    def add(self, komnr: str, code: str, anvgen: int, name: str, geom: BaseGeometry, rules: dict,
            status: str = "V", zone: int = 1, clip: bool = True) -> None:
        shape = as_multipolygon(geom.intersection(self.borders[komnr]) if clip else geom)
        if shape is None:
            return
        taken = [r["geometry"] for r in self.rows if r["komnr"] == komnr]
        if taken:
            shape = as_multipolygon(shape.difference(shapely.union_all(taken)))
            if shape is None:
                return
        row = {c: None for c in FRAME_COLUMNS}
        row.update(planid=f"{DEMO_PREFIX}{komnr}-{code}", komnr=komnr, plannr=code, anvgen=anvgen, zone=zone,
                   plannavn=f"{self.names.get(komnr, komnr)} – {name} {DEMO_LABEL}", status=status,
                   datovedt=ADOPTED_ON if status == "V" else None, datoforsl=PROPOSED_ON if status == "F" else date(2021, 5, 1),
                   datoikraft=ADOPTED_ON if status == "V" else None, plantype="10.1", geometry=shape)
        row.update(rules)
        if row["bebygpct"] is not None and row["bebygpctaf"] is None:
            row["bebygpctaf"] = DEMO_BEBYGPCTAF
        self.rows.append(row)


def add_town(builder: Builder, town: Town, index: int, motorways: Mapping[str, LineString]) -> None:
    prefix = f"{index}"
    for code, anvgen, name, inner, outer, start, end, rules in TOWN_FRAMES:
        code = prefix + code[1:]
        geom = sector(town.point, inner * town.radius_m, outer * town.radius_m, start, end)
        builder.add(town.komnr, code, anvgen, f"{town.name} {name}", geom, rules)
    road, nearest = min(((r, line.interpolate(line.project(town.point))) for r, line in motorways.items()),
                        key=lambda item: item[1].distance(town.point))
    line = motorways[road]
    at = line.project(nearest)
    stretch = shapely.ops.substring(line, max(at - MOTORWAY_AREA_LENGTH_M / 2, 0), at + MOTORWAY_AREA_LENGTH_M / 2)
    area = stretch.buffer(MOTORWAY_AREA_WIDTH_M / 2, cap_style="flat")
    builder.add(town.komnr, f"{prefix}.E.1", 31, f"{town.name} erhverv ved {road}", area,
                dict(minmiljo=3, maxmiljo=5, bebygpct=50, maxbygnhjd=15, anvspec=3160))


def add_border_pairs(builder: Builder, members: Sequence[str]) -> None:
    for pair in BORDER_PAIRS:
        if pair.a not in members or pair.b not in members:
            continue
        middle, along, normal = border_segment(builder.borders, pair.a, pair.b)
        for komnr, side, direction in ((pair.a, pair.side_a, -normal), (pair.b, pair.side_b, normal)):
            geom = border_rect(middle, along, direction, side.near_m, side.far_m)
            builder.add(komnr, side.code, side.anvgen, side.name, geom, side.rules, side.status,
                        zone=2, clip=side.near_m >= 0)


def add_rural_land(builder: Builder, members: Sequence[str]) -> None:
    taken = shapely.union_all([r["geometry"] for r in builder.rows])
    for komnr in members:
        rest = as_multipolygon(builder.borders[komnr].difference(taken))
        if rest is not None:
            builder.add(komnr, "9.L.1", 91, "landområde", rest, dict(anvspec=9110), zone=2, clip=False)


def generate_frames(borders: Mapping[str, BaseGeometry], members: Sequence[str], names: Mapping[str, str]) -> gpd.GeoDataFrame:
    """The demo frames for the region's member municipalities that have a demo town."""
    builder = Builder(borders, names)
    towns = [t for t in load_towns() if t.komnr in members]
    motorways = load_motorways()
    add_border_pairs(builder, members)
    for index, town in enumerate(towns, start=1):
        add_town(builder, town, index, motorways)
    add_rural_land(builder, sorted({t.komnr for t in towns}))
    if not builder.rows:
        return gpd.GeoDataFrame(columns=[*FRAME_COLUMNS, "geometry"], geometry="geometry", crs=STORE_CRS)
    frames = gpd.GeoDataFrame(builder.rows, geometry="geometry", crs=STORE_CRS)
    for column in ("anvgen", "anvspec", "fzone", "zone", "minmiljo", "maxmiljo", "bebygpctaf"):
        frames[column] = frames[column].astype("Int64")
    for column in ("bebygpct", "maxetager", "maxbygnhjd", "minuds"):
        frames[column] = frames[column].astype(float)
    return frames.sort_values("planid").reset_index(drop=True)


# Joint designations: (theme, name, how to place it). Interchanges are motorway vertices of
# demo_motorways.csv; "deep" areas sit at the centre of the largest circle inside the
# municipality's demo rural land, far from towns.
INTERCHANGES = (("E45", 6, "Koldingkrydset"), ("E20", 7, "Taulov"), ("E45", 9, "Vejle Syd"))
DEEP_AREAS = (("wind", "0575", "Vindmølleområde i Vejen Kommune", 2000.0),
              ("wind", "0530", "Vindmølleområde i Billund Kommune", 2000.0),
              ("solar", "0510", "Solcelleområde i Haderslev Kommune", 1500.0))
PTX_OFFSET_M = (1000.0, 3000.0)  # north of Fredericia's centre, towards the refinery and the harbour
CORRIDOR = ("Vejle", "Billund", 300.0)  # a green corridor along the valley between two towns, metres wide


def _members_touching(geom: BaseGeometry, borders: Mapping[str, BaseGeometry], members: Sequence[str]) -> str:
    return ",".join(c for c in sorted(members) if geom.intersection(borders[c]).area >= 10_000)


def _designation(index: int, theme: str, name: str, geom: BaseGeometry, borders, members, description: str) -> dict | None:
    region = shapely.union_all([borders[c] for c in members])
    shape = as_multipolygon(geom.intersection(region))
    if shape is None:
        return None
    return dict(designation_id=f"{DEMO_PREFIX}D-{theme}-{index}", theme=theme, name=f"{name} {DEMO_LABEL}",
                description=description, municipalities=_members_touching(shape, borders, members), consequence_m=None,
                geometry=shape)


def generate_designations(borders: Mapping[str, BaseGeometry], members: Sequence[str],
                          frames: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Joint regional designations (transport/logistics, wind, solar, PtX, green corridor) for the demo."""
    motorways = load_motorways()
    towns = {t.name: t for t in load_towns() if t.komnr in members}
    rows = []
    for road, vertex, place in INTERCHANGES:
        line = motorways[road]
        at = line.project(Point(line.coords[vertex - 1]))
        stretch = shapely.ops.substring(line, max(at - 2000, 0), at + 2000)
        rows.append(_designation(len(rows) + 1, "transport_logistics", f"Transport og logistik ved {place}",
                                 stretch.buffer(1000, cap_style="flat"), borders, members,
                                 f"Fælles erhvervsareal til transport og logistik ved {road}"))
    rural = frames[frames["anvgen"] == 91].set_index("komnr").geometry
    for theme, komnr, name, side_m in DEEP_AREAS:
        if komnr in rural.index:
            centre = shapely.maximum_inscribed_circle(rural[komnr], 10.0).coords[0]
            square = Point(centre).buffer(side_m / 2, cap_style="square")
            rows.append(_designation(len(rows) + 1, theme, name, square, borders, members, "Fælles udpegning"))
    if "Fredericia" in towns:
        c = towns["Fredericia"].point
        site = Point(c.x + PTX_OFFSET_M[0], c.y + PTX_OFFSET_M[1]).buffer(500, cap_style="square")
        rows.append(_designation(len(rows) + 1, "ptx", "Power-to-X ved Fredericia Havn", site, borders, members,
                                 "Areal til elektrolyse og brintproduktion"))
    start, end, width_m = CORRIDOR
    if start in towns and end in towns:
        line = LineString([towns[start].point, towns[end].point])
        rows.append(_designation(len(rows) + 1, "green_corridor", f"Grøn korridor {start}–{end}",
                                 line.buffer(width_m / 2, cap_style="flat"), borders, members,
                                 "Regional grøn forbindelse på tværs af kommunegrænsen"))
    rows = [r for r in rows if r is not None]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=STORE_CRS)
