"""Read a plan file (GeoJSON, GeoPackage, zipped Shapefile, GML) into raw attributes + geometries.

pyogrio's raw reader hands back WKB, so one broken polygon becomes an issue on that feature
instead of an exception for the whole file. Nothing here interprets attributes: see normalize.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyogrio import raw

from trekant.errors import Issue
from trekant.textfile import file_problem

# Plandata's WFS GML names its schema by URL; GDAL must neither fetch it (nothing here goes to the
# internet) nor write .gfs files beside the user's file. The config options cover every open,
# including pyogrio's layer listing, which takes no open options.
GML_OPEN_OPTIONS = {"DOWNLOAD_SCHEMA": "NO", "WRITE_GFS": "NO"}
pyogrio.set_gdal_config_options({"GML_DOWNLOAD_SCHEMA": "NO", "GML_USE_SCHEMA_IMPORT": "NO"})
GML_SUFFIXES = (".gml", ".xml")
FALLBACK_ENCODING = "cp1252"  # what Danish files that are not UTF-8 are, almost always
PREFERRED_LAYER_WORDS = ("kommuneplanramme", "ramme", "frame")


@dataclass
class RawLayer:
    """A layer as it is in the file: attribute columns, geometries (None when absent or unreadable)."""

    attributes: pd.DataFrame
    geometries: np.ndarray  # shapely geometries or None
    unreadable: np.ndarray  # bool: WKB present but not parseable
    crs: str | None
    layer: str


def _issue(source: str, code: str, message: str, where: str = "file", field: str | None = None,
           severity: str = "error") -> Issue:
    return Issue(severity, code, source, where, message, field)


def dataset_path(path: Path) -> tuple[str, list[Issue]]:
    """The GDAL path: zipped Shapefiles are opened through /vsizip/ at the .shp inside."""
    if path.suffix.lower() != ".zip":
        return str(path), []
    try:
        with zipfile.ZipFile(path) as archive:
            shapefiles = sorted(n for n in archive.namelist() if n.lower().endswith(".shp"))
    except (zipfile.BadZipFile, OSError) as exc:
        return "", [_issue(str(path), "unreadable-file", f"not a readable zip file ({exc})")]
    if not shapefiles:
        return "", [_issue(str(path), "unreadable-file", "the zip file holds no .shp")]
    return f"/vsizip/{path}/{shapefiles[0]}", []


def _choose_layer(gdal_path: str, source: str, layer: str | None) -> tuple[str | int | None, list[Issue]]:
    if gdal_path.lower().endswith(GML_SUFFIXES) and layer is None:
        return 0, []  # listing would open the GML without WRITE_GFS=NO; Plandata's GML has one layer
    names = [str(n) for n in pyogrio.list_layers(gdal_path)[:, 0]]
    if layer is not None:
        if layer in names:
            return layer, []
        return None, [_issue(source, "unknown-layer", f"no layer {layer!r}; the file has {', '.join(names)}")]
    if len(names) == 1:
        return names[0], []
    preferred = [n for n in names if any(w in n.lower() for w in PREFERRED_LAYER_WORDS)]
    if len(preferred) == 1:
        return preferred[0], []
    return None, [_issue(source, "ambiguous-layer", f"the file has several layers ({', '.join(names)}); choose one with --layer")]


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


def _read_raw(gdal_path: str, layer: str | int, source: str) -> tuple[tuple | None, list[Issue]]:
    """pyogrio's raw read; GDAL's warnings (e.g. an unclosed ring it closed) become warning Issues."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result, issues = _read_raw_quiet(gdal_path, layer, source)
    told = dict.fromkeys(str(w.message).strip().splitlines()[0] for w in caught if str(w.message).strip())
    return result, issues + [_issue(source, "reader-warning", f"GDAL: {text}", severity="warning") for text in told]


def _read_raw_quiet(gdal_path: str, layer: str | int, source: str) -> tuple[tuple | None, list[Issue]]:
    options = GML_OPEN_OPTIONS if gdal_path.lower().endswith(GML_SUFFIXES) else {}
    try:
        return raw.read(gdal_path, layer=layer, **options), []
    except UnicodeDecodeError:
        warning = _issue(source, "encoding", f"the file is not UTF-8; read as {FALLBACK_ENCODING}", severity="warning")
        try:
            return raw.read(gdal_path, layer=layer, encoding=FALLBACK_ENCODING, **options), [warning]
        except Exception as exc:  # noqa: BLE001 - GDAL raises several classes
            return None, [_issue(source, "unreadable-file", _first_line(exc))]
    except Exception as exc:  # noqa: BLE001 - DataSourceError, FieldError, … for broken files
        return None, [_issue(source, "unreadable-file", _first_line(exc))]


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"cannot read the file: {text[0] if text else type(exc).__name__}"


def read_layer(path: Path, layer: str | None = None) -> tuple[RawLayer | None, list[Issue]]:
    """Read one layer; returns (None, issues) when the file cannot be read at all."""
    source = str(path)
    if problem := file_problem(path):  # the shared wording: missing, or a directory
        return None, [_issue(source, "unreadable-file", problem.message)]
    gdal_path, issues = dataset_path(path)
    if issues:
        return None, issues
    if path.suffix.lower() in GML_SUFFIXES and (problem := xml_problem(path)):
        return None, [_issue(source, "unreadable-file", problem)]
    try:
        chosen, issues = _choose_layer(gdal_path, source, layer)
    except Exception as exc:  # noqa: BLE001
        return None, [_issue(source, "unreadable-file", _first_line(exc))]
    if chosen is None:
        return None, issues
    result, read_issues = _read_raw(gdal_path, chosen, source)
    issues += read_issues
    if result is None:
        return None, issues
    meta, _fids, wkb, fields = result
    count = len(wkb) if wkb is not None else len(fields[0]) if len(fields) else 0
    attributes = pd.DataFrame({name: values for name, values in zip(meta["fields"], fields)}, index=pd.RangeIndex(count))
    if wkb is None:
        wkb = np.full(count, None, dtype=object)
    if not count:
        return None, issues + [_issue(source, "no-features", f"layer {chosen!r} holds no features")]
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a NaN coordinate: the geometry becomes an issue below
        geometries = shapely.from_wkb(wkb, on_invalid="ignore")
    unreadable = pd.notna(pd.Series(wkb, dtype=object)).to_numpy() & pd.isna(pd.Series(geometries, dtype=object)).to_numpy()
    return RawLayer(attributes, geometries, unreadable, meta.get("crs"), str(chosen)), issues
