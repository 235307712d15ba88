"""Use cases of the region: build the store from a region definition, and describe the region."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Connection

from trekant.errors import InputError, StoreError, has_errors
from trekant.region import repo
from trekant.region.geometry import area_km2, neighbours
from trekant.region.model import RegionDataset
from trekant.settings import Settings
from trekant.store import migrate
from trekant.store.audit import origin
from trekant.store.schema.core import store_meta
from trekant.store.store import Store, ensure_writable_dir, reading, rebuild, serialise

Progress = Callable[[str], None]
# A loader writes a domain's default data into the store inside init's transaction and returns
# counts for the report. It must be idempotent: init may run on a store that already has the data.
Loader = Callable[[Connection, "LoadContext"], dict]


def _quiet(_step: str) -> None:
    pass


@dataclass(frozen=True)
class LoadContext:
    """What a domain loader may need to know while init runs."""

    settings: Settings
    dataset: RegionDataset
    with_demo: bool
    actor: str


@dataclass(frozen=True)
class InitResult:
    region: str
    store: str
    rebuilt: bool
    municipalities: int
    indicator_values: int
    loaded: dict = field(default_factory=dict)
    with_demo: bool = True

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def read_dataset(definition_path: Path | None = None, progress: Progress = _quiet) -> RegionDataset:
    """Read and validate everything a region needs, before any store is touched."""
    # pyogrio and pandas load here, where they are used, not for every `region show`
    from trekant.region.boundaries import read_boundaries
    from trekant.region.definition import load_definition, read_names
    from trekant.region.statbank import area_resolver, read_indicator

    definition = load_definition(definition_path)
    progress("boundaries")
    names = read_names(definition.names_file)
    municipalities = read_boundaries(definition.boundaries, names)
    loaded = {m.code for m in municipalities}
    missing = [c for c in definition.members if c not in loaded]
    if missing:
        raise InputError(str(definition.boundaries), reason=f"no boundary for member municipality {', '.join(missing)}")
    lookup = area_resolver(names)
    values, issues = [], []
    for spec in definition.indicators:
        progress(f"indicator {spec.key}")
        spec_values, spec_issues = read_indicator(spec, lookup)
        values += spec_values
        issues += spec_issues
    if has_errors(issues):
        raise InputError.from_issues(str(definition.path), issues)
    return RegionDataset(definition, tuple(municipalities), tuple(values))


Confirm = Callable[[list[str]], bool]
WITH_DEMO_KEY = "with_demo"  # trekant_meta: the store's own choice, so a later `init` keeps it


def _refuse(losses: list[str]) -> bool:
    return False


def init_store(settings: Settings, definition_path: Path | None = None, force: bool = False,
               progress: Progress = _quiet, loaders: dict[str, Loader] | None = None,
               with_demo: bool | None = None, confirm: Confirm = _refuse) -> InitResult:
    """Create the store (or refresh it in place); with force, rebuild it from scratch.

    `loaders` (domain name → Loader) add each domain's default data in the same transaction,
    so a failing loader leaves the store as it was. with_demo None keeps the store's earlier choice
    (demo data for a new store). A forced rebuild of a store holding changes that did not come from
    `init` asks `confirm(what would be lost)` first and stops (StoreError) unless it says yes.
    """
    dataset = read_dataset(definition_path, progress)
    store = Store.from_settings(settings)
    if store.is_sqlite:
        ensure_writable_dir(store.path.parent)
    progress("store")
    try:
        exists, meta, losses = _present(store, force)
        if losses and not confirm(losses):
            raise StoreError(f"`trekant init --force` would discard {'; '.join(losses)}: add --yes to go ahead")
        rebuilt = force or not exists
        if with_demo is None:
            with_demo = meta.get(WITH_DEMO_KEY, "true") != "false"
        context = LoadContext(settings, dataset, with_demo, settings.actor)
        loaded: dict[str, dict] = {}

        def fill(conn: Connection) -> None:
            repo.write_dataset(conn, dataset, settings.actor)
            repo.upsert(conn, store_meta, [dict(key=WITH_DEMO_KEY, value=str(with_demo).lower())], ["key"])
            for name, loader in (loaders or {}).items():
                progress(name)
                loaded[name] = loader(conn, context)

        with origin("init"):  # the audit log tells init's own loading from what users changed
            if rebuilt:
                rebuilt = rebuild(store, fill, unless_built=not force)
            if not rebuilt:
                _refresh(store, dataset.definition.key, fill)
    finally:
        store.dispose()
    return InitResult(dataset.definition.key, store.describe(), rebuilt,
                      len(dataset.municipalities), len(dataset.indicator_values), loaded, with_demo)


def _present(store: Store, force: bool) -> tuple[bool, dict, list[str]]:
    """(does the store exist, its meta, what a forced rebuild would discard)."""
    try:
        exists = store.exists()
    except StoreError:
        if not force:
            raise
        return True, {}, [f"the damaged store at {store.describe()} (what it holds cannot be read)"]
    if not exists:
        return False, {}, []
    with store.connect() as conn:
        meta = repo.read_meta(conn)
        losses = repo.user_changes(conn) if force else []
    return True, meta, losses


def _refresh(store: Store, region_key: str, fill: Callable[[Connection], None]) -> None:
    with store.begin() as conn:
        serialise(conn)
        held = repo.read_meta(conn).get("region")
        if held and held != region_key:
            raise StoreError(
                f"the store at {store.describe()} holds region {held!r}, not {region_key!r}; "
                "use --force to replace it"
            )
        migrate.upgrade(conn)
        fill(conn)


def describe_region(settings: Settings) -> dict:
    """The region (its latest population when every member has one for the same period) and its
    municipalities: code, name, area, latest population, neighbours."""
    with reading(settings) as conn:
        meta = repo.read_meta(conn)
        members = repo.read_region_municipalities(conn)
        population_keys = json.loads(meta.get("population_indicators", '["population"]'))
        population = repo.latest_values(conn, population_keys, [m.code for m in members])
    adjacency = neighbours({m.code: m.geom for m in members})
    rows = [
        dict(
            code=m.code,
            name=m.name,
            area_km2=round(area_km2(m.geom), 1),
            population=_population(population.get(m.code)),
            neighbours=adjacency[m.code],
        )
        for m in members
    ]
    return dict(key=meta.get("region"), name=meta.get("region_name"), population=_region_population(rows),
                municipalities=rows)


def _region_population(rows: list[dict]) -> dict | None:
    """The region's latest population: the members' sum when all of them have a value for the same
    period (a sum over different months would be no one's population), else None."""
    found = [r["population"] for r in rows]
    if not found or any(p is None for p in found) or len({p["period"] for p in found}) != 1:
        return None
    return dict(period=found[0]["period"], value=sum(p["value"] for p in found))


OUTLINE_SIMPLIFY_M = 50.0  # the 1:500,000 boundaries carry no detail finer than this


def outlines(settings: Settings, simplify_m: float = OUTLINE_SIMPLIFY_M) -> dict:
    """The region's municipalities as a GeoJSON FeatureCollection in WGS 84 (for web maps), with
    code and name, and the bounds [west, south, east, north] of the whole region."""
    from trekant import mapdata  # pandas and pyproj: loaded for maps only, not for `region show`

    with reading(settings) as conn:
        members = repo.read_region_municipalities(conn)
    features = [mapdata.feature(m.geom, dict(code=m.code, name=m.name), m.code, simplify_m) for m in members]
    return dict(mapdata.collection(features), bbox=mapdata.bounds(m.geom for m in members))


def _population(value) -> dict | None:
    if value is None:
        return None
    return dict(period=value.period, value=int(value.value))


def municipality_outlines(settings: Settings, neighbours_within_m: float = 0.0) -> list[dict]:
    """The region's municipalities with their boundaries (EPSG:25832) for maps: code, name, geometry,
    member=True; with `neighbours_within_m` > 0 also every other municipality whose boundary comes
    that close to the region (member=False), so a map can show the region in its surroundings."""
    with reading(settings) as conn:
        members = repo.read_region_municipalities(conn)
        others = repo.read_all_municipalities(conn) if neighbours_within_m > 0 else []
    rows = [dict(code=m.code, name=m.name, geometry=m.geom, member=True) for m in members]
    if others:
        from shapely import union_all

        region = union_all([m.geom for m in members]).buffer(neighbours_within_m)
        codes = {m.code for m in members}
        rows += [dict(code=m.code, name=m.name, geometry=m.geom, member=False)
                 for m in others if m.code not in codes and m.geom is not None and m.geom.intersects(region)]
    return rows
