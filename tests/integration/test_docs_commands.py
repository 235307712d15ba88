"""Every `trekant …` command line shown in README.md and docs/*.md is true (issue 9, first impressions).

A line whose words are all real (no FILE, KEY, [--option], …, |) is run as written on a fresh copy of
the default store, in a scratch folder, and must succeed. A template line (placeholders) must name
a command that exists and options that command has. Fetches (the internet) and `serve` (runs until
stopped) are checked as templates only, and so is every later line of a code block after one.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from trekant.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
OFFLINE_ONLY = ("fetch", "serve")  # never run: the internet, or a server that runs until stopped
PLACEHOLDER = re.compile(r"^[A-Z][A-Z0-9_]*(\.\w+)?(\[.*)?$|…|\||\[|\]|<|>|^\.\.\.$|^\w+\.(csv|xlsx|yaml|json|px|gpkg)$")


@dataclass(frozen=True)
class Shown:
    source: str
    line: str
    runnable: bool

    def __str__(self) -> str:
        return f"{self.source}: {self.line}"


def _words(line: str) -> list[str]:
    line = re.sub(r"\s+#.*$", "", line)  # a trailing comment
    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


def _command(line: str) -> str | None:
    """The `trekant …` part of a shell line (after VAR=value prefixes and .venv/bin/), or None."""
    match = re.match(r"^(?:\$\s+)?(?:[A-Z_]+=\S+\s+)*(?:\.venv/bin/)?(trekant(?:\s.*)?)$", line.strip())
    return match.group(1).strip() if match else None


def shown_commands() -> list[Shown]:
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S):
            stop = False
            for raw in block.replace("\\\n", " ").splitlines():
                line = _command(raw)
                if line is None:
                    continue
                words = _words(line)
                template = any(PLACEHOLDER.search(w) for w in words[1:]) or "<<<" in line
                stop = stop or any(w in OFFLINE_ONLY for w in words)
                found.append(Shown(path.name, line, not (template or stop)))
        for line in re.findall(r"`(trekant(?: [^`]*)?)`", re.sub(r"```.*?```", "", text, flags=re.S)):
            words = _words(line.replace("\\|", "|"))
            template = any(PLACEHOLDER.search(w) for w in words[1:]) or any(w in OFFLINE_ONLY for w in words)
            found.append(Shown(path.name, line.replace("\\|", "|"), not template))
    return found


GLOBAL_OPTIONS = ("--lang",)  # the root's options that take a value and may stand before the group


def _resolve(words: list[str]):
    """(the click command the words name, the words after its path)."""
    command = typer.main.get_command(app)
    rest = list(words)
    while len(rest) >= 2 and rest[0] in GLOBAL_OPTIONS:
        rest = rest[2:]
    while rest and hasattr(command, "commands") and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
        if hasattr(command, "real"):
            command = command.real()
    return command, rest


def is_reference(line: str) -> bool:
    """`trekant plan export` in a sentence: the command's name only, for a command that needs more to run."""
    command, rest = _resolve(_words(line)[1:])
    return not rest and (hasattr(command, "commands") or any(p.required for p in command.params))


SHOWN = shown_commands()
RUNNABLE = sorted({s.line: s for s in SHOWN if s.runnable and not is_reference(s.line)}.values(), key=str)


@pytest.mark.parametrize("shown", SHOWN, ids=str)
def test_a_shown_command_exists_with_its_options(shown):
    words = _words(shown.line.replace("[", " ").replace("]", " ").replace("|", " "))[1:]
    command, rest = _resolve(words)
    assert not hasattr(command, "commands") or not rest or not re.fullmatch(r"[a-z][a-z-]*", rest[0]), \
        f"{shown}: no command {rest[0]!r}"
    options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)} | {"--help"}
    named = {w.split("=")[0] for w in rest if w.startswith("-") and w not in ("-", "--")}
    assert named <= options, f"{shown}: unknown option(s) {sorted(named - options)}"


@pytest.mark.parametrize("shown", RUNNABLE, ids=str)
def test_a_runnable_command_runs_as_written(shown, sqlite_env, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, _words(shown.line)[1:])
    assert result.exit_code == 0, f"{shown}\n{result.output[-1500:]}"


def test_the_readme_shows_whole_commands():
    """The README's table is what a newcomer types: no command there may lack what it needs (-i, a scenario)."""
    assert [str(s) for s in SHOWN if s.source == "README.md" and s.runnable and is_reference(s.line)] == []


def test_the_extraction_finds_what_the_readme_shows():
    lines = {s.line for s in SHOWN if s.source == "README.md"}
    assert {"trekant region show", "trekant plan check", "trekant strategy status"} <= lines
    assert {s.line for s in RUNNABLE} >= {"trekant region show", "trekant plan check"}


def test_the_architecture_names_only_what_exists():
    """docs/architecture.md's layout lists folders and modules of src/trekant; one not there yet says so."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    layout = re.search(r"```\nsrc/trekant/\n(.*?)```", text, re.S).group(1)
    missing, named = [], []
    for line in layout.splitlines():
        if not line.startswith("  ") or line.startswith("   "):
            continue  # a continuation line of a description
        for token in line.split():
            if not re.fullmatch(r"[a-z0-9_]+/|[a-z0-9_]+\.py", token):
                break  # the description begins
            named.append(token)
            exists = (ROOT / "src" / "trekant" / token).exists()
            if exists == ("being built" in line):  # missing unannounced, or built but still announced
                missing.append(token)
    assert {"settings.py", "csvfile.py", "store/", "plan/", "web/", "cli/"} <= set(named)
    assert missing == []
    # and the other way: every module and package of src/trekant has its line (before: bootstrap.py,
    # kpi.py, lazy.py, mapdata.py were not there, and reports/ was "being built" while built)
    present = {p.name + ("/" if p.is_dir() else "") for p in (ROOT / "src" / "trekant").iterdir()
               if not p.name.startswith("__") and (p.suffix == ".py" or (p / "__init__.py").exists())}
    assert sorted(present - set(named)) == []


def test_the_architecture_names_only_libraries_the_code_uses():
    """A part named in the table of chosen parts is imported somewhere in src/ (before: 'GeoAlchemy2 on
    PostGIS', while the store has its own geometry column type)."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "trekant").rglob("*.py"))
    for name, module in [("GeoAlchemy2", "geoalchemy2"), ("pymcdm", "pymcdm"), ("pyaxis", "pyaxis"),
                         ("pyjstat", "pyjstat"), ("Typst", "typst"), ("matplotlib", "matplotlib"),
                         ("pyogrio", "pyogrio"), ("PyPSA", "pypsa"), ("Alembic", "alembic")]:
        if name in text:
            assert re.search(rf"(import|from) {module}\b|\"{module}[.\"]", source), name
