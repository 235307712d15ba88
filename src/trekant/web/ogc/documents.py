"""The JSON documents of the OGC API: landing page, conformance, collections, features (GeoJSON).

Feature collections are written as bytes directly, with no pydantic model between the store and
the client: on PostGIS each feature comes from PostgreSQL as GeoJSON text (json_build_object,
ST_AsGeoJSON); on the GeoPackage each geometry is written by GEOS (shapely.to_geojson, in C) and
the properties by the json module.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from urllib.parse import urlencode

import numpy as np
import shapely

from trekant.features import crs
from trekant.features.layers import LAYERS, Layer
from trekant.features.service import CollectionInfo, FeaturePage
from trekant.web.ogc.labels import text

JSON = "application/json"
GEOJSON = "application/geo+json"
HTML = "text/html"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"

CONFORMANCE = (
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
)
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"


def link(href: str, rel: str, type_: str, title: str) -> dict:
    return {"href": href, "rel": rel, "type": type_, "title": title}


def with_query(url: str, params: dict) -> str:
    return f"{url}?{urlencode(params)}" if params else url


def self_links(url: str, params: dict, json_type: str, lang: str) -> list[dict]:
    """self (this encoding) and alternate (the other): ?f= keeps them apart."""
    base = {k: v for k, v in params.items() if k != "f"}
    return [link(with_query(url, {**base, "f": "json"}), "self", json_type, text("this_document", lang)),
            link(with_query(url, {**base, "f": "html"}), "alternate", HTML, text("as_html", lang))]


def landing(root: str, lang: str) -> dict:
    return {
        "title": text("api_title", lang),
        "description": text("api_description", lang),
        "links": self_links(root, {}, JSON, lang) + [
            link(f"{root}/api", "service-desc", OPENAPI, text("service_desc", lang)),
            link(f"{root}/conformance", "conformance", JSON, text("conformance", lang)),
            link(f"{root}/collections", "data", JSON, text("collections", lang)),
        ],
    }


def conformance(root: str, lang: str) -> dict:
    return {"links": self_links(f"{root}/conformance", {}, JSON, lang), "conformsTo": list(CONFORMANCE)}


def _extent(info: CollectionInfo) -> dict:
    """Spatial (CRS84) and, for versioned layers, temporal extent; empty for a layer without features."""
    if info.bounds is None:
        return {}
    extent = {"spatial": {"bbox": [crs.extent_crs84(info.bounds)], "crs": crs.CRS84}}
    if info.layer.versioned:
        since = info.since.replace(tzinfo=timezone.utc) if info.since and info.since.tzinfo is None else info.since
        start = since.isoformat().replace("+00:00", "Z") if since else None
        extent["temporal"] = {"interval": [[start, None]], "trs": GREGORIAN}
    return extent


def collection(root: str, info: CollectionInfo, lang: str) -> dict:
    lyr = info.layer
    url = f"{root}/collections/{lyr.id}"
    title, description = _words(lyr, lang)
    if info.demo:
        description = f"{description} ({text('demo', lang)})"
    document = {
        "id": lyr.id,
        "title": title,
        "description": description,
        "itemType": "feature",
        "links": self_links(url, {}, JSON, lang) + [
            link(f"{url}/items?f=json", "items", GEOJSON, text("items", lang)),
            link(f"{url}/items?f=html", "items", HTML, text("items", lang)),
        ],
        "extent": _extent(info),
        "crs": list(crs.URIS),
        "storageCrs": crs.STORAGE_CRS,
    }
    if not document["extent"]:
        del document["extent"]  # optional in Part 1: nothing to bound yet
    return document


def collections(root: str, infos: list[CollectionInfo], lang: str) -> dict:
    return {"links": self_links(f"{root}/collections", {}, JSON, lang),
            "collections": [collection(root, info, lang) for info in infos],
            "crs": list(crs.URIS)}


def _words(lyr: Layer, lang: str) -> tuple[str, str]:
    index = 1 if lang == "en" else 0
    return lyr.title[index], lyr.description[index]


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def page_links(root: str, lyr: Layer, params: dict, page: FeaturePage, limit: int, offset: int, lang: str) -> list[dict]:
    url = f"{root}/collections/{lyr.id}/items"
    links = self_links(url, params, GEOJSON, lang)
    base = {k: v for k, v in params.items() if k != "f"}
    if offset + len(page.ids) < page.matched:
        links.append(link(with_query(url, {**base, "offset": offset + limit, "f": "json"}), "next", GEOJSON,
                          text("next_page", lang)))
    if offset > 0:
        links.append(link(with_query(url, {**base, "offset": max(0, offset - limit), "f": "json"}), "prev", GEOJSON,
                          text("prev_page", lang)))
    links.append(link(f"{root}/collections/{lyr.id}?f=json", "collection", JSON, text("collection", lang)))
    return links


def geometry_texts(page: FeaturePage, target: crs.Crs) -> list[str]:
    if not len(page.geometries):
        return []
    moved = crs.from_store(np.asarray(page.geometries, dtype=object), target)
    return ["null" if g is None else g for g in shapely.to_geojson(moved).tolist()]


def _feature(feature_id: str, geometry: str, properties: dict, extra: str = "") -> str:
    return (f'{{"type":"Feature","id":{json.dumps(feature_id)},"geometry":{geometry},'
            f'"properties":{json.dumps(properties, ensure_ascii=False)}{extra}}}')


def feature_collection(page: FeaturePage, target: crs.Crs, links: list[dict]) -> bytes:
    head = {"type": "FeatureCollection", "numberMatched": page.matched, "numberReturned": len(page.ids),
            "timeStamp": now(), "links": links}
    if page.features is not None:  # written by PostGIS
        features = ",".join(page.features)
    else:
        features = ",".join(_feature(i, g, p) for i, g, p in zip(page.ids, geometry_texts(page, target), page.properties))
    return (json.dumps(head, ensure_ascii=False)[:-1] + f',"features":[{features}]}}').encode()


def feature(root: str, page: FeaturePage, target: crs.Crs, params: dict, lang: str) -> bytes:
    lyr = page.layer
    url = f"{root}/collections/{lyr.id}/items/{page.ids[0]}"
    links = self_links(url, params, GEOJSON, lang) + [
        link(f"{root}/collections/{lyr.id}?f=json", "collection", JSON, text("collection", lang))]
    extra = f',"links":{json.dumps(links, ensure_ascii=False)}'
    if page.features is not None:  # written by PostGIS: the links go before its closing brace
        return (page.features[0][:-1] + extra + "}").encode()
    return _feature(page.ids[0], geometry_texts(page, target)[0], page.properties[0], extra).encode()


def content_crs(target: crs.Crs) -> dict:
    """The Part 2 header naming the CRS of the coordinates in the body."""
    return {"Content-Crs": f"<{target.uri}>"}


def layer_ids() -> list[str]:
    return list(LAYERS)
