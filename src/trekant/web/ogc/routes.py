"""The OGC API Features endpoints: each reads its parameters, calls the features service with the
visibility of the person asking, and answers JSON/GeoJSON or HTML.

Bad parameters answer 400 in the platform's issue format, naming the parameter; unknown
collections and features 404 (the app's NotFound handler).
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute

from trekant.features import service
from trekant.features.query import QueryError
from trekant.settings import Settings
from trekant.web.deps import language, public_only, settings_now
from trekant.web.errors import error_response
from trekant.web.ogc import documents as docs
from trekant.web.ogc import params
from trekant.web.ogc.html import page as html_page
from trekant.web.ogc.openapi import openapi_document
from trekant.web.threads import off_loop


class OgcRoute(APIRoute):
    """Turns QueryError into 400 with the issue record naming the parameter."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except QueryError as exc:
                issue = dict(severity="error", code="invalid-parameter", source="request",
                             feature=request.url.path, field=exc.field, message=str(exc))
                return error_response(400, [issue])

        return guarded


def root_url(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/ogc"


def _json(document: dict, media_type: str = docs.JSON, headers: dict | None = None) -> Response:
    return Response(json.dumps(document, ensure_ascii=False).encode(), media_type=media_type, headers=headers)


def build_router() -> APIRouter:
    router = APIRouter(route_class=OgcRoute, include_in_schema=False)

    @router.get("/", name="ogc_landing")
    @router.get("", name="ogc_landing_bare")
    async def landing(request: Request):
        document = docs.landing(root_url(request), language(request))
        if params.wants_html(request):
            return html_page(request, "landing", document)
        return _json(document)

    @router.get("/api", name="ogc_api")
    async def api(request: Request):
        return JSONResponse(openapi_document(root_url(request)), media_type=docs.OPENAPI)

    @router.get("/conformance", name="ogc_conformance")
    async def conformance(request: Request):
        document = docs.conformance(root_url(request), language(request))
        if params.wants_html(request):
            return html_page(request, "conformance", document)
        return _json(document)

    @router.get("/collections", name="ogc_collections")
    async def collections(request: Request, settings: Settings = Depends(settings_now),
                          public: bool = Depends(public_only)):
        html = params.wants_html(request)
        infos = await off_loop(service.collections, settings, public)
        document = docs.collections(root_url(request), infos, language(request))
        return html_page(request, "collections", document) if html else _json(document)

    @router.get("/collections/{collection_id}", name="ogc_collection")
    async def collection(collection_id: str, request: Request, settings: Settings = Depends(settings_now),
                         public: bool = Depends(public_only)):
        html = params.wants_html(request)
        info = await off_loop(service.collection, settings, collection_id, public)
        document = docs.collection(root_url(request), info, language(request))
        return html_page(request, "collection", document) if html else _json(document)

    @router.get("/collections/{collection_id}/items", name="ogc_items")
    async def items(collection_id: str, request: Request, settings: Settings = Depends(settings_now),
                    public: bool = Depends(public_only)):
        layer = service.layer(collection_id)
        html = params.wants_html(request)
        query = params.item_query(request, layer)
        target = params.output_crs(request)
        root, given, lang = root_url(request), dict(request.query_params), language(request)

        def answer() -> bytes:
            page = service.items(settings, collection_id, query, public, target)
            links = docs.page_links(root, layer, given, page, query.limit, query.offset, lang)
            return docs.feature_collection(page, target, links)

        body = await off_loop(answer)
        if html:
            return html_page(request, "items", json.loads(body), layer=layer, headers=docs.content_crs(target))
        return Response(body, media_type=docs.GEOJSON, headers=docs.content_crs(target))

    @router.get("/collections/{collection_id}/items/{feature_id:path}", name="ogc_item")
    async def item(collection_id: str, feature_id: str, request: Request,
                   settings: Settings = Depends(settings_now), public: bool = Depends(public_only)):
        layer = service.layer(collection_id)
        params.check_known(request, params.ITEM)
        html = params.wants_html(request)
        target = params.output_crs(request)
        root, given, lang = root_url(request), dict(request.query_params), language(request)

        def answer() -> bytes:
            page = service.item(settings, collection_id, feature_id, public, target)
            return docs.feature(root, page, target, given, lang)

        body = await off_loop(answer)
        if html:
            return html_page(request, "item", json.loads(body), layer=layer, headers=docs.content_crs(target))
        return Response(body, media_type=docs.GEOJSON, headers=docs.content_crs(target))

    return router
