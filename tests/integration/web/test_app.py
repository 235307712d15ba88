"""The web skeleton: pages and API answer on the store, in Danish unless asked, errors as JSON issues."""

from __future__ import annotations

from fastapi.testclient import TestClient

from trekant.web.app import create_app

# The seven municipalities of Trekantområdet (DAGI codes, /work/shared/data/README.md).
REGION_CODES = {"0530", "0607", "0510", "0621", "0410", "0575", "0630"}


def test_region_api_lists_the_seven_municipalities(client):
    body = client.get("/api/region").json()
    assert {m["code"] for m in body["municipalities"]} == REGION_CODES


# Statistics Denmark FOLK1AM, population 2026M02 (CC BY 4.0), read off the published table.
FOLK1AM_2026M02 = {"0410": 40_616, "0530": 27_181, "0607": 52_901, "0510": 55_207,
                   "0621": 96_299, "0575": 42_637, "0630": 123_306}


def test_latest_population_is_statistics_denmarks(client):
    body = client.get("/api/region").json()
    shown = {m["code"]: (m["population"]["period"], m["population"]["value"]) for m in body["municipalities"]}
    assert shown == {code: ("2026M02", value) for code, value in FOLK1AM_2026M02.items()}


def test_overview_page_is_danish_by_default_and_english_on_request(client):
    danish = client.get("/")
    assert danish.status_code == 200
    assert '<html lang="da">' in danish.text and "Folketal" in danish.text
    english = client.get("/?lang=en")
    assert '<html lang="en">' in english.text and "Population" in english.text
    assert english.cookies.get("lang") == "en"
    assert '<html lang="en">' in client.get("/").text  # the cookie keeps the choice


def test_plotly_is_served_from_the_installed_package(client):
    response = client.get("/vendor/plotly/plotly.min.js")
    assert response.status_code == 200
    assert "maplibre" in response.text.lower()


def test_anonymous_and_local_admin(client, admin_client):
    assert client.get("/api/whoami").json()["role"] == "anonymous"
    assert admin_client.get("/api/whoami").json()["role"] == "administrator"


def test_local_admin_only_from_loopback(store_env):
    app = create_app(store_env, local_admin=True)
    with TestClient(app, client=("192.0.2.7", 50000)) as remote:
        assert remote.get("/api/whoami").json()["role"] == "anonymous"


def test_unknown_route_is_a_json_issue(client):
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    issue = response.json()["issues"][0]
    assert set(issue) >= {"severity", "code", "feature", "field", "message"}


def test_openapi_schema_is_published(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/region" in schema["paths"]


def test_serve_refuses_local_admin_on_a_network_address(empty_env):
    from typer.testing import CliRunner

    from trekant.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--local-admin"])
    assert result.exit_code == 2
    assert "--local-admin" in result.output


def test_no_page_loads_from_a_cdn(client):
    """Offline: FastAPI's Swagger/ReDoc pages fetch their scripts from a CDN, so they are not served."""
    assert client.get("/api/docs").status_code == 404
    assert client.get("/api/redoc").status_code == 404
