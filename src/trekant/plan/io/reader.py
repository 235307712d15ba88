"""Read a plan file (GeoJSON, GeoPackage, zipped Shapefile, GML) into raw attributes + geometries.

pyogrio's Arrow reader hands back WKB, so one broken polygon becomes an issue on that feature
instead of an exception for the whole file, and it keeps a missing number (null) apart from a
NaN written in the file. Dates come as the text the file holds: GDAL would otherwise turn
2021-02-30 into 2021-03-02 (GeoJSON) or fail the whole file. Nothing here interprets attributes:
see normalize.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.parsers import expat

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyogrio
import shapely
from pyogrio import raw

from trekant.errors import Issue
from trekant.textfile import file_problem

# Plandata's WFS GML names its schema by URL; GDAL must neither fetch it (nothing here goes to the
# internet) nor write .gfs files beside the user's file. The config options cover every open,
# including pyogrio's layer listing, which takes no open options.
GML_OPEN_OPTIONS = {"DOWNLOAD_SCHEMA": "NO", "WRITE_GFS": "NO"}
GEOJSON_OPEN_OPTIONS = {"DATE_AS_STRING": "YES"}  # "2021-02-30" stays text instead of becoming 2021-03-02
pyogrio.set_gdal_config_options({"GML_DOWNLOAD_SCHEMA": "NO", "GML_USE_SCHEMA_IMPORT": "NO"})
GML_SUFFIXES = (".gml", ".xml")
GEOJSON_SUFFIXES = (".geojson", ".json")
FALLBACK_ENCODING = "cp1252"  # what Danish files that are not UTF-8 are, almost always
PREFERRED_LAYER_WORDS = ("kommuneplanramme", "ramme", "frame")
NUL_ESCAPE = b"\\u0000"


@dataclass
class RawLayer:
    """A layer as it is in the file: attribute columns, geometries (None when absent or unreadable)."""

    attributes: pd.DataFrame
    geometries: np.ndarray  # shapely geometries or None
    unreadable: np.ndarray  # bool: WKB present but not parseable
    crs: str | None
    layer: str
    nan_cells: dict[str, np.ndarray] = field(default_factory=dict)  # field → rows holding NaN (not null)


def _issue(source: str, code: str, message: str, where: str = "file", field: str | None = None,
           severity: str = "error") -> Issue:
    return Issue(severity, code, source, where, message, field)


def zip_layers(path: Path) -> tuple[dict[str, str], list[Issue]]:
    """Layer name → GDAL path of every Shapefile in a zip (the name is the .shp's stem, or its
    path inside the archive when two stems are the same)."""
    try:
        with zipfile.ZipFile(path) as archive:
            shapefiles = sorted(n for n in archive.namelist() if n.lower().endswith(".shp"))
    except (zipfile.BadZipFile, OSError) as exc:
        return {}, [_issue(str(path), "unreadable-file", f"not a readable zip file ({exc})")]
    if not shapefiles:
        return {}, [_issue(str(path), "unreadable-file", "the zip file holds no .shp")]
    stems = [PurePosixPath(n).stem for n in shapefiles]
    names = [stem if stems.count(stem) == 1 else n[:-4] for stem, n in zip(stems, shapefiles)]
    return {name: f"/vsizip/{path}/{inner}" for name, inner in zip(names, shapefiles)}, []


def _preferred_by_words(name: str) -> bool:
    return any(w in name.lower() for w in PREFERRED_LAYER_WORDS)


def _choose(names: list[str], source: str, layer: str | None, preferred) -> tuple[str | None, list[Issue]]:
    """The layer to read: the one asked for, the only one, or the one whose name says what it is
    (with a warning naming the layers left unread); otherwise an error listing them all."""
    if layer is not None:
        if layer in names:
            return layer, []
        return None, [_issue(source, "unknown-layer", f"no layer {layer!r}; the file has {', '.join(names)}")]
    if len(names) == 1:
        return names[0], []
    chosen = [n for n in names if preferred(n)]
    if len(chosen) == 1:
        others = [n for n in names if n != chosen[0]]
        return chosen[0], [_issue(source, "layers-not-read", f"read layer {chosen[0]!r}; not read: {', '.join(others)} "
                                     "(give --layer to read another)", severity="warning")]
    return None, [_issue(source, "ambiguous-layer", f"the file has several layers ({', '.join(names)}); choose one with --layer")]


def _dataset_layers(path: Path, gdal_path: str) -> dict[str, str]:
    if gdal_path.lower().endswith(GML_SUFFIXES):
        return {}  # listing would open the GML without WRITE_GFS=NO; Plandata's GML has one layer
    return {str(n): gdal_path for n in pyogrio.list_layers(gdal_path)[:, 0]}


def xml_problem(path: Path) -> str | None:
    """Why a GML file is not well-formed XML, or None. GDAL reads a truncated GML file as a
    shorter (or empty) layer without any error, so a cut-off download would import silently."""
    parser = expat.ParserCreate()
    try:
        with path.open("rb") as stream:
            parser.ParseFile(stream)
    except expat.ExpatError as exc:
        return f"not well-formed XML (truncated?): {expat.errors.messages[exc.code]} at line {exc.lineno}, column {exc.offset}"
    return None


def nul_issues(path: Path, source: str) -> list[Issue]:
    """GDAL cuts a text value at a NUL character (JSON \\u0000) without a word: 'Vej\\u0000le' becomes
    'Vej'. Find such values (the byte scan is cheap; the feature is located only on a hit)."""
    data = path.read_bytes()
    if NUL_ESCAPE not in data:
        return []
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return [_issue(source, "invalid-value", "the file holds a NUL character (\\u0000) in a text")]
    found = []
    for index, feature in enumerate(document.get("features") or [] if isinstance(document, dict) else []):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        for key, value in (properties or {}).items():
            if isinstance(value, str) and "\0" in value:
                planid = properties.get("planid")
                where = f"feature {index}" + (f" (planid {planid})" if planid not in (None, "") else "")
                found.append(_issue(source, "invalid-value", f"a NUL character (\\u0000) after {value.split(chr(0))[0]!r}: "
                                    "readers cut the text there", where=where, field=str(key)))
    return found or [_issue(source, "invalid-value", "the file holds a NUL character (\\u0000) in a text")]


def _read_raw(gdal_path: str, layer: str | int, source: str) -> tuple[tuple | None, list[Issue]]:
    """pyogrio's Arrow read; GDAL's warnings (e.g. an unclosed ring it closed) become warning Issues."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result, issues = _read_raw_quiet(gdal_path, layer, source)
    told = dict.fromkeys(str(w.message).strip().splitlines()[0] for w in caught if str(w.message).strip())
    return result, issues + [_issue(source, "reader-warning", f"GDAL: {text}", severity="warning") for text in told]


def _open_options(gdal_path: str) -> dict:
    lower = gdal_path.lower()
    if lower.endswith(GML_SUFFIXES):
        return GML_OPEN_OPTIONS
    if lower.endswith(GEOJSON_SUFFIXES):
        return GEOJSON_OPEN_OPTIONS
    return {}


def _read_raw_quiet(gdal_path: str, layer: str | int, source: str) -> tuple[tuple | None, list[Issue]]:
    """(meta, attributes, wkb, nan_cells) through Arrow; a file that is not UTF-8 is read again
    through pyogrio's plain interface (Arrow takes UTF-8 only), where a null number is NaN."""
    options = dict(_open_options(gdal_path), datetime_as_string=True)
    try:
        meta, table = raw.read_arrow(gdal_path, layer=layer, **options)
        table.validate(full=True)  # text that is not UTF-8 shows here (ArrowInvalid), not at the read
        return _from_arrow(meta, table), []
    except (UnicodeDecodeError, pa.ArrowInvalid):
        warning = _issue(source, "encoding", f"the file is not UTF-8; read as {FALLBACK_ENCODING}", severity="warning")
        try:
            meta, _fids, wkb, values = raw.read(gdal_path, layer=layer, encoding=FALLBACK_ENCODING, **options)
        except Exception as exc:  # noqa: BLE001 - GDAL raises several classes
            return None, [_issue(source, "unreadable-file", _first_line(exc))]
        count = len(wkb) if wkb is not None else len(values[0]) if len(values) else 0
        attributes = pd.DataFrame({str(n): pd.Series(v, dtype=object if v.dtype == object else v.dtype)
                                   for n, v in zip(meta["fields"], values)}, index=pd.RangeIndex(count))
        return (meta, attributes, wkb if wkb is not None else np.full(count, None, dtype=object), {}), [warning]
    except Exception as exc:  # noqa: BLE001 - DataSourceError, FieldError, … for broken files
        return None, [_issue(source, "unreadable-file", _first_line(exc))]


def _from_arrow(meta: dict, table: pa.Table) -> tuple:
    fields = [str(f) for f in meta["fields"]]
    attributes, nan_cells = _columns(table, fields)
    geometry_columns = [c for c in table.column_names if c not in fields]
    if geometry_columns:
        wkb = table.column(geometry_columns[0]).to_numpy(zero_copy_only=False).astype(object)
    else:
        wkb = np.full(table.num_rows, None, dtype=object)
    return meta, attributes, wkb, nan_cells


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"cannot read the file: {text[0] if text else type(exc).__name__}"


def _columns(table: pa.Table, fields) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """Attribute columns as pandas (null → None/NaN) and, per float field, the rows holding NaN."""
    columns, nan_cells = {}, {}
    for name in fields:
        column = table.column(name)
        if pa.types.is_floating(column.type):
            nan = pc.fill_null(pc.is_nan(column), False).to_numpy(zero_copy_only=False)
            if nan.any():
                nan_cells[str(name)] = np.flatnonzero(nan)
        if pa.types.is_date(column.type) or pa.types.is_timestamp(column.type):
            column = pc.cast(column, pa.string())
        values = column.to_numpy(zero_copy_only=False)  # text → object array with None for null
        columns[str(name)] = pd.Series(values, dtype=object if values.dtype == object else values.dtype)
    return pd.DataFrame(columns, index=pd.RangeIndex(table.num_rows)), nan_cells


def _layer_paths(path: Path, source: str) -> tuple[dict[str, str], list[Issue]]:
    if path.suffix.lower() == ".zip":
        return zip_layers(path)
    return _dataset_layers(path, str(path)), []


def read_layer(path: Path, layer: str | None = None,
               preferred: Callable[[str], bool] = _preferred_by_words) -> tuple[RawLayer | None, list[Issue]]:
    """Read one layer; returns (None, issues) when the file cannot be read at all. Of several layers,
    `preferred(name)` picks the one to read when no `layer` is given and exactly one is preferred."""
    source = str(path)
    if problem := file_problem(path):  # the shared wording: missing, or a directory
        return None, [_issue(source, "unreadable-file", problem.message)]
    if path.suffix.lower() in GML_SUFFIXES and (problem := xml_problem(path)):
        return None, [_issue(source, "unreadable-file", problem)]
    try:
        paths, issues = _layer_paths(path, source)
    except Exception as exc:  # noqa: BLE001
        return None, [_issue(source, "unreadable-file", _first_line(exc))]
    if issues:
        return None, issues
    if paths:
        chosen, issues = _choose(list(paths), source, layer, preferred)
        if chosen is None:
            return None, issues
        gdal_path, gdal_layer = paths[chosen], (0 if path.suffix.lower() == ".zip" else chosen)
    else:
        chosen, gdal_path, gdal_layer = layer or "0", str(path), layer or 0
    if path.suffix.lower() in GEOJSON_SUFFIXES:
        issues += nul_issues(path, source)
    result, read_issues = _read_raw(gdal_path, gdal_layer, source)
    issues += read_issues
    if result is None:
        return None, issues
    return _raw_layer(result, str(chosen), source, issues)


def _raw_layer(result: tuple, chosen: str, source: str, issues: list[Issue]) -> tuple[RawLayer | None, list[Issue]]:
    meta, attributes, wkb, nan_cells = result
    if not len(attributes):
        return None, issues + [_issue(source, "no-features", f"layer {chosen!r} holds no features")]
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a NaN coordinate: the geometry becomes an issue below
        geometries = shapely.from_wkb(wkb, on_invalid="ignore")
    unreadable = pd.notna(pd.Series(wkb, dtype=object)).to_numpy() & pd.isna(pd.Series(geometries, dtype=object)).to_numpy()
    return RawLayer(attributes, geometries, unreadable, meta.get("crs"), chosen, nan_cells), issues
