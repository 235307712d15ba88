"""`trekant users …`: accounts, roles per municipality and API tokens (administrators only)."""

from __future__ import annotations

import sys

import typer

from trekant.accounts import rules, service
from trekant.cli.common import Console, JsonOption, Table, handles_errors, print_json, settings
from trekant.cli.identity import WHERE, cli_principal
from trekant.errors import InputError

app = typer.Typer(no_args_is_help=True)

RoleOption = typer.Option(..., "--role", help="administrator, editor, analyst or reader.")
MunicipalityOption = typer.Option(None, "--municipality", "-m",
                                  help="Municipality code an editor edits (repeat for several).")


def read_password(from_stdin: bool) -> str | None:
    """The password from standard input's first line (never an argument: it would stay in the shell history)."""
    if not from_stdin:
        return None
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise InputError("--password-stdin", reason="standard input held no password")
    return line


def _show_account(account, json_out: bool) -> None:
    if json_out:
        print_json(account.to_dict())
        return
    codes = ", ".join(account.municipalities)
    state = " (disabled)" if account.disabled else ""
    typer.echo(f"{account.name}: {account.role}{' of ' + codes if codes else ''}{state}")


@app.command("add")
@handles_errors
def add_command(name: str = typer.Argument(..., help="Account name."), role: str = RoleOption,
                municipality: list[str] = MunicipalityOption,
                password_stdin: bool = typer.Option(False, "--password-stdin",
                                                    help="Read the password from standard input (without it: "
                                                         "a token-only account that cannot sign in on the web)."),
                json_out: bool = JsonOption) -> None:
    """Create an account. The first account of a store must be an administrator."""
    cfg = settings()
    password = read_password(password_stdin)
    account = service.add_user(cfg, cli_principal(cfg), name, role, municipality or [], password, where=WHERE)
    _show_account(account, json_out)


@app.command("list")
@handles_errors
def list_command(json_out: bool = JsonOption) -> None:
    """Every account: role, municipalities, disabled, and its API tokens (id and first characters only)."""
    cfg = settings()
    users = service.list_users(cfg, cli_principal(cfg))
    if json_out:
        print_json(users)
        return
    table = Table(title="accounts")
    for column in ("name", "role", "municipalities", "disabled", "tokens"):
        table.add_column(column)
    for u in users:
        live = [f"{t['id']}:{t['prefix']}…" for t in u["tokens"] if t["revoked_at"] is None]
        table.add_row(u["name"], u["role"], ", ".join(u["municipalities"]), "yes" if u["disabled"] else "",
                      " ".join(live))
    Console().print(table)


@app.command("set-role")
@handles_errors
def set_role_command(name: str = typer.Argument(...), role: str = RoleOption,
                     municipality: list[str] = MunicipalityOption, json_out: bool = JsonOption) -> None:
    """Change an account's role (and an editor's municipalities); its web sessions end."""
    cfg = settings()
    _show_account(service.set_role(cfg, cli_principal(cfg), name, role, municipality or [], where=WHERE), json_out)


@app.command("disable")
@handles_errors
def disable_command(name: str = typer.Argument(...), json_out: bool = JsonOption) -> None:
    """Disable an account: it cannot sign in, its sessions end and its tokens stop working."""
    cfg = settings()
    _show_account(service.set_disabled(cfg, cli_principal(cfg), name, True, where=WHERE), json_out)


@app.command("enable")
@handles_errors
def enable_command(name: str = typer.Argument(...), json_out: bool = JsonOption) -> None:
    """Enable a disabled account again."""
    cfg = settings()
    _show_account(service.set_disabled(cfg, cli_principal(cfg), name, False, where=WHERE), json_out)


@app.command("password")
@handles_errors
def password_command(name: str = typer.Argument(...),
                     password_stdin: bool = typer.Option(..., "--password-stdin", help="Read it from standard input."),
                     json_out: bool = JsonOption) -> None:
    """Set an account's password (its web sessions end)."""
    cfg = settings()
    service.set_password(cfg, cli_principal(cfg), name, read_password(password_stdin), where=WHERE)
    print_json(dict(name=name, password="changed")) if json_out else typer.echo(f"{name}: password changed")


@app.command("token")
@handles_errors
def token_command(name: str = typer.Argument(...),
                  expires: int = typer.Option(None, "--expires", min=1, max=service.MAX_TOKEN_DAYS, help="Days until the token expires (default: never)."),
                  password_stdin: bool = typer.Option(False, "--password-stdin",
                                                      help="Prove NAME's password (from standard input) and issue "
                                                           "NAME's own token: how one gets a first TREKANT_TOKEN."),
                  json_out: bool = JsonOption) -> None:
    """Issue an API token for scripts (Authorization: Bearer TOKEN). It is shown this once; the store keeps a hash."""
    cfg = settings()
    if password_stdin:
        by = service.password_principal(cfg, name, read_password(True), where=WHERE)
    else:
        by = cli_principal(cfg)
    secret, info = service.issue_token(cfg, by, name, expires, where=WHERE)
    if json_out:
        print_json(dict(info.to_dict(), token=secret))
        return
    typer.echo(secret)
    expiry = info.expires_at.date().isoformat() if info.expires_at else "never"
    typer.echo(f"token {info.id} for {name}, expires {expiry}; it is shown only now", err=True)


@app.command("revoke-token")
@handles_errors
def revoke_token_command(name: str = typer.Argument(...),
                         token_id: int = typer.Option(None, "--id", help="The token's id (default: all of its tokens)."),
                         json_out: bool = JsonOption) -> None:
    """Revoke one API token of an account (--id) or all of them."""
    cfg = settings()
    revoked = service.revoke_token(cfg, cli_principal(cfg), name, token_id, where=WHERE)
    if json_out:
        print_json(dict(account=name, revoked=revoked))
        return
    typer.echo(f"{name}: revoked {len(revoked)} token(s){': ' + ', '.join(map(str, revoked)) if revoked else ''}")


@app.command("roles")
@handles_errors
def roles_command(json_out: bool = JsonOption) -> None:
    """The permission table: what each role may do (all, own municipalities, or nothing)."""
    rows = rules.table()
    if json_out:
        print_json(rows)
        return
    table = Table(title="role × action")
    table.add_column("action")
    for role in rules.ROLES_SHOWN:
        table.add_column(role)
    for row in rows:
        table.add_row(row["action"], *(row[r] or "–" for r in rules.ROLES_SHOWN))
    Console().print(table)
