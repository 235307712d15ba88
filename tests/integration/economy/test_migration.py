"""Revision 0401 (what a series measures) downgrades and upgrades on both backends, keeping the rules."""

from sqlalchemy import inspect, select

from trekant.store import migrate
from trekant.store.schema.economy import economy_indicator_rule
from trekant.store.store import Store


def _columns(conn) -> set[str]:
    return {c["name"] for c in inspect(conn).get_columns("economy_indicator_rule")}


def test_the_basis_columns_come_and_go_with_revision_0401(store_env):
    store = Store.from_settings(store_env)
    try:
        with store.begin() as conn:
            migrate.downgrade(conn, "0400_economy_indicator_rule")
        with store.connect() as conn:
            assert {"basis", "seasonally_adjusted"}.isdisjoint(_columns(conn))
            assert "additive" in _columns(conn)
        with store.begin() as conn:
            migrate.upgrade(conn)
        with store.connect() as conn:
            assert {"basis", "seasonally_adjusted"} <= _columns(conn) and migrate.is_current(conn)
            rows = conn.execute(select(economy_indicator_rule.c.indicator_key, economy_indicator_rule.c.basis)).all()
            # the rules survive; a re-added column starts empty until `trekant init` or an import fills it
            assert rows and all(basis == "" for _, basis in rows)
    finally:
        store.dispose()
