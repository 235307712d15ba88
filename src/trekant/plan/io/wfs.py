"""A WFS 2.0 GetFeature client for Plandata.dk (stdlib urllib; GML pages parsed by GDAL via pyogrio).

Plandata serves plan frames as GML 3.2 in namespace http://www.plansystemdk.dk, one feature
type per layer (`<layer>Type` in DescribeFeatureType), geometry `geometri` (gml:MultiSurface,
EPSG:25832). Pages are requested with count/startIndex until a page comes back short.
"""

from __future__ import annotations

import re
import tempfile
import urllib.error
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from trekant.errors import InputError, Issue
from trekant.fetch import check_url, fetch
from trekant.plan.io.reader import RawLayer, read_layer

PLANDATA_WFS_URL = "https://geoserver.plandata.dk/geoserver/wfs"
FRAMES_LAYER = "theme_pdk_kommuneplanramme_vedtaget_v"
NAMESPACE_PREFIX = "pdk"
PAGE_SIZE = 1000
TIMEOUT_S = 60.0
MAX_PAGES = 500  # 500,000 frames: far above any municipality; stops a server that never ends
USER_AGENT = "trekant (joint municipal plan; https://github.com/) python-urllib"

_NUMBER_RETURNED = re.compile(rb'numberReturned="(\d+)"')
_EXCEPTION = re.compile(rb"<(?:\w+:)?ExceptionText>(.*?)</(?:\w+:)?ExceptionText>", re.S)


@dataclass(frozen=True)
class WfsRequest:
    url: str = PLANDATA_WFS_URL
    layer: str = FRAMES_LAYER
    page_size: int = PAGE_SIZE
    timeout_s: float = TIMEOUT_S


def getfeature_url(request: WfsRequest, komnr: str, start: int) -> str:
    """GetFeature for one page of one municipality's frames (GeoServer's CQL_FILTER on komnr)."""
    params = dict(
        service="WFS", version="2.0.0", request="GetFeature",
        typeNames=f"{NAMESPACE_PREFIX}:{request.layer}", srsName="urn:ogc:def:crs:EPSG::25832",
        CQL_FILTER=f"komnr={int(komnr)}", count=request.page_size, startIndex=start, sortBy="planid",
    )
    separator = "&" if "?" in request.url else "?"
    return request.url + separator + urllib.parse.urlencode(params)


def _get(url: str, timeout_s: float) -> bytes:
    """One page through the shared fetch (overall deadline, size limit, every redirect hop http(s))."""
    check_url(url, what="an http(s) URL of a WFS")

    def wfs_error(exc: urllib.error.HTTPError) -> InputError:
        detail = _exception_text(exc.read() or b"")
        suffix = f": {detail}" if detail else ""
        return InputError(url, reason=f"the WFS answered HTTP {exc.code} {exc.reason}{suffix}")

    headers = {"User-Agent": USER_AGENT, "Accept": "application/gml+xml, text/xml"}
    return fetch(url, headers=headers, timeout_s=timeout_s, on_http_error=wfs_error, server="the WFS").body


def _exception_text(body: bytes) -> str | None:
    """The text of an OWS ExceptionReport (GeoServer sends one with HTTP 400 or even 200)."""
    found = _EXCEPTION.search(body[:20_000])
    return found.group(1).decode("utf-8", "replace").strip() if found else None


def _returned(body: bytes, url: str) -> int:
    exception = _exception_text(body)
    if exception:
        raise InputError(url, reason=f"the WFS reported an exception: {exception}")
    match = _NUMBER_RETURNED.search(body[:4000])
    if match is None:
        raise InputError(url, reason="not a WFS 2.0 FeatureCollection (no numberReturned)")
    return int(match.group(1))


def fetch_pages(request: WfsRequest, komnr: str) -> list[bytes]:
    """Every GML page holding features, in order."""
    pages = []
    for page in range(MAX_PAGES):
        url = getfeature_url(request, komnr, page * request.page_size)
        body = _get(url, request.timeout_s)
        returned = _returned(body, url)
        if returned:
            pages.append(body)
        if returned < request.page_size:
            return pages
    raise InputError(request.url, reason=f"more than {MAX_PAGES} pages; stopped")


def read_pages(pages: list[bytes], source: str) -> tuple[RawLayer | None, list[Issue]]:
    """Parse the GML pages with GDAL (no schema download) and stack them into one layer."""
    layers, issues = [], []
    with tempfile.TemporaryDirectory(prefix="trekant-wfs-") as folder:
        for index, body in enumerate(pages):
            path = Path(folder) / f"page{index}.gml"
            path.write_bytes(body)
            layer, found = read_layer(path)
            issues += [Issue(i.severity, i.code, f"{source} (page {index + 1})", i.where, i.message, i.field) for i in found]
            if layer is not None:
                layers.append(layer)
    if not layers:
        return None, issues
    attributes = pd.concat([layer.attributes for layer in layers], ignore_index=True)
    geometries = np.concatenate([layer.geometries for layer in layers])
    unreadable = np.concatenate([layer.unreadable for layer in layers])
    nan_cells: dict[str, list] = {}
    offset = 0
    for layer in layers:
        for name, rows in layer.nan_cells.items():
            nan_cells.setdefault(name, []).append(rows + offset)
        offset += len(layer.attributes)
    nan_cells = {name: np.concatenate(parts) for name, parts in nan_cells.items()}
    return RawLayer(attributes, geometries, unreadable, layers[0].crs, layers[0].layer, nan_cells), issues
