"""The strategy KPI `energy.co2e_per_resident_t` agrees with `trekant energy accounts`."""

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.energy.kpis import SOURCES
from trekant.settings import Settings
from trekant.store.store import Store


def test_kpi_matches_accounts(store_env: Settings):
    store = Store.from_settings(store_env)
    try:
        with store.connect() as conn:
            reading = SOURCES["energy.co2e_per_resident_t"](conn, store_env)
    finally:
        store.dispose()
    assert reading.is_demo is True and reading.unit == "t CO2e per resident"
    assert [p for p, _ in reading.history] == ["2018", "2019", "2020", "2021", "2022"]
    result = CliRunner().invoke(app, ["energy", "accounts", "--year", reading.period, "--json"])
    account = json.loads(result.stdout)
    assert reading.value == pytest.approx(account["total_co2e_t"] / account["population"], abs=1e-3)
    assert "dk-default@2" in reading.source
