"""`trekant init` and `trekant region …`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from trekant.cli.common import JsonOption, handles_errors, print_json, progress_steps, settings
from trekant.i18n import number, t
from trekant.lazy import lazy_module

bootstrap = lazy_module("trekant.bootstrap")
definition = lazy_module("trekant.region.definition")
service = lazy_module("trekant.region.service")

app = typer.Typer(no_args_is_help=True)


@handles_errors
def init_command(
    region: Path = typer.Option(None, "--region", help="Region definition YAML (default: Trekantområdet)."),
    force: bool = typer.Option(False, "--force", help="Rebuild the store from scratch, discarding what it holds."),
    without_demo: bool = typer.Option(False, "--without-demo", help="Load no demo (synthetic) data, only real reference data."),
    json_out: bool = JsonOption,
) -> None:
    """Create the store from the region's dataset (running it again refreshes, never duplicates)."""
    cfg = settings()
    steps = 2 + len(definition.load_definition(region).indicators) + len(bootstrap.domain_loaders())
    with progress_steps(steps, t("reading", cfg.language)) as advance:
        result = bootstrap.init(cfg, region, force=force, with_demo=not without_demo, progress=advance)
    if json_out:
        print_json(result.to_dict())
        return
    done = t("store_built" if result.rebuilt else "store_refreshed", cfg.language)
    typer.echo(f"{done}: {result.store} ({result.region}: {result.municipalities} "
               f"{t('municipalities', cfg.language)}, {result.indicator_values} {t('indicator_values', cfg.language)})")
    for domain, counts in result.loaded.items():
        details = ", ".join(f"{k}={v}" for k, v in counts.items())
        typer.echo(f"  {domain}: {details}")


@app.command("show")
@handles_errors
def show_command(json_out: bool = JsonOption) -> None:
    """List the region's municipalities: code, name, area, latest population, neighbours."""
    cfg = settings()
    region = service.describe_region(cfg)
    if json_out:
        print_json(region["municipalities"])
        return
    lang = cfg.language
    table = Table(title=region["name"])
    for key in ("code", "name", "area_km2", "population", "period", "neighbours"):
        table.add_column(t(key, lang), justify="right" if key in ("area_km2", "population") else "left")
    names = {m["code"]: m["name"] for m in region["municipalities"]}
    for m in region["municipalities"]:
        pop = m["population"] or {}
        table.add_row(m["code"], m["name"], number(m["area_km2"], ",.1f", lang), number(pop.get("value"), ",.0f", lang),
                      pop.get("period", ""), ", ".join(names[c] for c in m["neighbours"]) or t("none", lang))
    Console().print(table)
