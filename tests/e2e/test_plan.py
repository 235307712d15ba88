"""The joint plan page in Chromium: a conflict zoomed with both frames, the site finder, a point's
rules, then uploads — a bad polygon named and refused, a good file's frames on the map, a hostile
plan name shown as text. The uploads change the store: they come last in this module; the hostile
name's test uploads the good file itself when it runs elsewhere (pytest-xdist: another worker has
another server)."""

from __future__ import annotations

import json
import urllib.request

import httpx
import pytest

from integration.web.plan_files import BAD_ID, GOOD_IDS, HOSTILE_NAME, bad_polygon_plan, good_plan
from e2e.conftest import drawn_share, wait_for_map


def api(server, path):
    with urllib.request.urlopen(server + path) as answer:
        return json.load(answer)


def traces(page, meta):
    return page.evaluate("(meta) => document.getElementById('map').data.filter(t => t.meta === meta)"
                         ".map(t => ({locations: t.locations || [], lon: t.lon || []}))", meta)


def view(page):
    return page.evaluate("() => { const m = document.getElementById('map').layout.map; return [m.center.lon, m.center.lat, m.zoom]; }")


def test_the_plan_map_draws(page):
    page.goto("/plan")
    wait_for_map(page)
    share, colours = drawn_share(page)
    assert share > 0.05 and colours > 20


def test_clicking_a_conflict_zooms_to_both_frames_with_the_distance(page, server):
    page.goto("/plan")
    wait_for_map(page)
    before = view(page)
    first = api(server, "/api/plan/conflicts")["features"][0]["properties"]
    page.locator("button.show-conflict").first.click()
    page.wait_for_function("() => (document.getElementById('map').dataset.overlays || '').includes('overlay-conflict')")
    frames, line = traces(page, "overlay-conflict")
    assert sorted(frames["locations"]) == sorted([first["source_planid"], first["sensitive_planid"]])
    assert len([x for x in line["lon"] if x is not None]) == 2  # the shortest line between them
    lon, lat, zoom = view(page)
    west, south, east, north = first["bbox"]
    assert zoom > before[2] + 2 and west <= lon <= east and south <= lat <= north
    detail = page.locator("#conflict-detail").inner_text()
    assert first["source_planid"] in detail and first["sensitive_planid"] in detail
    assert f"{first['distance_m']:,.0f}".replace(",", ".") in detail  # Danish notation


def test_site_finder_lists_and_marks_the_frames_of_all_municipalities(page, server):
    page.goto("/plan")
    wait_for_map(page)
    page.select_option("#finder-class", "3")
    page.get_by_role("button", name="Find", exact=True).click()
    page.wait_for_selector("#site-finder-result")
    expected = [f["planid"] for f in api(server, "/api/plan/where?env_class=3")["frames"]]
    shown = page.locator("#site-finder-result tbody tr[data-planid]").evaluate_all("rows => rows.map(r => r.dataset.planid)")
    assert shown == expected and len(expected) > 1
    page.wait_for_function("() => (document.getElementById('map').dataset.overlays || '').includes('overlay-matches')")
    (marked,) = traces(page, "overlay-matches")
    assert sorted(marked["locations"]) == sorted(expected)


def test_what_applies_at_a_point_typed_with_the_keyboard(page, server):
    page.goto("/plan")
    wait_for_map(page)
    frame = api(server, "/api/plan/where?env_class=3")["frames"][0]
    feature = next(f for f in api(server, "/api/plan/frames")["features"] if f["id"] == frame["planid"])
    ring = feature["geometry"]["coordinates"][0][0] if feature["geometry"]["type"] == "MultiPolygon" else feature["geometry"]["coordinates"][0]
    lon = sum(p[0] for p in ring[:-1]) / (len(ring) - 1)
    lat = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
    found = api(server, f"/api/plan/at?x={lon}&y={lat}&crs=EPSG:4326")["frames"]
    page.fill("#at-x", str(lon))
    page.fill("#at-y", str(lat))
    page.press("#at-y", "Enter")
    page.wait_for_selector("#at-point-result")
    shown = page.locator("#at-point-result tbody tr[data-planid]").evaluate_all("rows => rows.map(r => r.dataset.planid)")
    assert shown == [f["planid"] for f in found] and frame["planid"] in shown


def test_clicking_the_map_asks_what_applies_there(page):
    page.goto("/plan")
    wait_for_map(page)
    page.locator("#map canvas.maplibregl-canvas").click()
    page.wait_for_selector("#at-point-result")
    assert "EPSG:25832" in page.locator("#at-point-result").inner_text()


def test_upload_bad_polygon_then_good_file(page, server, tmp_path):
    page.goto("/plan")
    wait_for_map(page)
    count = int(page.locator("#map").get_attribute("data-frames"))

    page.set_input_files("#upload-file", str(bad_polygon_plan(tmp_path)))
    page.get_by_role("button", name="Indlæs").click()
    page.wait_for_selector("#upload-result .refused")
    report = page.locator("#upload-result").inner_text()
    assert f"planid {BAD_ID}" in report and "geometry" in report and "Self-intersection" in report
    assert "vejle_fejl.geojson" in report
    assert len(api(server, "/api/plan/frames")["features"]) == count  # nothing written

    page.set_input_files("#upload-file", str(good_plan(tmp_path)))
    page.get_by_role("button", name="Indlæs").click()
    page.wait_for_selector("#upload-result .ok")
    page.wait_for_function(f"() => document.getElementById('map').dataset.frames === '{count + 2}'")
    (frames,) = traces(page, "frames")
    assert set(GOOD_IDS) <= set(frames["locations"])
    (added,) = traces(page, "overlay-upload")
    assert sorted(added["locations"]) == sorted(GOOD_IDS)
    assert page.locator("#upload-result").get_attribute("data-added") == " ".join(sorted(GOOD_IDS))


@pytest.fixture
def good_plan_uploaded(server, tmp_path):
    """The good plan in this server's store, uploaded as the pages do (CSRF token from the page's meta);
    a second upload of the same file changes nothing."""
    with httpx.Client(base_url=server, timeout=120) as client:
        token = client.get("/plan").text.split('<meta name="csrf-token" content="', 1)[1].split('"', 1)[0]
        path = good_plan(tmp_path)
        with path.open("rb") as handle:
            answer = client.post("/api/plan/import", files={"file": (path.name, handle, "application/geo+json")},
                                 headers={"X-CSRF-Token": token})
    assert answer.status_code == 200, answer.text


def test_a_hostile_plan_name_is_shown_as_text_and_never_runs(page, good_plan_uploaded):
    """Frame WEB-2 of the good file is named with a <script> and an <img onerror>."""
    page.goto("/plan")
    wait_for_map(page)
    page.select_option("#finder-class", "3")
    page.select_option("#finder-use", "31")
    page.get_by_role("button", name="Find", exact=True).click()
    row = page.locator("#site-finder-result tr[data-planid='WEB-2']")
    row.wait_for()
    assert HOSTILE_NAME in row.inner_text()  # shown as the text it is
    page.fill("#history-planid", "WEB-2")
    page.press("#history-planid", "Enter")
    page.wait_for_selector("#history-versions table")
    assert HOSTILE_NAME in page.locator("#history-versions").inner_text()
    page.wait_for_timeout(300)
    assert page.title() != "pwned"
    assert page.evaluate("() => document.querySelectorAll('#main script, #main img[src=x]').length") == 0
