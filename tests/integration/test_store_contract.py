"""The store on both backends: migrations match the Core tables, and run down and up cleanly."""

from sqlalchemy import inspect

from trekant.store import migrate
from trekant.store.schema import all_tables
from trekant.store.store import Store


def _columns(conn) -> dict[str, set[str]]:
    inspector = inspect(conn)
    return {name: {c["name"] for c in inspector.get_columns(name)} for name in inspector.get_table_names()}


def test_migrated_schema_matches_the_core_tables(store_env):
    store = Store.from_settings(store_env)
    with store.connect() as conn:
        found = _columns(conn)
    store.dispose()
    for name, table in all_tables().items():
        assert name in found, f"table {name} is defined in store/schema but no migration creates it"
        assert found[name] == {c.name for c in table.columns}, name


def test_downgrade_to_base_and_upgrade_again(store_env):
    store = Store.from_settings(store_env)
    with store.begin() as conn:
        migrate.downgrade(conn, "base")
        leftover = set(inspect(conn).get_table_names()) & set(all_tables())
        assert leftover == set()
        migrate.upgrade(conn)
        assert migrate.is_current(conn)
    store.dispose()


def test_an_older_store_is_refused_until_init_upgrades_it(store_env):
    """A store one migration behind (a domain branch not yet applied) is upgraded by `trekant init`."""
    from typer.testing import CliRunner

    from trekant.cli.main import app

    store = Store.from_settings(store_env)
    with store.begin() as conn:
        migrate.downgrade(conn, "infrastructure@-1")
        assert not migrate.is_current(conn)
    store.dispose()
    runner = CliRunner()
    refused = runner.invoke(app, ["region", "show", "--json"])
    assert refused.exit_code == 1 and "older schema" in refused.stderr and "trekant init" in refused.stderr
    assert runner.invoke(app, ["init", "--json"]).exit_code == 0
    with store.connect() as conn:
        assert migrate.is_current(conn)
    store.dispose()
    assert runner.invoke(app, ["region", "show", "--json"]).exit_code == 0
