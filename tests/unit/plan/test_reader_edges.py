"""Reader and writer edges found in review: GDAL warnings, GDAL's date text, staged exports."""

import json

import pytest

from trekant.errors import InputError
from trekant.plan.io.export import staged
from trekant.plan.io.reader import read_layer
from trekant.plan.service import prepare_file
from unit.plan.builders import VEJLE, frame, real_boundaries, write_geojson
from shapely.geometry import box


def test_a_gdal_warning_is_a_warning_issue_not_stderr_noise(tmp_path):
    # GDAL closes an unclosed ring itself and says so with a Python RuntimeWarning; the user
    # should see it as one issue line naming the file.
    document = dict(type="FeatureCollection", features=[dict(type="Feature", properties=dict(planid="1"), geometry=dict(
        type="Polygon", coordinates=[[[533000, 6175000], [533300, 6175000], [533300, 6175300], [533000, 6175300]]]))])
    path = tmp_path / "open_ring.geojson"
    path.write_text(json.dumps(document))
    layer, issues = read_layer(path)
    assert layer is not None and len(layer.attributes) == 1
    assert [(i.severity, i.code, i.source) for i in issues] == [("warning", "reader-warning", str(path))]
    assert "ring" in issues[0].message.lower()


@pytest.mark.parametrize("text", ["2024/01/15 00:00:00", "2024-01-15", "20240115"])
def test_gdal_slash_dates_are_dates(tmp_path, text):
    path = write_geojson(tmp_path / "f.geojson", [frame("1", VEJLE, 11, box(533000, 6175000, 533300, 6175300), datovedt=text)])
    prepared = prepare_file(path, real_boundaries())
    assert prepared.ok, [i.line() for i in prepared.issues]
    assert str(prepared.frames["datovedt"][0]) == "2024-01-15"


def test_a_failed_write_keeps_the_earlier_file_and_leaves_no_scratch(tmp_path):
    out = tmp_path / "plan.csv"
    out.write_text("the earlier export")
    with pytest.raises(InputError) as caught:
        with staged(out) as scratch:
            scratch.write_text("half of the new")
            raise OSError(28, "No space left on device")
    assert "No space left on device" in str(caught.value) and str(out) in str(caught.value)
    assert out.read_text() == "the earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.csv"]


def test_a_successful_write_replaces_the_file(tmp_path):
    out = tmp_path / "sub" / "plan.csv"
    with staged(out) as scratch:
        scratch.write_text("new")
    assert out.read_text() == "new"
    assert sorted(p.name for p in out.parent.iterdir()) == ["plan.csv"]
