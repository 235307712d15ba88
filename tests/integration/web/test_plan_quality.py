"""The register mirror's data-quality findings in the web app: /api/plan/quality answers what
`trekant plan quality` answers, the plan page lists them, anonymous readers see those of published
plans only (both backends)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app as cli
from unit.plan.builders import VEJLE
from unit.plan.real_shaped import EXPECTED_FINDINGS, _lokalplan, _vejle_square, write_export

runner = CliRunner()
DRAFT = "LP-VEJLE-KLADDE"  # a draft (K) local plan without a general use: its finding is the cooperation's


def cli_json(*args) -> dict:
    result = runner.invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def mirrored(store_env, tmp_path):
    """The real-shaped export mirrored, and a draft with a finding beside it."""
    cli_json("plan", "import", str(write_export(tmp_path / "lokalplaner.geojson")), "--mirror")
    draft = [_lokalplan(DRAFT, VEJLE, _vejle_square(2800), planstatus="K", anvgen=None, datovedt=None, datoikraft=None)]
    cli_json("plan", "import", str(write_export(tmp_path / "kladder.geojson", draft)), "--mirror", "--partial")
    return store_env


def _found(body: dict) -> set:
    return {(f["planid"], f["code"], f["action"]) for f in body["findings"]}


@pytest.mark.parametrize("query, options", [
    ("", ()),
    ("?municipality=621", ("--municipality", "621")),
    ("?code=too-small,outside-municipality", ("--code", "too-small,outside-municipality")),
    ("?layer=lokalplan&municipality=0630", ("--layer", "lokalplan", "--municipality", "0630")),
])
def test_the_api_answers_what_plan_quality_answers(mirrored, admin_client, query, options):
    response = admin_client.get(f"/api/plan/quality{query}")
    assert response.status_code == 200, response.text
    assert response.json() == cli_json("plan", "quality", *options)


def test_anonymous_readers_see_the_findings_of_published_plans_only(mirrored, client, admin_client):
    signed_in = admin_client.get("/api/plan/quality").json()
    public = client.get("/api/plan/quality").json()
    assert _found(signed_in) == EXPECTED_FINDINGS | {(DRAFT, "missing-value", "kept")}
    assert _found(public) == EXPECTED_FINDINGS  # every plan of the export is published (V or F)
    assert public["count"] == signed_in["count"] - 1 and public["by_action"]["kept"] == 2


def test_the_plan_page_lists_the_findings(mirrored, client):
    page = client.get("/plan?lang=en").text
    section = page.split('id="quality-title"', 1)[1].split("</section>", 1)[0]
    assert f'data-count="{len(EXPECTED_FINDINGS)}"' in section
    rows = re.findall(r'<tr data-planid="([^"]*)"><td>([^<]*)</td>', section)
    assert sorted(p for p, _ in rows) == sorted(p or "" for p, _, _ in EXPECTED_FINDINGS)
    assert {layer for _, layer in rows} == {"local plan"}
    assert "repaired 4" in section and "kept as it is 2" in section and "Kolding (0621)" in section
    assert DRAFT not in page


def test_the_part_filters_alone_and_as_a_page(mirrored, client):
    bare = client.get("/parts/plan/quality?municipality=621&code=too-small", headers={"X-Trekant-Part": "1"})
    assert bare.status_code == 200 and "<html" not in bare.text
    assert re.findall(r'<tr data-planid="([^"]*)"', bare.text) == ["LP-KOLDING-SLIVER"]
    assert "repareret" in bare.text  # Danish by default
    whole = client.get("/parts/plan/quality?municipality=&code=&layer=")  # the plain form, without scripts
    assert whole.status_code == 200 and "<html" in whole.text and f'data-count="{len(EXPECTED_FINDINGS)}"' in whole.text


@pytest.mark.parametrize("query, field", [("?layer=byggefelt", "--layer"), ("?municipality=Vejle", "--municipality")])
def test_a_bad_filter_is_a_json_issue(mirrored, client, query, field):
    response = client.get(f"/api/plan/quality{query}")
    assert response.status_code == 422
    (issue,) = response.json()["issues"]
    assert issue["message"].startswith(f"{field}: ")  # the service's option name, as the CLI says it
