"""The plan branch of the schema downgrades and upgrades again on both backends."""

from sqlalchemy import inspect, text

from trekant.store import migrate
from trekant.store.store import Store


LAYER_TABLES = {"plan_local_plan", "plan_subarea", "plan_zone", "plan_quality"}


def test_plan_branch_down_and_up(store_env):
    store = Store.from_settings(store_env)
    with store.begin() as conn:
        migrate.downgrade(conn, "plan@-1")  # 0101_plan_layers: the layer family and the frames' new fields go
        tables = set(inspect(conn).get_table_names())
        assert not tables & LAYER_TABLES and "plan_frame" in tables
        assert {"plantype", "bebygpctaf", "komplan_id"}.isdisjoint(c["name"] for c in inspect(conn).get_columns("plan_frame"))
        if conn.dialect.name == "sqlite":
            names = {r[0] for r in conn.execute(text("SELECT table_name FROM gpkg_contents WHERE table_name LIKE 'plan_%'"))}
            assert names == {"plan_frame", "plan_designation"}
        migrate.downgrade(conn, "plan@-1")  # 0100_plan_frames: the plan tables go
        tables = set(inspect(conn).get_table_names())
        assert "plan_frame" not in tables and "plan_designation" not in tables
        assert "municipality" in tables  # the foundation stays
        if conn.dialect.name == "sqlite":
            left = conn.execute(text("SELECT count(*) FROM gpkg_contents WHERE table_name LIKE 'plan_%'")).scalar_one()
            assert left == 0
        migrate.upgrade(conn)
        assert {"plan_frame", "plan_designation"} | LAYER_TABLES <= set(inspect(conn).get_table_names())
        assert migrate.is_current(conn)
    store.dispose()
