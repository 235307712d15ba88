"""The shipped register, list filters, add/edit with history, and the analyses on the store (both backends)."""

import pytest
import yaml

from trekant.cli.identity import os_user
from trekant.partnerships.defaults import data_path

SHIPPED = yaml.safe_load(data_path("trekantomraadet").read_text(encoding="utf-8"))


def test_shipped_register_is_real_with_sources_or_labelled_demo(store_env, run_json):
    listed = run_json("list")
    assert listed["count"] == len(SHIPPED["partnerships"]) and listed["demo"] is True
    for row in listed["partnerships"]:
        detail = run_json("show", row["key"])
        if detail["demo"]:
            assert "DEMO" in detail["name"]
        else:
            assert detail["sources"], row["key"]
            assert all(s["title"] and s["publisher"] and s["url"].startswith("http") for s in detail["sources"])
    hysynergy = run_json("show", "hysynergy")
    assert hysynergy["municipalities"] == ["0607"] and "energy_ptx" in hysynergy["strengths"]
    assert {p["organisation"] for p in hysynergy["partners"] if p["role"] == "lead"} == {"everfuel"}
    # 6.5 and 3.8 million EUR at 7.46038 DKK/EUR, as the file's notes say
    assert hysynergy["funding_total_dkk"] == pytest.approx(6.5e6 * 7.46038 + 3.8e6 * 7.46038, abs=1)
    assert hysynergy["contacts"] is None and hysynergy["contacts_hidden"] is True


@pytest.mark.parametrize("options,expected", [
    (["--theme", "energy_climate"], {"hysynergy", "triangle-energy-alliance", "fyrtaarn-syd-arbejdskraft"}),
    (["--status", "idea"], {"demo-industri-netvaerk"}),
    (["--organisation", "everfuel"], {"hysynergy", "triangle-energy-alliance"}),
    (["--organisation", "Crossbridge"], {"hysynergy"}),
    (["--search", "brint"], {"hysynergy"}),
    (["--strength", "transport_logistics"], {"danmarks-vigtigste-vejkryds", "danmarks-produktionscentrum",
                                             "demo-logistik-kompetencer"}),
    (["--municipality", "Fredericia", "--theme", "infrastructure_mobility"],
     {"danmarks-vigtigste-vejkryds", "demo-pendlercykelruter"}),
    (["--municipality", "607", "--status", "ended"], {"trekantomraadets-festuge", "fyrtaarn-syd-arbejdskraft"}),
])
def test_list_filters(store_env, run_json, options, expected):
    assert {p["key"] for p in run_json("list", *options)["partnerships"]} == expected


def test_bad_filter_is_one_clear_line(store_env, run):
    result = run("list", "--theme", "sport")
    assert result.exit_code == 1 and "--theme" in result.stderr and "sport" in result.stderr
    result = run("list", "--municipality", "Aarhus-by")
    assert result.exit_code == 1 and "not a municipality" in result.stderr


def test_add_then_edit_keeps_a_history(store_env, run, run_json):
    added = run_json("add", "havnesamarbejde", "--name", "Havnesamarbejde", "--status", "active", "--theme",
                     "business_development", "-m", "Fredericia", "-m", "0630", "--start", "2024",
                     "--partner", "vejle-erhvervshavn:lead", "--funding", "municipal:250000:2024", "--demo")
    assert added["partnerships"] == ["havnesamarbejde"]
    again = run("add", "havnesamarbejde", "--name", "X", "--theme", "planning")
    assert again.exit_code == 1 and "exists already" in again.stderr
    edited = run_json("edit", "havnesamarbejde", "--set", "status=ended", "--set", "end=2025-06")
    assert edited["partnerships"] == ["havnesamarbejde"]
    shown = run_json("show", "havnesamarbejde")
    assert shown["status"] == "ended" and shown["end"] == "2025-06-30" and shown["funding_total_dkk"] == 250_000
    changes = run_json("history", "havnesamarbejde")["changes"]
    assert [c["action"] for c in changes] == ["partnerships.add", "partnerships.edit"]
    assert changes[0]["detail"]["created"] is True
    assert changes[1]["detail"]["changed"] == {"status": {"from": "active", "to": "ended"},
                                               "end": {"from": None, "to": "2025-06-30"}}
    assert all(c["actor"] == f"cli:{os_user()}" for c in changes)  # the CLI acts as its OS user (docs/security.md)
    unchanged = run_json("edit", "havnesamarbejde", "--set", "status=ended")
    assert unchanged["partnerships"] == [] and len(run_json("history", "havnesamarbejde")["changes"]) == 2


def test_edit_is_checked_like_an_import(store_env, run):
    result = run("edit", "hysynergy", "--set", "end=2010")
    assert result.exit_code == 1 and "[end-before-start]" in result.stderr and "field end" in result.stderr
    result = run("edit", "hysynergy", "--set", "kpis=co2e_per_resident; growth_of_happiness")
    assert result.exit_code == 1 and "[unknown-kpi]" in result.stderr and "growth_of_happiness" in result.stderr
    assert run("edit", "hysynergy", "--set", "kpis=co2e_per_resident; partnerships").exit_code == 0  # both in goals.yaml
    result = run("edit", "hysynergy", "--set", "colour=green")
    assert result.exit_code == 1 and "unknown field" in result.stderr
    assert run("edit", "no-such", "--set", "status=ended").exit_code == 1


def test_organisation_with_a_bad_cvr_is_refused(store_env, run, run_json):
    bad = run("org", "add", "acme", "--name", "Acme A/S", "--kind", "company", "--cvr", "54562518")
    assert bad.exit_code == 1 and "[bad-cvr]" in bad.stderr and "modulus-11" in bad.stderr
    good = run_json("org", "add", "acme", "--name", "Acme A/S", "--kind", "company", "--cvr", "DK 54 56 25 19")
    assert good["organisations"] == ["acme"]
    assert run_json("org", "show", "acme")["cvr"] == "54562519"
    assert run_json("org", "show", "energinet")["cvr"] == "28980671"


def _shipped_total(statuses=None) -> float:
    return sum(line["amount_dkk"] for p in SHIPPED["partnerships"] for line in p.get("funding", [])
               if statuses is None or p["status"] in statuses)


def test_funding_report_adds_up_to_the_shipped_lines(store_env, run_json):
    report = run_json("funding")
    assert report["total_dkk"] == pytest.approx(_shipped_total())
    for part in ("by_theme", "by_municipality", "by_source", "by_year"):
        assert sum(r["amount_dkk"] for r in report[part]) == pytest.approx(report["total_dkk"], abs=0.1)
    demo = sum(line["amount_dkk"] for p in SHIPPED["partnerships"] if p.get("demo") for line in p.get("funding", []))
    assert report["demo_dkk"] == pytest.approx(demo)
    fredericia = next(r for r in report["by_municipality"] if r["municipality"] == "0607")
    # HySynergy is Fredericia's alone; the Sydjylland EU grant is split evenly over 7; DEMO cycling routes 2 M over 3
    assert fredericia["amount_dkk"] == pytest.approx(48_492_470 + 28_349_444 + 15_458_844 / 7 + 2_000_000 / 3, abs=0.1)
    active = run_json("funding", "--status", "active")
    assert active["total_dkk"] == pytest.approx(_shipped_total(("active",)))


def test_coverage_and_network_on_the_store(store_env, run_json):
    coverage = run_json("coverage")
    assert len(coverage["matrix"]) == 7 and coverage["statuses"] == ["active"]
    culture = {r["municipality"]: r["counts"]["culture_attractiveness"] for r in coverage["matrix"]}
    assert culture == {"0410": 0, "0510": 0, "0530": 1, "0575": 1, "0607": 0, "0621": 0, "0630": 0}  # only the demo one
    network = run_json("network")
    nodes = {n["organisation"]: n for n in network["nodes"]}
    assert nodes["energinet"]["partnerships"] == ["hysynergy"] and nodes["energinet"]["bridges_municipalities"] is False
    assert "trekantomraadet-danmark" in network["cut_points"]


def test_funding_text_says_how_each_partnership_was_split(store_env, run):
    from trekant.cli.main import app

    english = run.runner.invoke(app, ["partnerships", "funding"], env={"TREKANT_LANGUAGE": "en"})
    assert english.exit_code == 0, english.output
    lines = [line.strip() for line in english.stdout.splitlines()]
    assert "demo-attraktive-landsbyer: shares from the file" in lines  # its file gives Billund and Vejen shares
    assert "demo-pendlercykelruter: split evenly, the line's own municipality" in lines
    assert "fyrtaarn-syd-arbejdskraft: split evenly" in lines
    danish = " ".join(run("funding").stdout.split())  # the method's sentence may wrap at the console's width
    assert "fyrtaarn-syd-arbejdskraft: ligeligt fordelt" in danish and "ligeligt fordelt mellem dets kommuner" in danish
