"""The energy branch of the schema downgrades and upgrades cleanly (GeoPackage registry included)."""

from sqlalchemy import inspect, text

from trekant.store import migrate
from trekant.store.store import Store

ENERGY_TABLES = {"energy_factor_table", "energy_factor", "energy_activity", "energy_target", "energy_measure"}


def test_energy_branch_down_and_up(sqlite_env):
    store = Store.from_settings(sqlite_env)
    try:
        with store.begin() as conn:
            migrate.downgrade(conn, "energy@-2")  # 0201 and 0200: the whole energy branch
            assert not ENERGY_TABLES & set(inspect(conn).get_table_names())
            listed = {r[0] for r in conn.execute(text("SELECT table_name FROM gpkg_contents"))}
            assert not ENERGY_TABLES & listed and "municipality" in listed
            migrate.upgrade(conn)
            assert ENERGY_TABLES <= set(inspect(conn).get_table_names())
            listed = {r[0] for r in conn.execute(text("SELECT table_name FROM gpkg_contents"))}
            assert ENERGY_TABLES <= listed
    finally:
        store.dispose()
