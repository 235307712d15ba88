"""Whatever values a plan file carries, coercion returns issues instead of raising (hypothesis)."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from trekant.plan.codes import load_code_lists
from trekant.plan.model import FRAME_COLUMNS
from trekant.plan.normalize import normalize

ANY_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(["true", "false", "V", "vedtaget", "20211013", "2021-10-13", "71.0", ""]),
)
ROW = st.fixed_dictionaries({c: ANY_VALUE for c in (*FRAME_COLUMNS, "planstatus")})


@settings(max_examples=150, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=5))
def test_any_attribute_values_give_issues_not_exceptions(rows):
    attributes = pd.DataFrame(rows, dtype=object)
    geoms = np.array([box(533000, 6175000, 533100, 6175100)] * len(rows), dtype=object)
    frames, issues = normalize(attributes, geoms, np.zeros(len(rows), bool), "EPSG:25832", "x.geojson", load_code_lists())
    assert len(frames) == len(rows)
    for issue in issues:
        assert issue.severity in ("error", "warning") and issue.code and issue.where
