"""Anonymous sees published data only — no draft frames, no contact persons — from the OGC API, the JSON
API and the pages; a signed-in reader (session or API token) sees them (issue 11)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from trekant.accounts import service
from trekant.plan import service as plan_service
from trekant.plan.model import PUBLISHED_STATUSES
from unit.plan.builders import VEJLE, border_segment, frame, write_geojson

from .signin import SETUP, app, session_for  # noqa: F401 (app: fixture)

ITEMS = "/ogc/collections/plan_frames/items"
PERSON = {"name": "Mette Testesen", "email": "mette.testesen@example.dk", "phone": "+45 12 34 56 78"}


def _statuses(client: TestClient, **kwargs) -> dict[str, str]:
    body = client.get(ITEMS, params={"limit": 1000}, **kwargs).json()
    return {f["properties"]["planid"]: f["properties"]["status"] for f in body["features"]}


def test_draft_plan_frames_only_for_signed_in_principals(app, store_env, tmp_path):
    """Drafts (K kladde til forslag, KV kladde til vedtaget) are the cooperation's; adopted plans and
    proposals in public consultation are public, as Plandata publishes them."""
    s = border_segment("0621", VEJLE)
    drafts = write_geojson(tmp_path / "drafts.geojson", [frame("V-KLADDE", VEJLE, 11, s.rect(100, 400), status="K"),
                                                          frame("V-KLADDE2", VEJLE, 21, s.rect(500, 800), status="KV")])
    assert plan_service.import_file(store_env, drafts).imported == 2
    anonymous = TestClient(app, raise_server_exceptions=False)
    reader, _ = session_for(app, "reader")
    token, _ = service.issue_token(store_env, SETUP, "analyst", None, where="test")
    public = _statuses(anonymous)
    signed_in = _statuses(reader)
    assert {"V-KLADDE": "K", "V-KLADDE2": "KV"}.items() <= signed_in.items()
    assert set(public.values()) <= set(PUBLISHED_STATUSES) and "K" not in public.values()
    assert set(public) == {planid for planid, status in signed_in.items() if status in PUBLISHED_STATUSES}
    assert _statuses(anonymous, headers={"Authorization": f"Bearer {token}"}) == signed_in
    assert anonymous.get(f"{ITEMS}/V-KLADDE").status_code == 404
    assert reader.get(f"{ITEMS}/V-KLADDE").status_code == 200
    assert "V-KLADDE" not in anonymous.get(ITEMS, params={"limit": 1000, "f": "html"}).text


def test_contact_persons_only_for_signed_in_principals(app):
    admin, csrf = session_for(app, "admin")
    assert admin.patch("/api/partnerships/dima", json={"contacts": [dict(PERSON, role="koordinator")]},
                       headers={"X-CSRF-Token": csrf}).status_code == 200
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path in ("/api/partnerships", "/api/partnerships/dima", "/partnerships", "/partnerships/dima"):
        assert PERSON["email"] not in anonymous.get(path).text, path
    reader, _ = session_for(app, "reader")
    assert reader.get("/api/partnerships/dima").json()["contacts"][0]["email"] == PERSON["email"]
    assert PERSON["email"] in reader.get("/partnerships/dima").text


def test_the_point_query_shows_anonymous_no_draft_local_plan(app, store_env, tmp_path):
    """/api/plan/at walks the cascade (delområde → lokalplan → kommuneplanramme → zone): a draft local
    plan covering the point is the cooperation's, so it is in a signed-in reader's cascade and not in
    the public's (it was shown to everyone while the frames beside it were already filtered)."""
    s = border_segment("0621", VEJLE)
    frames = write_geojson(tmp_path / "frames.geojson", [frame("V-RAMME", VEJLE, 11, s.rect(100, 900))])
    local = write_geojson(tmp_path / "lokalplaner.geojson", [frame("V-LP-KLADDE", VEJLE, 11, s.rect(300, 600), status="K")])
    assert plan_service.import_file(store_env, frames).imported == 1
    assert plan_service.import_file(store_env, local, kind="lokalplan").imported == 1
    x, y = s.middle + s.into_b * 450
    path = f"/api/plan/at?x={x}&y={y}"

    def cascade(client: TestClient) -> dict[str, list[str]]:
        body = client.get(path).json()
        return {level["level"]: [f["planid"] for f in level["features"]] for level in body["cascade"]}

    reader, _ = session_for(app, "reader")
    assert cascade(reader)["lokalplan"] == ["V-LP-KLADDE"]
    public = cascade(TestClient(app, raise_server_exceptions=False))
    assert public["lokalplan"] == [] and "V-RAMME" in public["kommuneplanramme"]


def test_land_account_downloads_and_history_hold_no_draft_for_anonymous(app, store_env, tmp_path):
    """The land account (page and API), the plan downloads and a frame's history: the public's hold
    the published plans only; a draft frame is not found in its history (as if it did not exist)."""
    s = border_segment("0621", VEJLE)
    drafts = write_geojson(tmp_path / "drafts.geojson", [frame("V-KLADDE", VEJLE, 11, s.rect(100, 400), status="K")])
    assert plan_service.import_file(store_env, drafts).imported == 1
    anonymous = TestClient(app, raise_server_exceptions=False)
    reader, _ = session_for(app, "reader")

    def land_statuses(client):
        return {row["status"] for row in client.get("/api/plan/land").json()["rows"] if row["komnr"] == VEJLE}

    assert "K" in land_statuses(reader) and "K" not in land_statuses(anonymous)
    assert land_statuses(anonymous) <= set(PUBLISHED_STATUSES)
    def land_table(client):
        return re.search(r'<table id="land-account">(.*?)</table>', client.get("/plan").text, flags=re.S).group(1)

    assert "Kladde til forslag" in land_table(reader) and "Kladde til forslag" not in land_table(anonymous)
    for fmt in ("geojson", "csv"):
        assert "V-KLADDE" in reader.get(f"/api/plan/export?format={fmt}").text
        public = anonymous.get(f"/api/plan/export?format={fmt}")
        assert public.status_code == 200 and "V-KLADDE" not in public.text
    assert reader.get("/api/plan/frames/V-KLADDE/history").json()["versions"][0]["status"] == "K"
    assert anonymous.get("/api/plan/frames/V-KLADDE/history").status_code == 404
    assert anonymous.get("/parts/plan/history?planid=V-KLADDE", headers={"X-Trekant-Part": "1"}).status_code == 404
