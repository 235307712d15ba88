"""Every `trekant partnerships` command and option, and every issue code, is in docs/partnerships.md."""

import re
from pathlib import Path

import typer

from trekant.cli.partnerships import app

ROOT = Path(__file__).parents[3]
DOC = (ROOT / "docs" / "partnerships.md").read_text(encoding="utf-8")


def _commands(group, prefix="trekant partnerships"):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_every_command_and_option_is_documented():
    for name, command in _commands(typer.main.get_command(app)):
        assert name.replace("trekant partnerships org ", "org ") in DOC or name in DOC, name
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option not in ("--help", "--json"):
                    assert option in DOC, f"{name} {option}"


def test_every_issue_code_is_documented():
    code_text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "trekant" / "partnerships").rglob("*.py"))
    codes = set(re.findall(r'(?:error|warning)\("([a-z-]+)"', code_text))
    codes |= set(re.findall(r'Issue\("(?:error|warning)", "([a-z-]+)"', code_text))
    assert {"unknown-municipality", "bad-cvr", "negative-amount", "end-before-start", "unknown-theme"} <= codes
    for code in codes:
        assert f"`{code}`" in DOC, code
