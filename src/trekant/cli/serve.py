"""`trekant serve`: the web application on the store the settings point at."""

from __future__ import annotations

import ipaddress
import os

import typer

from trekant.cli.common import handles_errors, settings

LOOPBACK = "127.0.0.1"

@handles_errors
def serve_command(
    host: str = typer.Option(LOOPBACK, "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes (stateless; share the store)."),
    local_admin: bool = typer.Option(False, "--local-admin",
                                     help="Requests from this machine act as administrator (only with --host 127.0.0.1)."),
    forwarded_allow_ips: str = typer.Option(LOOPBACK, "--forwarded-allow-ips",
                                            help="Proxies whose X-Forwarded-For/-Proto are believed (comma-separated "
                                                 "addresses; the HTTPS proxy in front of trekant)."),
    init: bool = typer.Option(False, "--init",
                              help="Build the store first (as `trekant init`) when there is none or its schema is behind."),
) -> None:
    """Serve the web application: pages, JSON API (/api/) and OGC API Features (/ogc/).

    Without --local-admin it runs in accounts mode: people sign in at /sign-in, scripts send
    `Authorization: Bearer TOKEN` (docs/security.md).
    """
    from trekant.accounts.repo import count_accounts
    import uvicorn

    from trekant.web.app import LOCAL_ADMIN_ENV

    if local_admin and not _is_loopback(host):
        raise typer.BadParameter(f"needs --host {LOOPBACK}: it must never be reachable from the network",
                                 param_hint="--local-admin")
    cfg = settings()
    store = ready_store(cfg, init)
    try:
        with store.connect() as conn:
            accounts = count_accounts(conn)
    finally:
        store.dispose()
    os.environ[LOCAL_ADMIN_ENV] = "1" if local_admin else "0"
    mode = "local administrator from this machine" if local_admin else f"accounts mode, {accounts} account(s)"
    typer.echo(f"trekant: http://{host}:{port}/  (store: {store.describe()}; {mode}; Ctrl+C stops)")
    if not local_admin and accounts == 0:
        typer.echo("no accounts yet: create the first administrator with "
                   "`trekant users add NAME --role administrator --password-stdin`", err=True)
    uvicorn.run("trekant.web.app:create_app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level="warning", proxy_headers=True, forwarded_allow_ips=forwarded_allow_ips,
                server_header=False)


def ready_store(cfg, init: bool):
    """The store, checked (and with --init built or upgraded first, as `trekant init` would)."""
    from trekant.errors import StoreError
    from trekant.store.store import Store  # the web stack loads only when serving

    store = Store.from_settings(cfg)
    try:
        try:
            store.require()
        except StoreError:
            if not init:
                raise
            from trekant import bootstrap

            typer.echo(f"trekant init: {store.describe()} …")
            bootstrap.init(cfg)
            store.require()
    finally:
        store.dispose()
    return store


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
