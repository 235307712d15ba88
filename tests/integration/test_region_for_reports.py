"""The region service functions the reports read: outlines for maps, the region's population."""

from trekant.region import service
from trekant.region.geometry import area_km2


def test_outlines_are_the_seven_members_with_their_areas(store_env):
    rows = service.municipality_outlines(store_env)
    assert sorted(r["name"] for r in rows) == ["Billund", "Fredericia", "Haderslev", "Kolding", "Middelfart",
                                               "Vejen", "Vejle"]
    assert all(r["member"] for r in rows)
    shown = {r["code"]: round(area_km2(r["geometry"]), 1) for r in rows}
    assert shown == {r["code"]: r["area_km2"] for r in service.describe_region(store_env)["municipalities"]}


def test_neighbours_within_a_distance_are_added_as_non_members(store_env):
    rows = service.municipality_outlines(store_env, neighbours_within_m=1.0)
    others = {r["code"] for r in rows if not r["member"]}
    # land neighbours of the region on the map of Denmark: Esbjerg (of Vejen), Aabenraa (of Haderslev),
    # Hedensted (of Vejle); Copenhagen is far away
    assert {"0561", "0580", "0766"} <= others
    assert "0101" not in others
    assert sum(r["member"] for r in rows) == 7


def test_region_population_is_the_members_sum_for_the_latest_month(store_env):
    # FOLK1AM 2026M02 (/work/shared/data/dst/folk1am_population_monthly_2021_2026.csv): Middelfart 40,616,
    # Billund 27,181, Fredericia 52,901, Haderslev 55,207, Kolding 96,299, Vejen 42,637, Vejle 123,306
    assert service.describe_region(store_env)["population"] == dict(period="2026M02", value=438_147)
