"""Helpers for the economy integration tests (the store fixtures come from tests/conftest.py)."""

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app


@pytest.fixture
def run():
    """Invoke `trekant …` and return the CliRunner result."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    return invoke


@pytest.fixture
def run_json(run):
    def invoke(*args: str):
        result = run(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return invoke
