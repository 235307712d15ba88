"""The hourly view the web page draws (system_service.week_charts): a chosen week and duration curves,
from the same simulation or optimisation the CLI runs."""

import pandas as pd
import pytest

from trekant.energy import system_service
from trekant.errors import InputError


def test_a_fixed_scenario_is_simulated_for_the_year_and_one_week_is_drawn():
    result = system_service.week_charts("today", 1)  # 0-based: the second week
    year = system_service.model_simulate("today")
    assert (result["window"], result["method"], result["demo"]) == ("year", "simulation", True)
    hours = result["charts"]["hours"]
    assert len(hours) == 168
    assert pd.Timestamp(hours[0]) == pd.Timestamp("2017-01-08T00:00:00+00:00")  # hour 168 of the profile year
    curves = result["charts"]["duration_curves"]
    assert curves["share_of_hours_pct"] == list(range(101))
    # the top of the import duration curve is the year's peak import; the totals are the year's
    assert curves["mw"]["grid_import"][0] == pytest.approx(year["peak_import_mw"], abs=0.1)
    assert result["import_mwh"] == year["import_mwh"]


def test_week_outside_the_year_is_refused():
    with pytest.raises(InputError, match="week"):
        system_service.week_charts("today", 60)


def test_scenarios_say_which_capacities_an_optimisation_sizes():
    listed = {s["name"]: s for s in system_service.scenarios()}
    assert listed["today"]["optimised"] == []
    assert listed["ptx_1gw_2030"]["optimised"]  # sized by PyPSA: the web optimises one week
    assert all(s["title"] for s in listed.values())
