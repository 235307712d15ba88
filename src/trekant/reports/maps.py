"""Static maps as SVG: the region's municipalities from the store, with plans or projects on top.

Geometries arrive in the store's CRS (EPSG:25832, metres), so a map is drawn with equal axes and a
scale bar in kilometres; no tiles, no network. Each map says what it shows in its legend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path as MplPath
from shapely.geometry.base import BaseGeometry

from trekant.reports.figures import FigureFolder, styled

MEMBER_EDGE = "#333333"
OTHER_FILL = "#eeeeee"
MEMBER_FILL = "#f6f2e8"  # land of the region; the sea stays white


@dataclass(frozen=True)
class Layer:
    """Polygons or lines drawn in one colour, with their legend entry."""

    geometries: Sequence[BaseGeometry]
    colour: str
    label: str
    kind: str = "polygon"  # polygon | line | outline
    alpha: float = 0.85


def _ring_path(ring) -> tuple[np.ndarray, np.ndarray]:
    coords = np.asarray(ring.coords)[:, :2]
    codes = np.full(len(coords), MplPath.LINETO, dtype=np.uint8)
    codes[0], codes[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
    return coords, codes


def _polygon_paths(geometries: Sequence[BaseGeometry]) -> list[MplPath]:
    """Each polygon (holes included) as one matplotlib path, drawn straight (no GeoPandas overhead)."""
    paths = []
    for geometry in geometries:
        for polygon in getattr(geometry, "geoms", [geometry]):
            if polygon.is_empty or polygon.geom_type != "Polygon":
                continue
            parts = [_ring_path(polygon.exterior), *(_ring_path(r) for r in polygon.interiors)]
            paths.append(MplPath(np.concatenate([c for c, _ in parts]), np.concatenate([k for _, k in parts])))
    return paths


def _lines(geometries: Sequence[BaseGeometry]) -> list[np.ndarray]:
    out = []
    for geometry in geometries:
        for part in getattr(geometry, "geoms", [geometry]):
            if part.geom_type == "LineString" and not part.is_empty:
                out.append(np.asarray(part.coords)[:, :2])
            elif part.geom_type == "Polygon":
                out += [np.asarray(r.coords)[:, :2] for r in (part.exterior, *part.interiors)]
    return out


def _fill(ax, geometries, **style) -> None:
    paths = _polygon_paths(geometries)
    if paths:
        ax.add_collection(PathCollection(paths, **style))


def _stroke(ax, geometries, **style) -> None:
    segments = _lines(geometries)
    if segments:
        ax.add_collection(LineCollection(segments, **style))


def _clipped(geometries: Sequence[BaseGeometry], box: tuple[float, float, float, float]) -> list[BaseGeometry]:
    """The part of each geometry inside the view (plus a margin): a zoomed map draws only what it shows."""
    x0, y0, x1, y1 = box
    pad = 0.05 * max(x1 - x0, y1 - y0)
    return [g for g in (shapely.clip_by_rect(g, x0 - pad, y0 - pad, x1 + pad, y1 + pad) for g in geometries)
            if not g.is_empty]


def _scale_bar(ax, bounds: tuple[float, float, float, float], unit_text: str) -> None:
    width = bounds[2] - bounds[0]
    length = next(step for step in (100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000)
                  if step >= width / 6)
    x0, y0 = bounds[0] + width * 0.04, bounds[1] + (bounds[3] - bounds[1]) * 0.04
    ax.plot([x0, x0 + length], [y0, y0], color="black", linewidth=2, solid_capstyle="butt")
    text = f"{length // 1000} km" if length >= 1000 else f"{length} m"
    ax.text(x0 + length / 2, y0 + (bounds[3] - bounds[1]) * 0.015, text, ha="center", va="bottom", fontsize=7)
    ax.text(bounds[2] - width * 0.02, bounds[1] + (bounds[3] - bounds[1]) * 0.03, unit_text, ha="right",
            va="bottom", fontsize=6, color="#555555")


def draw(folder: FigureFolder, name: str, outlines: Sequence[dict], layers: Sequence[Layer],
         focus: BaseGeometry | None = None, margin_m: float = 2_000.0, label_members: bool = True,
         crs_text: str = "EPSG:25832", height_cm: float = 14.0) -> Path:
    """A map of the municipalities (members outlined and named, neighbours grey) with layers on top;
    `focus` zooms to a geometry (plus a margin), else the map shows the region's members."""
    members = [o for o in outlines if o["member"]]
    with styled():
        fig = folder.figure(16, height_cm)
        ax = fig.add_subplot()
        ax.set_aspect("equal")
        ax.grid(False)
        ax.set_axis_off()
        if focus is not None:
            x0, y0, x1, y1 = focus.buffer(margin_m).bounds
        else:
            x0, y0, x1, y1 = shapely.union_all([o["geometry"] for o in members]).bounds
            pad = 0.03 * max(x1 - x0, y1 - y0)
            x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        box = (x0, y0, x1, y1)
        land = _clipped([o["geometry"] for o in members], box)
        _fill(ax, _clipped([o["geometry"] for o in outlines if not o["member"]], box), facecolor=OTHER_FILL,
              edgecolor="#bbbbbb", linewidth=0.4)
        _fill(ax, land, facecolor=MEMBER_FILL, edgecolor="none")
        handles = []
        for layer in layers:
            if not layer.geometries:
                continue
            shown = _clipped(layer.geometries, box)
            if layer.kind == "line":
                _stroke(ax, shown, colors=layer.colour, linewidths=1.8)
                handles.append(Line2D([0], [0], color=layer.colour, linewidth=1.8, label=layer.label))
            elif layer.kind == "outline":
                _stroke(ax, shown, colors=layer.colour, linewidths=1.0, linestyles="--")
                handles.append(Line2D([0], [0], color=layer.colour, linewidth=1.0, linestyle="--", label=layer.label))
            else:
                _fill(ax, shown, facecolor=layer.colour, alpha=layer.alpha, edgecolor="#333333", linewidth=0.3)
                handles.append(Patch(facecolor=layer.colour, alpha=layer.alpha, edgecolor="#333333", label=layer.label))
        _stroke(ax, land, colors=MEMBER_EDGE, linewidths=0.6)
        if label_members:
            for o in members:
                point = o["geometry"].representative_point()
                if x0 <= point.x <= x1 and y0 <= point.y <= y1:
                    ax.text(point.x, point.y, o["name"], fontsize=7, ha="center", va="center", color="#222222",
                            bbox=dict(boxstyle="round,pad=0.15", facecolor="white", alpha=0.6, linewidth=0))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        _scale_bar(ax, (x0, y0, x1, y1), crs_text)
        if handles:
            ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=min(3, len(handles)),
                      frameon=False, fontsize=7)
        return folder.save(fig, name)
