"""Goals YAML and KPI source discovery."""

import importlib.machinery
import sys
import types

import pytest

from trekant.errors import InputError
from trekant.kpi import KpiReading
from trekant.strategy import goals, registry


TRACKS = ["growth", "business", "labour_education", "attractiveness", "joint_plan", "green_transition",
          "infrastructure", "partnerships"]


def test_shipped_goals_cover_every_track_of_the_strategy():
    """The seed's tracks: the growth goal, business development and strengths, labour market and education,
    attractiveness and culture, the joint plan, energy and climate, infrastructure, and the partnerships umbrella."""
    loaded = goals.load()
    assert [g.key for g in loaded] == TRACKS
    assert all(g.kpis for g in loaded)
    sources = {k.source for g in loaded for k in g.kpis}
    assert {"plan.open_conflicts", "energy.co2e_per_resident_t", "strategy.infrastructure_asks_won",
            "economy.population", "economy.fulltime_employees", "economy.employee_growth_rank_metro5",
            "economy.employee_growth_vs_denmark_pp", "economy.net_migration", "economy.youth_in_education_pct",
            "economy.employment_rate_proxy_pct", "partnerships.active_partnerships", "partnerships.funding_raised_dkk",
            "partnerships.coverage_gaps"} <= sources
    assert all(k.target.basis for g in loaded for k in g.kpis)  # every target says what it rests on


# Each track in the words of the strategy page itself (Trekantområdet Danmark, "Fælles strategi for vækst og
# attraktivitet", trekantomraadet.dk; the project's seed text), with the goal that carries it.
SEED_TRACKS = {
    "Vi laver fælles kommuneplan": "joint_plan",
    "Vi samarbejder om energi og klima": "green_transition",
    "fælles styrkepositioner: industri, transport/logistik og energi/PtX": "business",
    "Vi varetager vores fælles interesser sammen": "infrastructure",
    "paraply for de mange privat-offentlige samarbejder": "partnerships",
    "erhvervsudvikling": "business",
    "arbejdsmarked og uddannelse": "labour_education",
    "kultur": "attractiveness",
    "landets højeste vækstrater": "growth",
}


@pytest.mark.parametrize("phrase,goal", SEED_TRACKS.items())
def test_every_track_named_in_the_strategy_text_has_a_goal_with_kpis(phrase, goal):
    loaded = {g.key: g for g in goals.load()}
    words = f"{loaded[goal].name_da} {loaded[goal].text_da}".lower()
    assert phrase.lower() in words, (phrase, goal)
    assert loaded[goal].kpis


def test_bad_goals_file_lists_every_problem(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("""
goals:
  - key: growth
    name_da: V
    name_en: G
    kpis:
      - {key: a, name_da: a, name_en: a, source: economy.population, direction: upwards,
         target: {value: 1, year: 2030}}
      - {key: a, name_da: b, name_en: b, source: nodot, direction: increase, baseline_period: 2020Q7,
         target: {value: 1, year: 2030}}
""", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        goals.load(path)
    fields = {i.field for i in caught.value.issues}
    assert {"goals.0.kpis.0.direction", "goals.0.kpis.1.source", "goals.0.kpis.1.baseline_period"} <= fields


def test_duplicate_kpi_keys(tmp_path):
    path = tmp_path / "g.yaml"
    kpi = "{key: a, name_da: a, name_en: a, source: economy.population, direction: increase, target: {value: 1, year: 2030}}"
    path.write_text(f"goals:\n  - {{key: g, name_da: g, name_en: g, kpis: [{kpi}, {kpi}]}}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        goals.load(path)
    assert [(i.code, i.where, i.message) for i in caught.value.issues] == [
        ("duplicate-kpi", "g", "KPI key 'a' used twice")]


def test_discovery_finds_economy_and_skips_absent_domains():
    found = registry.discover(("economy", "no_such_domain"))
    assert "economy.population" in found and all(k.startswith("economy.") for k in found)


def test_a_domain_added_later_lights_up(monkeypatch):
    """A module trekant.<domain>.kpis with SOURCES appears in discovery with no change to strategy."""
    def source(conn, settings):
        return KpiReading(3.0, "2025", "projects", "test")

    for name, attrs in (("trekant.zz_later", {}), ("trekant.zz_later.kpis",
                                                    {"SOURCES": {"zz_later.things": source, "other.bad": source}})):
        module = types.ModuleType(name)
        module.__spec__ = importlib.machinery.ModuleSpec(name, loader=None)
        for key, value in attrs.items():
            setattr(module, key, value)
        monkeypatch.setitem(sys.modules, name, module)
    found = registry.discover(("zz_later",))
    assert list(found) == ["zz_later.things"]  # keys outside the domain's own prefix are ignored


def test_every_partnership_theme_has_its_active_partnerships_kpi():
    """The umbrella track asks for active partnerships per theme: each of the register's six themes is counted
    by a KPI of the goal that carries the theme."""
    from trekant.partnerships.model import THEMES

    sources = {k.source: g.key for g in goals.load() for k in g.kpis}
    carried = {t: sources.get(f"partnerships.active_{t}") for t in THEMES}
    assert carried == {"business_development": "business", "labour_education": "labour_education",
                       "culture_attractiveness": "attractiveness", "energy_climate": "green_transition",
                       "infrastructure_mobility": "infrastructure", "planning": "joint_plan"}
