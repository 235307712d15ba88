"""The OpenAPI 3.0 definition of /ogc (conformance class oas30; the landing page's service-desc).

Each collection has its own items path listing the properties it can be filtered on, so a client
(GDAL's OAPIF driver reads this) knows which equality filters the server evaluates itself.
"""

from __future__ import annotations

from functools import lru_cache

from trekant import __version__
from trekant.features import crs
from trekant.features.layers import BOOLEAN, DATE, DATETIME, INTEGER, LAYERS, NUMBER, Layer
from trekant.features.query import DEFAULT_LIMIT, MAX_LIMIT

_SCHEMA = {INTEGER: {"type": "integer"}, NUMBER: {"type": "number"}, BOOLEAN: {"type": "boolean"},
           DATE: {"type": "string", "format": "date"}, DATETIME: {"type": "string", "format": "date-time"}}

PARAMETERS = {
    "f": {"name": "f", "in": "query", "required": False, "description": "Encoding: json (GeoJSON for features) or html.",
          "schema": {"type": "string", "enum": ["json", "geojson", "html"]}, "style": "form", "explode": False},
    "lang": {"name": "lang", "in": "query", "required": False, "description": "Language of titles: da (default) or en.",
             "schema": {"type": "string", "enum": ["da", "en"]}, "style": "form", "explode": False},
    "bbox": {"name": "bbox", "in": "query", "required": False,
             "description": "Only features whose geometry intersects the box: minx,miny,maxx,maxy in bbox-crs "
                            "(CRS84 longitude/latitude by default).",
             "schema": {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
             "style": "form", "explode": False},
    "bbox-crs": {"name": "bbox-crs", "in": "query", "required": False, "description": "CRS of the bbox.",
                 "schema": {"type": "string", "format": "uri", "enum": list(crs.URIS)}, "style": "form",
                 "explode": False},
    "crs": {"name": "crs", "in": "query", "required": False, "description": "CRS of the geometries in the answer.",
            "schema": {"type": "string", "format": "uri", "enum": list(crs.URIS)}, "style": "form", "explode": False},
    "limit": {"name": "limit", "in": "query", "required": False, "description": "Features per page.",
              "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
              "style": "form", "explode": False},
    "offset": {"name": "offset", "in": "query", "required": False, "description": "Features to skip.",
               "schema": {"type": "integer", "minimum": 0, "default": 0}, "style": "form", "explode": False},
    "datetime": {"name": "datetime", "in": "query", "required": False,
                 "description": "RFC 3339 instant or interval (a/b, ../b, a/..): versioned layers keep the "
                                "current versions valid in it; other layers ignore it.",
                 "schema": {"type": "string"}, "style": "form", "explode": False},
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


def _answer(description: str, *types: str) -> dict:
    content = {t: {"schema": {"type": "object"}} for t in types}
    return {"200": {"description": description, "content": content},
            "400": {"description": "A parameter with an invalid value or an unknown parameter.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/issues"}}}},
            "404": {"description": "No such collection or feature.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/issues"}}}}}


def _items_path(layer: Layer) -> dict:
    filters = [{"name": prop, "in": "query", "required": False, "description": f"Only features whose {prop} equals this.",
                "schema": _SCHEMA.get(layer.property_type(prop), {"type": "string"}), "style": "form", "explode": False}
               for prop in layer.properties]
    return {"get": {
        "summary": f"Features of {layer.title[1]}", "operationId": f"getFeatures_{layer.id}", "tags": ["Data"],
        "parameters": [_ref(n) for n in ("bbox", "bbox-crs", "crs", "limit", "offset", "datetime", "f", "lang")] + filters,
        "responses": _answer("A page of features (GeoJSON FeatureCollection, or HTML).", "application/geo+json",
                             "text/html"),
    }}


def _item_path(layer: Layer) -> dict:
    return {"get": {
        "summary": f"One feature of {layer.title[1]}", "operationId": f"getFeature_{layer.id}", "tags": ["Data"],
        "parameters": [{"name": "featureId", "in": "path", "required": True, "schema": {"type": "string"}},
                       _ref("crs"), _ref("f"), _ref("lang")],
        "responses": _answer("The feature (GeoJSON Feature, or HTML).", "application/geo+json", "text/html"),
    }}


def _plain(summary: str, operation: str, *types: str) -> dict:
    return {"get": {"summary": summary, "operationId": operation, "tags": ["Capabilities"],
                    "parameters": [_ref("f"), _ref("lang")], "responses": _answer(summary, *types)}}


@lru_cache(maxsize=8)
def openapi_document(root: str) -> dict:
    paths = {
        "/": _plain("Landing page", "getLandingPage", "application/json", "text/html"),
        "/api": {"get": {"summary": "This API definition", "operationId": "getApi", "tags": ["Capabilities"],
                         "responses": {"200": {"description": "OpenAPI 3.0",
                                               "content": {"application/vnd.oai.openapi+json;version=3.0": {}}}}}},
        "/conformance": _plain("Conformance classes", "getConformance", "application/json", "text/html"),
        "/collections": _plain("The collections", "getCollections", "application/json", "text/html"),
    }
    for layer in LAYERS.values():
        paths[f"/collections/{layer.id}"] = _plain(f"Collection {layer.title[1]}", f"describe_{layer.id}",
                                                  "application/json", "text/html")
        paths[f"/collections/{layer.id}/items"] = _items_path(layer)
        paths[f"/collections/{layer.id}/items/{{featureId}}"] = _item_path(layer)
    return {
        "openapi": "3.0.3",
        "info": {"title": "trekant OGC API Features", "version": __version__,
                 "description": "OGC API Features Part 1 (core, GeoJSON, HTML, OpenAPI 3.0) and Part 2 (CRS by "
                                "reference) over the Triangle Region's published layers.",
                 "license": {"name": "MIT"}},
        "servers": [{"url": root}],
        "tags": [{"name": "Capabilities"}, {"name": "Data"}],
        "paths": paths,
        "components": {
            "parameters": PARAMETERS,
            "schemas": {"issues": {"type": "object", "properties": {
                "status": {"type": "integer"},
                "issues": {"type": "array", "items": {"type": "object", "properties": {
                    k: {"type": "string", "nullable": True}
                    for k in ("severity", "code", "source", "feature", "field", "message")}}}}}},
        },
    }
