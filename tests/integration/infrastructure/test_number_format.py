"""Numbers in tables: Danish notation by default (1.300,0), English under TREKANT_LANGUAGE=en."""

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.i18n import number, percent


@pytest.mark.parametrize("value, spec, danish, english", [
    (1300.0, ",.1f", "1.300,0", "1,300.0"),
    (1234567.891, ",.2f", "1.234.567,89", "1,234,567.89"),
    (0.5, ".3f", "0,500", "0.500"),
    (-0.04, ",.1f", "0,0", "0.0"),          # rounds to zero: no '-0,0'
    (-2500.25, ",.1f", "-2.500,2", "-2,500.2"),  # round half to even on the binary value 2500.25
    (631000000.0, ",", "631.000.000,0", "631,000,000.0"),
    (None, ",.1f", "–", "–"),
])
def test_number(value, spec, danish, english):
    assert number(value, spec, "da") == danish
    assert number(value, spec, "en") == english


def test_percent():
    assert percent(0.138, 1, "da") == "13,8 %"
    assert percent(0.138, 1, "en") == "13.8%"
    assert percent(1.0, 0, "da") == "100 %"
    assert percent(None, 1, "da") == "–"


runner = CliRunner()


@pytest.mark.parametrize("language, shown", [("da", "1.300,0"), ("en", "1,300.0")])
def test_the_portfolio_table_speaks_the_language(store_env, monkeypatch, language, shown):
    # The three Billund rail alignments cost 1,300 million DKK each in the shipped project files.
    monkeypatch.setenv("TREKANT_LANGUAGE", language)
    result = runner.invoke(app, ["infra", "list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    billund = [line for line in result.stdout.splitlines() if "billund-rail" in line]
    assert len(billund) == 3 and all(shown in line for line in billund)


def test_json_numbers_stay_plain(store_env):
    result = runner.invoke(app, ["infra", "list", "--json"])
    costs = {p["key"]: p["construction_total_dkk"] for p in json.loads(result.stdout)}
    assert costs["billund-rail-gadbjerg"] == 1_300_000_000.0
