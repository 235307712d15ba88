"""Hourly grid emissions: the shipped DK1 declaration, an hourly account summed by hand, one unit per factor table."""

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.energy.core.accounts import choose_factor, emission_lines
from trekant.energy.core.emission_series import hourly_account, on_hours
from trekant.energy.io.emission_series import load_series, read_consumption, read_series
from trekant.energy.io.factors import read_factor_table
from trekant.energy.model import Activity, EmissionFactor, FactorTable
from trekant.errors import InputError

SHIPPED = Path(__file__).resolve().parents[3] / "src/trekant/energy/data/dk1_co2_declaration_hourly_2022_2023.csv"


def test_yearly_means_are_the_published_figures():
    """Energinet's DK1 declaration, 125 % method: 146.1 g/kWh in 2022, 100.1 g/kWh in 2023 (shared data README)."""
    series = load_series()
    assert series.price_area == "DK1" and series.method == "125%" and series.unit == "g CO2/kWh"
    assert len(series.index) == 17_520
    means = series.yearly_means()
    assert round(means[2022], 1) == 146.1 and round(means[2023], 1) == 100.1


def test_shipped_factor_table_carries_the_means():
    from trekant.energy.defaults import DEFAULT_FACTORS

    table, issues = read_factor_table(DEFAULT_FACTORS)
    assert issues == [] and table.label == "dk-default@2" and table.description == "CO2; electricity with grid loss"
    electricity = {f.year: f.value for f in table.factors if f.carrier == "electricity"}
    assert electricity[2022] == 146.1 and electricity[2023] == 100.1
    assert "125 %" in next(f.source for f in table.factors if f.year == 2022)


def _series_file(tmp_path, rows, header="hour_dk,price_area,fuel_allocation_method,co2_g_per_kwh"):
    path = tmp_path / "series.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_hourly_account_summed_by_hand(tmp_path):
    """Four hours at 100, 50, 200 and 10 g/kWh; 2, 0, 1 and 5 MWh used.

    Hour by hour: 2 × 100 + 0 × 50 + 1 × 200 + 5 × 10 = 450 kg = 0.45 t (1 MWh × 1 g/kWh = 1 kg).
    At the mean of the four hours, (100 + 50 + 200 + 10) / 4 = 90 g/kWh: 8 MWh × 90 = 720 kg = 0.72 t.
    The consumption sits in cleaner hours than average: timing saves 0.27 t.
    """
    series = read_series(_series_file(tmp_path, [
        "2023-01-10T00:00:00,DK1,125%,100", "2023-01-10T01:00:00,DK1,125%,50",
        "2023-01-10T02:00:00,DK1,125%,200", "2023-01-10T03:00:00,DK1,125%,10"]))
    hours = pd.date_range("2023-01-09 23:00", periods=4, freq="h", tz="UTC")  # 00:00-03:00 Danish winter time
    result = hourly_account(pd.Series([2.0, 0.0, 1.0, 5.0], index=hours), series)
    assert result["co2_t"] == pytest.approx(0.45)
    assert result["co2_at_yearly_mean_t"] == pytest.approx(0.72)
    assert result["timing_effect_t"] == pytest.approx(-0.27)
    assert result["consumption_weighted_g_per_kwh"] == pytest.approx(56.2, abs=0.05)   # 450 kg / 8 MWh


def test_hourly_account_of_the_shipped_series_by_hand(tmp_path):
    """Three hours of 2023 read straight from the shipped file's rows (Danish time), 10 MWh each."""
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    picked = [line for line in lines if line.startswith(("2023-06-01T03:00", "2023-06-01T13:00", "2023-12-01T18:00"))]
    by_hand_t = sum(10 * float(line.split(",")[3]) for line in picked) / 1000
    consumption = tmp_path / "use.csv"
    consumption.write_text("hour_dk,kwh\n" + "\n".join(f"{line.split(',')[0]},10000" for line in picked), encoding="utf-8")
    result = hourly_account(read_consumption(consumption), load_series())
    assert result["hours"] == 3 and result["consumption_mwh"] == pytest.approx(30.0)
    assert result["co2_t"] == pytest.approx(by_hand_t, abs=1e-3)


def test_danish_time_with_daylight_saving_reads_to_consecutive_utc_hours(tmp_path):
    """30 October 2022: 02:00 Danish time happens twice (summer, then winter time)."""
    series = read_series(_series_file(tmp_path, [
        "2022-10-30T01:00:00,DK1,125%,1", "2022-10-30T02:00:00,DK1,125%,2", "2022-10-30T02:00:00,DK1,125%,3",
        "2022-10-30T03:00:00,DK1,125%,4"]))
    assert [str(t) for t in series.index] == ["2022-10-29 23:00:00+00:00", "2022-10-30 00:00:00+00:00",
                                              "2022-10-30 01:00:00+00:00", "2022-10-30 02:00:00+00:00"]


def test_series_laid_on_the_weather_year_by_date_and_utc_hour():
    """2017-06-01 12:00 UTC takes the 2023 declaration of 1 June 14:00 Danish summer time (UTC+2)."""
    row = next(line for line in SHIPPED.read_text(encoding="utf-8").splitlines() if line.startswith("2023-06-01T14:00"))
    value = on_hours(load_series(), 2023, pd.DatetimeIndex([pd.Timestamp("2017-06-01 12:00", tz="UTC")]))
    assert value[0] == pytest.approx(float(row.split(",")[3]))


@pytest.mark.parametrize("rows, message", [
    (["2023-01-01T00:00:00,DK1,125%,100", "2023-01-01T01:00:00,DK2,125%,90"], "one series per file: found DK1, DK2"),
    (["2023-01-01T00:00:00,DK1,125%,100", "2023-01-01T01:00:00,DK1,125%,-5"], "row 3"),
    (["2023-01-01T00:00:00,DK1,125%,100", "2023-01-01T03:00:00,DK1,125%,90"], "follow each other one by one"),
    (["2023-01-01T00:00:00,DK1,125%,100", "tomorrow,DK1,125%,90"], "not an ISO timestamp"),
])
def test_bad_series_is_one_clear_problem(tmp_path, rows, message):
    with pytest.raises(InputError) as caught:
        read_series(_series_file(tmp_path, rows))
    assert message in " ".join(caught.value.lines())


def test_other_methods_and_gases_load_from_the_same_format(tmp_path):
    series = read_series(_series_file(tmp_path, ["2024-01-01T00:00:00,DK2,200%,80", "2024-01-01T01:00:00,DK2,200%,82"],
                                      header="hour_dk,price_area,fuel_allocation_method,co2e_g_per_kwh"))
    assert (series.price_area, series.method, series.unit) == ("DK2", "200%", "g CO2e/kWh")
    assert series.yearly_means() == {2024: 81.0}


def _table(tmp_path, rows):
    path = tmp_path / "f.csv"
    path.write_text("name,version,carrier,year,municipality,value,unit,grid_loss,source\n" + "\n".join(rows), encoding="utf-8")
    return read_factor_table(path)


def test_a_factor_table_counts_one_gas_and_one_grid_loss(tmp_path):
    _, issues = _table(tmp_path, ["t,1,natural_gas,,,0.204,kg CO2/kWh,,HB2016", "t,1,electricity,2015,,233,g CO2e/kWh,,x"])
    assert [i.where for i in issues] == ["row 3"] and "one gas per table" in issues[0].message
    _, issues = _table(tmp_path, ["t,1,electricity,2018,,244,g CO2/kWh,included,a", "t,1,electricity,2022,,146,g CO2/kWh,excluded,b"])
    assert [i.where for i in issues] == ["row 3"] and "one grid-loss basis" in issues[0].message
    table, issues = _table(tmp_path, ["t,1,natural_gas,,,0.204,kg CO2/kWh,,HB2016", "t,1,direct_co2e,,,1,t CO2e/t CO2e,,identity"])
    assert issues == [] and table.description == "CO2; electricity grid loss not stated"


def test_district_heat_factor_of_the_municipalitys_heat_area():
    """A municipality's own factor wins; others take the factor for every municipality."""
    factors = (EmissionFactor("district_heat", None, 28.58, "kg CO2/MWh", "TVIS", municipality_code="0630"),
               EmissionFactor("district_heat", None, 50.0, "kg CO2/MWh", "national"))
    assert choose_factor(factors, "district_heat", 2020, "0630").value == 28.58
    assert choose_factor(factors, "district_heat", 2020, "0510").value == 50.0
    lines, _ = emission_lines([Activity("0630", 2020, "district_heating", "district_heat", 1000, "MWh")],
                              FactorTable("t", "1", factors))
    assert lines[0].co2e_t == pytest.approx(28.58)   # 1,000 MWh × 28.58 kg/MWh


def test_shipped_district_heat_factors_follow_the_heat_areas():
    """dk-default@2's district-heat rows equal the supply-weighted factors of data/heat_areas.yaml."""
    from trekant.energy.core.heat_areas import area_factor_kg_per_mwh
    from trekant.energy.defaults import DEFAULT_FACTORS
    from trekant.energy.io.heat_areas import read_heat_areas

    areas, source_factors = read_heat_areas()
    table, _ = read_factor_table(DEFAULT_FACTORS)
    shipped = {f.municipality_code: f.value for f in table.factors if f.carrier == "district_heat"}
    expected = {code: round(area_factor_kg_per_mwh(a, source_factors), 2) for a in areas for code in a.municipalities}
    assert shipped == expected
    # TVIS by hand: 22 % waste heat at 121 kg/MWh + 1 % gas boilers at 204/1.04 kg/MWh.
    assert expected["0630"] == pytest.approx(0.22 * 121 + 0.01 * 204 / 1.04, abs=0.005)


def test_cli_series_and_hourly_account(tmp_path, monkeypatch):
    runner = CliRunner()
    result = runner.invoke(app, ["energy", "factors", "series", "--json"])
    assert result.exit_code == 0, result.output
    means = {row["year"]: row["mean_g_per_kwh"] for row in json.loads(result.stdout)["yearly_means"]}
    assert means == {2022: 146.1, 2023: 100.1}
    use = tmp_path / "use.csv"
    use.write_text("hour_utc,mwh\n2030-01-01T00:00:00Z,1\n", encoding="utf-8")
    missing = runner.invoke(app, ["energy", "hourly-account", str(use)])
    assert missing.exit_code == 1 and "not in the emission series" in missing.stderr
