"""Partnerships: how many, funding by theme, and the coverage matrix with its gaps
(partnerships.service; never personal data: contact persons are not asked for)."""

from __future__ import annotations

from trekant.partnerships import labels as p_labels
from trekant.partnerships import service as partnerships
from trekant.reports import charts
from trekant.reports.context import BuildContext
from trekant.reports.model import Figure, KeyFigure, KeyFigures, Note, Paragraph, Section, Table


def build(ctx: BuildContext) -> Section:
    section = Section(ctx.t("sec_partnerships"), "partnerships")
    listed = partnerships.list_partnerships(ctx.settings)
    funding = partnerships.funding_report(ctx.settings)
    coverage = partnerships.coverage_report(ctx.settings)
    source = f"{ctx.t('source')}: {ctx.t('partnerships_source')}"
    demo = ctx.demo(listed["demo"] or funding["demo"] or coverage["demo"], ctx.t("sec_partnerships"))
    word = lambda key: p_labels.label(key, ctx.language)  # noqa: E731
    if demo:
        section.add(Note(ctx.t("partnerships_demo", share=ctx.mdkk(funding["demo_dkk"], 1)), "demo"))
    section.add(KeyFigures((
        KeyFigure(ctx.t("partnerships_count"), ctx.num(listed["count"]), source),
        KeyFigure(ctx.t("funding_total"), f"{ctx.mdkk(funding['total_dkk'], 1)} {ctx.t('funding_units')}", source))))
    themes = funding["by_theme"]
    path = charts.bars(ctx.figures, "funding", [word(r["theme"]) for r in themes], [r["amount_dkk"] / 1e6 for r in themes],
                       ctx.t("funding_units"), ctx.fmt(), value_text=[ctx.mdkk(r["amount_dkk"], 1) for r in themes])
    section.add(Figure(path, ctx.t("funding_chart"), ctx.t("funding_units"), source, demo))
    section.add(Table((ctx.t("theme"), ctx.t("amount_mdkk"), ctx.t("demo_mdkk")),
                      tuple((word(r["theme"]), ctx.mdkk(r["amount_dkk"], 1), ctx.mdkk(r["demo_dkk"], 1)) for r in themes)
                      + ((ctx.t("total"), ctx.mdkk(funding["total_dkk"], 1), ctx.mdkk(funding["demo_dkk"], 1)),),
                      title=ctx.t("funding_chart"), source=source))
    section.add(Table((ctx.t("partnerships_table"), ctx.t("theme"), ctx.t("status"), ctx.t("municipalities"),
                       ctx.t("partners"), ctx.t("amount_mdkk")),
                      tuple((p["name"] + (" [DEMO]" if p["demo"] else ""), ", ".join(word(t) for t in p["themes"]),
                             word(p["status"]), ", ".join(p["municipality_names"]), ctx.num(p["partners"]),
                             ctx.mdkk(p["funding_total_dkk"], 1)) for p in listed["partnerships"]),
                      source=source, numeric=(False, False, False, False, True, True)))
    names = coverage["municipality_names"]
    section.add(Table((ctx.t("municipality"), *(word(t) for t in coverage["themes"])),
                      tuple((names.get(r["municipality"], r["municipality"]),
                             *(str(r["counts"][t]) for t in coverage["themes"])) for r in coverage["matrix"]),
                      title=ctx.t("coverage_table"), source=source))
    gaps = coverage["gaps"]
    section.add(Paragraph(ctx.t("coverage_gaps", cells=gaps["empty_cell_count"],
                                themes=", ".join(word(t) for t in gaps["themes_without_partnership"]) or ctx.t("none"),
                                municipalities=", ".join(names.get(m, m) for m in gaps["municipalities_in_none"])
                                or ctx.t("none"))))
    return section

