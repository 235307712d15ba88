"""`trekant init` and `trekant region …`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from trekant.cli.common import Console, JsonOption, Table, handles_errors, print_json, progress_steps, settings
from trekant.i18n import number, t
from trekant.lazy import lazy_module

bootstrap = lazy_module("trekant.bootstrap")
definition = lazy_module("trekant.region.definition")
service = lazy_module("trekant.region.service")

app = typer.Typer(no_args_is_help=True)


@handles_errors
def init_command(
    region: Path = typer.Option(None, "--region", help="Region definition YAML (default: Trekantområdet)."),
    force: bool = typer.Option(False, "--force", help="Rebuild the store from scratch, discarding what it holds "
                                                      "(asks first, or needs --yes, when users changed it)."),
    with_demo: bool = typer.Option(None, "--with-demo/--without-demo",
                                   help="Load demo (synthetic) data or only real reference data "
                                        "(default: the store's earlier choice; demo for a new store)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="With --force: discard users' changes without asking."),
    json_out: bool = JsonOption,
) -> None:
    """Create the store from the region's dataset (running it again refreshes, never duplicates)."""
    cfg = settings()

    def confirm(losses: list[str]) -> bool:
        if yes:
            return True
        if not sys.stdin.isatty():
            return False
        return typer.confirm(f"`trekant init --force` discards {'; '.join(losses)}. Go ahead?", err=True)

    steps = 2 + len(definition.load_definition(region).indicators) + len(bootstrap.domain_loaders())
    with progress_steps(steps, t("reading", cfg.language)) as advance:
        result = bootstrap.init(cfg, region, force=force, with_demo=with_demo, progress=advance, confirm=confirm)
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
    _next_steps(lang)


NEXT_STEPS = (  # what a newcomer can run on the store `init` built, one per pillar
    "trekant plan check", "trekant energy accounts", "trekant economy growth -i population",
    "trekant infra rank", "trekant strategy status",
)


def _next_steps(lang: str) -> None:
    typer.echo(f"\n{t('next_steps', lang)}:")
    for command in NEXT_STEPS:
        typer.echo(f"  {command}")
    typer.echo(f"  ({t('more_help', lang)})")
