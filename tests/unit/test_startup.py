"""Start-up: the CLI answers --version and --help without loading the heavy libraries.

Every command used to import pandas, GeoPandas, SciPy and PyPSA before doing anything (1.2 s and
236 MB for `trekant --version`). These tests look at which modules a fresh interpreter holds after
importing the CLI, so they fail as soon as a module-level import brings one back.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from trekant.cli.main import COMMANDS, app
from trekant.store import migrate

HEAVY = ("pandas", "geopandas", "pypsa", "linopy", "scipy", "pyogrio", "alembic", "fastapi", "uvicorn")
CLI_MODULES = sorted({entry.module for entry in COMMANDS.values()})


def _loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.parametrize("code", [
    "import trekant.cli.main",
    "\n".join(f"import {name}" for name in CLI_MODULES),
], ids=["main", "every-cli-module"])
def test_importing_the_cli_loads_no_heavy_library(code):
    loaded = set(_loaded_after(code))
    assert [name for name in HEAVY if name in loaded] == []


def test_version_and_help_load_no_heavy_library():
    code = ("import sys\nfrom trekant.cli.main import app\n"
            "for args in (['--version'], ['--help'], ['plan', '--help'], ['energy', 'model', '--help']):\n"
            "    try:\n        app(args)\n    except SystemExit:\n        pass\n")
    loaded = set(_loaded_after(code))
    assert [name for name in HEAVY if name in loaded] == []


def test_every_command_group_is_listed_and_loads_on_use():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output
    result = CliRunner().invoke(app, ["energy", "model", "--help"])
    assert result.exit_code == 0 and "run" in result.output and "simulate" in result.output


def test_code_heads_without_alembic_match_alembics_own():
    from alembic.script import ScriptDirectory

    assert migrate.code_heads() == set(ScriptDirectory.from_config(migrate.alembic_config()).get_heads())


def test_version_is_written_once():
    """pyproject.toml reads the version from trekant.__version__ (no second copy to drift)."""
    import tomllib

    import trekant

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "trekant.__version__"}
    assert CliRunner().invoke(app, ["--version"]).output.strip() == f"trekant {trekant.__version__}"


def _paths(command, prefix=""):
    for name, sub in getattr(command, "commands", {}).items():
        sub = sub.real() if hasattr(sub, "real") else sub
        path = f"{prefix}{name}"
        yield path, sub
        yield from _paths(sub, path + " ")


def test_every_command_has_danish_help_and_no_stale_entry():
    from trekant.cli.help_da import HELP_DA

    paths = {path for path, _ in _paths(typer.main.get_command(app))}
    roots = set(COMMANDS)
    assert sorted(paths - roots - set(HELP_DA)) == []  # a new command needs its Danish help line
    assert sorted(set(HELP_DA) - paths) == []


def test_group_help_follows_the_language_of_the_run():
    danish = CliRunner().invoke(app, ["energy", "--help"], env={"COLUMNS": "200"}).stdout
    english = CliRunner().invoke(app, ["--lang", "en", "energy", "--help"], env={"COLUMNS": "200"}).stdout
    assert "Udledning pr. sektor og energibærer" in danish and "Emissions by sector" not in danish
    assert "Emissions by sector and carrier" in english and "Udledning pr. sektor" not in english


def test_region_show_loads_no_heavy_library(sqlite_env):
    """The first query a newcomer types stays light: before, region.service imported trekant.mapdata (for
    the web map) at its top, and with it pandas, 1.5 s of `region show` on a loaded machine."""
    code = ("from trekant.cli.main import app\n"
            "try:\n    app(['region', 'show', '--json'])\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n")
    loaded = set(_loaded_after(code))
    assert "trekant.region.service" in loaded  # the command ran
    assert [name for name in HEAVY + ("trekant.mapdata",) if name in loaded] == []
