"""Project geometries to GIS files: GeoPackage in EPSG:25832, GeoJSON in WGS 84 (RFC 7946)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from trekant.infrastructure.geometry import STORE_CRS
from trekant.infrastructure.model import Project


def projects_frame(projects: list[Project]) -> gpd.GeoDataFrame:
    rows = [dict(key=p.key, name=p.name, mode=p.mode, status=p.status, opening_year=p.opening_year,
                 construction_total_dkk=float(sum(p.construction_dkk.values())), price_year=p.price_year,
                 geometry_illustrative=p.is_illustrative("geometry"), geometry=p.geometry)
            for p in projects if p.geometry is not None]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=STORE_CRS)


def write_geometries(projects: list[Project], path: Path, fmt: str) -> Path:
    frame = projects_frame(projects)
    if fmt == "geojson":
        frame.to_crs("EPSG:4326").to_file(path, driver="GeoJSON", engine="pyogrio")
    else:
        frame.to_file(path, driver="GPKG", layer="infra_projects", engine="pyogrio")
    return path
