"""Write-side use cases of the joint municipal plan: import, fetch, designations (one transaction each).

Reading, coercion and validation happen before the store is written; an error-severity issue
raises InputError carrying every issue, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import numpy as np
from sqlalchemy.engine import Connection

from trekant.errors import InputError, Issue, NotFound, has_errors
from trekant.plan import designations, repo
from trekant.plan.codes import load_code_lists
from trekant.plan.io import wfs
from trekant.plan.io.reader import read_layer
from trekant.plan.model import FRAME_COLUMNS, MAX_TOLERANCE_M, OUTSIDE_TOLERANCE_M, ImportResult
from trekant.plan.normalize import normalize
from trekant.plan.validate import Scope, validate
from trekant.plan.versions import backward_statuses, plan_versions
from trekant.region import repo as region_repo
from trekant.settings import Settings
from trekant.store.audit import write_audit
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


def check_distance(option: str, distance_m: float) -> None:
    """A distance option must be a finite number of metres from 0 to MAX_TOLERANCE_M."""
    if not 0.0 <= distance_m <= MAX_TOLERANCE_M:  # also refuses nan
        raise InputError(option, reason=f"{distance_m:g} m is not a distance from 0 to {MAX_TOLERANCE_M:,.0f} m")


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
    backward = backward_statuses(frames, current, load_code_lists().status_order)
    write = plan.new | plan.changed
    repo.close_versions(conn, plan_frame, plan.closed_fids, now)
    meta = dict(is_current=True, valid_from=now, valid_to=None, changed_by=actor, change=change,
                source=source, is_demo=is_demo)
    repo.insert_rows(conn, plan_frame, frame_rows(frames[write].reset_index(drop=True), plan.version[write], meta))
    repo.refresh_extents(conn)
    counts = dict(imported=int(write.sum()), new_frames=int(plan.new.sum()), new_versions=int(plan.changed.sum()),
                  unchanged=int((~write).sum()))
    detail = dict(counts, source=source, new=list(frames["planid"][plan.new]))
    write_audit(conn, actor, f"plan.{change}", "plan_frame", source, detail)
    for planid, fields in plan.changed_fields.items():
        write_audit(conn, actor, "plan.new_version", "plan_frame", planid, dict(fields=fields, source=source))
    return dict(counts, backward=backward)


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
    write_audit(conn, actor, f"plan.designation_{change}", "plan_designation", source, counts)
    return counts


def import_file(settings: Settings, path: Path, municipality: str | None = None, status: str | None = None,
                layer: str | None = None, skip_others: bool = False,
                tolerance_m: float = OUTSIDE_TOLERANCE_M) -> ImportResult:
    """Import a plan file in one transaction; InputError (with every issue) and no write on any error."""
    check_distance("--tolerance-m", tolerance_m)
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
    lifecycle = [Issue("warning", "status-lifecycle", prepared.source, f"planid {planid}",
                       f"the status goes back from {old} to {new} (Plandata: K → F → KV → V → A)", "status")
                 for planid, old, new in counts.pop("backward")]
    return ImportResult(issues=prepared.issues + lifecycle, source=prepared.source, **counts)


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
