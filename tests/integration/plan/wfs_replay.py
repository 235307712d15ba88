"""A local stand-in for Plandata.dk's WFS: answers GetFeature with GML of the documented shape.

Shape (Plandata's DescribeFeatureType): namespace http://www.plansystemdk.dk, feature type
`<layer>Type`, geometry element `geometri` (gml:MultiSurface), EPSG:25832, dates as xsd:int,
maxetager/maxbygnhjd as xsd:decimal; the status is `planstatus`. Each layer writes its own fields
in its own order (unit/plan/plandata_schema.py: 326 on lokalplan layers); an empty field is left
out, as GeoServer does. The server honours typeNames (one or several layers), CQL_FILTER=komnr=N,
count and startIndex, and logs every request.
"""

from __future__ import annotations

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import shapely

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" '
          'xmlns:pdk="http://www.plansystemdk.dk" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'numberMatched="{matched}" numberReturned="{returned}" timeStamp="2026-11-28T12:00:00.000Z" '
          'xsi:schemaLocation="http://www.plansystemdk.dk {schema} '
          'http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd">\n')
FIELDS = ("planid", "komnr", "plannr", "plannavn", "anvgen", "anvspec", "fzone", "zone", "bebygpct", "maxetager",
          "maxbygnhjd", "minmiljo", "maxmiljo", "planstatus", "datoforsl", "datovedt", "datoikraft", "doklink")


def _fields_of(layer: str, props: dict) -> tuple[str, ...]:
    """The layer's own fields when the properties are a whole real-shaped record, else FIELDS."""
    from unit.plan.plandata_schema import FIELDS as REAL

    for fields in REAL.values():
        if set(props) == set(fields):
            return fields
    return FIELDS


def _poslist(ring) -> str:
    return " ".join(f"{x:.3f} {y:.3f}" for x, y in ring.coords)


def _surface(polygon) -> str:
    inner = "".join(f"<gml:interior><gml:LinearRing><gml:posList>{_poslist(r)}</gml:posList></gml:LinearRing></gml:interior>"
                    for r in polygon.interiors)
    return (f"<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>{_poslist(polygon.exterior)}"
            f"</gml:posList></gml:LinearRing></gml:exterior>{inner}</gml:Polygon></gml:surfaceMember>")


def feature_gml(layer: str, index: int, props: dict, geom) -> str:
    cells = "".join(f"<pdk:{k}>{escape(str(props[k]))}</pdk:{k}>" for k in _fields_of(layer, props)
                    if props.get(k) is not None)
    surfaces = "".join(_surface(p) for p in shapely.get_parts(geom))
    return (f'<wfs:member><pdk:{layer} gml:id="{layer}.{index}">{cells}<pdk:geometri>'
            f'<gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::25832" srsDimension="2">{surfaces}</gml:MultiSurface>'
            f"</pdk:geometri></pdk:{layer}></wfs:member>\n")


def collection(layer: str, features: list[tuple[dict, object]], matched: int, base_url: str, start: int = 0) -> str:
    schema = escape(f"{base_url}?service=WFS&version=2.0.0&request=DescribeFeatureType&typeName=pdk%3A{layer}")
    body = "".join(feature_gml(layer, start + i, p, g) for i, (p, g) in enumerate(features))
    return HEADER.format(matched=matched, returned=len(features), schema=schema) + body + "</wfs:FeatureCollection>\n"


class Replay:
    """Serve `features` (list of (properties, geometry)) for one layer on 127.0.0.1, or several
    layers given as {layer name: features}."""

    def __init__(self, layer: str | dict, features: list[tuple[dict, object]] | None = None):
        self.layers = layer if isinstance(layer, dict) else {layer: features}
        self.requests: list[dict] = []
        self.fail_with: tuple[int, str] | None = None
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/geoserver/wfs"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Replay":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _answer(self, query: dict) -> tuple[int, str]:
        if self.fail_with:
            return self.fail_with
        name = str(query.get("typeNames", "")).removeprefix("pdk:")
        if name not in self.layers:
            return 400, ('<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception>'
                         f'<ows:ExceptionText>Feature type {query.get("typeNames")} unknown</ows:ExceptionText>'
                         "</ows:Exception></ows:ExceptionReport>")
        komnr = int(query["CQL_FILTER"].split("=")[1])
        matching = [(p, g) for p, g in self.layers[name] if p.get("komnr") is not None and int(p["komnr"]) == komnr]
        start, count = int(query.get("startIndex", 0)), int(query.get("count", 1_000_000))
        return 200, collection(name, matching[start:start + count], len(matching), self.url, start)

    def _handler(self):
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
                replay.requests.append(query)
                status, text = replay._answer(query)
                data = text.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/gml+xml; version=3.2")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler
