"""`trekant infra …`: the joint infrastructure portfolio, its CBA, risk and ranking."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.text import Text

from trekant.cli.common import Console, JsonOption, Table, fail, handles_errors, print_json, reading_description, settings, working
from trekant.cli.identity import requires
from trekant.i18n import number, percent, printable
from trekant.infrastructure.labels import label
from trekant.lazy import lazy_module

if TYPE_CHECKING:
    from trekant.infrastructure.model import Project

service = lazy_module("trekant.infrastructure.service")
io_params = lazy_module("trekant.infrastructure.io.params")

app = typer.Typer(no_args_is_help=True)

MAX_DRAWS = 5_000_000  # = infrastructure.risk.MAX_DRAWS (a test keeps them equal; risk loads NumPy)
ParamsOption = typer.Option("fm2023", "--params", help="Parameter set: a shipped name (fm2023, fm2017) or the path of a YAML file.")


def _mdkk(value: float | None, lang: str) -> str:
    """DKK as million DKK with one decimal, in the language's notation."""
    return number(None if value is None else value / 1e6, ",.1f", lang)


def _mark(project: Project, path: str) -> str:
    """' *' when the value at `path` itself is illustrative (service.value_flagged)."""
    return " *" if service.value_flagged(project, path) else ""


@app.command("list")
@handles_errors
def list_command(json_out: bool = JsonOption) -> None:
    """List the portfolio's projects: key, name, mode, status, opening year, construction cost."""
    cfg = settings()
    projects = service.list_projects(cfg)
    if json_out:
        print_json([service.summary(p) for p in projects])
        return
    lang = cfg.language
    table = Table(title=label("portfolio", lang))
    for column in ("key", "name", "mode", "status", "opening_year", "cost_mdkk"):
        table.add_column(label(column, lang), justify="right" if column in ("opening_year", "cost_mdkk") else "left")
    for p in projects:
        table.add_row(p.key, p.name, label(p.mode, lang), label(p.status, lang),
                      str(p.opening_year) + _mark(p, "opening_year"),
                      _mdkk(sum(p.construction_dkk.values()), lang) + _mark(p, "costs.construction_dkk"))
    Console().print(table)
    Console().print(label("illustrative_footnote", lang))


@app.command("show")
@handles_errors
def show_command(key: str = typer.Argument(..., help="Project key (see `trekant infra list`)."), json_out: bool = JsonOption) -> None:
    """Show one project: facts, published results, sources, and which inputs are illustrative."""
    cfg = settings()
    project = service.get_project(cfg, key)
    doc = service.project_document(cfg, key)
    if json_out:
        print_json(doc)
        return
    lang = cfg.language
    Console().print(Text(printable(project.name), style="bold"),
                  Text(f"({project.key}) – {label(project.mode, lang)}, {label(project.status, lang)}"))
    Console().print(f"{label('municipalities', lang)}: {', '.join(project.municipalities)}; "
                  f"{label('opening_year', lang)}: {project.opening_year}{_mark(project, 'opening_year')}; "
                  f"{label('cost_mdkk', lang)}: {_mdkk(sum(project.construction_dkk.values()), lang)}"
                  f"{_mark(project, 'costs.construction_dkk')} ({project.price_year}{_mark(project, 'costs.price_year')})")
    Console().print(label("illustrative_footnote", lang))
    facts = Table(title=label("facts", lang))
    facts.add_column(label("item", lang))
    facts.add_column(label("value", lang), justify="right")
    for name, value in project.facts.items():
        facts.add_row(name, number(value, ",", lang) if isinstance(value, (int, float)) else str(value))
    for name, result in project.published.items():
        facts.add_row(f"{label('published', lang)}: {name}", f"{number(result.value, ',', lang)} ({result.year}, [{result.source}])")
    Console().print(facts)
    for source in project.sources:
        Console().print(f"[{source.id}] {source.label()} {source.url} → {', '.join(source.supports) or '-'}")
    if project.illustrative:
        Console().print(f"{label('illustrative_mark', lang)}: {', '.join(project.illustrative)}")
    if project.notes:
        Console().print(project.notes)


@app.command("import")
@handles_errors
@requires("infrastructure.edit")
def import_command(paths: list[Path] = typer.Argument(..., help="Project YAML files or folders of them."),
                   json_out: bool = JsonOption) -> None:
    """Import project files; every problem is reported per field and nothing is written if any is an error."""
    cfg = settings()
    with working(reading_description(paths, cfg.language)):
        result = service.import_projects(cfg, paths)
    if json_out:
        print_json(result.to_dict())
        return
    for line in result.warnings:
        typer.echo(line, err=True)
    typer.echo(f"{label('imported', cfg.language)} {len(result.imported)}: {', '.join(result.imported)}")


@app.command("export")
@handles_errors
def export_command(
    keys: list[str] = typer.Argument(None, help="Project keys (default: all)."),
    out: Path = typer.Option(..., "--out", help="Folder to write to."),
    formats: str = typer.Option("yaml", "--format", help="Comma-separated: yaml, geojson (WGS 84), gpkg (EPSG:25832)."),
    json_out: bool = JsonOption,
) -> None:
    """Export projects as YAML files, and their geometries as GeoJSON and/or GeoPackage."""
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in ("yaml", "geojson", "gpkg")]
    if unknown:
        fail([f"error [usage] --format: unknown format {', '.join(unknown)} (use yaml, geojson, gpkg)"])
    written = service.export_projects(settings(), out, keys or None, chosen)
    if json_out:
        print_json({"written": written})
        return
    for path in written:
        typer.echo(path)


def _cba_table(report: dict, lang: str) -> None:
    prices = f"{report['price_year']}-priser" if lang == "da" else f"{report['price_year']} prices"
    title = f"{label('cba_title', lang)}: {report['name']} – {report['params']} ({prices}, {label('base_year', lang)} {report['base_year']})"
    if report["illustrative"]:
        title += f"\n{label('illustrative', lang)}"
    table = Table(title=title)
    table.add_column(label("item", lang))
    table.add_column(label("pv_mdkk", lang), justify="right")
    for item, value in report["pv_items_dkk"].items():
        table.add_row(label(item, lang), _mdkk(value, lang))
    table.add_row(label("pv_benefits_dkk", lang), _mdkk(report["pv_benefits_dkk"], lang))
    table.add_row(label("pv_costs_dkk", lang), _mdkk(report["pv_costs_dkk"], lang))
    table.add_row(Text(label("npv_dkk", lang), style="bold"), Text(_mdkk(report["npv_dkk"], lang), style="bold"))
    Console().print(table)
    irr = percent(report["irr"], 1, lang) if report["irr"] is not None else label("none", lang)
    Console().print(f"{label('irr', lang)}: {irr}   {label('bc_ratio', lang)}: {number(report['bc_ratio'], ',.2f', lang)}   "
                  f"{label('npv_per_public_dkk', lang)}: {number(report['npv_per_public_dkk'], ',.2f', lang)}   "
                  f"{label('first_year_return', lang)}: {percent(report['first_year_return'], 1, lang)}")
    if report["irr_note"]:
        Console().print(report["irr_note"])
    costs = report["costs"]
    Console().print(f"{label('cost_basis', lang)}: {label(costs['basis'], lang)} – {label('base_estimate', lang)} "
                  f"{_mdkk(costs['base_estimate_dkk'], lang)}, {label('budget', lang)} {_mdkk(costs['budget_dkk'], lang)} "
                  f"{label('mdkk', lang)} ({costs['note_da'] if lang == 'da' else costs['note']})")
    labels = {s["id"]: s["label"] for s in report["sources"]}
    for name, published in report["published"].items():
        Console().print(f"{label('published', lang)} {name}: {number(published['value'], ',', lang)} ({published['year']}, "
                      f"[{published['source']}] {labels.get(published['source'], '')})")
    if "co2_sensitivity" in report:
        _co2_table(report["co2_sensitivity"], lang)
    for line in report["warnings"]:
        Console().print(line)
    if report["illustrative"]:
        Console().print(f"{label('illustrative_mark', lang)}: {', '.join(report['illustrative_inputs'])}")


def _co2_table(sensitivity: dict, lang: str) -> None:
    table = Table(title=label("co2_title", lang))
    for column in ("alternative", "co2_price", "pv_co2_mdkk", "npv_mdkk", "bc_ratio"):
        table.add_column(label(column, lang), justify="left" if column in ("alternative", "co2_price") else "right")
    for row in sensitivity["alternatives"]:
        mark = " *" if row["illustrative"] else ""
        table.add_row(row["name"] + mark, row["price_dkk_per_t"], _mdkk(row["pv_co2_dkk"], lang), _mdkk(row["npv_dkk"], lang),
                      number(row["bc_ratio"], ",.2f", lang))
    Console().print(table)
    Console().print(f"* = {label('illustrative_mark', lang)}")
    if sensitivity["note"]:
        Console().print(sensitivity["note"])


@app.command("cba")
@handles_errors
def cba_command(
    target: str = typer.Argument(..., help="Project key, or the path of a project YAML file."),
    params: str = ParamsOption,
    base_year: int = typer.Option(None, "--base-year", help="Year to discount to (default: first construction year)."),
    price_year: int = typer.Option(None, "--price-year", help="Report in prices of this year (default: the parameter set's)."),
    co2_sensitivity: bool = typer.Option(False, "--co2-sensitivity", help="Also the NPV at the parameter set's alternative "
                                                                           "CO2e prices (FM 2023)."),
    co2_price: list[float] = typer.Option(None, "--co2-price", help="An extra constant CO2e price (DKK/t) for the "
                                                                    "sensitivity (repeatable; implies --co2-sensitivity)."),
    json_out: bool = JsonOption,
) -> None:
    """Danish socio-economic CBA of one project: NPV, IRR, B/C, NPV per public krone, first-year return."""
    cfg = settings()
    report = service.cba_report(cfg, target, params, base_year, price_year, co2_sensitivity, tuple(co2_price or ()))
    if json_out:
        print_json(report)
    else:
        _cba_table(report, cfg.language)
    if report["irr"] is None:
        fail([f"error [no-irr] project {report['project']}: {report['irr_note']}"])


@app.command("params")
@handles_errors
def params_command(name: str = typer.Argument(None, help="A shipped name or a YAML path (default: list the shipped sets)."),
                   template: bool = typer.Option(False, "--template", help="Print a parameter-file template naming, for "
                                                 "each unit value, the entry of Transportøkonomiske Enhedspriser it must come from."),
                   json_out: bool = JsonOption) -> None:
    """List the shipped parameter sets, or show one with its sources."""
    if template:
        text = io_params.template_path().read_text(encoding="utf-8")
        print_json({"template": text}) if json_out else typer.echo(text, nl=False)
        return
    if name is None:
        sets = [io_params.load_params(n) for n in io_params.builtin_names()]
        if json_out:
            print_json([{"name": p.name, "title": p.title} for p in sets])
            return
        for p in sets:
            typer.echo(f"{p.name}: {p.title}")
        return
    p = io_params.load_params(name)
    data = {
        "name": p.name, "title": p.title, "price_year": p.price_year, "operation_years": p.operation_years,
        "net_tax_factor": p.net_tax_factor, "tax_distortion_factor": p.tax_distortion_factor,
        "discount_rates": [b.__dict__ for b in p.discount_rates], "unverified": list(p.unverified),
        "unit_values": {k: {"value": v.value, "unit": v.unit, "real_growth_per_year": v.real_growth_per_year,
                            "path": v.path, "illustrative": v.illustrative, "catalogue_entry": v.catalogue_entry}
                        for k, v in p.unit_values.items()},
        "co2_alternatives": {k: {"value": v.value, "unit": v.unit, "path": v.path, "illustrative": v.illustrative,
                                 "source": v.source} for k, v in p.co2_alternatives.items()},
        "sources": [s.__dict__ | {"supports": list(s.supports)} for s in p.sources],
    }
    if json_out:
        print_json(data)
        return
    typer.echo(f"{p.name}: {p.title}")

    def flag(field: str) -> str:
        return " (unverified)" if field in p.unverified else ""

    bands = ", ".join(f"{b.rate:.1%} ({b.from_year}–{b.to_year or '…'})" for b in p.discount_rates)
    typer.echo(f"discount: {bands}{flag('discount_rates')}; net tax factor {p.net_tax_factor}{flag('net_tax_factor')}; "
               f"tax distortion {p.tax_distortion_factor}{flag('tax_distortion_factor')}; "
               f"{p.operation_years} years of operation; prices {p.price_year}")
    for key, uv in p.unit_values.items():
        value = uv.path if uv.path else uv.value
        typer.echo(f"  {key}: {value} {uv.unit}{' (illustrative)' if uv.illustrative else ''}{flag(f'unit_values.{key}')}")
    for key, uv in p.co2_alternatives.items():
        value = uv.path if uv.path else uv.value
        typer.echo(f"  co2 alternative {key}: {value} {uv.unit}{' (illustrative)' if uv.illustrative else ''}")
    if p.unverified:
        typer.echo(f"unverified (not checked against their source): {', '.join(p.unverified)}")
    for s in p.sources:
        typer.echo(f"[{s.id}] {s.label()} {s.url} → {', '.join(s.supports) or '-'}")


def _input_label(name: str, lang: str) -> str:
    if name.startswith("quantity."):
        return name[len("quantity."):]
    return label("co2_price_factor" if name == "co2_price" else name, lang)


@app.command("risk")
@handles_errors
def risk_command(
    target: str = typer.Argument(..., help="Project key, or the path of a project YAML file."),
    draws: int = typer.Option(10_000, "--draws", min=1, max=MAX_DRAWS, help="Number of Monte Carlo draws."),
    seed: int = typer.Option(1, "--seed", min=0, help="Random seed, 0 or more (same seed, same result)."),
    optimism_bias: float = typer.Option(0.0, "--optimism-bias", min=0, max=300, help="Uplift of construction cost in percent (e.g. 50)."),
    params: str = ParamsOption,
    spec: Path = typer.Option(None, "--spec", help="YAML file with distributions for construction_overrun, traffic_growth, "
                                                   "value_of_time, co2_price and quantities with a published range."),
    json_out: bool = JsonOption,
) -> None:
    """Monte Carlo of the NPV (P10/P50/P90, P(NPV > 0)) and a tornado of one-at-a-time changes."""
    cfg = settings()
    with working(f"Monte Carlo, {number(draws, ',', cfg.language)} {label('draws', cfg.language)}"):
        project, result = service.risk(cfg, target, draws, seed, optimism_bias, params, spec)
    if json_out:
        print_json(result.to_dict())
        return
    lang = cfg.language
    title = f"{label('risk_title', lang)}: {project.name} – {result.params}, {number(result.draws, ',', lang)} {label('draws', lang)}, seed {result.seed}"
    if result.optimism_bias:
        title += f", {label('optimism_bias', lang)} {percent(result.optimism_bias, 0, lang)}"
    if result.illustrative_inputs:
        title += f"\n{label('illustrative', lang)}"
    table = Table(title=title)
    table.add_column(label("item", lang))
    table.add_column(label("pv_mdkk", lang), justify="right")
    for key, value in (("cba_npv", result.cba_npv_dkk), ("central", result.central_npv_dkk), ("mean", result.mean_npv_dkk),
                       ("p10", result.p10_npv_dkk), ("p50", result.p50_npv_dkk), ("p90", result.p90_npv_dkk)):
        table.add_row(label(key, lang), _mdkk(value, lang))
    table.add_row(label("prob_positive", lang), percent(result.prob_npv_positive, 1, lang))
    table.add_row(label("prob_cost_above_budget", lang), percent(result.prob_cost_above_budget, 1, lang))
    Console().print(table)
    if result.costs:
        Console().print(f"{label('cost_basis', lang)}: {result.costs['note_da' if lang == 'da' else 'note']}")
    bars = Table(title=label("tornado", lang))
    for column in ("input", "low", "high", "npv_low", "npv_high"):
        bars.add_column(label(column, lang), justify="left" if column == "input" else "right")
    for bar in result.tornado:
        shown = ",.0f" if bar.input.startswith("quantity.") else ".3f"
        bars.add_row(_input_label(bar.input, lang), number(bar.low_value, shown, lang), number(bar.high_value, shown, lang),
                     _mdkk(bar.npv_low_dkk, lang), _mdkk(bar.npv_high_dkk, lang))
    Console().print(bars)
    if result.illustrative_inputs:
        Console().print(f"{label('illustrative_mark', lang)}: {', '.join(result.illustrative_inputs)}")


@app.command("rank")
@handles_errors
def rank_command(
    profile: str = typer.Option(None, "--profile", help="Ranking profile: shipped name (default, all) or a YAML file."),
    method: str = typer.Option(None, "--method", help="topsis, weighted-sum or promethee (default: the profile's)."),
    params: str = typer.Option(None, "--params", help="Parameter set (default: the profile's)."),
    base_year: int = typer.Option(None, "--base-year", help="One base year for every project (default: the profile's)."),
    own_base_years: bool = typer.Option(False, "--own-base-years", help="Discount each project to its own first "
                                                                         "construction year instead."),
    price_year: int = typer.Option(None, "--price-year", help="One price year for every project (default: the "
                                                              "profile's, else the parameter set's)."),
    weight: list[str] = typer.Option(None, "--weight", help="Replace a criterion's weight, NAME=VALUE (repeatable)."),
    json_out: bool = JsonOption,
) -> None:
    """Rank the portfolio on CBA results and 1–5 criteria (pymcdm), with rank stability under weight changes."""
    if method is not None and method not in ("topsis", "weighted-sum", "promethee"):
        fail([f"error [usage] --method: unknown method {method!r} (use topsis, weighted-sum, promethee)"])
    weights = {}
    for item in weight or []:
        name, sep, value = item.partition("=")
        try:
            weights[name.strip()] = float(value) if sep else float("nan")
        except ValueError:
            weights[name.strip()] = float("nan")
        if weights[name.strip()] != weights[name.strip()]:
            fail([f"error [usage] --weight: write NAME=VALUE with a number, got {item!r}"])
    cfg = settings()
    outcome = service.rank(cfg, profile, method, params, base_year, own_base_years, price_year, weights or None)
    data = outcome.to_dict()
    if json_out:
        print_json(data)
        return
    lang = cfg.language
    shown_weights = ", ".join(f"{c['name']} {percent(c['weight'], 0, lang)}" for c in data["criteria"])
    base = data["base_year"] if data["base_year"] is not None else label("own_base_years", lang)
    title = (f"{label('rank_title', lang)} – {data['method']}, {data['params']}, {label('base_year', lang)} {base}, "
             f"{data['price_year']}-{label('prices', lang)}\n{shown_weights}")
    if data["illustrative"]:
        title += f"\n{label('illustrative', lang)}"
    table = Table(title=title)
    k = data["stability"]["top_k"]
    for column in ("rank", "key", "score", "keeps_rank", "top_k", "mean_rank"):
        table.add_column(label(column, lang).format(k=k), justify="left" if column == "key" else "right")
    for row in data["ranking"]:
        mark = " *" if row["illustrative"] else ""
        table.add_row(str(row["rank"]), row["key"] + mark, number(row["score"], ".3f", lang),
                      percent(row["keeps_rank_share"], 0, lang), percent(row["top_k_share"], 0, lang),
                      number(row["mean_rank"], ".1f", lang))
    Console().print(table)
    s = data["stability"]
    Console().print(f"{number(s['draws'], ',', lang)} × ±{percent(s['perturbation'], 0, lang)} ({label('draws', lang)}); "
                  f"* = {label('illustrative_mark', lang)}")
    for line in data["double_counts"]:
        Console().print(f"{label('double_count', lang)}: {line}")
    for line in data["warnings"]:
        typer.echo(line, err=True)
