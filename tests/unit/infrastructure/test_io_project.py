"""Project files: the shipped portfolio carries its published facts; bad files give per-field errors."""

from pathlib import Path

import pytest
import yaml

from trekant.infrastructure.defaults import projects_dir
from trekant.infrastructure.io.project import read_project_file, to_document_dict, write_project_file

SHIPPED = sorted(projects_dir().glob("*.yaml"))


def _load(name: str):
    project, issues = read_project_file(projects_dir() / f"{name}.yaml")
    assert project is not None, [i.line() for i in issues]
    return project


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_project_is_valid_and_sourced(path):
    project, issues = read_project_file(path)
    assert project is not None and not [i for i in issues if i.severity == "error"], [i.line() for i in issues]
    assert project.key == path.stem
    assert all(s.title and s.publisher for s in project.sources)
    assert project.geometry is not None and project.geometry.is_valid


def test_kolding_v_published_figures():
    """Issue 5 / Trekantområdet Danmark / TV SYD: 7 km, 631 million DKK, IRR 13.8 % in the 2011 VVM."""
    p = _load("e45-e20-kolding-v")
    assert p.facts["length_km"] == 7 and p.facts["budget_dkk"] == 631_000_000
    assert sum(p.construction_dkk.values()) == 631_000_000
    assert (p.published["irr"].value, p.published["irr"].year) == (0.138, 2011)
    assert 6_000 < p.geometry.length < 8_000  # metres in EPSG:25832


def test_vejle_skanderborg_published_figures():
    """TV SYD on Vejdirektoratet's VVM: 37.5 km, 3.6 billion DKK, about 670,000 hours a year."""
    p = _load("e45-vejle-skanderborg")
    assert p.facts["length_km"] == 37.5 and sum(p.construction_dkk.values()) == 3_600_000_000
    assert p.published["hours_saved_per_year"].value == 670_000
    hours = sum(v for k, v in p.quantities.items() if k.endswith("_h"))
    assert hours == 670_000  # the illustrative split adds up to the published total


def test_all_three_billund_alignments_are_published_as_negative():
    """BT 2019: Banedanmark found all three alignments (north Jelling, south Jelling, Gadbjerg) negative."""
    keys = [p.stem for p in SHIPPED if p.stem.startswith("billund-rail-")]
    assert sorted(keys) == ["billund-rail-gadbjerg", "billund-rail-jelling-north", "billund-rail-jelling-south"]
    for key in keys:
        published = _load(key).published
        assert published["npv_deficit_low_dkk"].value < 0 and published["npv_deficit_high_dkk"].value < 0


def test_the_mayors_asks_are_in_the_portfolio():
    stems = {p.stem for p in SHIPPED}
    assert {"vejle-fjord-rail-crossing", "little-belt-third-crossing", "haervej-haderslev-give",
            "haervej-give-billund", "timemodel-odense-aarhus"} <= stems


def test_write_then_read_gives_the_same_project(tmp_path):
    original = _load("e45-e20-kolding-v")
    write_project_file(original, tmp_path / "k.yaml")
    again, issues = read_project_file(tmp_path / "k.yaml")
    assert again is not None, [i.line() for i in issues]
    assert to_document_dict(again) == to_document_dict(original) | {"geometry": to_document_dict(again)["geometry"]}
    assert again.geometry.hausdorff_distance(original.geometry) < 0.1


MINIMAL = {
    "key": "test-road", "name": "Test", "mode": "road", "status": "idea", "municipalities": ["0621"],
    "opening_year": 2030, "lifetime_years": 50,
    "costs": {"price_year": 2022, "construction_dkk": {2028: 100.0}},
    "effects": {"quantities": {"travel_time_commuting_h": 10}},
    "sources": [{"id": 1, "title": "t", "publisher": "p", "year": 2024, "supports": ["costs", "opening_year", "lifetime_years"]}],
    "illustrative": ["effects"],
}


def _write(tmp_path: Path, doc: dict | str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(doc if isinstance(doc, str) else yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def _fields(tmp_path, doc) -> set:
    project, issues = read_project_file(_write(tmp_path, doc))
    assert project is None
    return {i.field for i in issues if i.severity == "error"}


def test_minimal_project_reads(tmp_path):
    project, issues = read_project_file(_write(tmp_path, MINIMAL))
    assert project is not None and issues == []


def _with(path: str, value):
    doc = yaml.safe_load(yaml.safe_dump(MINIMAL))
    target = doc
    parts = path.split(".")
    for part in parts[:-1]:
        target = target[int(part) if part.isdigit() and isinstance(target, list) else part]
    if value is ...:
        del target[parts[-1]]
    else:
        target[parts[-1]] = value
    return doc


@pytest.mark.parametrize("path, value, field", [
    ("costs", ..., "costs"),
    ("costs.construction_dkk", {2028: -5.0}, "costs.construction_dkk.2028"),
    ("costs.construction_dkk", {2028: float("inf")}, "costs.construction_dkk.2028"),
    ("costs.om_dkk_per_year", -1.0, "costs.om_dkk_per_year"),
    ("opening_year", 2027, "opening_year"),
    ("mode", "hovercraft", "mode"),
    ("municipalities", ["621"], "municipalities"),
    ("effects.quantities", {"teleport_h": 5}, "effects.quantities"),
    ("criteria", {"climate": 7}, "criteria"),
    ("facts", {"length_km": 12}, "facts.length_km"),
    ("illustrative", [], "effects.quantities.travel_time_commuting_h"),
    ("colour", "red", "colour"),
])
def test_bad_project_files_name_the_field(tmp_path, path, value, field):
    assert field in _fields(tmp_path, _with(path, value))


def test_lon_lat_declared_as_utm_is_caught(tmp_path):
    doc = _with("geometry", {"type": "LineString", "crs": "EPSG:25832", "coordinates": [[9.4, 55.5], [9.45, 55.55]]})
    doc["illustrative"].append("geometry")
    project, issues = read_project_file(_write(tmp_path, doc))
    assert project is None
    assert any(i.field == "geometry" and "crs" in i.message for i in issues)


def test_invalid_and_unknown_geometries(tmp_path):
    one_point = _with("geometry", {"type": "LineString", "crs": "EPSG:4326", "coordinates": [[9.4, 55.5]]})
    assert "geometry" in _fields(tmp_path, one_point)
    polygon = _with("geometry", {"type": "Polygon", "crs": "EPSG:4326", "coordinates": [[[9, 55], [9.1, 55], [9, 55.1], [9, 55]]]})
    assert "geometry" in _fields(tmp_path, polygon)
    bad_crs = _with("geometry", {"type": "Point", "crs": "EPSG:999999", "coordinates": [9.4, 55.5]})
    assert "geometry" in _fields(tmp_path, bad_crs)


def test_truncated_and_non_utf8_files_are_one_line(tmp_path):
    text = yaml.safe_dump(MINIMAL)
    # a download cut off inside a flow list: not YAML at all (cutting at half a line may still parse)
    project, issues = read_project_file(_write(tmp_path, text + "sources: [{id: 1, title: cut"))
    assert project is None and len(issues) == 1
    assert issues[0].where.startswith("line ") and "not valid YAML" in issues[0].message
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Hærvej\n".encode("latin-1"))
    project, issues = read_project_file(path)
    assert project is None and "UTF-8" in issues[0].message


def test_unknown_illustrative_field_is_a_warning_only(tmp_path):
    doc = _with("illustrative", ["effects", "colour"])
    project, issues = read_project_file(_write(tmp_path, doc))
    assert project is not None
    assert [i.severity for i in issues] == ["warning"]
