"""Use cases of the joint municipal plan: import, check, history (one transaction per write).

Reading, coercion and validation happen before the store is written; an error-severity issue
raises InputError carrying every issue, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry import Point
from sqlalchemy.engine import Connection

from trekant.errors import InputError, Issue, NotFound, has_errors
from trekant.plan import checks, designations, query, repo
from trekant.plan import land as land_mod
from trekant.plan.codes import load_code_lists
from trekant.plan.io import export as exporter
from trekant.plan.io import wfs
from trekant.plan.io.reader import read_layer
from trekant.plan.labels import t
from trekant.plan.model import (
    FRAME_COLUMNS,
    LIVE_STATUSES,
    OUTSIDE_TOLERANCE_M,
    STORE_CRS,
    CheckOptions,
    CheckResult,
    ImportResult,
)
from trekant.plan.normalize import normalize
from trekant.plan.validate import Scope, validate
from trekant.plan.versions import plan_versions
from trekant.region import repo as region_repo
from trekant.settings import Settings
from trekant.store.schema.plan import plan_designation, plan_frame
from trekant.store.store import Store

Progress = Callable[[str], None]


def _quiet(_step: str) -> None:
    pass


@contextmanager
def opened(settings: Settings):
    store = Store.from_settings(settings).require()
    try:
        yield store
    finally:
        store.dispose()


def boundaries(conn: Connection) -> dict:
    """komnr → MultiPolygon of every municipality in the store (EPSG:25832)."""
    return {m.code: m.geom for m in region_repo.read_all_municipalities(conn) if m.geom is not None}


@dataclass
class Prepared:
    """Frames read and validated, ready to write (or not, when issues hold an error)."""

    frames: gpd.GeoDataFrame
    issues: list[Issue]
    source: str

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)


def prepare_file(path: Path, borders: dict, municipality: str | None = None, status: str | None = None,
                 layer: str | None = None, skip_others: bool = False,
                 tolerance_m: float = OUTSIDE_TOLERANCE_M) -> Prepared:
    """Read, coerce and validate one plan file against the code lists and the boundaries."""
    source = str(path)
    raw, issues = read_layer(path, layer)
    if raw is None:
        return Prepared(gpd.GeoDataFrame(), issues, source)
    return prepare_raw(raw, source, borders, issues, municipality, status, skip_others, tolerance_m)


def prepare_raw(raw, source: str, borders: dict, issues: list[Issue], municipality: str | None = None,
                status: str | None = None, skip_others: bool = False,
                tolerance_m: float = OUTSIDE_TOLERANCE_M) -> Prepared:
    codes = load_code_lists()
    default_status = _status_code(status, source)
    frames, found = normalize(raw.attributes, raw.geometries, raw.unreadable, raw.crs, source, codes, default_status)
    issues = issues + found
    if not any(i.code == "missing-crs" for i in found):
        checked, keep = validate(frames, source, codes, borders, Scope(municipality, skip_others), tolerance_m)
        issues += checked
        frames = frames[keep].reset_index(drop=True)
    issues.sort(key=lambda i: i.severity != "error")  # errors first, each group in file order
    return Prepared(frames, issues, source)


def _status_code(status: str | None, source: str) -> str | None:
    if status is None:
        return None
    code = load_code_lists().status_code(status)
    if code is None:
        raise InputError(source, reason=f"--status {status!r} is not a plan status (K, F, KV, V, A or its name)")
    return code


def frame_rows(frames: gpd.GeoDataFrame, version: np.ndarray, meta: dict) -> list[dict]:
    """Row dicts for plan_frame: Plandata columns, area, geometry and the version columns."""
    columns = {c: [repo.python_value(v) for v in frames[c].astype(object)] for c in FRAME_COLUMNS}
    geoms = frames.geometry.to_numpy()
    area = np.round(frames.geometry.area.to_numpy(), 3)
    return [
        {**{c: columns[c][i] for c in FRAME_COLUMNS}, **meta, "version": int(version[i]),
         "area_m2": float(area[i]), "geom": geoms[i]}
        for i in range(len(frames))
    ]


def write_frames(conn: Connection, frames: gpd.GeoDataFrame, actor: str, change: str, source: str,
                 is_demo: bool = False, now: datetime | None = None) -> dict:
    """New frames and new versions of changed ones; unchanged frames are left alone."""
    now = now or datetime.now(timezone.utc)
    current = repo.read_current_for(conn, list(frames["planid"]))
    plan = plan_versions(frames, current)
    write = plan.new | plan.changed
    repo.close_versions(conn, plan_frame, plan.closed_fids, now)
    meta = dict(is_current=True, valid_from=now, valid_to=None, changed_by=actor, change=change,
                source=source, is_demo=is_demo)
    repo.insert_rows(conn, plan_frame, frame_rows(frames[write].reset_index(drop=True), plan.version[write], meta))
    repo.refresh_extents(conn)
    counts = dict(imported=int(write.sum()), new_frames=int(plan.new.sum()), new_versions=int(plan.changed.sum()),
                  unchanged=int((~write).sum()))
    detail = dict(counts, source=source, new=list(frames["planid"][plan.new]))
    region_repo.write_audit(conn, actor, f"plan.{change}", "plan_frame", source, detail)
    for planid, fields in plan.changed_fields.items():
        region_repo.write_audit(conn, actor, "plan.new_version", "plan_frame", planid, dict(fields=fields, source=source))
    return counts


def write_designations(conn: Connection, designations: gpd.GeoDataFrame, actor: str, change: str, source: str,
                       is_demo: bool = False, now: datetime | None = None) -> dict:
    """Joint designations, versioned like frames (keyed by designation_id)."""
    now = now or datetime.now(timezone.utc)
    current = repo.read_current_for(conn, list(designations["designation_id"]), plan_designation)
    plan = plan_versions(designations, current, "designation_id", repo.DESIGNATION_COLUMNS, ())
    write = plan.new | plan.changed
    repo.close_versions(conn, plan_designation, plan.closed_fids, now)
    chosen = designations[write].reset_index(drop=True)
    rows = [
        {**{c: chosen[c].iloc[i] for c in repo.DESIGNATION_COLUMNS}, "version": int(v), "is_current": True,
         "valid_from": now, "valid_to": None, "changed_by": actor, "change": change, "source": source,
         "is_demo": is_demo, "area_m2": float(round(g.area, 3)), "geom": g}
        for i, (v, g) in enumerate(zip(plan.version[write], chosen.geometry))
    ]
    repo.insert_rows(conn, plan_designation, rows)
    repo.refresh_extents(conn)
    counts = dict(imported=int(write.sum()), new=int(plan.new.sum()), new_versions=int(plan.changed.sum()),
                  unchanged=int((~write).sum()))
    region_repo.write_audit(conn, actor, f"plan.designation_{change}", "plan_designation", source, counts)
    return counts


def import_file(settings: Settings, path: Path, municipality: str | None = None, status: str | None = None,
                layer: str | None = None, skip_others: bool = False,
                tolerance_m: float = OUTSIDE_TOLERANCE_M) -> ImportResult:
    """Import a plan file in one transaction; InputError (with every issue) and no write on any error."""
    with opened(settings) as store:
        with store.connect() as conn:
            borders = boundaries(conn)
        if municipality is not None and municipality.zfill(4) not in borders:
            raise NotFound(f"municipality {municipality} is not in the store")
        scope = None if municipality is None else municipality.zfill(4)
        prepared = prepare_file(path, borders, scope, status, layer, skip_others, tolerance_m)
        return _write_prepared(store, prepared, settings.actor, "import")


def import_designations(settings: Settings, path: Path, theme: str, id_field: str = "id", name_field: str = "name",
                        layer: str | None = None) -> dict:
    """Import one theme of joint designations; all or nothing, versioned by id."""
    source = str(path)
    raw, issues = read_layer(path, layer)
    with opened(settings) as store:
        with store.connect() as conn:
            borders = boundaries(conn)
        if raw is not None:
            zones, found = designations.prepare_designations(raw.attributes, raw.geometries, raw.unreadable, raw.crs, source,
                                                             load_code_lists(), theme, borders, id_field, name_field)
            issues = issues + found
        if raw is None or has_errors(issues):
            raise InputError.from_issues(source, issues)
        with store.begin() as conn:
            counts = write_designations(conn, zones, settings.actor, "import", source)
    return dict(counts, theme=theme, source=source, issues=issues)


def _write_prepared(store: Store, prepared: Prepared, actor: str, change: str) -> ImportResult:
    if not prepared.ok:
        raise InputError.from_issues(prepared.source, prepared.issues)
    with store.begin() as conn:
        counts = write_frames(conn, prepared.frames, actor, change, prepared.source)
    return ImportResult(issues=prepared.issues, source=prepared.source, **counts)


def wfs_request(url: str | None = None, layer: str | None = None, page_size: int = wfs.PAGE_SIZE) -> wfs.WfsRequest:
    """A request to Plandata's public WFS unless another endpoint or layer is given."""
    return wfs.WfsRequest(url or wfs.PLANDATA_WFS_URL, layer or wfs.FRAMES_LAYER, page_size)


def fetch(settings: Settings, municipality: str, request: wfs.WfsRequest = wfs.WfsRequest()) -> ImportResult:
    """Load one municipality's adopted frames from Plandata's WFS, validated like a file import."""
    komnr = municipality.zfill(4)
    with opened(settings) as store:
        with store.connect() as conn:
            borders = boundaries(conn)
        if komnr not in borders:
            raise NotFound(f"municipality {municipality} is not in the store")
        source = f"{request.url} {request.layer} komnr={int(komnr)}"
        raw, issues = wfs.read_pages(wfs.fetch_pages(request, komnr), source)
        if raw is None:
            if has_errors(issues):
                raise InputError.from_issues(source, issues)
            return ImportResult(0, 0, 0, 0, issues, source)
        prepared = prepare_raw(raw, source, borders, issues, municipality=komnr, status="V")
        return _write_prepared(store, prepared, settings.actor, "fetch")


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


def check(settings: Settings, options: CheckOptions = CheckOptions()) -> CheckResult:
    """The three cross-border checks on the current frames."""
    with opened(settings) as store, store.connect() as conn:
        frames = current_frames(conn, options)
        borders = boundaries(conn)
    return run_checks(frames, borders, options)


def frame_history(settings: Settings, planid: str) -> pd.DataFrame:
    """Every version of a frame, oldest first; NotFound when the planid was never stored."""
    with opened(settings) as store, store.connect() as conn:
        versions = repo.history(conn, planid)
    if not len(versions):
        raise NotFound(f"no plan frame with planid {planid}")
    return pd.DataFrame(versions.drop(columns="geometry"))


# ---------------------------------------------------------------- reading and reporting

RECORD_COLUMNS = ("planid", "komnr", "municipality", "plannr", "plannavn", "anvgen", "anvspec", "status", "zone",
                  "bebygpct", "maxetager", "maxbygnhjd", "minuds", "minmiljo", "maxmiljo", "area_ha", "version", "is_demo")


def municipality_names(conn: Connection) -> dict[str, str]:
    return {m.code: m.name for m in region_repo.read_all_municipalities(conn)}


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
    with opened(settings) as store, store.connect() as conn:
        frames = repo.read_frames(conn, statuses=statuses)
        names = municipality_names(conn)
    chosen = query.admits(frames, env_class, use, min_area_ha)
    return dict(demo=bool(chosen["is_demo"].any()) if len(chosen) else False, env_class=env_class, use=use,
                min_area_ha=min_area_ha, frames=records(frame_table(chosen, names)))


def to_store_point(x: float, y: float, crs: str | None) -> Point:
    if not crs:
        return Point(x, y)
    try:
        transformer = Transformer.from_crs(CRS.from_user_input(crs), STORE_CRS, always_xy=True)
    except CRSError as exc:
        raise InputError("--crs", reason=f"unknown coordinate reference system {crs!r} ({exc})") from None
    return Point(*transformer.transform(x, y))


def at(settings: Settings, x: float, y: float, crs: str | None = None, options: CheckOptions = CheckOptions()) -> dict:
    """What applies at a point: frames with their rules, designations, conflicts within 500 m."""
    point = to_store_point(x, y, crs)
    codes = load_code_lists()
    with opened(settings) as store, store.connect() as conn:
        frames = repo.read_frames(conn, statuses=options.statuses, bbox=query.search_box(point, codes.distance_m))
        designations = repo.read_designations(conn)
        names = municipality_names(conn)
        inside = [c for c, g in boundaries(conn).items() if g.covers(point)]
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
    with opened(settings) as store, store.connect() as conn:
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
    with opened(settings) as store, store.connect() as conn:
        frames = repo.read_frames(conn)
        designations = repo.read_designations(conn)
        names = municipality_names(conn)
        borders = boundaries(conn)
    if not len(frames):
        raise InputError(str(out), reason="nothing to export: the store holds no plan frames")
    demo = bool(frames["is_demo"].any())
    frames = frames.assign(municipality=frames["komnr"].map(names), area_ha=query.area_ha(frames))
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gpkg":
        layers = {"plan_frames": frames, **designation_layers(designations),
                  "plan_conflicts": conflict_lines(frames, borders)}
        written = exporter.write_gpkg(out, layers, crs)
    elif fmt == "geojson":
        exporter.write_geojson(out, frames, crs or "EPSG:4326")
        written = ["plan_frames"]
    elif fmt == "csv":
        exporter.write_csv(out, frame_table(frames, names))
        written = ["plan_frames"]
    else:
        live = frames[frames["status"].isin(LIVE_STATUSES)]
        conflicts = checks.environmental_conflicts(live, load_code_lists().distance_m)
        sheets = {t("frames", language): frame_table(frames, names),
                  t("land_title", language): land_mod.land_account(frames),
                  t("sheet_conflicts", language): pd.DataFrame([c.to_dict() for c in conflicts]),
                  "info": pd.DataFrame([dict(demo=demo, crs=STORE_CRS, exported=datetime.now(timezone.utc).isoformat(),
                                             source="trekant plan register" + (" (DEMO – synthetic data)" if demo else ""))])}
        exporter.write_xlsx(out, sheets)
        written = list(sheets)
    return dict(path=str(out), format=fmt, layers=written, frames=len(frames), demo=demo)


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
