"""StatBank CSV reading: decimal comma, '..' missing, BOM, names and codes, per-row problems."""

from trekant.region.model import IndicatorFile
from trekant.region.statbank import area_resolver, parse_number, read_indicator_file

NAMES = {"0630": ("Vejle", "Vejle"), "0101": ("København", "Copenhagen")}


def test_numbers():
    assert parse_number("1234") == 1234.0
    assert parse_number("12,5") == 12.5
    assert parse_number("..") is None


def _spec(path):
    return IndicatorFile(path=path, area_column="OMRÅDE", period_column="TID", value_column="INDHOLD",
                         where={"KØN": "Total"}, skip_areas=("Region *",))


def test_reads_names_codes_and_denmark(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "\ufeffOMRÅDE;KØN;TID;INDHOLD\n"
        "All Denmark;Total;2020Q1;5822763\n"
        "Copenhagen;Total;2020Q1;632340\n"
        "0630;Total;2020Q1;116000,5\n"
        "København;Men;2020Q1;1\n"
        "Region Syddanmark;Total;2020Q1;1223634\n"
        "Vejle;Total;2020Q2;..\n",
        encoding="utf-8",
    )
    values, issues = read_indicator_file("pop", _spec(path), area_resolver(NAMES))
    assert issues == []
    got = {(v.area_code, v.period): v.value for v in values}
    assert got == {("DK", "2020Q1"): 5822763.0, ("0101", "2020Q1"): 632340.0,
                   ("0630", "2020Q1"): 116000.5, ("0630", "2020Q2"): None}


def test_every_bad_row_is_reported_with_row_and_column(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "OMRÅDE;KØN;TID;INDHOLD\n"
        "Atlantis;Total;2020Q1;1\n"
        "Vejle;Total;2020Q9;1\n"
        "Vejle;Total;2020Q1;lots\n",
        encoding="utf-8",
    )
    values, issues = read_indicator_file("pop", _spec(path), area_resolver(NAMES))
    assert values == []
    assert [(i.code, i.where, i.field) for i in issues] == [
        ("unknown-area", "row 2", "OMRÅDE"),
        ("invalid-period", "row 3", "TID"),
        ("invalid-number", "row 4", "INDHOLD"),
    ]


def test_missing_column_and_wrong_encoding(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("AREA;TID;INDHOLD\nVejle;2020Q1;1\n", encoding="utf-8")
    _, issues = read_indicator_file("pop", _spec(path), area_resolver(NAMES))
    assert issues[0].code == "missing-column" and "OMRÅDE" in issues[0].message
    latin = tmp_path / "latin.csv"
    latin.write_bytes("OMRÅDE;KØN;TID;INDHOLD\nVejle;Total;2020Q1;1\n".encode("latin-1"))
    import pytest

    from trekant.errors import InputError

    with pytest.raises(InputError, match="not UTF-8"):
        read_indicator_file("pop", _spec(latin), area_resolver(NAMES))
