"""`trekant strategy …` commands: goals, KPI sources and the status of every KPI."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.text import Text

from trekant.cli.common import Console, JsonOption, Table, handles_errors, print_json, settings
from trekant.lazy import lazy_module
from trekant.strategy.labels import amount, text

goal_file = lazy_module("trekant.strategy.goals")
service = lazy_module("trekant.strategy.service")

app = typer.Typer(no_args_is_help=True)

GoalsOption = typer.Option(None, "--goals", help="Goals and KPIs YAML (default: the shipped strategy).")
STATUS_STYLE = {"on_track": "green", "at_risk": "yellow", "off_track": "red", "no_data": "dim"}


@app.command("status")
@handles_errors
def status_command(goals: Path = GoalsOption, json_out: bool = JsonOption) -> None:
    """Per KPI: latest value, target, required vs actual trend, on track / at risk / off track, source."""
    cfg = settings()
    report = service.status(cfg, goals)
    if json_out:
        print_json(report)
        return
    lang = cfg.language
    title = text("title", lang) + (f" — {text('demo', lang)}" if report["demo"] else "")
    table = Table(title=title, caption=text("illustrative", lang))
    for key in ("goal", "kpi", "latest", "target", "trend", "status", "source"):
        table.add_column(text(key, lang))
    notes: list[str] = []
    for r in report["kpis"]:
        source = r["source"] or r["source_key"]
        if source not in notes:
            notes.append(source)
        latest = "–" if r["latest"] is None else f"{amount(r['latest']['value'], lang)} ({r['latest']['period']})"
        trend = "–" if r["latest"] is None else (f"{amount(r.get('required_per_year'), lang)} / "
                                                 f"{amount(r.get('actual_per_year'), lang)}")
        name = r["name"] + (f" [{text('demo', lang)}]" if r["demo"] else "")
        table.add_row(r["goal_name"], name, latest, f"{amount(r['target']['value'], lang)} ({r['target']['year']})", trend,
                      Text(r["explanation"], style=STATUS_STYLE[r["status"]]), f"[{notes.index(source) + 1}]")
    console = Console()
    console.print(table)
    for number, source in enumerate(notes, start=1):
        console.print(f"[{number}] {source}", markup=False)


@app.command("goals")
@handles_errors
def goals_command(goals: Path = GoalsOption, json_out: bool = JsonOption) -> None:
    """The strategy's goals and their KPIs with targets."""
    cfg = settings()
    lang = cfg.language
    loaded = goal_file.load(goals)
    data = [dict(key=g.key, name=g.name(lang), text=g.text(lang),
                 kpis=[dict(key=k.key, name=k.name(lang), source=k.source, direction=k.direction,
                            baseline_period=k.baseline_period,
                            target=dict(value=k.target.value, year=k.target.year, basis=k.target.basis))
                       for k in g.kpis]) for g in loaded]
    if json_out:
        print_json(data)
        return
    for goal in data:
        typer.echo(f"{goal['name']}: {goal['text']}")
        for k in goal["kpis"]:
            typer.echo(f"  - {k['name']} → {amount(k['target']['value'], lang)} ({k['target']['year']}; "
                       f"{k['target']['basis']}) [{k['source']}]")


@app.command("sources")
@handles_errors
def sources_command(json_out: bool = JsonOption) -> None:
    """The KPI sources installed (from every domain's kpis.py)."""
    cfg = settings()
    rows = service.list_sources()
    if json_out:
        print_json(rows)
        return
    table = Table(title=text("sources", cfg.language))
    table.add_column("key")
    table.add_column("")
    for r in rows:
        table.add_row(r["key"], r["doc"])
    Console().print(table)


@app.command("asks")
@handles_errors
def asks_command(json_out: bool = JsonOption) -> None:
    """The region's asks to the state (interessevaretagelse): asked when, decided when, won or not, sources."""
    cfg = settings()
    result = service.list_asks(cfg)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=text("asks", lang), caption=text("asks_rule", lang))
    for column in ("ask", "project", "asked", "decided", "won"):
        table.add_column(text(column, lang))
    for a in result["asks"]:
        table.add_row(a["name"], f"{a['project']} ({a['project_status'] or '–'})", str(a["asked_year"]),
                      str(a["decided_year"] or "–"), text("yes" if a["won"] else "no", lang))
    console = Console()
    console.print(table)
    for a in result["asks"]:
        for s in a["sources"]:
            console.print(f"{a['key']}: {s['publisher']} ({s['year'] or 'n.d.'}) {s['title']} {s['url']} "
                          f"→ {', '.join(s['supports'])}", markup=False, highlight=False)
