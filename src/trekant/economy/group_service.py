"""Use cases of area groups: list them, add or replace a user group, remove a user group.

The region and its peers come from the region definition and cannot be changed here.
"""

from __future__ import annotations

from trekant.economy import repo
from trekant.economy.areas import MUNICIPALITIES, PEER_SETS
from trekant.economy.service import load_areas, reading
from trekant.errors import InputError, NotFound
from trekant.region.model import DENMARK
from trekant.settings import Settings
from trekant.store.audit import write_audit
from trekant.store.store import Store


def list_groups(settings: Settings) -> list[dict]:
    with reading(settings) as conn:
        areas = load_areas(conn)
    return [dict(key=g.key, name=g.name, kind=g.kind, source=g.source, members=list(g.members),
                 member_names=[areas.label(m) for m in g.members]) for g in areas.groups.values()]


def add_group(settings: Settings, key: str, members: list[str], name: str | None = None) -> dict:
    """A user-defined group of municipalities (by code or name); replaces a user group of that key."""
    if not key or not key.replace("_", "").isalnum() or not key[0].isalpha() or key != key.lower():
        raise InputError("group", key, "a group key is lower-case letters, digits and _ and starts with a letter")
    store = Store.from_settings(settings).require()
    try:
        with store.begin() as conn:
            areas = load_areas(conn)
            existing = areas.groups.get(key)
            if existing and existing.kind != "user":
                raise InputError("group", key, f"{key!r} is a {existing.kind} group of the region definition; "
                                               "choose another key")
            if not existing and _taken(areas, key):
                raise InputError("group", key, f"{key!r} already names a municipality, DK or a comparison set; "
                                               "choose another key")
            codes, unknown = [], []
            for text in members:
                try:
                    code = areas.resolve(text)
                except NotFound:
                    unknown.append(text)
                    continue
                if code == DENMARK or areas.is_group(code):
                    unknown.append(text)
                else:
                    codes.append(code)
            if unknown or not codes:
                raise InputError("group", key, f"not municipalities: {', '.join(unknown) or '(none given)'}")
            codes = sorted(set(codes))
            repo.write_group(conn, key, name or key, "user", codes, f"user-defined by {settings.actor}")
            write_audit(conn, settings.actor, "group.add", "area_group", key, dict(members=codes))
    finally:
        store.dispose()
    return dict(key=key, name=name or key, kind="user", members=codes)


def _taken(areas, key: str) -> bool:
    """Keys that would shadow a municipality (groups resolve first), Denmark or a comparison set."""
    if key in (MUNICIPALITIES, *PEER_SETS):
        return True
    try:
        areas.resolve(key)
    except NotFound:
        return False
    return True


def remove_group(settings: Settings, key: str) -> dict:
    store = Store.from_settings(settings).require()
    try:
        with store.begin() as conn:
            group = load_areas(conn).groups.get(key)
            if group is None:
                raise NotFound(f"no group {key!r}")
            if group.kind != "user":
                raise InputError("group", key, f"{key!r} belongs to the region definition and cannot be removed")
            repo.delete_group(conn, key)
            write_audit(conn, settings.actor, "group.remove", "area_group", key)
    finally:
        store.dispose()
    return dict(key=key, removed=True)
