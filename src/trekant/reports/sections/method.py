"""The last section of the status report: where the figures come from and what the marks mean."""

from __future__ import annotations

from trekant import __version__
from trekant.reports.context import BuildContext
from trekant.reports.model import Paragraph, Section


def build(ctx: BuildContext) -> Section:
    section = Section(ctx.t("sec_method"), "method")
    section.add(Paragraph(ctx.t("built_from", version=__version__)),
                Paragraph(ctx.t("published_note") if ctx.published_only else ctx.t("internal_note")))
    for key in ("plan_source", "check_source", "scenario_source", "partnerships_source", "strategy_source"):
        section.add(Paragraph(ctx.t(key)))
    section.add(Paragraph("Danmarks Statistik (CC BY 4.0): FOLK1A, FOLK1AM, LBESK69. "
                          "DAGI: Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur."))
    return section
