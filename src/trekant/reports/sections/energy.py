"""Energy and climate: emissions by municipality and sector, the pathway against the targets with
the gap, and the energy-system scenarios (energy.service, energy.system_service)."""

from __future__ import annotations

from trekant.energy import labels as energy_labels
from trekant.energy import service as energy
from trekant.energy import system_service
from trekant.errors import InputError, NotFound
from trekant.reports import charts
from trekant.reports.context import BuildContext
from trekant.reports.model import Figure, Heading, KeyFigure, KeyFigures, Note, Paragraph, Section, Table

PATHWAY_YEARS = (2025, 2030, 2035, 2040, 2045, 2050)


def sector_name(ctx: BuildContext, key: str) -> str:
    return energy_labels.name(key, ctx.language) if ctx.language == "da" else key.replace("_", " ")


def build(ctx: BuildContext) -> Section:
    section = Section(ctx.t("sec_energy"), "energy")
    try:
        account = energy.accounts(ctx.settings, year=ctx.year)
    except NotFound as exc:
        return section.add(Note(str(exc)))
    section.add(*_accounts(ctx, account))
    names = {r["code"]: r["name"] for r in account["by_municipality"]}
    try:
        section.add(*_pathway(ctx, energy.pathway(ctx.settings), names))
    except NotFound as exc:
        section.add(Note(str(exc)))
    section.add(*_scenarios(ctx))
    return section


def _source(ctx: BuildContext, account: dict) -> str:
    return (f"{ctx.t('source')}: trekant energy accounts, {ctx.t('emission_factors')} {account['factor_table']} "
            f"({account['factor_basis']})")


def _accounts(ctx: BuildContext, account: dict) -> list:
    year = account["year"]
    demo = ctx.demo(account["demo"], ctx.t("sec_energy"))
    source = _source(ctx, account)
    blocks: list = []
    if demo:
        blocks.append(Note(ctx.t("energy_demo"), "demo"))
    blocks.append(KeyFigures((
        KeyFigure(ctx.t("energy_total", year=year), f"{ctx.num(account['total_co2e_t'])} {ctx.t('tonnes')}", source),
        KeyFigure(ctx.t("energy_per_resident", year=year), f"{ctx.num(account['co2e_per_resident_t'], 2)} "
                  f"{ctx.t('tonnes')}", source))))
    rows = account["by_municipality"]
    sectors = list(account["by_sector_co2e_t"])
    series = {sector_name(ctx, s): [r["by_sector_co2e_t"].get(s, 0.0) for r in rows] for s in sectors}
    path = charts.stacked_bars(ctx.figures, "emissions", [r["name"] for r in rows], series, ctx.t("tonnes"), ctx.fmt())
    blocks.append(Figure(path, ctx.t("emissions_chart", year=year), ctx.t("tonnes"), source, demo))
    blocks.append(Table(
        (ctx.t("municipality"), *(sector_name(ctx, s) for s in sectors), ctx.t("total"), ctx.t("tonnes_per_resident")),
        tuple((r["name"], *(ctx.num(r["by_sector_co2e_t"].get(s, 0.0)) for s in sectors), ctx.num(r["total_co2e_t"]),
               ctx.num(r["co2e_per_resident_t"], 2)) for r in rows)
        + ((account["name"], *(ctx.num(account["by_sector_co2e_t"][s]) for s in sectors), ctx.num(account["total_co2e_t"]),
            ctx.num(account["co2e_per_resident_t"], 2)),),
        title=f"{ctx.t('emissions_chart', year=year)}, {ctx.t('tonnes')}", source=source))
    return blocks


def _pathway(ctx: BuildContext, path: dict, names: dict[str, str]) -> list:
    demo = ctx.demo(path["demo"], ctx.t("pathway_heading"))
    source = f"{ctx.t('source')}: trekant energy pathway ({path['factor_table']}); {path['target_sets'][0]['name']}"
    history = {r["year"]: r["actual_co2e_t"] for r in path["history"]}
    rows = {r["year"]: r for r in path["years"]}
    years = sorted(set(history) | set(rows))
    actual = [history.get(y, rows.get(y, {}).get("actual_co2e_t")) for y in years]
    series = {ctx.t("actual"): actual,
              ctx.t("target_path"): [rows[y]["target_co2e_t"] if y in rows else None for y in years],
              ctx.t("projected"): [rows[y]["projected_co2e_t"] if y in rows else None for y in years]}
    if any(r["political_target_co2e_t"] is not None for r in path["years"]):
        series[ctx.t("political_target")] = [rows[y]["political_target_co2e_t"] if y in rows else None for y in years]
    styles = {ctx.t("actual"): dict(color="#000000", linewidth=2.2),
              ctx.t("target_path"): dict(color="#009E73", linestyle="--"),
              ctx.t("projected"): dict(color="#D55E00"),
              ctx.t("political_target"): dict(color="#56B4E9", linestyle=":")}
    chart = charts.lines(ctx.figures, "pathway", years, series, ctx.t("tonnes"), ctx.fmt(), styles)
    first = path["first_year_on_target"]
    shown = [y for y in PATHWAY_YEARS if y in rows]
    table = Table((ctx.t("year"), ctx.t("target_path"), ctx.t("projected"), ctx.t("gap"), ctx.t("political_gap")),
                  tuple((str(y), ctx.num(rows[y]["target_co2e_t"]), ctx.num(rows[y]["projected_co2e_t"]),
                         ctx.num(rows[y]["gap_co2e_t"]), ctx.num(rows[y]["political_gap_co2e_t"])) for y in shown),
                  title=f"{ctx.t('pathway_heading')}, {ctx.t('tonnes')}", source=source)
    return [Heading(ctx.t("pathway_heading")),
            Figure(chart, ctx.t("pathway_chart"), ctx.t("tonnes"), source, demo), table,
            Paragraph(ctx.t("first_on_target", year=first) if first else ctx.t("never_on_target")),
            *_mac_curve(ctx, path, source, demo, names)]


def _mac_curve(ctx: BuildContext, path: dict, source: str, demo: bool, names: dict[str, str]) -> list:
    """The measures behind the projection, cheapest per tonne first (the service's order)."""
    measures = [m for m in path["mac_curve"] if m["reduction_co2e_t_per_year"] > 0]
    if not measures:
        return []
    chart = charts.steps(ctx.figures, "mac", [m["reduction_co2e_t_per_year"] for m in measures],
                         [m["cost_dkk_per_t"] for m in measures], ctx.t("mac_x"), ctx.t("mac_y"), ctx.fmt(), ctx.fmt())
    cheapest = sorted(measures, key=lambda m: (-m["reduction_co2e_t_per_year"], m["key"], m["municipality"]))[:10]
    table = Table((ctx.t("measure"), ctx.t("municipality"), ctx.t("sector"), ctx.t("mac_x"), ctx.t("mac_y")),
                  tuple((m["name"], names.get(m["municipality"], m["municipality"]), sector_name(ctx, m["sector"]),
                         ctx.num(m["reduction_co2e_t_per_year"]), ctx.num(m["cost_dkk_per_t"]))
                        for m in cheapest), title=ctx.t("mac_table"), source=source)
    return [Heading(ctx.t("mac_heading")), Figure(chart, ctx.t("mac_heading"), ctx.t("mac_y"), source, demo), table]


def _scenarios(ctx: BuildContext) -> list:
    blocks: list = [Heading(ctx.t("scenarios_heading"))]
    rows, notes, demo, supplies = [], [], False, {}
    for scenario in system_service.scenarios():
        if scenario["optimised"]:
            notes.append(Note(ctx.t("scenario_optimised", title=scenario["title"], name=scenario["name"],
                                    what=", ".join(scenario["optimised"])), "info"))
            continue
        try:
            result = system_service.model_simulate(scenario["name"])
        except InputError as exc:
            notes.append(Note(str(exc)))
            continue
        demo = ctx.demo(result["demo"], ctx.t("scenarios_heading")) or demo
        supplies[result["title"]] = result["balances_mwh"]["electricity"]["supply_mwh"]
        rows.append((result["title"], ctx.pct(result["self_sufficiency_share"]), ctx.num(result["import_mwh"] / 1000),
                     ctx.num(result["co2_t"] / 1000, 1), ctx.num(result["hydrogen_produced_t"]),
                     ctx.mdkk(result["total_cost_dkk"])))
    if rows:
        blocks.append(Table((ctx.t("scenario"), ctx.t("self_sufficiency"), ctx.t("import_gwh"), ctx.t("co2_kt"),
                             ctx.t("hydrogen_t"), ctx.t("cost_mdkk")), tuple(rows),
                            source=f"{ctx.t('source')}: {ctx.t('scenario_source')}"))
    if supplies:
        sources = sorted({k for supply in supplies.values() for k, v in supply.items() if v})
        series = {sector_name(ctx, k): [supply.get(k, 0.0) / 1000 for supply in supplies.values()] for k in sources}
        chart = charts.stacked_bars(ctx.figures, "scenario-supply", list(supplies), series, "GWh", ctx.fmt())
        blocks.append(Figure(chart, ctx.t("supply_chart"), "GWh", f"{ctx.t('source')}: {ctx.t('scenario_source')}",
                             demo))
    if demo:
        blocks.append(Note(ctx.t("scenarios_demo"), "demo"))
    return blocks + notes
