"""The `trekant` command: one group per domain, plus `init` at the top."""

from __future__ import annotations

import typer

from trekant import __version__
from trekant.cli import audit, economy, energy, infra, plan, region, serve, strategy, users

app = typer.Typer(
    name="trekant",
    help="trekant: the joint platform of a city region's municipalities (default: Trekantområdet Danmark).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"trekant {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """trekant: the joint platform of a city region's municipalities."""


app.command("init")(region.init_command)
app.command("serve")(serve.serve_command)
app.add_typer(region.app, name="region", help="The region and its municipalities.")
app.add_typer(plan.app, name="plan", help="Joint municipal plan (fælles kommuneplan).")
app.add_typer(energy.app, name="energy", help="Energy and climate: CO2 accounts, pathways, energy system.")
app.add_typer(economy.app, name="economy", help="Strengths and growth: indicators and regional economics.")
app.add_typer(infra.app, name="infra", help="Infrastructure advocacy: portfolio, CBA, risk, ranking.")
app.add_typer(strategy.app, name="strategy", help="Joint strategy: goals, KPIs and status.")
app.add_typer(users.app, name="users", help="Accounts, roles per municipality and API tokens.")
app.add_typer(audit.app, name="audit", help="The audit log: who changed what, when and from where.")


def main() -> None:
    app()
