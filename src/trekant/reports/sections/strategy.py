"""Every strategy KPI with its status and the reason in words (strategy.service.status)."""

from __future__ import annotations

from trekant.reports.context import BuildContext
from trekant.reports.model import Heading, Note, Paragraph, Section, Table
from trekant.strategy import service as strategy
from trekant.strategy.labels import amount


def build(ctx: BuildContext) -> Section:
    section = Section(ctx.t("sec_strategy"), "strategy")
    report = strategy.status(ctx.settings)
    source = f"{ctx.t('source')}: {ctx.t('strategy_source')}"
    demo = ctx.demo(report["demo"], ctx.t("sec_strategy"))
    section.add(Paragraph(ctx.t("kpi_counts", **report["counts"])))
    if demo:
        section.add(Note(ctx.t("strategy_demo"), "demo"))
    for goal in report["goals"]:
        kpis = [k for k in report["kpis"] if k["goal"] == goal["key"]]
        if not kpis:
            continue
        section.add(Heading(goal["name"]), Paragraph(goal["text"]))
        rows = []
        for k in kpis:
            latest = "–" if k["latest"] is None else f"{amount(k['latest']['value'], ctx.language)} ({k['latest']['period']})"
            target = f"{amount(k['target']['value'], ctx.language)} ({k['target']['year']})"
            name = k["name"] + (" [DEMO]" if k["demo"] else "")
            rows.append((name, latest, target, k["explanation"], k["source"] or k["source_key"]))
        section.add(Table((ctx.t("kpi"), ctx.t("latest"), ctx.t("target"), ctx.t("reason"), ctx.t("source")),
                          tuple(rows), source=source, numeric=(False, True, True, False, False)))
    return section

