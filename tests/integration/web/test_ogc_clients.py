"""Real OGC API clients that no one here wrote, against a live `trekant serve --workers 2`:
GDAL's OAPIF driver (through pyogrio), OWSLib, and QGIS (Debian's python3-qgis, headless, in a
subprocess under the system Python). Their features are compared with the store.

QGIS tests are skipped with the reason when python3-qgis is absent, unless TREKANT_REQUIRE_QGIS=1.
"""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pyogrio
import pytest
from owslib.ogcapi.features import Features

from tests import conftest as shared
from tests.integration.web.live_server import serving, store_env_vars
from tests.integration.web.test_ogc_api import COLLECTIONS, CRS84, store_frames

SYSTEM_PYTHON = "/usr/bin/python3"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def live_store(request, tmp_path_factory):
    """(settings, base URL): a private store on each backend and a live server with two worker
    processes over it, shared by this module's tests (they only read)."""
    folder = tmp_path_factory.mktemp("live")
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "sqlite":
            settings = shared._sqlite_env(patch, folder, request.getfixturevalue("sqlite_template"))
        else:
            settings = shared._postgis_env(patch, request.getfixturevalue("postgis_template"), request)
        with serving(store_env_vars(settings), workers=2, log=folder / "serve.log") as url:
            yield settings, url


@pytest.fixture
def live(live_store):
    return live_store[1]


@pytest.fixture
def store_env(live_store):
    return live_store[0]


def test_gdal_oapif_lists_the_layers_and_reads_plan_frames_as_stored(live, store_env):
    source = f"OAPIF:{live}/ogc"
    layers = dict(pyogrio.list_layers(source).tolist())
    assert set(layers) == set(COLLECTIONS)
    frames = pyogrio.read_dataframe(source, layer="plan_frames")
    expected = store_frames(store_env, public=True)
    assert sorted(frames["planid"]) == sorted(expected)
    # GDAL asks for the storage CRS it was offered (storageCrs), so the coordinates are the stored ones
    assert frames.crs.to_epsg() == 25832
    for planid, geometry in zip(frames["planid"], frames.geometry):
        assert geometry.equals_exact(expected[planid][2], 1e-6), planid
    kolding = pyogrio.read_dataframe(source, layer="plan_frames", where="komnr = '0621'")
    assert sorted(kolding["planid"]) == sorted(p for p, v in expected.items() if v[0] == "0621")


def test_gdal_oapif_pages_through_a_layer_with_a_small_page_size(live, store_env):
    frames = pyogrio.read_dataframe(f"OAPIF:{live}/ogc", layer="plan_frames", PAGE_SIZE=7)
    assert sorted(frames["planid"]) == sorted(store_frames(store_env, public=True))


def test_owslib_reads_collections_items_and_one_feature(live, store_env):
    api = Features(f"{live}/ogc")
    assert "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs" in api.conformance()["conformsTo"]
    collections = {c["id"]: c for c in api.collections()["collections"]}
    assert collections["plan_frames"]["storageCrs"].endswith("/EPSG/0/25832")
    page = api.collection_items("plan_frames", limit=5, komnr="0621")
    expected = sorted(p for p, v in store_frames(store_env, public=True).items() if v[0] == "0621")
    assert page["numberMatched"] == len(expected) and len(page["features"]) == 5
    assert all(f["id"] in expected for f in page["features"])
    kolding = api.collection_item("municipalities", "0621")
    assert kolding["properties"] == {"komnr": "0621", "name": "Kolding", "in_region": True}


def test_two_workers_answer_concurrent_requests_alike(live):
    """Stateless workers: 40 concurrent requests spread over both processes, all with the same answer."""
    url = f"{live}/ogc/collections/plan_frames/items?limit=100&bbox=9.4,55.4,9.6,55.6"

    def fetch(_):
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.headers["Content-Crs"] == f"<{CRS84}>"
            return tuple(sorted(f["id"] for f in json.load(response)["features"]))

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = set(pool.map(fetch, range(40)))
    assert len(answers) == 1 and len(next(iter(answers))) > 0


QGIS_SCRIPT = textwrap.dedent("""
    import json, os, sys
    from qgis.core import QgsApplication, QgsVectorLayer
    app = QgsApplication([], False)
    app.initQgis()
    out = {}
    for name in sys.argv[2:]:
        layer = QgsVectorLayer(f"url='{sys.argv[1]}' typename='{name}'", name, "OAPIF")
        ids = sorted(str(f["id"]) for f in layer.getFeatures()) if layer.isValid() else []
        out[name] = dict(valid=layer.isValid(), crs=layer.crs().authid(), count=layer.featureCount(), ids=ids)
    print(json.dumps(out))
    sys.stdout.flush()
    os._exit(0)  # QGIS 3.22 crashes in exitQgis()
""")


def qgis_or_skip() -> None:
    found = os.path.exists(SYSTEM_PYTHON) and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True, timeout=60).returncode == 0
    if not found:
        reason = "python3-qgis is not installed for /usr/bin/python3 (apt-get install python3-qgis)"
        if os.environ.get("TREKANT_REQUIRE_QGIS") == "1":
            pytest.fail(reason + " (TREKANT_REQUIRE_QGIS=1 forbids skipping)")
        pytest.skip(reason)


def test_qgis_loads_the_layers_headless_with_the_stored_features(live, store_env, tmp_path):
    qgis_or_skip()
    script = tmp_path / "qgis_oapif.py"
    script.write_text(QGIS_SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    result = subprocess.run([SYSTEM_PYTHON, str(script), f"{live}/ogc", "plan_frames", "municipalities", "plan_conflicts"],
                            capture_output=True, text=True, timeout=180,
                            env={**env, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-2000:]
    layers = json.loads(result.stdout.strip().splitlines()[-1])
    assert all(layer["valid"] for layer in layers.values()), layers
    assert layers["plan_frames"]["ids"] == sorted(store_frames(store_env, public=True))
    assert layers["municipalities"]["count"] == 99
    assert layers["plan_conflicts"]["count"] >= 1
