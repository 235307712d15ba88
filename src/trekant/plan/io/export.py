"""Write plan data to files planners use: GeoPackage (one layer per theme), GeoJSON, CSV, XLSX.

GeoPackage layers keep the store CRS (EPSG:25832) unless another is asked for; GeoJSON is
EPSG:4326 by default (RFC 7946). CSV is UTF-8 with a byte-order mark so Excel reads æøå.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from trekant.errors import InputError

FORMATS = ("gpkg", "geojson", "csv", "xlsx")


def _for_file(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Columns GDAL can write: datetimes as ISO text, nothing else changed."""
    out = frame.copy()
    for column in ("valid_from", "valid_to"):
        if column in out:
            out[column] = out[column].map(lambda v: None if v is None or pd.isna(v) else v.isoformat()).astype(object)
    return out


def write_gpkg(path: Path, layers: dict[str, gpd.GeoDataFrame], crs: str | None = None) -> list[str]:
    """One GeoPackage layer per entry (empty layers are skipped); returns the layer names written."""
    path.unlink(missing_ok=True)
    written = []
    for name, frame in layers.items():
        if not len(frame):
            continue
        data = frame.to_crs(crs) if crs else frame
        pyogrio.write_dataframe(_for_file(data), path, layer=name, driver="GPKG", append=bool(written))
        written.append(name)
    if not written:
        raise InputError(str(path), reason="nothing to export: the store holds no plan frames")
    return written


def write_geojson(path: Path, frame: gpd.GeoDataFrame, crs: str = "EPSG:4326") -> None:
    path.unlink(missing_ok=True)
    pyogrio.write_dataframe(_for_file(frame.to_crs(crs)), path, driver="GeoJSON")


def write_csv(path: Path, table: pd.DataFrame) -> None:
    table.to_csv(path, index=False, encoding="utf-8-sig")


def write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in sheets.items():
            table.to_excel(writer, sheet_name=name[:31], index=False)
