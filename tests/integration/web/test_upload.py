"""Uploading a plan file: editors only (the local administrator for now), the validation report feature
by feature, nothing written on an error, 413 above TREKANT_MAX_UPLOAD_MB."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from integration.web.plan_files import BAD_ID, GOOD_IDS, bad_polygon_plan, good_plan
from trekant.store.schema.core import audit_log
from trekant.store.store import reading
from trekant.web.app import create_app


def upload(client, path, **form):
    with path.open("rb") as handle:
        return client.post("/api/plan/import", files={"file": (path.name, handle, "application/geo+json")}, data=form)


def planids(client) -> set[str]:
    return {f["id"] for f in client.get("/api/plan/frames").json()["features"]}


def test_anonymous_may_not_upload(client, tmp_path):
    response = upload(client, good_plan(tmp_path))
    assert response.status_code == 401
    assert not set(GOOD_IDS) & planids(client)


def test_a_good_file_adds_its_frames_under_the_persons_name(admin_client, store_env, tmp_path):
    response = upload(admin_client, good_plan(tmp_path))
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["imported"], body["new_frames"], body["source"]) == (2, 2, "vejle_nord.geojson")
    assert set(GOOD_IDS) <= planids(admin_client)
    with reading(store_env) as conn:
        actors = {r.actor for r in conn.execute(select(audit_log.c.actor).where(audit_log.c.action == "plan.import"))}
    assert "web:local-admin" in actors


def test_a_bad_polygon_is_named_and_nothing_is_written(admin_client, tmp_path):
    before = planids(admin_client)
    response = upload(admin_client, bad_polygon_plan(tmp_path))
    assert response.status_code == 422
    issues = response.json()["issues"]
    bad = [i for i in issues if i["code"] == "invalid-geometry"]
    assert [(i["feature"], i["field"], i["source"]) for i in bad] == [(f"planid {BAD_ID}", "geometry", "vejle_fejl.geojson")]
    assert bad[0]["message"].startswith("Self-intersection")
    assert "/tmp" not in json.dumps(issues) and "trekant-upload" not in json.dumps(issues)
    assert planids(admin_client) == before  # the good frame in the same file was not written either


@pytest.mark.parametrize("name, content", [
    ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    ("plan.geojson", b"this is not a plan"),
    ("empty.geojson", b""),
    ("plan.geojson", json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"colour": "red"}, "geometry": {"type": "Point", "coordinates": [9.5, 55.7]}}]}).encode()),
])
def test_a_file_that_is_no_plan_is_refused(admin_client, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    before = planids(admin_client)
    response = upload(admin_client, path)
    assert response.status_code == 422, response.text
    assert response.json()["issues"][0]["message"]
    assert planids(admin_client) == before


def test_a_hostile_file_name_cannot_reach_outside_the_upload_folder(admin_client, tmp_path):
    path = good_plan(tmp_path)
    with path.open("rb") as handle:
        response = admin_client.post("/api/plan/import", files={"file": ("../../../etc/vejle.geojson", handle)})
    assert response.status_code == 200, response.text
    assert response.json()["source"] == "../../../etc/vejle.geojson"


def small_limit_client(settings, megabytes: float) -> TestClient:
    app = create_app(settings.model_copy(update={"max_upload_mb": megabytes}), local_admin=True)
    return TestClient(app, raise_server_exceptions=False, client=("127.0.0.1", 50000))


def test_an_oversized_upload_is_413(sqlite_env, tmp_path):
    path = good_plan(tmp_path)
    limit_mb = path.stat().st_size / 2 / 1_000_000  # half the file
    with small_limit_client(sqlite_env, limit_mb) as client:
        response = upload(client, path)
        assert response.status_code == 413
        (issue,) = response.json()["issues"]
        assert (issue["code"], issue["field"]) == ("too-large", "body")
        assert "TREKANT_MAX_UPLOAD_MB" in issue["message"]
        assert not set(GOOD_IDS) & planids(client)


def test_an_oversized_body_without_length_is_413_too(sqlite_env, tmp_path):
    """A chunked body declares no Content-Length: it is counted while it streams."""
    boundary = "xyz"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.geojson\"\r\n\r\n").encode() \
        + b" " * 5000 + f"\r\n--{boundary}--\r\n".encode()

    def chunks():
        for start in range(0, len(body), 1000):
            yield body[start:start + 1000]

    with small_limit_client(sqlite_env, 0.002) as client:
        response = client.post("/api/plan/import", content=chunks(),
                               headers={"content-type": f"multipart/form-data; boundary={boundary}"})
        assert response.status_code == 413, response.text
        assert response.json()["issues"][0]["code"] == "too-large"


def test_the_limit_is_a_documented_setting(sqlite_env, monkeypatch):
    monkeypatch.setenv("TREKANT_MAX_UPLOAD_MB", "0.5")
    from trekant.settings import Settings

    assert Settings().max_upload_mb == 0.5


def test_a_draft_frame_is_shown_only_to_signed_in_principals(admin_client, store_env, tmp_path):
    """A frame in status K (kladde, an unpublished draft) appears for the local administrator, never
    for anonymous readers: not on the map layer, in the site finder, at a point or on the page."""
    from fastapi.testclient import TestClient
    from trekant.web.app import create_app

    path = good_plan(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"status": "V"', '"status": "K"'), encoding="utf-8")
    assert upload(admin_client, path).status_code == 200
    with TestClient(create_app(store_env), raise_server_exceptions=False) as anonymous:
        assert set(GOOD_IDS) <= planids(admin_client)
        assert not set(GOOD_IDS) & planids(anonymous)
        assert "WEB-2" in {f["planid"] for f in admin_client.get("/api/plan/where?env_class=3&use=31").json()["frames"]}
        assert "WEB-2" not in {f["planid"] for f in anonymous.get("/api/plan/where?env_class=3&use=31").json()["frames"]}
        at = "/api/plan/at?x=533750&y=6175150"
        assert "WEB-2" in [f["planid"] for f in admin_client.get(at).json()["frames"]]
        assert "WEB-2" not in [f["planid"] for f in anonymous.get(at).json()["frames"]]
        assert "WEB-2" not in anonymous.get("/parts/plan/site-finder?env_class=3&use=31").text


def test_an_editor_uploads_for_their_own_municipality_only(store_env, tmp_path):
    """The upload asks the permission table ("plan.edit": editors for their own municipalities): the
    editor of Kolding may not add Vejle's frames (403, nothing written); the editor of Vejle may."""
    from integration.web.signin import make_accounts, signed_in

    make_accounts(store_env)
    app = create_app(store_env)
    kolding, kolding_csrf = signed_in(app, "kolding")
    path = good_plan(tmp_path)
    with path.open("rb") as handle:
        refused = kolding.post("/api/plan/import", files={"file": (path.name, handle)}, headers={"X-CSRF-Token": kolding_csrf})
    assert refused.status_code == 403 and "0630" in refused.json()["issues"][0]["message"]
    assert not set(GOOD_IDS) & planids(kolding)
    vejle, vejle_csrf = signed_in(app, "vejle")
    assert 'id="upload-form"' in vejle.get("/plan").text
    with path.open("rb") as handle:
        accepted = vejle.post("/api/plan/import", files={"file": (path.name, handle)}, headers={"X-CSRF-Token": vejle_csrf})
    assert accepted.status_code == 200, accepted.text
    assert set(GOOD_IDS) <= planids(vejle)


def test_the_kpi_board_after_an_upload_leaves_the_store_sound(sqlite_env, tmp_path):
    """The web server keeps its store connections open between requests (the shared engine). The
    KPI board counts open conflicts; GDAL once read them from the same GeoPackage in the same
    process and, closing the file, removed the WAL files under those connections (its own SQLite
    does not see their locks): the next reads failed with 'database disk image is malformed' (503)
    and the plan page's map never drew. The board must leave the server sound."""
    from shapely.geometry import box

    from unit.plan.builders import VEJLE, frame, write_geojson

    app = create_app(sqlite_env, local_admin=True)
    with TestClient(app, raise_server_exceptions=False, client=("127.0.0.1", 50000)) as client:
        page = client.get("/plan").text
        client.headers["X-CSRF-Token"] = page.split('<meta name="csrf-token" content="', 1)[1].split('"', 1)[0]
        expected = planids(client) | set(GOOD_IDS)
        assert upload(client, good_plan(tmp_path)).status_code == 200  # a write: the WAL holds pages
        for n in (1, 2):
            assert client.get("/parts/kpi-board").status_code == 200
            extra = write_geojson(tmp_path / f"more_{n}.geojson",
                                  [frame(f"WEB-X{n}", VEJLE, 11, box(534000 + 400 * n, 6175000, 534300 + 400 * n, 6175300))])
            answer = upload(client, extra)
            assert answer.status_code == 200 and answer.json()["new_frames"] == 1, answer.text  # another write
            expected.add(f"WEB-X{n}")
            assert planids(client) == expected
            assert client.get("/api/plan/conflicts").status_code == 200


def test_the_conflict_kpi_in_the_web_server_leaves_the_stores_wal_file(sqlite_env):
    """With the web server's shared engine open, the KPI reads through it, not through GDAL."""
    from sqlalchemy import text

    from trekant.plan import kpis
    from trekant.store.store import writing

    shared = sqlite_env.model_copy(update={"shared_engine": True})
    with reading(shared) as conn:  # the server's pool: a connection stays open
        conn.execute(text("SELECT 1"))
    with writing(shared) as conn:
        conn.execute(text("CREATE TABLE wal_probe (x INTEGER)"))
        conn.execute(text("INSERT INTO wal_probe VALUES (1)"))
    wal = sqlite_env.store_path.with_name(sqlite_env.store_path.name + "-wal")
    assert wal.exists()
    with reading(shared) as conn:
        assert kpis.open_conflicts(conn, shared).value >= 0
    assert wal.exists()
    with writing(shared) as conn:
        conn.execute(text("INSERT INTO wal_probe VALUES (2)"))
    with reading(shared) as conn:
        assert conn.execute(text("SELECT count(*) FROM wal_probe")).scalar_one() == 2
