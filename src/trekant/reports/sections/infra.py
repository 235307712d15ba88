"""Infrastructure: the joint ranked priority list with each project's key CBA figures, shared by the
status report (one section) and the infrastructure brief (the list, then a page per project).

Every CBA figure is computed on the ranking's common base year and price year (infrastructure.service
rank → cba_report and risk with the same years), so the list and the project pages agree."""

from __future__ import annotations

from dataclasses import dataclass, field

from trekant.infrastructure import labels as infra_labels
from trekant.infrastructure import service as infra
from trekant.reports import charts
from trekant.reports.context import BuildContext
from trekant.reports.model import Figure, Heading, Note, Table
from trekant.strategy import service as strategy

RISK_DRAWS, RISK_SEED = 2000, 1


@dataclass
class Ranked:
    """The ranking (RankOutcome.to_dict()) and each ranked project's CBA report on its years."""

    ranking: dict
    cba: dict[str, dict]
    params: str
    risk: dict[str, dict] = field(default_factory=dict)

    @property
    def base_year(self) -> int:
        return self.ranking["base_year"]

    @property
    def price_year(self) -> int:
        return self.ranking["price_year"]


def ranked(ctx: BuildContext, params: str | None = None) -> Ranked:
    outcome = infra.rank(ctx.settings, params_name=params).to_dict()
    reports = {row["key"]: infra.cba_report(ctx.settings, row["key"], outcome["params"], outcome["base_year"],
                                            outcome["price_year"]) for row in outcome["ranking"]}
    return Ranked(outcome, reports, outcome["params"])


def cba_for(ctx: BuildContext, data: Ranked, key: str) -> dict:
    """A project's CBA on the ranking's years (also for a project the profile does not rank)."""
    if key not in data.cba:
        data.cba[key] = infra.cba_report(ctx.settings, key, data.params, data.base_year, data.price_year)
    return data.cba[key]


def risk_for(ctx: BuildContext, data: Ranked, key: str) -> dict:
    if key not in data.risk:
        _, result = infra.risk(ctx.settings, key, RISK_DRAWS, RISK_SEED, params_name=data.params,
                               base_year=data.base_year, price_year=data.price_year)
        data.risk[key] = result.to_dict()
    return data.risk[key]


def project_name(ctx: BuildContext, cba: dict) -> str:
    return cba["name_en"] if ctx.language == "en" and cba.get("name_en") else cba["name"]


def irr_text(ctx: BuildContext, cba: dict) -> str:
    return ctx.pct(cba["irr"], 1) if cba.get("irr") is not None else "–"


def units(ctx: BuildContext, data: Ranked) -> str:
    return ctx.t("mdkk_units", price_year=data.price_year, base_year=data.base_year)


def cba_source(ctx: BuildContext, data: Ranked) -> str:
    return f"{ctx.t('source')}: {ctx.t('cba_source', params=data.params)}; {units(ctx, data)}"


def ranking_table(ctx: BuildContext, data: Ranked) -> Table:
    r = data.ranking
    rows = []
    for row in r["ranking"]:
        cba = data.cba[row["key"]]
        rows.append((str(row["rank"]), project_name(ctx, cba) + (" *" if row["illustrative"] else ""),
                     ctx.num(row["score"], 3), ctx.pct(row["keeps_rank_share"], 0), ctx.mdkk(cba["npv_dkk"]),
                     ctx.num(cba["bc_ratio"], 2), irr_text(ctx, cba), ctx.pct(cba["first_year_return"], 1)))
    return Table((ctx.t("rank"), ctx.t("project"), ctx.t("score"), ctx.t("keeps_rank"), ctx.t("npv_mdkk"), ctx.t("bc"),
                  ctx.t("irr"), ctx.t("first_year_return")), tuple(rows),
                 title=ctx.t("ranking_table", profile=r["profile"], method=r["method"]),
                 source=f"{cba_source(ctx, data)}; {ctx.t('illustrative_mark')}",
                 numeric=(True, False, True, True, True, True, True, True))


def npv_chart(ctx: BuildContext, data: Ranked) -> Figure:
    rows = data.ranking["ranking"]
    values = [data.cba[row["key"]]["npv_dkk"] / 1e6 for row in rows]
    path = charts.bars(ctx.figures, "npv", [f"{row['rank']}. {project_name(ctx, data.cba[row['key']])}" for row in rows],
                       values, units(ctx, data), ctx.fmt(), value_text=[ctx.num(v) for v in values])
    return Figure(path, ctx.t("npv_chart"), units(ctx, data), cba_source(ctx, data), data.ranking["illustrative"])


def illustrative_note(ctx: BuildContext, data: Ranked) -> Note | None:
    flagged = [row for row in data.ranking["ranking"] if row["illustrative"]]
    if not flagged and not data.ranking["profile_illustrative"]:
        return None
    ctx.demo(True, ctx.t("sec_infra"))
    return Note(ctx.t("illustrative_projects", count=len(flagged), total=len(data.ranking["ranking"])), "illustrative")


def item_name(ctx: BuildContext, key: str) -> str:
    return infra_labels.label(key, ctx.language)


def asks(ctx: BuildContext) -> list:
    """What the region asked the state for, and whether it won (strategy.service.list_asks)."""
    found = strategy.list_asks(ctx.settings)
    if not found["asks"]:
        return []
    status = lambda key: infra_labels.label(key, ctx.language) if key else "–"  # noqa: E731
    return [Heading(ctx.t("asks_heading")),
            Table((ctx.t("ask"), ctx.t("asked"), ctx.t("decided"), ctx.t("status"), ctx.t("won")),
                  tuple((a["name"] + (" [DEMO]" if a["demo"] else ""), str(a["asked_year"] or "–"),
                         str(a["decided_year"] or "–"), status(a["project_status"]),
                         ctx.t("yes") if a["won"] else ctx.t("no")) for a in found["asks"]),
                  source=f"{ctx.t('source')}: {ctx.t('asks_source')}; {found['rule']}",
                  numeric=(False, True, True, False, False))]
