"""The HTML encoding of every OGC API resource (conformance class html): the same document as the
JSON, shown as a page with every link as an <a> element and every property in a table."""

from __future__ import annotations

from fastapi import Request

from trekant.features.layers import Layer
from trekant.web.deps import language
from trekant.web.ogc.labels import text
from trekant.web.pages.render import render


def page(request: Request, kind: str, document: dict, layer: Layer | None = None, headers: dict | None = None):
    lang = language(request)
    response = render(request, "ogc/page.html", kind=kind, doc=document, layer=layer,
                      T=lambda key: text(key, lang))
    response.headers.update(headers or {})
    return response
