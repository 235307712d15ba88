"""infrastructure.service.risk on a common base year: its CBA anchor is the CBA on that base year."""

import pytest

from trekant.infrastructure import service


def test_risk_on_a_given_base_year_is_anchored_on_the_cba_of_that_year(sqlite_env):
    own = service.cba_report(sqlite_env, "little-belt-third-crossing")
    moved = service.cba_report(sqlite_env, "little-belt-third-crossing", base_year=2026, price_year=2022)
    assert own["base_year"] != 2026 and moved["base_year"] == 2026
    _, result = service.risk(sqlite_env, "little-belt-third-crossing", 200, 3, base_year=2026, price_year=2022)
    data = result.to_dict()
    assert data["cba_npv_dkk"] == pytest.approx(moved["npv_dkk"], rel=1e-12)
    assert data["cba_npv_dkk"] != pytest.approx(own["npv_dkk"], rel=1e-6)
    _, default = service.risk(sqlite_env, "little-belt-third-crossing", 200, 3)
    assert default.to_dict()["cba_npv_dkk"] == pytest.approx(own["npv_dkk"], rel=1e-12)
