"""The region in key figures: population, jobs, growth against Denmark and the peer areas, and the
claim check's honest answer (economy.claim_service: same-season windows, headline windows)."""

from __future__ import annotations

from trekant.economy import claim_service
from trekant.economy import service as economy
from trekant.errors import NotFound
from trekant.region import service as region_service
from trekant.reports import charts
from trekant.reports.context import BuildContext
from trekant.reports.model import Figure, Heading, KeyFigure, KeyFigures, Note, Paragraph, Section, Table

GROWTH_INDICATORS = ("population", "fulltime_employees")
DST_POPULATION = "Danmarks Statistik, FOLK1AM/FOLK1A (CC BY 4.0)"


def build(ctx: BuildContext) -> Section:
    section = Section(ctx.t("sec_region"), "region")
    region = region_service.describe_region(ctx.settings)
    growth = {key: _growth(ctx, key) for key in GROWTH_INDICATORS}
    section.add(_key_figures(ctx, region, growth["fulltime_employees"]),
                Paragraph(f"{ctx.t('municipalities')}: " + ", ".join(m["name"] for m in region["municipalities"]) + "."),
                _municipality_table(ctx, region),
                _population_chart(ctx, region))
    section.add(Heading(ctx.t("growth_heading")))
    for key in GROWTH_INDICATORS:
        section.add(*_growth_blocks(ctx, growth[key]))
    section.add(*_published_claims(ctx, growth["population"].get("claim")))
    return section


def _key_figures(ctx: BuildContext, region: dict, employees: dict) -> KeyFigures:
    figures = []
    total = region["population"]
    if total is not None:
        figures.append(KeyFigure(ctx.t("region_population", period=total["period"]), ctx.num(total["value"]),
                                 DST_POPULATION))
    area = sum(m["area_km2"] for m in region["municipalities"])
    figures.append(KeyFigure(ctx.t("region_area"), f"{ctx.num(area, 1)} km²", "DAGI, SDFI"))
    if employees.get("report"):
        report = employees["report"]
        figures.append(KeyFigure(ctx.t("employees", period=report["end_period"]),
                                 ctx.num(report["growth"]["end_value"]), report["indicator"]["source"]))
    return KeyFigures(tuple(figures), title=region["name"] or "")


def _municipality_table(ctx: BuildContext, region: dict) -> Table:
    rows = []
    for m in region["municipalities"]:
        population = m["population"]
        rows.append((m["name"], m["code"], ctx.num(m["area_km2"], 1),
                     ctx.num(population["value"]) if population else "–", population["period"] if population else "–"))
    return Table((ctx.t("municipality"), ctx.t("code"), ctx.t("area_km2"),
                  ctx.t("population"), ctx.t("period")), tuple(rows), source=f"{ctx.t('source')}: {DST_POPULATION}; "
                 "DAGI (SDFI)", numeric=(False, False, True, True, False))


def _population_chart(ctx: BuildContext, region: dict) -> Figure:
    rows = sorted((m for m in region["municipalities"] if m["population"]), key=lambda m: -m["population"]["value"])
    period = rows[0]["population"]["period"] if rows else ""
    path = charts.bars(ctx.figures, "population", [m["name"] for m in rows], [m["population"]["value"] for m in rows],
                       ctx.t("persons"), ctx.fmt(), value_text=[ctx.num(m["population"]["value"]) for m in rows])
    return Figure(path, f"{ctx.t('population_chart')} ({period})", ctx.t("persons"), f"{ctx.t('source')}: "
                  f"{DST_POPULATION}")


def _growth(ctx: BuildContext, indicator: str) -> dict:
    """The claim check, then growth over its longest headline window that every area has, with Denmark."""
    try:
        claim = claim_service.claim_report(ctx.settings, indicator)
    except NotFound as exc:
        return dict(indicator=indicator, missing=str(exc))
    window = next((w for w in reversed(claim.get("headline_windows", [])) if w["growth_pct"] is not None
                   and w["label"].startswith("last_")), None)
    start, end = (window["start_period"], window["end_period"]) if window else (None, None)
    report = economy.growth_report(ctx.settings, indicator, among="metro5", start=start, end=end)
    try:
        denmark = economy.growth_report(ctx.settings, indicator, area="DK", among="DK", start=report["start_period"],
                                        end=report["end_period"])
    except NotFound:
        denmark = None
    return dict(indicator=indicator, claim=claim, report=report, denmark=denmark)


def _growth_blocks(ctx: BuildContext, found: dict) -> list:
    if "missing" in found:
        return [Note(found["missing"])]
    report, claim, denmark = found["report"], found["claim"], found["denmark"]
    name = report["indicator"]["name"]
    source = f"{ctx.t('source')}: {report['indicator']['source']}"
    demo = ctx.demo(report["demo"], name)
    rows = [dict(r, highlight=r["area"] == report["area"]) for r in report["ranking"]]
    if denmark is not None:
        rows.append(dict(denmark["growth"], name=ctx.t("denmark"), rank=None, highlight=False))
    title = ctx.t("growth_chart", indicator=name, start=report["start_period"], end=report["end_period"])
    path = charts.bars(ctx.figures, f"growth-{found['indicator']}", [r["name"] for r in rows],
                       [r["change_pct"] for r in rows], ctx.t("growth_units"), ctx.fmt(1),
                       highlight=[r["highlight"] for r in rows],
                       value_text=[ctx.pct_value(r["change_pct"]) for r in rows])
    table = Table((ctx.t("area"), ctx.t("start_value"), ctx.t("end_value"), ctx.t("change_pct"), ctx.t("cagr_pct"),
                   ctx.t("rank")),
                  tuple((r["name"], ctx.num(r["start_value"]), ctx.num(r["end_value"]), ctx.pct_value(r["change_pct"], 2),
                         ctx.pct_value(r["cagr_pct"], 2), str(r["rank"]) if r["rank"] else "–") for r in rows),
                  title=title, source=source)
    blocks = [Heading(name, 3), Paragraph(report["statement"]), table,
              Figure(path, title, ctx.t("growth_units"), source, demo), *_claim_blocks(ctx, claim)]
    return blocks


def _claim_blocks(ctx: BuildContext, claim: dict) -> list:
    blocks = [Heading(f"{ctx.t('claim_heading')} – {claim['indicator']['name']}", 3), Paragraph(claim["statement"])]
    windows = [w for w in claim.get("headline_windows", [])]
    if windows:
        blocks.append(Table(
            (ctx.t("window"), ctx.t("period"), ctx.t("growth"), ctx.t("rank"), ctx.t("leader"), ctx.t("margin_pp")),
            tuple((w["title"], f"{w['start_period']}–{w['end_period']}", ctx.pct_value(w["growth_pct"], 2),
                   f"{w['rank']} / {w['compared']}" if w["rank"] else "–", w["leader_name"] or "–",
                   ctx.num(w["margin_pp"], 2) if w["margin_pp"] is not None else "–") for w in windows),
            source=f"{ctx.t('source')}: {claim['indicator']['source']}; {claim['windows_kind']}",
            numeric=(False, False, True, True, False, True)))
    for caveat in claim.get("caveats", []):
        blocks.append(Note(caveat))
    return blocks


def _published_claims(ctx: BuildContext, claim: dict | None) -> list:
    """The region's own published claims (the same for every indicator), each with the check's verdict
    and its source."""
    entries = (claim or {}).get("published_claims", [])
    blocks = [Heading(ctx.t("published_claims"))] if entries else []
    for entry in entries:
        blocks += [Heading(entry["headline"], 3), Paragraph(ctx.t("claim_says", text=entry["text"])),
                   Paragraph(ctx.t("verdict", text=entry["verdict"])),
                   Paragraph(f"{ctx.t('source')}: {entry['source_text']}")]
    return blocks
