"""A real-shaped Plandata lokalplan export beside the real Kolding–Vejle border (DAGI 1:500,000).

Shaped like what ogr2ogr writes from the register (shared/data/README.md, "What real Plandata
exports look like"): a top-level `crs` naming urn:ogc:def:crs:EPSG::25832, every geometry a
MultiPolygon, all 326 fields of the lokalplan layer on every feature (most empty), codes and
measures as floats (anvgen 11.0, zone 1.0, plantype 20.1), dates as integers and floats, yes/no
as "true"/"false" text, datooprt an ISO time without a zone, a doklink to the plan's PDF. And what
the register really holds: legacy plans without a general use, sliver parts, a plan reaching across
the generalised border, neighbouring municipalities' plans, broken rings, a missing planid.
"""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.affinity import translate
from shapely.geometry import MultiPolygon, Polygon, box, mapping

from unit.plan.builders import KOLDING, VEJLE, border_segment, real_boundaries
from unit.plan.plandata_schema import properties

CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}
HORSENS, HEDENSTED = "0615", "0766"  # Vejle's neighbours outside the region


def _along(geom, s, metres: float):
    return translate(geom, *(s.along * metres))


def _inside(komnr: str, size_m: float = 200.0):
    point = real_boundaries()[komnr].representative_point()
    return MultiPolygon([box(point.x, point.y, point.x + size_m, point.y + size_m)])


def _vejle_square(offset_m: float):
    """A 300 m square in Vejle, 1–1.3 km from the border, `offset_m` along it."""
    s = border_segment(KOLDING, VEJLE)
    return _along(s.rect(1000, 1300), s, offset_m)


def _lokalplan(planid, komnr, geom, **values) -> dict:
    base = dict(planid=planid, komnr=None if komnr is None else int(komnr), plantype=20.1, objektkode=20.0,
                plannr=f"{planid}", plannavn=f"Lokalplan {planid}", anvgen=11.0, zone=1.0, bebygpct=30.0, bebygpctaf=2.0,
                maxetager=2.0, maxbygnhjd=8.5, planstatus="V", datoforsl=20210510, datovedt=20211013, datoikraft=20211020,
                datoattr=20230228.0, datogeom=20230228.0, datooprt="2021-10-13T10:11:12", datoopdt="2023-02-28T08:00:00",
                ianvreg="false", izonereg="false", iomfangreg="true", iudstykreg="false", kompleks="false",
                doklink=f"https://dokument.plandata.dk/20_{abs(hash(planid)) % 10**8}_1634548106650.pdf",
                kommunenavn=None, zonestatus="Byzone", anvendelsegenerel="Boligområde")
    base.update(values)
    if geom.geom_type == "Polygon":
        geom = MultiPolygon([geom])
    return dict(type="Feature", properties=properties("lokalplan", **base), geometry=mapping(geom))


def _twisted_square(x0: float, y0: float) -> Polygon:
    """A 300 m square whose last edge crosses its first 0.5 m from the corner: invalid, and
    make_valid changes its area by 0.25 m² (0.0003 %)."""
    return Polygon([(x0, y0), (x0 + 300, y0), (x0 + 300, y0 + 300), (x0, y0 + 300), (x0 + 0.5, y0 - 0.5), (x0, y0)])


def features() -> list[dict]:
    s = border_segment(KOLDING, VEJLE)
    sliver = box(0, 0, 0.4, 1.0)  # 0.4 m²
    main = s.rect(100, 400, side="a")
    corner = shapely.get_coordinates(main)[0]
    with_sliver = MultiPolygon([*main.geoms, translate(sliver, corner[0] - 50, corner[1] - 50)])
    bowtie_at = shapely.get_coordinates(_vejle_square(-1600))[0]
    x, y = bowtie_at
    bowtie = Polygon([(x, y), (x + 300, y + 300), (x + 300, y), (x, y + 300), (x, y)])
    twist_at = shapely.get_coordinates(_vejle_square(1600))[0]
    dup = shapely.get_coordinates(_vejle_square(2000))[:4]
    duplicate_vertex = Polygon([dup[0], dup[1], dup[1], dup[2], dup[3]])
    return [
        _lokalplan("LP-VEJLE-1", VEJLE, s.rect(100, 400)),
        _lokalplan("LP-VEJLE-LEGACY", VEJLE, _vejle_square(0), anvgen=None, datoforsl=None, datovedt=19870312,
                   datoikraft=19870401, bebygpct=None, bebygpctaf=None, iomfangreg=None),
        _lokalplan("LP-KOLDING-SLIVER", KOLDING, with_sliver, anvgen=31.0, maxmiljo=3.0, minmiljo=1.0),
        _lokalplan("LP-KOLDING-ACROSS", KOLDING, _along(s.rect(-400, 300, half_width_m=100, side="a"), s, 800), anvgen=31.0),
        _lokalplan("LP-HORSENS", HORSENS, _inside(HORSENS)),
        _lokalplan("LP-HEDENSTED", HEDENSTED, _inside(HEDENSTED)),
        _lokalplan("LP-VEJLE-BOWTIE", VEJLE, bowtie),
        _lokalplan(None, VEJLE, _vejle_square(-800)),
        _lokalplan("LP-VEJLE-TWIST", VEJLE, _twisted_square(*twist_at)),
        _lokalplan("LP-VEJLE-DUPVERTEX", VEJLE, duplicate_vertex),
        _lokalplan("LP-VEJLE-BADDATE", VEJLE, _vejle_square(-400), datoforsl=20210230),
        _lokalplan("LP-VEJLE-FORSLAG", VEJLE, _vejle_square(400), planstatus="F", datovedt=None, datoikraft=None),
    ]


# (planid, code, action) of every finding a mirror import of features() stores, by hand from the list above
EXPECTED_FINDINGS = {
    ("LP-VEJLE-LEGACY", "missing-value", "kept"),  # anvgen empty: stored as unknown
    ("LP-KOLDING-SLIVER", "too-small", "repaired"),  # the 0.4 m² part dropped
    ("LP-KOLDING-ACROSS", "outside-municipality", "kept"),  # 400 m into Vejle (tolerance 250 m)
    ("LP-VEJLE-BOWTIE", "invalid-geometry", "skipped"),  # make_valid would double its area
    (None, "missing-value", "skipped"),  # no planid: cannot be stored
    ("LP-VEJLE-TWIST", "invalid-geometry", "repaired"),  # 0.0003 % of area changed
    ("LP-VEJLE-TWIST", "too-small", "repaired"),  # make_valid's 0.125 m² triangle at the crossing dropped
    ("LP-VEJLE-DUPVERTEX", "invalid-geometry", "repaired"),  # the repeated vertex removed
    ("LP-VEJLE-BADDATE", "invalid-date", "value-removed"),  # datoforsl 20210230 stored empty
}
STORED = {"LP-VEJLE-1", "LP-VEJLE-LEGACY", "LP-KOLDING-SLIVER", "LP-KOLDING-ACROSS", "LP-VEJLE-TWIST",
          "LP-VEJLE-DUPVERTEX", "LP-VEJLE-BADDATE", "LP-VEJLE-FORSLAG"}


def write_export(path: Path, chosen: list[dict] | None = None) -> Path:
    document = dict(type="FeatureCollection", name=path.stem, crs=CRS, features=features() if chosen is None else chosen)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
