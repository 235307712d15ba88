"""`trekant report …`: the file is written whole, --json says what was built, and every bad option is
one line on stderr with exit code 1 before any work is done."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.i18n import number
from trekant.infrastructure import service as infra

runner = CliRunner()
ONE = "little-belt-third-crossing"


def test_the_english_brief_of_one_project_on_another_parameter_set_as_pdf_with_json(sqlite_env, tmp_path):
    out = tmp_path / "out" / "brief.pdf"
    out.parent.mkdir()
    result = runner.invoke(app, ["report", "infra-brief", "--out", str(out), "--projects", ONE, "--params", "fm2017",
                                 "--lang", "en", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["path"] == str(out) and data["format"] == "pdf" and data["language"] == "en"
    assert data["published_only"] is False  # the CLI administers its own GeoPackage: the internal edition
    assert out.read_bytes().startswith(b"%PDF-") and data["bytes"] == out.stat().st_size
    assert data["pages"] >= 4 and data["figures"] == 2  # the list's NPV chart and the project's map
    assert sorted(p.name for p in out.parent.iterdir()) == ["brief.pdf"]  # nothing else left behind
    # --params: the ranking and every CBA figure on fm2017, not the profile's own set
    ranking = infra.rank(sqlite_env, params_name="fm2017").to_dict()
    assert ranking["params"] == "fm2017" != infra.rank(sqlite_env).to_dict()["params"]
    cba = infra.cba_report(sqlite_env, ONE, "fm2017", ranking["base_year"], ranking["price_year"])
    own = infra.cba_report(sqlite_env, ONE, "fm2023", ranking["base_year"], ranking["price_year"])
    assert round(cba["npv_dkk"] / 1e6) != round(own["npv_dkk"] / 1e6)  # the set matters for the figure shown
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert f"Parameter set: fm2017; price level {ranking['price_year']}" in text  # --lang en: English words
    assert f"Net present value DKK {number(cba['npv_dkk'] / 1e6, ',.0f', 'en')} m" in text  # and notation
    assert f"B/C {number(cba['bc_ratio'], ',.2f', 'en')}" in text


@pytest.mark.parametrize("args, says", [
    (["--out", "{tmp}/missing/r.pdf"], "r.pdf: the folder {tmp}/missing does not exist"),
    (["--out", "{tmp}/r.docx"], "r.docx: the output must end in .pdf or .html"),
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


def test_a_folder_is_no_output_file(sqlite_env, tmp_path):
    (tmp_path / "looks.pdf").mkdir()
    result = runner.invoke(app, ["report", "infra-brief", "--out", str(tmp_path / "looks.pdf")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{tmp_path / 'looks.pdf'}: is a folder; give a file name ending in .pdf or .html"
    assert list((tmp_path / "looks.pdf").iterdir()) == []


def test_status_refuses_an_unwritable_target_at_once(sqlite_env, tmp_path):
    result = runner.invoke(app, ["report", "status", "--out", str(tmp_path / "nowhere" / "s.html")])
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_an_unknown_document_language_is_a_usage_error(sqlite_env, tmp_path):
    result = runner.invoke(app, ["report", "status", "--out", str(tmp_path / "s.pdf"), "--lang", "de"])
    assert result.exit_code == 2 and "'de' is not a language; use da or en" in result.stderr
    assert not (tmp_path / "s.pdf").exists()
