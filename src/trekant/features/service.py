"""Read-side use cases of the published layers: the collections, a page of features, one feature.

`published_only` is the visibility rule of the platform (the web passes
`principal.sees_unpublished`'s opposite): the public sees published plans only (adopted and
proposed, never drafts) and the conflicts between them; nothing here knows about HTTP.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone

import geopandas as gpd
import numpy as np
import shapely
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from trekant.errors import NotFound
from trekant.features import repo
from trekant.features.crs import Crs
from trekant.features.layers import LAYERS, PLAN_CONFLICTS, Layer, visible_statuses
from trekant.features.query import ItemQuery
from trekant.plan import repo as plan_repo
from trekant.plan.reports import conflict_lines
from trekant.settings import Settings
from trekant.store.schema.plan import plan_frame
from trekant.store.store import reading


@dataclass(frozen=True)
class CollectionInfo:
    layer: Layer
    bounds: tuple[float, float, float, float] | None  # store CRS
    since: datetime | None
    demo: bool


@dataclass(frozen=True)
class FeaturePage:
    """Features in the store CRS: ids, JSON-ready properties and Shapely geometries, plus the match count."""

    layer: Layer
    ids: list[str]
    properties: list[dict]
    geometries: np.ndarray  # store CRS; empty when `features` holds the features already written
    matched: int
    features: list[str] | None = None  # whole GeoJSON Features in the target CRS, written by PostGIS


@contextmanager
def _reading(settings: Settings):
    """A store connection for one answer. On PostgreSQL in autocommit: every answer is one
    statement (its own snapshot), so BEGIN and ROLLBACK would only add two round trips."""
    with reading(settings) as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT")
        yield conn


def layer(collection_id: str) -> Layer:
    found = LAYERS.get(collection_id)
    if found is None:
        raise NotFound(f"no collection {collection_id!r} (collections: {', '.join(LAYERS)})")
    return found


def collections(settings: Settings, published_only: bool) -> list[CollectionInfo]:
    with reading(settings) as conn:
        return [_describe(conn, lyr, published_only) for lyr in LAYERS.values()]


def collection(settings: Settings, collection_id: str, published_only: bool) -> CollectionInfo:
    chosen = layer(collection_id)
    with reading(settings) as conn:
        return _describe(conn, chosen, published_only)


def _describe(conn: Connection, lyr: Layer, published_only: bool) -> CollectionInfo:
    if lyr is PLAN_CONFLICTS:
        lines = conflicts(conn, published_only)
        bounds = tuple(float(v) for v in lines.total_bounds) if len(lines) else None
        return CollectionInfo(lyr, bounds, None, bool(len(lines)) and bool(lines["is_demo"].any()))
    bounds, since = repo.extent(conn, lyr, published_only)
    demo = False
    if "is_demo" in lyr.properties:
        demo = bool(conn.execute(select(func.count()).select_from(lyr.table)
                                 .where(*lyr.visible(published_only), lyr.table.c.is_demo.is_(True))).scalar_one())
    return CollectionInfo(lyr, bounds, since, demo)


def items(settings: Settings, collection_id: str, query: ItemQuery, published_only: bool,
          target: Crs | None = None) -> FeaturePage:
    """The page of features matching the query (box, properties, time) with numberMatched.

    With a target CRS, PostGIS writes each feature as GeoJSON in it (page.features); otherwise
    properties and Shapely geometries in the store CRS come back."""
    chosen = layer(collection_id)
    with _reading(settings) as conn:
        if chosen is PLAN_CONFLICTS:
            return _conflict_page(conflicts(conn, published_only), query)
        matched, rows = repo.select_page(conn, chosen, query, published_only, target)
        return _page(chosen, rows, matched, conn.dialect.name, repo.geojson_in_sql(conn, target))


def item(settings: Settings, collection_id: str, feature_id: str, published_only: bool,
         target: Crs | None = None) -> FeaturePage:
    """One feature by its id; NotFound when it does not exist or this user may not see it."""
    chosen = layer(collection_id)
    with _reading(settings) as conn:
        if chosen is PLAN_CONFLICTS:
            lines = conflicts(conn, published_only)
            page = _conflict_page(lines[lines["conflict_id"] == feature_id], ItemQuery(limit=1))
        else:
            row = repo.select_one(conn, chosen, feature_id, published_only, target)
            page = _page(chosen, [row] if row is not None else [], int(row is not None), conn.dialect.name,
                         repo.geojson_in_sql(conn, target))
    if not page.ids:
        raise NotFound(f"no feature {feature_id!r} in the collection {collection_id}")
    return page


def _page(lyr: Layer, rows: list, matched: int, dialect: str, written: bool) -> FeaturePage:
    if written:
        return FeaturePage(lyr, [str(r[0]) for r in rows], [], np.array([], dtype=object), matched, [r[1] for r in rows])
    names = list(lyr.properties)
    properties = [{name: json_value(value) for name, value in zip(names, row[:-1])} for row in rows]
    ids = [str(p[lyr.key]) for p in properties]
    return FeaturePage(lyr, ids, properties, repo.decode(rows, dialect), matched)


PLAIN = (str, int, float, bool, type(None))


def json_value(value):
    """A stored value as JSON: dates ISO 8601, instants in UTC with Z, numpy scalars plain."""
    if type(value) in PLAIN and value == value:  # not NaN
        return value
    if isinstance(value, datetime):
        moment = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
        return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return plan_repo.python_value(value)


# --- the computed conflict layer -------------------------------------------------------------

_conflict_cache: dict[tuple, gpd.GeoDataFrame] = {}
_conflict_lock = threading.Lock()


def _frames_fingerprint(conn: Connection) -> tuple:
    """Changes whenever a frame is added, versioned, closed or removed (one cheap aggregate)."""
    return tuple(conn.execute(select(func.max(plan_frame.c.fid), func.count(), func.max(plan_frame.c.valid_to))).one())


def conflicts(conn: Connection, published_only: bool) -> gpd.GeoDataFrame:
    """Open cross-border conflicts among the frames this user may see, as lines (cached per process
    until the frames change: the check reads every frame)."""
    statuses = visible_statuses(published_only)
    key = (str(conn.engine.url), statuses, _frames_fingerprint(conn))
    with _conflict_lock:
        cached = _conflict_cache.get(key)
    if cached is not None:
        return cached
    lines = conflict_lines(plan_repo.read_frames(conn, statuses=statuses), {})
    if len(lines):
        lines = lines.assign(conflict_id=lines["source_planid"] + "--" + lines["sensitive_planid"])
    else:
        lines = lines.assign(conflict_id=[], is_demo=[])
    with _conflict_lock:
        if len(_conflict_cache) > 8:
            _conflict_cache.clear()
        _conflict_cache[key] = lines
    return lines


def _conflict_page(lines: gpd.GeoDataFrame, query: ItemQuery) -> FeaturePage:
    chosen = lines
    if len(chosen) and query.area is not None:
        chosen = chosen[shapely.intersects(query.area, chosen.geometry.to_numpy())]
    for prop, value in query.filters.items():
        chosen = chosen[chosen[prop] == value]
    page = chosen.iloc[query.offset:query.offset + query.limit]
    names = list(PLAN_CONFLICTS.properties)
    properties = [{n: json_value(row[n]) for n in names} for _, row in page.iterrows()]
    return FeaturePage(PLAN_CONFLICTS, [p["conflict_id"] for p in properties], properties,
                       page.geometry.to_numpy(), len(chosen))
