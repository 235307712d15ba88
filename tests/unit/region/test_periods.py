from datetime import date

import pytest

from trekant.region.periods import frequency, period_start


@pytest.mark.parametrize(
    "label, start, freq",
    [
        ("2018", date(2018, 1, 1), "year"),
        ("2018Q1", date(2018, 1, 1), "quarter"),
        ("2020Q3", date(2020, 7, 1), "quarter"),
        ("2021M10", date(2021, 10, 1), "month"),
        ("2018H2", date(2018, 7, 1), "half-year"),
    ],
)
def test_period_labels(label, start, freq):
    assert period_start(label) == start
    assert frequency(label) == freq


@pytest.mark.parametrize("label", ["2018Q5", "2018M13", "2018M1", "18Q1", "", "2018-01"])
def test_bad_period_labels_are_refused(label):
    with pytest.raises(ValueError, match="not a period label"):
        period_start(label)
