"""One language per output: Danish by default, English with the global --lang en (beside TREKANT_LANGUAGE);
and `region show` tells a newcomer what to try next (not in --json)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from trekant.cli.main import app

runner = CliRunner()


def _out(*args, env=None) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200", **(env or {})})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_lang_chooses_the_language_of_tables_and_help(sqlite_env, monkeypatch):
    monkeypatch.delenv("TREKANT_LANGUAGE", raising=False)
    danish, english = _out("region", "show"), _out("--lang", "en", "region", "show")
    assert "Folketal" in danish and "Population" not in danish
    assert "Population" in english and "Folketal" not in english
    assert "Folketal" in _out("--lang", "da", "region", "show", env={"TREKANT_LANGUAGE": "en"})  # the option wins
    assert "Population" in _out("region", "show", env={"TREKANT_LANGUAGE": "en"})
    assert "Regionen og dens kommuner." in _out("--help") and "The region and its municipalities." in _out("--lang", "en", "--help")
    assert _out("region", "show") == danish  # --lang lasts one run


def test_region_show_ends_with_what_to_try_next(sqlite_env):
    shown = _out("region", "show")
    hint = shown[shown.index("Prøv også:"):]
    for command in ("trekant plan check", "trekant energy accounts", "trekant economy growth -i population",
                    "trekant infra rank", "trekant strategy status"):
        assert command in hint
    assert "Try next:" in _out("--lang", "en", "region", "show")
    assert isinstance(json.loads(_out("region", "show", "--json")), list)  # JSON stays pure


def test_every_next_step_runs(sqlite_env):
    from trekant.cli.region import NEXT_STEPS

    for command in NEXT_STEPS:
        result = runner.invoke(app, command.split()[1:] + ["--json"])
        assert result.exit_code == 0, (command, result.output[-500:])
