"""Every track's KPIs on a real store: the fetch commands `strategy status` prints, run as printed against a
local StatBank replay, light their KPIs up with values worked out here; asks won; partnership KPIs."""

import csv
import json
import shlex
from datetime import date

import pytest
import yaml
from sqlalchemy import update
from typer.testing import CliRunner

from integration.statbank_replay import serving
from trekant.cli.main import app
from trekant.partnerships.defaults import data_path
from trekant.region.definition import data_root
from trekant.store.schema.infrastructure import infra_project
from trekant.store.store import Store

runner = CliRunner()
REGION = {"0410": "Middelfart", "0510": "Haderslev", "0530": "Billund", "0575": "Vejen", "0607": "Fredericia",
          "0621": "Kolding", "0630": "Vejle"}
FETCHED = ("employment_rate", "youth_in_education", "net_migration", "population_18_29", "population_0_17")


def _status(*args) -> dict:
    result = runner.invoke(app, ["strategy", "status", "--json", *args])
    assert result.exit_code == 0, result.output
    return {row["kpi"]: row for row in json.loads(result.stdout)["kpis"]}


# ---- canned StatBank answers, shaped like the real tables' English CSV -----------------------------
def _people(code: str, age: int, period: str) -> int:
    """An invented head count, different for every municipality, age and period (the test's own data)."""
    return 100 * int(code) // 10 + 7 * age + (3 if period.endswith("Q3") else 0)


FOLK_PERIODS = ("2024Q4", "2025Q3")
FOLK_AGES = (5, 16, 17, 18, 24, 29, 30, 64, 65)
FOLK1A = "\ufeffOMRÅDE;ALDER;TID;INDHOLD\n" + "".join(
    f"{name};{age} years;{period};{_people(code, age, period)}\n"
    for code, name in REGION.items() for age in FOLK_AGES for period in FOLK_PERIODS) + "".join(
    f"{name};Age, total;{period};999999\n" for name in REGION.values() for period in FOLK_PERIODS) + "".join(
    f"All Denmark;{age} years;{period};50000\n" for age in FOLK_AGES for period in FOLK_PERIODS)
MIGRATION = {("2023", "Men"): 11, ("2023", "Women"): -4, ("2024", "Men"): 20, ("2024", "Women"): 6}
BEV107 = "\ufeffOMRÅDE;BEVÆGELSE;KØN;TID;INDHOLD\n" + "".join(
    f"{name};{movement};{sex};{year};{value + i + (j * 2)}\n"
    for i, name in enumerate(REGION.values()) for j, movement in enumerate(("Net domestic migration", "Net immigration"))
    for (year, sex), value in MIGRATION.items())
PUPILS = {16: 900, 17: 850, 18: 700, 24: 150}
UDDAKT10 = "\ufeffBOPOMR;UDDANNELSE;ALDER;KØN;FSTATUS;TID;INDHOLD\n" + "".join(
    f"{name};Total;{age} years;Total;Pupils on 1 October;2024;{n + int(code) % 7}\n"
    for code, name in REGION.items() for age, n in PUPILS.items())


def _region_ages(low: int, high: int | None, period: str) -> int:
    return sum(_people(code, age, period) for code in REGION for age in FOLK_AGES
               if age >= low and (high is None or age <= high))


def _lbesk69(quarter: str) -> float:
    path = data_root() / "common" / "dst" / "lbesk69_fulltime_employees_2008_2025.csv"
    with path.open(encoding="utf-8-sig") as handle:
        return sum(float(r["INDHOLD"]) for r in csv.DictReader(handle, delimiter=";")
                   if r["BOPKOM"] in REGION.values() and r["TID"] == quarter and r["KØN"] == "Total")


def test_fetch_commands_printed_by_status_light_the_kpis_up(store_env):
    before = _status()
    for key in FETCHED:
        assert before[key]["status"] == "no_data" and before[key]["fetch"], key
    commands = {f["command"] for key in FETCHED for f in before[key]["fetch"]}
    assert {shlex.split(c)[3] for c in commands} == {"FOLK1A", "BEV107", "UDDAKT10"}
    with serving({"FOLK1A": FOLK1A, "BEV107": BEV107, "UDDAKT10": UDDAKT10}) as replay:
        for command in sorted(commands):
            words = shlex.split(command)
            assert words[:3] == ["trekant", "economy", "fetch"]
            assert any(command in row["explanation"] for row in before.values())  # printed as it is run
            result = runner.invoke(app, [*words[1:], "--url", replay.url, "--json"])
            assert result.exit_code == 0, (command, result.output)
    bodies = {b["table"]: b for b in replay.requests}
    codes = ["410", "510", "530", "575", "607", "621", "630"]
    assert bodies["FOLK1A"]["variables"] == [{"code": "OMRÅDE", "values": ["000", *codes]},
                                             {"code": "ALDER", "values": ["*"]}, {"code": "Tid", "values": ["*"]}]
    assert bodies["BEV107"]["variables"][1] == {"code": "BEVÆGELSE", "values": ["B07", "B10"]}
    assert {"code": "FSTATUS", "values": ["B"]} in bodies["UDDAKT10"]["variables"]
    after = _status()
    # residents aged 18–29 and 0–17 in the latest quarter: the ages 18, 24, 29 and 5 of the answer, summed by hand
    assert after["population_18_29"]["latest"]["value"] == _region_ages(18, 29, "2025Q3")
    assert after["population_0_17"]["latest"]["value"] == _region_ages(0, 17, "2025Q3")
    # full-time employees (shipped LBESK69) per 100 residents aged 16–64, same quarter
    assert after["employment_rate"]["latest"]["period"] == "2025Q3"
    assert after["employment_rate"]["latest"]["value"] == pytest.approx(
        100 * _lbesk69("2025Q3") / _region_ages(16, 64, "2025Q3"))
    # pupils aged 16–24 on 1 October 2024 / residents aged 16–24 on 1 October 2024 (FOLK1A 2024Q4)
    pupils = sum(n + int(code) % 7 for code in REGION for n in PUPILS.values())
    assert after["youth_in_education"]["latest"] == {
        "value": pytest.approx(100 * pupils / _region_ages(16, 24, "2024Q4")), "period": "2024",
        "unit": "% of residents aged 16–24"}
    # net migration: both movements, both sexes, all seven municipalities
    expected = sum(value + i + 2 * j for i in range(7) for j in range(2)
                   for (year, _sex), value in MIGRATION.items() if year == "2024")
    assert after["net_migration"]["latest"]["value"] == expected and after["net_migration"]["latest"]["period"] == "2024"
    for key in FETCHED:
        assert after[key]["status"] in ("on_track", "at_risk", "off_track") and after[key]["fetch"] == []
        assert after[key]["explanation"].split(":")[0] in ("på sporet", "i risiko", "ikke på sporet")


def test_every_track_has_a_kpi_with_an_installed_source(store_env):
    result = json.loads(runner.invoke(app, ["strategy", "status", "--json"]).stdout)
    tracks = {row["goal"] for row in result["kpis"]}
    assert tracks == {"growth", "business", "labour_education", "attractiveness", "joint_plan", "green_transition",
                      "infrastructure", "partnerships"}
    assert all(row["source_key"] in result["sources_installed"] for row in result["kpis"])
    for row in result["kpis"]:
        assert row["explanation"], row["kpi"]
        if row["status"] != "no_data":
            assert row["explanation"].startswith(row["status_text"])
            assert "intet nødvendigt tempo" not in row["explanation"], row  # a status always gives its reason


def test_growth_is_relative_rank_and_lead(store_env):
    rows = _status()
    assert rows["growth_rank"]["latest"]["unit"] == "rank among 5" and 1 <= rows["growth_rank"]["latest"]["value"] <= 5
    assert rows["growth_vs_denmark"]["latest"]["unit"] == "percentage points"
    assert "same quarters" in rows["growth_rank"]["source"]


def test_asks_won_are_not_every_funded_project(store_env):
    rows = _status()
    assert rows["infrastructure_asks_won"]["latest"] == {"value": 3, "period": "2022", "unit": "asks won"}
    store = Store.from_settings(store_env)
    with store.begin() as conn:  # a project funded without an ask from the region: not an ask won
        conn.execute(update(infra_project).where(infra_project.c.key == "little-belt-third-crossing")
                     .values(status="funded"))
    store.dispose()
    sources = json.loads(runner.invoke(app, ["strategy", "sources", "--json"]).stdout)
    assert "strategy.infrastructure_asks_won" in {s["key"] for s in sources}
    assert _status()["infrastructure_asks_won"]["latest"]["value"] == 3
    with store.begin() as conn:  # an ask whose project is shelved again is no longer won
        conn.execute(update(infra_project).where(infra_project.c.key == "e45-vejle-skanderborg").values(status="shelved"))
    store.dispose()
    assert _status()["infrastructure_asks_won"]["latest"]["value"] == 2


def test_partnership_kpis_count_the_shipped_register(store_env):
    shipped = yaml.safe_load(data_path("trekantomraadet").read_text(encoding="utf-8"))["partnerships"]
    rows = _status()
    active = [p for p in shipped if p["status"] == "active"]
    assert rows["partnerships"]["latest"] == {"value": len(active), "period": str(date.today().year),
                                              "unit": "partnerships"}
    assert rows["partnerships_energy"]["latest"]["value"] == sum("energy_climate" in p["themes"] for p in active)
    raised = sum(f["amount_dkk"] for p in shipped if p["status"] in ("active", "ended") for f in p.get("funding", []))
    assert rows["partnership_funding"]["latest"]["value"] == pytest.approx(raised)
    assert rows["partnerships"]["demo"] is True  # demo partnerships are among the active ones
