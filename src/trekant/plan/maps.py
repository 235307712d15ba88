"""Map layers of the joint plan for web maps: frames with their rules, designations, conflicts.

Read-side use cases like those in reports.py, answering GeoJSON in WGS 84 (trekant.mapdata):
the same frames, rules and checks the CLI reports, with geometries a browser can draw.
"""

from __future__ import annotations

import shapely

from trekant import mapdata
from trekant.plan import checks, repo
from trekant.plan.codes import load_code_lists
from trekant.plan.labels import t
from trekant.plan.layers import LAYERS
from trekant.plan.model import FINDING_ACTIONS, LIVE_STATUSES, CheckOptions
from trekant.plan.query import area_ha
from trekant.plan.reports import checked_options, municipality_names, status_codes
from trekant.settings import Settings
from trekant.store.store import reading

# Plan frames are drawn at 1:10,000 or coarser on a screen: 2 m of simplification is invisible.
FRAME_SIMPLIFY_M = 2.0
FRAME_PROPERTIES = ("planid", "komnr", "municipality", "plannr", "plannavn", "anvgen", "use_name", "anvspec",
                    "status", "status_name", "bebygpct", "maxetager", "maxbygnhjd", "minuds", "minmiljo",
                    "maxmiljo", "area_ha", "version", "doklink", "is_demo")
DESIGNATION_PROPERTIES = ("designation_id", "theme", "theme_name", "name", "description", "municipalities",
                          "area_ha", "is_demo")


def _name(table: dict, code, language: str) -> str | None:
    """The Danish or English name of a code in one of the code lists (None for an unknown code)."""
    names = table.get(mapdata.plain(code))
    if names is None:
        return None
    return names[1] if language == "en" else names[0]


def frames_map(settings: Settings, statuses: tuple[str, ...] = LIVE_STATUSES, language: str = "da",
               simplify_m: float = FRAME_SIMPLIFY_M) -> dict:
    """Current frames as GeoJSON: Plandata fields, the use and status by name, area; and the bounds."""
    codes = load_code_lists()
    statuses = status_codes(tuple(statuses))
    with reading(settings) as conn:
        frames = repo.read_frames(conn, statuses=statuses)
        names = municipality_names(conn)
    frames = frames.assign(
        municipality=frames["komnr"].map(names), area_ha=area_ha(frames),
        use_name=[_name(codes.anvgen, a, language) for a in frames["anvgen"]],
        status_name=[_name(codes.status, s, language) for s in frames["status"]])
    result = mapdata.feature_collection(frames, FRAME_PROPERTIES, "planid", simplify_m)
    return dict(result, demo=bool(frames["is_demo"].any()) if len(frames) else False,
                bbox=mapdata.bounds(frames.geometry), statuses=list(statuses),
                uses={str(int(code)): _name(codes.anvgen, code, language) for code in sorted(set(frames["anvgen"].dropna()))})


def designations_map(settings: Settings, language: str = "da", simplify_m: float = FRAME_SIMPLIFY_M) -> dict:
    """Current joint designations as GeoJSON, with the theme by name."""
    codes = load_code_lists()
    with reading(settings) as conn:
        zones = repo.read_designations(conn)
    zones = zones.assign(area_ha=area_ha(zones), theme_name=[_name(codes.themes, t, language) for t in zones["theme"]])
    result = mapdata.feature_collection(zones, DESIGNATION_PROPERTIES, "designation_id", simplify_m)
    return dict(result, demo=bool(zones["is_demo"].any()) if len(zones) else False)


def conflicts_map(settings: Settings, options: CheckOptions = CheckOptions()) -> dict:
    """Each environmental conflict of `plan check` as the shortest line between its two frames,
    with the distance, the required distance and the bounds of both frames (to zoom a map to them)."""
    options = checked_options(options)
    with reading(settings) as conn:
        frames = repo.read_frames(conn, statuses=options.statuses)
    conflicts = checks.environmental_conflicts(frames, load_code_lists().distance_m, options) if len(frames) else []
    shapes = frames.set_index("planid").geometry if len(frames) else {}
    features = []
    for number, conflict in enumerate(conflicts, start=1):
        source, sensitive = shapes[conflict.source_planid], shapes[conflict.sensitive_planid]
        line = shapely.shortest_line(source, sensitive)
        properties = dict(conflict.to_dict(), conflict=number, bbox=mapdata.bounds([source, sensitive]))
        features.append(mapdata.feature(line, properties, number))
    return dict(mapdata.collection(features), demo=bool(frames["is_demo"].any()) if len(frames) else False)


def code_names(language: str = "da") -> dict:
    """The code lists a page offers and names: general uses, statuses, environmental classes with their
    recommended distance to housing, and designation themes (Danish or English names)."""
    codes = load_code_lists()
    pick = (lambda pair: pair[1]) if language == "en" else (lambda pair: pair[0])
    return dict(uses={code: pick(names) for code, names in sorted(codes.anvgen.items())},
                statuses={code: pick(names) for code, names in codes.status.items()},
                env_classes={c: metres for c, metres in sorted(codes.distance_m.items())},
                themes={key: pick(names) for key, names in codes.themes.items()},
                layers={kind: t("kind_" + kind, language) for kind in LAYERS},
                actions={action: t("action_" + action, language) for action in FINDING_ACTIONS})
