"""Every `trekant plan` command and option, and every import issue code, is in docs/plan.md."""

import re
from pathlib import Path

import typer

from trekant.cli.plan import app

DOC = (Path(__file__).parents[3] / "docs" / "plan.md").read_text(encoding="utf-8")
SOURCES = Path(__file__).parents[3] / "src" / "trekant" / "plan"


def test_every_command_and_option_is_documented():
    command = typer.main.get_command(app)
    for name, sub in command.commands.items():
        assert f"trekant plan {name}" in DOC, name
        for param in sub.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert option in DOC, f"{name} {option}"


def test_every_issue_code_is_documented():
    code_text = "".join(p.read_text(encoding="utf-8") for p in SOURCES.rglob("*.py"))
    codes = set(re.findall(r'"(?:error|warning)", "([a-z-]+)"', code_text))
    codes |= set(re.findall(r'file_issue\("([a-z-]+)"', code_text))
    codes |= set(re.findall(r'_issue\(source, "([a-z-]+)"', code_text))
    assert codes >= {"invalid-geometry", "too-small", "outside-municipality", "unknown-code", "missing-value",
                     "invalid-date", "duplicate-planid", "wrong-geometry-type", "missing-crs"}
    for code in codes:
        assert f"`{code}`" in DOC, code
