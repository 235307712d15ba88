"""Adversarial input to `trekant infra` through the real CLI (found in a review pass).

Each class of failure is one clear line naming the file and field, exit 1 (2 for usage), no
traceback, nothing written: .nan in a parameter set passed every range check (nan <= 3 is
false, so no error) and surfaced as a misleading "IRR does not exist"; a negative discount rate or
unit value, a 1e308 unit value (overflow warnings, then a meaningless NPV), a risk distribution
reaching 1e308 or below zero, a negative seed (numpy traceback), a score for a project that does
not exist (silently ignored), and an unwritable --out (traceback) all got through.
"""

from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.infrastructure.io.params import params_dir
from trekant.infrastructure.io.profile import profiles_dir
from trekant.store.schema.infrastructure import infra_project
from trekant.store.store import Store

runner = CliRunner()
PROJECT = "e45-e20-kolding-v"


def _edited(tmp_path: Path, shipped: Path, old: str, new: str) -> str:
    text = shipped.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / f"edited_{shipped.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(path)


def _one_clear_line(result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.mark.parametrize("old, new, field, says", [
    ("net_tax_factor: 1.28", "net_tax_factor: .nan", "net_tax_factor", "finite number"),
    ("rate: 0.035}", "rate: -0.035}", "discount_rates.0.rate", "greater than or equal to 0"),
    ("{value: 110,", "{value: -110,", "unit_values.value_of_time_commuting_dkk_per_h.value", "greater than or equal to 0"),
    ("{value: 110,", "{value: 1.0e308,", "unit_values.value_of_time_commuting_dkk_per_h.value", "less than or equal to"),
    ("2022: 113.46", "2022: 0", "price_index.values.2022", "greater than 0"),
])
def test_a_bad_parameter_set_names_the_field(empty_env, tmp_path, old, new, field, says):
    path = _edited(tmp_path, params_dir() / "fm2023.yaml", old, new)
    result = runner.invoke(app, ["infra", "cba", str(Path(__file__).parents[3] / "src/trekant/infrastructure/data/projects"
                                                     / "trekantomraadet" / f"{PROJECT}.yaml"), "--params", path])
    _one_clear_line(result, path, f"field {field}", says)


@pytest.mark.parametrize("spec, field, says", [
    ("construction_overrun: {distribution: triangular, low: 0.9, mode: 1.1, high: 1.0e308}", "construction_overrun", "at most 10"),
    ("construction_overrun: {distribution: triangular, low: -2, mode: -1, high: -0.5}", "construction_overrun", "above 0"),
    ("value_of_time: {distribution: lognormal, median: 1.0, sigma: 1.0e308}", "value_of_time", "at most 10"),
    ("traffic_growth: {distribution: fixed, value: .nan}", "traffic_growth.value", "finite number"),
    ("traffic_growth: {distribution: fixed, value: 1.0e308}", "traffic_growth", "at most 0.5"),
])
def test_a_bad_risk_spec_names_the_field(sqlite_env, tmp_path, spec, field, says):
    path = tmp_path / "spec.yaml"
    path.write_text(spec + "\n", encoding="utf-8")
    result = runner.invoke(app, ["infra", "risk", PROJECT, "--draws", "100", "--spec", str(path)])
    _one_clear_line(result, str(path), f"field {field}", says)


def test_a_negative_seed_is_a_usage_error(sqlite_env):
    result = runner.invoke(app, ["infra", "risk", PROJECT, "--draws", "100", "--seed", "-1"])
    assert result.exit_code == 2 and "--seed" in result.stderr


@pytest.mark.parametrize("old, new, field", [
    ("seed: 1}", "seed: -1}", "stability.seed"),
    ("top_k: 3", "top_k: 99", "stability.top_k"),
    ("illustrative: true", "scores: {no-such-project: {climate: 3}}\nillustrative: true", "scores.no-such-project"),
])
def test_a_bad_profile_names_the_field(sqlite_env, tmp_path, old, new, field):
    path = _edited(tmp_path, profiles_dir() / "default.yaml", old, new)
    result = runner.invoke(app, ["infra", "rank", "--profile", path])
    _one_clear_line(result, path, f"field {field}")


def test_a_base_year_centuries_before_construction_is_refused(sqlite_env):
    result = runner.invoke(app, ["infra", "cba", PROJECT, "--base-year", "-5"])
    _one_clear_line(result, "field base_year", "-5")


def test_a_union_field_is_reported_once(sqlite_env, tmp_path):
    shipped = Path(__file__).parents[3] / "src/trekant/infrastructure/data/projects/trekantomraadet" / f"{PROJECT}.yaml"
    path = _edited(tmp_path, shipped, "length_km: 7\n", "length_km: .inf\n")
    result = runner.invoke(app, ["infra", "import", path])
    _one_clear_line(result, path, "field facts.length_km:", "finite number")


def _project_count(settings) -> int:
    store = Store.from_settings(settings)
    with store.connect() as conn:
        count = conn.execute(select(func.count()).select_from(infra_project)).scalar_one()
    store.dispose()
    return count


@pytest.mark.parametrize("where", ["a_file", "under_a_file", "scratch_blocked"])
def test_an_unwritable_out_is_one_line_and_leaves_no_files(sqlite_env, tmp_path, where, monkeypatch):
    blocker = tmp_path / "a_file.txt"
    blocker.write_text("keep me")
    out = {"a_file": blocker, "under_a_file": blocker / "sub", "scratch_blocked": tmp_path / "out"}[where]
    if where == "scratch_blocked":  # the last writer fails after the YAML files were written
        import trekant.infrastructure.io.geo as io_geo

        def fail(*_args, **_kwargs):
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(io_geo, "write_geometries", fail)
    before = _project_count(sqlite_env)
    result = runner.invoke(app, ["infra", "export", "--out", str(out), "--format", "yaml,gpkg"])
    _one_clear_line(result, str(out))
    assert blocker.read_text() == "keep me"
    if where == "scratch_blocked":
        assert list(out.iterdir()) == []  # no YAML file of the half-done export, no scratch folder
    assert _project_count(sqlite_env) == before
