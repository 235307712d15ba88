"""Strengths: employment, share, location quotient and growth of the strength positions (industry,
transport/logistics, energy/PtX), LQ of every industry, and shift-share (economy.industry_service)."""

from __future__ import annotations

from trekant.economy import industry_service as industry
from trekant.errors import InputError, NotFound
from trekant.reports import charts
from trekant.reports.context import BuildContext
from trekant.reports.model import Figure, Note, Section, Table


def build(ctx: BuildContext) -> Section:
    section = Section(ctx.t("sec_strengths"), "strengths")
    period = str(ctx.year) if ctx.year else None
    try:
        strengths = industry.strengths_report(ctx.settings, period=period)
        lq = industry.lq_report(ctx.settings, period=period)
        shift = industry.shift_share_report(ctx.settings, end=period)
    except (NotFound, InputError) as exc:
        return section.add(Note(" ".join(exc.lines())))
    demo = ctx.demo(strengths["demo"], ctx.t("sec_strengths"))
    source = f"{ctx.t('source')}: {strengths['indicator']['source']}"
    if demo:
        section.add(Note(strengths["indicator"]["name"] + ": " + strengths["indicator"]["source"], "demo"))
    section.add(Table(
        (ctx.t("position"), ctx.t("employment"), ctx.t("share"), ctx.t("lq"),
         f"{ctx.t('growth')} {strengths['start_period']}–{strengths['period']}"),
        tuple((s["name"], ctx.num(s["value"]), ctx.pct(s["share"]), ctx.num(s["lq"], 2),
               ctx.pct_value(s["growth"]["change_pct"]) if s["growth"] else "–") for s in strengths["strengths"]),
        title=ctx.t("strengths_table", period=strengths["period"]), source=source))
    for s in strengths["strengths"]:
        for text in (s.get("inseparable_note"), s.get("note")):
            if text:
                section.add(Note(f"{s['name']}: {text}"))
    rows = lq["industries"]
    path = charts.bars(ctx.figures, "lq", [r["name"] for r in rows], [r["lq"] for r in rows], ctx.t("lq_units"),
                       ctx.fmt(1), reference=(1.0, ctx.t("as_denmark")), value_text=[ctx.num(r["lq"], 2) for r in rows])
    section.add(Figure(path, ctx.t("lq_chart", period=lq["period"]), ctx.t("lq_units"), source, demo))
    section.add(Table(
        (ctx.t("industry"), ctx.t("start_value"), ctx.t("end_value"), ctx.t("change"), ctx.t("national_share"),
         ctx.t("industry_mix"), ctx.t("regional_shift")),
        tuple((r["name"], ctx.num(r["start"]), ctx.num(r["end"]), ctx.num(r["change"]), ctx.num(r["national_share"]),
               ctx.num(r["industry_mix"]), ctx.num(r["regional_shift"])) for r in shift["industries"])
        + ((ctx.t("total"), ctx.num(shift["totals"]["start"]), ctx.num(shift["totals"]["end"]),
            ctx.num(shift["totals"]["change"]), ctx.num(shift["totals"]["national_share"]),
            ctx.num(shift["totals"]["industry_mix"]), ctx.num(shift["totals"]["regional_shift"])),),
        title=ctx.t("shift_share_table", start=shift["start_period"], end=shift["end_period"]) +
        f" ({shift['area_name']} / {shift['reference_name']})", source=source))
    return section
