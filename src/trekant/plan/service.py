"""Use cases of the joint municipal plan that write: import, fetch, designations (one transaction each).

Reading, coercion and validation happen before the store is written. A submission (a
municipality's own plan) follows Plandata's rules strictly: an error-severity issue raises
InputError carrying every issue, and nothing is written. A register mirror (`--mirror`, the
default of `plan fetch`) stores what the register publishes, with its findings (plan/mirror.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry import Point, mapping
from sqlalchemy.engine import Connection

from trekant.accounts import rules
from trekant.accounts.model import Principal
from trekant.errors import InputError, Issue, NotFound, has_errors
from trekant.plan import cascade as cascade_mod
from trekant.plan import designations, mirror, nearby, repo
from trekant.plan.codes import load_code_lists
from trekant.plan.point import Rows
from trekant.plan.io import wfs
from trekant.plan.io.reader import RawLayer, read_layer
from trekant.plan.layers import KOMMUNEPLANRAMME, LAYERS, PlanLayer, kind_from_name, kind_of_wfs_layer
from trekant.plan.model import (
    LIVE_STATUSES,
    MAX_TOLERANCE_M,
    OUTSIDE_TOLERANCE_M,
    PUBLISHED_STATUSES,
    STORE_CRS,
    Finding,
    ImportResult,
)
from trekant.plan.normalize import normalize
from trekant.plan.repair import repair
from trekant.plan.validate import Scope, validate
from trekant.plan.versions import backward_statuses, plan_versions, withdrawn
from trekant.region import repo as region_repo
from trekant.settings import Settings
from trekant.store.audit import write_audit
from trekant.store.schema.plan import plan_designation
from trekant.store.store import Store, reading

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


def region_members(conn: Connection) -> list[str]:
    """The codes of the region's own municipalities."""
    return [m.code for m in region_repo.read_region_municipalities(conn)]


@dataclass(frozen=True)
class Withdrawal:
    """The part of a layer a complete export covers: its current features there that the export no
    longer holds are withdrawn (closed). A fetch covers one municipality and one status."""

    komnr: tuple[str, ...]
    statuses: tuple[str, ...]


@dataclass
class Prepared:
    """Features read and validated, ready to write (or not, when issues hold an error)."""

    frames: gpd.GeoDataFrame
    issues: list[Issue]
    source: str
    layer: PlanLayer = KOMMUNEPLANRAMME
    mirror: bool = False
    findings: list[Finding] = field(default_factory=list)
    skipped: int = 0
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)


def detect_kind(raw: RawLayer, path: Path | None = None) -> str:
    """The kind of plan layer a file holds: its layer or file name, else its fields, else frames."""
    for name in (raw.layer, path.stem if path else ""):
        if name and not name.isdigit() and (kind := kind_from_name(name)):
            return kind
    columns = {str(c).lower() for c in raw.attributes.columns}
    if {"lokplan_id", "delnr"} & columns:
        return "delomraade"
    if "plantype" in columns:
        types = raw.attributes[next(c for c in raw.attributes.columns if str(c).lower() == "plantype")].dropna()
        if len(types) and str(types.iloc[0]).startswith("20"):
            return "lokalplan"
    if "zone" in columns and "anvgen" not in columns:
        return "zonekort"
    return KOMMUNEPLANRAMME.kind


def plan_layer(kind: str | None) -> PlanLayer | None:
    """The layer of a --kind value (None: find out from the file); InputError naming the kinds."""
    if kind is None:
        return None
    if kind not in LAYERS:
        raise InputError("--kind", reason=f"{kind!r} is not one of {', '.join(LAYERS)}")
    return LAYERS[kind]


def prepare_file(path: Path, borders: dict, municipality: str | None = None, status: str | None = None,
                 layer: str | None = None, skip_others: bool = False, tolerance_m: float = OUTSIDE_TOLERANCE_M, *,
                 kind: str | None = None, mirror_of: Sequence[str] | None = None) -> Prepared:
    """Read, coerce and validate one plan file against the code lists and the boundaries.

    `mirror_of` (the region's municipality codes) makes it a register mirror; None a submission."""
    source = str(path)
    spec = plan_layer(kind)
    preferred = (lambda n: kind_from_name(n) == spec.kind) if spec else (lambda n: kind_from_name(n) == KOMMUNEPLANRAMME.kind)
    raw, issues = read_layer(path, layer, preferred)
    if raw is None:
        return Prepared(gpd.GeoDataFrame(), issues, source, spec or KOMMUNEPLANRAMME, mirror_of is not None)
    spec = spec or LAYERS[detect_kind(raw, path)]
    return prepare_raw(raw, source, borders, issues, municipality, status, skip_others, tolerance_m,
                       layer=spec, mirror_of=mirror_of)


def prepare_raw(raw: RawLayer, source: str, borders: dict, issues: list[Issue], municipality: str | None = None,
                status: str | None = None, skip_others: bool = False, tolerance_m: float = OUTSIDE_TOLERANCE_M, *,
                layer: PlanLayer = KOMMUNEPLANRAMME, mirror_of: Sequence[str] | None = None) -> Prepared:
    codes = load_code_lists()
    default_status = _status_code(status, source)
    frames, found = normalize(raw.attributes, raw.geometries, raw.unreadable, raw.crs, source, codes, default_status,
                              raw.nan_cells, layer)
    if any(i.code == "missing-crs" for i in found):
        return Prepared(frames, issues + found, source, layer, mirror_of is not None)
    if mirror_of is not None:
        members = [municipality] if municipality else list(mirror_of)
        return _prepare_mirror(frames, issues, found, source, borders, members, tolerance_m, layer)
    checked, keep = validate(frames, source, codes, borders, Scope(municipality, skip_others), tolerance_m, layer)
    issues = issues + found + checked
    frames = frames[keep].reset_index(drop=True)
    issues.sort(key=lambda i: i.severity != "error")  # errors first, each group in file order
    return Prepared(frames, issues, source, layer)


def _prepare_mirror(frames: gpd.GeoDataFrame, issues: list[Issue], found: list[Issue], source: str, borders: dict,
                    members: Sequence[str], tolerance_m: float, layer: PlanLayer) -> Prepared:
    """The register mirror: neighbours' features left out, geometry repaired, every issue a finding."""
    other, left_out = mirror.outside_region(frames, members)
    if left_out:
        listed = ", ".join(f"{k} ({v})" for k, v in left_out.items())
        issues = issues + [Issue("warning", "left-out", source, "file",
                                 f"{int(other.sum())} feature(s) of municipalities outside the region ({', '.join(members)}) "
                                 f"left out: {listed}", "komnr")]
    frames = frames[~other].reset_index(drop=True)
    labels = set(frames["where"])
    found = [i for i in found if i.where in labels or i.where == "file"]
    repaired = repair(frames.geometry.to_numpy())
    frames = frames.set_geometry(gpd.GeoSeries(repaired.geoms, crs=frames.crs))
    checked, _ = validate(frames, source, load_code_lists(), borders, Scope(), tolerance_m, layer)
    result = mirror.classify(frames, found, checked, repaired, layer.kind, source)
    file_level = [i for i in found if i.where == "file"]
    return Prepared(result.frames, issues + file_level, source, layer, True, result.findings, result.skipped, left_out)


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


def feature_columns(frames: gpd.GeoDataFrame, layer: PlanLayer, version: np.ndarray, meta: dict) -> dict[str, list]:
    """Column-wise values for a layer's table: Plandata fields, version columns and area."""
    count = len(frames)
    columns = {c: repo.column_values(frames[c]) for c in layer.columns}
    columns.update({k: [v] * count for k, v in meta.items()})
    columns["version"] = [int(v) for v in version]
    columns["area_m2"] = np.round(shapely.area(frames.geometry.to_numpy()), 3).tolist()
    return columns


def _continue_numbering(conn: Connection, table, frames: gpd.GeoDataFrame, plan) -> None:
    """A planid withdrawn earlier and now back continues its version numbers (planid, version is unique)."""
    new_ids = list(frames["planid"][plan.new])
    last = repo.last_versions(conn, table, new_ids)
    if last:
        rows = np.flatnonzero(plan.new)
        plan.version[rows] = [last.get(p, 0) + 1 for p in new_ids]


def write_layer(conn: Connection, layer: PlanLayer, frames: gpd.GeoDataFrame, actor: str, change: str, source: str,
                is_demo: bool = False, now: datetime | None = None, withdraw: Withdrawal | None = None) -> dict:
    """New features and new versions of changed ones; unchanged ones are left alone; with `withdraw`,
    the current features of that scope the export no longer holds are closed (withdrawn)."""
    now = now or datetime.now(timezone.utc)
    table = repo.table_of(layer)
    current = repo.read_current_for(conn, list(frames["planid"]), table)
    plan = plan_versions(frames, current, "planid", layer.columns, layer.numeric)
    _continue_numbering(conn, table, frames, plan)
    backward = backward_statuses(frames, current, load_code_lists().status_order)
    gone = _withdrawn(conn, layer, frames, withdraw)
    write = plan.new | plan.changed
    repo.close_versions(conn, table, plan.closed_fids + list(gone["fid"]), now)
    meta = dict(is_current=True, valid_from=now, valid_to=None, changed_by=actor, change=change, source=source,
                is_demo=is_demo)
    chosen = frames[write].reset_index(drop=True)
    repo.insert_features(conn, table, feature_columns(chosen, layer, plan.version[write], meta), chosen.geometry.to_numpy())
    repo.refresh_extents(conn)
    counts = dict(imported=int(write.sum()), new_frames=int(plan.new.sum()), new_versions=int(plan.changed.sum()),
                  unchanged=int((~write).sum()), withdrawn=len(gone))
    detail = dict(counts, source=source, new=list(frames["planid"][plan.new]))
    write_audit(conn, actor, f"plan.{change}", table.name, source, detail)
    for planid, fields in plan.changed_fields.items():
        write_audit(conn, actor, "plan.new_version", table.name, planid, dict(fields=fields, source=source))
    if len(gone):
        write_audit(conn, actor, "plan.withdrawn", table.name, source, dict(planids=list(gone["planid"])))
    return dict(counts, backward=backward)


def _withdrawn(conn: Connection, layer: PlanLayer, frames: gpd.GeoDataFrame, withdraw: Withdrawal | None):
    if withdraw is None or not withdraw.komnr or not withdraw.statuses:
        return gpd.GeoDataFrame(dict(fid=[], planid=[]))
    stored = repo.read_features(conn, layer, statuses=withdraw.statuses, komnr=withdraw.komnr, columns=("fid", "planid"))
    return withdrawn(stored, frames["planid"])


def write_frames(conn: Connection, frames: gpd.GeoDataFrame, actor: str, change: str, source: str,
                 is_demo: bool = False, now: datetime | None = None) -> dict:
    """write_layer for kommuneplanrammer (the demo plan and the benchmarks write these)."""
    return write_layer(conn, KOMMUNEPLANRAMME, frames, actor, change, source, is_demo, now)


def write_designations(conn: Connection, designations: gpd.GeoDataFrame, actor: str, change: str, source: str,
                       is_demo: bool = False, now: datetime | None = None) -> dict:
    """Joint designations, versioned like frames (keyed by designation_id)."""
    now = now or datetime.now(timezone.utc)
    current = repo.read_current_for(conn, list(designations["designation_id"]), plan_designation)
    plan = plan_versions(designations, current, "designation_id", repo.DESIGNATION_COLUMNS, ("consequence_m",))
    write = plan.new | plan.changed
    repo.close_versions(conn, plan_designation, plan.closed_fids, now)
    chosen = designations[write].reset_index(drop=True)
    rows = [
        {**{c: repo.python_value(chosen[c].iloc[i]) for c in repo.DESIGNATION_COLUMNS}, "version": int(v), "is_current": True,
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
                layer: str | None = None, skip_others: bool = False, tolerance_m: float = OUTSIDE_TOLERANCE_M, *,
                kind: str | None = None, mirror: bool = False, partial: bool = False,
                by: Principal | None = None) -> ImportResult:
    """Import a plan file in one transaction. A submission: InputError (with every issue) and no
    write on any error. A mirror (`mirror=True`): the register's features as they are, with findings;
    the file is the whole layer of the municipalities it holds (of `status` when given), so their
    current features it no longer holds are withdrawn, unless `partial`.

    `by` is who asks (the web's or the CLI's principal): every municipality the import touches must be
    one they may edit (accounts.rules "plan.edit"), or Forbidden and nothing is written. None: a
    trusted caller (defaults, tests)."""
    check_distance("--tolerance-m", tolerance_m)
    with opened(settings) as store:
        with store.connect() as conn:
            borders, members = boundaries(conn), region_members(conn)
        if municipality is not None and municipality.zfill(4) not in borders:
            raise NotFound(f"municipality {municipality} is not in the store")
        scope = None if municipality is None else municipality.zfill(4)
        prepared = prepare_file(path, borders, scope, status, layer, skip_others, tolerance_m, kind=kind,
                                mirror_of=members if mirror else None)
        withdraw = None
        if mirror and not partial and prepared.ok:
            komnr = sorted(set(prepared.frames["komnr"]) | {f.komnr for f in prepared.findings if f.komnr})
            statuses = (_status_code(status, str(path)),) if status else tuple(load_code_lists().status)
            withdraw = Withdrawal(tuple(komnr), statuses)
        return _write_prepared(store, prepared, settings.actor, "import", withdraw, by)


def import_designations(settings: Settings, path: Path, theme: str, id_field: str = "id", name_field: str = "name",
                        layer: str | None = None) -> dict:
    """Import one theme of joint designations; all or nothing, versioned by id."""
    source = str(path)
    raw, issues = read_layer(path, layer)
    with opened(settings) as store:
        with store.connect() as conn:
            borders, members = boundaries(conn), region_members(conn)
        if raw is not None:
            zones, found = designations.prepare_designations(raw.attributes, raw.geometries, raw.unreadable, raw.crs, source,
                                                             load_code_lists(), theme, borders, id_field, name_field, members)
            issues = issues + found
        if raw is None or has_errors(issues):
            raise InputError.from_issues(source, issues)
        with store.begin() as conn:
            counts = write_designations(conn, zones, settings.actor, "import", source)
    return dict(counts, theme=theme, source=source, issues=issues)


def _write_prepared(store: Store, prepared: Prepared, actor: str, change: str,
                    withdraw: Withdrawal | None = None, by: Principal | None = None) -> ImportResult:
    if by is not None:  # before anything is written: every municipality the change touches must be theirs
        touched = set(prepared.frames["komnr"]) if "komnr" in prepared.frames else set()
        rules.require(by, "plan.edit", touched | set(withdraw.komnr if withdraw else ()))
    if not prepared.ok:
        raise InputError.from_issues(prepared.source, prepared.issues)
    layer = prepared.layer
    with store.begin() as conn:
        counts = write_layer(conn, layer, prepared.frames, actor, change, prepared.source, withdraw=withdraw)
        if prepared.mirror:  # the findings of what the file covers: as withdrawals, or (partial) its own plans
            if withdraw:
                repo.write_findings(conn, layer.kind, prepared.findings, withdraw.komnr, prepared.source,
                                    statuses=withdraw.statuses)
            else:
                planids = {*prepared.frames["planid"], *(f.planid for f in prepared.findings if f.planid)}
                komnr = {*prepared.frames["komnr"], *(f.komnr for f in prepared.findings if f.komnr)}
                repo.write_findings(conn, layer.kind, prepared.findings, sorted(komnr), prepared.source, planids=planids)
    lifecycle = [Issue("warning", "status-lifecycle", prepared.source, f"planid {planid}",
                       f"the status goes back from {old} to {new} (Plandata: K → F → KV → V → A)", "status")
                 for planid, old, new in counts.pop("backward")]
    return ImportResult(issues=prepared.issues + lifecycle, source=prepared.source, layer=layer.kind,
                        mode="mirror" if prepared.mirror else "submission", skipped=prepared.skipped,
                        left_out=prepared.left_out, findings=prepared.findings, **counts)


@dataclass(frozen=True)
class FetchTarget:
    """Which Plandata layer a fetch reads: its kind, the status its features have, the WFS layer name."""

    kind: str
    status: str
    wfs_layer: str


def fetch_target(layer: str | None = None, status: str | None = None) -> FetchTarget:
    """`--layer kommuneplanramme|lokalplan|delomraade|zonekort` (or a WFS layer name) and `--status
    forslag|vedtaget` → the WFS layer; InputError for a combination Plandata does not serve."""
    code = _status_code(status, "--status") if status else None
    if layer is None or layer in LAYERS:
        spec = LAYERS[layer or KOMMUNEPLANRAMME.kind]
        code = code or "V"
        if code not in spec.wfs:
            served = ", ".join(load_code_lists().status[s][0].lower() for s in spec.wfs)
            raise InputError("--status", reason=f"Plandata serves {spec.kind} as {served} only")
        return FetchTarget(spec.kind, code, spec.wfs[code])
    known = kind_of_wfs_layer(layer)
    if known is None:
        kind = kind_from_name(layer) or KOMMUNEPLANRAMME.kind
        return FetchTarget(kind, code or ("F" if "forslag" in layer else "V"), layer.split(":", 1)[-1])
    if code is not None and code != known[1]:
        raise InputError("--status", reason=f"layer {layer} holds status {known[1]}, not {code}")
    return FetchTarget(known[0], known[1], layer.split(":", 1)[-1])


def wfs_request(url: str | None = None, layer: str | None = None, page_size: int = wfs.PAGE_SIZE,
                status: str | None = None) -> wfs.WfsRequest:
    """A request to Plandata's public WFS unless another endpoint is given, for the layer asked for."""
    return wfs.WfsRequest(url or wfs.PLANDATA_WFS_URL, fetch_target(layer, status).wfs_layer, page_size)


def fetch(settings: Settings, municipality: str, request: wfs.WfsRequest = wfs.WfsRequest(),
          strict: bool = False, by: Principal | None = None) -> ImportResult:
    """Load one municipality's features of one Plandata layer from the WFS: a register mirror by
    default (findings, repairs, withdrawals within that municipality and status), or validated as
    a submission with `strict`."""
    komnr = municipality.zfill(4)
    target = fetch_target(request.layer)
    spec = LAYERS[target.kind]
    with opened(settings) as store:
        with store.connect() as conn:
            borders = boundaries(conn)
        if komnr not in borders:
            raise NotFound(f"municipality {municipality} is not in the store")
        if by is not None:
            rules.require(by, "plan.edit", [komnr])
        source = f"{request.url} {request.layer} komnr={int(komnr)}"
        raw, issues = wfs.read_pages(wfs.fetch_pages(request, komnr), source)
        if raw is None:
            if has_errors(issues):
                raise InputError.from_issues(source, issues)
            empty = Issue("warning", "no-features", source, f"komnr {int(komnr)}",
                          f"the WFS answered no features of layer {request.layer} for municipality {komnr}; nothing written "
                          "(an empty answer cannot be told from a wrong layer or filter, so no stored plan is withdrawn)")
            return ImportResult(0, 0, 0, 0, issues + [empty], source, layer=spec.kind,
                                mode="submission" if strict else "mirror")
        prepared = prepare_raw(raw, source, borders, issues, municipality=komnr, status=target.status, layer=spec,
                               mirror_of=None if strict else [komnr])
        withdraw = None if strict else Withdrawal((komnr,), (target.status,))
        return _write_prepared(store, prepared, settings.actor, "fetch", withdraw, by)


# --- Read use cases the web pages and the CLI share ---------------------------------------------

def _municipality_code(municipality: str | None) -> str | None:
    if municipality is None:
        return None
    code = municipality.strip().zfill(4)
    if not code.isdigit() or len(code) != 4:
        raise InputError("--municipality", reason=f"{municipality!r} is not a municipality code")
    return code


def quality_findings(settings: Settings, municipality: str | None = None, codes: Sequence[str] | None = None,
                     layer: str | None = None, published_only: bool = False) -> dict:
    """The current data-quality findings of the register mirror, JSON-ready: each with its layer,
    municipality (code and name), planid, code, what was done (action), field and message, plus
    counts by code and by action. `published_only` (anonymous users) keeps findings about features
    whose status Plandata publishes (PUBLISHED_STATUSES); drafts' findings stay with their editors."""
    komnr = _municipality_code(municipality)
    if layer is not None and layer not in LAYERS:
        raise InputError("--layer", reason=f"{layer!r} is not one of {', '.join(LAYERS)}")
    with reading(settings) as conn:
        found = repo.read_findings(conn, [komnr] if komnr else None, codes, [layer] if layer else None,
                                   PUBLISHED_STATUSES if published_only else None)
        names = {m.code: m.name for m in region_repo.read_all_municipalities(conn)}
    for f in found:
        f["municipality"] = names.get(f["komnr"])
        f["found_at"] = f["found_at"].isoformat() if f["found_at"] else None
    by_code: dict[str, int] = {}
    by_action: dict[str, int] = {}
    for f in found:
        by_code[f["code"]] = by_code.get(f["code"], 0) + 1
        by_action[f["action"]] = by_action.get(f["action"], 0) + 1
    return dict(count=len(found), by_code=dict(sorted(by_code.items())), by_action=by_action, findings=found)


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


def cascade_at(conn: Connection, point, names: dict[str, str], statuses: Sequence[str] = LIVE_STATUSES,
               frames: Rows | None = None) -> dict:
    """The cascade at a point (plan/cascade.py) from every layer's features covering it; `frames`,
    when given, are the frames of these statuses near the point already read (plan/nearby.py)."""
    box = nearby.point_box(point)
    found = {}
    for kind, spec in LAYERS.items():
        if kind == KOMMUNEPLANRAMME.kind and frames is not None:
            rows = frames
        else:
            columns = [c for c in repo.read_columns(spec) if c in cascade_mod.RECORD_READ]
            rows = nearby.features_in_box(conn, repo.table_of(spec), columns, box, statuses)
        found[kind] = rows.covering(point).records()
    return cascade_mod.cascade(found, load_code_lists(), names)


def cascade(settings: Settings, x: float, y: float, crs: str | None = None, published_only: bool = False) -> dict:
    """What applies at a point, JSON-ready: `levels` (delområde, lokalplan, kommuneplanramme, zonekort,
    each with the features covering the point, their rules and PDF links), `governs` (which one and
    why), `zone`, `proposals` (local plan proposals with temporary legal effect), the point in
    EPSG:25832 and its municipality. `published_only` (anonymous users) leaves drafts out."""
    point = to_store_point(x, y, crs)
    statuses = tuple(s for s in LIVE_STATUSES if s in PUBLISHED_STATUSES) if published_only else LIVE_STATUSES
    with reading(settings) as conn:
        names = nearby.municipality_names(conn)
        inside = nearby.municipalities_covering(conn, point)
        answer = cascade_at(conn, point, names, statuses)
    return dict(answer, x=round(point.x, 2), y=round(point.y, 2), crs=STORE_CRS,
                municipality=[dict(komnr=c, name=name) for c, name in inside])


def visible_statuses(published_only: bool, statuses: Sequence[str] | None) -> tuple[str, ...]:
    """The statuses a user may see: what is asked for (default: live), and for anonymous users only
    what Plandata publishes (no drafts)."""
    chosen = tuple(statuses) if statuses else LIVE_STATUSES
    return tuple(s for s in chosen if s in PUBLISHED_STATUSES) if published_only else chosen


_visible_statuses = visible_statuses


def layer_features(settings: Settings, kind: str = KOMMUNEPLANRAMME.kind, published_only: bool = False,
                   statuses: Sequence[str] | None = None, municipality: str | None = None,
                   bbox: tuple[float, float, float, float] | None = None, crs: str = "EPSG:4326",
                   limit: int | None = None, offset: int = 0) -> dict:
    """One layer's current features as a GeoJSON FeatureCollection in `crs` (longitude/latitude by
    default): every field of the layer plus the municipality's name, the use's name, area in hectares,
    version, valid_from and is_demo. `bbox` is in `crs`. `published_only` (anonymous users) keeps the
    statuses Plandata publishes: proposals and adopted plans, never drafts."""
    spec = plan_layer(kind)
    target = CRS.from_user_input(crs)
    to_store = Transformer.from_crs(target, STORE_CRS, always_xy=True)
    box = to_store.transform_bounds(*bbox) if bbox is not None else None
    with reading(settings) as conn:
        features = repo.read_features(conn, spec, statuses=_visible_statuses(published_only, statuses),
                                      komnr=[_municipality_code(municipality)] if municipality else None, bbox=box)
        names = {m.code: m.name for m in region_repo.read_all_municipalities(conn)}
    if box is not None:  # the index gave envelopes meeting the box; keep the features that do
        features = features[shapely.intersects(features.geometry.to_numpy(), shapely.box(*box))].reset_index(drop=True)
    matched = len(features)
    features = features.iloc[offset:None if limit is None else offset + limit]
    codes = load_code_lists()
    shown = features.to_crs(target) if len(features) else features
    records = []
    for row, geom in zip(features.drop(columns="geometry").to_dict("records"), shown.geometry):
        properties = {k: cascade_mod.plain(v) for k, v in row.items() if k != "fid"}
        properties.update(layer=spec.kind, municipality=names.get(row["komnr"]),
                          area_ha=round((row.get("area_m2") or 0.0) / 10_000, 2),
                          use=codes.anvgen.get(properties.get("anvgen"), (None,))[0] if properties.get("anvgen") else None)
        records.append(dict(type="Feature", id=row["planid"], properties=properties,
                            geometry=None if geom is None else mapping(geom)))
    return dict(type="FeatureCollection", layer=spec.kind, crs=crs, numberMatched=matched, numberReturned=len(records),
                published_only=published_only, features=records)


def code_names(language: str = "da") -> dict[str, dict]:
    """Plandata's words for the codes a reader meets (general use, plan status, zone, designation
    theme) in Danish or English, for pages and reports that show codes as words."""
    codes = load_code_lists()
    pick = 1 if language == "en" else 0
    return dict(anvgen={k: v[pick] for k, v in codes.anvgen.items()},
                status={k: v[pick] for k, v in codes.status.items()},
                zone={k: v[pick] for k, v in codes.zone.items()},
                themes={k: v[pick] for k, v in codes.themes.items()})
