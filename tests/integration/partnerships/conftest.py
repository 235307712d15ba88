"""Helpers for the partnership integration tests (the store fixtures come from tests/conftest.py)."""

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app


class Partnerships:
    """`trekant partnerships …` in-process: call it for the CliRunner result, `.json(…)` for the parsed --json output."""

    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str):
        return self.runner.invoke(app, ["partnerships", *args])

    def json(self, *args: str):
        result = self(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture
def run() -> Partnerships:
    return Partnerships()


@pytest.fixture
def run_json(run):
    return run.json
