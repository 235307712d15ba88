"""`trekant energy accounts`, imports and factor tables on both backends."""

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app

runner = CliRunner()

# Vejle's DK2020 climate plan: just under 1 Mt CO2e, about 8.5 t per resident; shares transport 28 %,
# energy 32 %, agriculture 36 %, industry 1 %, waste 2 % (trekant issue 4). The demo data is scaled to it.
VEJLE_SHARES = dict(transport=28, energy=32, agriculture=36, industry=1, waste=2)
# FOLK1A: the seven municipalities had 421,480 inhabitants on 1 January 2018 (shared/data README).
REGION_POPULATION_2018 = 421_480


def run_json(*args):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_vejle_demo_account_matches_dk2020(store_env):
    vejle = run_json("energy", "accounts", "--municipality", "0630", "--year", "2018")
    assert vejle["demo"] is True and vejle["factor_table"] == "dk-default@1"
    assert 950_000 <= vejle["total_co2e_t"] < 1_000_000
    assert vejle["co2e_per_resident_t"] == pytest.approx(8.5, abs=0.2)
    share_sum = sum(VEJLE_SHARES.values())
    for group, pct in VEJLE_SHARES.items():
        assert vejle["by_group_share_pct"][group] == pytest.approx(100 * pct / share_sum, abs=0.2), group


def test_region_account_sums_municipalities_and_uses_population(store_env):
    region = run_json("energy", "accounts", "--year", "2018")
    assert region["area"] == "region" and len(region["by_municipality"]) == 7
    assert region["total_co2e_t"] == pytest.approx(sum(m["total_co2e_t"] for m in region["by_municipality"]), abs=1)
    assert region["population"] == REGION_POPULATION_2018
    assert region["co2e_per_resident_t"] == pytest.approx(region["total_co2e_t"] / REGION_POPULATION_2018, abs=0.01)
    assert "district_heat" in region["illustrative_factors"]


def test_danish_table_is_marked_demo(store_env):
    result = runner.invoke(app, ["energy", "accounts", "-m", "Vejle"])
    assert result.exit_code == 0 and "DEMO" in result.stdout and "dk-default@1" in result.stdout


def test_new_factor_table_recomputes_and_is_named(store_env, tmp_path):
    before = run_json("energy", "accounts", "-m", "0630", "--year", "2018")
    # The same table but natural gas doubled: the natural-gas emissions must double, nothing else moves.
    from trekant.energy.defaults import DEFAULT_FACTORS
    text = DEFAULT_FACTORS.read_text(encoding="utf-8").replace("dk-default,1,", "dk-default,2,")
    text = text.replace("natural_gas,,0.204,", "natural_gas,,0.408,")
    path = tmp_path / "factors_v2.csv"
    path.write_text(text, encoding="utf-8")
    assert run_json("energy", "factors", "import", str(path))["table"] == "dk-default@2"
    after = run_json("energy", "accounts", "-m", "0630", "--year", "2018")
    assert after["factor_table"] == "dk-default@2"
    gas_before = before["by_carrier_co2e_t"]["natural_gas"]
    assert after["by_carrier_co2e_t"]["natural_gas"] == pytest.approx(2 * gas_before, abs=0.2)
    assert after["total_co2e_t"] == pytest.approx(before["total_co2e_t"] + gas_before, abs=0.5)
    old = run_json("energy", "accounts", "-m", "0630", "--year", "2018", "--factors", "dk-default@1")
    assert old["total_co2e_t"] == before["total_co2e_t"]
    tables = run_json("energy", "factors", "list")
    assert [t["is_active"] for t in tables if t["version"] == "2"] == [True]


def test_bad_activity_file_writes_nothing(store_env, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("municipality,year,sector,carrier,quantity,unit\n0630,2030,transport,diesel,10,MWh\n"
                    "0630,2030,transport,plutonium,10,MWh\n", encoding="utf-8")
    result = runner.invoke(app, ["energy", "activity", "import", str(path)])
    assert result.exit_code == 1
    assert "row 3, field carrier" in result.stderr and "Traceback" not in result.output
    missing = runner.invoke(app, ["energy", "accounts", "--year", "2030"])
    assert missing.exit_code == 1 and "no activity data for 2030" in missing.stderr


def test_activity_import_then_account(store_env, tmp_path):
    path = tmp_path / "good.csv"
    path.write_text("municipality,year,sector,carrier,quantity,unit\n0607,2030,industry,natural_gas,1000,MWh\n", encoding="utf-8")
    assert run_json("energy", "activity", "import", str(path))["rows"] == 1
    fredericia = run_json("energy", "accounts", "-m", "0607", "--year", "2030")
    assert fredericia["total_co2e_t"] == pytest.approx(204.0)   # 1,000 MWh × 0.204 t/MWh (HB2016)
    assert fredericia["demo"] is False


def test_unknown_municipality_is_one_clear_line(store_env):
    result = runner.invoke(app, ["energy", "accounts", "-m", "0101"])
    assert result.exit_code == 1 and "not in the region" in result.stderr


def test_init_twice_changes_nothing(store_env):
    before = run_json("energy", "accounts", "--year", "2019")
    assert runner.invoke(app, ["init"]).exit_code == 0
    assert run_json("energy", "accounts", "--year", "2019") == before
    assert len(run_json("energy", "factors", "list")) == 1


def test_each_municipality_of_the_region_account_is_split_by_sector(store_env):
    from trekant.energy import service

    result = service.accounts(store_env)
    assert len(result["by_municipality"]) == 7
    for row in result["by_municipality"]:
        assert sum(row["by_sector_co2e_t"].values()) == pytest.approx(row["total_co2e_t"], abs=0.1 * len(row["by_sector_co2e_t"]))
    for sector, total in result["by_sector_co2e_t"].items():
        assert sum(r["by_sector_co2e_t"].get(sector, 0) for r in result["by_municipality"]) == pytest.approx(total, abs=1)
