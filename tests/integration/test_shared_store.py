"""The process-wide store the web workers read through: one engine per URL, noticed when the
GeoPackage file is replaced or removed, never shared with a caller that did not ask for it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from trekant.bootstrap import init
from trekant.errors import StoreError
from trekant.store import store as store_mod
from trekant.store.store import reading, shared_store


def _frames(settings) -> int:
    with reading(settings) as conn:
        return conn.execute(text("SELECT count(*) FROM plan_frame")).scalar_one()


def test_one_engine_per_url_when_asked(store_env):
    shared = store_env.model_copy(update={"shared_engine": True})
    first = shared_store(shared.store_url, read_only=True)  # reading() opens a GeoPackage read-only
    assert shared_store(shared.store_url, read_only=True) is first
    with reading(shared) as conn:
        assert conn.engine is first.engine
    with reading(store_env) as conn:  # the CLI's settings: an engine of its own, disposed after
        assert conn.engine is not first.engine


def test_a_rebuilt_geopackage_is_reopened(sqlite_env):
    shared = sqlite_env.model_copy(update={"shared_engine": True})
    before = shared_store(shared.store_url)
    assert _frames(shared) > 0
    init(sqlite_env, force=True, with_demo=False)  # replaces the file (new inode)
    after = shared_store(shared.store_url)
    assert after is not before
    assert _frames(shared) == 0  # not the old file's demo frames


def test_a_removed_geopackage_is_reported(sqlite_env):
    shared = sqlite_env.model_copy(update={"shared_engine": True})
    shared_store(shared.store_url)
    sqlite_env.store_path.unlink()
    with pytest.raises(StoreError, match="trekant init"):
        shared_store(shared.store_url)


def test_only_a_few_stores_are_kept_open(tmp_path, sqlite_template):
    import shutil

    urls = []
    for i in range(store_mod.SHARED_STORES_KEPT + 2):
        path = tmp_path / f"s{i}.gpkg"
        shutil.copy(sqlite_template, path)
        urls.append(f"sqlite:///{path}")
        shared_store(urls[-1])
    assert len(store_mod._shared) <= store_mod.SHARED_STORES_KEPT
    assert (urls[-1], False) in store_mod._shared and (urls[0], False) not in store_mod._shared
