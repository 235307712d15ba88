"""Demo plan through `trekant init`, --without-demo, idempotence, and the strategy KPI (both backends)."""

import json

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.plan.defaults import load_defaults
from trekant.plan.kpis import SOURCES
from trekant.region.service import LoadContext, read_dataset
from trekant.store.schema.plan import plan_designation, plan_frame
from trekant.store.store import Store
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()


@pytest.fixture(scope="module")
def dataset():
    """The default region as `trekant init` reads it (read once: it takes seconds)."""
    return read_dataset()


def init(settings, dataset, with_demo=True) -> dict:
    """What `trekant init` does for the plan module: its loader, in one transaction."""
    store = Store.from_settings(settings)
    with store.begin() as conn:
        loaded = load_defaults(conn, LoadContext(settings, dataset, with_demo, "test"))
    store.dispose()
    return loaded


def _count(settings, table, demo=True) -> int:
    store = Store.from_settings(settings)
    with store.connect() as conn:
        n = conn.execute(select(func.count()).select_from(table).where(table.c.is_demo.is_(demo))).scalar_one()
    store.dispose()
    return n


def test_init_loads_the_demo_once(store_env, dataset):
    before = (_count(store_env, plan_frame), _count(store_env, plan_designation))
    assert before[0] > 0 and before[1] > 0
    result = init(store_env, dataset)  # the fixture's store was built by `trekant init`: this is the second run
    assert result["frames_written"] == 0 and result["designations_written"] == 0
    assert (_count(store_env, plan_frame), _count(store_env, plan_designation)) == before


def test_check_shows_the_demo_findings_and_says_demo(store_env):
    result = json.loads(runner.invoke(app, ["plan", "check", "--json"]).stdout)
    assert result["demo"] is True
    assert len(result["conflicts"]) == 3
    assert len(result["unequal_conditions"]) == 1 and len(result["border_overlaps"]) == 1
    table = runner.invoke(app, ["plan", "check"]).stdout
    assert "DEMO" in table


def test_without_demo_removes_it_and_keeps_real_frames(store_env, dataset, tmp_path):
    s = border_segment(KOLDING, VEJLE)
    real = write_geojson(tmp_path / "real.geojson", [frame("R-1", VEJLE, 11, s.rect(100, 400))])
    assert runner.invoke(app, ["plan", "import", str(real)]).exit_code == 0
    init(store_env, dataset, with_demo=False)
    assert _count(store_env, plan_frame) == 0 and _count(store_env, plan_designation) == 0
    assert _count(store_env, plan_frame, demo=False) == 1
    result = json.loads(runner.invoke(app, ["plan", "check", "--json"]).stdout)
    assert result["demo"] is False and result["frames"] == 1


def test_open_conflicts_kpi(store_env, dataset, tmp_path):
    store = Store.from_settings(store_env)
    with store.connect() as conn:
        demo_reading = SOURCES["plan.open_conflicts"](conn, store_env)
    store.dispose()
    assert demo_reading.value == 3.0 and demo_reading.is_demo and demo_reading.unit == "conflicts"
    assert demo_reading.history[-1][1] == 3.0
    init(store_env, dataset, with_demo=False)
    s = border_segment(KOLDING, VEJLE)
    features = [frame("R-1", VEJLE, 11, s.rect(100, 400)), frame("R-2", KOLDING, 31, s.rect(100, 400, side="a"), maxmiljo=6)]
    runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / "real.geojson", features))])
    with store.connect() as conn:
        reading = SOURCES["plan.open_conflicts"](conn, store_env)
    store.dispose()
    assert (reading.value, reading.is_demo) == (1.0, False)
