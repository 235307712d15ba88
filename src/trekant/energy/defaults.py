"""`trekant init` for the energy domain: the default factor table, and demo activity, targets and measures.

Idempotent: factor tables are replaced by name and version; activity, targets and measures are
upserted by their natural keys, so running init twice changes nothing. The active factor table is
set only when the store has none yet, so a user's newer table stays active across init runs.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Connection

from trekant.energy import repo
from trekant.energy.io.activity import read_activity
from trekant.energy.io.factors import read_factor_table
from trekant.energy.io.targets import read_measures, read_targets
from trekant.errors import InputError, has_errors

DATA = Path(__file__).parent / "data"
DEFAULT_FACTORS = DATA / "factors_dk_default.csv"
DEMO_CODES = ("0410", "0510", "0530", "0575", "0607", "0621", "0630")  # the municipalities in the demo files
DEMO_FILES = dict(activity=DATA / "activity_demo.csv", targets=DATA / "targets_demo.csv",
                  measures=DATA / "measures_demo.csv")


def _checked(result, path: Path):
    items, issues = result
    if has_errors(issues) or items is None:
        raise InputError.from_issues(str(path), issues)
    return items


def load_defaults(conn: Connection, ctx) -> dict:
    first_table = not repo.has_factor_tables(conn)
    table = _checked(read_factor_table(DEFAULT_FACTORS), DEFAULT_FACTORS)
    repo.write_factor_table(conn, table, DEFAULT_FACTORS.name, activate=first_table)
    counts = dict(factor_tables=1, factors=len(table.factors))
    if not ctx.with_demo:
        return counts
    # The demo covers Trekantområdet's seven municipalities; another region gets the rows of its own
    # members only (none, for a region elsewhere in Denmark).
    known = set(DEMO_CODES)
    members = set(ctx.dataset.definition.members)
    activity = [a for a in _checked(read_activity(DEMO_FILES["activity"], known, is_demo=True), DEMO_FILES["activity"])
                if a.municipality_code in members]
    targets = [t for t in _checked(read_targets(DEMO_FILES["targets"], known, is_demo=True), DEMO_FILES["targets"])
               if t.municipality_code in members]
    measures = [m for m in _checked(read_measures(DEMO_FILES["measures"], known, is_demo=True), DEMO_FILES["measures"])
                if m.municipality_code in members]
    repo.replace_activity(conn, activity)
    repo.replace_targets(conn, targets)
    repo.replace_measures(conn, measures)
    counts.update(activity_demo=len(activity), targets_demo=len(targets), measures_demo=len(measures))
    return counts
