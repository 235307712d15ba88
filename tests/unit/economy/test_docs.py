"""Every economy and strategy command is in its user guide (a new command must be documented)."""

from pathlib import Path

import pytest
import typer.main

from trekant.cli import economy, strategy

DOCS = Path(__file__).resolve().parents[3] / "docs"


def _commands(app, prefix: str) -> list[str]:
    group = typer.main.get_group(app)
    names = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            names += [f"{prefix} {name} {sub}" for sub in command.commands]
        else:
            names.append(f"{prefix} {name}")
    return names


@pytest.mark.parametrize("app, prefix, doc", [
    (economy.app, "trekant economy", "economy.md"), (strategy.app, "trekant strategy", "strategy.md")])
def test_commands_are_documented(app, prefix, doc):
    text = (DOCS / doc).read_text(encoding="utf-8")
    missing = [c for c in _commands(app, prefix) if c not in text and c.replace(f"{prefix} group ", "group ") not in text]
    assert missing == []
