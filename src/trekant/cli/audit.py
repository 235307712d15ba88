"""`trekant audit …`: the audit log, listed with filters or exported as CSV (administrators only)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from trekant.audit import service
from trekant.cli.common import Console, JsonOption, Table, handles_errors, print_json, settings
from trekant.cli.identity import cli_principal

app = typer.Typer(no_args_is_help=True)

ActorOption = typer.Option(None, "--actor", help="Only changes by this actor (e.g. web:alice, cli:bob).")
EntityOption = typer.Option(None, "--entity", help="Only changes of this table (e.g. plan_frame, account).")
SinceOption = typer.Option(None, "--since", help="Only changes from this date (YYYY-MM-DD) or time (ISO 8601).")


@app.command("list")
@handles_errors
def list_command(actor: str = ActorOption, entity: str = EntityOption, since: str = SinceOption,
                 limit: int = typer.Option(50, "--limit", min=1, help="At most this many entries, newest first."),
                 json_out: bool = JsonOption) -> None:
    """Who changed what, when and from where, newest first."""
    cfg = settings()
    entries = service.list_entries(cfg, cli_principal(cfg), actor, entity, service.parse_since(since), limit)
    if json_out:
        print_json(entries)
        return
    table = Table(title="audit log")
    for column in ("at", "actor", "action", "entity", "entity_id", "where", "detail"):
        table.add_column(column)
    for e in entries:
        table.add_row(e["at"][:19], e["actor"], e["action"], e["entity"], e["entity_id"], e["where"],
                      json.dumps(e["detail"], ensure_ascii=False)[:80])
    Console().print(table)


@app.command("export")
@handles_errors
def export_command(out: Path = typer.Option(..., "--out", help="CSV file to write (UTF-8 with BOM)."),
                   actor: str = ActorOption, entity: str = EntityOption, since: str = SinceOption,
                   json_out: bool = JsonOption) -> None:
    """Every matching entry as CSV; cells a spreadsheet would run as formulas are written as text."""
    cfg = settings()
    count = service.export_csv(cfg, cli_principal(cfg), out, actor, entity, service.parse_since(since))
    print_json(dict(out=str(out), entries=count)) if json_out else typer.echo(f"{count} entries written to {out}")
