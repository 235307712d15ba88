"""The partnership API and pages: contacts only for signed-in principals, writes for analysts, charts' data."""

from __future__ import annotations

import json
import re

import pytest

PERSON = {"name": "Mette Testesen", "email": "mette.testesen@example.dk", "phone": "+45 12 34 56 78"}


def _add_contact(admin_client) -> None:
    response = admin_client.patch("/api/partnerships/dima", json={"contacts": [dict(PERSON, role="koordinator")]})
    assert response.status_code == 200, response.text


def test_list_and_filters_match_the_service(client):
    body = client.get("/api/partnerships", params={"theme": "energy_climate"}).json()
    assert {p["key"] for p in body["partnerships"]} == {"hysynergy", "triangle-energy-alliance",
                                                        "fyrtaarn-syd-arbejdskraft"}
    assert client.get("/api/partnerships", params={"theme": "sports"}).status_code == 422


def test_anonymous_never_sees_contact_persons(client, admin_client):
    _add_contact(admin_client)
    anonymous = client.get("/api/partnerships/dima").json()
    assert anonymous["contacts"] is None and anonymous["contacts_hidden"] is True and anonymous["contact_count"] == 1
    assert "contacts" not in client.get("/api/partnerships").json()["partnerships"][0]
    page = client.get("/partnerships/dima").text
    assert PERSON["name"] not in page and PERSON["email"] not in page and 'id="contacts-hidden"' in page
    for path in ("/api/partnerships", "/api/partnerships/dima", "/api/partnerships/dima/history", "/partnerships",
                 "/api/partnerships/network"):
        assert PERSON["email"] not in client.get(path).text, path
    signed_in = admin_client.get("/api/partnerships/dima").json()
    assert signed_in["contacts"] == [dict(PERSON, organisation=None, role="koordinator")]
    assert PERSON["email"] in admin_client.get("/partnerships/dima").text


def test_writes_need_a_role_and_are_audited_with_who_and_where(client, admin_client):
    assert client.patch("/api/partnerships/hysynergy", json={"status": "ended"}).status_code == 401
    assert client.post("/api/partnerships/forget", json={"person": "x"}).status_code == 401
    bad = admin_client.patch("/api/partnerships/hysynergy", json={"end": "2010"})
    assert bad.status_code == 422 and bad.json()["issues"][0]["code"] == "end-before-start"
    ok = admin_client.patch("/api/partnerships/hysynergy", json={"status": "ended", "end": "2025"})
    assert ok.status_code == 200 and ok.json()["partnerships"] == ["hysynergy"]
    last = client.get("/api/partnerships/hysynergy/history").json()["changes"][-1]
    assert last["actor"] == "web:local-admin" and last["origin"] == "127.0.0.1"
    assert set(last["detail"]["changed"]) == {"status", "end"}
    created = admin_client.post("/api/partnerships", json={"key": "web-test", "name": "<script>alert(1)</script>",
                                                           "status": "idea", "themes": ["planning"], "demo": True})
    assert created.status_code == 201
    assert admin_client.post("/api/partnerships", json={"key": "web-test", "name": "x", "status": "idea",
                                                        "themes": ["planning"]}).status_code == 409
    page = client.get("/partnerships").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_forget_through_the_api_removes_the_person(client, admin_client):
    _add_contact(admin_client)
    assert admin_client.post("/api/partnerships/forget", json={"person": PERSON["name"]}).json() == {"records_removed": 1}
    assert admin_client.get("/api/partnerships/dima").json()["contacts"] == []


def test_unknown_partnership_is_404(client):
    response = client.get("/api/partnerships/no-such")
    assert response.status_code == 404 and response.json()["issues"][0]["message"].startswith("no partnership")
    assert client.get("/partnerships/no-such").status_code == 404


def _page_data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="partnership-data">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_register_page_carries_the_charts_and_the_network_drawn(client):
    response = client.get("/partnerships")
    assert response.status_code == 200 and '<html lang="da">' in response.text
    for chart in ("chart-funding-theme", "chart-funding-municipality", "chart-coverage", "chart-network"):
        assert f'id="{chart}"' in response.text
    assert '<script src="/vendor/plotly/plotly.min.js"></script>' in response.text
    data = _page_data(response.text)
    api = client.get("/api/partnerships/funding").json()
    assert data["funding"]["total_dkk"] == pytest.approx(api["total_dkk"])
    assert len(data["coverage"]["matrix"]) == 7
    nodes = data["network"]["nodes"]
    assert nodes and all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert client.get("/static/partnerships.js").status_code == 200
    english = client.get("/partnerships?lang=en").text
    assert "Partnerships under the strategy" in english and "Energy and climate" in english


def test_detail_page_lists_sources_and_history(client):
    page = client.get("/partnerships/hysynergy").text
    assert "Everfuel A/S" in page and "28980671" in page  # Energinet's CVR number
    assert 'href="https://vejleavisen.dk/direktoer-skelsaettende-dag-bunder-i-et-staerkt-samarbejde/"' in page
    assert "partnerships.init" in page
