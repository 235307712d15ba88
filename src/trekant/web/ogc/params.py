"""Reading an OGC API request: the encoding asked for, the CRS parameters and the item query.

Every bad value raises QueryError (answered 400 with the parameter named); an unknown query
parameter on items is an error too (OGC API Features /req/core/query-param-unknown), so a typo
never silently returns the unfiltered collection.
"""

from __future__ import annotations

from fastapi import Request

from trekant.features import crs
from trekant.features.layers import Layer
from trekant.features.query import DEFAULT_LIMIT, MAX_LIMIT, ItemQuery, QueryError, parse_count, parse_datetime, parse_filters

COMMON = {"f", "lang"}
ITEMS = COMMON | {"bbox", "bbox-crs", "crs", "limit", "offset", "datetime"}
ITEM = COMMON | {"crs"}
FORMATS = {"json": False, "geojson": False, "html": True}


def wants_html(request: Request) -> bool:
    """?f=html|json|geojson decides; otherwise the Accept header (a browser asks for text/html first)."""
    chosen = request.query_params.get("f")
    if chosen is not None:
        if chosen not in FORMATS:
            raise QueryError("f", f"{chosen!r} is not an encoding of this API ({', '.join(FORMATS)})")
        return FORMATS[chosen]
    accept = request.headers.get("accept", "").lower()
    html, json = accept.find("text/html"), accept.find("json")
    return html >= 0 and (json < 0 or html < json)


def filterable(layer: Layer) -> list[str]:
    """The properties a client may filter on with ?name=value."""
    return list(layer.properties)


def check_known(request: Request, allowed: set[str]) -> None:
    for name in request.query_params:
        if name not in allowed:
            raise QueryError(name, f"unknown query parameter {name!r} (allowed: {', '.join(sorted(allowed))})")


def output_crs(request: Request) -> crs.Crs:
    given = request.query_params.get("crs")
    if given is None:
        return crs.BY_URI[crs.CRS84]
    found = crs.lookup(given)
    if found is None:
        raise QueryError("crs", f"{given!r} is not a supported CRS ({', '.join(crs.URIS)})")
    return found


def item_query(request: Request, layer: Layer) -> ItemQuery:
    """bbox (+ bbox-crs), property filters, datetime, limit and offset of an items request."""
    params = request.query_params
    props = set(filterable(layer))
    check_known(request, ITEMS | props)
    area = bounds = None
    if "bbox" in params:
        area, bounds = _bbox(params["bbox"], params.get("bbox-crs"))
    elif "bbox-crs" in params:
        raise QueryError("bbox-crs", "bbox-crs is given without a bbox")
    interval = parse_datetime(params["datetime"]) if "datetime" in params else None
    filters = parse_filters(layer, {name: params[name] for name in params if name in props})
    return ItemQuery(area=area, bounds=bounds, filters=filters, interval=interval,
                     limit=parse_count("limit", params.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT),
                     offset=parse_count("offset", params.get("offset"), 0, 0, None))


def _bbox(text: str, given_crs: str | None):
    source = crs.BY_URI[crs.CRS84]
    if given_crs is not None:
        source = crs.lookup(given_crs)
        if source is None:
            raise QueryError("bbox-crs", f"{given_crs!r} is not a supported CRS ({', '.join(crs.URIS)})")
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        raise QueryError("bbox", f"{text!r} is not a list of numbers (minx,miny,maxx,maxy)") from None
    try:
        return crs.bbox_area(values, source)
    except crs.BboxError as exc:
        raise QueryError("bbox", f"{text!r}: {exc}") from None
