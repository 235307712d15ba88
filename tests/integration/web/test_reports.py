"""Report downloads built on request: the public edition for anonymous users, the internal one for
signed-in users, English on ?lang=en, one JSON error for an unknown project or format."""

from __future__ import annotations

from io import BytesIO

from fastapi.testclient import TestClient
from pypdf import PdfReader

from trekant.energy import service as energy
from trekant.i18n import number
from trekant.infrastructure import service as infra
from trekant.region import service as region_service
from trekant.web.app import create_app

ONE = "little-belt-third-crossing"


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages)


def test_anonymous_users_download_the_public_brief(client, store_env):
    response = client.get(f"/reports/infra-brief.pdf?projects={ONE}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="trekant-infra-brief-da.pdf"'
    text = _text(response.content)
    assert "Offentlig udgave" in text and "Intern udgave" not in text
    ranking = infra.rank(store_env).to_dict()
    cba = infra.cba_report(store_env, ONE, ranking["params"], ranking["base_year"], ranking["price_year"])
    assert f"Nettonutidsværdi {number(cba['npv_dkk'] / 1e6, ',.0f', 'da')} mio. kr." in text


def test_the_local_administrator_gets_the_internal_edition(admin_client):
    response = admin_client.get(f"/reports/infra-brief.html?projects={ONE}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "Intern udgave" in response.text and "Offentlig udgave" not in response.text


def test_unknown_project_format_or_parameter_set_is_one_json_error(client):
    unknown = client.get("/reports/infra-brief.pdf?projects=nope")
    assert unknown.status_code == 404
    assert unknown.json()["issues"][0]["message"].startswith("no project 'nope' in the portfolio")
    assert client.get("/reports/status.docx").status_code == 404
    assert client.get("/reports/infra-brief.pdf?params=../../etc/passwd").status_code == 422
    params = client.get(f"/reports/infra-brief.pdf?projects={ONE}&params=nope")
    assert params.status_code == 422 and "unknown parameter set 'nope'" in params.text


def test_the_status_report_in_english_for_a_year(sqlite_env):
    with TestClient(create_app(sqlite_env), raise_server_exceptions=False) as client:
        response = client.get("/reports/status.html?lang=en&year=2020")
    assert response.status_code == 200, response.text
    population = region_service.describe_region(sqlite_env)["population"]
    assert f"The region&#39;s population ({population['period']})" in response.text
    assert number(population["value"], ",.0f", "en") == "438,147" and "438,147" in response.text
    assert "Public edition" in response.text
    assert "<h1>Status report 2020</h1>" in response.text  # ?year= reaches the build: that year's account
    account = energy.accounts(sqlite_env, year=2020)
    assert "Total emissions (2020)" in response.text
    assert f"{number(account['total_co2e_t'], ',.0f', 'en')} t CO2e" in response.text
    assert "Strength positions (2020)" in response.text


def test_the_overview_page_offers_both_documents_in_both_formats(sqlite_env):
    with TestClient(create_app(sqlite_env), raise_server_exceptions=False) as client:
        page = client.get("/?lang=en")
    assert page.status_code == 200
    for name in ("status", "infra-brief"):
        for fmt in ("pdf", "html"):
            assert f'href="/reports/{name}.{fmt}?lang=en"' in page.text
    # each link is a download built on request: the endpoints are the ones the tests above call
