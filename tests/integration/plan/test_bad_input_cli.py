"""Adversarial input through the real CLI: every case is one clear line per problem, exit 1 (2 for
usage), no traceback, nothing written to the store and no output file left behind.

Found in a review pass: an empty FeatureCollection and `--tolerance-m inf` raised tracebacks, a
truncated GML file imported silently as an empty layer, a self-intersecting designation crashed
GEOS, `plan at nan …` answered, `--status ZZ` / `--use -5` / `--sensitive 99` were ignored, and
every unwritable `--out` ended in a traceback.
"""

import json

import geopandas as gpd
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.store.schema.core import audit_log
from trekant.store.schema.plan import plan_designation, plan_frame
from trekant.store.store import Store
from unit.plan.builders import VEJLE, frame, write_geojson

runner = CliRunner()
VEJLE_SQUARE = dict(type="Polygon", coordinates=[[[533000, 6175000], [533300, 6175000], [533300, 6175300],
                                                  [533000, 6175300], [533000, 6175000]]])


def _counts(settings) -> tuple[int, int, int]:
    store = Store.from_settings(settings)
    with store.connect() as conn:
        counts = tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                       for t in (plan_frame, plan_designation, audit_log))
    store.dispose()
    return counts


def _good_feature():
    from shapely.geometry import shape
    return frame("RV-1", VEJLE, 11, shape(VEJLE_SQUARE))


def _empty_collection(tmp_path):
    return write_geojson(tmp_path / "empty.geojson", [])


def _truncated_gml(tmp_path):
    source = write_geojson(tmp_path / "ok.geojson", [_good_feature()])
    gml = tmp_path / "frames.gml"
    gpd.read_file(source).to_file(gml, driver="GML")
    text = gml.read_text(encoding="utf-8")
    gml.write_text(text[: len(text) * 2 // 3], encoding="utf-8")  # a download cut off
    return gml


def _folder(tmp_path):
    folder = tmp_path / "frames.geojson"
    folder.mkdir()
    return folder


def _degrees_declared_as_metres(tmp_path):
    feature = _good_feature()
    feature["geometry"] = dict(type="Polygon", coordinates=[[[9.5, 55.7], [9.51, 55.7], [9.51, 55.71], [9.5, 55.7]]])
    return write_geojson(tmp_path / "degrees.geojson", [feature])


@pytest.mark.parametrize("make, code", [
    (_empty_collection, "no-features"),
    (_truncated_gml, "unreadable-file"),
    (_folder, "unreadable-file"),
    (_degrees_declared_as_metres, "missing-crs"),
])
def test_a_bad_file_is_one_line_per_problem_and_writes_nothing(store_env, tmp_path, make, code):
    path = make(tmp_path)
    before = _counts(store_env)
    result = runner.invoke(app, ["plan", "import", str(path)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith(("error [", "warning [")) and str(path) in line for line in lines)
    assert any(f"[{code}]" in line for line in lines)
    assert _counts(store_env) == before


def test_a_self_intersecting_designation_is_an_issue_not_a_crash(store_env, tmp_path):
    bowtie = dict(type="Polygon", coordinates=[[[533000, 6175000], [533300, 6175300], [533300, 6175000],
                                                [533000, 6175300], [533000, 6175000]]])
    path = write_geojson(tmp_path / "zones.geojson",
                         [dict(type="Feature", properties=dict(id="Z1", name="Zone"), geometry=bowtie)])
    before = _counts(store_env)
    result = runner.invoke(app, ["plan", "designations", str(path), "--theme", "wind", "--json"])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    issues = json.loads(result.stdout)["issues"]
    assert [(i["code"], i["feature"], i["field"]) for i in issues] == [("invalid-geometry", "id Z1", "geometry")]
    assert _counts(store_env) == before


@pytest.mark.parametrize("args, exit_code, names", [
    (["import", "{ok}", "--tolerance-m", "inf"], 2, "--tolerance-m"),  # out of the option's range: usage
    (["import", "{ok}", "--tolerance-m", "-5"], 2, "--tolerance-m"),
    (["at", "nan", "6175000"], 1, "X Y"),
    (["at", "1e308", "1e308", "--crs", "EPSG:4326"], 1, "X Y"),
    (["where", "--class", "3", "--use", "-5"], 1, "--use"),
    (["where", "--class", "3", "--min-area-ha", "inf"], 1, "--min-area-ha"),
    (["where", "--class", "3", "--status", "ZZ"], 1, "--status"),
    (["check", "--status", "ZZ"], 1, "--status"),
    (["check", "--sensitive", "99"], 1, "--sensitive"),
    (["check", "--sensitive", "abc"], 2, "--sensitive"),
    (["check", "--touch-distance-m", "nan"], 2, "--touch-distance-m"),  # not in the option's range
    (["fetch", "--municipality", "0621", "--url", "notaurl"], 1, "--url"),
    (["export", "--format", "gpkg", "--out", "{out}", "--crs", "EPSG:99999"], 1, "--crs"),
])
def test_a_bad_option_is_one_clear_line(sqlite_env, tmp_path, args, exit_code, names):
    """Refused before the store is read or written, so one backend is enough."""
    ok = write_geojson(tmp_path / "ok.geojson", [_good_feature()])
    out = tmp_path / "out.gpkg"
    before = _counts(sqlite_env)
    result = runner.invoke(app, ["plan", *(a.format(ok=ok, out=out) for a in args)])
    assert result.exit_code == exit_code
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert names in result.stderr
    if exit_code == 1:
        assert len(result.stderr.strip().splitlines()) == 1
    assert _counts(sqlite_env) == before
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["gpkg", "geojson", "csv", "xlsx"])
@pytest.mark.parametrize("where", ["folder", "under_a_file", "unwritable"])
def test_an_unwritable_out_is_one_line_and_leaves_no_file(sqlite_env, tmp_path, fmt, where):
    blocker = tmp_path / "a_file.txt"
    blocker.write_text("not a folder")
    out = {"folder": tmp_path, "under_a_file": blocker / f"x.{fmt}", "unwritable": tmp_path / "ro" / f"x.{fmt}"}[where]
    if where == "unwritable":
        (tmp_path / "ro").mkdir()
        (tmp_path / "ro" / f".x.partial.{fmt}").mkdir()  # the scratch name is taken by a folder: every writer fails
    result = runner.invoke(app, ["plan", "export", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(out) in lines[0]
    assert blocker.read_text() == "not a folder"
    assert not (out.is_file())
