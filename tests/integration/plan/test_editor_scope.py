"""An editor changes only its own municipality's plan frames: checked in the service, before writing (issue 11)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from trekant.accounts.model import ANONYMOUS, Principal
from trekant.errors import Forbidden, SignInRequired
from trekant.plan import service
from trekant.store.schema.core import audit_log
from trekant.store.schema.plan import plan_frame
from trekant.store.store import Store
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

VEJLE_EDITOR = Principal("vejle", "editor", frozenset({VEJLE}), via="session")
ANALYST = Principal("analyst", "analyst", via="session")
ADMIN = Principal("admin", "administrator", via="session")


def _files(tmp_path):
    s = border_segment(KOLDING, VEJLE)
    vejle = frame("V-BOLIG", VEJLE, 11, s.rect(100, 400))
    kolding = frame("K-ERHV", KOLDING, 31, s.rect(100, 400, side="a"))
    return (write_geojson(tmp_path / "vejle.geojson", [vejle]),
            write_geojson(tmp_path / "mixed.geojson", [vejle, kolding]))


def _counts(settings):
    store = Store.from_settings(settings)
    with store.connect() as conn:
        found = (conn.execute(select(func.count()).select_from(plan_frame)).scalar_one(),
                 conn.execute(select(func.count()).select_from(audit_log)).scalar_one())
    store.dispose()
    return found


@pytest.mark.parametrize("who, refusal", [(VEJLE_EDITOR, Forbidden), (ANALYST, Forbidden), (ANONYMOUS, SignInRequired)])
def test_a_file_with_a_kolding_frame_is_refused_whole_and_nothing_is_written(plan_env, tmp_path, who, refusal):
    _own, mixed = _files(tmp_path)
    before = _counts(plan_env)
    with pytest.raises(refusal):
        service.import_file(plan_env, mixed, by=who)
    assert _counts(plan_env) == before


def test_the_vejle_editor_imports_vejle_frames_and_the_administrator_any(plan_env, tmp_path):
    own, mixed = _files(tmp_path)
    assert service.import_file(plan_env, own, by=VEJLE_EDITOR).imported == 1
    assert service.import_file(plan_env, mixed, by=ADMIN).new_frames == 1  # K-ERHV; V-BOLIG is unchanged
    with pytest.raises(Forbidden):  # not even to fetch another municipality from Plandata
        service.fetch(plan_env, KOLDING, by=VEJLE_EDITOR)
