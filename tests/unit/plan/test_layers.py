"""The layer specs of the domain and the store's tables describe the same fields."""

import pytest

from trekant.plan.layers import LAYERS, kind_from_name, kind_of_wfs_layer
from trekant.store.schema import all_tables

VERSION_AND_STORE = {"fid", "version", "is_current", "valid_from", "valid_to", "changed_by", "change", "source", "is_demo",
                     "area_m2", "geom"}


@pytest.mark.parametrize("kind", sorted(LAYERS))
def test_each_layer_has_a_table_with_its_fields(kind):
    spec = LAYERS[kind]
    table = all_tables()[spec.table]
    assert {c.name for c in table.columns} == set(spec.columns) | VERSION_AND_STORE


@pytest.mark.parametrize("name, expected", [
    ("theme_pdk_lokalplandelomraade_vedtaget", ("delomraade", "V")),
    ("pdk:theme_pdk_lokalplan_forslag", ("lokalplan", "F")),
    ("theme_pdk_kommuneplanramme_vedtaget_v", ("kommuneplanramme", "V")),
    ("theme_pdk_zonekort_v", ("zonekort", "V")),
    ("theme_pdk_byggefelt_vedtaget", None),
])
def test_plandata_wfs_layer_names(name, expected):
    assert kind_of_wfs_layer(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("lokalplandelomraader_0630", "delomraade"), ("Lokalplaner", "lokalplan"), ("kommuneplanrammer", "kommuneplanramme"),
    ("zonekort", "zonekort"), ("notes", None),
])
def test_kind_from_a_layer_name(name, expected):
    assert kind_from_name(name) == expected
