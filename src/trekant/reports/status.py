"""The region's status report: every pillar of the joint strategy in one document, read from the
domain services only (region, economy, plan, energy, infrastructure, partnerships, strategy)."""

from __future__ import annotations

from trekant.region import service as region_service
from trekant.reports.context import BuildContext
from trekant.reports.model import Document, Note, Section
from trekant.reports.sections import energy, infra, method, partnerships, plan, region, strategy, strengths


def infrastructure_section(ctx: BuildContext) -> Section:
    section = Section(ctx.t("sec_infra"), "infrastructure")
    data = infra.ranked(ctx)
    section.add(infra.illustrative_note(ctx, data), infra.ranking_table(ctx, data), infra.npv_chart(ctx, data))
    return section.add(*infra.asks(ctx))


SECTIONS = (region.build, plan.build, energy.build, strengths.build, infrastructure_section, partnerships.build,
            strategy.build, method.build)


def build(ctx: BuildContext) -> Document:
    region_name = region_service.describe_region(ctx.settings)["name"] or ""
    doc = Document("status", ctx.t("status_title") + (f" {ctx.year}" if ctx.year else ""),
                   ctx.t("status_subtitle", region=region_name), ctx.language)
    for builder in SECTIONS:
        doc.sections.append(builder(ctx))
        ctx.progress(doc.sections[-1].title)  # one step per section: the bar's length is known before the build
    finish(ctx, doc)
    return doc


def finish(ctx: BuildContext, doc: Document) -> None:
    """The first page's notes: the edition (public or internal) and what in the document is demo."""
    doc.notes.append(Note(ctx.t("published_note") if ctx.published_only else ctx.t("internal_note"), "info"))
    if ctx.demo_parts:
        doc.demo = True
        doc.notes.append(Note(ctx.t("demo_note", what=", ".join(ctx.demo_parts)), "demo"))

