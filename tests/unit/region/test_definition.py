"""Region definitions: the default loads, and each kind of bad definition is refused with its field."""

from pathlib import Path

import pytest

from trekant.errors import InputError
from trekant.region.definition import load_definition

TREKANT_CODES = ("0530", "0607", "0510", "0621", "0410", "0575", "0630")


def test_default_definition_names_the_seven_municipalities():
    definition = load_definition()
    assert definition.members == TREKANT_CODES
    assert definition.key == "trekantomraadet"
    assert {p.key for p in definition.peers} == {"hovedstaden", "aarhus", "odense", "aalborg"}
    assert definition.boundaries.is_file()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "region.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_municipality_code_is_named(tmp_path):
    path = _write(tmp_path, "key: x\nname: X\nmunicipalities: ['0530', '9999']\nboundaries: builtin:boundaries/dk_municipalities_2014.geojson\n")
    with pytest.raises(InputError) as err:
        load_definition(path)
    lines = err.value.lines()
    assert len(lines) == 1
    assert "9999" in lines[0] and "municipalities" in lines[0] and str(path) in lines[0]


def test_missing_file_and_unknown_field_are_both_reported(tmp_path):
    path = _write(tmp_path, "key: x\nname: X\nmunicipalities: ['0530']\nboundaries: nowhere.geojson\ncolour: red\n")
    with pytest.raises(InputError) as err:
        load_definition(path)
    assert any("colour" in line for line in err.value.lines())


def test_missing_boundary_file_is_reported(tmp_path):
    path = _write(tmp_path, "key: x\nname: X\nmunicipalities: ['0530']\nboundaries: nowhere.geojson\n")
    with pytest.raises(InputError) as err:
        load_definition(path)
    assert "nowhere.geojson" in err.value.lines()[0] and "boundaries" in err.value.lines()[0]


def test_not_yaml(tmp_path):
    path = _write(tmp_path, "key: [unclosed\n")
    with pytest.raises(InputError, match="not valid YAML"):
        load_definition(path)


def test_missing_definition_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_definition(tmp_path / "absent.yaml")
