"""Regression tests from the adversarial review of `trekant economy …` and `trekant strategy …`:
one clear line per problem, exit 1 (2 for usage), no traceback, the store unchanged.

The store-reading cases run on SQLite only (the readers fail before the store matters); the
import case that must leave the store unchanged runs on both backends.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from trekant.store.schema.core import area_group, indicator_value
from trekant.store.store import Store

HEADER = "\ufeffOMRÅDE;TID;INDHOLD\n"


def _counts(settings) -> tuple[int, int]:
    store = Store.from_settings(settings)
    try:
        with store.connect() as conn:
            return (conn.execute(select(func.count()).select_from(indicator_value)).scalar_one(),
                    conn.execute(select(func.count()).select_from(area_group)).scalar_one())
    finally:
        store.dispose()


def one_line_error(result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    for needle in needles:
        assert any(needle in line for line in result.stderr.splitlines()), (needle, result.stderr)


CSV_CASES = {
    # name: (bytes, needles)
    "utf16.csv": ((HEADER + "Vejle;2020;5\n").encode("utf-16"), ["UTF-16"]),
    "latin1.csv": ((HEADER.lstrip("\ufeff") + "Vejle;2020;5\n").encode("latin-1"), ["row 1: byte 3 is not UTF-8"]),
    "truncated.csv": ((HEADER + "Vejle;2020;5\nKolding;20").encode(), ["row 3: 2 cells but 3 columns"]),
    "surplus.csv": ((HEADER + "Vejle;2020;5;7;8\n").encode(), ["row 2: 5 cells but 3 columns"]),
    "twice.csv": ("\ufeffOMRÅDE;OMRÅDE;TID;INDHOLD\nVejle;Kolding;2020;5\n".encode(), ["column 'OMRÅDE' appears twice"]),
    "open_quote.csv": ((HEADER + '"Vejle;2020;5\n').encode(), ["row 2: cannot read the CSV", "never closed"]),
    "tabs.csv": (HEADER.replace(";", "\t").encode() + b"Vejle\t2020\t5\n", ["separate the columns with ';' or ','"]),
    "values.csv": ((HEADER + "Vejle;2020;inf\nKolding;2020;1e308\nVejen;2020;nan\n").encode(),
                   ["row 2, field INDHOLD: not a number: 'inf'", "row 3, field INDHOLD: implausibly large value 1e+308",
                    "row 4, field INDHOLD: not a number: 'nan'"]),
}


@pytest.mark.parametrize("name", list(CSV_CASES))
def test_unreadable_statbank_csv(sqlite_env, tmp_path, run, name):
    content, needles = CSV_CASES[name]
    path = tmp_path / name
    path.write_bytes(content)
    before = _counts(sqlite_env)
    one_line_error(run("economy", "import", str(path), "-i", "t"), *needles)
    assert _counts(sqlite_env) == before


def test_a_bad_file_leaves_the_store_unchanged(store_env, tmp_path, run):
    path = tmp_path / "t.csv"
    path.write_bytes((HEADER + "Vejle;2020;5\nKolding;2020").encode())
    before = _counts(store_env)
    one_line_error(run("economy", "import", str(path), "-i", "t"), "row 3")
    assert _counts(store_env) == before


@pytest.mark.parametrize("suffix", [".csv", ".px", ".json"])
def test_a_directory_is_not_a_file(sqlite_env, tmp_path, run, suffix):
    folder = tmp_path / f"d{suffix}"
    folder.mkdir()
    one_line_error(run("economy", "import", str(folder)), "is a directory")


@pytest.mark.parametrize("args, needle", [
    (["FOLK1A", "--url", "notaurl"], "give an http:// or https:// address"),
    (["FOLK1A", "--url", "file:///etc/passwd"], "give an http:// or https:// address"),
    (["", "--url", "http://127.0.0.1:9/v1/data"], "is not a StatBank table id"),
])
def test_fetch_refuses_bad_urls_and_table_ids_before_sending(sqlite_env, run, args, needle):
    one_line_error(run("economy", "fetch", *args), needle)


@pytest.mark.parametrize("key", ["vejle", "dk", "metro5", "municipalities", "0630"])
def test_a_group_key_cannot_shadow_an_area(sqlite_env, run, key):
    before = _counts(sqlite_env)
    result = run("economy", "group", "add", key, "-m", "Kolding")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert _counts(sqlite_env) == before
    # Vejle still means the municipality Vejle, not a group of Kolding.
    growth = run("economy", "growth", "-i", "population", "-a", "Vejle", "--among", "Vejle", "--json")
    assert '"area": "0630"' in growth.stdout


@pytest.mark.parametrize("args, code, needle", [
    (["growth", "-i", "population", "--from", "garbage"], 1, "--from: not a period label"),
    (["growth", "-i", "population", "--to", "2020Q9"], 1, "--to: not a period label"),
    (["growth", "-i", "population", "--base", "x"], 1, "--base: not a period label"),
    (["lq", "--period", "garbage"], 1, "--period: not a period label"),
    (["shift-share", "--from", "2020", "--to", "2010"], 1, "the end 2010 must come after the start 2020"),
    (["claim", "-i", "population", "--limit", "-5"], 2, "--limit"),
])
def test_bad_period_and_window_options(sqlite_env, run, args, code, needle):
    result = run("economy", *args)
    assert result.exit_code == code and needle in result.stderr, result.output


GOALS_CASES = {
    "empty": (b"", "a goals file is a YAML mapping"),
    "list": (b"- 1\n", "a goals file is a YAML mapping"),
    "utf16": ("goals: []\n".encode("utf-16"), "file: the file is UTF-16 (or binary), not UTF-8"),
    # 'goals:\n' is 7 bytes and '  - key: k' 10 more, so the Latin-1 'ø' is byte 17, on line 2
    "latin1": ("goals:\n  - key: kø\n".encode("latin-1"), "line 2: byte 17 is not UTF-8"),
    "tab": (b"goals:\n\t- key: x\n", "line 2, column 1: not valid YAML"),
    "nan": (b"goals:\n  - key: g\n    name_da: G\n    name_en: G\n    kpis:\n      - key: k\n        name_da: K\n"
            b"        name_en: K\n        source: energy.co2e_per_resident_t\n        direction: decrease\n"
            b"        target: {value: .nan, year: 2030}\n",
            "field goals.0.kpis.0.target.value: Input should be a finite number"),
}


@pytest.mark.parametrize("case", list(GOALS_CASES))
@pytest.mark.parametrize("command", ["status", "goals"])
def test_bad_goals_files(sqlite_env, tmp_path, run, command, case):
    content, needle = GOALS_CASES[case]
    path = tmp_path / "goals.yaml"
    path.write_bytes(content)
    one_line_error(run("strategy", command, "--goals", str(path)), needle)


def test_directories_as_goals_or_strengths(sqlite_env, tmp_path, run):
    one_line_error(run("strategy", "status", "--goals", str(tmp_path)), "is a directory")
    one_line_error(run("economy", "strengths", "--config", str(tmp_path)), "is a directory")
