"""`trekant economy fetch` against a local server that answers like api.statbank.dk/v1/data.

The StatBank API takes a POST of JSON ({"table", "format": "CSV"|"BULK", "lang", "delimiter",
"variables": [{"code", "values"}]}) and answers a `;`-separated table with a BOM, or an HTTP
error whose JSON body carries "errorTypeCode" and "message" (Danmarks Statistik, "Statistikbank
API", dst.dk/da/Statistik/hjaelp-til-statistikbanken/api). Nothing here reaches the internet.
"""

import pytest

from integration.statbank_replay import serving

# FOLK1A figures for 1 January 2008 and 2020 as in the shipped data (Q1 rows).
ANSWER = ("\ufeffOMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\n"
          "Vejle;Total;Age, total;Total;2008Q1;104933\n"
          "Vejle;Total;Age, total;Total;2020Q1;115748\n"
          "Kolding;Total;Age, total;Total;2008Q1;87781\n"
          "Kolding;Total;Age, total;Total;2020Q1;93175\n")


# An answer shaped like StatBank table NRHP (regional accounts: "Production, GDP and generation of income
# by region, transaction, price unit and time"; Danmarks Statistik, Regional Accounts documentation): areas
# are Denmark, regions and provinces, never municipalities. The values are made up for the test
# (GDP per capita, DKK): Sydjylland 400,000 → 440,000 (+10 %), Fyn 300,000 → 315,000 (+5 %).
NRHP_ANSWER = ("\ufeffOMRÅDE;TRANSAKT;PRISENHED;TID;INDHOLD\n"
               "All Denmark;B.1*g Gross domestic product;Per capita (DKK), 2010-prices, chained values;2008;380000\n"
               "All Denmark;B.1*g Gross domestic product;Per capita (DKK), 2010-prices, chained values;2018;410000\n"
               "Region Syddanmark;B.1*g Gross domestic product;Per capita (DKK), 2010-prices, chained values;2018;1\n"
               "Province Fyn;B.1*g Gross domestic product;Per capita (DKK), 2010-prices, chained values;2008;300000\n"
               "Province Fyn;B.1*g Gross domestic product;Per capita (DKK), 2010-prices, chained values;2018;315000\n"
               "Province Sydjylland;B.1*g Gross domestic product;Per capita (DKK), 2010-prices, chained values;2008;400000\n"
               "Province Sydjylland;B.1*g Gross domestic product;Per capita (DKK), 2010-prices, chained values;2018;440000\n"
               "Province Sydjylland;B.1*g Gross domestic product;Current prices (DKK m);2018;99\n")


@pytest.fixture
def statbank():
    with serving({"FOLK1A": ANSWER, "NRHP": NRHP_ANSWER}) as replay:
        yield replay


def test_fetch_posts_the_documented_request_and_imports(store_env, statbank, tmp_path, run_json):
    saved = tmp_path / "raw.csv"
    summary = run_json("economy", "fetch", "folk1a", "--url", statbank.url, "--var", "OMRÅDE=630,621",
                       "--var", "Tid=2008K1,2020K1", "--indicator", "population_api", "--save", str(saved))
    [(path, content_type, body)] = statbank.calls
    assert path == "/v1/data" and content_type == "application/json"
    assert body == {"table": "FOLK1A", "format": "CSV", "lang": "en", "delimiter": "Semicolon",
                    "variables": [{"code": "OMRÅDE", "values": ["630", "621"]},
                                  {"code": "Tid", "values": ["2008K1", "2020K1"]}]}
    assert summary["values"] == 4 and summary["fetched_from"] == statbank.url
    assert "FOLK1A" in summary["source"] and summary["licence"] == "CC BY 4.0"
    assert saved.read_text(encoding="utf-8") == ANSWER.lstrip("\ufeff")
    growth = run_json("economy", "growth", "-i", "population_api", "--area", "Vejle", "--among", "Vejle,Kolding")
    assert growth["growth"]["change"] == 115_748 - 104_933


def test_bulk_format_is_passed_on(store_env, statbank, run_json):
    run_json("economy", "fetch", "FOLK1A", "--url", statbank.url, "--format", "BULK", "--var", "OMRÅDE=*",
             "--var", "Tid=*", "-i", "population_api")
    assert statbank.requests[0]["format"] == "BULK"


def test_api_error_message_reaches_the_user(store_env, statbank, run):
    result = run("economy", "fetch", "NOSUCH", "--url", statbank.url)
    assert result.exit_code == 1
    assert "400" in result.stderr and "Tabellen NOSUCH findes ikke" in result.stderr


def test_unreachable_api_is_one_clear_line(store_env, run):
    result = run("economy", "fetch", "FOLK1A", "--url", "http://127.0.0.1:9/v1/data")
    assert result.exit_code == 1 and "cannot reach the StatBank API" in result.stderr


def test_bad_variable_selection(store_env, statbank, run):
    result = run("economy", "fetch", "FOLK1A", "--url", statbank.url, "--var", "OMRÅDE")
    assert result.exit_code == 1 and "CODE=value" in result.stderr


def test_gdp_by_province_is_imported_with_the_region_caveat(store_env, statbank, run_json):
    """The documented command (docs/economy.md): regional GDP per capita from StatBank table NRHP. Province
    rows are kept as Statistics Denmark's provinces; Landsdel Sydjylland holds six of the region's seven
    municipalities (not Middelfart, which is in Landsdel Fyn) and six others."""
    summary = run_json("economy", "fetch", "NRHP", "--url", statbank.url, "--var", "OMRÅDE=*", "--var", "TRANSAKT=*",
                       "--var", "PRISENHED=*", "--var", "Tid=*", "--where", "PRISENHED=Per capita*",
                       "-i", "gdp_per_capita_province", "--not-additive")
    [body] = statbank.requests
    assert body["table"] == "NRHP" and [v["code"] for v in body["variables"]] == ["OMRÅDE", "TRANSAKT", "PRISENHED", "Tid"]
    assert summary["areas_imported"] == ["DK", "landsdel_fyn", "landsdel_sydjylland"]
    assert summary["values"] == 6 and summary["basis"] == "workplace"  # regional accounts: where the work is done
    assert any("Region Syddanmark" in w for w in summary["warnings"])
    growth = run_json("economy", "growth", "-i", "gdp_per_capita_province", "--area", "landsdel_sydjylland",
                      "--among", "landsdel_sydjylland,landsdel_fyn")
    assert growth["growth"]["change_pct"] == pytest.approx(10.0) and growth["rank"] == 1
    [caveat, fyn] = growth["caveats"]
    assert "6 af regionens 7" in caveat and "Middelfart" in caveat and "Esbjerg" in caveat
    assert "1 af regionens 7" in fyn
    report = run_json("economy", "claim", "-i", "gdp_per_capita_province")
    assert report["windows_scanned"] == 0 and report["stand_ins"] == ["landsdel_sydjylland", "landsdel_fyn"]
    assert "Landsdel Sydjylland" in report["statement"]


def test_a_province_series_never_confirms_the_regions_claim(store_env, statbank, run_json):
    """Imported under the claim's own key, a province series is still another geography: not checked."""
    run_json("economy", "fetch", "NRHP", "--url", statbank.url, "--var", "OMRÅDE=*", "--var", "TRANSAKT=*",
             "--var", "PRISENHED=*", "--var", "Tid=*", "--where", "PRISENHED=Per capita*",
             "-i", "real_gdp_per_capita", "--not-additive")
    report = run_json("economy", "claim", "-i", "real_gdp_per_capita")
    claim = next(c for c in report["published_claims"] if c["key"] == "gdp_per_capita_2008_2018")
    assert claim["checkable"] is False and claim["series_check"] is None
    assert "anden geografi" in claim["verdict"] and "Middelfart" in claim["verdict"]
