"""The coverage matrix municipality × theme and its gaps (pure).

A cell counts the partnerships (by default the active ones) in which the municipality takes
part and that work on the theme. Gaps: themes without any such partnership, municipalities in
none, and the empty cells.
"""

from __future__ import annotations

from collections.abc import Iterable

from trekant.partnerships.model import ACTIVE, THEMES, Partnership


def report(partnerships: Iterable[Partnership], municipalities: Iterable[str],
           statuses: Iterable[str] = (ACTIVE,)) -> dict:
    statuses, places = tuple(statuses), list(municipalities)
    counted = [p for p in partnerships if p.status in statuses]
    matrix = {m: {t: 0 for t in THEMES} for m in places}
    keys = {m: {t: [] for t in THEMES} for m in places}
    for p in counted:
        for m in p.municipalities:
            if m not in matrix:
                continue
            for t in p.themes:
                matrix[m][t] += 1
                keys[m][t].append(p.key)
    per_theme = {t: sum(1 for p in counted if t in p.themes) for t in THEMES}
    empty_cells = [dict(municipality=m, theme=t) for m in places for t in THEMES if matrix[m][t] == 0]
    return dict(
        statuses=list(statuses), themes=list(THEMES), municipalities=places,
        matrix=[dict(municipality=m, counts=matrix[m], partnerships=keys[m]) for m in places],
        per_theme=per_theme,
        gaps=dict(themes_without_partnership=[t for t in THEMES if per_theme[t] == 0],
                  municipalities_in_none=[m for m in places if not any(matrix[m].values())],
                  empty_cells=empty_cells, empty_cell_count=len(empty_cells)),
        demo=any(p.is_demo for p in counted), partnerships_counted=len(counted),
    )
