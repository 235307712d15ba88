"""Write plan data to files planners use: GeoPackage (one layer per theme), GeoJSON, CSV, XLSX.

GeoPackage layers keep the store CRS (EPSG:25832) unless another is asked for; GeoJSON is
EPSG:4326 by default (RFC 7946). CSV is UTF-8 with a byte-order mark so Excel reads æøå.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
from pyogrio.errors import DataLayerError, DataSourceError
from pyproj import CRS
from pyproj.exceptions import CRSError

from trekant import sheets
from trekant.errors import InputError

FORMATS = ("gpkg", "geojson", "csv", "xlsx")


def check_crs(crs: str | None) -> None:
    """InputError on an unknown --crs before anything is read or written."""
    if crs is None:
        return
    try:
        CRS.from_user_input(crs)
    except CRSError as exc:
        raise InputError("--crs", reason=f"unknown coordinate reference system {crs!r} ({exc})") from None


def check_out(path: Path) -> None:
    """InputError when --out cannot be a file: a folder, or a parent that is a file."""
    if path.is_dir():
        raise InputError(str(path), reason="--out is a folder; give a file name")
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise InputError(str(path), reason=f"--out cannot be created: {parent} is not a folder")


@contextmanager
def staged(path: Path) -> Iterator[Path]:
    """A scratch file beside `path`, renamed onto it only when writing succeeded: a failed export
    leaves neither a half-written file nor a damaged earlier one."""
    scratch = path.with_name(f".{path.stem}.partial{path.suffix}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch.unlink(missing_ok=True)
        yield scratch
        os.replace(scratch, path)
    except (OSError, DataSourceError, DataLayerError) as exc:  # a full disk: GDAL says "Cannot write feature"
        raise InputError(str(path), reason=f"cannot write --out: {_first_line(exc).replace(str(scratch), str(path))}") from None
    finally:
        with suppress(OSError):
            scratch.unlink(missing_ok=True)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _for_file(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Columns GDAL can write: datetimes as ISO text, nothing else changed."""
    out = frame.copy()
    for column in ("valid_from", "valid_to"):
        if column in out:
            out[column] = out[column].map(lambda v: None if v is None or pd.isna(v) else v.isoformat()).astype(object)
    return out


def write_gpkg(path: Path, layers: dict[str, gpd.GeoDataFrame], crs: str | None = None,
               tables: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """One GeoPackage layer per entry (empty layers are skipped), then the attribute `tables`;
    returns the layer names written."""
    written = []
    for name, frame in layers.items():
        if not len(frame):
            continue
        data = frame.to_crs(crs) if crs else frame
        pyogrio.write_dataframe(_for_file(data), path, layer=name, driver="GPKG", append=bool(written))
        written.append(name)
    if not written:
        raise InputError(str(path), reason="nothing to export: the store holds no plans")
    for name, table in (tables or {}).items():
        text = table.copy()
        for column in text.columns:
            if text[column].map(lambda v: hasattr(v, "isoformat")).any():
                text[column] = text[column].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v)
        pyogrio.write_dataframe(text, path, layer=name, driver="GPKG", append=True)
        written.append(name)
    return written


def write_geojson(path: Path, frame: gpd.GeoDataFrame, crs: str = "EPSG:4326") -> None:
    pyogrio.write_dataframe(_for_file(frame.to_crs(crs)), path, driver="GeoJSON")


def write_csv(path: Path, table: pd.DataFrame) -> None:
    sheets.write_csv(table, path)


def write_xlsx(path: Path, tables: dict[str, pd.DataFrame]) -> None:
    sheets.write_xlsx(tables, path)
