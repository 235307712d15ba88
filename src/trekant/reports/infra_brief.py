"""The joint infrastructure brief: the ranked priority list for the region's lobbying, one page per
project (map, key figures, main benefit items, parameter set, sources), ending with the method.

Read from infrastructure.service only (rank, cba_report, risk, get_project) plus the region's
outlines for the maps; every CBA figure on the ranking's common base year and price year."""

from __future__ import annotations

from trekant.infrastructure import labels as infra_labels
from trekant.infrastructure import service as infra
from trekant.region import service as region_service
from trekant.reports import maps
from trekant.reports.context import BuildContext
from trekant.reports.model import Document, Figure, Heading, KeyFigure, KeyFigures, Note, Paragraph, Section, Table
from trekant.reports.sections import infra as shared
from trekant.reports.status import finish

MAIN_ITEMS = 6  # benefit and cost items shown per project, largest present value first
MAP_HEIGHT_CM = 7.0  # the project map's height on the page: with the rest, a project keeps to one page
PROJECT_LINE = "#D55E00"


def steps(projects: int) -> int:
    """The progress steps of a brief with this many project pages: the list, a page each, the method,
    and the rendering (service.build_bytes)."""
    return 1 + projects + 1 + 1


def check_projects(ctx: BuildContext, projects: list[str] | None) -> None:
    """Every project asked for must exist (NotFound naming the known ones), before any work."""
    for key in projects or ():
        infra.get_project(ctx.settings, key)


def selected(data: shared.Ranked, projects: list[str] | None) -> list[str]:
    """The projects to give a page: those asked for, else every ranked project; ranked ones in rank
    order, then the rest in the order given."""
    ranked = [row["key"] for row in data.ranking["ranking"]]
    if not projects:
        return ranked
    wanted = list(dict.fromkeys(projects))
    return [k for k in ranked if k in wanted] + [k for k in wanted if k not in ranked]


def build(ctx: BuildContext, projects: list[str] | None = None, params: str | None = None) -> Document:
    check_projects(ctx, projects)
    region = region_service.describe_region(ctx.settings)
    data = shared.ranked(ctx, params)
    keys = selected(data, projects)
    doc = Document("infra-brief", ctx.t("brief_title"), ctx.t("brief_subtitle", region=region["name"] or ""),
                   ctx.language, numbered=False)
    doc.sections.append(_list_section(ctx, data))
    ctx.progress(doc.sections[-1].title, total=steps(len(keys)))  # the length is known once the list is
    outlines = region_service.municipality_outlines(ctx.settings, neighbours_within_m=30_000)
    names = {o["code"]: o["name"] for o in outlines}
    ranks = {row["key"]: row for row in data.ranking["ranking"]}
    for key in keys:
        doc.sections.append(_project_section(ctx, data, key, ranks.get(key), outlines, names))
        ctx.progress(doc.sections[-1].title)
    doc.sections.append(_method_section(ctx, data))
    ctx.progress(doc.sections[-1].title)
    finish(ctx, doc)
    return doc


def _criterion(ctx: BuildContext, name: str) -> str:
    return infra_labels.label(name, ctx.language).replace("_", " ")


def _list_section(ctx: BuildContext, data: shared.Ranked) -> Section:
    section = Section(ctx.t("ranking_table", profile=data.ranking["profile"], method=data.ranking["method"]), "ranking",
                      new_page=True)
    section.add(Paragraph(ctx.t("brief_intro")), shared.illustrative_note(ctx, data), shared.ranking_table(ctx, data),
                Table((ctx.t("criterion"), ctx.t("weight"), ctx.t("kind")),
                      tuple((_criterion(ctx, c["name"]), ctx.pct(c["weight"], 0), ctx.t(c["type"]))
                            for c in data.ranking["criteria"]), title=ctx.t("criteria_table"),
                      source=f"{ctx.t('source')}: trekant infra rank, profil {data.ranking['profile']}"),
                shared.npv_chart(ctx, data))
    for warning in data.ranking["warnings"] + data.ranking["double_counts"]:
        section.add(Note(warning))
    return section


def _project_section(ctx: BuildContext, data: shared.Ranked, key: str, rank: dict | None, outlines: list[dict],
                     names: dict[str, str]) -> Section:
    project = infra.get_project(ctx.settings, key)
    cba = shared.cba_for(ctx, data, key)
    risk = shared.risk_for(ctx, data, key)
    name = shared.project_name(ctx, cba)
    title = f"{rank['rank']}. {name}" if rank else name  # the brief's sections are not numbered: the rank is
    section = Section(title, f"project-{key}", compact=True)
    source = shared.cba_source(ctx, data)
    short = f"trekant infra cba ({data.params}, {data.base_year})"
    costs = cba["costs"]
    section.add(Paragraph(" · ".join((
        f"{ctx.t('mode')}: {infra_labels.label(project.mode, ctx.language)}",
        f"{ctx.t('municipalities_involved')}: {', '.join(names.get(c, c) for c in project.municipalities)}",
        f"{ctx.t('opening_year')}: {project.opening_year}"))))
    section.add(KeyFigures((
        KeyFigure(ctx.t("construction"), ctx.t("mdkk_prices", value=ctx.mdkk(costs["budget_dkk"]), year=project.price_year),
                  " ".join(f"[{s['id']}]" for s in cba["sources"])),
        KeyFigure(ctx.t("npv"), ctx.t("mdkk_value", value=ctx.mdkk(cba["npv_dkk"])), short),
        KeyFigure(ctx.t("irr"), shared.irr_text(ctx, cba), short),
        KeyFigure(ctx.t("bc"), ctx.num(cba["bc_ratio"], 2), short),
        KeyFigure(ctx.t("first_year_return"), ctx.pct(cba["first_year_return"], 1), short),
        KeyFigure(ctx.t("p_npv_positive"), ctx.pct(risk["prob_npv_positive"], 0),
                  f"trekant infra risk ({risk['draws']}, {risk['seed']})")),
        title=ctx.t("key_figures")), Paragraph(source))
    section.add(_project_map(ctx, project, name, outlines, cba["illustrative"]))
    items = sorted(cba["pv_items_dkk"].items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:MAIN_ITEMS]
    section.add(Table((ctx.t("item"), ctx.t("pv_mdkk")),
                      tuple((shared.item_name(ctx, k), ctx.mdkk(v)) for k, v in items),
                      title=ctx.t("benefit_items"), source=source))
    section.add(Paragraph(ctx.t("params_used", params=cba["params"], price_year=cba["price_year"],
                                base_year=cba["base_year"], first=cba["first_year"], last=cba["last_year"])),
                Paragraph(ctx.t("risk_text", draws=ctx.num(risk["draws"]), seed=risk["seed"],
                                p=ctx.pct(risk["prob_npv_positive"], 0), p10=ctx.mdkk(risk["p10_npv_dkk"]),
                                p90=ctx.mdkk(risk["p90_npv_dkk"]))))
    note = costs.get("note_da") if ctx.language == "da" else costs.get("note")
    if note:
        section.add(Note(note))
    if cba["illustrative_inputs"]:
        ctx.demo(True, ctx.t("sec_infra"))
        section.add(Note(ctx.t("illustrative_inputs", inputs=", ".join(cba["illustrative_inputs"])), "illustrative"))
    # the sources as a table (the small type of tables), so that a project keeps to its one page
    section.add(Table(("", ctx.t("sources")), tuple((f"[{s['id']}]", s["label"] + (f", {s['url']}" if s.get("url") else ""))
                                                    for s in cba["sources"]), numeric=(False, False)))
    return section


def _project_map(ctx: BuildContext, project, name: str, outlines: list[dict], illustrative: bool):
    if project.geometry is None:
        return Note(ctx.t("project_map_none"))
    layer = maps.Layer([project.geometry], PROJECT_LINE, name,
                       kind="line" if project.geometry.geom_type.endswith("LineString") else "polygon")
    path = maps.draw(ctx.figures, f"project-{project.key}", outlines, [layer], focus=project.geometry,
                     margin_m=8_000, height_cm=10)
    geometry_demo = project.is_illustrative("geometry")
    what = ctx.t("project_geometry") + (f"; {ctx.t('illustrative_word')}" if geometry_demo else "")
    return Figure(path, ctx.t("project_map", name=name), ctx.t("map_units"),
                  f"{ctx.t('source')}: trekant infra ({what}); DAGI (SDFI)",
                  geometry_demo, kind="map", width_pct=80, height_cm=MAP_HEIGHT_CM)


def _method_section(ctx: BuildContext, data: shared.Ranked) -> Section:
    stability = data.ranking["stability"]
    return Section(ctx.t("method_heading"), "method").add(
        Paragraph(ctx.t("method_text", params=data.params, method=data.ranking["method"],
                        draws=ctx.num(stability["draws"]), perturbation=ctx.pct(stability["perturbation"], 0))),
        Paragraph(ctx.t("params_brief", params=data.params, price_year=data.price_year, base_year=data.base_year)),
        Paragraph(ctx.t("published_note") if ctx.published_only else ctx.t("internal_note")))
