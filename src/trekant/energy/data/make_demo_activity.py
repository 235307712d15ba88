"""Regenerate activity_demo.csv: synthetic (DEMO) activity data for the seven municipalities.

Run: python -m trekant.energy.data.make_demo_activity  (rewrites activity_demo.csv, targets_demo.csv
and measures_demo.csv beside this file)

Vejle's 2018 total is set to 980,000 t CO2e (just under 1 Mt, about 8.6 t per resident on
1 January 2018) with the shares its DK2020 plan publishes: transport 28 %, energy 32 %,
agriculture 36 %, industry 1 %, waste 2 % (normalised to their sum, 99 %). The other six are
invented per-resident totals and shares. Quantities are back-computed through the dk-default
factor table, so emissions = quantity × factor reproduces the targets; later years follow
simple per-carrier trends. Nothing here is a measurement.
"""

from __future__ import annotations

import csv
from pathlib import Path

from trekant.energy.core.accounts import choose_factor
from trekant.energy.core.units import emissions_t
from trekant.energy.io.factors import read_factor_table

HERE = Path(__file__).parent
POPULATION_FILE = HERE.parents[1] / "region/data/common/dst/population_2008_2020_q1_by_sex_status.csv"
YEARS = range(2018, 2023)
VEJLE_2018_CO2E_T = 980_000.0

# code: (name in the DST file, t CO2e per resident in 2018 or None, group shares in %)
MUNICIPALITIES = {
    "0630": ("Vejle", None, dict(transport=28, energy=32, agriculture=36, industry=1, waste=2)),
    "0530": ("Billund", 11.0, dict(transport=30, energy=25, agriculture=40, industry=3, waste=2)),
    "0607": ("Fredericia", 12.0, dict(transport=25, energy=30, agriculture=8, industry=35, waste=2)),
    "0510": ("Haderslev", 10.0, dict(transport=27, energy=28, agriculture=42, industry=1, waste=2)),
    "0621": ("Kolding", 6.5, dict(transport=33, energy=38, agriculture=22, industry=5, waste=2)),
    "0410": ("Middelfart", 7.0, dict(transport=38, energy=30, agriculture=28, industry=2, waste=2)),
    "0575": ("Vejen", 12.5, dict(transport=25, energy=22, agriculture=50, industry=1, waste=2)),
}
# group → [(sector, carrier, share of the group's emissions)]
SPLIT = {
    "energy": [("electricity", "electricity", 0.40), ("individual_heating", "natural_gas", 0.20),
               ("individual_heating", "gas_oil", 0.10), ("district_heating", "district_heat", 0.30)],
    "transport": [("transport", "petrol", 0.45), ("transport", "diesel", 0.55)],
    "industry": [("industry", "natural_gas", 0.70), ("industry", "fuel_oil", 0.30)],
    "agriculture": [("agriculture", "direct_co2e", 0.85), ("agriculture", "gas_oil", 0.15)],
    "waste": [("waste", "direct_co2e", 1.0)],
}
TREND_PER_YEAR = dict(electricity=0.01, district_heat=-0.01, natural_gas=-0.03, gas_oil=-0.04,
                      fuel_oil=-0.04, petrol=-0.04, diesel=-0.02, direct_co2e=-0.01, biomass=0.0)
BIOMASS_MWH_PER_RESIDENT = 1.5  # wood stoves and pellet boilers: counted, but 0 t CO2 (IPCC memo item)
SOURCE = "DEMO: synthetic activity, scaled to Vejle's DK2020 total and shares (make_demo_activity.py)"


def population_2018() -> dict[str, float]:
    names = {v[0]: k for k, v in MUNICIPALITIES.items()}
    found = {}
    with POPULATION_FILE.open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if row["quarter"] == "2018Q1" and row["sex"] == "Total" and row["marital_status"] == "Total" and row["municipality"] in names:
                found[names[row["municipality"]]] = float(row["population"])
    return found


def rows() -> list[dict]:
    table, _ = read_factor_table(HERE / "factors_dk_default_v1.csv")
    population = population_2018()
    out = []
    for code, (_, per_resident, shares) in MUNICIPALITIES.items():
        total = VEJLE_2018_CO2E_T if per_resident is None else per_resident * population[code]
        share_sum = sum(shares.values())
        for group, parts in SPLIT.items():
            group_t = total * shares[group] / share_sum
            for sector, carrier, part in parts:
                unit = "t CO2e" if carrier == "direct_co2e" else "MWh"
                factor = choose_factor(table.factors, carrier, 2018)
                per_unit = emissions_t(1.0, unit, factor.value, factor.unit)
                out += _years(code, sector, carrier, group_t * part / per_unit, unit)
        out += _years(code, "individual_heating", "biomass", BIOMASS_MWH_PER_RESIDENT * population[code], "MWh")
    return out


def _years(code: str, sector: str, carrier: str, quantity_2018: float, unit: str) -> list[dict]:
    trend = TREND_PER_YEAR[carrier]
    return [dict(municipality=code, year=year, sector=sector, carrier=carrier,
                 quantity=round(quantity_2018 * (1 + trend) ** (year - 2018), 1), unit=unit, source=SOURCE)
            for year in YEARS]


BASE_1990_OVER_2018 = 1.4  # DEMO guess of 1990 emissions relative to 2018 (no 1990 account exists here)
TARGET_SOURCE = ("Klimaloven (Danish Climate Act): -70 % in 2030 against 1990, climate neutrality by 2050; "
                 "base-year emissions DEMO (1.4 x the demo 2018 total) until the DK2020 plan's own figures are entered")
# key: (name, sector, share of the 2018 total reduced at full effect, start, ramp years, DKK per t)
MEASURES = {
    "heat_pumps": ("Oil and gas boilers replaced by heat pumps", "individual_heating", 0.06, 2023, 6, 900),
    "green_district_heat": ("District heating without fossil fuels", "district_heating", 0.04, 2022, 4, 300),
    "electric_vehicles": ("Electric cars, vans and buses", "transport", 0.12, 2023, 8, 1500),
    "biogas_manure": ("Manure to biogas", "agriculture", 0.08, 2024, 5, 700),
    "rewetting": ("Rewetting of carbon-rich lowland soils", "agriculture", 0.06, 2025, 6, 400),
    "industry_efficiency": ("Energy efficiency in industry", "industry", 0.005, 2022, 3, -200),
    "local_renewables": ("Local wind and solar power", "electricity", 0.10, 2022, 5, 100),
    "waste_sorting": ("Plastic sorted out of waste for incineration", "waste", 0.01, 2023, 3, 1200),
}
MEASURE_SOURCE = "DEMO: invented measures, sized as shares of the demo 2018 total"


def write(path: Path, fields: list[str], data: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)


def totals_2018(activity: list[dict]) -> dict[str, float]:
    table, _ = read_factor_table(HERE / "factors_dk_default_v1.csv")
    totals: dict[str, float] = {}
    for r in activity:
        if r["year"] == 2018:
            factor = choose_factor(table.factors, r["carrier"], 2018)
            totals[r["municipality"]] = totals.get(r["municipality"], 0.0) + emissions_t(r["quantity"], r["unit"], factor.value, factor.unit)
    return totals


def main() -> None:
    activity = rows()
    write(HERE / "activity_demo.csv", ["municipality", "year", "sector", "carrier", "quantity", "unit", "source"], activity)
    totals = totals_2018(activity)
    targets = [dict(municipality=code, base_year=1990, base_co2e_t=round(total * BASE_1990_OVER_2018, -2),
                    target_year=year, reduction_pct=pct, source=TARGET_SOURCE)
               for code, total in totals.items() for year, pct in ((2030, 70), (2050, 100))]
    write(HERE / "targets_demo.csv", ["municipality", "base_year", "base_co2e_t", "target_year", "reduction_pct", "source"], targets)
    measures = [dict(municipality=code, key=key, name=name, sector=sector,
                     reduction_co2e_t_per_year=round(total * share, -1), start_year=start, ramp_years=ramp,
                     cost_dkk_per_year=round(total * share * dkk_per_t, -3), source=MEASURE_SOURCE)
                for code, total in totals.items() for key, (name, sector, share, start, ramp, dkk_per_t) in MEASURES.items()]
    write(HERE / "measures_demo.csv", ["municipality", "key", "name", "sector", "reduction_co2e_t_per_year",
                                       "start_year", "ramp_years", "cost_dkk_per_year", "source"], measures)


if __name__ == "__main__":
    main()
