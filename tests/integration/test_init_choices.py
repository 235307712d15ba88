"""`trekant init` remembers --without-demo, and `init --force` does not discard users' work unasked.

Before: a second `init` re-added the demo data to a store built --without-demo, and `init --force`
wiped imported data without a word.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.store.schema.plan import plan_frame
from trekant.store.store import Store

runner = CliRunner()


def _demo_frames(settings) -> int:
    store = Store.from_settings(settings)
    try:
        with store.connect() as conn:
            return conn.execute(select(func.count()).select_from(plan_frame).where(plan_frame.c.is_demo)).scalar_one()
    finally:
        store.dispose()


def _init(*args):
    result = runner.invoke(app, ["init", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_without_demo_is_remembered_until_asked_otherwise(store_env):
    assert _demo_frames(store_env) > 0
    assert _init("--without-demo")["with_demo"] is False and _demo_frames(store_env) == 0
    assert _init()["with_demo"] is False and _demo_frames(store_env) == 0  # before: the demo came back
    assert _init("--with-demo")["with_demo"] is True and _demo_frames(store_env) > 0


def test_force_keeps_the_choice_too(store_env):
    _init("--without-demo")
    assert _init("--force")["with_demo"] is False and _demo_frames(store_env) == 0


def test_force_asks_before_discarding_users_changes(store_env):
    assert _init("--force")["rebuilt"] is True  # nothing but init's own data: no question
    added = runner.invoke(app, ["economy", "group", "add", "east", "--members", "0607,0621"])
    assert added.exit_code == 0
    refused = runner.invoke(app, ["init", "--force"])  # no terminal to ask on: refuse, saying what
    assert refused.exit_code == 1
    assert refused.stderr.strip() == ("`trekant init --force` would discard 1 change(s) to area_group (group.add): "
                                      "add --yes to go ahead")
    groups = json.loads(runner.invoke(app, ["economy", "group", "list", "--json"]).stdout)
    assert "east" in {g["key"] for g in groups}  # still there
    assert _init("--force", "--yes")["rebuilt"] is True
    groups = json.loads(runner.invoke(app, ["economy", "group", "list", "--json"]).stdout)
    assert "east" not in {g["key"] for g in groups}
