"""Plan files a person would upload through the web page: a good one and one with a bad polygon.

The frames lie north of Vejle town centre (EPSG:25832, inside Vejle's DAGI boundary), like the
files of tests/unit/plan/test_import_issues.py.
"""

from __future__ import annotations

from pathlib import Path

from shapely.geometry import Polygon, box

from unit.plan.builders import VEJLE, frame, write_geojson

HOSTILE_NAME = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'
GOOD_IDS = ("WEB-1", "WEB-2")
BAD_ID = "WEB-BAD"
# Lines that cross: the outline of a bow tie (Plandata refuses a self-intersecting polygon).
BOWTIE = Polygon([(533000, 6175000), (533300, 6175300), (533300, 6175000), (533000, 6175300), (533000, 6175000)])


def good_plan(folder: Path, name: str = "vejle_nord.geojson") -> Path:
    """Two frames: housing, and business of class 3 whose plan name is hostile markup."""
    features = [frame(GOOD_IDS[0], VEJLE, 11, box(533000, 6175000, 533300, 6175300), bebygpct=35, maxetager=2),
                frame(GOOD_IDS[1], VEJLE, 31, box(533600, 6175000, 533900, 6175300), maxmiljo=3, minmiljo=1)]
    features[1]["properties"]["plannavn"] = HOSTILE_NAME
    return write_geojson(folder / name, features)


def bad_polygon_plan(folder: Path, name: str = "vejle_fejl.geojson") -> Path:
    """One good frame and one self-intersecting polygon: the whole file must be refused."""
    features = [frame(GOOD_IDS[0], VEJLE, 11, box(533000, 6175000, 533300, 6175300)),
                frame(BAD_ID, VEJLE, 11, BOWTIE)]
    return write_geojson(folder / name, features)
