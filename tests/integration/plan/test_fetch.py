"""`trekant plan fetch` against a local server that answers like Plandata.dk's WFS (both backends)."""

import json

from shapely.geometry import MultiPolygon, box
from typer.testing import CliRunner

from integration.plan.wfs_replay import Replay
from trekant.cli.main import app
from unit.plan.builders import KOLDING, VEJLE, border_segment

runner = CliRunner()
LAYER = "theme_pdk_kommuneplanramme_vedtaget_v"


def _features() -> list[tuple[dict, object]]:
    """Five Vejle frames (float-free here: the GML carries text) and one Kolding frame."""
    s = border_segment(KOLDING, VEJLE)
    vejle = []
    for i in range(5):
        geom = MultiPolygon([box(533000 + i * 400, 6175000, 533300 + i * 400, 6175300)])
        vejle.append((dict(planid=1_000_000 + i, komnr=630, plannr=f"1.B.{i}", plannavn=f"Boligområde nr. {i}",
                           anvgen=11, zone=1, maxetager="2.0", maxbygnhjd="8.5", bebygpct=30, planstatus="V",
                           datovedt=20211013, doklink=f"https://dokument.plandata.dk/20_{1000000 + i}.pdf"), geom))
    kolding = [(dict(planid=2_000_000, komnr=621, plannr="K.1", plannavn="Erhverv", anvgen=31, maxmiljo=6,
                     planstatus="V", datovedt=20200101), s.rect(100, 400, side="a"))]
    return vejle + kolding


def test_fetch_loads_one_municipality_page_by_page(plan_env):
    with Replay(LAYER, _features()) as wfs:
        result = runner.invoke(app, ["plan", "fetch", "--municipality", "0630", "--url", wfs.url, "--page-size", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["imported"] == 5 and report["new_frames"] == 5
    # 5 features in pages of 2: startIndex 0, 2, 4 (the third page is short, so it is the last)
    assert [(q["request"], q["startIndex"], q["CQL_FILTER"]) for q in wfs.requests] == [
        ("GetFeature", "0", "komnr=630"), ("GetFeature", "2", "komnr=630"), ("GetFeature", "4", "komnr=630")]
    assert {q["typeNames"] for q in wfs.requests} == {f"pdk:{LAYER}"}
    history = json.loads(runner.invoke(app, ["plan", "history", "1000003", "--json"]).stdout)
    (version,) = history
    assert (version["komnr"], version["status"], version["anvgen"], version["maxetager"], version["change"]) == \
        ("0630", "V", 11, 2.0, "fetch")
    assert version["datovedt"] == "2021-10-13"
    assert version["area_m2"] == 90_000.0  # 300 m × 300 m


def test_fetch_again_makes_no_new_versions(plan_env):
    with Replay(LAYER, _features()) as wfs:
        runner.invoke(app, ["plan", "fetch", "--municipality", "630", "--url", wfs.url])
        again = runner.invoke(app, ["plan", "fetch", "--municipality", "630", "--url", wfs.url, "--json"])
    assert json.loads(again.stdout)["unchanged"] == 5


def test_server_errors_are_one_line(plan_env):
    with Replay(LAYER, _features()) as wfs:
        wfs.fail_with = (503, "Service Unavailable")
        result = runner.invoke(app, ["plan", "fetch", "--municipality", "0630", "--url", wfs.url])
    assert result.exit_code == 1
    assert "HTTP 503" in result.stderr and "Traceback" not in result.output


def test_wfs_exception_report(plan_env):
    with Replay("theme_pdk_other", _features()) as wfs:
        result = runner.invoke(app, ["plan", "fetch", "--municipality", "0630", "--url", wfs.url])
    assert result.exit_code == 1
    assert "unknown" in result.stderr


def test_unreachable_server(plan_env):
    result = runner.invoke(app, ["plan", "fetch", "--municipality", "0630", "--url", "http://127.0.0.1:9/wfs"])
    assert result.exit_code == 1
    assert "cannot reach the WFS" in result.stderr


def test_importing_a_saved_wfs_page_never_touches_the_network(plan_env, tmp_path):
    """The GML names its schema on the server (xsi:schemaLocation); GDAL must not download it."""
    from integration.plan.wfs_replay import collection

    with Replay(LAYER, _features()) as wfs:
        page = tmp_path / "vejle.gml"
        page.write_text(collection(LAYER, _features()[:5], 5, wfs.url), encoding="utf-8")
        result = runner.invoke(app, ["plan", "import", str(page), "--json"])
        assert wfs.requests == []
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["imported"] == 5
    assert not list(tmp_path.glob("*.gfs"))


def test_an_empty_answer_is_said_and_writes_nothing(plan_env):
    # Issue 9 #4: a WFS answer with zero features succeeded silently.
    with Replay(LAYER, _features()) as wfs:
        result = runner.invoke(app, ["plan", "fetch", "--municipality", "0607", "--url", wfs.url])
    assert result.exit_code == 0
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("warning [no-features]") and "komnr 607" in line and "0607" in line and LAYER in line
    assert "0 (" in result.stdout
