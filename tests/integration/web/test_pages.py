"""The HTML pages: every page in Danish and English, nothing a strict CSP would block (no inline
code, no on*= handlers, no javascript: URLs, nothing from another host), names escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from integration.web.plan_files import HOSTILE_NAME, good_plan

PAGES = ["/", "/plan", "/energy", "/economy", "/infra"]
PARTS = ["/parts/key-figures", "/parts/kpi-board", "/parts/plan/site-finder?env_class=3",
         "/parts/plan/at?x=9.53&y=55.71", "/parts/plan/quality?code=too-small", "/parts/infra/cba?key=billund-rail-gadbjerg&params=fm2023"]


class Audit(HTMLParser):
    """What a strict Content Security Policy would refuse, and where every script and style comes from."""

    def __init__(self):
        super().__init__()
        self.problems, self.sources, self._in_script = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:…>")
        for name in ("src", "href"):
            if attrs.get(name):
                self.sources.append(attrs[name])
        if tag == "script":
            self._in_script = attrs

    def handle_data(self, data):
        if self._in_script is not None and data.strip():
            if self._in_script.get("type") != "application/json":
                self.problems.append(f"inline script code: {data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def audit(html: str) -> Audit:
    parser = Audit()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_both_languages_with_nothing_a_strict_csp_blocks(sqlite_client, path):
    for lang, word in (("da", "Overblik"), ("en", "Overview")):
        response = sqlite_client.get(f"{path}?lang={lang}")
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in response.text and word in response.text
        found = audit(response.text)
        assert found.problems == []
        assert all(s.startswith(("/", "?", "#")) for s in found.sources), found.sources  # nothing from another host
        assert '<meta name="csrf-token"' in response.text


@pytest.mark.parametrize("path", PARTS)
def test_parts_alone_and_as_a_page(sqlite_client, path):
    bare = sqlite_client.get(path, headers={"X-Trekant-Part": "1"})
    assert bare.status_code == 200 and "<html" not in bare.text
    assert audit(bare.text).problems == []
    whole = sqlite_client.get(path)  # a link followed without scripts
    assert whole.status_code == 200 and "<html" in whole.text


def test_a_bad_part_request_is_a_json_issue(sqlite_client):
    response = sqlite_client.get("/parts/plan/site-finder?env_class=12", headers={"X-Trekant-Part": "1"})
    assert response.status_code == 422 and response.json()["issues"]
    assert sqlite_client.get("/parts/plan/history?planid=NOPE").status_code == 404


def test_the_upload_form_is_offered_only_to_those_who_may_upload(client, admin_client):
    assert 'id="upload-form"' not in client.get("/plan").text
    page = admin_client.get("/plan").text
    assert 'id="upload-form"' in page and 'name="csrf_token"' in page


def test_hostile_names_are_rendered_as_text(admin_client, tmp_path):
    with good_plan(tmp_path).open("rb") as handle:
        assert admin_client.post("/api/plan/import", files={"file": ("vejle.geojson", handle)}).status_code == 200
    for path in ("/parts/plan/site-finder?env_class=3&use=31", "/parts/plan/history?planid=WEB-2",
                 "/parts/plan/at?x=533750&y=6175150&crs=EPSG:25832"):
        html = admin_client.get(path, headers={"X-Trekant-Part": "1"}).text
        assert "WEB-2" in html
        assert HOSTILE_NAME not in html and "<script>document.title" not in html
        assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in html
        assert re.search(r"<img[^>]*onerror", html) is None


def test_the_overviews_key_figures_and_kpi_board_carry_growth_status_and_sources(sqlite_client, sqlite_env):
    """Population and jobs with their growth against Denmark; every KPI with a status colour and a source."""
    from trekant.economy import overview_service  # the service the part renders
    from trekant.strategy import service as strategy

    figures = sqlite_client.get("/parts/key-figures", headers={"X-Trekant-Part": "1"}).text
    expected = overview_service.key_figures(sqlite_env)
    shown = re.findall(r"</strong>,\s+Danmark ([+-]\d+,\d) %", figures)  # after the region's own growth
    assert shown == [f"{expected[key]['denmark']['change_pct']:+.1f}".replace(".", ",") for key in ("population", "jobs")]
    assert 'id="figure-population"' in figures and 'id="figure-jobs"' in figures
    board = sqlite_client.get("/parts/kpi-board", headers={"X-Trekant-Part": "1"}).text
    kpis = strategy.status(sqlite_env)["kpis"]
    rows = re.findall(r'<span class="status (\w+)">.*?<td class="sources">(.*?)</td>', board, flags=re.S)
    assert len(rows) == len(kpis) >= 5
    assert {status for status, _ in rows} <= {"on_track", "at_risk", "off_track", "no_data"}
    assert all(source.strip() not in ("", "–") for status, source in rows if status != "no_data")
