"""Words of the OGC API documents and pages, Danish first."""

from __future__ import annotations

from trekant.i18n import lookup

LABELS: dict[str, tuple[str, str]] = {
    "api_title": ("Trekantområdet – OGC API Features", "Triangle Region – OGC API Features"),
    "api_description": ("Regionens fælles kortlag: kommuner, kommuneplanrammer, fælles udpegninger, "
                        "infrastrukturprojekter og åbne konflikter. Offentlig adgang viser kun offentliggjorte data.",
                        "The region's joint map layers: municipalities, plan frames, joint designations, "
                        "infrastructure projects and open conflicts. Public access shows published data only."),
    "this_document": ("Dette dokument", "This document"),
    "as_html": ("Som HTML", "As HTML"),
    "as_json": ("Som JSON", "As JSON"),
    "service_desc": ("API-definition (OpenAPI 3.0)", "API definition (OpenAPI 3.0)"),
    "conformance": ("Overensstemmelsesklasser", "Conformance classes"),
    "collections": ("Samlinger", "Collections"),
    "collection": ("Samling", "Collection"),
    "items": ("Objekter", "Features"),
    "next_page": ("Næste side", "Next page"),
    "prev_page": ("Forrige side", "Previous page"),
    "demo": ("demo – syntetiske data", "demo – synthetic data"),
    "links": ("Links", "Links"),
    "extent": ("Udstrækning (CRS84)", "Extent (CRS84)"),
    "temporal": ("Tidsmæssig udstrækning", "Temporal extent"),
    "crs_list": ("Koordinatsystemer", "Coordinate reference systems"),
    "storage_crs": ("Lagringskoordinatsystem", "Storage CRS"),
    "matched": ("fundet", "matched"),
    "returned": ("vist", "returned"),
    "geometry": ("Geometri", "Geometry"),
    "id": ("Id", "Id"),
}


def text(key: str, lang: str) -> str:
    return lookup(LABELS, key, lang)
