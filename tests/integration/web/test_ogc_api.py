"""OGC API Features over HTTP (in-process client, both backends): documents, queries, visibility, errors.

Expected features come from the store itself, read with plain SQL and Shapely (not through the
features service), and from the demo plan as generated: 78 adopted frames and one proposal
(forslag), DEMO-0621-9.E.1 in Kolding. Proposals are published (Plandata publishes them for public
consultation; plan.model.PUBLISHED_STATUSES); a draft (kladde, K) is not: the `draft` fixture turns
the proposal back into a draft, which the public must never see.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import box, shape
from sqlalchemy import text

from trekant.features import crs
from trekant.store.store import reading, writing

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
UTM32 = "http://www.opengis.net/def/crs/EPSG/0/25832"
WGS84_LATLON = "http://www.opengis.net/def/crs/EPSG/0/4326"
DRAFT = "DEMO-0621-9.E.1"  # a proposal in the demo plan; a draft with the `draft` fixture
COLLECTIONS = ["municipalities", "plan_frames", "local_plans", "local_plan_subareas", "zone_map", "plan_designations",
               "infrastructure_projects", "plan_conflicts"]
KOLDING_BOX = (9.4, 55.4, 9.6, 55.6)  # lon/lat around Kolding


def store_frames(settings, public: bool) -> dict:
    """planid → (komnr, status, geometry) of the current frames a user may see, straight from the table."""
    statuses = "('F','V')" if public else "('K','F','KV','V')"
    with reading(settings) as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.execute(text(f"SELECT planid, komnr, status, geom FROM plan_frame WHERE is_current = 1 "
                                     f"AND status IN {statuses}")).all()
            from trekant.plan.repo import decode_geometries
            geoms = decode_geometries([r[3] for r in rows], "sqlite")
        else:
            rows = conn.execute(text(f"SELECT planid, komnr, status, ST_AsBinary(geom) FROM plan_frame "
                                     f"WHERE is_current AND status IN {statuses}")).all()
            geoms = shapely.from_wkb([bytes(r[3]) for r in rows])
    return {r[0]: (r[1], r[2], g) for r, g in zip(rows, geoms)}


@pytest.fixture
def draft(store_env):
    """The demo proposal made a municipality's draft (kladde til forslag) again."""
    with writing(store_env) as conn:
        conn.execute(text("UPDATE plan_frame SET status = 'K' WHERE planid = :p AND is_current"), dict(p=DRAFT))
    return DRAFT


def get_json(client, url, status=200, **params):
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response


# --- landing page, conformance, API definition -------------------------------------------------

def test_landing_page_links_the_api_definition_conformance_and_data(client):
    doc = get_json(client, "/ogc/").json()
    rels = {link["rel"]: link for link in doc["links"]}
    assert {"self", "alternate", "service-desc", "conformance", "data"} <= set(rels)
    assert rels["service-desc"]["type"] == "application/vnd.oai.openapi+json;version=3.0"
    for rel in ("service-desc", "conformance", "data"):
        assert client.get(rels[rel]["href"]).status_code == 200


def test_conformance_declares_exactly_the_implemented_classes(client):
    declared = get_json(client, "/ogc/conformance").json()["conformsTo"]
    assert sorted(declared) == sorted([
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    ])


def test_oas30_the_definition_is_openapi_3_0_and_describes_every_path(client):
    doc = get_json(client, "/ogc/api").json()
    assert doc["openapi"].startswith("3.0.")
    assert client.get("/ogc/api").headers["content-type"].startswith("application/vnd.oai.openapi+json")
    for cid in COLLECTIONS:
        assert {f"/collections/{cid}", f"/collections/{cid}/items", f"/collections/{cid}/items/{{featureId}}"} <= set(doc["paths"])
    names = {p.get("name") or p["$ref"].rsplit("/", 1)[-1] for p in doc["paths"]["/collections/plan_frames/items"]["get"]["parameters"]}
    assert {"bbox", "bbox-crs", "crs", "limit", "offset", "datetime", "komnr", "status"} <= names
    assert doc["components"]["parameters"]["limit"]["schema"]["maximum"] == 10000


# --- collections (Part 1 metadata, Part 2 crs lists) -------------------------------------------

def test_collections_list_the_spatial_layers_with_crs_list_and_storage_crs(client):
    doc = get_json(client, "/ogc/collections").json()
    assert [c["id"] for c in doc["collections"]] == COLLECTIONS
    for c in doc["collections"]:
        assert CRS84 in c["crs"] and c["storageCrs"] == UTM32 and UTM32 in c["crs"]
        assert {"items", "self"} <= {link["rel"] for link in c["links"]}
        if c["id"] in ("local_plans", "local_plan_subareas", "zone_map"):  # empty in the default store
            assert "extent" not in c and get_json(client, f"/ogc/collections/{c['id']}/items").json()["numberMatched"] == 0
            continue
        west, south, east, north = c["extent"]["spatial"]["bbox"][0]
        assert 8.0 < west < east < 16.0 and 54.0 < south < north < 58.0  # Denmark
        assert get_json(client, f"/ogc/collections/{c['id']}").json()["id"] == c["id"]


def test_the_plan_frame_extent_covers_every_visible_frame(client, store_env):
    bbox = get_json(client, "/ogc/collections/plan_frames").json()["extent"]["spatial"]["bbox"][0]
    frames = store_frames(store_env, public=True)
    to_lonlat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True)
    lon, lat = to_lonlat.transform(*np.concatenate([shapely.get_coordinates(g) for _, _, g in frames.values()]).T)
    assert bbox[0] <= lon.min() and bbox[2] >= lon.max() and bbox[1] <= lat.min() and bbox[3] >= lat.max()


def test_unknown_collection_is_404_in_the_issue_format(client):
    for url in ("/ogc/collections/nowhere", "/ogc/collections/nowhere/items", "/ogc/collections/nowhere/items/1"):
        body = get_json(client, url, status=404).json()
        assert body["status"] == 404 and "nowhere" in body["issues"][0]["message"]


# --- items: paging, numberMatched, bbox, filters, crs ------------------------------------------

def test_items_page_through_every_visible_frame_with_next_and_prev(client, store_env):
    expected = store_frames(store_env, public=True)
    seen, url, pages = [], "/ogc/collections/plan_frames/items?limit=30", 0
    while url:
        response = client.get(url)
        doc = response.json()
        assert response.headers["content-type"].startswith("application/geo+json")
        assert doc["numberMatched"] == len(expected) and doc["numberReturned"] == len(doc["features"]) <= 30
        seen += [f["id"] for f in doc["features"]]
        rels = {link["rel"]: link["href"] for link in doc["links"]}
        if pages:
            assert "prev" in rels
        url, pages = rels.get("next"), pages + 1
    assert pages == 3  # 78 adopted frames and 1 proposal in pages of 30: 30 + 30 + 19
    assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen))


def test_items_bbox_returns_exactly_the_frames_whose_polygon_meets_the_box(client, store_env):
    frames = store_frames(store_env, public=True)
    to_utm = Transformer.from_crs("OGC:CRS84", "EPSG:25832", always_xy=True)
    area = shapely.transform(shapely.segmentize(box(*KOLDING_BOX), 0.001), lambda c: np.column_stack(to_utm.transform(c[:, 0], c[:, 1])))
    expected = sorted(p for p, (_, _, g) in frames.items() if g.intersects(area))
    doc = get_json(client, "/ogc/collections/plan_frames/items", bbox=",".join(map(str, KOLDING_BOX)), limit=1000).json()
    assert sorted(f["id"] for f in doc["features"]) == expected
    assert doc["numberMatched"] == len(expected) and 0 < len(expected) < len(frames)


def test_bbox_crs_in_the_storage_crs_selects_the_same_frames(client):
    lonlat = get_json(client, "/ogc/collections/plan_frames/items", bbox="9.4,55.4,9.6,55.6", limit=1000).json()
    to_utm = Transformer.from_crs("OGC:CRS84", "EPSG:25832", always_xy=True)
    # a box in metres strictly inside the curved lon/lat box selects a subset of its frames
    xmin, ymin = to_utm.transform(9.41, 55.41)
    xmax, ymax = to_utm.transform(9.59, 55.59)
    metres = get_json(client, "/ogc/collections/plan_frames/items", bbox=f"{xmin},{ymin},{xmax},{ymax}",
                      **{"bbox-crs": UTM32, "limit": 1000}).json()
    assert 0 < metres["numberMatched"] <= lonlat["numberMatched"]
    assert {f["id"] for f in metres["features"]} <= {f["id"] for f in lonlat["features"]}
    latlon = get_json(client, "/ogc/collections/plan_frames/items", bbox="55.4,9.4,55.6,9.6",
                      **{"bbox-crs": WGS84_LATLON, "limit": 1000}).json()
    assert sorted(f["id"] for f in latlon["features"]) == sorted(f["id"] for f in lonlat["features"])


def test_property_filter_komnr_keeps_the_municipality_s_adopted_frames(client, store_env):
    expected = sorted(p for p, (komnr, _, _) in store_frames(store_env, public=True).items() if komnr == "0621")
    doc = get_json(client, "/ogc/collections/plan_frames/items", komnr="0621", limit=100).json()
    assert sorted(f["id"] for f in doc["features"]) == expected and len(expected) == 13  # 12 adopted, 1 proposal
    assert {f["properties"]["komnr"] for f in doc["features"]} == {"0621"}
    munis = get_json(client, "/ogc/collections/municipalities/items", in_region="true", limit=100).json()
    assert sorted(f["id"] for f in munis["features"]) == ["0410", "0510", "0530", "0575", "0607", "0621", "0630"]


def test_crs_storage_returns_the_stored_coordinates_and_crs84_the_transformed_ones(client, store_env):
    frames = store_frames(store_env, public=True)
    planid = sorted(frames)[0]
    stored = frames[planid][2]
    utm = get_json(client, f"/ogc/collections/plan_frames/items/{planid}", crs=UTM32)
    assert utm.headers["content-crs"] == f"<{UTM32}>"
    assert shape(utm.json()["geometry"]).equals_exact(stored, 1e-6)
    lonlat = get_json(client, f"/ogc/collections/plan_frames/items/{planid}")
    assert lonlat.headers["content-crs"] == f"<{CRS84}>"
    to_lonlat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True)
    expected = shapely.transform(stored, lambda c: np.column_stack(to_lonlat.transform(c[:, 0], c[:, 1])))
    assert shape(lonlat.json()["geometry"]).equals_exact(expected, 1e-6)  # 7 decimals kept
    latlon = get_json(client, f"/ogc/collections/plan_frames/items/{planid}", crs=WGS84_LATLON)
    assert latlon.headers["content-crs"] == f"<{WGS84_LATLON}>"
    flipped = shapely.transform(shape(latlon.json()["geometry"]), lambda c: c[:, ::-1])
    assert flipped.equals_exact(expected, 1e-6)  # EPSG:4326 is latitude first


def test_items_carry_the_content_crs_of_the_requested_crs(client):
    for uri in crs.URIS:
        response = get_json(client, "/ogc/collections/plan_designations/items", crs=uri)
        assert response.headers["content-crs"] == f"<{uri}>"


def test_datetime_keeps_versions_valid_then(client):
    everything = get_json(client, "/ogc/collections/plan_frames/items", datetime="2999-01-01T00:00:00Z").json()
    before = get_json(client, "/ogc/collections/plan_frames/items", datetime="../2000-01-01T00:00:00Z").json()
    assert everything["numberMatched"] == 79 and before["numberMatched"] == 0
    # layers without time ignore it (OGC API Features /req/core/fc-time-response C)
    assert get_json(client, "/ogc/collections/municipalities/items", datetime="2000-01-01T00:00:00Z").json()["numberMatched"] == 99


# --- visibility --------------------------------------------------------------------------------

def test_the_public_sees_proposals_as_published(client):
    feature = get_json(client, f"/ogc/collections/plan_frames/items/{DRAFT}").json()
    assert feature["properties"]["status"] == "F"


def test_the_public_never_sees_a_draft_frame(client, draft):
    assert client.get(f"/ogc/collections/plan_frames/items/{DRAFT}").status_code == 404
    ids = [f["id"] for f in get_json(client, "/ogc/collections/plan_frames/items", komnr="0621", limit=100).json()["features"]]
    assert DRAFT not in ids
    conflicts = get_json(client, "/ogc/collections/plan_conflicts/items", limit=100).json()["features"]
    assert all(DRAFT not in (f["properties"]["source_planid"], f["properties"]["sensitive_planid"]) for f in conflicts)


def test_a_signed_in_user_sees_the_draft_and_its_conflicts(admin_client, draft):
    feature = get_json(admin_client, f"/ogc/collections/plan_frames/items/{DRAFT}").json()
    assert feature["properties"]["status"] == "K"
    conflicts = get_json(admin_client, "/ogc/collections/plan_conflicts/items", limit=100).json()["features"]
    assert any(DRAFT in (f["properties"]["source_planid"], f["properties"]["sensitive_planid"]) for f in conflicts)


def test_conflicts_are_lines_between_the_two_frames(client, store_env):
    frames = store_frames(store_env, public=True)
    doc = get_json(client, "/ogc/collections/plan_conflicts/items", crs=UTM32, limit=100).json()
    assert doc["numberMatched"] == len(doc["features"]) >= 1
    for f in doc["features"]:
        line, p = shape(f["geometry"]), f["properties"]
        assert line.geom_type == "LineString"
        assert line.length == pytest.approx(frames[p["source_planid"]][2].distance(frames[p["sensitive_planid"]][2]), abs=0.01)
        assert line.length < p["required_m"] and p["source_komnr"] != p["sensitive_komnr"]
        one = get_json(client, f"/ogc/collections/plan_conflicts/items/{f['id']}", crs=UTM32).json()
        assert one["properties"] == p


# --- bad input: 400 naming the parameter -------------------------------------------------------

BAD = [
    ("bbox=1,2,3", "bbox"), ("bbox=a,b,c,d", "bbox"), ("bbox=10,56,9,55", "bbox"), ("bbox=9,55,10,95", "bbox"),
    ("bbox=9,55,10,nan", "bbox"), ("limit=0", "limit"), ("limit=10001", "limit"), ("limit=ten", "limit"),
    ("offset=-1", "offset"), ("crs=EPSG:9999", "crs"), ("crs=http://www.opengis.net/def/crs/EPSG/0/9999", "crs"),
    ("bbox=9,55,10,56&bbox-crs=urn:nothing", "bbox-crs"), ("bbox-crs=" + UTM32, "bbox-crs"),
    ("anvgen=housing", "anvgen"), ("datetime=yesterday", "datetime"), ("datetime=2020-01-02/2020-01-01", "datetime"),
    ("f=xml", "f"), ("colour=red", "colour"),
]


@pytest.mark.parametrize("query, field", BAD)
def test_malformed_items_parameters_answer_400_naming_the_parameter(client, query, field):
    response = client.get(f"/ogc/collections/plan_frames/items?{query}")
    assert response.status_code == 400, response.text
    issue = response.json()["issues"][0]
    assert response.json()["status"] == 400 and issue["field"] == field and issue["severity"] == "error"
    assert "Traceback" not in response.text


def test_unknown_feature_is_404(client):
    assert client.get("/ogc/collections/plan_frames/items/DEMO-9999-nothing").status_code == 404
    assert client.get("/ogc/collections/plan_conflicts/items/a--b").status_code == 404


# --- HTML encoding -----------------------------------------------------------------------------

HTML_PAGES = ["/ogc/", "/ogc/conformance", "/ogc/collections", "/ogc/collections/plan_frames",
              "/ogc/collections/plan_frames/items?limit=5", "/ogc/collections/municipalities/items/0621"]


@pytest.mark.parametrize("url", HTML_PAGES)
def test_html_every_resource_is_a_page_with_its_links_as_anchors(client, url):
    sep = "&" if "?" in url else "?"
    page = client.get(f"{url}{sep}f=html")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.text.lstrip().lower().startswith("<!doctype html>")
    document = client.get(f"{url}{sep}f=json").json()
    anchors = set(re.findall(r'<a href="([^"]+)"', page.text))
    for link in document["links"]:
        assert link["href"].replace("&", "&amp;") in anchors, link
    assert client.get(url, headers={"accept": "text/html,application/xhtml+xml"}).headers["content-type"].startswith("text/html")


def test_html_escapes_property_values(client):
    page = client.get("/ogc/collections/plan_frames/items?f=html&limit=100").text
    assert "<script" not in page.split("</header>", 1)[1]


# --- the plan register's other layers ----------------------------------------------------------

def test_local_plans_are_published_like_frames(client, admin_client, store_env, tmp_path):
    """Two local plans imported into Kolding (a point well inside it): the adopted one is public,
    the draft only for the cooperation."""
    from shapely.geometry import MultiPolygon

    from tests.unit.plan.builders import frame, write_geojson
    from trekant.plan import service as plan_service

    to_utm = Transformer.from_crs("OGC:CRS84", "EPSG:25832", always_xy=True)
    x, y = to_utm.transform(9.47, 55.49)  # Kolding town
    squares = [MultiPolygon([box(x, y, x + 200, y + 200)]), MultiPolygon([box(x + 400, y, x + 600, y + 200)])]
    path = write_geojson(tmp_path / "lokalplaner.geojson", [frame("LP-ADOPTED", "0621", 11, squares[0], "V"),
                                                           frame("LP-DRAFT", "0621", 11, squares[1], "K")])
    plan_service.import_file(store_env, path, kind="lokalplan")
    public = get_json(client, "/ogc/collections/local_plans/items", crs=UTM32).json()
    assert [f["id"] for f in public["features"]] == ["LP-ADOPTED"]
    assert shape(public["features"][0]["geometry"]).equals_exact(squares[0], 1e-6)
    signed_in = get_json(admin_client, "/ogc/collections/local_plans/items").json()
    assert sorted(f["id"] for f in signed_in["features"]) == ["LP-ADOPTED", "LP-DRAFT"]
    assert client.get("/ogc/collections/local_plans/items/LP-DRAFT").status_code == 404
