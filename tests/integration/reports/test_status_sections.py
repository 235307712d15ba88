"""Each section of the session's status report (built once, in conftest) against the service that
computes it: the joint plan's conflicts and equal-conditions differences (each with its map), the
pathway's gap, the energy scenarios, the strengths with LQ and shift-share, the partnerships'
count, funding and coverage gaps, and every strategy KPI with its status and reason. Figures are
formatted here with trekant.i18n on the service's values, so a report that rounds, reorders or
leaves out a figure fails."""

from __future__ import annotations

from trekant.economy import industry_service as industry
from trekant.economy import service as economy
from trekant.energy import service as energy
from trekant.energy import system_service
from trekant.i18n import number, percent
from trekant.infrastructure import service as infra
from trekant.partnerships import service as partnerships
from trekant.plan import reports as plan_reports
from trekant.plan.model import LIVE_STATUSES, PUBLISHED_STATUSES, CheckOptions
from trekant.reports.model import Figure, Heading, Table
from trekant.strategy import service as strategy

from .conftest import flat


def _n(value, decimals: int = 0) -> str:
    return number(value, f",.{decimals}f", "da")


def _section(built, key):
    return next(s for s in built.doc.sections if s.key == key)


def _tables(section) -> list[Table]:
    return [b for b in section.blocks if isinstance(b, Table)]


def test_employment_growth_against_the_peer_areas_and_denmark(status_da):
    # the longest headline window of the embedded LBESK69 series (latest quarter 2025Q3): the last 10 years
    start, end = "2015Q3", "2025Q3"
    peers = economy.growth_report(status_da.settings, "fulltime_employees", among="metro5", start=start, end=end)
    denmark = economy.growth_report(status_da.settings, "fulltime_employees", area="DK", among="DK", start=start,
                                    end=end)["growth"]
    text = status_da.pdf_text()
    assert len(peers["ranking"]) == 5  # the region and the four other metropolitan areas
    for r in peers["ranking"]:
        line = (f"{r['name']} {_n(r['start_value'])} {_n(r['end_value'])} {_signed(r['change_pct'])} "
                f"{_signed(r['cagr_pct'])} {r['rank']}")
        assert line in text, line
    line = (f"Danmark {_n(denmark['start_value'])} {_n(denmark['end_value'])} {_signed(denmark['change_pct'])} "
            f"{_signed(denmark['cagr_pct'])} –")
    assert line in text, line
    region = next(r for r in peers["ranking"] if r["area"] == peers["area"])
    assert region["change_pct"] < denmark["change_pct"]  # the honest answer: slower than the country


def _signed(value_pct: float) -> str:
    return number(value_pct, "+,.2f", "da") + " %"


def test_every_open_conflict_and_unequal_condition_has_its_heading_and_its_own_map(status_da):
    # the session's build is the public edition: the published live plans against each other
    statuses = tuple(s for s in LIVE_STATUSES if s in PUBLISHED_STATUSES)
    result = plan_reports.check(status_da.settings, CheckOptions(statuses=statuses)).to_dict()
    found = (len(result["conflicts"]), len(result["consequence_conflicts"]), len(result["border_overlaps"]),
             len(result["unequal_conditions"]))
    assert found == (3, 2, 1, 1)  # the demo plan's planted cases (docs/reports.md)
    section = _section(status_da, "plan")
    blocks = section.blocks
    conflict_headings = [i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 3]
    assert len(conflict_headings) == sum(found)
    for i in conflict_headings:  # heading, paragraph, then the map of that conflict
        assert isinstance(blocks[i + 2], Figure) and blocks[i + 2].kind == "map", blocks[i].text
    text = status_da.pdf_text()
    for c in result["conflicts"]:
        assert f"Miljøkonflikt: {c['source_planid']}" in text and c["sensitive_planid"] in text
        assert f"Afstand {_n(c['distance_m'])} m" in text or _n(c["distance_m"]) in text
    for u in result["unequal_conditions"]:
        heading = f"Ulige vilkår: {u['planid_a']} ("
        assert heading in text and u["planid_b"] in text
        assert f"Afstand {_n(u['distance_m'])} m. Forskelle: " in text
        for field in u["differences"]:
            assert f"{field} " in text.split(heading, 1)[1][:600], field  # every differing rule is named
    for o in result["border_overlaps"]:
        assert f"Overlappende areal {_n(o['area_m2'])} m²" in text


def test_the_land_account_is_the_plan_modules_hectares(status_da):
    land = plan_reports.land(status_da.settings, published_only=True)
    table = next(t for t in _tables(_section(status_da, "plan")) if len(t.columns) == 5)
    assert [(row[0], row[3], row[4]) for row in table.rows] == [
        (r["municipality"] or r["komnr"], _n(r["frames"]), _n(r["area_ha"], 1)) for r in land["rows"]]
    assert len(table.rows) > 7


def test_the_pathway_table_gives_the_gap_as_the_energy_module_computes_it(status_da):
    path = energy.pathway(status_da.settings)
    text = status_da.pdf_text()
    rows = {r["year"]: r for r in path["years"]}
    for year in (2025, 2030, 2035, 2040, 2045, 2050):
        r = rows[year]
        assert r["gap_co2e_t"] == r["projected_co2e_t"] - r["target_co2e_t"] or abs(
            r["gap_co2e_t"] - (r["projected_co2e_t"] - r["target_co2e_t"])) < 1e-6
        line = (f"{year} {_n(r['target_co2e_t'])} {_n(r['projected_co2e_t'])} {_n(r['gap_co2e_t'])} "
                f"{_n(r['political_gap_co2e_t'])}")
        assert line in text, line
    assert "Mangler til målet" in text


def test_the_scenarios_are_the_energy_system_models_hour_by_hour_results(status_da):
    simulated = [s for s in system_service.scenarios() if not s["optimised"]]
    optimised = [s for s in system_service.scenarios() if s["optimised"]]
    assert simulated and optimised
    table = next(t for t in _tables(_section(status_da, "energy")) if t.columns[0] == "Scenarie")
    assert [row[0] for row in table.rows] == [s["title"] for s in simulated]
    first = system_service.model_simulate(simulated[0]["name"])
    assert table.rows[0] == (first["title"], percent(first["self_sufficiency_share"], 1, "da"),
                             _n(first["import_mwh"] / 1000), _n(first["co2_t"] / 1000, 1),
                             _n(first["hydrogen_produced_t"]), _n(first["total_cost_dkk"] / 1e6))
    text = status_da.pdf_text()
    for s in optimised:  # named with the command that runs it
        assert f"trekant energy model run {s['name']}" in text


def test_the_strengths_lq_and_shift_share_are_the_industry_modules(status_da):
    strengths = industry.strengths_report(status_da.settings)
    shift = industry.shift_share_report(status_da.settings)
    text = status_da.pdf_text()
    # the three positions; industry and energy/PtX share their branch codes in the 10-grouping, so one row
    assert [s["name"] for s in strengths["strengths"]] == ["Industri + Energi og PtX", "Transport og logistik"]
    for s in strengths["strengths"]:
        line = f"{s['name']} {_n(s['value'])} {percent(s['share'], 1, 'da')} {_n(s['lq'], 2)}"
        assert line in text, line
    assert "kan ikke adskilles" in text  # the reason the two are one row
    t = shift["totals"]
    total = (f"I alt {_n(t['start'])} {_n(t['end'])} {_n(t['change'])} {_n(t['national_share'])} "
             f"{_n(t['industry_mix'])} {_n(t['regional_shift'])}")
    assert total in text, total
    assert round(t["national_share"] + t["industry_mix"] + t["regional_shift"]) == round(t["change"])
    assert f"Shift-share {shift['start_period']}–{shift['end_period']}" in text


def test_partnerships_count_funding_by_theme_and_coverage_gaps(status_da):
    settings = status_da.settings
    listed = partnerships.list_partnerships(settings)
    funding = partnerships.funding_report(settings)
    gaps = partnerships.coverage_report(settings)["gaps"]
    text = status_da.pdf_text()
    assert f"Partnerskaber i registret {_n(listed['count'])}" in text
    assert f"Finansiering i alt {_n(funding['total_dkk'] / 1e6, 1)} mio. kr." in text
    assert round(sum(r["amount_dkk"] for r in funding["by_theme"])) == round(funding["total_dkk"])
    assert f"Huller: {gaps['empty_cell_count']} tomme felter" in text
    table = next(t for t in _tables(_section(status_da, "partnerships")) if len(t.columns) == 3)
    assert [row[1] for row in table.rows[:-1]] == [_n(r["amount_dkk"] / 1e6, 1) for r in funding["by_theme"]]
    assert "contact" not in status_da.html.lower()  # never personal data


def test_every_strategy_kpi_with_its_status_and_reason(status_da):
    report = strategy.status(status_da.settings)
    counts = report["counts"]
    text, html = status_da.pdf_text(), status_da.html_text()
    assert (f"KPI'er: {counts['on_track']} på sporet, {counts['at_risk']} i risiko, {counts['off_track']} ikke på "
            f"sporet, {counts['no_data']} uden data.") in text
    rows = [row for t in _tables(_section(status_da, "strategy")) for row in t.rows]
    assert len(rows) == len(report["kpis"]) == sum(counts.values())
    for kpi, row in zip(report["kpis"], rows):
        assert row[0].startswith(kpi["name"])
        assert row[3] == kpi["explanation"] and row[3].startswith(kpi["status_text"]), kpi["key"]
        assert flat(kpi["explanation"]) in html  # a long reason wraps inside its PDF cell; the HTML reads as one


def test_every_table_and_figure_says_its_source_and_cba_figures_their_parameter_set(status_da):
    blocks = [b for s in status_da.doc.sections for b in s.blocks if isinstance(b, (Table, Figure))]
    assert [b.title for b in blocks if not b.source.startswith("Kilde: ")] == []
    ranking = infra.rank(status_da.settings).to_dict()
    section = _section(status_da, "infrastructure")
    ranked = next(b for b in section.blocks if isinstance(b, Table))  # the list with NPV, B/C, IRR
    chart = next(b for b in section.blocks if isinstance(b, Figure))  # NPV by project
    for block in (ranked, chart):
        assert f"parametersæt {ranking['params']}" in block.source, block.source
