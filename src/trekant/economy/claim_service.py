"""The claim check as a use case: can the region say it has the highest growth, and in which terms?

Honest by default (issue 14):
- on a series that is not seasonally adjusted, only windows between the same quarter or month
  are compared, unless the caller asks for all windows (then the report says they include
  seasonal swings);
- the headline is the pre-declared windows (last 1, 5, 10 years; the strategy's window) with
  rank and margin, the share of all windows led and the distribution of margins;
- every published claim of the region is checked on value and rank, in the region's own words,
  with its source, and with a note when the data at hand concern another measure or geography.
The result is a plain dict (for the CLI, the web pages and reports).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from sqlalchemy.engine import Connection

from trekant.economy import claim, labels, panel, published, repo
from trekant.economy.areas import Areas
from trekant.economy.service import (geography_caveats, indicator_header, load_areas, reading, series_label,
                                     values_for)
from trekant.errors import NotFound
from trekant.settings import Settings


@lru_cache(maxsize=1)
def windows_config() -> dict:
    path = Path(str(resources.files("trekant.economy") / "data" / "claim_windows.yaml"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def claim_report(settings: Settings, indicator: str, group: str | None = None, peers: str = "metro5",
                 same_season: bool | None = None, breakdown: str = "") -> dict:
    """Where does the group grow fastest among its peers, judged on pre-declared windows first?

    same_season None: same-season windows unless the series is seasonally adjusted."""
    language = settings.language
    with reading(settings) as conn:
        info = repo.read_indicator(conn, indicator)
        areas = load_areas(conn)
        subject = areas.resolve(group) if group else areas.region
        wanted = list(dict.fromkeys([subject, *areas.comparison(peers)]))
        table = panel.wide(values_for(conn, indicator, areas, wanted, breakdowns=[breakdown]), breakdown)
        measure = series_label(conn, info, language)
        claims = [dict(check_published(conn, areas, entry, language), about_this_series=entry.get("indicator") == indicator)
                  for entry in published.claims_for(subject)]
        if subject not in table.index:
            return _no_values(conn, info, areas, subject, peers, measure, claims, breakdown, language)
    if same_season is None:
        same_season = not measure["seasonally_adjusted"]
    ordered = table.reindex([a for a in wanted if a in table.index])
    result = claim.check(ordered, subject, same_season)
    config = windows_config()
    strategy_start = config["strategy_baseline"].get(info.frequency)
    heads = claim.headline_windows(ordered, subject, tuple(config["years_back"]), strategy_start)
    report = result.to_dict()
    report["competitors"] = [dict(area=a, name=areas.label(a)) for a in result.competitors]
    report["margin_distribution_pp"] = claim.margin_distribution(result.margins)
    report["headline_windows"] = [dict(h.to_dict(), leader_name=areas.label(h.leader) if h.leader else None,
                                       best_other_name=areas.label(h.best_other) if h.best_other else None,
                                       title=labels.window_title(h.label, language)) for h in heads]
    report["strategy_basis"] = config["strategy_basis"]
    return dict(indicator=indicator_header(info, language, measure), demo=info.is_demo, area=subject,
                area_name=areas.label(subject), peers=peers,
                windows_kind=labels.windows_kind(same_season, measure["seasonally_adjusted"], language, info.frequency),
                breakdown=breakdown, **report, caveats=geography_caveats(areas, wanted, language),
                statement=_statement(result, heads, areas, info.name(language), peers,
                                     labels.windows_kind(same_season, measure["seasonally_adjusted"], language,
                                                         info.frequency), language),
                published_claims=claims)


def _no_values(conn: Connection, info, areas: Areas, subject: str, peers: str, measure: dict, claims: list[dict],
               breakdown: str, language: str) -> dict:
    """No values for the subject: say so, name any province that has them (another geography), and
    still report the published claims. Raises NotFound when there is nothing to report at all."""
    provinces_ = [g for g, group in areas.groups.items() if group.kind == "province"]
    have = panel.wide(values_for(conn, info.key, areas, provinces_, breakdowns=[breakdown]), breakdown) if provinces_ else None
    stand_ins = [a for a in provinces_ if have is not None and a in have.index and have.loc[a].notna().any()]
    if not stand_ins and not claims:
        raise NotFound(f"no values of {info.key} for {areas.label(subject)}")
    text = labels.statement("no_subject_values", language, indicator=info.name(language), area=areas.label(subject),
                            provinces=", ".join(areas.label(a) for a in stand_ins) or "–")
    return dict(indicator=indicator_header(info, language, measure), demo=info.is_demo, area=subject,
                area_name=areas.label(subject), peers=peers, same_season=None, windows_kind="", breakdown=breakdown,
                subject=subject, competitors=[], windows_scanned=0, windows_first=0, windows_tied=0, share_first=None,
                periods=[], longest_first=None, first=[], margin_distribution_pp={}, headline_windows=[],
                strategy_basis=windows_config()["strategy_basis"], stand_ins=stand_ins,
                caveats=geography_caveats(areas, stand_ins, language), statement=text, published_claims=claims)


def _statement(result, heads, areas: Areas, indicator: str, peers: str, kind: str, language: str) -> str:
    values = dict(area=areas.label(result.subject), indicator=indicator, among=labels.comparison(peers, language),
                  scanned=result.windows_scanned, first=len(result.first), kind=kind,
                  share=labels.share(len(result.first) / result.windows_scanned if result.windows_scanned else None,
                                     language))
    lines = [labels.statement("claim_share" if result.first else "claim_none", language, **values)]
    for h in heads:
        if h.rank is None:
            lines.append(labels.statement("headline_missing", language, title=labels.window_title(h.label, language),
                                          start=h.start_period, end=h.end_period))
            continue
        first = h.rank == 1
        lines.append(labels.statement("headline_first" if first else "headline", language,
                                      title=labels.window_title(h.label, language),
                                      start=h.start_period, end=h.end_period, rank=h.rank, count=h.compared,
                                      growth=labels.pct(h.growth_pct, language),
                                      leader=areas.label(h.best_other if first else h.leader),
                                      leader_growth=labels.pct(h.best_other_growth_pct if first else h.leader_growth_pct, language),
                                      margin=labels.pct(h.margin_pp, language).replace(" %", " pp")))
    return " ".join(lines)


def _source_text(source: dict) -> str:
    year = source.get("year") or "n.d."
    return f"{source['publisher']} ({year}): {source['title']}, {source['url']}"


def check_published(conn: Connection, areas: Areas, entry: dict, language: str) -> dict:
    """One published claim: its words and source, the check against the publication's own table,
    and the check against the store when a series for the same measure and geography is there."""
    lang = "en" if language == "en" else "da"
    result = dict(key=entry["key"], headline=entry.get("headline_da", ""), text=entry[f"text_{lang}"],
                  text_da=entry["text_da"], measure=entry[f"measure_{lang}"], geography=entry[f"geography_{lang}"],
                  indicator=entry.get("indicator"), start_period=str(entry["start"]), end_period=str(entry["end"]),
                  published_growth_pct=entry.get("growth_pct"), claimed_rank=entry.get("claimed_rank"),
                  peers=entry.get("peers"), source=dict(entry["source"]), source_text=_source_text(entry["source"]))
    verdicts = []
    own = published.check_publication_table(entry)
    result["publication_check"] = own
    if own:
        verdicts.append(labels.statement("publication_table", language, start=own["start_period"], end=own["end_period"],
                                         area=areas.label(entry["region"]), rank=own["rank"], count=own["compared"],
                                         growth=labels.pct(own["region_growth_pct"], language, 1),
                                         leader=areas.label(own["leader"]),
                                         leader_growth=labels.pct(own["leader_growth_pct"], language, 1)))
    series_check, note = _series_check(conn, areas, entry, language)
    result["checkable"] = series_check is not None
    result["series_check"] = series_check
    if series_check:
        verdicts.append(labels.statement("series_check", language, start=result["start_period"], end=result["end_period"],
                                         computed=labels.pct(series_check["computed_growth_pct"], language, 1),
                                         published=labels.pct(series_check["published_growth_pct"], language, 1),
                                         difference=labels.pct(series_check["difference_pp"], language, 1).replace(" %", " pp"),
                                         rank=series_check["rank"], count=series_check["compared"]))
    if note:
        verdicts.append(note)
    result["verdict"] = " ".join(verdicts)
    return result


def _series_check(conn: Connection, areas: Areas, entry: dict, language: str) -> tuple[dict | None, str]:
    """(the check, "") when the store has the claim's measure for its geography and window; else
    (None, why not) — naming another geography when only a province series is there."""
    key = entry.get("indicator")
    if not key or not entry.get("peers"):
        return None, labels.statement("unclear_claim", language)
    try:
        repo.read_indicator(conn, key)
    except NotFound:
        return None, labels.statement("unchecked", language, indicator=key)
    region = entry["region"]
    wanted = list(dict.fromkeys([region, *areas.comparison(entry["peers"])]))
    extra = [g for g, group in areas.groups.items() if group.kind == "province"]
    table = panel.wide(values_for(conn, key, areas, wanted + [a for a in extra if a not in wanted]))
    growths = claim.window_growths(table, str(entry["start"]), str(entry["end"]))
    if region in growths and len([a for a in wanted if a in growths]) >= 2:
        return published.check_series(entry, {a: g for a, g in growths.items() if a in wanted}), ""
    stand_ins = [a for a in extra if a in growths]
    if stand_ins:
        return None, " ".join([labels.statement("other_geography", language, indicator=key, area=areas.label(region),
                                                provinces=", ".join(areas.label(a) for a in stand_ins))]
                              + geography_caveats(areas, stand_ins, language))
    return None, labels.statement("no_window", language, indicator=key, start=entry["start"], end=entry["end"],
                                  area=areas.label(region))
