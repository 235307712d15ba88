"""Fixtures of the plan integration tests."""

import pytest

from trekant.plan import repo
from trekant.store.store import Store


@pytest.fixture
def plan_env(store_env):
    """store_env (both backends) without the demo plan, so hand-built frames meet no demo frames."""
    store = Store.from_settings(store_env)
    with store.begin() as conn:
        repo.delete_demo(conn)
    store.dispose()
    return store_env
