"""Readers of Statistics Denmark's formats on crafted good and bad files (no store needed)."""

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trekant.economy.io import convert, readers
from trekant.economy.io.table import RawTable
from trekant.errors import InputError
from trekant.region.statbank import area_resolver

NAMES = {"0630": ("Vejle", "Vejle"), "0621": ("Kolding", "Kolding"), "0280": ("Tønder", "Tønder"),
         "0101": ("København", "Copenhagen")}
LOOKUP = area_resolver(NAMES)


def _convert(path: Path, key: str = "t", **kw):
    return convert.convert(readers.read(path), key, LOOKUP, **kw)


def _values(result) -> dict:
    return {(v.area_code, v.period, v.breakdown): v.value for v in result.values}


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- StatBank CSV -------------------------------------------------------------------------

GOOD_CSV = (
    "\ufeffTAL;OMRÅDE;KØN;TID;INDHOLD\n"
    "Full-time employees;All Denmark;Total;2020K1;2500000\n"
    "Full-time employees;Vejle;Total;2020K1;50000,5\n"
    "Full-time employees;Vejle;Men;2020K1;26000\n"
    "Full-time employees;0621;Women;2020K1;..\n"
    "Full-time employees;Copenhagen;Total;2020K1;300000\n"
    "Full-time employees;Region Syddanmark;Total;2020K1;500000\n"
)


def test_statbank_csv_bom_decimal_comma_missing_names_and_codes(tmp_path):
    result = _convert(write(tmp_path, "t.csv", GOOD_CSV))
    assert [i.severity for i in result.issues] == ["warning"]  # Region Syddanmark skipped
    assert "Region Syddanmark" in result.issues[0].message
    assert _values(result) == {
        ("DK", "2020Q1", ""): 2_500_000.0, ("0630", "2020Q1", ""): 50_000.5,
        ("0630", "2020Q1", "sex=Men"): 26_000.0, ("0621", "2020Q1", "sex=Women"): None,
        ("0101", "2020Q1", ""): 300_000.0,
    }
    assert result.frequency == "quarter" and result.breakdown_keys == ("sex",)  # TAL is constant: dropped


def test_every_bad_csv_row_is_reported(tmp_path):
    text = ("OMRÅDE;TID;INDHOLD\n"
            "Vejle;2020Q1;1\n"
            "Atlantis;2020Q1;2\n"      # row 3
            "Vejle;2020Q5;3\n"         # row 4
            "Kolding;2020Q1;12x\n"     # row 5
            "Vejle;2020Q1;9\n"         # row 6: conflicts with row 2
            "Kolding;2020Q2;1e300\n")  # row 7
    result = _convert(write(tmp_path, "bad.csv", text))
    found = {(i.code, i.where) for i in result.issues}
    assert found == {("unknown-area", "row 3"), ("invalid-period", "row 4"), ("invalid-number", "row 5"),
                     ("duplicate", "row 6"), ("out-of-range", "row 7")}
    assert all(i.severity == "error" for i in result.issues)


def test_where_filter_and_mixed_frequency(tmp_path):
    text = "OMRÅDE;TAL;TID;INDHOLD\nVejle;A;2020;1\nVejle;B;2020;2\nKolding;A;2020M01;3\n"
    result = _convert(write(tmp_path, "m.csv", text), where={"TAL": "A"})
    assert any(i.code == "mixed-frequency" for i in result.issues)
    only_years = _convert(write(tmp_path, "y.csv", text.replace("2020M01", "2021")), where={"TAL": "A"})
    assert _values(only_years) == {("0630", "2020", ""): 1.0, ("0621", "2021", ""): 3.0}


@pytest.mark.parametrize("content, needle", [
    (b"", "empty or has no header row"),
    ("OMRÅDE;TID;INDHOLD\nTønder;2020;1\n".encode("latin-1"), "not UTF-8"),
    (b"just one column\nhello\n", "at least three columns"),
])
def test_unreadable_csv_raises_one_clear_error(tmp_path, content, needle):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=needle):
        readers.read(path)


def test_missing_columns_are_reported(tmp_path):
    result = _convert(write(tmp_path, "c.csv", "A;B;C\nx;y;1\n"))
    assert {i.code for i in result.issues} == {"missing-column"}
    assert len(result.issues) == 2  # no time column, no area column


def test_unknown_file_type(tmp_path):
    with pytest.raises(InputError, match="unknown file type"):
        readers.read(write(tmp_path, "x.xlsx", "x"))


# --- PC-Axis ------------------------------------------------------------------------------

PX = '''CHARSET="ANSI";
CODEPAGE="windows-1252";
AXIS-VERSION="2010";
LANGUAGE="en";
MATRIX="FOLK1A";
TITLE="Population by region, sex and time";
CONTENTS="Population";
UNITS="persons";
STUB="region","sex";
HEADING="time";
VALUES("region")="All Denmark","Vejle","Tønder";
VALUES("sex")="Total","Men";
VALUES("time")="2008Q1","2020Q1";
SOURCE="Statistics Denmark";
DATA=
5475791 5822763
2700000 2900000
104933 115748
52000 "."
39000 37500
".." 18700
;
'''


def test_pc_axis_in_windows_1252(tmp_path):
    path = write(tmp_path, "folk1a.px", PX, encoding="cp1252")
    table = readers.read(path)
    assert (table.table_id, table.unit, table.origin) == ("FOLK1A", "persons", "Statistics Denmark")
    result = convert.convert(table, "pop", LOOKUP)
    assert result.issues == []
    values = _values(result)
    assert values[("DK", "2020Q1", "")] == 5_822_763
    assert values[("0630", "2020Q1", "sex=Men")] is None  # "." missing
    assert values[("0280", "2008Q1", "sex=Men")] is None  # ".." confidential
    assert values[("0280", "2020Q1", "")] == 37_500
    assert len(values) == 12


def test_truncated_pc_axis_is_an_input_error(tmp_path):
    truncated = PX.split("DATA=")[0] + "DATA=\n5475791 5822763\n"
    with pytest.raises(InputError, match="PC-Axis"):
        readers.read(write(tmp_path, "t.px", truncated, encoding="cp1252"))
    with pytest.raises(InputError, match="not a PC-Axis file"):
        readers.read(write(tmp_path, "n.px", "hello"))


# --- JSON-stat ----------------------------------------------------------------------------

def jsonstat(values=None, **extra) -> dict:
    doc = {
        "version": "2.0", "class": "dataset", "label": "Employees by industry", "source": "Statistics Denmark",
        "id": ["KOMK", "BRANCHE07", "Tid"], "size": [2, 2, 2],
        "dimension": {
            "KOMK": {"label": "municipality", "category": {"index": {"630": 0, "621": 1},
                                                            "label": {"630": "Vejle", "621": "Kolding"}}},
            "BRANCHE07": {"label": "industry", "category": {"index": {"TOT": 0, "2": 1},
                          "label": {"TOT": "Total", "2": "Manufacturing, mining and quarrying, and utility services"}}},
            "Tid": {"label": "time", "category": {"index": {"2018K1": 0, "2019K1": 1}}},
        },
        "role": {"time": ["Tid"]},
        "value": values if values is not None else [100, 110, 20, 22, 90, None, 30, 33],
    }
    doc.update(extra)
    return doc


def test_json_stat_codes_labels_and_industry_ids(tmp_path):
    result = _convert(write(tmp_path, "e.json", json.dumps(jsonstat())))
    assert result.issues == []
    assert _values(result) == {
        ("0630", "2018Q1", ""): 100, ("0630", "2019Q1", ""): 110,
        ("0630", "2018Q1", "industry=2"): 20, ("0630", "2019Q1", "industry=2"): 22,
        ("0621", "2018Q1", ""): 90, ("0621", "2019Q1", ""): None,
        ("0621", "2018Q1", "industry=2"): 30, ("0621", "2019Q1", "industry=2"): 33,
    }


def test_json_stat_area_by_id_when_label_is_unknown(tmp_path):
    doc = jsonstat()
    doc["dimension"]["KOMK"]["category"]["label"] = {"630": "Vejle Kommune", "621": "Kolding Kommune"}
    result = _convert(write(tmp_path, "ids.json", json.dumps(doc)))
    assert {v.area_code for v in result.values} == {"0630", "0621"} and result.issues == []


@pytest.mark.parametrize("text, needle", [
    ('{"version": "2.0", "class": "dataset", "value": [1,', "not valid JSON"),
    ('{"hello": 1}', "not a JSON-stat dataset"),
    (json.dumps(jsonstat(values=[1, 2, 3])), "JSON-stat"),
])
def test_bad_json_stat(tmp_path, text, needle):
    with pytest.raises(InputError, match=needle):
        readers.read(write(tmp_path, "b.json", text))


# --- any cell text: problems, never a crash ----------------------------------------------

cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=8))
def test_convert_never_crashes_on_arbitrary_cells(rows):
    frame = pd.DataFrame(rows, columns=["OMRÅDE", "TID", "INDHOLD"])
    result = convert.convert(RawTable("fuzz.csv", frame, "INDHOLD", row_offset=2), "t", LOOKUP)
    assert len(result.values) + sum(1 for i in result.issues if i.severity == "error") <= len(rows) + 1
    for issue in result.issues:
        assert issue.source == "fuzz.csv" and issue.line()
