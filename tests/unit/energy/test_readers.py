"""Activity, factor, target and measure files: every problem with file, row and column."""

from pathlib import Path

from openpyxl import Workbook

from trekant.energy.io.activity import read_activity
from trekant.energy.io.factors import read_factor_table
from trekant.energy.io.targets import read_measures, read_targets

CODES = {"0630", "0607"}
HEADER = "municipality,year,sector,carrier,quantity,unit\n"


def write(tmp_path: Path, text: str, name: str = "a.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_good_csv_with_semicolons_and_decimal_comma(tmp_path):
    path = write(tmp_path, "municipality;year;sector;carrier;quantity;unit\n630;2019;transport;diesel;1.234,5;MWh\n")
    rows, issues = read_activity(path, CODES)
    assert issues == []
    assert rows[0].municipality_code == "0630" and rows[0].quantity == 1234.5


def test_every_bad_row_is_reported_with_row_and_column(tmp_path):
    path = write(tmp_path, HEADER + "\n".join([
        "0630,2019,transport,diesel,100,MWh",     # row 2 fine
        "9999,2019,transport,diesel,100,MWh",     # row 3 unknown municipality
        "0630,19x9,transport,diesel,100,MWh",     # row 4 bad year
        "0630,2019,shipping,diesel,100,MWh",      # row 5 unknown sector
        "0630,2019,transport,coal_dust,100,MWh",  # row 6 unknown carrier
        "0630,2019,transport,petrol,-5,MWh",      # row 7 negative
        "0630,2019,transport,petrol,1e300,MWh",   # row 8 huge
        "0630,2019,transport,petrol,10,litres",   # row 9 unknown unit
        "0630,2019,transport,diesel,1,MWh",       # row 10 duplicate of row 2
    ]) + "\n")
    rows, issues = read_activity(path, CODES)
    found = [(i.where, i.field) for i in issues]
    assert found == [("row 3", "municipality"), ("row 4", "year"), ("row 5", "sector"), ("row 6", "carrier"),
                     ("row 7", "quantity"), ("row 8", "quantity"), ("row 9", "unit"), ("row 10", None)]
    assert all(i.source == str(path) for i in issues)


def test_missing_columns_truncated_and_wrong_encoding(tmp_path):
    _, issues = read_activity(write(tmp_path, "municipality,year\n0630,2019\n"), CODES)
    assert "quantity" in issues[0].message
    _, issues = read_activity(write(tmp_path, "", "empty.csv"), CODES)
    assert issues[0].code == "empty"
    _, issues = read_activity(write(tmp_path, HEADER + "0630,2019,tra", "cut.csv"), CODES)
    assert issues and issues[0].where == "row 2"
    latin = write(tmp_path, HEADER + "0630,2019,transport,diesel,1,MWh,Ærø\n", "latin.csv", encoding="latin-1")
    _, issues = read_activity(latin, CODES)
    assert issues[0].code == "encoding"
    _, issues = read_activity(tmp_path / "nope.csv", CODES)
    assert issues[0].message == "file not found"


def test_xlsx_rows_and_errors(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["municipality", "year", "sector", "carrier", "quantity", "unit"])
    sheet.append([630, 2020, "industry", "natural_gas", 50.5, "MWh"])
    sheet.append([607, 2020, "industry", "natural_gas", "lots", "MWh"])
    path = tmp_path / "a.xlsx"
    book.save(path)
    rows, issues = read_activity(path, CODES)
    assert [(r.municipality_code, r.quantity) for r in rows] == [("0630", 50.5)]
    assert [(i.where, i.field) for i in issues] == [("row 3", "quantity")]
    broken = write(tmp_path, "not a zip", "broken.xlsx")
    _, issues = read_activity(broken, CODES)
    assert issues[0].code == "format"


def test_factor_table_reader(tmp_path):
    path = write(tmp_path, "name,version,carrier,year,value,unit,source\n"
                 "t,2,natural_gas,,0.2,kg CO2/kWh,x\n"
                 "t,2,unobtainium,,0.2,kg CO2/kWh,x\n"
                 "t,2,petrol,,-1,kg CO2/kWh,x\n"
                 "t,2,diesel,,1,kg CO2 per kWh,x\n"
                 "t,2,gas_oil,,1,kg CO2/kWh,\n")
    table, issues = read_factor_table(path)
    assert table.label == "t@2" and len(table.factors) == 1
    assert [(i.where, i.field) for i in issues] == [("row 3", "carrier"), ("row 4", "value"), ("row 5", "unit"), ("row 6", "source")]


def test_shipped_default_table_reads_cleanly():
    from trekant.energy.defaults import DEFAULT_FACTORS

    table, issues = read_factor_table(DEFAULT_FACTORS)
    assert issues == []
    values = {(f.carrier, f.year): f.value for f in table.factors}
    assert values[("natural_gas", None)] == 0.204 and values[("petrol", None)] == 69_300


def test_targets_and_measures_readers(tmp_path):
    targets, issues = read_targets(write(tmp_path, "municipality,base_year,base_co2e_t,target_year,reduction_pct\n"
                                         "0630,1990,,2030,70\n0630,1990,100,1980,50\n0630,1990,100,2050,170\n"), CODES)
    assert len(targets) == 1 and targets[0].base_co2e_t is None
    assert [(i.where, i.field) for i in issues] == [("row 3", "target_year"), ("row 4", "reduction_pct")]
    measures, issues = read_measures(write(tmp_path, "municipality,key,name,sector,reduction_co2e_t_per_year,start_year,ramp_years,cost_dkk_per_year\n"
                                           "0630,a,A,transport,100,2025,2,1000\n0630,b,B,space,0,2025,0,1\n", "m.csv"), CODES)
    assert len(measures) == 1 and measures[0].cost_dkk_per_t == 10
    assert {i.field for i in issues} == {"sector", "reduction_co2e_t_per_year", "ramp_years"}
