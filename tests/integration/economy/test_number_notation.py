"""Economy tables write numbers the Danish way by default (104.933; +10,31 %), English on request."""

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app

# Vejle's population (StatBank FOLK1AM/BY1, as pinned in test_analyses): 104,933 in 2008Q1 and
# 115,748 in 2020Q1, so the change is 10,815 and 100 * (115748 / 104933 - 1) = 10.3066 %.
CELLS = {
    "da": ("104.933", "115.748", "10.815", "+10,31 %"),
    "en": ("104,933", "115,748", "10,815", "+10.31 %"),
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_growth_table_numbers(store_env, monkeypatch, language):
    monkeypatch.setenv("TREKANT_LANGUAGE", language)
    result = CliRunner().invoke(app, ["economy", "growth", "-i", "population", "--area", "Vejle",
                                      "--from", "2008Q1", "--to", "2020Q1"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    [vejle] = [line for line in result.stdout.splitlines() if "Vejle" in line and "│" in line]
    for cell in CELLS[language]:
        assert cell in vejle, (cell, vejle)


def test_pct_groups_thousands_and_has_no_negative_zero():
    from trekant.economy.labels import pct

    assert pct(1234.5, "da") == "+1.234,50 %"
    assert pct(1234.5, "en") == "+1,234.50 %"
    assert pct(-4.8654, "da") == "-4,87 %"
    assert pct(None, "da") == "–"
