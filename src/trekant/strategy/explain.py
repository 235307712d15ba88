"""The status rule said in words beside every KPI, so "at risk" never stands unexplained next to a good figure.

One sentence per assessment, in Danish or English, naming the measure that decided it: the
share of the needed pace achieved (progress ratio p, thresholds 1 and 0.5), a target already
reached, a target met at the baseline and since lost, a target year passed, or why there is no trend
to judge.
"""

from __future__ import annotations

from trekant.economy.periods import position_years
from trekant.i18n import lookup, number
from trekant.strategy.assess import AT_RISK_RATIO
from trekant.strategy.labels import amount
from trekant.strategy.model import AT_RISK, OFF_TRACK, ON_TRACK, Assessment, Kpi

TEXTS: dict[str, tuple[str, str]] = {
    "reached": ("målet er nået ({value} {op} {target})", "target reached ({value} {op} {target})"),
    "pace": ("{p} af det nødvendige tempo (på sporet fra {one}, i risiko fra {half})",
             "{p} of the needed pace (on track from {one}, at risk from {half})"),
    "away": ("bevæger sig væk fra målet ({p} af det nødvendige tempo)",
             "moving away from the target ({p} of the needed pace)"),
    "passed": ("målåret {year} er passeret, uden at målet er nået", "the target year {year} has passed unmet"),
    "baseline_only": ("kun basisåret indtil nu: ingen udvikling at bedømme",
                      "only the baseline so far: no trend to judge"),
    "no_baseline": ("ingen værdi i basisperioden {period}: bedømt på målet alene",
                    "no value in the baseline period {period}: judged on the target alone"),
    "target_before_baseline": ("målåret ligger ikke efter basisperioden: bedømt på målet alene",
                               "the target year is not after the baseline: judged on the target alone"),
    "no_pace": ("intet nødvendigt tempo at måle imod", "no needed pace to measure against"),
    "slipped": ("målet ({target}) var nået i basisperioden {period}, men er det ikke nu ({value})",
                "the target ({target}) was met in the baseline period {period} but is not now ({value})"),
}
STATUS = {ON_TRACK: ("på sporet", "on track"), AT_RISK: ("i risiko", "at risk"), OFF_TRACK: ("ikke på sporet", "off track")}


def _n(value: float, language: str) -> str:
    return amount(value, language)


def _reason(kpi: Kpi, value: float, period: str, a: Assessment, language: str) -> str:
    def say(key: str, **params) -> str:
        return lookup(TEXTS, key, language).format(**params)

    increase = kpi.direction == "increase"
    if (value >= kpi.target.value) if increase else (value <= kpi.target.value):
        return say("reached", value=_n(value, language), op="≥" if increase else "≤",
                   target=_n(kpi.target.value, language))
    if a.baseline_period is None:
        return say("no_baseline", period=kpi.baseline_period)
    if a.required_per_year is None:
        return say("target_before_baseline")
    if a.expected_now is None:
        return say("baseline_only")
    if a.progress_ratio is None:
        if a.baseline_value is not None and a.baseline_value == kpi.target.value:  # no pace needed: it was met
            return say("slipped", target=_n(kpi.target.value, language), period=a.baseline_period,
                       value=_n(value, language))
        return say("no_pace")
    if position_years(period) >= kpi.target.year:
        return say("passed", year=kpi.target.year)
    pace = number(a.progress_ratio, ",.2f", language)
    if a.progress_ratio < 0:
        return say("away", p=pace)
    return say("pace", p=pace, one=number(1.0, ",.2f", language), half=number(AT_RISK_RATIO, ",.2f", language))


def explain(kpi: Kpi, value: float, period: str, assessment: Assessment, language: str = "da") -> str:
    """E.g. 'at risk: 0.91 of the needed pace (on track from 1.00, at risk from 0.50)'."""
    status = lookup(STATUS, assessment.status, language)
    return f"{status}: {_reason(kpi, value, period, assessment, language)}"
