"""`trekant report …`: the file is written whole, --json says what was built, and every bad option is
one line on stderr with exit code 1 before any work is done."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app

runner = CliRunner()
ONE = "little-belt-third-crossing"


def test_the_brief_of_one_project_as_pdf_with_json(sqlite_env, tmp_path):
    out = tmp_path / "out" / "brief.pdf"
    out.parent.mkdir()
    result = runner.invoke(app, ["report", "infra-brief", "--out", str(out), "--projects", ONE, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["path"] == str(out) and data["format"] == "pdf" and data["language"] == "da"
    assert data["published_only"] is False  # the CLI administers its own GeoPackage: the internal edition
    assert out.read_bytes().startswith(b"%PDF-") and data["bytes"] == out.stat().st_size
    assert data["pages"] >= 4 and data["figures"] == 2  # the list's NPV chart and the project's map
    assert sorted(p.name for p in out.parent.iterdir()) == ["brief.pdf"]  # nothing else left behind


@pytest.mark.parametrize("args, says", [
    (["--out", "{tmp}/missing/r.pdf"], "r.pdf: the folder {tmp}/missing does not exist"),
    (["--out", "{tmp}/r.docx"], "r.docx: the output must end in .pdf or .html"),
    (["--out", "{tmp}"], "is a folder; give a file name ending in .pdf or .html"),
    (["--out", "{tmp}/r.pdf", "--projects", "nope"], "no project 'nope' in the portfolio (known: "),
    (["--out", "{tmp}/r.pdf", "--params", "nope"], "params: unknown parameter set 'nope'; known: fm2017, fm2023"),
])
def test_bad_options_are_one_line_and_write_nothing(sqlite_env, tmp_path, args, says):
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(app, ["report", "infra-brief", *[a.format(tmp=folder) for a in args]])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says.format(tmp=folder) in lines[0]
    assert list(folder.iterdir()) == []


def test_status_refuses_an_unwritable_target_at_once(sqlite_env, tmp_path):
    result = runner.invoke(app, ["report", "status", "--out", str(tmp_path / "nowhere" / "s.html")])
    assert result.exit_code == 1 and "does not exist" in result.stderr
