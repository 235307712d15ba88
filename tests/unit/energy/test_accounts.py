"""Emissions = activity × factor, checked against hand calculations."""

import pytest

from trekant.energy.core import accounts
from trekant.energy.core.units import UnitError, emissions_t, energy_mwh, factor_t_per_base
from trekant.energy.model import Activity, EmissionFactor, FactorTable

TABLE = FactorTable("test", "1", (
    EmissionFactor("natural_gas", None, 0.204, "kg CO2/kWh", "HB2016"),
    EmissionFactor("petrol", None, 69_300, "kg CO2/TJ", "IPCC 2006 Vol. 2 Table 3.2.1"),
    EmissionFactor("diesel", None, 74_100, "kg CO2/TJ", "IPCC 2006 Vol. 2 Table 3.2.1"),
    EmissionFactor("electricity", 2015, 233, "g CO2e/kWh", "Energinet 2015"),
    EmissionFactor("electricity", 2018, 244, "g CO2/kWh", "Energinet 2018"),
    EmissionFactor("direct_co2e", None, 1, "t CO2e/t CO2e", "identity"),
))


def test_small_table_by_hand():
    activity = [
        Activity("0630", 2018, "individual_heating", "natural_gas", 1_000, "MWh"),   # 1,000 MWh × 0.204 t/MWh = 204 t
        Activity("0630", 2018, "transport", "petrol", 36, "TJ"),                      # 36 TJ × 69.3 t/TJ = 2,494.8 t
        Activity("0630", 2018, "transport", "diesel", 7_200, "GJ"),                   # 7.2 TJ × 74.1 t/TJ = 533.52 t
        Activity("0630", 2018, "electricity", "electricity", 2_000_000, "kWh"),       # 2,000 MWh × 0.244 t/MWh = 488 t
        Activity("0630", 2018, "agriculture", "direct_co2e", 1_500, "t CO2e"),        # 1,500 t
    ]
    lines, issues = accounts.emission_lines(activity, TABLE)
    assert issues == []
    by_carrier = {line.carrier: line.co2e_t for line in lines}
    assert by_carrier["natural_gas"] == pytest.approx(204.0)
    assert by_carrier["petrol"] == pytest.approx(2_494.8)
    assert by_carrier["diesel"] == pytest.approx(533.52)
    assert by_carrier["electricity"] == pytest.approx(488.0)
    assert by_carrier["direct_co2e"] == pytest.approx(1_500.0)
    summary = accounts.summarise(lines, population=1_000)
    total = 204 + 2_494.8 + 533.52 + 488 + 1_500
    assert summary["total_co2e_t"] == pytest.approx(total, abs=0.1)
    assert summary["co2e_per_resident_t"] == pytest.approx(total / 1_000, abs=0.01)
    assert summary["by_group_co2e_t"]["energy"] == pytest.approx(204 + 488, abs=0.1)
    assert summary["by_group_co2e_t"]["transport"] == pytest.approx(2_494.8 + 533.52, abs=0.1)


def test_factor_year_choice():
    # 2016 has no electricity factor: the latest earlier one (2015) applies; 2010 precedes all: the earliest.
    assert accounts.choose_factor(TABLE.factors, "electricity", 2016).year == 2015
    assert accounts.choose_factor(TABLE.factors, "electricity", 2020).year == 2018
    assert accounts.choose_factor(TABLE.factors, "electricity", 2010).year == 2015
    assert accounts.choose_factor(TABLE.factors, "natural_gas", 2030).year is None


def test_missing_factor_and_unfit_unit_are_issues():
    activity = [Activity("0630", 2018, "industry", "fuel_oil", 1, "MWh"),
                Activity("0630", 2018, "agriculture", "direct_co2e", 1, "MWh")]
    lines, issues = accounts.emission_lines(activity, TABLE)
    assert lines == []
    assert [i.field for i in issues] == ["carrier", "unit"]


def test_units():
    assert energy_mwh(3.6, "GJ") == pytest.approx(1.0)
    assert energy_mwh(1, "TJ") == pytest.approx(277.777, rel=1e-5)
    assert factor_t_per_base("kg CO2/TJ") == pytest.approx((1e-3 / (1e3 / 3.6), "mwh"))
    assert emissions_t(2, "kt CO2e", 1, "t CO2e/t CO2e") == pytest.approx(2_000)
    with pytest.raises(UnitError):
        energy_mwh(1, "litres")
    with pytest.raises(UnitError):
        factor_t_per_base("kg per kWh")
