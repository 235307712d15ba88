"""Every role × every write route (and a sample of reads): 200/303, 401 or 403 as the rules say (issue 11).

The write routes are discovered from the app: a new POST/PUT/PATCH/DELETE route that is not in
WRITES fails `test_every_write_route_is_in_the_table` until someone states who may use it — so no
write route goes unprotected by oversight. Add each new route's row (and its request) here.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from trekant.web.app import create_app

from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

from .signin import app, session_for  # noqa: F401 (app: fixture)
from .test_partnership_edit import as_data, form_of


@functools.cache
def kolding_file() -> bytes:
    """One new Kolding frame near the Vejle border, as GeoJSON in EPSG:25832."""
    s = border_segment(KOLDING, VEJLE)
    with tempfile.TemporaryDirectory() as folder:
        path = write_geojson(Path(folder) / "kolding.geojson", [frame("K-ROLE-TEST", KOLDING, 31, s.rect(100, 400, side="a"))])
        return path.read_bytes()

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
PRINCIPALS = ("anonymous", "reader", "analyst", "vejle", "kolding", "admin")


def everyone(status: int) -> dict[str, int]:
    return {p: status for p in PRINCIPALS}


def only_admin(ok: int = 200) -> dict[str, int]:
    return dict(everyone(403), anonymous=401, admin=ok)


def analysts(ok: int = 200) -> dict[str, int]:
    return dict(only_admin(ok), analyst=ok)


def api(method: str, path: str, body: dict) -> Request:
    """A JSON write as the pages' scripts send it: the session's CSRF token in X-CSRF-Token."""
    return lambda c, t: c.request(method, path, json=body, headers={"X-CSRF-Token": t})


Request = Callable[[TestClient, str], object]  # (client, csrf token) → response


def _edit_form_posted_back(client: TestClient, csrf: str):
    """The partnership edit form saved unchanged, as a browser posts it, with the token given (the CSRF test
    gives none); who gets no form posts a name change."""
    form = client.get("/partnerships/hysynergy/edit")
    data = as_data(form_of(form.text)) if form.status_code == 200 else {"name": ["X"]}
    data["csrf_token"] = [csrf]
    return client.post("/partnerships/hysynergy/edit", data=data, follow_redirects=False)


# (method, path) → (the request, expected status per principal)
WRITES: dict[tuple[str, str], tuple[Request, dict[str, int]] | None] = {
    # Public by design, guarded by its own pre-sign-in CSRF token and throttling: test_auth.py.
    ("POST", "/sign-in"): None,
    # Ending one's own session: harmless for anyone (anonymous has none to end).
    ("POST", "/sign-out"): (lambda c, t: c.post("/sign-out", data=dict(csrf_token=t), follow_redirects=False),
                            everyone(303)),
    # partnerships: analysts edit them ("partnership.edit"); only the administrator erases a person
    ("POST", "/api/partnerships"): (api("POST", "/api/partnerships", dict(
        key="role-test", name="Role test", status="idea", themes=["planning"], demo=True)), analysts(201)),
    ("PATCH", "/api/partnerships/{key}"): (api("PATCH", "/api/partnerships/hysynergy",
                                               dict(status="ended", end="2025")), analysts()),
    ("POST", "/partnerships/{key}/edit"): (lambda c, t: _edit_form_posted_back(c, t), analysts(303)),
    ("POST", "/api/partnerships/forget"): (api("POST", "/api/partnerships/forget", dict(person="Nobody Known")),
                                           only_admin()),
    # a plan file holding one Kolding frame: Kolding's editor and the administrator; Vejle's editor 403
    ("POST", "/api/plan/import"): (lambda c, t: c.post("/api/plan/import", headers={"X-CSRF-Token": t},
                                                       files={"file": ("kolding.geojson", kolding_file(), "application/geo+json")}),
                                   dict(only_admin(), kolding=200)),
}

READS: dict[str, dict[str, int]] = {
    "/": everyone(200),
    "/api/region": everyone(200),
    "/api/whoami": everyone(200),
    "/sign-in": everyone(200),
    "/api/audit": only_admin(),
    "/admin/audit": only_admin(),
    "/admin/audit.csv": only_admin(),
    "/api/partnerships": everyone(200),
    "/api/partnerships/hysynergy/history": everyone(200),
    "/partnerships": everyone(200),
}


def client_of(app, who: str) -> tuple[TestClient, str]:
    if who == "anonymous":
        return TestClient(app, raise_server_exceptions=False), ""
    return session_for(app, who)


def write_routes(app) -> set[tuple[str, str]]:
    """Every write route of the app, also inside included routers (FastAPI ≥ 0.13x keeps them nested)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: app.routes is already flat
        return {(method, route.path) for route in app.routes if isinstance(route, APIRoute)
                for method in route.methods & WRITE_METHODS}
    return {(method, context.path) for context in iter_route_contexts(app.routes)
            for method in (getattr(context.original_route, "methods", None) or set()) & WRITE_METHODS}


def test_every_write_route_is_in_the_table(store_env):
    found = write_routes(create_app(store_env))
    assert {("POST", "/sign-out"), ("POST", "/api/partnerships")} <= found  # the discovery itself works
    missing = found - set(WRITES)
    assert not missing, f"write routes nobody has stated the permissions of (add them to WRITES): {sorted(missing)}"


@pytest.mark.parametrize("who", PRINCIPALS)
def test_role_table(app, who):
    """All rows for one principal (each with a fresh session), so one run reports every mismatch."""
    mismatches = []
    for path, expected in READS.items():
        client, _ = client_of(app, who)
        got = client.get(path).status_code
        if got != expected[who]:
            mismatches.append(f"GET {path}: {got}, expected {expected[who]}")
    for (method, path), row in WRITES.items():
        if row is None:
            continue
        request, expected = row
        client, csrf = client_of(app, who)
        got = request(client, csrf).status_code
        if got != expected[who]:
            mismatches.append(f"{method} {path}: {got}, expected {expected[who]}")
    assert mismatches == []


@pytest.mark.parametrize("who", [p for p in PRINCIPALS if p != "anonymous"])
def test_cookie_writes_without_the_csrf_token_are_refused_for_every_role(app, who):
    for (method, path), row in WRITES.items():
        if row is None:
            continue
        client, _csrf = client_of(app, who)
        request, _expected = row
        assert request(client, "").status_code == 403, f"{method} {path} without a CSRF token"


def test_a_vejle_editor_changing_a_kolding_frame_gets_403_and_the_frame_is_unchanged(app):
    admin, admin_csrf = session_for(app, "admin")
    upload = dict(file=("kolding.geojson", kolding_file(), "application/geo+json"))
    assert admin.post("/api/plan/import", files=upload, headers={"X-CSRF-Token": admin_csrf}).status_code == 200
    before = admin.get("/ogc/collections/plan_frames/items/K-ROLE-TEST").json()["properties"]
    changed = kolding_file().replace(b'"anvgen": 31', b'"anvgen": 11')
    assert changed != kolding_file()
    vejle, csrf = session_for(app, "vejle")
    refused = vejle.post("/api/plan/import", headers={"X-CSRF-Token": csrf},
                         files=dict(file=("kolding.geojson", changed, "application/geo+json")))
    assert refused.status_code == 403 and "0621" in refused.json()["issues"][0]["message"]
    assert admin.get("/ogc/collections/plan_frames/items/K-ROLE-TEST").json()["properties"] == before
