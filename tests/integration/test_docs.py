"""Documentation keeps up with the code: settings, commands, and the README's two commands."""

import re
from pathlib import Path

import typer

from trekant.cli.main import app
from trekant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _commands(group, prefix: str = ""):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):  # a group (Typer vendors its own click)
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_every_setting_is_documented():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"TREKANT_{name.upper()}" in text, name


# `serve` runs until stopped and answers over HTTP (JSON under /api/): it has nothing to print as JSON.
WITHOUT_JSON = {"serve"}


def test_every_command_has_json():
    root = typer.main.get_command(app)
    missing = [name for name, cmd in _commands(root)
               if name not in WITHOUT_JSON and not any("--json" in p.opts for p in cmd.params)]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.+?)\n```", readme)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in ci
    assert any("trekant init" in b for b in blocks)


def test_the_readmes_run_command_serves_the_web_application():
    """The first command of the README installs, builds the store when needed and serves: the
    end-to-end tests start exactly this `trekant serve --init` (tests/e2e/conftest.py)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.findall(r"```bash\n(.+?)\n```", readme)[0]
    assert "pip install" in first and first.endswith("trekant serve --init")
    serve = next(cmd for name, cmd in _commands(typer.main.get_command(app)) if name == "serve")
    assert any("--init" in p.opts for p in serve.params)
    e2e = (ROOT / "tests" / "e2e" / "conftest.py").read_text(encoding="utf-8")
    assert '"serve", "--init"' in e2e
