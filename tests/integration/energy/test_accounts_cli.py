"""`trekant energy accounts`, imports and factor tables on both backends."""

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app

runner = CliRunner()

# Vejle 2018 in the demo activity file (src/trekant/energy/data/activity_demo.csv), each row times its
# factor in dk-default@2, summed by hand: MWh × kg CO2/kWh = t; petrol and diesel MWh × 0.0036 TJ/MWh ×
# t/TJ; district heat at the TVIS heat-area factor 28.58 kg CO2/MWh; biomass 0; direct CO2e as it is.
VEJLE_2018_BY_HAND_T = {
    "electricity": 519_291.3 * 0.244,
    "individual_heating": 310_556.5 * 0.204 + 119_085.6 * 0.266 + 171_210.0 * 0,
    "district_heating": 1_031_144.8 * 0.02858,
    "transport": 499_949.0 * 0.0036 * 69.3 + 571_466.7 * 0.0036 * 74.1,
    "industry": 33_967.1 * 0.204 + 10_568.3 * 0.281,
    "agriculture": 302_909.1 + 200_956.9 * 0.266,
    "waste": 19_798.0,
}
# FOLK1A: the seven municipalities had 421,480 inhabitants on 1 January 2018 (shared/data README).
REGION_POPULATION_2018 = 421_480


def run_json(*args):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_vejle_demo_account_summed_by_hand(store_env):
    vejle = run_json("energy", "accounts", "--municipality", "0630", "--year", "2018")
    assert vejle["demo"] is True and vejle["factor_table"] == "dk-default@2"
    assert vejle["factor_basis"] == "CO2; electricity with grid loss"
    for sector, tonnes in VEJLE_2018_BY_HAND_T.items():
        assert vejle["by_sector_co2e_t"][sector] == pytest.approx(tonnes, abs=0.1), sector
    assert vejle["total_co2e_t"] == pytest.approx(sum(VEJLE_2018_BY_HAND_T.values()), abs=0.5)
    assert vejle["co2e_per_resident_t"] == pytest.approx(vejle["total_co2e_t"] / vejle["population"], abs=0.01)
    heat = [f for f in vejle["factors_used"] if f["carrier"] == "district_heat"]
    assert heat == [dict(carrier="district_heat", year=None, value=28.58, unit="kg CO2/MWh", source=heat[0]["source"],
                         illustrative=True, municipality="0630")]


def test_region_account_sums_municipalities_and_uses_population(store_env):
    region = run_json("energy", "accounts", "--year", "2018")
    assert region["area"] == "region" and len(region["by_municipality"]) == 7
    vejle = next(m for m in region["by_municipality"] if m["code"] == "0630")
    assert vejle["name"] == "Vejle" and vejle["by_sector_co2e_t"]["electricity"] == pytest.approx(519_291.3 * 0.244, abs=0.1)
    for sector, tonnes in region["by_sector_co2e_t"].items():   # municipalities × sectors add up to the region
        assert sum(m["by_sector_co2e_t"].get(sector, 0) for m in region["by_municipality"]) == pytest.approx(tonnes, abs=1)
    assert region["total_co2e_t"] == pytest.approx(sum(m["total_co2e_t"] for m in region["by_municipality"]), abs=1)
    assert region["population"] == REGION_POPULATION_2018
    assert region["co2e_per_resident_t"] == pytest.approx(region["total_co2e_t"] / REGION_POPULATION_2018, abs=0.01)
    assert "district_heat" in region["illustrative_factors"]


def test_danish_table_is_marked_demo(store_env):
    result = runner.invoke(app, ["energy", "accounts", "-m", "Vejle"])
    assert result.exit_code == 0 and "DEMO" in result.stdout and "dk-default@2" in result.stdout


def test_new_factor_table_recomputes_and_is_named(store_env, tmp_path):
    before = run_json("energy", "accounts", "-m", "0630", "--year", "2018")
    # The same table but natural gas doubled: the natural-gas emissions must double, nothing else moves.
    from trekant.energy.defaults import DEFAULT_FACTORS
    text = DEFAULT_FACTORS.read_text(encoding="utf-8").replace("dk-default,2,", "dk-default,3,")
    text = text.replace("natural_gas,,,0.204,", "natural_gas,,,0.408,")
    path = tmp_path / "factors_v2.csv"
    path.write_text(text, encoding="utf-8")
    assert run_json("energy", "factors", "import", str(path))["table"] == "dk-default@3"
    after = run_json("energy", "accounts", "-m", "0630", "--year", "2018")
    assert after["factor_table"] == "dk-default@3"
    gas_before = before["by_carrier_co2e_t"]["natural_gas"]
    assert after["by_carrier_co2e_t"]["natural_gas"] == pytest.approx(2 * gas_before, abs=0.2)
    assert after["total_co2e_t"] == pytest.approx(before["total_co2e_t"] + gas_before, abs=0.5)
    old = run_json("energy", "accounts", "-m", "0630", "--year", "2018", "--factors", "dk-default@2")
    assert old["total_co2e_t"] == before["total_co2e_t"]
    tables = run_json("energy", "factors", "list")
    assert [t["is_active"] for t in tables if t["version"] == "3"] == [True]


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
