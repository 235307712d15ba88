"""`trekant infra risk` on a stored project, on both backends."""

import json

import pytest

from typer.testing import CliRunner

from trekant.cli.main import app

runner = CliRunner()


def _risk(*args):
    return runner.invoke(app, ["infra", "risk", "e45-vejle-skanderborg", *args])


def _cba():
    return json.loads(runner.invoke(app, ["infra", "cba", "e45-vejle-skanderborg", "--json"]).stdout)


def test_risk_json_is_reproducible_and_centred_on_the_cba(store_env):
    first = _risk("--draws", "20000", "--seed", "5", "--json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    # The project file gives a construction-law budget holding the phase-2 reserve of a road on land,
    # 15 % (Ny Anlægsbudgettering, TRU alm. del spm. 169, 2022). The central draw (overrun mode 1.0 on
    # the base estimate, the project's own growth, values of time and CO2e price × 1.0) costs the
    # base estimate = budget ÷ 1.15, so central − CBA = (1 − 1/1.15) × −(PV construction + PV residual).
    cba = _cba()
    saved = (1 - 1 / 1.15) * -(cba["pv_items_dkk"]["construction"] + cba["pv_items_dkk"]["residual_value"])
    assert data["cba_npv_dkk"] == pytest.approx(cba["npv_dkk"], rel=1e-12)
    assert data["central_npv_dkk"] - cba["npv_dkk"] == pytest.approx(saved, rel=1e-9)
    assert data["costs"]["reserve_share"] == 0.15 and data["costs"]["basis"] == "budget_with_reserve"
    assert sum(data["histogram"]["counts"]) == 20_000
    assert data["p10_npv_dkk"] < data["p50_npv_dkk"] < data["p90_npv_dkk"]  # three uncertain inputs: a real spread
    assert data["illustrative"] is True
    assert "risk.distributions.construction_overrun (trekant default)" in data["illustrative_inputs"]
    assert [b["swing_dkk"] for b in data["tornado"]] == sorted((b["swing_dkk"] for b in data["tornado"]), reverse=True)
    assert json.loads(_risk("--draws", "20000", "--seed", "5", "--json").stdout) == data


def test_optimism_bias_scales_construction_and_its_residual_value(store_env):
    """+50 % on the base estimate (budget ÷ 1.15, see above) moves the NPV by 0.5/1.15 × (PV construction +
    PV residual value): the residual value is a share of the construction cost, and fm2023's tax
    distortion factor 1.0 adds nothing."""
    plain = json.loads(_risk("--draws", "5000", "--seed", "1", "--json").stdout)
    biased = json.loads(_risk("--draws", "5000", "--seed", "1", "--optimism-bias", "50", "--json").stdout)
    items = _cba()["pv_items_dkk"]
    expected = 0.5 / 1.15 * (items["construction"] + items["residual_value"])  # construction is negative
    assert biased["central_npv_dkk"] - plain["central_npv_dkk"] == pytest.approx(expected, rel=1e-9)
    assert biased["optimism_bias"] == 0.5


def test_a_spec_file_replaces_distributions(store_env, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("construction_overrun: {distribution: fixed, value: 1.0}\n"
                    "traffic_growth: {distribution: fixed, value: 0.01}\n"
                    "value_of_time: {distribution: fixed, value: 1.0}\n"
                    "co2_price: {distribution: fixed, value: 1.0}\n", encoding="utf-8")
    data = json.loads(_risk("--draws", "100", "--spec", str(spec), "--json").stdout)
    cba = json.loads(runner.invoke(app, ["infra", "cba", "e45-vejle-skanderborg", "--json"]).stdout)
    assert data["p10_npv_dkk"] == data["p90_npv_dkk"]
    # no uncertainty left: the CBA at the base estimate (budget ÷ 1.15)
    saved = (1 - 1 / 1.15) * -(cba["pv_items_dkk"]["construction"] + cba["pv_items_dkk"]["residual_value"])
    assert data["p50_npv_dkk"] == pytest.approx(cba["npv_dkk"] + saved, rel=1e-9)


def test_bad_options_and_spec_name_the_field(store_env, tmp_path):
    for option, value in (("--draws", "0"), ("--optimism-bias", "-5")):  # out of range: a usage error
        result = _risk(option, value)
        assert result.exit_code == 2 and option in result.stderr
    spec = tmp_path / "bad.yaml"
    spec.write_text("value_of_time: {distribution: triangular, low: 1.2, mode: 1.0, high: 1.4}\n", encoding="utf-8")
    result = _risk("--spec", str(spec))
    assert result.exit_code == 1 and "field value_of_time" in result.stderr
    assert "Traceback" not in result.output
