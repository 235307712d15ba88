"""The joint plan: a map of frames by general use, the land account, and every open cross-border
conflict and equal-conditions difference with its own map (plan.service, plan.reports)."""

from __future__ import annotations

from collections import defaultdict

import shapely
from shapely.geometry import shape

from trekant.plan import reports as plan_reports
from trekant.plan import service as plan_service
from trekant.plan.model import LIVE_STATUSES, PUBLISHED_STATUSES, CheckOptions
from trekant.region import service as region_service
from trekant.reports import charts, maps
from trekant.reports.context import BuildContext
from trekant.reports.model import Figure, Heading, KeyFigure, KeyFigures, Note, Paragraph, Section, Table

STORE_CRS = "EPSG:25832"
# General use (anvgen) → colour, after the usual Danish plan-map conventions (housing warm, business
# violet, centre red, green for recreation, blue for public purposes).
USE_COLOURS = {11: "#f2b134", 21: "#e8d36a", 31: "#9c7bb5", 41: "#d9534f", 51: "#6ab04c", 61: "#b8e186",
               71: "#5b9bd5", 81: "#8c8c8c", 91: "#d8c7a0", 96: "#cccccc"}
SOURCE_RED, SENSITIVE_GREEN, LINE_BLACK = "#d55e00", "#009e73", "#000000"


class PlanData:
    """The plans one report shows, read once: features by layer (store CRS) and the code names."""

    def __init__(self, ctx: BuildContext):
        self.ctx = ctx
        self.names = plan_service.code_names(ctx.language)
        self._layers: dict[str, dict[str, object]] = {}
        self.frames = self.layer("kommuneplanramme")

    def layer(self, kind: str) -> dict:
        if kind not in self._layers:
            collection = plan_service.layer_features(self.ctx.settings, kind, published_only=self.ctx.published_only,
                                                     crs=STORE_CRS)
            self._layers[kind] = {f["id"]: f for f in collection["features"]}
        return self._layers[kind]

    def geometry(self, planid: str, kind: str = "kommuneplanramme"):
        feature = self.layer(kind).get(planid)
        return None if feature is None or feature["geometry"] is None else shape(feature["geometry"])

    def use(self, code) -> str:
        return self.names["anvgen"].get(int(code), str(code)) if code is not None else "–"


def build(ctx: BuildContext) -> Section:
    section = Section(ctx.t("sec_plan"), "plan")
    outlines = region_service.municipality_outlines(ctx.settings, neighbours_within_m=3_000)
    municipality = {o["code"]: o["name"] for o in outlines}
    data = PlanData(ctx)
    demo = ctx.demo(any(f["properties"].get("is_demo") for f in data.frames.values()), ctx.t("sec_plan"))
    if demo:
        section.add(Note(ctx.t("plan_demo"), "demo"))
    section.add(KeyFigures((KeyFigure(ctx.t("frames_count"), ctx.num(len(data.frames)), ctx.t("plan_source")),)),
                _plan_map(ctx, data, outlines, demo))
    section.add(*_land(ctx, data, municipality, demo))
    section.add(*_conflicts(ctx, data, outlines, municipality, demo))
    return section


def _plan_map(ctx: BuildContext, data: PlanData, outlines: list[dict], demo: bool) -> Figure:
    by_use: dict[int, list] = defaultdict(list)
    for feature in data.frames.values():
        if feature["geometry"] is not None:
            by_use[int(feature["properties"].get("anvgen") or 96)].append(shape(feature["geometry"]))
    layers = [maps.Layer(geoms, USE_COLOURS.get(code, "#cccccc"), f"{code} {data.use(code)}")
              for code, geoms in sorted(by_use.items())]
    path = maps.draw(ctx.figures, "plan-frames", outlines, layers, height_cm=17)
    return Figure(path, ctx.t("plan_map"), ctx.t("map_units"), f"{ctx.t('source')}: {ctx.t('plan_source')}", demo,
                  kind="map")


def _land(ctx: BuildContext, data: PlanData, municipality: dict, demo: bool) -> list:
    land = plan_reports.land(ctx.settings, published_only=ctx.published_only)
    rows = land["rows"]
    source = f"{ctx.t('source')}: {ctx.t('plan_source')} (trekant plan land)"
    table = Table((ctx.t("municipality"), ctx.t("use"), ctx.t("status"), ctx.t("frames"), ctx.t("area_ha")),
                  tuple((r["municipality"] or r["komnr"], data.use(r["anvgen"]),
                         data.names["status"].get(r["status"], r["status"]), ctx.num(r["frames"]),
                         ctx.num(r["area_ha"], 1)) for r in rows),
                  source=source, numeric=(False, False, False, True, True))
    towns = sorted({r["municipality"] or r["komnr"] for r in rows})
    uses = sorted({int(r["anvgen"]) for r in rows if r["anvgen"] is not None})
    series = {f"{u} {data.use(u)}": [sum(r["area_ha"] for r in rows if (r["municipality"] or r["komnr"]) == town
                                         and r["anvgen"] == u) for town in towns] for u in uses}
    colours = {f"{u} {data.use(u)}": USE_COLOURS.get(u, "#cccccc") for u in uses}
    blocks = [Heading(ctx.t("land_heading"))]
    if towns:
        path = charts.stacked_bars(ctx.figures, "land", towns, series, ctx.t("land_units"), ctx.fmt(), colours)
        blocks.append(Figure(path, ctx.t("land_chart"), ctx.t("land_units"), source, demo))
    blocks.append(table)
    return blocks


def _conflicts(ctx: BuildContext, data: PlanData, outlines: list[dict], municipality: dict, demo: bool) -> list:
    statuses = tuple(s for s in LIVE_STATUSES if s in PUBLISHED_STATUSES) if ctx.published_only else LIVE_STATUSES
    result = plan_reports.check(ctx.settings, CheckOptions(statuses=statuses)).to_dict()
    blocks: list = [Heading(ctx.t("conflicts_heading"))]
    found = (result["conflicts"] or result["consequence_conflicts"] or result["border_overlaps"]
             or result["unequal_conditions"])
    if not found:
        return blocks + [Paragraph(ctx.t("no_conflicts"))]
    name = lambda code: ", ".join(municipality.get(c, c) for c in str(code).split(","))  # noqa: E731
    source = f"{ctx.t('source')}: {ctx.t('check_source')}"
    for c in result["conflicts"]:
        source_geom, sensitive_geom = data.geometry(c["source_planid"]), data.geometry(c["sensitive_planid"])
        blocks += [Heading(ctx.t("env_conflict", source=c["source_planid"], source_mun=name(c["source_komnr"]),
                                 cls=c["source_class"], sensitive=c["sensitive_planid"],
                                 sensitive_mun=name(c["sensitive_komnr"])), 3),
                   Paragraph(ctx.t("env_conflict_text", distance=ctx.num(c["distance_m"]), required=ctx.num(c["required_m"]))
                             + f" {ctx.t('sensitive_frame')}: {data.use(c['sensitive_anvgen'])}.")]
        blocks.append(_pair_map(ctx, outlines, source_geom, sensitive_geom, ctx.t("source_frame"),
                                ctx.t("sensitive_frame"), c["required_m"], source, demo, "conflict"))
    for c in result["consequence_conflicts"]:
        source_geom = data.geometry(c["production_id"]) if c["origin"] == "frame" else None
        sensitive_geom = data.geometry(c["sensitive_planid"], c["sensitive_layer"])
        blocks += [Heading(ctx.t("consequence_conflict", sensitive=c["sensitive_planid"],
                                 sensitive_mun=name(c["sensitive_komnr"]), source=c["production_id"],
                                 source_mun=name(c["production_komnr"])), 3),
                   Paragraph(ctx.t("consequence_text", distance=ctx.num(c["distance_m"]), zone=ctx.num(c["zone_m"])))]
        blocks.append(_pair_map(ctx, outlines, source_geom, sensitive_geom, ctx.t("production_area"),
                                ctx.t("sensitive_frame"), c["zone_m"], source, demo, "consequence"))
    for o in result["border_overlaps"]:
        a, b = data.geometry(o["planid_a"]), data.geometry(o["planid_b"]) if o["planid_b"] else None
        blocks += [Heading(ctx.t("overlap", a=o["planid_a"], a_mun=name(o["komnr_a"]), b=o["planid_b"] or "–",
                                 b_mun=name(o["komnr_b"])), 3),
                   Paragraph(ctx.t("overlap_text", area=ctx.num(o["area_m2"])))]
        blocks.append(_pair_map(ctx, outlines, a, b, ctx.t("frame_a"), ctx.t("frame_b"), None, source, demo, "overlap",
                                overlap=True))
    for u in result["unequal_conditions"]:
        differences = "; ".join(f"{field} {_value(ctx, v[0])} / {_value(ctx, v[1])}" for field, v in u["differences"].items())
        blocks += [Heading(ctx.t("unequal", a=u["planid_a"], a_mun=name(u["komnr_a"]), b=u["planid_b"],
                                 b_mun=name(u["komnr_b"])), 3),
                   Paragraph(ctx.t("unequal_text", distance=ctx.num(u["distance_m"]), differences=differences or "–")
                             + f" {ctx.t('use')}: {data.use(u['anvgen'])}.")]
        blocks.append(_pair_map(ctx, outlines, data.geometry(u["planid_a"]), data.geometry(u["planid_b"]),
                                ctx.t("frame_a"), ctx.t("frame_b"), None, source, demo, "unequal"))
    return blocks


def _value(ctx: BuildContext, value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ctx.num(value, 0 if float(value).is_integer() else 1)
    return "–" if value is None else str(value)


def _pair_map(ctx: BuildContext, outlines: list[dict], first, second, first_label: str, second_label: str,
              zone_m: float | None, source: str, demo: bool, name: str, overlap: bool = False):
    shown = [g for g in (first, second) if g is not None]
    if not shown:
        return Note(ctx.t("no_geometry"))
    layers = [maps.Layer([first] if first is not None else [], SOURCE_RED, first_label, alpha=0.6),
              maps.Layer([second] if second is not None else [], SENSITIVE_GREEN, second_label, alpha=0.6)]
    if zone_m and first is not None:
        layers.append(maps.Layer([first.buffer(zone_m)], SOURCE_RED, f"{ctx.t('required_zone')} ({ctx.num(zone_m)} m)",
                                 kind="outline"))
    if first is not None and second is not None:
        if overlap:
            layers.append(maps.Layer([first.intersection(second)], "#000000", ctx.t("overlap_area"), alpha=0.9))
        elif first.distance(second) > 0:
            layers.append(maps.Layer([shapely.shortest_line(first, second)], LINE_BLACK, ctx.t("shortest"), kind="line"))
    focus = shapely.union_all(shown)
    margin = max(1_000.0, (zone_m or 0) * 1.5)
    path = maps.draw(ctx.figures, name, outlines, layers, focus=focus, margin_m=margin, height_cm=9)
    return Figure(path, ctx.t("conflict_map"), ctx.t("map_units"), source, demo, kind="map", width_pct=65)
