"""Regression tests from the adversarial review: every bad file or argument is one clear line per
problem (file, row or line, field), exit 1 (2 for usage), no traceback, nothing half-written.

One parametrised test per class of failure; the files are written by the test itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.energy.io.activity import read_activity
from trekant.energy.io.factors import read_factor_table
from trekant.energy.io.scenario import SCENARIO_DIR
from trekant.energy.io.targets import read_measures, read_targets

CODES = {"0630", "0607"}
GOOD = "municipality,year,sector,carrier,quantity,unit\n0630,2019,transport,diesel,100,MWh\n"
runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def one_line_error(result, *needles: str) -> None:
    """Exit 1, no traceback, and each needle on some stderr line."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    for needle in needles:
        assert any(needle in line for line in result.stderr.splitlines()), (needle, result.stderr)


# --- the CSV/XLSX table readers (activity, targets, measures, factors) -----------------------

FILES = {
    # name: (bytes, the (where, text) that must appear in the one issue)
    "directory": (None, ("file", "is a directory")),
    "utf16_bom.csv": (GOOD.encode("utf-16"), ("file", "UTF-16")),
    "utf16_no_bom.csv": (GOOD.encode("utf-16-le"), ("file", "UTF-16")),
    "latin1.csv": (GOOD.replace("MWh", "MWh,Kørsel").replace("unit", "unit,source").encode("latin-1"), ("row 2", "not UTF-8")),
    "tabs.csv": (GOOD.replace(",", "\t").encode(), ("row 1", "separate the columns")),
    "header_only.csv": (GOOD.splitlines()[0].encode() + b"\n", ("row 2", "no data rows")),
    "twice.csv": (b"municipality,municipality,year,sector,carrier,quantity,unit\n0630,0630,2019,transport,diesel,1,MWh\n",
                  ("row 1", "appears twice")),
    "open_quote.csv": (GOOD.encode() + b'0630,2020,transport,diesel,"1,MWh\n', ("row 3", "quote that is never closed")),
    "decimal_comma.csv": (b"municipality,year,sector,carrier,quantity,unit\n0630,2019,transport,diesel,1,5,MWh\n",
                          ("row 2", "7 cells but 6 columns")),
    "fake.xlsx": (GOOD.encode(), ("file", "cannot read as XLSX")),
}


@pytest.mark.parametrize("reader", [read_activity, read_targets, read_measures, lambda p, _codes: read_factor_table(p)],
                         ids=["activity", "targets", "measures", "factors"])
@pytest.mark.parametrize("name", list(FILES))
def test_unreadable_tables_are_one_issue(tmp_path, reader, name):
    content, (where, text) = FILES[name]
    path = tmp_path / name
    path.mkdir() if content is None else path.write_bytes(content)
    items, issues = reader(path, CODES)
    assert not items
    assert [(i.where, text in i.message) for i in issues] == [(where, True)], [i.line() for i in issues]
    assert issues[0].source == str(path)


@pytest.mark.parametrize("row, field", [
    ("t,1,diesel,,1e300,t CO2e/kWh,s,no", "value"),  # 1e303 t per MWh: a unit slip, not a fuel
    ("t,1,diesel,,inf,kg CO2/kWh,s,no", "value"),
    ("t,1,diesel,,nan,kg CO2/kWh,s,no", "value"),
])
def test_factor_values_that_are_not_plausible(tmp_path, row, field):
    path = tmp_path / "f.csv"
    path.write_text("name,version,carrier,year,value,unit,source,illustrative\n" + row + "\n", encoding="utf-8")
    table, issues = read_factor_table(path)
    assert [(i.where, i.field) for i in issues] == [("row 2", field)]


def test_lignite_factor_is_still_accepted(tmp_path):
    """The bound must not catch real fuels: lignite about 0.36 t CO2/MWh (IPCC 2006, 101 t CO2/TJ)."""
    path = tmp_path / "f.csv"
    path.write_text("name,version,carrier,year,value,unit,source,illustrative\n"
                    "t,1,fuel_oil,,101000,kg CO2/TJ,IPCC 2006 lignite,no\n", encoding="utf-8")
    table, issues = read_factor_table(path)
    assert issues == [] and table.factors[0].value == 101000


# --- through the CLI: imports write nothing on error ----------------------------------------------

@pytest.mark.parametrize("command", ["activity", "targets", "measures", "factors"])
def test_import_of_a_directory_is_one_line(sqlite_env, tmp_path, command):
    result = invoke("energy", command, "import", tmp_path)
    one_line_error(result, f"{tmp_path}: file: is a directory")


def test_a_factor_table_cannot_be_changed_under_the_same_version(sqlite_env, tmp_path):
    from trekant.energy.defaults import DEFAULT_FACTORS

    changed = tmp_path / "f.csv"
    changed.write_text(DEFAULT_FACTORS.read_text(encoding="utf-8").replace("0.204", "0.5", 1), encoding="utf-8")
    one_line_error(invoke("energy", "factors", "import", changed), "already holds dk-default@2 with other factors")
    # The identical table may be imported again (idempotent), and a new version is welcome.
    assert invoke("energy", "factors", "import", DEFAULT_FACTORS).exit_code == 0
    changed.write_text(changed.read_text(encoding="utf-8").replace("dk-default,2,", "dk-default,3,"), encoding="utf-8")
    assert invoke("energy", "factors", "import", changed).exit_code == 0


def test_empty_factor_spec_is_refused(sqlite_env):
    one_line_error(invoke("energy", "accounts", "--factors", "@"), "give NAME or NAME@VERSION")


# --- scenario YAML and profiles -------------------------------------------------------------------

def _today() -> dict:
    return yaml.safe_load((SCENARIO_DIR / "today.yaml").read_text(encoding="utf-8"))


def _scenario(tmp_path: Path, change) -> Path:
    data = _today()
    change(data)
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


SCENARIO_CASES = {
    "inf capacity": (lambda s: s["capacities"].update(onshore_wind={"mw": float("inf")}),
                     "field capacities.onshore_wind.mw: Input should be a finite number"),
    "nan price": (lambda s: s["prices"].update(gas_eur_per_mwh=float("nan")), "field prices.gas_eur_per_mwh"),
    "huge demand": (lambda s: s["demand"].update(electricity_mwh_per_year=1e308),
                    "field demand.electricity_mwh_per_year: Input should be less than or equal to"),
    "huge grid": (lambda s: s["grid"].update(import_mw=1e308), "field grid.import_mw"),
    "negative capacity": (lambda s: s["capacities"].update(solar={"mw": -1}), "field capacities.solar.mw"),
    "unknown technology": (lambda s: s["capacities"].update(nuclear={"mw": 5}), "field capacities: unknown technology nuclear"),
    "battery without hours": (lambda s: s["capacities"].update(battery={"mw": 5}), "field capacities: battery needs hours"),
    "profile is a directory": (lambda s: s.update(profiles="."), "is a directory"),
    "heat profile too short": (lambda s: s["heat_areas"][0].update(profile="short.csv:h"),
                               "heat_areas.0.profile: the profile has 100 hours"),
    "regional heat beside areas": (lambda s: s["demand"].update(district_heat_mwh_per_year=5),
                                   "with heat_areas, give district-heat demand and capacities per area"),
    "rfnbo rule": (lambda s: s.update(rfnbo="daily"), "field rfnbo.rule: Input should be 'none', 'monthly' or 'hourly'"),
}


@pytest.mark.parametrize("case", list(SCENARIO_CASES))
def test_bad_scenarios_name_the_field(tmp_path, case):
    change, needle = SCENARIO_CASES[case]
    (tmp_path / "short.csv").write_text("h\n" + "1\n" * 100, encoding="utf-8")
    one_line_error(invoke("energy", "model", "simulate", _scenario(tmp_path, change), "--hours", "24"), needle)


@pytest.mark.parametrize("text, encoding, needle", [
    ("name: x\n\tdemand: 1\n", "utf-8", "line 2, column 1: not valid YAML"),
    ("name: x\ndemand: {electricity_mwh_per_year: 1\n", "utf-8", "line 3"),  # truncated: the flow mapping never closes
    ("name: tødåy\n", "latin-1", "line 1: byte 7 is not UTF-8"),
    ("name: x\n", "utf-16", "UTF-16"),
])
def test_unreadable_scenario_files(tmp_path, text, encoding, needle):
    path = tmp_path / "s.yaml"
    path.write_bytes(text.encode(encoding))
    one_line_error(invoke("energy", "model", "run", path), needle)


def _profile(tmp_path: Path, edit) -> Path:
    lines = (SCENARIO_DIR.parent / "dk1_hourly_2017.csv").read_text(encoding="utf-8").splitlines()
    edit(lines)
    path = tmp_path / "p.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("edit, needle", [
    (lambda rows: rows.__setitem__(5, "not a time" + rows[5][rows[5].index(","):]), "row 6, field utc_timestamp: not an ISO timestamp"),
    (lambda rows: rows.__setitem__(5, ",".join(rows[5].split(",")[:2] + ["1e308"] * 6)),
     "row 6, field DK_1_load_actual_entsoe_transparency"),
    (lambda rows: rows.__setitem__(slice(3000, None), []), "the profile has 8759 hours, the year has 2999"),
])
def test_bad_profile_files(tmp_path, edit, needle):
    profile = _profile(tmp_path, edit)
    if "2999" in needle:  # a truncated weather year with a full-year heat series: lengths differ
        (tmp_path / "heat.csv").write_text("h\n" + "1\n" * 8759, encoding="utf-8")
        scenario = _scenario(tmp_path, lambda s: (s.update(profiles=str(profile)),
                                                  s["heat_areas"][0].update(profile="heat.csv:h")))
    else:
        scenario = _scenario(tmp_path, lambda s: s.update(profiles=str(profile)))
    one_line_error(invoke("energy", "model", "simulate", scenario, "--hours", "24"), needle)


# --- window, export and --vary arguments ------------------------------------------------------

@pytest.mark.parametrize("args, code, needle", [
    (("--hours", "0"), 2, "--hours"),
    (("--hours", "8760"), 1, "8760 hours from hour 0 do not fit the 8759 hours"),
    (("--start", "9000"), 1, "--start: hour 9000 is outside the profile year (0 … 8758"),
    (("--start", "-1"), 2, "--start"),
])
def test_window_arguments(args, code, needle):
    result = invoke("energy", "model", "simulate", "today", *args)
    assert result.exit_code == code and needle in result.stderr, result.output


@pytest.mark.parametrize("target, needle", [
    ("out.txt", "export to a .csv or .parquet file"),
    ("missing_dir/out.csv", "no such directory"),
    ("is_dir.csv", "is a directory"),
])
def test_bad_export_targets_fail_before_solving_and_leave_nothing(tmp_path, target, needle):
    (tmp_path / "is_dir.csv").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    one_line_error(invoke("energy", "model", "run", "today", "--hours", "24", "--export", tmp_path / target), needle)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_infeasible_run_leaves_no_export(tmp_path):
    scenario = _scenario(tmp_path, lambda s: s["heat_areas"][0].update(biomass={"mw": 0}, boiler={"mw": 0}))
    out = tmp_path / "out.csv"
    one_line_error(invoke("energy", "model", "run", scenario, "--hours", "24", "--export", out),
                   "the district heat (tvis) balance could not be met")
    assert not out.exists() and not list(tmp_path.glob(".out.csv*"))


@pytest.mark.parametrize("vary, needles", [
    (["electrolyser_mw=inf"], ["electrolyser_mw=inf: give one or more numbers between 0 and"]),
    (["electrolyser_mw=nan"], ["between 0 and"]),
    (["electrolyser_mw=1e308"], ["between 0 and"]),
    (["electrolyser_mw=-5"], ["between 0 and"]),
    (["electrolyser_mw=1", "electrolyser_mw=2"], ["given twice"]),
    (["nuclear_mw=5", "battery_mw=x"], ["unknown key 'nuclear_mw'", "battery_mw=x: values must be numbers"]),
])
def test_bad_vary_values_one_line_each(vary, needles):
    args = [a for v in vary for a in ("--vary", v)]
    result = invoke("energy", "sweep", "today", *args, "--hours", "24")
    one_line_error(result, *needles)
    assert len(result.stderr.splitlines()) == len(needles)
