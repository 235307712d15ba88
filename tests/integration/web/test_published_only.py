"""Anonymous sees published data only — no draft frames, no contact persons — from the OGC API, the JSON
API and the pages; a signed-in reader (session or API token) sees them (issue 11)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from trekant.accounts import service

from .signin import SETUP, app, session_for  # noqa: F401 (app: fixture)

ITEMS = "/ogc/collections/plan_frames/items"
PERSON = {"name": "Mette Testesen", "email": "mette.testesen@example.dk", "phone": "+45 12 34 56 78"}


def _statuses(client: TestClient, **kwargs) -> dict[str, str]:
    body = client.get(ITEMS, params={"limit": 1000}, **kwargs).json()
    return {f["properties"]["planid"]: f["properties"]["status"] for f in body["features"]}


def test_draft_plan_frames_only_for_signed_in_principals(app, store_env):
    anonymous = TestClient(app, raise_server_exceptions=False)
    reader, _ = session_for(app, "reader")
    token, _ = service.issue_token(store_env, SETUP, "analyst", None, where="test")
    public = _statuses(anonymous)
    signed_in = _statuses(reader)
    drafts = {planid for planid, status in signed_in.items() if status != "V"}
    assert drafts, "the demo plan holds a draft frame (status F) to hide"
    assert set(public.values()) == {"V"} and set(public) == set(signed_in) - drafts
    assert _statuses(anonymous, headers={"Authorization": f"Bearer {token}"}) == signed_in
    draft = sorted(drafts)[0]
    assert anonymous.get(f"{ITEMS}/{draft}").status_code == 404
    assert reader.get(f"{ITEMS}/{draft}").status_code == 200
    assert draft not in anonymous.get(ITEMS, params={"limit": 1000, "f": "html"}).text


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
