"""`trekant economy …` commands: indicators, growth, the claim check, LQ, shift-share, specialisation,
strengths, groups, import and fetch. Thin: each calls one service function and prints."""

from __future__ import annotations

from pathlib import Path

import typer

from trekant.cli.common import Console, JsonOption, Table, handles_errors, print_json, settings, working
from trekant.cli.identity import requires
from trekant.economy.model import INDUSTRY_INDICATOR
from trekant.economy.labels import pct, text
from trekant.errors import InputError
from trekant import i18n
from trekant.i18n import number
from trekant.lazy import lazy_module

group_service = lazy_module("trekant.economy.group_service")
industry_service = lazy_module("trekant.economy.industry_service")
ingest = lazy_module("trekant.economy.ingest")
claim_service = lazy_module("trekant.economy.claim_service")
service = lazy_module("trekant.economy.service")

app = typer.Typer(no_args_is_help=True)
group_app = typer.Typer(no_args_is_help=True)
app.add_typer(group_app, name="group", help="Area groups: the region, peers and your own groups of municipalities.")

IndicatorOption = typer.Option(..., "--indicator", "-i", help="Indicator key (see `trekant economy indicators`).")
IndustryIndicatorOption = typer.Option(INDUSTRY_INDICATOR, "--indicator", "-i",
                                       help="Indicator with an industry breakdown (default: the demo series).")
AreaOption = typer.Option(None, "--area", "-a", help="Municipality code or name, DK, or group key (default: the region).")
BreakdownOption = typer.Option("", "--breakdown", help="A breakdown such as industry=2 or sex=Men (default: the total).")
FromOption = typer.Option(None, "--from", help="Start period, e.g. 2008Q1 (default: the first with data).")
ToOption = typer.Option(None, "--to", help="End period (default: the last with data).")


def _title(report: dict, heading: str, lang: str) -> str:
    demo = f" — {text('demo', lang)}" if report.get("demo") else ""
    return f"{heading}: {report['indicator']['name']} ({report['indicator']['unit']}){demo}"


def _number(value, lang: str, digits: int = 0) -> str:
    """Danish 1.234,5 or English 1,234.5 (i18n.number: '–' for None, no '-0')."""
    return number(value, f",.{digits}f", lang)


def _caption(report: dict, lang: str) -> str:
    return f"{text('source', lang)}: {report['indicator']['source']}"


@app.command("indicators")
@handles_errors
def indicators_command(json_out: bool = JsonOption) -> None:
    """List the indicators in the store with their periods, source and demo flag."""
    cfg = settings()
    rows = service.list_indicators(cfg)
    if json_out:
        print_json(rows)
        return
    lang = cfg.language
    table = Table(title=text("indicators", lang))
    for key in ("key", "name", "unit", "periods", "values", "source"):
        table.add_column(text(key, lang))
    for r in rows:
        name = f"{r['name']} [{text('demo', lang)}]" if r["demo"] else r["name"]
        table.add_row(r["key"], name, r["unit"], f"{r['first']} … {r['last']}", number(r["values"], ",", lang), r["source"])
    Console().print(table)


@app.command("growth")
@handles_errors
def growth_command(
    indicator: str = IndicatorOption, area: str = AreaOption,
    among: str = typer.Option(None, "--among", help="Compare with: municipalities, metro5 (the region and its "
                                                    "peers) or a comma list of areas."),
    start: str = FromOption, end: str = ToOption,
    base: str = typer.Option(None, "--base", help="Base period of the index (= 100; default: the start)."),
    breakdown: str = BreakdownOption, json_out: bool = JsonOption,
) -> None:
    """Change, percent change, CAGR and index of an area over a window, ranked among others."""
    cfg = settings()
    report = service.growth_report(cfg, indicator, area, among, start, end, base, breakdown)
    if json_out:
        print_json(report)
        return
    lang = cfg.language
    table = Table(title=_title(report, text("growth", lang), lang), caption=_caption(report, lang))
    for key in ("rank", "area", "start", "end", "change", "change_pct", "cagr_pct"):
        table.add_column(text(key, lang), justify="left" if key == "area" else "right")
    for r in report["ranking"]:
        style = "bold" if r["area"] == report["area"] else None
        table.add_row(str(r["rank"]), r["name"] or r["area"], _number(r["start_value"], lang),
                      _number(r["end_value"], lang),
                      _number(r["change"], lang), pct(r["change_pct"], lang), pct(r["cagr_pct"], lang), style=style)
    Console().print(table)
    typer.echo(report["statement"])


@app.command("claim")
@handles_errors
def claim_command(
    indicator: str = IndicatorOption,
    group: str = typer.Option(None, "--group", "-g", help="The area whose claim is checked (default: the region)."),
    peers: str = typer.Option("metro5", "--peers", help="Competitors: metro5, municipalities or a comma list."),
    same_season: bool = typer.Option(None, "--same-season/--all-windows",
                                     help="Only windows between the same quarter/month (the default for a series that is "
                                          "not seasonally adjusted), or all windows, seasonal swings included."),
    limit: int = typer.Option(20, "--limit", min=0, help="Windows led shown in the table (JSON lists all)."),
    breakdown: str = BreakdownOption, json_out: bool = JsonOption,
) -> None:
    """The claim check: pre-declared windows (last 1, 5, 10 years, the strategy's), the share of all windows
    led, and the region's published claims checked on value and rank."""
    cfg = settings()
    report = claim_service.claim_report(cfg, indicator, group, peers, same_season, breakdown)
    if json_out:
        print_json(report)
        return
    lang = cfg.language
    _measure_line(report, lang)
    heads = Table(title=_title(report, text("headline_windows", lang), lang), caption=_caption(report, lang))
    for key in ("window", "start", "end", "growth_pct", "rank", "leader", "margin_pp"):
        heads.add_column(text(key, lang), justify="left" if key in ("window", "leader") else "right")
    for h in report["headline_windows"]:
        heads.add_row(h["title"], h["start_period"], h["end_period"], pct(h["growth_pct"], lang),
                      f"{h['rank']}/{h['compared']}" if h["rank"] else "–",
                      f"{h['leader_name'] or '–'} ({pct(h['leader_growth_pct'], lang)})", number(h["margin_pp"], "+.2f", lang))
    if report["headline_windows"]:
        Console().print(heads)
    led = Table(title=f"{text('windows_led', lang)} – {report['windows_kind']}")
    for key in ("start", "end", "growth_pct", "runner_up", "margin_pp"):
        led.add_column(text(key, lang), justify="left" if key == "runner_up" else "right")
    names = {c["area"]: c["name"] for c in report["competitors"]}
    shown = sorted(report["first"], key=lambda w: (-w["margin_pp"], w["end_period"]))[:limit]
    for w in shown:
        led.add_row(w["start_period"], w["end_period"], pct(w["growth_pct"], lang),
                    f"{names.get(w['runner_up'], w['runner_up'])} ({pct(w['runner_up_growth_pct'], lang)})",
                    number(w["margin_pp"], ".2f", lang))
    if shown:
        Console().print(led)
    margins = report["margin_distribution_pp"]
    if margins:
        typer.echo(f"{text('margins', lang)}: " + ", ".join(f"{k.upper()} {number(v, '+.2f', lang)}" for k, v in margins.items()))
    typer.echo(report["statement"])
    for line in report["caveats"]:
        typer.echo(line)
    for item in report["published_claims"]:
        typer.echo(f"{text('published_claims', lang)}: \"{item['text']}\" – {item['source_text']}")
        other = "" if item["about_this_series"] else f" ({text('other_measure', lang)})"
        typer.echo(f"  {text('measure', lang)}: {item['measure']}{other}; {text('geography', lang)}: {item['geography']}")
        typer.echo(f"  → {item['verdict']}")


def _measure_line(report: dict, lang: str) -> None:
    measure = report["indicator"].get("measure") or {}
    if measure:
        typer.echo(f"{text('measure', lang)}: {measure['measure'] or report['indicator']['name']} – {measure['basis_text']}")


@app.command("lq")
@handles_errors
def lq_command(indicator: str = IndustryIndicatorOption, area: str = AreaOption,
               period: str = typer.Option(None, "--period", help="Period (default: the latest)."),
               reference: str = typer.Option(None, "--reference", help="Reference area (default: DK)."),
               json_out: bool = JsonOption) -> None:
    """Location quotients LQ = (E_ir/E_r)/(E_iN/E_N) of every industry of an area."""
    cfg = settings()
    report = industry_service.lq_report(cfg, indicator, area, period, reference)
    if json_out:
        print_json(report)
        return
    lang = cfg.language
    table = Table(title=f"{_title(report, text('lq', lang), lang)} — {report['area_name']} {report['period']}",
                  caption=_caption(report, lang))
    for key in ("industry", "values", "share", "reference_share", "lq"):
        table.add_column(text(key, lang), justify="left" if key == "industry" else "right")
    for r in report["industries"]:
        table.add_row(f"{r['industry']} {r['name']}", _number(r["value"], lang), number(r["share"], ".3f", lang),
                      number(r["reference_share"], ".3f", lang), _number(r["lq"], lang, 2))
    Console().print(table)


@app.command("shift-share")
@handles_errors
def shift_share_command(indicator: str = IndustryIndicatorOption, area: str = AreaOption,
                        start: str = FromOption, end: str = ToOption,
                        reference: str = typer.Option(None, "--reference", help="Reference area (default: DK)."),
                        json_out: bool = JsonOption) -> None:
    """Shift-share: national share, industry mix, regional shift, and the Esteban-Marquillas split."""
    cfg = settings()
    report = industry_service.shift_share_report(cfg, indicator, area, start, end, reference)
    if json_out:
        print_json(report)
        return
    lang = cfg.language
    table = Table(title=f"{_title(report, 'Shift-share', lang)} — {report['area_name']} "
                        f"{report['start_period']}–{report['end_period']}", caption=_caption(report, lang))
    columns = ("change", "national_share", "industry_mix", "regional_shift", "competitive", "allocation")
    table.add_column(text("industry", lang))
    for key in columns:
        table.add_column(text(key, lang), justify="right")
    for r in report["industries"]:
        table.add_row(f"{r['industry']} {r['name']}", *(_number(r[k], lang) for k in columns))
    table.add_row(text("total", lang), *(_number(report["totals"][k], lang) for k in columns), style="bold")
    Console().print(table)
    for note in report["notes"]:
        typer.echo(note)


@app.command("specialisation")
@handles_errors
def specialisation_command(indicator: str = IndustryIndicatorOption, area: str = AreaOption,
                           period: str = typer.Option(None, "--period", help="Period (default: the latest)."),
                           among: str = typer.Option(None, "--among", help="Several areas: metro5, municipalities or a list."),
                           json_out: bool = JsonOption) -> None:
    """Krugman (Σ|s_ir − s_iN|), Hoover (half of it) and Herfindahl (Σ s_ir²) indices."""
    cfg = settings()
    report = industry_service.specialisation_report(cfg, indicator, area, period, among)
    if json_out:
        print_json(report)
        return
    lang = cfg.language
    table = Table(title=f"{_title(report, 'Specialisering' if lang == 'da' else 'Specialisation', lang)} "
                        f"{report['period']}", caption=_caption(report, lang))
    columns = ("krugman", "hoover", "herfindahl", "herfindahl_reference")
    table.add_column(text("area", lang))
    for key in columns:
        table.add_column(text(key, lang), justify="right")
    for r in report["areas"]:
        table.add_row(r["name"], *(number(r[k], ".4f", lang) for k in columns))
    Console().print(table)


@app.command("strengths")
@handles_errors
def strengths_command(indicator: str = IndustryIndicatorOption, area: str = AreaOption,
                      period: str = typer.Option(None, "--period", help="Period (default: the latest)."),
                      start: str = FromOption,
                      config: Path = typer.Option(None, "--config", help="Strength positions YAML (default: shipped)."),
                      json_out: bool = JsonOption) -> None:
    """Employment, share, LQ and growth of the strength positions (industry, transport/logistics, energy/PtX)."""
    cfg = settings()
    report = industry_service.strengths_report(cfg, indicator, area, period, start, config)
    if json_out:
        print_json(report)
        return
    lang = cfg.language
    table = Table(title=f"{_title(report, text('strength', lang), lang)} — {report['area_name']} {report['period']}",
                  caption=_caption(report, lang))
    for key in ("strength", "industry", "values", "share", "lq", "change_pct"):
        table.add_column(text(key, lang), justify="left" if key in ("strength", "industry") else "right")
    for r in report["strengths"]:
        name = f"{r['name']} ({text('approximate', lang)})" if r["approximate"] else r["name"]
        growth = r["growth"] or {}
        table.add_row(name, ", ".join(r["codes"]), _number(r["value"], lang), number(r["share"], ".3f", lang),
                      _number(r["lq"], lang, 2),
                      f"{pct(growth.get('change_pct'), lang)} ({report['start_period']}–{report['period']})")
    Console().print(table)
    for r in report["strengths"]:
        if not r["separable"]:
            typer.echo(r["inseparable_note"])
        elif r["approximate"]:
            typer.echo(f"{r['name']}: {r['note']}")


@group_app.command("list")
@handles_errors
def group_list_command(json_out: bool = JsonOption) -> None:
    """The area groups: the region, its peers and user-defined groups."""
    cfg = settings()
    rows = group_service.list_groups(cfg)
    if json_out:
        print_json(rows)
        return
    lang = cfg.language
    table = Table(title=text("groups", lang))
    for key in ("key", "name", "kind", "members"):
        table.add_column(text(key, lang))
    for r in rows:
        table.add_row(r["key"], r["name"], r["kind"], ", ".join(r["member_names"]))
    Console().print(table)


@group_app.command("add")
@handles_errors
@requires("economy.edit")
def group_add_command(key: str = typer.Argument(..., help="Group key, e.g. east_jutland."),
                      members: str = typer.Option(..., "--members", "-m", help="Comma list of municipality codes or names."),
                      name: str = typer.Option(None, "--name", help="Display name."),
                      json_out: bool = JsonOption) -> None:
    """Add (or replace) a user-defined group of municipalities; its values are summed at query time."""
    cfg = settings()
    result = group_service.add_group(cfg, key, [m.strip() for m in members.split(",") if m.strip()], name)
    if json_out:
        print_json(result)
        return
    typer.echo(f"{result['key']}: {', '.join(result['members'])}")


@group_app.command("remove")
@handles_errors
@requires("economy.edit")
def group_remove_command(key: str = typer.Argument(..., help="Key of a user-defined group."),
                         json_out: bool = JsonOption) -> None:
    """Remove a user-defined group."""
    cfg = settings()
    result = group_service.remove_group(cfg, key)
    if json_out:
        print_json(result)
        return
    typer.echo(f"{key}: removed")


def _options(indicator, name, unit, source, licence, not_additive, where, basis=None, adjusted=None):
    filters = {}
    for item in where or []:
        column, sep, value = item.partition("=")
        if not sep:
            raise InputError("--where", item, "write a filter as COLUMN=value")
        filters[column.strip()] = value.strip()
    if basis is not None and basis not in ("residence", "workplace"):
        raise typer.BadParameter(f"{basis!r}: use residence or workplace", param_hint="--basis")
    return ingest.ImportOptions(indicator, name, unit, source, licence, not not_additive, filters, basis, adjusted)


def _print_import(summary: dict, lang: str) -> None:
    for warning in summary.get("warnings", []):
        typer.echo(warning, err=True)
    demo = " (erstatter demo-data)" if summary["replaced_demo"] and lang == "da" else (
        " (replaces demo data)" if summary["replaced_demo"] else "")
    typer.echo(f"{text('imported', lang)}: {summary['indicator']} — {number(summary['values'], ',', lang)} "
               f"{text('values', lang).lower()}, {summary['areas']} {text('area', lang).lower()}, "
               f"{summary['first']} … {summary['last']}{demo}")


_INDICATOR_KEY = typer.Option(None, "--indicator", "-i", help="Indicator key to write (default: from the file).")
_NAME = typer.Option(None, "--name", help="Indicator name (default: the file's title).")
_UNIT = typer.Option(None, "--unit", help="Unit, e.g. persons (default: the file's, else 'number').")
_SOURCE = typer.Option(None, "--source", help="Source text (default: the file's, else its name).")
_LICENCE = typer.Option(None, "--licence", help="Licence (default: CC BY 4.0 for Statistics Denmark).")
_NOT_ADDITIVE = typer.Option(False, "--not-additive", help="A ratio or average: never sum members into groups.")
_WHERE = typer.Option(None, "--where", help="Keep only rows with COLUMN=value; * and ? match any text (repeatable).")
_BASIS = typer.Option(None, "--basis", help="What the areas count: residence (persons where they live) or workplace "
                                             "(jobs/production where the work is; default: from BOPKOM/ARBKOM or the table).")
_ADJUSTED = typer.Option(None, "--seasonally-adjusted/--not-seasonally-adjusted",
                         help="Whether the series is seasonally adjusted (default: from the table, else not).")


@app.command("import")
@handles_errors
@requires("economy.edit")
def import_command(path: Path = typer.Argument(..., help="StatBank CSV, PC-Axis .px or JSON-stat .json file."),
                   indicator: str = _INDICATOR_KEY, name: str = _NAME, unit: str = _UNIT, source: str = _SOURCE,
                   licence: str = _LICENCE, not_additive: bool = _NOT_ADDITIVE, where: list[str] = _WHERE,
                   basis: str = _BASIS, adjusted: bool = _ADJUSTED, json_out: bool = JsonOption) -> None:
    """Import an indicator from a Statistics Denmark file; any bad row and nothing is written."""
    cfg = settings()
    with working(f"{i18n.t('reading', cfg.language)} {path.name}"):
        summary = ingest.import_file(cfg, path, _options(indicator, name, unit, source, licence, not_additive, where,
                                                         basis, adjusted))
    if json_out:
        print_json(summary)
        return
    _print_import(summary, cfg.language)


@app.command("fetch")
@handles_errors
@requires("economy.edit")
def fetch_command(table: str = typer.Argument(..., help="StatBank table id, e.g. FOLK1A."),
                  var: list[str] = typer.Option(None, "--var", help="Variable selection CODE=v1,v2 or CODE=* (repeatable)."),
                  url: str = typer.Option(None, "--url", help="API data endpoint (default: the StatBank API, api.statbank.dk)."),
                  fmt: str = typer.Option("CSV", "--format", help="CSV or BULK (BULK needs every variable selected)."),
                  lang: str = typer.Option("en", "--lang", help="Language of labels: en or da."),
                  save: Path = typer.Option(None, "--save", help="Also keep the raw answer in this file."),
                  indicator: str = _INDICATOR_KEY, name: str = _NAME, unit: str = _UNIT, source: str = _SOURCE,
                  licence: str = _LICENCE, not_additive: bool = _NOT_ADDITIVE, where: list[str] = _WHERE,
                  basis: str = _BASIS, adjusted: bool = _ADJUSTED, json_out: bool = JsonOption) -> None:
    """Fetch a table from Statistics Denmark's StatBank API and import it (all or nothing)."""
    cfg = settings()
    options = _options(indicator, name, unit, source, licence, not_additive, where, basis, adjusted)
    with working(f"{i18n.t('reading', cfg.language)} {table}"):
        summary = ingest.fetch_table(cfg, table, options, url or ingest.statbank_api.DATA_URL,
                                     ingest.statbank_api.parse_variables(var or []), fmt, lang, save)
    if json_out:
        print_json(summary)
        return
    _print_import(summary, cfg.language)
