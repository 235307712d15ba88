"""Danish (default) and English texts of the energy tables; JSON keys stay English identifiers."""

from __future__ import annotations

from trekant.i18n import lookup

TEXTS: dict[str, tuple[str, str]] = {  # key: (Danish, English)
    "accounts": ("CO2-regnskab", "CO2 account"),
    "emission_series": ("Timedeklaration", "Hourly emission declaration"),
    "mean": ("Gennemsnit g/kWh", "Mean g/kWh"),
    "hourly_account": ("CO2 time for time", "CO2 hour by hour"),
    "consumption_mwh": ("Forbrug MWh", "Consumption MWh"),
    "weighted_g_per_kwh": ("Vægtet g/kWh", "Weighted g/kWh"),
    "co2_at_yearly_mean_t": ("t CO2 ved årsgennemsnit", "t CO2 at yearly mean"),
    "demo": ("DEMO-data", "DEMO data"),
    "illustrative": ("illustrativ", "illustrative"),
    "sector": ("Sektor", "Sector"),
    "carrier": ("Energibærer", "Carrier"),
    "co2e_t": ("t CO2e", "t CO2e"),
    "share": ("Andel %", "Share %"),
    "total": ("I alt", "Total"),
    "per_resident": ("t CO2e pr. indbygger", "t CO2e per resident"),
    "factor_table": ("Emissionsfaktorer", "Emission factors"),
    "factor_tables": ("Emissionsfaktortabeller", "Emission-factor tables"),
    "name": ("Navn", "Name"),
    "version": ("Version", "Version"),
    "imported_at": ("Indlæst", "Imported at"),
    "imported_from": ("Fra fil", "From file"),
    "factor": ("Faktor", "Factor"),
    "unit": ("Enhed", "Unit"),
    "source": ("Kilde", "Source"),
    "municipality": ("Kommune", "Municipality"),
    "group": ("Gruppe (DK2020)", "Group (DK2020)"),
    "year": ("År", "Year"),
    "target": ("Målsti (lov) t", "Target path (law) t"),
    "projected": ("Fremskrevet t", "Projected t"),
    "gap": ("Mangler t", "Gap t"),
    "political_target": ("Politisk mål t", "Political target t"),
    "weather_years": ("vejrår", "weather years"),
    "profiles": ("Profiler", "Profiles"),
    "min": ("Mindst", "Min"),
    "max": ("Størst", "Max"),
    "heat_areas": ("Fjernvarmeområder", "District-heating areas"),
    "heat_area": ("Område", "Area"),
    "supply": ("Forsyning", "Supply"),
    "factor_kg": ("kg CO2/MWh", "kg CO2/MWh"),
    "infrastructure": ("Infrastruktur", "Infrastructure"),
    "connection_import_mw": ("Tilslutning MW", "Connection MW"),
    "electrolyser_mw": ("Elektrolyse MW", "Electrolyser MW"),
    "h2_store_mwh": ("Brintlager MWh", "H2 store MWh"),
    "h2_store_t": ("Brintlager t", "H2 store t"),
    "battery_mwh": ("Batteri MWh", "Battery MWh"),
    "heat_store_mwh": ("Varmelager MWh", "Heat store MWh"),
    "hydrogen_pipeline_t_per_day": ("Brintrør t/døgn", "H2 pipeline t/day"),
    "unserved_mwh": ("Ikke leveret MWh", "Unserved MWh"),
    "system": ("Brint, CO2, forsyningssikkerhed, fjernvarme", "Hydrogen, CO2, security of supply, district heat"),
    "renewable_h2_share": ("Andel vedvarende brint (RFNBO)", "Renewable hydrogen share (RFNBO)"),
    "compliance_cost": ("Omkostning ved RFNBO-krav EUR", "Cost of RFNBO compliance EUR"),
    "co2_price": ("CO2-skyggepris EUR/t", "CO2 shadow price EUR/t"),
    "import_binding_hours": ("Timer med fuld import", "Hours at the import limit"),
    "extra_connection_mw": ("Manglende tilslutning MW", "Extra connection needed MW"),
    "heat_factor": ("Fjernvarme kg CO2/MWh", "District heat kg CO2/MWh"),
    "political_gap": ("Mangler (politisk) t", "Gap (political) t"),
    "pathway": ("Reduktionssti", "Pathway"),
    "macc": ("Omkostningskurve (DKK/t)", "Marginal abatement cost curve (DKK/t)"),
    "measure": ("Tiltag", "Measure"),
    "dkk_per_t": ("DKK/t", "DKK/t"),
    "reduction": ("Reduktion t/år", "Reduction t/yr"),
    "cumulative": ("Kumuleret t/år", "Cumulative t/yr"),
    "imported": ("Indlæst", "Imported"),
    "rows": ("rækker", "rows"),
    "active": ("aktiv", "active"),
    "result": ("Resultat", "Result"),
    "value": ("Værdi", "Value"),
    "scenario": ("Scenarie", "Scenario"),
    "optimisation": ("optimering", "optimisation"),
    "simulation": ("simulering", "simulation"),
    "price_gap": ("manglende pris udfyldt", "price gap filled"),
    "balances": ("Energibalancer (MWh)", "Energy balances (MWh)"),
    "flow": ("Strøm", "Flow"),
    "capacities": ("Kapaciteter", "Capacities"),
    "technology": ("Teknologi", "Technology"),
    "size": ("Størrelse", "Size"),
    "optimised": ("Optimeret", "Optimised"),
    "sweep": ("variantberegning", "sweep"),
    "variants": ("varianter", "variants"),
    "vary": ("Variant", "Variant"),
    # the scenario results (EnergyPLAN's terms)
    "hours": ("Timer", "Hours"),
    "import_mwh": ("Import MWh", "Import MWh"),
    "export_mwh": ("Eksport MWh", "Export MWh"),
    "critical_excess_mwh": ("Kritisk overskudsel MWh", "Critical excess electricity MWh"),
    "self_sufficiency_share": ("Selvforsyningsgrad", "Self-sufficiency share"),
    "import_dependence_hours": ("Timer med import", "Hours of import dependence"),
    "peak_import_mw": ("Maks. import MW", "Peak import MW"),
    "co2_t": ("CO2 t", "CO2 t"),
    "total_cost_dkk": ("Samlede omkostninger DKK", "Total cost DKK"),
    "hydrogen_produced_t": ("Brint produceret t", "Hydrogen produced t"),
    "electrolyser_full_load_hours": ("Elektrolyse fuldlasttimer", "Electrolyser full-load hours"),
}

# Short column heads of the sweep table (one row per variant, so it must fit a terminal).
SWEEP_HEADS: dict[str, tuple[str, str]] = {
    "import_mwh": ("Import", "Import"), "export_mwh": ("Eksport", "Export"),
    "critical_excess_mwh": ("Overskud", "Excess"), "co2_t": ("CO2 t", "CO2 t"),
    "total_cost_dkk": ("Mio. kr.", "MDKK"), "hydrogen_produced_t": ("H2 t", "H2 t"),
    "electrolyser_full_load_hours": ("FLT", "FLH"), "total_cost_eur": ("Mio. EUR", "MEUR"),
    "renewable_h2_share": ("VE-brint", "RFNBO"), "unserved_mwh": ("Ikke lev. MWh", "Unserved MWh"),
}
TEXTS["sweep_caption"] = ("Import, eksport og kritisk overskudsel i MWh; FLT = elektrolysens fuldlasttimer",
                          "Import, export and critical excess electricity in MWh; FLH = electrolyser full-load hours")

# Sectors, carriers, technologies and flows: Danish names in tables, identifiers in English.
NAMES_DA = {
    "electricity": "el", "individual_heating": "individuel opvarmning", "district_heating": "fjernvarme",
    "transport": "transport", "industry": "industri", "agriculture": "landbrug", "waste": "affald",
    "energy": "energi", "district_heat": "fjernvarme", "natural_gas": "naturgas", "gas_oil": "gasolie",
    "fuel_oil": "fuelolie", "petrol": "benzin", "diesel": "diesel", "biomass": "biomasse", "biogas": "biogas",
    "direct_co2e": "direkte CO2e (ikke-energi)", "hydrogen": "brint",
    "onshore_wind": "landvind", "offshore_wind": "havvind", "solar": "solceller", "electrolyser": "elektrolyse",
    "h2_store": "brintlager", "battery": "batteri", "heat_pump": "varmepumpe", "heat_store": "varmelager",
    "boiler": "gaskedel", "h2_backup": "brint fra naturgas (reserve)", "grid_import": "import", "grid_export": "eksport",
    "battery_charge": "batteri (opladning)", "battery_discharge": "batteri (afladning)",
    "shortfall_electricity": "mangel (el)", "shortfall_hydrogen": "mangel (brint)",
    "shortfall_district_heat": "mangel (fjernvarme)",
    "electricity_demand": "elforbrug", "hydrogen_demand": "brintforbrug", "district_heat_demand": "fjernvarmeforbrug",
    "electrolyser_el": "elektrolyse (el)", "electrolyser_h2": "elektrolyse (brint)",
    "electrolyser_heat": "elektrolyse (overskudsvarme)", "heat_pump_el": "varmepumpe (el)",
    "heat_pump_heat": "varmepumpe (varme)", "h2_store_charge": "brintlager (fyldning)",
    "h2_store_discharge": "brintlager (tømning)", "heat_store_charge": "varmelager (fyldning)",
    "heat_store_discharge": "varmelager (tømning)", "heat_dump": "bortkølet varme",
}


def text(key: str, language: str = "da") -> str:
    return lookup(TEXTS, key, language)


def sweep_head(key: str, language: str = "da") -> str:
    return lookup(SWEEP_HEADS, key, language)


def name(key: str, language: str = "da") -> str:
    """Danish names for sectors, carriers and technologies; English keeps the identifier."""
    return key if language == "en" else NAMES_DA.get(key, key)


def demo_mark(demo: bool, language: str = "da") -> str:
    return f" [{text('demo', language)}]" if demo else ""
