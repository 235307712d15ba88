"""The shared CSV reader (trekant.csvfile): one rule for Danish and English number notation.

Issue 9 #2: in a ';'-file `1.234,5` became 1234.5 but `1.234` became 1.234 in the same column
(energy activity import), and `economy import` stored `1.234` as 1.234 and refused `1.234,5`.
The expected values below are the numbers as a person reads the cells, worked out by hand.
"""

from __future__ import annotations

import pytest

from trekant.csvfile import parse_csv, read_table, readings
from trekant.economy.io import readers as economy_readers
from trekant.energy.io.activity import read_activity


@pytest.mark.parametrize("cell, expected", [
    ("1234", {"da": "1234", "en": "1234"}),
    ("1.234", {"da": "1234", "en": "1.234"}),      # ambiguous: 1234 or 1.234
    ("1,234", {"da": "1.234", "en": "1234"}),      # ambiguous the other way
    ("1.234,5", {"da": "1234.5"}),
    ("1,234.5", {"en": "1234.5"}),
    ("1,5", {"da": "1.5"}),
    ("1.5", {"en": "1.5"}),
    ("0,125", {"da": "0.125"}),                    # a leading 0 never starts a thousands group
    ("0.125", {"en": "0.125"}),
    ("-1.234.567", {"da": "-1234567"}),
    ("1 234,5", {"da": "1234.5"}),
    ("\u22122,5", {"da": "-2.5"}),                  # the typographic minus
    ("1,5e3", {"da": "1.5e3"}),
    ("12.345.6", {}), ("abc", {}), ("..", {}), ("", {}), ("inf", {}),
])
def test_readings_of_one_cell(cell, expected):
    assert readings(cell) == expected


def _write(tmp_path, text, name="activity.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_energy_activity_reads_both_cells_of_a_danish_column_the_danish_way(tmp_path):
    path = _write(tmp_path, "municipality;year;sector;carrier;quantity;unit\n"
                            "0630;2019;transport;diesel;1.234,5;MWh\n"
                            "0630;2019;transport;petrol;1.234;MWh\n")
    activities, issues = read_activity(path, {"0630"})
    assert issues == []
    assert [a.quantity for a in activities] == [1234.5, 1234.0]


def test_energy_activity_refuses_a_column_written_two_ways(tmp_path):
    path = _write(tmp_path, "municipality;year;sector;carrier;quantity;unit\n"
                            "0630;2019;transport;diesel;1,5;MWh\n"
                            "0630;2019;transport;petrol;2.5;MWh\n")
    activities, issues = read_activity(path, {"0630"})
    assert activities == []
    assert [(i.code, i.field) for i in issues] == [("notation", "quantity")]
    assert "row 2 '1,5'" in issues[0].where and "row 3 '2.5'" in issues[0].where


def test_an_ambiguous_file_is_refused_naming_its_cells(tmp_path):
    path = _write(tmp_path, "municipality;year;sector;carrier;quantity;unit\n"
                            "0630;2019;transport;diesel;1.234;MWh\n"
                            "0630;2019;transport;petrol;2.500;MWh\n")
    activities, issues = read_activity(path, {"0630"})
    assert activities == [] and len(issues) == 1
    assert issues[0].where == "row 2 '1.234', row 3 '2.500'" and issues[0].field == "quantity"
    assert "1234 in Danish notation and 1.234 in English" in issues[0].message


def test_another_column_of_the_file_decides(tmp_path):
    table, issues = parse_csv("a;b\n1.234;2,5\n3.000;4\n", "t.csv")
    assert issues == []
    assert [cells for _, cells in table.rows] == [{"a": "1234", "b": "2.5"}, {"a": "3000", "b": "4"}]
    assert table.notation == {"a": "da", "b": "da"}


def test_english_files_and_text_columns(tmp_path):
    table, issues = parse_csv('name,value\n"Vejle, city","1,234.5"\nKolding,1.234\n', "t.csv")
    assert issues == []
    assert [cells for _, cells in table.rows] == [{"name": "Vejle, city", "value": "1234.5"},
                                                  {"name": "Kolding", "value": "1.234"}]


def test_xlsx_numbers_stay_numbers_and_text_cells_follow_the_rule(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["municipality", "year", "sector", "carrier", "quantity", "unit"])
    sheet.append(["0630", 2019, "transport", "diesel", 1234.5, "MWh"])   # a number cell
    sheet.append(["0630", 2019, "transport", "petrol", "1.234,5", "MWh"])  # a number typed as text
    path = tmp_path / "a.xlsx"
    book.save(path)
    activities, issues = read_activity(path, {"0630"})
    assert issues == [] and [a.quantity for a in activities] == [1234.5, 1234.5]


def test_economy_import_reads_the_value_column_as_one_notation(tmp_path):
    path = _write(tmp_path, "OMRÅDE;TID;INDHOLD\nVejle;2019;1.234\nVejle;2020;1.234,5\n", "jobs.csv")
    table = economy_readers.read(path)
    assert list(table.frame["INDHOLD"]) == ["1234", "1234.5"]


def test_economy_import_refuses_an_ambiguous_value_column(tmp_path):
    from trekant.errors import InputError

    path = _write(tmp_path, "OMRÅDE;TID;INDHOLD\nVejle;2019;1.234\nVejle;2020;5\n", "jobs.csv")
    with pytest.raises(InputError) as caught:
        economy_readers.read(path)
    assert caught.value.lines() == [f"error [notation] {path}: row 2 '1.234', field INDHOLD: '1.234' reads as 1234 in "
                                    "Danish notation and 1.234 in English, and nothing in the file decides: write the "
                                    "numbers without a thousands separator (1234, or 1234,5 / 1234.5)"]


def test_the_hourly_profile_reads_in_the_same_notation_either_way(tmp_path):
    from trekant.energy.io.profiles import read_csv_frame

    english = _write(tmp_path, "hour,load\n0,1234.5\n1,1000\n", "en.csv")
    danish = _write(tmp_path, "hour;load\n0;1.234,5\n1;1.000\n", "da.csv")
    assert list(read_csv_frame(english)["load"]) == list(read_csv_frame(danish)["load"]) == [1234.5, 1000.0]


def test_an_unsupported_extension_is_one_issue(tmp_path):
    table, issues = read_table(_write(tmp_path, "x", "a.ods"))
    assert table is None and [i.code for i in issues] == ["format"]


def test_no_import_reads_csv_past_the_shared_reader():
    """csv.reader / pandas.read_csv only in csvfile.py and in readers of the package's own shipped data."""
    import re
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src" / "trekant"
    shipped_data_readers = {"energy/io/costs.py", "energy/data/make_demo_activity.py", "plan/codes.py", "plan/demo.py"}
    offenders = sorted(str(p.relative_to(src)) for p in src.rglob("*.py")
                       if re.search(r"csv\.(reader|DictReader)\(|read_csv\(\s*io\.|pd\.read_csv\(", p.read_text(encoding="utf-8"))
                       and str(p.relative_to(src)) not in shipped_data_readers | {"csvfile.py"})
    assert offenders == []
