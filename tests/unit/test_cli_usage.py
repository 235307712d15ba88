"""Out-of-range option values are usage errors (exit 2), as the README promises, before any store is read.

Before: `plan where --class 9` was an input error (exit 1) found by the service.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app

runner = CliRunner()


@pytest.mark.parametrize("args, option", [
    (["plan", "where", "--class", "9"], "--class"),
    (["plan", "where", "--class", "0"], "--class"),
    (["plan", "check", "--touch-distance-m", "-1"], "--touch-distance-m"),
    (["plan", "import", "x.geojson", "--tolerance-m", "20000"], "--tolerance-m"),
    (["infra", "risk", "e45-vejle-skanderborg", "--draws", "0"], "--draws"),
    (["infra", "risk", "e45-vejle-skanderborg", "--optimism-bias", "400"], "--optimism-bias"),
    (["energy", "accounts", "--year", "1492"], "--year"),
    (["economy", "claim", "-i", "population", "--limit", "-1"], "--limit"),
    (["--lang", "fr", "region", "show"], "--lang"),
    # found in the audit of 2026-11-30: these ran (a 20-page report for 1492, an empty check) or exited 1
    (["report", "status", "-o", "r.pdf", "--year", "1492"], "--year"),
    (["plan", "check", "--consequence-zone-m", "-5"], "--consequence-zone-m"),
    (["users", "token", "admin", "--expires", "0"], "--expires"),
    (["users", "token", "admin", "--expires", "3651"], "--expires"),
])
def test_an_out_of_range_option_is_a_usage_error(tmp_path, monkeypatch, args, option):
    monkeypatch.setenv("TREKANT_DATA_DIR", str(tmp_path))  # no store: a usage error comes first
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert option in result.stderr


def test_the_cli_bound_on_draws_is_the_services():
    from trekant.cli.infra import MAX_DRAWS
    from trekant.infrastructure.risk import MAX_DRAWS as SERVICE_MAX_DRAWS

    assert MAX_DRAWS == SERVICE_MAX_DRAWS

