"""The economy's init hook: idempotent, demo data flagged, and absent under --without-demo."""

from sqlalchemy import func, select

from trekant.economy.defaults import load_defaults
from trekant.region.service import LoadContext
from trekant.store.schema.core import indicator, indicator_value
from trekant.store.store import Store


def _demo_state(settings) -> tuple[int, bool | None]:
    store = Store.from_settings(settings)
    try:
        with store.connect() as conn:
            count = conn.execute(select(func.count()).select_from(indicator_value)
                                 .where(indicator_value.c.indicator_key == "employment_by_industry")).scalar_one()
            flag = conn.execute(select(indicator.c.is_demo).where(indicator.c.key == "employment_by_industry")).scalar()
    finally:
        store.dispose()
    return count, flag


def test_init_twice_changes_nothing_and_without_demo_removes_it(store_env):
    count, flag = _demo_state(store_env)
    # 99 areas with LBESK69 values (98 municipalities + Christiansø) × 17 years (Q4 2008–2024) × 11 groups
    assert count == 99 * 17 * 11 and flag is True
    _load(store_env, with_demo=True)  # what a second `trekant init` runs (the hook needs no dataset)
    assert _demo_state(store_env) == (count, True)
    assert _load(store_env, with_demo=False)["demo_values"] == 0
    assert _demo_state(store_env) == (0, None)


def _load(settings, with_demo: bool) -> dict:
    store = Store.from_settings(settings)
    try:
        with store.begin() as conn:
            return load_defaults(conn, LoadContext(settings, None, with_demo, "test"))
    finally:
        store.dispose()
