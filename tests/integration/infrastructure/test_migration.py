"""The infrastructure migration branch downgrades cleanly and upgrades again, on both backends."""

from sqlalchemy import inspect, text

from trekant.store import migrate
from trekant.store.store import Store

TABLES = {"infra_project", "infra_project_municipality", "infra_project_source"}


def test_downgrade_and_upgrade_the_infrastructure_branch(store_env):
    store = Store.from_settings(store_env)
    try:
        with store.begin() as conn:
            migrate.downgrade(conn, "infrastructure@-1")  # only this domain's revision
        with store.connect() as conn:
            assert not TABLES & set(inspect(conn).get_table_names())
            assert "municipality" in inspect(conn).get_table_names()  # the foundation is untouched
            if store.is_sqlite:
                left = conn.execute(text("SELECT count(*) FROM gpkg_contents WHERE table_name LIKE 'infra%'")).scalar_one()
                assert left == 0
        with store.begin() as conn:
            migrate.upgrade(conn)
        with store.connect() as conn:
            assert TABLES <= set(inspect(conn).get_table_names())
            assert migrate.is_current(conn)
    finally:
        store.dispose()
