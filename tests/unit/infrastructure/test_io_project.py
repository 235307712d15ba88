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


# Published figures, each with the document it was read from (not copied from the shipped files).

def test_kolding_v_published_figures():
    """Trekantområdet Danmark, case page "Motorvejsudvidelse rundt om Kolding: Danmarks bedst forrentede
    motorvejsprojekt": IRR 13.8 % in Vejdirektoratet's 2011 analysis. JydskeVestkysten 2019 ("Regeringen og
    DF vil udvide motorvejen rundt om Kolding med et ekstra spor"): the stretch is seven kilometres."""
    p = _load("e45-e20-kolding-v")
    assert (p.published["irr"].value, p.published["irr"].year) == (0.138, 2011)
    assert p.facts["length_km"] == 7
    assert 6_000 < p.geometry.length < 8_000  # metres in EPSG:25832


def test_vejle_skanderborg_published_figures():
    """TV SYD, "Udvidelse af E45 fra Vejle til Skanderborg koster 3,6 milliarder" (on Vejdirektoratet's
    VVM): 37.5 km, 3.6 billion DKK, about 670,000 hours saved, 53,800–62,000 vehicles a weekday."""
    p = _load("e45-vejle-skanderborg")
    assert p.facts["length_km"] == 37.5 and sum(p.construction_dkk.values()) == 3_600_000_000
    assert p.published["hours_saved_per_year"].value == 670_000
    assert (p.facts["weekday_traffic_vehicles_low"], p.facts["weekday_traffic_vehicles_high"]) == (53_800, 62_000)


def test_vejle_fjord_time_saving_and_report_date():
    """Vejdirektoratet, press release of 7 December 2016, "Vejdirektoratet offentliggør VVM-redegørelse for en
    ny bane på tværs af Vejle Fjord": every alignment gives "en rejsetidsbesparelse på omkring 9 minutter".
    Ingeniøren 2017, "Billig tunnel under Vejle Fjord er bedst for både mennesker og natur": bridge 4.97 and
    tunnel 5.23 billion DKK, both including a 30 % risk reserve."""
    p = _load("vejle-fjord-rail-crossing")
    assert p.facts["travel_time_saving_odense_aarhus_min"] == 9
    assert p.facts["vvm_report_published"] == "2016-12-07"
    assert (p.facts["cost_bridge_dkk"], p.facts["cost_tunnel_dkk"]) == (4_970_000_000, 5_230_000_000)
    assert (p.cost_basis, p.reserve_share) == ("budget_with_reserve", 0.30)
    cited = next(s for s in p.sources if "facts.travel_time_saving_odense_aarhus_min" in s.supports)
    assert (cited.publisher, cited.year) == ("Vejdirektoratet", 2016)


@pytest.mark.parametrize("key", ["billund-rail-gadbjerg", "billund-rail-jelling-north", "billund-rail-jelling-south"])
def test_billund_detours_are_the_published_range(key):
    """TV SYD 2019, "Hyllested: Dårlig stil at skyde Billund-banen ned nu": Banedanmark's analysis puts the
    detours at "mellem 219.000 og 348.000 kilometers omvej for bilisterne hvert år" (also in the decision
    basis of December 2018). BT 2019, "Planer om togbane til Billund vil føre bilister på omveje": a deficit
    of 1.3–1.8 billion DKK. The CBA uses the range's midpoint, (219,000 + 348,000)/2 = 283,500 km of detour."""
    p = _load(key)
    assert p.quantity_ranges["vehicle_km_saved"] == (-348_000, -219_000)
    assert p.quantities["vehicle_km_saved"] == -(219_000 + 348_000) / 2
    assert (p.published["npv_deficit_low_dkk"].value, p.published["npv_deficit_high_dkk"].value) == (-1.3e9, -1.8e9)
    assert not p.is_illustrative("effects.quantity_ranges.vehicle_km_saved")


def test_no_shipped_source_cites_an_internal_note():
    """Sources name the public document (issue 14): no 'as cited in trekant issue …' or README."""
    words = ("trekant issue", "readme", "issue 4", "issue 5", "issue 6", "as cited", "as quoted")
    for path in SHIPPED:
        project, _ = read_project_file(path)
        for source in project.sources:
            text = f"{source.title} {source.publisher}".lower()
            assert not any(w in text for w in words), (path.stem, source.title)


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
