"""/api/plan: the joint municipal plan — the use cases of `trekant plan …`, plus map layers.

Reads are open to everyone (anonymous readers see published statuses only); the plan import
(upload) needs "plan.edit" (an editor, for their own municipalities; the administrator) and is
audited under the person's name.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse

from trekant.errors import InputError
from trekant.plan import maps, reports, service
from trekant.plan.model import DEFAULT_SENSITIVE_USES, LIVE_STATUSES, CheckOptions
from trekant.settings import Settings
from trekant.web import files
from trekant.web.api.common import listed
from trekant.web.deps import (
    Principal,
    actor_settings,
    current_principal,
    language,
    permits,
    principal_now,
    reader_settings,
    reader_settings_now,
)
from trekant.web.threads import off_loop

router = APIRouter(prefix="/plan")

StatusQuery = Query(None, description="Plan statuses, comma separated (K, F, KV, V, A or their names); default all but cancelled.")
MEDIA = {"gpkg": "application/geopackage+sqlite3", "geojson": "application/geo+json", "csv": "text/csv",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _statuses(text: str | None, principal: Principal) -> tuple[str, ...]:
    """The statuses asked for (default: all but cancelled), as far as the person may see them (anonymous: no drafts)."""
    asked = reports.status_codes(listed(text, "status") or LIVE_STATUSES)
    return service.visible_statuses(not principal.sees_unpublished, asked)


@router.get("/frames")
def frames(status: str | None = StatusQuery, settings: Settings = Depends(reader_settings),
           principal: Principal = Depends(current_principal)) -> dict:
    """Current plan frames as GeoJSON (WGS 84) with their rules, use and status by name, and the bounds."""
    return maps.frames_map(settings, _statuses(status, principal), settings.language)


@router.get("/frames/{planid}/history")
def history(planid: str, settings: Settings = Depends(reader_settings),
            principal: Principal = Depends(current_principal)) -> dict:
    """Every version of a frame, oldest first: what changed, when and by whom (`plan history`)."""
    versions = reports.records(reports.frame_history(settings, planid, published_only=not principal.sees_unpublished))
    return dict(planid=planid, demo=any(v["is_demo"] for v in versions), versions=versions)


@router.get("/designations")
def designations(settings: Settings = Depends(reader_settings),
                 principal: Principal = Depends(current_principal)) -> dict:
    """Joint regional designations as GeoJSON (WGS 84) with the theme by name."""
    return maps.designations_map(settings, settings.language)


def _check_options(sensitive: str | None, within: bool, touch_distance_m: float, status: str | None,
                   principal: Principal) -> CheckOptions:
    return CheckOptions(sensitive_uses=listed(sensitive, "sensitive", int) or DEFAULT_SENSITIVE_USES,
                        within_municipality=within, touch_distance_m=touch_distance_m,
                        statuses=_statuses(status, principal))


SensitiveQuery = Query(None, description="Sensitive general uses (anvgen), comma separated; default 11,21,51,61,71.")
WithinQuery = Query(False, description="Also report environmental conflicts inside one municipality.")


@router.get("/check")
def check(sensitive: str | None = SensitiveQuery, within: bool = WithinQuery,
          touch_distance_m: float = Query(20.0, description="Frames this close across a border count as touching."),
          status: str | None = StatusQuery, settings: Settings = Depends(reader_settings),
          principal: Principal = Depends(current_principal)) -> dict:
    """The cross-border checks (`plan check`): environmental distance, equal conditions, border overlaps."""
    return reports.check(settings, _check_options(sensitive, within, touch_distance_m, status, principal)).to_dict()


@router.get("/conflicts")
def conflicts(sensitive: str | None = SensitiveQuery, within: bool = WithinQuery, status: str | None = StatusQuery,
              settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """Environmental conflicts as GeoJSON lines between the two frames, with distances and both frames' bounds."""
    return maps.conflicts_map(settings, _check_options(sensitive, within, 20.0, status, principal))


@router.get("/where")
def where(env_class: int = Query(..., description="Environmental class of the business (1–7)."),
          use: int | None = Query(None, description="General use (anvgen, e.g. 31) or specific use (anvspec, e.g. 3130)."),
          min_area_ha: float = Query(0.0, description="Smallest frame area in hectares."),
          status: str | None = StatusQuery, settings: Settings = Depends(reader_settings),
          principal: Principal = Depends(current_principal)) -> dict:
    """The regional site finder (`plan where`): every frame in the region admitting class and use."""
    return reports.where(settings, env_class, use, min_area_ha, _statuses(status, principal))


@router.get("/at")
async def at(x: float = Query(..., description="Easting, or longitude with crs=EPSG:4326."),
             y: float = Query(..., description="Northing, or latitude."),
             crs: str | None = Query(None, description="CRS of x, y (default EPSG:25832), e.g. EPSG:4326."),
             settings: Settings = Depends(reader_settings_now), principal: Principal = Depends(principal_now)) -> dict:
    """What applies at a point (`plan at`): frames and their rules, designations, conflicts within 500 m."""
    options = CheckOptions(statuses=_statuses(None, principal))
    # asked on every click of the map: one hand-off to a data thread, which also writes the JSON
    return await off_loop(lambda: JSONResponse(reports.at(settings, x, y, crs, options)))


@router.get("/quality")
def quality(municipality: str | None = Query(None, description="Only this municipality (code, e.g. 0630)."),
            code: str | None = Query(None, description="Only these finding codes, comma separated (e.g. too-small,outside-municipality)."),
            layer: str | None = Query(None, description="Only this layer: kommuneplanramme, lokalplan, delomraade or zonekort."),
            settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """Data-quality findings of the register mirror (`plan quality`): what breaks Plandata's rules and
    what was done about it. Anonymous readers get the findings of published plans only."""
    return service.quality_findings(settings, municipality, listed(code, "code"), layer,
                                    published_only=not principal.sees_unpublished)


@router.get("/land")
def land(at: str | None = Query(None, description="The plan as it stood at this date (YYYY-MM-DD) or ISO time."),
         since: str | None = Query(None, description="The change since this date or time instead of the totals."),
         settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """Land account (`plan land`): hectares by municipality × general use × status, or its change."""
    return reports.land(settings, at, since, published_only=not principal.sees_unpublished)


@router.get("/export", response_class=files.FileResponse)
def export(format: str = Query(..., description="gpkg, geojson, csv or xlsx."),
           crs: str | None = Query(None, description="Output CRS (default EPSG:25832 for gpkg, EPSG:4326 for geojson)."),
           settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)):
    """The current plan as a file (`plan export`): GeoPackage with every theme, GeoJSON, CSV or XLSX."""
    fmt = format.lower()
    out = files.scratch_file(f"trekant-plan.{fmt}")
    try:
        result = reports.export(settings, fmt, out, crs, settings.language,
                                published_only=not principal.sees_unpublished)
    except Exception:
        files.remove_scratch(out)
        raise
    return files.send_and_remove(out, MEDIA[fmt], out.name, {"X-Trekant-Demo": str(result["demo"]).lower()})


@router.post("/import")
def import_plan(file: UploadFile = File(..., description="GeoJSON, GeoPackage, zipped Shapefile or GML."),
                municipality: str | None = Form(None, description="Import as an editor of this municipality (code)."),
                status: str | None = Form(None, description="Status of frames that carry none (K, F, KV, V, A)."),
                layer: str | None = Form(None, description="Layer to read when the file has several."),
                settings: Settings = Depends(actor_settings),
                principal: Principal = Depends(permits("plan.edit")),
                lang: str = Depends(language)) -> dict:
    """Import a plan file (`plan import`): every problem feature by feature; any error writes nothing (422).

    An editor imports only frames of their own municipalities: one other municipality's frame in the
    file refuses it whole (403, nothing written; accounts.rules "plan.edit", checked in the service)."""
    with files.saved_upload(file) as (path, name):
        try:
            result = service.import_file(settings, path, municipality or None, status or None, layer or None,
                                         by=principal)  # an editor may touch their own municipalities only
        except InputError as exc:
            raise files.named_error(exc, path, name) from None
        result.issues[:] = files.named_issues(result.issues, path, name)
    return dict(result.to_dict(), source=name)
