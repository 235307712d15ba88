"""Read municipal boundaries (DAGI GeoJSON or any OGR format) into Municipality records in EPSG:25832."""

from __future__ import annotations

from pathlib import Path

import pyogrio
import shapely
from shapely.geometry import MultiPolygon

from trekant.errors import InputError, Issue
from trekant.region.model import Municipality

STORE_CRS = "EPSG:25832"
CODE_FIELDS = ("KOMKODE", "komkode")
NAME_FIELDS = ("KOMNAVN", "kommunenavn")


def _pick(columns, candidates: tuple[str, ...], path: Path) -> str:
    for name in candidates:
        if name in columns:
            return name
    raise InputError(str(path), "attributes", f"no municipality field; expected one of {', '.join(candidates)}")


def _read_frame(path: Path):
    try:
        return pyogrio.read_dataframe(path)
    except Exception as exc:  # pyogrio raises several error classes for unreadable files
        raise InputError(str(path), reason=f"not a readable boundary file ({type(exc).__name__}: {str(exc).splitlines()[0]})") from None


def _as_multipolygon(geoms) -> MultiPolygon:
    parts = []
    for geom in geoms:
        parts.extend(getattr(geom, "geoms", [geom]))
    return MultiPolygon(parts)


def _geometry_issues(path: Path, frame, code_field: str) -> list[Issue]:
    issues = []
    for index, (code, geom) in enumerate(zip(frame[code_field], frame.geometry)):
        where = f"feature {index} ({code_field}={code})"
        if geom is None or geom.is_empty:
            issues.append(Issue("error", "missing-value", str(path), where, "no geometry", "geometry"))
        elif geom.geom_type not in ("Polygon", "MultiPolygon"):
            issues.append(Issue("error", "wrong-geometry-type", str(path), where, f"{geom.geom_type}, expected a polygon", "geometry"))
        elif not geom.is_valid:
            issues.append(Issue("error", "invalid-geometry", str(path), where, shapely.is_valid_reason(geom), "geometry"))
    return issues


def read_boundaries(path: Path, names: dict[str, tuple[str, str]]) -> list[Municipality]:
    """All municipalities in the file, one MultiPolygon per code; InputError listing every problem."""
    frame = _read_frame(path)
    code_field = _pick(frame.columns, CODE_FIELDS, path)
    if frame.crs is None:
        raise InputError(str(path), "file", "no coordinate reference system declared")
    frame = frame.to_crs(STORE_CRS)
    frame["geometry"] = shapely.force_2d(frame.geometry.values)
    frame[code_field] = frame[code_field].astype(str).str.zfill(4)
    issues = _geometry_issues(path, frame, code_field)
    unknown = sorted(set(frame[code_field]) - set(names))
    issues += [Issue("error", "unknown-code", str(path), f"{code_field}={c}", "code not in the municipality list", code_field) for c in unknown]
    if issues:
        raise InputError.from_issues(str(path), issues)
    return [
        Municipality(code=code, name=names[code][0], name_statbank=names[code][1], geom=_as_multipolygon(group.geometry))
        for code, group in frame.groupby(code_field, sort=True)
    ]
