"""The region on both backends: figures checked against independent, published facts."""

import json

from typer.testing import CliRunner

from trekant.cli.main import app

runner = CliRunner()

# Published land areas (km²), Danmarks Statistik ARE207 / the municipalities' own figures.
PUBLISHED_AREA_KM2 = {
    "0630": 1058, "0510": 814, "0575": 817, "0621": 604, "0530": 536, "0410": 298, "0607": 134.5,
}
# Land borders between the seven, read off the map of the region (Middelfart lies across the
# Little Belt and borders none of them by land).
NEIGHBOUR_PAIRS = {
    ("0530", "0575"), ("0530", "0630"), ("0510", "0575"), ("0510", "0621"), ("0575", "0621"),
    ("0575", "0630"), ("0607", "0621"), ("0607", "0630"), ("0621", "0630"),
}


def _show(store_env) -> list[dict]:
    result = runner.invoke(app, ["region", "show", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_region_show_json_shape(store_env):
    rows = _show(store_env)
    assert [r["code"] for r in rows] == sorted(PUBLISHED_AREA_KM2)
    for row in rows:
        assert set(row) >= {"code", "name", "area_km2", "population", "neighbours"}
        assert set(row["population"]) == {"period", "value"}


def test_areas_within_3_percent_of_published(store_env):
    for row in _show(store_env):
        published = PUBLISHED_AREA_KM2[row["code"]]
        assert abs(row["area_km2"] - published) / published < 0.03, row


def test_neighbours_are_the_land_borders(store_env):
    found = {tuple(sorted((r["code"], n))) for r in _show(store_env) for n in r["neighbours"]}
    assert found == NEIGHBOUR_PAIRS
    middelfart = next(r for r in _show(store_env) if r["code"] == "0410")
    assert middelfart["neighbours"] == []


def test_latest_population_is_the_newest_month(store_env):
    rows = _show(store_env)
    assert {r["population"]["period"] for r in rows} == {"2026M02"}


def test_population_2018q1_sums_to_published_total(store_env):
    """FOLK1A, 1 January 2018: the seven municipalities had 421,480 inhabitants (Statistics Denmark, table FOLK1A, statbank.dk/FOLK1A, CC BY 4.0)."""
    from sqlalchemy import func, select

    from trekant.store.schema.core import indicator_value
    from trekant.store.store import Store

    store = Store.from_settings(store_env)
    with store.connect() as conn:
        total = conn.execute(
            select(func.sum(indicator_value.c.value)).where(
                indicator_value.c.indicator_key == "population",
                indicator_value.c.period == "2018Q1",
                indicator_value.c.area_code.in_(list(PUBLISHED_AREA_KM2)),
            )
        ).scalar_one()
        denmark_2020q3 = conn.execute(
            select(indicator_value.c.value).where(
                indicator_value.c.indicator_key == "fulltime_employees", indicator_value.c.area_code == "DK",
                indicator_value.c.period == "2008Q1")
        ).scalar_one()
    store.dispose()
    assert total == 421_480
    assert denmark_2020q3 == 2_245_921  # LBESK69, All Denmark, 2008Q1, as published


def test_init_twice_duplicates_nothing(store_env):
    from trekant.region.repo import count_rows
    from trekant.store.schema.core import area_group_member, indicator_value, municipality
    from trekant.store.store import Store

    store = Store.from_settings(store_env)

    def counts():
        with store.connect() as conn:
            return [count_rows(conn, t) for t in (municipality, indicator_value, area_group_member)]

    before = counts()
    result = runner.invoke(app, ["init", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rebuilt"] is False
    assert counts() == before
    assert before[0] == 99  # 98 municipalities + Christiansø
    store.dispose()


def test_force_rebuilds(store_env):
    result = runner.invoke(app, ["init", "--force", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rebuilt"] is True
    assert len(_show(store_env)) == 7


def test_table_speaks_danish_by_default_and_english_on_request(store_env, monkeypatch):
    vejle = next(r for r in _show(store_env) if r["code"] == "0630")
    danish_thousands = f"{vejle['population']['value']:,}".replace(",", ".")  # 123306 → 123.306
    table = runner.invoke(app, ["region", "show"], env={"COLUMNS": "200"}).stdout
    assert "Folketal" in table and danish_thousands in table
    monkeypatch.setenv("TREKANT_LANGUAGE", "en")
    table = runner.invoke(app, ["region", "show"], env={"COLUMNS": "200"}).stdout
    assert "Population" in table and f"{vejle['population']['value']:,}" in table
