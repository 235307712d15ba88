"""Energy tables write numbers the Danish way by default (1.234.567; 5,68; 87,5 %), English on request.

The table builders get a hand-made result, so each expected cell is formatted by hand below."""

import io

import pytest
from rich.console import Console

from trekant.cli import energy as cli


def _render(table) -> str:
    out = io.StringIO()
    Console(file=out, width=250).print(table)
    return out.getvalue()


ACCOUNT = dict(name="Vejle", year=2022, demo=False, factor_table="dk-default@1",
               by_sector_co2e_t={"transport": 12_345.6}, total_co2e_t=1_234_567.0, co2e_per_resident_t=5.678)


@pytest.mark.parametrize("language, cells", [
    ("da", ("12.346", "1.234.567", "5,68")),  # 12,345.6 rounds up to 12,346; 5.678 to 5.68
    ("en", ("12,346", "1,234,567", "5.68")),
])
def test_accounts_table(language, cells):
    text = _render(cli._accounts_table(ACCOUNT, language))
    for cell in cells:
        assert cell in text, (cell, text)


SWEEP = dict(scenario="today", method="simulation", demo=True, variants=1, simulate_s=0.25, results=[dict(
    vary={"electrolyser_mw": 2.5, "battery_mwh": 1500},
    import_mwh=1_500_000.4, export_mwh=0.0, critical_excess_mwh=None, co2_t=2_000.0,
    total_cost_dkk=3_250_000_000.0, hydrogen_produced_t=10.0, electrolyser_full_load_hours=4_321.0)])


@pytest.mark.parametrize("language, cells", [
    # the varied values are shown as given (no grouping); total cost in million DKK: 3,250,000,000 / 1e6 = 3,250
    ("da", ("2,5; 1500", "1.500.000", "3.250", "4.321", "0,250 s")),
    ("en", ("2.5, 1500", "1,500,000", "3,250", "4,321", "0.250 s")),
])
def test_sweep_table(language, cells):
    text = _render(cli._sweep_table(SWEEP, language))
    for cell in cells:
        assert cell in text, (cell, text)


def test_result_table_share_as_percent(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    result = dict(scenario="today", method="simulation", demo=False, price_gaps_filled=[], hours=8_759,
                  self_sufficiency_share=0.875, import_mwh=12_345.0, balances_mwh={}, capacities={})
    cli._print_result(result, "da")
    danish = capsys.readouterr().out
    cli._print_result(result, "en")
    english = capsys.readouterr().out
    assert "87,5 %" in danish and "8.759" in danish and "12.345" in danish
    assert "87.5%" in english and "8,759" in english and "12,345" in english
