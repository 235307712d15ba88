"""Read-side use cases of the joint municipal plan: checks, history, where, at, land account, export.

Each opens the store, reads what it needs in one connection and hands the rest to the pure core
(checks, query, land) or to the file writers (io.export).
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy.engine import Connection

from trekant.errors import InputError, NotFound
from trekant.plan import cascade, checks, consequence, nearby, query, repo
from trekant.plan import land as land_mod
from trekant.plan.codes import load_code_lists
from trekant.plan.io import export as exporter
from trekant.plan.labels import t
from trekant.plan.layers import KOMMUNEPLANRAMME, LAYERS, PlanLayer
from trekant.plan.model import LIVE_STATUSES, PUBLISHED_STATUSES, STORE_CRS, CheckOptions, CheckResult
from trekant.plan.point import conflicts_near, designation_records, frame_records, search_box
from trekant.plan.service import boundaries, cascade_at, check_distance, to_store_point
from trekant.settings import Settings
from trekant.store.schema.plan import plan_designation, plan_frame
from trekant.store.store import reading


def current_frames(conn: Connection, options: CheckOptions) -> gpd.GeoDataFrame:
    """The frames a check reads: those of the statuses asked for, and the adopted ones."""
    return repo.read_frames(conn, statuses=checks.statuses_read(options))


def sensitive_features(conn: Connection, frames: gpd.GeoDataFrame, options: CheckOptions) -> gpd.GeoDataFrame:
    """Frames, local plans and sub-areas of a sensitive use, with their `layer` (consequence zones)."""
    columns = ("planid", "komnr", "anvgen", "status", "is_demo")
    parts = [frames[list(columns) + ["geometry"]].assign(layer="kommuneplanramme")]
    for kind in ("lokalplan", "delomraade"):
        read = repo.read_features(conn, LAYERS[kind], statuses=checks.statuses_read(options), columns=columns)
        parts.append(read.assign(layer=kind))
    found = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=STORE_CRS)
    return found[found["anvgen"].isin(options.sensitive_uses).fillna(False).to_numpy(dtype=bool)].reset_index(drop=True)


def run_checks(frames: gpd.GeoDataFrame, borders: dict, options: CheckOptions,
               designations: gpd.GeoDataFrame | None = None, sensitive: gpd.GeoDataFrame | None = None) -> CheckResult:
    """Every cross-border check: environmental distance (and the frames it cannot check), equal
    conditions, border overlaps, and sensitive uses in a neighbour's consequence zone."""
    codes = load_code_lists()
    demo = bool(frames["is_demo"].any()) if len(frames) else False
    if not len(frames) and (sensitive is None or not len(sensitive)):
        return CheckResult([], [], [], 0, demo, statuses=options.statuses)
    areas = consequence.production_areas(frames, designations if designations is not None else gpd.GeoDataFrame(),
                                         options.consequence_zone_m)
    return CheckResult(
        conflicts=checks.environmental_conflicts(frames, codes.distance_m, options) if len(frames) else [],
        unequal_conditions=checks.unequal_conditions(frames, options, {k: v[1] for k, v in codes.bebygpctaf.items()})
        if len(frames) else [],
        border_overlaps=checks.border_overlaps(frames, borders, options) if len(frames) else [],
        frames=len(frames),
        demo=demo,
        consequence_conflicts=consequence.consequence_conflicts(areas, sensitive, options) if sensitive is not None else [],
        cannot_check=checks.cannot_be_checked(frames, options) if len(frames) else [],
        statuses=options.statuses,
        production_areas=len(areas),
    )


def status_codes(given: tuple[str, ...]) -> tuple[str, ...]:
    """Plandata status codes for --status values (codes or names); InputError naming each unknown one."""
    codes = load_code_lists()
    found = tuple(codes.status_code(s) for s in given)
    unknown = [s for s, code in zip(given, found) if code is None]
    if unknown:
        raise InputError("--status", reason=f"{', '.join(map(repr, unknown))} is not a plan status ({', '.join(codes.status)})")
    return found


def checked_options(options: CheckOptions) -> CheckOptions:
    """The options with statuses as codes; InputError for unknown uses, statuses or distances."""
    unknown = [u for u in options.sensitive_uses if u not in load_code_lists().anvgen]
    if unknown:
        raise InputError("--sensitive", reason=f"{', '.join(map(str, unknown))} is not a general use (anvgen) in Plandata's list")
    check_distance("--touch-distance-m", options.touch_distance_m)
    return replace(options, statuses=status_codes(options.statuses))


def check(settings: Settings, options: CheckOptions = CheckOptions()) -> CheckResult:
    """The cross-border checks on the current plans of the statuses asked for, against each other and
    the adopted plans (run_checks)."""
    options = checked_options(options)
    with reading(settings) as conn:
        frames = current_frames(conn, options)
        borders = boundaries(conn)
        designations = repo.read_designations(conn, themes=[consequence.PRODUCTION_THEME])
        sensitive = sensitive_features(conn, frames, options)
    return run_checks(frames, borders, options, designations, sensitive)


def frame_history(settings: Settings, planid: str, published_only: bool = False) -> pd.DataFrame:
    """Every version of a plan (of any layer: frame, local plan, sub-area, zone), oldest first, with
    its `layer`; NotFound when the planid was never stored.

    `published_only` (anonymous users): the versions with a status Plandata publishes only, never a
    draft; a plan that was only ever a draft is not found (as if it did not exist)."""
    with reading(settings) as conn:
        found = [repo.history(conn, planid, spec).assign(layer=spec.kind) for spec in LAYERS.values()]
    if published_only:
        found = [f[f["status"].isin(PUBLISHED_STATUSES)] for f in found]
    found = [f for f in found if len(f)]
    if not found:
        raise NotFound(f"no plan with planid {planid}")
    return pd.concat([pd.DataFrame(f.drop(columns="geometry")) for f in found], ignore_index=True)


RECORD_COLUMNS = ("planid", "komnr", "municipality", "plannr", "plannavn", "anvgen", "anvspec", "status", "zone",
                  "bebygpct", "maxetager", "maxbygnhjd", "minuds", "minmiljo", "maxmiljo", "area_ha", "version", "is_demo")


def municipality_names(conn: Connection) -> dict[str, str]:
    """code → name, without reading the boundaries (the web's point query asks this per click)."""
    return nearby.municipality_names(conn)


def frame_table(frames: gpd.GeoDataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Frames as a plain table for people: Plandata columns, municipality name, area in hectares."""
    table = pd.DataFrame(frames.drop(columns="geometry")).copy()
    table["municipality"] = table["komnr"].map(names)
    table["area_ha"] = query.area_ha(frames)
    return table[[c for c in RECORD_COLUMNS if c in table]]


def records(table: pd.DataFrame) -> list[dict]:
    """JSON-ready rows: NA → None, numpy scalars → Python."""
    return [{k: repo.python_value(v) for k, v in row.items()} for row in table.astype(object).to_dict("records")]


def where(settings: Settings, env_class: int, use: int | None = None, min_area_ha: float = 0.0,
          statuses: tuple[str, ...] = LIVE_STATUSES) -> dict:
    """Every frame in the region admitting a business of class env_class (and use)."""
    codes = load_code_lists()
    if env_class not in codes.distance_m:
        raise InputError("--class", reason=f"environmental class {env_class} is not 1–7")
    if use is not None and use not in codes.anvgen and use not in codes.anvspec:
        raise InputError("--use", reason=f"{use} is neither a general use (anvgen) nor a specific use (anvspec) in the code lists")
    if not 0.0 <= min_area_ha < math.inf:
        raise InputError("--min-area-ha", reason=f"{min_area_ha:g} is not an area in hectares")
    statuses = status_codes(statuses)
    with reading(settings) as conn:
        frames = repo.read_frames(conn, statuses=statuses)
        names = municipality_names(conn)
    chosen = query.admits(frames, env_class, use, min_area_ha)
    return dict(demo=bool(chosen["is_demo"].any()) if len(chosen) else False, env_class=env_class, use=use,
                min_area_ha=min_area_ha, frames=records(frame_table(chosen, names)))


# What the point query reads of the frames near a point: the records it shows, the cascade's, the check's.
AT_FRAME_READ = tuple(c for c in repo.FRAME_READ if c in {*RECORD_COLUMNS, *cascade.RECORD_READ, *repo.CHECK_READ})
AT_DESIGNATION_READ = ("designation_id", "theme", "name", "description", "municipalities", "area_m2", "is_demo")


def at(settings: Settings, x: float, y: float, crs: str | None = None, options: CheckOptions = CheckOptions()) -> dict:
    """What applies at a point: the cascade delområde → lokalplan → kommuneplanramme → zone and
    which governs, the frames with their rules, designations, conflicts within 500 m.

    Reads only what lies near the point, as plain rows (plan/nearby.py, plan/point.py): the web
    asks this on every click."""
    point = to_store_point(x, y, crs)
    codes = load_code_lists()
    with reading(settings) as conn:
        frames = nearby.features_in_box(conn, plan_frame, AT_FRAME_READ, search_box(point, codes.distance_m),
                                        options.statuses)
        zones = nearby.designations_in_box(conn, plan_designation, AT_DESIGNATION_READ, nearby.point_box(point))
        names = nearby.municipality_names(conn)
        inside = nearby.municipalities_covering(conn, point)
        answer = cascade_at(conn, point, names, options.statuses, frames)
    here, zones = frames.covering(point), zones.covering(point)
    conflicts = conflicts_near(frames, point, codes.distance_m, options)
    demo = frames.any("is_demo") or zones.any("is_demo")
    return dict(demo=demo or answer["demo"], x=round(point.x, 2), y=round(point.y, 2), crs=STORE_CRS,
                municipality=[dict(komnr=c, name=name) for c, name in inside],
                cascade=answer["levels"], governs=answer["governs"], zone=answer["zone"], proposals=answer["proposals"],
                frames=frame_records(here, names, RECORD_COLUMNS, frozenset(repo.INTEGER_COLUMNS),
                                     frozenset(repo.FLOAT_COLUMNS)),
                designations=designation_records(zones),
                conflicts=[c.to_dict() for c in conflicts])


def designation_table(designations: gpd.GeoDataFrame) -> pd.DataFrame:
    columns = ["designation_id", "theme", "name", "description", "municipalities", "area_ha", "is_demo"]
    if not len(designations):
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(designations.drop(columns="geometry")).copy()
    table["area_ha"] = query.area_ha(designations)
    return table[columns]


def moment(text: str | None) -> datetime | None:
    """'2026-11-28' → the end of that day (UTC); '2026-11-28T12:00' → that instant (UTC if no zone)."""
    if text is None:
        return None
    try:
        if len(text) == 10:
            return datetime.fromisoformat(text).replace(tzinfo=timezone.utc) + timedelta(days=1) - timedelta(microseconds=1)
        return repo.utc(datetime.fromisoformat(text))
    except ValueError:
        raise InputError(text, reason="not a date (YYYY-MM-DD) or ISO timestamp") from None


def land(settings: Settings, at_text: str | None = None, since_text: str | None = None,
         published_only: bool = False) -> dict:
    """Land account (ha by municipality × anvgen × status) at a moment, or its change since another.

    `published_only` (anonymous users, public reports) counts only the statuses Plandata publishes
    (proposals, adopted and cancelled plans), never drafts."""
    at_moment, since_moment = moment(at_text), moment(since_text)
    statuses = PUBLISHED_STATUSES if published_only else None
    with reading(settings) as conn:
        after = repo.read_frames(conn, at=at_moment, statuses=statuses)
        before = repo.read_frames(conn, at=since_moment, statuses=statuses) if since_moment else None
        names = municipality_names(conn)
    demo = bool(after["is_demo"].any()) if len(after) else False
    if before is None:
        table = land_mod.land_account(after)
    else:
        demo = demo or (bool(before["is_demo"].any()) if len(before) else False)
        table = land_mod.land_change(before, after)
    table.insert(1, "municipality", table["komnr"].map(names))
    return dict(demo=demo, at=at_moment.isoformat() if at_moment else "now",
                since=since_moment.isoformat() if since_moment else None, published_only=published_only,
                rows=records(table))


STATUS_SLUGS = {"K": "kladde_til_forslag", "F": "forslag", "KV": "kladde_til_vedtaget", "V": "vedtaget", "A": "aflyst"}


def feature_table(features: gpd.GeoDataFrame, names: dict[str, str], layer: PlanLayer = KOMMUNEPLANRAMME) -> pd.DataFrame:
    """A layer's features as a plain table (CSV, a spreadsheet's sheet): all its Plandata fields
    (frames too: plantype, bebygpctaf, komplan_id, dates, doklink), municipality name, area in
    hectares, version and demo flag."""
    table = pd.DataFrame(features.drop(columns="geometry")).copy()
    table["municipality"] = table["komnr"].map(names)
    table["area_ha"] = query.area_ha(features)
    columns = ["planid", "komnr", "municipality", *[c for c in layer.columns if c not in ("planid", "komnr")],
               "area_ha", "version", "is_demo"]
    return table[columns]


def export(settings: Settings, fmt: str, out: Path, crs: str | None = None, language: str = "da",
           kind: str = KOMMUNEPLANRAMME.kind, published_only: bool = False) -> dict:
    """Write the current plans of every layer (and designations, conflicts, findings) to a file
    planners can open; GeoJSON and CSV hold one layer (`kind`).

    `published_only` (anonymous users): plans with a status Plandata publishes only, and only their
    findings; never a draft."""
    statuses = PUBLISHED_STATUSES if published_only else None
    if fmt not in exporter.FORMATS:
        raise InputError("--format", reason=f"{fmt!r} is not one of {', '.join(exporter.FORMATS)}")
    if kind not in LAYERS:
        raise InputError("--layer", reason=f"{kind!r} is not one of {', '.join(LAYERS)}")
    exporter.check_crs(crs)
    exporter.check_out(out)
    with reading(settings) as conn:
        layers = {k: repo.read_features(conn, spec, statuses=statuses) for k, spec in LAYERS.items()}
        designations = repo.read_designations(conn)
        findings = repo.read_findings(conn, statuses=statuses)
        names = municipality_names(conn)
        borders = boundaries(conn)
    if not any(len(f) for f in layers.values()):
        raise InputError(str(out), reason="nothing to export: the store holds no plans")
    if fmt in ("geojson", "csv") and not len(layers[kind]):
        raise InputError(str(out), reason=f"nothing to export: the store holds no {LAYERS[kind].names[1]} (--layer)")
    demo = any(bool(f["is_demo"].any()) for f in layers.values() if len(f))
    layers = {k: f.assign(municipality=f["komnr"].map(names), area_ha=query.area_ha(f)) for k, f in layers.items()}
    with exporter.staged(out) as scratch:
        written = _write_export(scratch, fmt, layers, designations, findings, names, borders, crs, language, demo, kind)
    return dict(path=str(out), format=fmt, layers=written, frames=len(layers[KOMMUNEPLANRAMME.kind]),
                features={k: len(f) for k, f in layers.items()}, demo=demo)


def _layer_split(layers: dict[str, gpd.GeoDataFrame]) -> dict[str, gpd.GeoDataFrame]:
    """One GeoPackage layer per kind and status, named as Plandata names its layers (lokalplan_forslag, …)."""
    out = {}
    for kind, features in layers.items():
        for status, slug in STATUS_SLUGS.items():
            chosen = features[features["status"] == status]
            if len(chosen):
                name = LAYERS[kind].export_name if kind == "zonekort" else f"{LAYERS[kind].export_name}_{slug}"
                out[name] = chosen.reset_index(drop=True)
    return out


def _write_export(path: Path, fmt: str, layers: dict[str, gpd.GeoDataFrame], designations: gpd.GeoDataFrame,
                  findings: list[dict], names: dict, borders: dict, crs: str | None, language: str, demo: bool,
                  kind: str) -> list[str]:
    frames = layers[KOMMUNEPLANRAMME.kind]
    if fmt == "gpkg":
        tables = {**_layer_split(layers), **designation_layers(designations), "plan_conflicts": conflict_lines(frames, borders)}
        quality = {"plan_quality": pd.DataFrame(findings)} if findings else {}
        return exporter.write_gpkg(path, tables, crs, quality)
    if fmt == "geojson":
        exporter.write_geojson(path, layers[kind], crs or "EPSG:4326")
        return [LAYERS[kind].export_name]
    if fmt == "csv":
        exporter.write_csv(path, feature_table(layers[kind], names, LAYERS[kind]))
        return [LAYERS[kind].export_name]
    live = frames[frames["status"].isin(LIVE_STATUSES)]
    conflicts = checks.environmental_conflicts(live, load_code_lists().distance_m) if len(live) else []
    sheets = {t("sheet_" + k, language): feature_table(f, names, LAYERS[k]) for k, f in layers.items() if len(f)}
    sheets.update({t("land_title", language): land_mod.land_account(frames),
                   t("sheet_conflicts", language): pd.DataFrame([c.to_dict() for c in conflicts])})
    if findings:  # Excel has no time zones: found_at as UTC without one (the sheet's header says UTC)
        quality = pd.DataFrame(findings)
        quality["found_at"] = pd.to_datetime(quality["found_at"], utc=True).dt.tz_localize(None)
        sheets[t("sheet_quality", language)] = quality.rename(columns={"found_at": "found_at_utc"})
    sheets["info"] = pd.DataFrame([dict(demo=demo, crs=STORE_CRS, exported=datetime.now(timezone.utc).isoformat(),
                                        source="trekant plan register" + (" (DEMO – synthetic data)" if demo else ""))])
    exporter.write_xlsx(path, sheets)
    return list(sheets)


def designation_layers(designations: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """One layer per theme, named designation_<theme> (QGIS shows each as its own layer)."""
    if not len(designations):
        return {}
    with_area = designations.assign(area_ha=query.area_ha(designations))
    return {f"designation_{theme}": group.reset_index(drop=True) for theme, group in with_area.groupby("theme", sort=True)}


def conflict_lines(frames: gpd.GeoDataFrame, borders: dict) -> gpd.GeoDataFrame:
    """Each cross-border environmental conflict as the shortest line between the two frames."""
    live = frames[frames["status"].isin(LIVE_STATUSES)].reset_index(drop=True)
    conflicts = checks.environmental_conflicts(live, load_code_lists().distance_m)
    if not conflicts:
        return gpd.GeoDataFrame(geometry=[], crs=STORE_CRS)
    by_id = live.set_index("planid").geometry
    lines = [shapely.shortest_line(by_id[c.source_planid], by_id[c.sensitive_planid]) for c in conflicts]
    table = pd.DataFrame([c.to_dict() for c in conflicts]).assign(is_demo=bool(live["is_demo"].any()))
    return gpd.GeoDataFrame(table, geometry=lines, crs=STORE_CRS)
