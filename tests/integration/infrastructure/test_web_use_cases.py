"""The use cases the web pages call: re-ranking with given weights, the risk histogram, the portfolio map."""

import pytest

from trekant.errors import InputError
from trekant.infrastructure import service


def test_all_weight_on_one_criterion_orders_by_that_criterion(store_env):
    """Weighted sum with one non-zero weight scores (x − min) / (max − min) of that criterion alone,
    so the ranking is the order of the projects' values of it (ties by key, as ranks_of breaks them)."""
    weights = {"npv_per_public_dkk": 0, "bc_ratio": 0, "strategic_fit": 0, "regional_growth": 1, "cohesion": 0}
    data = service.rank(store_env, method="weighted-sum", weights=weights).to_dict()
    expected = sorted(data["ranking"], key=lambda r: (-r["values"]["regional_growth"], r["key"]))
    assert [r["key"] for r in data["ranking"]] == [r["key"] for r in expected]
    assert {c["name"]: c["weight"] for c in data["criteria"]}["regional_growth"] == 1.0


def test_a_changed_weight_moves_the_ranking(store_env):
    before = [r["key"] for r in service.rank(store_env).to_dict()["ranking"]]
    only_growth = {"npv_per_public_dkk": 0, "bc_ratio": 0, "strategic_fit": 0, "regional_growth": 1, "cohesion": 0}
    after = [r["key"] for r in service.rank(store_env, weights=only_growth).to_dict()["ranking"]]
    assert sorted(before) == sorted(after) and before != after


def test_given_weights_replace_only_their_own_criteria(store_env):
    """The default profile's weights are 0.30/0.10/0.25/0.20/0.15; doubling bc_ratio to 0.20
    makes the sum 1.10, so bc_ratio weighs 0.20/1.10 and npv_per_public_dkk 0.30/1.10."""
    criteria = {c["name"]: c["weight"] for c in service.rank(store_env, weights={"bc_ratio": 0.2}).to_dict()["criteria"]}
    assert criteria["bc_ratio"] == pytest.approx(0.2 / 1.1)
    assert criteria["npv_per_public_dkk"] == pytest.approx(0.3 / 1.1)


@pytest.mark.parametrize("weights, field", [
    ({"no_such_criterion": 1}, "no_such_criterion"),
    ({"cohesion": -1}, "cohesion"),
    ({"cohesion": float("nan")}, "cohesion"),
    ({n: 0 for n in ("npv_per_public_dkk", "bc_ratio", "strategic_fit", "regional_growth", "cohesion")}, "weights"),
])
def test_bad_weights_are_refused_by_name(sqlite_env, weights, field):
    with pytest.raises(InputError) as caught:
        service.rank(sqlite_env, weights=weights)
    assert [i.field for i in caught.value.issues] == [field]


def test_risk_histogram_holds_every_draw(sqlite_env):
    _, result = service.risk(sqlite_env, "billund-rail-gadbjerg", 2000, 7)
    histogram = result.to_dict()["histogram"]
    assert sum(histogram["counts"]) == 2000
    assert len(histogram["edges_dkk"]) == len(histogram["counts"]) + 1
    edges = histogram["edges_dkk"]
    assert edges[0] <= result.p10_npv_dkk <= result.p90_npv_dkk <= edges[-1]


def test_portfolio_map_places_every_project_with_a_geometry_in_denmark(store_env):
    layer = service.projects_map(store_env)
    keys = {p["key"] for p in service.project_summaries(store_env)}
    mapped = {f["id"] for f in layer["features"]}
    assert mapped | set(layer["without_geometry"]) == keys
    for feature in layer["features"]:
        lon, lat = feature["geometry"]["coordinates"][0] if feature["geometry"]["type"] != "Point" else feature["geometry"]["coordinates"]
        assert 8.0 < lon < 13.0 and 54.5 < lat < 58.0  # Denmark in WGS 84
