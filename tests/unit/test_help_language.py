"""Option and argument help speaks the language of the run: Danish by default, English with --lang en.

Group and command help come from HELP_DA (see test_startup.py); the help of every option and argument
comes from trekant.cli.help_da_options. A new option without a Danish line fails here, and so does a
line whose option no longer exists.
"""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from trekant.cli import help_da
from trekant.cli.help_da_options import OPTION_HELP_DA, SHARED_DA, param_key
from trekant.cli.main import app


def _commands(command, path=""):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        sub = sub.real() if hasattr(sub, "real") else sub
        yield from _commands(sub, f"{path} {name}".strip())


def _english_help():
    """Every (path, key, English help) of an option or argument that has help, the root's included."""
    for path, command in _commands(typer.main.get_command(app)):
        for param in help_da.parameters(command):
            english = getattr(param, "_help_en", None) or getattr(param, "help", None)
            if english:
                yield path, param_key(param), english


def test_every_option_and_argument_has_a_danish_line_and_no_line_is_stale():
    found = list(_english_help())
    assert len(found) > 300  # 80-odd commands; a walk that found nothing would pass the checks below
    missing, used = [], set()
    for path, key, english in found:
        full = f"{path} {key}".strip()
        if full in OPTION_HELP_DA:
            used.add(full)
        elif not (key in SHARED_DA and SHARED_DA[key][0] == english):
            missing.append(f"{full}: {english}")
    assert missing == []  # a new option needs its Danish line in help_da_options (or the shared English)
    assert sorted(set(OPTION_HELP_DA) - used) == []
    assert all(english != danish for english, danish in SHARED_DA.values())


def test_danish_lines_differ_from_the_english_they_replace():
    same = [f"{path} {key}" for path, key, english in _english_help()
            if OPTION_HELP_DA.get(f"{path} {key}".strip()) == english]
    assert same == []


def test_plan_import_option_help_follows_the_language_of_the_run():
    runner = CliRunner()
    danish = runner.invoke(app, ["plan", "import", "--help"], env={"COLUMNS": "300"})
    english = runner.invoke(app, ["--lang", "en", "plan", "import", "--help"], env={"COLUMNS": "300"})
    assert danish.exit_code == 0 and english.exit_code == 0
    # --skip-others, written out in full in each language
    assert "Med --municipality: udelad andre kommuners objekter (advarsel) i stedet for at afvise filen." \
        in danish.stdout
    assert "leave other municipalities' features out" not in danish.stdout
    assert ("With --municipality: leave other municipalities' features out (warning) instead of refusing "
            "the file.") in english.stdout
    assert "udelad andre kommuners objekter" not in english.stdout
    # the page's own words too: panel titles and the markers typer adds
    assert "Tilvalg" in danish.stdout and "[skal angives]" in danish.stdout and "[standard: 250.0]" in danish.stdout
    assert "Options" not in danish.stdout and "[required]" not in danish.stdout
    assert "Options" in english.stdout and "[required]" in english.stdout and "[default: 250.0]" in english.stdout
    assert "Tilvalg" not in english.stdout
    # one process switches back: Danish again, --json and --help included
    again = runner.invoke(app, ["plan", "import", "--help"], env={"COLUMNS": "300"}).stdout
    assert "Skriv resultatet som JSON på stdout." in again and "Vis denne hjælp og stop." in again


def test_english_by_environment_and_root_options():
    runner = CliRunner()
    english = runner.invoke(app, ["plan", "at", "--help"], env={"COLUMNS": "300", "TREKANT_LANGUAGE": "en"})
    assert "Easting (or longitude with --crs EPSG:4326)." in english.stdout
    root_da = runner.invoke(app, ["--help"], env={"COLUMNS": "300"}).stdout
    root_en = runner.invoke(app, ["--lang", "en", "--help"], env={"COLUMNS": "300"}).stdout
    assert "Vis versionen og stop." in root_da and "Show the version" not in root_da
    assert "Show the version and exit." in root_en and "Vis versionen" not in root_en
