"""The plan branch of the schema downgrades and upgrades again on both backends."""

from sqlalchemy import inspect, text

from trekant.store import migrate
from trekant.store.store import Store


def test_plan_branch_down_and_up(store_env):
    store = Store.from_settings(store_env)
    with store.begin() as conn:
        migrate.downgrade(conn, "plan@-1")  # the plan branch has one revision
        tables = set(inspect(conn).get_table_names())
        assert "plan_frame" not in tables and "plan_designation" not in tables
        assert "municipality" in tables  # the foundation stays
        if conn.dialect.name == "sqlite":
            left = conn.execute(text("SELECT count(*) FROM gpkg_contents WHERE table_name LIKE 'plan_%'")).scalar_one()
            assert left == 0
        migrate.upgrade(conn)
        assert {"plan_frame", "plan_designation"} <= set(inspect(conn).get_table_names())
        assert migrate.is_current(conn)
    store.dispose()
