"""Funding sums, coverage and the network on hand-built cases whose answers are worked out here."""

from datetime import date

import pytest

from trekant.partnerships import coverage, funding, network
from trekant.partnerships.model import Funding, Partner, Partnership


def _p(key, themes, municipalities, lines=(), shares=None, status="active", demo=False, orgs=()):
    return Partnership(key=key, name=key.upper(), status=status, themes=tuple(themes),
                       municipalities=tuple(municipalities), shares=shares or {}, funding=tuple(lines),
                       partners=tuple(Partner(o, "partner") for o in orgs), start=date(2020, 1, 1), is_demo=demo)


P1 = _p("p1", ["energy_climate", "business_development"], ["0607", "0621"],
        [Funding("state", 1_000_000, 2020), Funding("municipal", 300_000, 2021, municipality="0607")])
P2 = _p("p2", ["culture_attractiveness"], ["0621", "0630", "0410"],
        [Funding("eu", 2_000_000, 2022), Funding("private", 100_000, None)],
        shares={"0621": 0.5, "0630": 0.3, "0410": 0.2})
P3 = _p("p3", ["planning"], [], [Funding("foundation", 50_000, 2021)], status="ended", demo=True)
P4 = _p("p4", ["labour_education"], ["0530"], status="idea")


def _by(rows, key):
    return {r[key]: r["amount_dkk"] for r in rows}


def test_funding_sums_by_every_dimension():
    result = funding.report([P1, P2, P3], ["0607", "0621", "0630", "0410", "0530"])
    assert result["total_dkk"] == 1_000_000 + 300_000 + 2_000_000 + 100_000 + 50_000 == 3_450_000
    assert result["demo_dkk"] == 50_000 and result["demo"] is True
    # 0607: half of P1's state million (even split between 2) + its own 300,000 line
    # 0621: half of the million + 50 % of P2's 2.1 million by the file's shares
    assert _by(result["by_municipality"], "municipality") == {
        "0607": 500_000 + 300_000, "0621": 500_000 + 0.5 * 2_100_000, "0630": 0.3 * 2_100_000,
        "0410": 0.2 * 2_100_000, "0530": 0, "unallocated": 50_000}
    # P1's 1.3 million split evenly between its two themes
    themes = _by(result["by_theme"], "theme")
    assert themes["energy_climate"] == themes["business_development"] == 650_000
    assert themes["culture_attractiveness"] == 2_100_000 and themes["planning"] == 50_000
    assert themes["labour_education"] == 0 and sum(themes.values()) == result["total_dkk"]
    assert _by(result["by_source"], "source") == {"municipal": 300_000, "state": 1_000_000, "eu": 2_000_000,
                                                  "private": 100_000, "foundation": 50_000}
    assert [(r["year"], r["amount_dkk"]) for r in result["by_year"]] == [
        ("2020", 1_000_000), ("2021", 350_000), ("2022", 2_000_000), ("unknown", 100_000)]


def test_each_partnership_says_how_it_was_split():
    splits = {s["partnership"]: s["municipality_split"] for s in funding.report([P1, P2, P3])["partnerships"]}
    assert splits == {"p1": ["even", "line"], "p2": ["file"], "p3": ["none"]}
    assert "even split" in funding.report([P1])["method"]


def test_demo_money_is_counted_in_its_buckets():
    result = funding.report([P1, P3])
    assert _by([dict(r, amount_dkk=r["demo_dkk"]) for r in result["by_source"]], "source")["foundation"] == 50_000
    assert all(r["demo_dkk"] == 0 for r in result["by_source"] if r["source"] != "foundation")


def test_coverage_matrix_and_gaps():
    places = ["0607", "0621", "0630", "0410", "0530"]
    result = coverage.report([P1, P2, P3, P4], places)
    cells = {r["municipality"]: r["counts"] for r in result["matrix"]}
    assert cells["0621"]["energy_climate"] == 1 and cells["0621"]["culture_attractiveness"] == 1
    assert cells["0530"] == {t: 0 for t in cells["0530"]}  # only an ended and an idea there
    gaps = result["gaps"]
    assert gaps["themes_without_partnership"] == ["labour_education", "infrastructure_mobility", "planning"]
    assert gaps["municipalities_in_none"] == ["0530"]
    filled = 2 + 3 + 1 + 1  # 0607: energy, business; 0621: energy, business, culture; 0630, 0410: culture
    assert gaps["empty_cell_count"] == 5 * 6 - filled == 23
    assert result["demo"] is False  # the demo partnership has ended and is not counted


def test_coverage_can_count_other_statuses():
    result = coverage.report([P3], ["0530"], statuses=("ended",))
    assert result["per_theme"]["planning"] == 1 and result["demo"] is True


# A hand-built network: a triangle A–B–C, then C–D and D–E as a chain, and F alone.
NET = [
    _p("t1", ["planning"], ["0607"], orgs=["a", "b", "c"]),
    _p("t2", ["planning"], ["0621"], orgs=["c", "d"]),
    _p("t3", ["planning"], ["0630", "0621"], orgs=["d", "e"]),
    _p("t4", ["planning"], ["0530"], orgs=["f"]),
    _p("t5", ["planning"], ["0607"], orgs=["a", "b"]),
]


def test_network_measures_on_a_hand_built_case():
    result = network.report(NET)
    nodes = {n["organisation"]: n for n in result["nodes"]}
    n = 6
    # degree centrality = links / (n − 1)
    assert {k: v["degree"] for k, v in nodes.items()} == {"a": 2, "b": 2, "c": 3, "d": 2, "e": 1, "f": 0}
    for org, links in {"a": 2, "b": 2, "c": 3, "d": 2, "e": 1, "f": 0}.items():
        assert nodes[org]["degree_centrality"] == pytest.approx(links / (n - 1))
    # betweenness: C sits on the only shortest paths A–D, A–E, B–D, B–E (4 pairs); D on A–E, B–E, C–E (3);
    # normalised by (n − 1)(n − 2)/2 = 10
    pairs = (n - 1) * (n - 2) / 2
    assert nodes["c"]["betweenness_centrality"] == pytest.approx(4 / pairs)
    assert nodes["d"]["betweenness_centrality"] == pytest.approx(3 / pairs)
    assert all(nodes[o]["betweenness_centrality"] == 0 for o in "abef")
    assert result["cut_points"] == ["c", "d"]
    assert result["components"] == [dict(size=5, organisations=["a", "b", "c", "d", "e"]),
                                     dict(size=1, organisations=["f"])]
    # A and B share two partnerships: one link of weight 2
    ab = next(e for e in result["edges"] if (e["source"], e["target"]) in (("a", "b"), ("b", "a")))
    assert ab["weight"] == 2 and ab["partnerships"] == ["t1", "t5"]
    assert result["links"] == 5
    # bridges: organisations whose partnerships reach two or more municipalities
    assert {b["organisation"]: b["municipalities"] for b in result["bridges"]} == {
        "c": ["0607", "0621"], "d": ["0621", "0630"], "e": ["0621", "0630"]}
    assert result["nodes"][0]["organisation"] == "c"  # ordered by betweenness, highest first


def test_an_empty_register_has_an_empty_network():
    result = network.report([])
    assert result["organisations"] == 0 and result["components"] == [] and result["bridges"] == []


def test_the_methods_are_said_in_both_languages_and_the_english_is_the_cores_own():
    from trekant.partnerships.labels import label

    assert label("funding_method", "en") == funding.METHOD
    assert label("network_method", "en") == network.report([])["method"]
    assert "ligeligt fordelt" in label("funding_method", "da") and "uvægtede" in label("network_method", "da")
