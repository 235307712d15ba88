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
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry import Point
from sqlalchemy import select
from sqlalchemy.engine import Connection

from trekant.errors import InputError, NotFound
from trekant.plan import checks, query, repo
from trekant.plan import land as land_mod
from trekant.plan.codes import load_code_lists
from trekant.plan.io import export as exporter
from trekant.plan.labels import t
from trekant.plan.model import LIVE_STATUSES, STORE_CRS, CheckOptions, CheckResult
from trekant.plan.service import boundaries, check_distance
from trekant.region import repo as region_repo
from trekant.settings import Settings
from trekant.store.schema.core import municipality
from trekant.store.store import reading


def current_frames(conn: Connection, options: CheckOptions) -> gpd.GeoDataFrame:
    return repo.read_frames(conn, statuses=options.statuses)


def run_checks(frames: gpd.GeoDataFrame, borders: dict, options: CheckOptions) -> CheckResult:
    codes = load_code_lists()
    demo = bool(frames["is_demo"].any()) if len(frames) else False
    if not len(frames):
        return CheckResult([], [], [], 0, demo)
    return CheckResult(
        conflicts=checks.environmental_conflicts(frames, codes.distance_m, options),
        unequal_conditions=checks.unequal_conditions(frames, options),
        border_overlaps=checks.border_overlaps(frames, borders, options),
        frames=len(frames),
        demo=demo,
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
    """The three cross-border checks on the current frames."""
    options = checked_options(options)
    with reading(settings) as conn:
        frames = current_frames(conn, options)
        borders = boundaries(conn)
    return run_checks(frames, borders, options)


def frame_history(settings: Settings, planid: str) -> pd.DataFrame:
    """Every version of a frame, oldest first; NotFound when the planid was never stored."""
    with reading(settings) as conn:
        versions = repo.history(conn, planid)
    if not len(versions):
        raise NotFound(f"no plan frame with planid {planid}")
    return pd.DataFrame(versions.drop(columns="geometry"))


RECORD_COLUMNS = ("planid", "komnr", "municipality", "plannr", "plannavn", "anvgen", "anvspec", "status", "zone",
                  "bebygpct", "maxetager", "maxbygnhjd", "minuds", "minmiljo", "maxmiljo", "area_ha", "version", "is_demo")


def municipality_names(conn: Connection) -> dict[str, str]:
    """code → name, without reading the boundaries (the web's point query asks this per click)."""
    return dict(conn.execute(select(municipality.c.code, municipality.c.name)).all())


def municipalities_covering(conn: Connection, point: Point) -> list[str]:
    """Codes of the municipalities whose boundary covers the point: the spatial index picks the
    candidates, so only their boundaries are read (not all 99)."""
    near = repo.in_box(municipality, conn.dialect.name, (point.x, point.y, point.x, point.y))
    rows = conn.execute(select(municipality.c.code, municipality.c.geom).where(near).order_by(municipality.c.code))
    return [code for code, geom in rows if geom is not None and geom.covers(point)]


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


def to_store_point(x: float, y: float, crs: str | None) -> Point:
    """The point in EPSG:25832; InputError for non-finite coordinates or ones the CRS cannot place."""
    if not (math.isfinite(x) and math.isfinite(y)):
        raise InputError("X Y", reason=f"({x:g}, {y:g}) are not finite coordinates")
    if not crs:
        return Point(x, y)
    try:
        transformer = Transformer.from_crs(CRS.from_user_input(crs), STORE_CRS, always_xy=True)
    except CRSError as exc:
        raise InputError("--crs", reason=f"unknown coordinate reference system {crs!r} ({exc})") from None
    tx, ty = transformer.transform(x, y)
    if not (math.isfinite(tx) and math.isfinite(ty)):
        raise InputError("X Y", reason=f"({x:g}, {y:g}) cannot be placed in {STORE_CRS} from {crs}")
    return Point(tx, ty)


def at(settings: Settings, x: float, y: float, crs: str | None = None, options: CheckOptions = CheckOptions()) -> dict:
    """What applies at a point: frames with their rules, designations, conflicts within 500 m."""
    point = to_store_point(x, y, crs)
    codes = load_code_lists()
    with reading(settings) as conn:
        frames = repo.read_frames(conn, statuses=options.statuses, bbox=query.search_box(point, codes.distance_m))
        designations = repo.read_designations(conn)
        names = municipality_names(conn)
        inside = municipalities_covering(conn, point)
    here = query.containing(frames, point)
    zones = query.containing(designations, point)
    conflicts = query.conflicts_near(frames, point, codes.distance_m, options)
    demo = bool(here["is_demo"].any() or zones["is_demo"].any() or frames["is_demo"].any()) if len(frames) or len(zones) else False
    return dict(demo=demo, x=round(point.x, 2), y=round(point.y, 2), crs=STORE_CRS,
                municipality=[dict(komnr=c, name=names.get(c)) for c in inside],
                frames=records(frame_table(here, names)),
                designations=records(designation_table(zones)),
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


def land(settings: Settings, at_text: str | None = None, since_text: str | None = None) -> dict:
    """Land account (ha by municipality × anvgen × status) at a moment, or its change since another."""
    at_moment, since_moment = moment(at_text), moment(since_text)
    with reading(settings) as conn:
        after = repo.read_frames(conn, at=at_moment)
        before = repo.read_frames(conn, at=since_moment) if since_moment else None
        names = municipality_names(conn)
    demo = bool(after["is_demo"].any()) if len(after) else False
    if before is None:
        table = land_mod.land_account(after)
    else:
        demo = demo or (bool(before["is_demo"].any()) if len(before) else False)
        table = land_mod.land_change(before, after)
    table.insert(1, "municipality", table["komnr"].map(names))
    return dict(demo=demo, at=at_moment.isoformat() if at_moment else "now",
                since=since_moment.isoformat() if since_moment else None, rows=records(table))


def export(settings: Settings, fmt: str, out: Path, crs: str | None = None, language: str = "da") -> dict:
    """Write current frames (and designations, conflicts) to a file planners can open."""
    if fmt not in exporter.FORMATS:
        raise InputError("--format", reason=f"{fmt!r} is not one of {', '.join(exporter.FORMATS)}")
    exporter.check_crs(crs)
    exporter.check_out(out)
    with reading(settings) as conn:
        frames = repo.read_frames(conn)
        designations = repo.read_designations(conn)
        names = municipality_names(conn)
        borders = boundaries(conn)
    if not len(frames):
        raise InputError(str(out), reason="nothing to export: the store holds no plan frames")
    demo = bool(frames["is_demo"].any())
    frames = frames.assign(municipality=frames["komnr"].map(names), area_ha=query.area_ha(frames))
    with exporter.staged(out) as scratch:
        written = _write_export(scratch, fmt, frames, designations, names, borders, crs, language, demo)
    return dict(path=str(out), format=fmt, layers=written, frames=len(frames), demo=demo)


def _write_export(path: Path, fmt: str, frames: gpd.GeoDataFrame, designations: gpd.GeoDataFrame, names: dict,
                  borders: dict, crs: str | None, language: str, demo: bool) -> list[str]:
    if fmt == "gpkg":
        layers = {"plan_frames": frames, **designation_layers(designations),
                  "plan_conflicts": conflict_lines(frames, borders)}
        return exporter.write_gpkg(path, layers, crs)
    if fmt == "geojson":
        exporter.write_geojson(path, frames, crs or "EPSG:4326")
        return ["plan_frames"]
    if fmt == "csv":
        exporter.write_csv(path, frame_table(frames, names))
        return ["plan_frames"]
    live = frames[frames["status"].isin(LIVE_STATUSES)]
    conflicts = checks.environmental_conflicts(live, load_code_lists().distance_m)
    sheets = {t("frames", language): frame_table(frames, names),
              t("land_title", language): land_mod.land_account(frames),
              t("sheet_conflicts", language): pd.DataFrame([c.to_dict() for c in conflicts]),
              "info": pd.DataFrame([dict(demo=demo, crs=STORE_CRS, exported=datetime.now(timezone.utc).isoformat(),
                                         source="trekant plan register" + (" (DEMO – synthetic data)" if demo else ""))])}
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
