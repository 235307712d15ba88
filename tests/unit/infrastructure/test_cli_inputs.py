"""`trekant infra cba FILE` on bad inputs: one clear line per problem on stderr, exit 1, no traceback."""

import json

import pytest
import yaml
from typer.testing import CliRunner

from trekant.cli.main import app

from .test_io_project import MINIMAL

runner = CliRunner()


def _file(tmp_path, **changes):
    doc = yaml.safe_load(yaml.safe_dump(MINIMAL))
    for path, value in changes.items():
        target = doc
        *parents, last = path.split("__")
        for part in parents:
            target = target[part]
        target[last] = value
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("changes, needle", [
    (dict(costs__construction_dkk={2028: -10.0}), "costs.construction_dkk.2028"),
    (dict(costs__construction_dkk={}), "no construction cost given"),
    (dict(opening_year=2026), "opening year 2026 is not after construction"),
])
def test_bad_project_file(tmp_path, empty_env, changes, needle):
    result = runner.invoke(app, ["infra", "cba", _file(tmp_path, **changes)])
    assert result.exit_code == 1
    assert needle in result.stderr
    assert "Traceback" not in result.output


def test_unknown_parameter_set(tmp_path, empty_env):
    result = runner.invoke(app, ["infra", "cba", _file(tmp_path), "--params", "nope"])
    assert result.exit_code == 1 and "unknown parameter set 'nope'" in result.stderr


def test_no_irr_says_why_and_exits_1(tmp_path, empty_env):
    path = _file(tmp_path, effects={"quantities": {}}, lifetime_years=1)
    result = runner.invoke(app, ["infra", "cba", path, "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["irr"] is None
    assert "IRR does not exist" in result.stderr


def test_a_good_file_needs_no_store(tmp_path, empty_env):
    result = runner.invoke(app, ["infra", "cba", _file(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["params"] == "fm2023"


def test_missing_file_is_one_line(tmp_path, empty_env):
    result = runner.invoke(app, ["infra", "cba", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 1 and "file not found" in result.stderr


def test_params_command_lists_and_shows_sources(empty_env):
    listed = runner.invoke(app, ["infra", "params", "--json"])
    assert {p["name"] for p in json.loads(listed.stdout)} >= {"fm2023", "fm2017"}
    shown = json.loads(runner.invoke(app, ["infra", "params", "fm2023", "--json"]).stdout)
    assert shown["net_tax_factor"] == 1.28 and shown["sources"]
