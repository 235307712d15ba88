"""`trekant energy …` commands: accounts, factor tables, imports, pathway, model run and sweep.

Thin: each command calls one service function and prints a table (Danish by default) or JSON.
"""

from __future__ import annotations

from pathlib import Path

import typer

from trekant.cli.common import MAX_YEAR, MIN_YEAR, Console, JsonOption, Table, handles_errors, print_json, progress_steps, reading_description, settings, working
from trekant.cli.identity import requires
from trekant.energy import labels
from trekant.i18n import number, percent
from trekant.lazy import lazy_module

service = lazy_module("trekant.energy.service")
system_service = lazy_module("trekant.energy.system_service")

app = typer.Typer(no_args_is_help=True)
factors_app = typer.Typer(no_args_is_help=True)
activity_app = typer.Typer(no_args_is_help=True)
targets_app = typer.Typer(no_args_is_help=True)
measures_app = typer.Typer(no_args_is_help=True)
model_app = typer.Typer(no_args_is_help=True)
app.add_typer(factors_app, name="factors", help="Emission-factor tables (versioned, with sources).")
app.add_typer(activity_app, name="activity", help="Activity data (energy use per municipality, year, sector, carrier).")
app.add_typer(targets_app, name="targets", help="Reduction targets (Climate Act, DK2020 plans).")
app.add_typer(measures_app, name="measures", help="Reduction measures (for the pathway and the cost curve).")
app.add_typer(model_app, name="model", help="The hourly regional energy system (PyPSA + HiGHS).")

_t, _name, _demo_mark = labels.text, labels.name, labels.demo_mark


@app.command("accounts")
@handles_errors
def accounts_command(
    municipality: str = typer.Option(None, "--municipality", "-m", help="Municipality code or name (default: the whole region)."),
    year: int = typer.Option(None, "--year", "-y", min=MIN_YEAR, max=MAX_YEAR, help="Account year (default: the latest held)."),
    factors: str = typer.Option(None, "--factors", help="Factor table NAME or NAME@VERSION (default: the active one)."),
    json_out: bool = JsonOption,
) -> None:
    """Emissions by sector and carrier, total and per resident (GPC-style energy and CO2 account)."""
    cfg = settings()
    result = service.accounts(cfg, municipality, year, factors)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    console = Console()
    for table in (_accounts_table(result, lang), _groups_table(result, lang), _carriers_table(result, lang)):
        console.print(table)
    if result["by_municipality"]:
        console.print(_municipalities_table(result, lang))


def _accounts_table(result: dict, lang: str) -> Table:
    title = f"{_t('accounts', lang)} {result['name']} {result['year']}{_demo_mark(result['demo'], lang)}"
    basis = f" ({result['factor_basis']})" if result.get("factor_basis") else ""
    table = Table(title=title, caption=f"{_t('factor_table', lang)}: {result['factor_table']}{basis}")
    table.add_column(_t("sector", lang))
    table.add_column(_t("co2e_t", lang), justify="right")
    for sector, value in result["by_sector_co2e_t"].items():
        table.add_row(_name(sector, lang), number(value, ",.0f", lang))
    table.add_row(_t("total", lang), number(result["total_co2e_t"], ",.0f", lang), style="bold")
    if result["co2e_per_resident_t"] is not None:
        table.add_row(_t("per_resident", lang), number(result["co2e_per_resident_t"], ".2f", lang))
    return table


def _groups_table(result: dict, lang: str) -> Table:
    table = Table(title=f"{_t('group', lang)}{_demo_mark(result['demo'], lang)}")
    for key in ("group", "co2e_t", "share"):
        table.add_column(_t(key, lang), justify="left" if key == "group" else "right")
    for group, value in result["by_group_co2e_t"].items():
        table.add_row(_name(group, lang), number(value, ",.0f", lang),
                      number(result["by_group_share_pct"][group], ".1f", lang))
    return table


def _carriers_table(result: dict, lang: str) -> Table:
    table = Table(title=f"{_t('carrier', lang)}{_demo_mark(result['demo'], lang)}")
    table.add_column(_t("carrier", lang))
    table.add_column(_t("co2e_t", lang), justify="right")
    for carrier, value in result["by_carrier_co2e_t"].items():
        table.add_row(_name(carrier, lang), number(value, ",.0f", lang))
    return table


def _municipalities_table(result: dict, lang: str) -> Table:
    table = Table(title=f"{_t('municipality', lang)}{_demo_mark(result['demo'], lang)}")
    for key in ("municipality", "co2e_t", "per_resident"):
        table.add_column(_t(key, lang), justify="left" if key == "municipality" else "right")
    for row in result["by_municipality"]:
        value = row["co2e_per_resident_t"]
        place = f"{row['name']} ({row['code']})" if row.get("name") else row["code"]
        table.add_row(place, number(row["total_co2e_t"], ",.0f", lang),
                      "" if value is None else number(value, ".2f", lang))
    return table


def _print_import(result: dict, language: str) -> None:
    typer.echo(f"{_t('imported', language)}: {result['file']} ({result['rows']} {_t('rows', language)})")
    for warning in result.get("warnings", []):
        typer.echo(warning, err=True)


@activity_app.command("import")
@handles_errors
@requires("energy.edit")
def activity_import_command(path: Path = typer.Argument(..., help="CSV or XLSX: municipality, year, sector, carrier, quantity, unit[, source]."),
                            json_out: bool = JsonOption) -> None:
    """Import activity data (all rows or none; every problem with file, row and column)."""
    cfg = settings()
    with working(reading_description(path, cfg.language)):
        result = service.import_activity(cfg, path)
    print_json(result) if json_out else _print_import(result, cfg.language)


@targets_app.command("import")
@handles_errors
@requires("energy.edit")
def targets_import_command(path: Path = typer.Argument(..., help="CSV or XLSX: municipality, base_year, base_co2e_t, target_year, reduction_pct[, source]."),
                           json_out: bool = JsonOption) -> None:
    """Import reduction targets (e.g. a DK2020 plan's own years and base year)."""
    cfg = settings()
    with working(reading_description(path, cfg.language)):
        result = service.import_targets(cfg, path)
    print_json(result) if json_out else _print_import(result, cfg.language)


@measures_app.command("import")
@handles_errors
@requires("energy.edit")
def measures_import_command(path: Path = typer.Argument(..., help="CSV or XLSX: municipality, key, name, sector, reduction_co2e_t_per_year, start_year, ramp_years, cost_dkk_per_year[, source]."),
                            json_out: bool = JsonOption) -> None:
    """Import reduction measures."""
    cfg = settings()
    with working(reading_description(path, cfg.language)):
        result = service.import_measures(cfg, path)
    print_json(result) if json_out else _print_import(result, cfg.language)


@factors_app.command("import")
@handles_errors
@requires("energy.edit")
def factors_import_command(
    path: Path = typer.Argument(..., help="CSV: name, version, carrier, year, value, unit, source[, illustrative]."),
    activate: bool = typer.Option(True, "--activate/--keep-active", help="Make the new table the one accounts use."),
    json_out: bool = JsonOption,
) -> None:
    """Add a (newer) emission-factor table; accounts are recomputed with it on the next read."""
    cfg = settings()
    with working(reading_description(path, cfg.language)):
        result = service.import_factors(cfg, path, activate)
    if json_out:
        print_json(result)
        return
    state = f" ({_t('active', cfg.language)})" if result["active"] else ""
    typer.echo(f"{_t('imported', cfg.language)}: {result['table']}, {result['factors']}{state}")


@factors_app.command("list")
@handles_errors
def factors_list_command(json_out: bool = JsonOption) -> None:
    """The factor tables in the store; the active one is used unless --factors says otherwise."""
    cfg = settings()
    tables = service.list_factor_tables(cfg)
    if json_out:
        print_json(tables)
        return
    table = Table(title=_t("factor_tables", cfg.language))
    for column in ("name", "version", "active", "imported_at", "imported_from"):
        table.add_column(_t(column, cfg.language))
    for row in tables:
        table.add_row(row["name"], row["version"], "*" if row["is_active"] else "", row["imported_at"], row["imported_from"])
    Console().print(table)


@factors_app.command("show")
@handles_errors
def factors_show_command(spec: str = typer.Argument(None, help="NAME or NAME@VERSION (default: the active table)."),
                         json_out: bool = JsonOption) -> None:
    """Every factor of a table with its unit, year and source."""
    cfg = settings()
    result = service.show_factor_table(cfg, spec)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=f"{_t('factor_table', lang)} {result['table']}")
    for column in ("carrier", "year", "factor", "unit", "source"):
        table.add_column(_t(column, lang), overflow="fold")
    for f in result["factors"]:
        mark = f" ({_t('illustrative', lang).upper()})" if f["illustrative"] else ""
        where = f" ({_t('municipality', lang).lower()} {f['municipality_code']})" if f.get("municipality_code") else ""
        table.add_row(_name(f["carrier"], lang) + where, str(f["year"] or "*"), number(f["value"], "g", lang), f["unit"],
                      f["source"] + mark)
    Console().print(table)


@factors_app.command("series")
@handles_errors
def factors_series_command(spec: str = typer.Argument(None, help="A series file in Energinet's format (default: the shipped DK1 declaration 2022-2023)."),
                           json_out: bool = JsonOption) -> None:
    """The hourly grid-emission series: area, method, unit and the yearly and monthly means."""
    cfg = settings()
    result = service.emission_series(spec)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=f"{_t('emission_series', lang)} {result['price_area']}, {result['method']}, {result['unit']}",
                  caption=result["series"])
    table.add_column(_t("year", lang))
    table.add_column(_t("mean", lang), justify="right")
    for row in result["yearly_means"]:
        table.add_row(str(row["year"]), number(row["mean_g_per_kwh"], ".1f", lang))
    Console().print(table)


@app.command("hourly-account")
@handles_errors
def hourly_account_command(path: Path = typer.Argument(..., help="CSV: hour_dk or hour_utc, and mwh or kwh, one row per hour."),
                           series: str = typer.Option(None, "--series", help="Emission series file (default: the shipped DK1 declaration)."),
                           json_out: bool = JsonOption) -> None:
    """Emissions of an hourly electricity consumption, each hour at its own declared intensity."""
    cfg = settings()
    result = service.hourly_account(path, series)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=f"{_t('hourly_account', lang)} ({result['price_area']}, {result['method']}, {result['gas']})")
    for key in ("year", "consumption_mwh", "co2_t", "weighted_g_per_kwh", "co2_at_yearly_mean_t"):
        table.add_column(_t(key, lang), justify="right")
    for row in result["by_year"]:
        table.add_row(str(row["year"]), number(row["consumption_mwh"], ",.1f", lang), number(row["co2_t"], ",.2f", lang),
                      "-" if row["consumption_weighted_g_per_kwh"] is None else number(row["consumption_weighted_g_per_kwh"], ".1f", lang),
                      number(row["co2_at_yearly_mean_t"], ",.2f", lang))
    Console().print(table)


@app.command("pathway")
@handles_errors
def pathway_command(
    municipality: str = typer.Option(None, "--municipality", "-m", help="Municipality code or name (default: the whole region)."),
    factors: str = typer.Option(None, "--factors", help="Factor table NAME or NAME@VERSION (default: the active one)."),
    every: int = typer.Option(1, "--every", min=1, help="Show every Nth year in the table (JSON has all)."),
    json_out: bool = JsonOption,
) -> None:
    """Target path, projected path with the measures, gap per year, and the marginal abatement cost curve."""
    cfg = settings()
    result = service.pathway(cfg, municipality, factors)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    console = Console()
    table = Table(title=f"{_t('pathway', lang)} {result['name']}{_demo_mark(result['demo'], lang)}",
                  caption=f"{_t('factor_table', lang)}: {result['factor_table']}")
    political = any(r["political_target_co2e_t"] is not None for r in result["years"])
    keys = ("year", "target", "projected", "gap") + (("political_target", "political_gap") if political else ())
    for key in keys:
        table.add_column(_t(key, lang), justify="right")
    for row in result["years"]:
        if (row["year"] - result["latest_account_year"]) % max(1, every) and row["year"] not in (2030, 2050):
            continue
        columns = ("target_co2e_t", "projected_co2e_t", "gap_co2e_t") + (
            ("political_target_co2e_t", "political_gap_co2e_t") if political else ())
        table.add_row(str(row["year"]), *(number(row[k], ",.0f", lang) for k in columns))
    console.print(table)
    macc = Table(title=f"{_t('macc', lang)}{_demo_mark(result['demo'], lang)}")
    for key in ("measure", "municipality", "sector", "dkk_per_t", "reduction", "cumulative"):
        macc.add_column(_t(key, lang), justify="right" if key in ("dkk_per_t", "reduction", "cumulative") else "left")
    for m in result["mac_curve"]:
        macc.add_row(m["name"], m["municipality"], _name(m["sector"], lang),
                     *(number(m[k], ",.0f", lang)
                       for k in ("cost_dkk_per_t", "reduction_co2e_t_per_year", "cumulative_co2e_t_per_year")))
    console.print(macc)


RESULT_ROWS = (  # (key, format spec in English notation; "%" for a share shown as a percentage)
    ("hours", ","), ("import_mwh", ",.0f"), ("export_mwh", ",.0f"), ("critical_excess_mwh", ",.0f"),
    ("self_sufficiency_share", "%"), ("import_dependence_hours", ","), ("peak_import_mw", ",.0f"),
    ("co2_t", ",.0f"), ("total_cost_dkk", ",.0f"), ("hydrogen_produced_t", ",.0f"),
    ("electrolyser_full_load_hours", ",.0f"),
)


def _list_sep(language: str) -> str:
    """Between numbers in one cell: '; ' in Danish, where ',' is the decimal mark."""
    return ", " if language == "en" else "; "


def _scenario_title(result: dict, language: str, extra: str = "") -> str:
    """'Scenarie today (simulering) [DEMO-data]': every table of a demo scenario says so."""
    return (f"{_t('scenario', language)} {result['scenario']} ({_t(result['method'], language)}{extra})"
            f"{_demo_mark(result['demo'], language)}")


def _print_result(result: dict, language: str) -> None:
    console = Console()
    gaps = "; ".join(f"{_t('price_gap', language)} {t}" for t in result["price_gaps_filled"])
    table = Table(title=_scenario_title(result, language), caption=gaps or None)
    table.add_column(_t("result", language))
    table.add_column(_t("value", language), justify="right")
    for key, spec in RESULT_ROWS:
        value = result.get(key)
        shown = percent(value, 1, language) if spec == "%" else number(value, spec, language)
        table.add_row(_t(key, language), "-" if value is None else shown)
    console.print(table)
    console.print(_balances_table(result, language))
    console.print(_capacities_table(result, language))
    if "rfnbo" in result:  # a full result; the tables above also serve partial ones
        console.print(_system_table(result, language))
        for note in result.get("notes", []) + result["rfnbo"]["notes"]:
            typer.echo(note)


def _system_table(result: dict, language: str) -> Table:
    """Renewable hydrogen, the CO2 limit, security of supply and the heat areas, one line each."""
    table = Table(title=f"{_t('system', language)}{_demo_mark(result['demo'], language)}")
    table.add_column(_t("result", language))
    table.add_column(_t("value", language), justify="right")
    r, sec = result["rfnbo"], result["security"]
    share = r["renewable_h2_share"]
    table.add_row(f"{_t('renewable_h2_share', language)} ({r['rule']})", "-" if share is None else percent(share, 1, language))
    if "compliance" in r:
        table.add_row(_t("compliance_cost", language), number(r["compliance"]["compliance_cost_eur"], ",.0f", language))
    if "co2_limit" in result:
        table.add_row(_t("co2_price", language), number(result["co2_limit"]["shadow_price_eur_per_t"], ",.1f", language))
    for key in ("import_binding_hours", "unserved_mwh", "extra_connection_mw"):
        table.add_row(_t(key, language), number(sec[key], ",.0f", language))
    for area in result["heat_areas"]:
        factor = area["factor_kg_co2_per_mwh"]
        table.add_row(f"{_t('heat_factor', language)}: {area['name']}", "-" if factor is None else number(factor, ".1f", language))
    return table


def _balances_table(result: dict, language: str) -> Table:
    table = Table(title=f"{_t('balances', language)}{_demo_mark(result['demo'], language)}")
    for key in ("carrier", "flow", "value"):
        table.add_column(_t(key, language) if key != "value" else "MWh", justify="right" if key == "value" else "left")
    for bus, sides in result["balances_mwh"].items():
        for side, flows in sides.items():
            for flow, value in flows.items():
                if abs(value) > 0.05:
                    sign = "+" if side == "supply_mwh" else "−"
                    table.add_row(_name(bus, language), f"{sign} {_name(flow, language)}", number(value, ",.0f", language))
    return table


def _capacities_table(result: dict, language: str) -> Table:
    table = Table(title=f"{_t('capacities', language)}{_demo_mark(result['demo'], language)}")
    for key in ("technology", "size", "unit", "optimised"):
        table.add_column(_t(key, language), justify="right" if key == "size" else "left")
    for tech, cap in result["capacities"].items():
        if cap["size"] or cap["optimised"]:  # technologies the scenario does not have are left out
            table.add_row(_name(tech, language), number(cap["size"], ",.1f", language), cap["unit"], "*" if cap["optimised"] else "")
    return table


@model_app.command("list")
@handles_errors
def model_list_command(json_out: bool = JsonOption) -> None:
    """The shipped scenarios (a path to your own YAML works wherever a name does)."""
    rows = system_service.scenarios()
    if json_out:
        print_json(rows)
        return
    for row in rows:
        typer.echo(f"{row['name']}: {row['title']}")


HoursOption = typer.Option(None, "--hours", min=1, help="Run only N hours (default: the whole profile year, 8,759 h).")
StartOption = typer.Option(0, "--start", min=0, help="First hour of the window (0 = 1 January 00:00 UTC).")
ExportOption = typer.Option(None, "--export", help="Write the hourly results to PATH.csv or PATH.parquet.")


RfnboOption = typer.Option(None, "--rfnbo", help="EU renewable-hydrogen rule: none, monthly or hourly (default: the scenario's).")


@model_app.command("run")
@handles_errors
def model_run_command(scenario: str = typer.Argument(..., help="Shipped scenario name or a YAML path."),
                      hours: int = HoursOption, start: int = StartOption, export: Path = ExportOption,
                      rfnbo: str = RfnboOption,
                      co2_limit: float = typer.Option(None, "--co2-limit", min=0, help="Cap the run's CO2 (t); its shadow price is reported."),
                      import_mw: float = typer.Option(None, "--import-mw", min=0, help="Grid connection: the import limit (MW)."),
                      compliance_cost: bool = typer.Option(False, "--compliance-cost", help="Optimise again without the RFNBO rule and report the difference in system cost."),
                      week: int = typer.Option(None, "--week", min=0, help="Add this week's hourly series and duration curves (JSON, for charts)."),
                      json_out: bool = JsonOption) -> None:
    """Optimise the scenario (PyPSA + HiGHS) and report EnergyPLAN-style results."""
    cfg = settings()
    with progress_steps(1, "PyPSA/HiGHS") as advance:
        result = system_service.model_run(scenario, hours, start, export, rfnbo, co2_limit, import_mw, compliance_cost, week)
        advance("solved")
    print_json(result) if json_out else _print_result(result, cfg.language)


@model_app.command("years")
@handles_errors
def model_years_command(scenario: str = typer.Argument(..., help="Shipped scenario name or a YAML path."),
                        profiles: list[str] = typer.Option(..., "--profiles", help="A weather-year profile CSV (repeatable; builtin:dk1_hourly_2017.csv is the shipped one)."),
                        hours: int = HoursOption, start: int = StartOption, rfnbo: str = RfnboOption,
                        json_out: bool = JsonOption) -> None:
    """Optimise the scenario once per weather year and show the spread of the results."""
    cfg = settings()
    with progress_steps(len(profiles), "PyPSA/HiGHS") as advance:
        result = system_service.weather_years(scenario, profiles, hours, start, rfnbo, progress=advance)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=_scenario_title(result, lang, f", {result['weather_years']} {_t('weather_years', lang)}"))
    table.add_column(_t("profiles", lang), overflow="fold")
    for key in YEAR_COLUMNS:
        table.add_column(labels.sweep_head(key, lang), justify="right")
    for row in result["results"]:
        table.add_row(row["profiles"], *(_cell(row[k], k, lang) for k in YEAR_COLUMNS))
    for edge in ("min", "max"):
        table.add_row(_t(edge, lang), *(_cell(result["spread"].get(k, {}).get(edge), k, lang) for k in YEAR_COLUMNS), style="bold")
    Console().print(table)


YEAR_COLUMNS = ("total_cost_eur", "co2_t", "import_mwh", "hydrogen_produced_t", "renewable_h2_share", "unserved_mwh")


def _cell(value, key: str, language: str) -> str:
    if value is None:
        return "-"
    if key.endswith("share"):
        return percent(value, 1, language)
    return number(value / (1e6 if key.startswith("total_cost") else 1), ",.0f", language)


@app.command("heat-areas")
@handles_errors
def heat_areas_command(json_out: bool = JsonOption) -> None:
    """District heating as supplied: each heat area, its supply shares with sources, and its emission factor."""
    cfg = settings()
    result = service.heat_areas()
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=_t("heat_areas", lang))
    for key in ("heat_area", "municipality", "supply", "factor_kg"):
        table.add_column(_t(key, lang), overflow="fold")
    for area in result["areas"]:
        supply = _list_sep(lang).join(f"{s['name']} {percent(s['share'], 1, lang)}" + (f" ({_t('illustrative', lang)})"
                                      if s["illustrative"] else "") for s in area["supply"])
        mark = f" ({_t('illustrative', lang)})" if area["factor_illustrative"] else ""
        table.add_row(area["name"], ", ".join(area["municipalities"]), supply,
                      number(area["factor_kg_co2_per_mwh"], ".1f", lang) + mark)
    Console().print(table)


@model_app.command("simulate")
@handles_errors
def model_simulate_command(scenario: str = typer.Argument(..., help="Shipped scenario name or a YAML path."),
                           hours: int = HoursOption, start: int = StartOption, export: Path = ExportOption,
                           json_out: bool = JsonOption) -> None:
    """Rule-based hourly simulation of the scenario's fixed capacities (no optimiser, fast)."""
    cfg = settings()
    with working(_t("simulation", cfg.language)):
        result = system_service.model_simulate(scenario, hours, start, export)
    print_json(result) if json_out else _print_result(result, cfg.language)


@app.command("sweep")
@handles_errors
def sweep_command(scenario: str = typer.Argument(..., help="Shipped scenario name or a YAML path (fixed capacities unless --optimise)."),
                  vary: list[str] = typer.Option(..., "--vary", help="KEY=V1,V2,… e.g. electrolyser_mw=20,300,1000 (repeatable: all combinations)."),
                  hours: int = HoursOption, start: int = StartOption,
                  optimise: bool = typer.Option(False, "--optimise", help="One optimisation per variant (extendable capacities sized each time) instead of the vectorised simulation."),
                  json_out: bool = JsonOption) -> None:
    """Compare capacity variants side by side: results and the infrastructure each needs."""
    cfg = settings()
    variants = len(system_service.parse_vary(vary)) if optimise else None
    with progress_steps(variants, "PyPSA/HiGHS" if optimise else _t("simulation", cfg.language)) as advance:
        result = system_service.sweep(scenario, vary, hours, start, optimise, progress=advance)
    if json_out:
        print_json(result)
        return
    Console().print(_sweep_table(result, cfg.language))
    Console().print(_infrastructure_table(result, cfg.language))


SWEEP_COLUMNS = ("import_mwh", "export_mwh", "critical_excess_mwh", "co2_t", "total_cost_dkk", "hydrogen_produced_t",
                 "electrolyser_full_load_hours")


INFRASTRUCTURE_COLUMNS = ("connection_import_mw", "peak_import_mw", "electrolyser_mw", "h2_store_mwh", "h2_store_t",
                          "battery_mwh", "heat_store_mwh", "hydrogen_pipeline_t_per_day")


def _infrastructure_table(result: dict, language: str) -> Table:
    """Per variant: what it needs built (connection, electrolyser, storage, pipeline) and what is left unserved."""
    table = Table(title=f"{_t('infrastructure', language)}{_demo_mark(result['demo'], language)}")
    varied = list(result["results"][0]["vary"]) if result["results"] else []
    table.add_column(", ".join(varied) or _t("vary", language), no_wrap=True)
    for key in (*INFRASTRUCTURE_COLUMNS, "unserved_mwh"):
        table.add_column(_t(key, language), justify="right")
    for row in result["results"]:
        cells = [_list_sep(language).join(number(row["vary"][k], "g", language) for k in varied)]
        cells += [number(row["infrastructure"][k], ",.0f", language) for k in INFRASTRUCTURE_COLUMNS]
        table.add_row(*cells, number(row["security"]["unserved_mwh"], ",.0f", language))
    return table


def _sweep_table(result: dict, language: str) -> Table:
    seconds = number(result["simulate_s"], ".3f", language)
    extra = f", {_t('sweep', language)}: {result['variants']} {_t('variants', language)}, {seconds} s"
    table = Table(title=_scenario_title(result, language, extra), caption=_t("sweep_caption", language))
    varied = list(result["results"][0]["vary"]) if result["results"] else []
    table.add_column(", ".join(varied) or _t("vary", language), no_wrap=True)
    for key in SWEEP_COLUMNS:
        table.add_column(labels.sweep_head(key, language), justify="right")
    for row in result["results"]:
        cells = [_list_sep(language).join(number(row["vary"][k], "g", language) for k in varied)]
        cells += ["-" if row[c] is None else number(row[c] / (1e6 if c == "total_cost_dkk" else 1), ",.0f", language)
                  for c in SWEEP_COLUMNS]
        table.add_row(*cells)
    return table
