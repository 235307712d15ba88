"""The hourly view the web page draws: a chosen week and duration curves, from the same simulation as the CLI."""

import pandas as pd
import pytest

from trekant.energy import service
from trekant.errors import InputError


def test_duration_curve_sorts_from_the_highest_hour_down():
    # [3, 1, 2] sorted down is [3, 2, 1]: the highest hour at share 0, the lowest at share 1.
    assert service.duration_curve([3, 1, 2], points=3) == dict(hours_share=[0.0, 0.5, 1.0], values=[3.0, 2.0, 1.0])


def test_duration_curve_samples_long_series():
    curve = service.duration_curve(range(1001), points=5)  # ranks 0, 250, 500, 750, 1000 of 1000 … 0
    assert curve == dict(hours_share=[0.0, 0.25, 0.5, 0.75, 1.0], values=[1000.0, 750.0, 500.0, 250.0, 0.0])


def test_week_and_duration_curves_match_the_simulation_of_the_year():
    result = service.hourly_results("today", week=2)
    year = service.model_simulate("today")
    assert result["method"] == "simulation" and result["demo"] is True
    times = result["hourly"]["time"]
    assert len(times) == 168
    assert pd.Timestamp(times[0]) == pd.Timestamp("2017-01-08T00:00:00+00:00")  # hour 168 of the profile year
    assert result["duration_hours"] == year["hours"]
    # the top of the import duration curve is the year's peak import; its area is the year's import
    assert result["duration_curves"]["grid_import"]["values"][0] == pytest.approx(year["peak_import_mw"], abs=0.1)
    assert result["import_mwh"] == year["import_mwh"]


@pytest.mark.parametrize("week", [0, 53, -1])
def test_week_outside_the_year_is_refused(week):
    with pytest.raises(InputError, match="week"):
        service.hourly_results("today", week=week)
