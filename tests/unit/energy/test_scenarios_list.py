"""energy.system_service.scenarios: what a report can simulate and what needs the optimiser."""

from trekant.energy import system_service


def test_shipped_scenarios_with_their_optimised_capacities():
    rows = {r["name"]: r for r in system_service.scenarios()}
    assert set(rows) == {"today", "hysynergy_300mw", "ptx_1gw_2030"}
    # today and HySynergy give every capacity in MW/MWh; the 1 GW case lets the optimiser size these
    # (src/trekant/energy/data/scenarios/ptx_1gw_2030.yaml), the same list `model simulate` refuses with
    assert rows["today"]["optimised"] == [] and rows["hysynergy_300mw"]["optimised"] == []
    assert rows["ptx_1gw_2030"]["optimised"] == ["offshore_wind", "solar", "h2_store", "battery", "tvis.heat_store"]
    assert all(r["demo"] for r in rows.values())
    assert rows["today"]["title"].startswith("Trekantområdet i dag")
