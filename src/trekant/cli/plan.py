"""`trekant plan …`: the joint municipal plan (thin: parsing and printing; the work is in plan.service)."""

from __future__ import annotations

from pathlib import Path

import typer

from trekant.cli.common import Console, JsonOption, Table, handles_errors, print_json, settings, working
from trekant.cli.identity import acting_settings, cli_principal, requires
from trekant.errors import InputError, Issue
from trekant import i18n
from trekant.i18n import number
from trekant.lazy import lazy_module
from trekant.plan.labels import t
from trekant.plan.model import (
    CONSEQUENCE_ZONE_M,
    DEFAULT_SENSITIVE_USES,
    LIVE_STATUSES,
    MAX_TOLERANCE_M,
    OUTSIDE_TOLERANCE_M,
    CheckOptions,
    CheckResult,
    Conflict,
)

reports = lazy_module("trekant.plan.reports")
service = lazy_module("trekant.plan.service")

app = typer.Typer(no_args_is_help=True)


def issue_dict(issue: Issue) -> dict:
    """An Issue for --json: severity, code, feature (planid or index), field, message, source."""
    return dict(severity=issue.severity, code=issue.code, feature=issue.where, field=issue.field,
                message=issue.message, source=issue.source)


def _warn(issues: list[Issue]) -> None:
    for issue in issues:
        typer.echo(issue.line(), err=True)


def _codes(text: str | None, cast=str, option: str = "--status") -> tuple | None:
    if text is None:
        return None
    try:
        return tuple(cast(part.strip()) for part in text.split(",") if part.strip())
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a comma-separated list of codes", param_hint=option) from None


def _title(key: str, lang: str, demo: bool) -> str:
    return _title_text(t(key, lang), lang, demo)


@app.command("import")
@handles_errors
def import_command(
    file: Path = typer.Argument(..., help="GeoJSON, GeoPackage, zipped Shapefile or GML (Plandata's WFS shape)."),
    municipality: str = typer.Option(None, "--municipality", help="Import as an editor of this municipality (code): other municipalities' features are refused."),
    status: str = typer.Option(None, "--status", help="Status of features that carry none (K, F, KV, V, A or forslag, vedtaget, …); a different status in the file is an error."),
    layer: str = typer.Option(None, "--layer", help="Layer to read when the file has several (a zip's .shp without the suffix)."),
    kind: str = typer.Option(None, "--kind", help="kommuneplanramme, lokalplan, delomraade or zonekort (default: from the file's layer name and fields)."),
    mirror: bool = typer.Option(False, "--mirror", help="Register mirror: store what the register publishes as it is, with data-quality findings, instead of refusing it."),
    partial: bool = typer.Option(False, "--partial", help="With --mirror: the file is not the whole export of its municipalities; withdraw nothing."),
    skip_others: bool = typer.Option(False, "--skip-others", help="With --municipality: leave other municipalities' features out (warning) instead of refusing the file."),
    tolerance_m: float = typer.Option(OUTSIDE_TOLERANCE_M, "--tolerance-m", min=0, max=MAX_TOLERANCE_M, help="How far (m) a feature may reach outside its municipality's 1:500,000 boundary."),
    json_out: bool = JsonOption,
) -> None:
    """Import plan features. A submission: every problem is reported, and any error writes nothing.
    With --mirror: the register's features as they are, each problem a stored finding (`plan quality`)."""
    cfg = settings()
    try:
        by = cli_principal(cfg)
        with working(f"{i18n.t('reading', cfg.language)} {file.name}"):
            result = service.import_file(acting_settings(cfg, by), file, municipality, status, layer, skip_others,
                                         tolerance_m, kind=kind, mirror=mirror, partial=partial, by=by)
    except InputError as exc:
        if json_out:
            print_json(dict(imported=0, issues=[issue_dict(i) for i in exc.issues] or [dict(severity="error", code="input", feature="file", field=None, message=str(exc), source=str(file))]))
        raise
    _report_import(result, cfg.language, json_out, "imported", str(file))


def _report_import(result, lang: str, json_out: bool, verb: str, source: str) -> None:
    """What an import or fetch wrote: JSON, or issues on stderr and one summary line (two for a mirror)."""
    if json_out:
        print_json({**result.to_dict(), "issues": [issue_dict(i) for i in result.issues]})
        return
    _warn(result.issues)
    mode = f" ({t('kind_' + result.layer, lang)}, {t('mode_' + result.mode, lang)})"
    extra = "".join(f", {t(key, lang)} {getattr(result, key)}" for key in ("withdrawn", "skipped") if getattr(result, key))
    typer.echo(f"{t(verb, lang)}{mode}: {result.imported} ({t('new_frames', lang)} {result.new_frames}, "
               f"{t('new_versions', lang)} {result.new_versions}, {t('unchanged', lang)} {result.unchanged}{extra}) ← {source}")
    if result.mode == "mirror":
        counts = result.to_dict()["findings_by_action"]
        detail = ", ".join(f"{t('action_' + a, lang)} {n}" for a, n in counts.items())
        typer.echo(f"{t('findings', lang)}: {len(result.findings)}" + (f" ({detail})" if detail else "") +
                   f" – {t('see_quality', lang)}")


@app.command("quality")
@handles_errors
def quality_command(
    municipality: str = typer.Option(None, "--municipality", help="Only this municipality (code)."),
    code: str = typer.Option(None, "--code", help="Only these finding codes, comma separated (e.g. too-small,outside-municipality)."),
    layer: str = typer.Option(None, "--layer", help="Only this layer: kommuneplanramme, lokalplan, delomraade or zonekort."),
    json_out: bool = JsonOption,
) -> None:
    """Data-quality findings of the register mirror: what breaks Plandata's rules and what was done about it."""
    cfg = settings()
    result = service.quality_findings(cfg, municipality, _codes(code, option="--code"), layer)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    rows = [[t("kind_" + f["layer"], lang), f"{f['municipality'] or ''} ({f['komnr']})" if f["komnr"] else "–",
             f["planid"] or "–", f["code"], t("action_" + f["action"], lang), f["field"] or "", f["message"]]
            for f in result["findings"]]
    keys = ("layer", "municipality", "planid", "code", "action", "field", "message")
    title = f"{t('quality_title', lang)}: {result['count']}"
    Console().print(_table(title, keys, rows, lang))


def _check_options(sensitive: str | None, within: bool, touch_m: float, status: str | None,
                   consequence_m: float = CONSEQUENCE_ZONE_M) -> CheckOptions:
    return CheckOptions(
        sensitive_uses=_codes(sensitive, int, "--sensitive") or DEFAULT_SENSITIVE_USES,
        within_municipality=within,
        touch_distance_m=touch_m,
        statuses=_codes(status) or LIVE_STATUSES,
        consequence_zone_m=consequence_m,
    )


@app.command("check")
@handles_errors
def check_command(
    sensitive: str = typer.Option(None, "--sensitive", help="Sensitive general uses (anvgen), comma separated; default 11,21,51,61,71."),
    within: bool = typer.Option(False, "--within", help="Also report conflicts inside one municipality."),
    touch_m: float = typer.Option(20.0, "--touch-distance-m", min=0, max=MAX_TOLERANCE_M, help="Frames this close across a border count as touching (equal conditions)."),
    status: str = typer.Option(None, "--status", help="Statuses of the plans to check, comma separated (default: all but cancelled); "
                                                      "they are checked against each other and the adopted plans, so forslag checks proposals against adopted plans."),
    consequence_m: float = typer.Option(CONSEQUENCE_ZONE_M, "--consequence-zone-m", min=0, max=MAX_TOLERANCE_M, help="Consequence zone (m) around production areas taken from frames (designations give their own)."),
    json_out: bool = JsonOption,
) -> None:
    """Cross-border checks: environmental distance, equal conditions, border overlaps, sensitive uses in a
    neighbour's consequence zone around production areas; business frames without a class are named."""
    cfg = settings()
    result = reports.check(cfg, _check_options(sensitive, within, touch_m, status, consequence_m))
    if json_out:
        print_json(result.to_dict())
        return
    lang, console = cfg.language, Console()
    names = _municipality_names(cfg)
    console.print(_conflict_table(result, lang, names))
    if result.cannot_check:
        listed = ", ".join(f"{f['planid']} ({f['komnr']}, {f['anvgen']})" for f in result.cannot_check[:10])
        more = f" … (+{len(result.cannot_check) - 10})" if len(result.cannot_check) > 10 else ""
        console.print(f"{t('cannot_check', lang)}: {len(result.cannot_check)}: {listed}{more}", highlight=False, markup=False)
    console.print(_unequal_table(result, lang, names))
    console.print(_overlap_table(result, lang, names))
    console.print(_consequence_table(result, lang, names))


def _municipality_names(cfg) -> dict[str, str]:
    """Code → name, so tables name the municipalities, not only their codes."""
    from trekant.store.store import reading

    with reading(cfg) as conn:
        return reports.municipality_names(conn)


def _place(komnr: str | None, names: dict[str, str]) -> str:
    """'Vejle (0630)': the name a reader knows, and the code the data uses."""
    return f"{names[komnr]} ({komnr})" if komnr in names else str(komnr or "–")


def _use(anvgen: int | None, lang: str) -> str:
    """'11 Boligområde': the general use with its name from Plandata's code list."""
    if anvgen is None:
        return ""
    from trekant.plan.codes import load_code_lists

    name = load_code_lists().anvgen.get(int(anvgen))
    return f"{anvgen} {name[1] if lang == 'en' else name[0]}" if name else str(anvgen)


def _consequence_table(result, lang: str, names: dict[str, str] | None = None) -> Table:
    names = names or {}
    rows = [[c.production_id, t("origin_" + c.origin, lang), _place(c.production_komnr, names), number(c.zone_m, ",.0f", lang),
             t("kind_" + c.sensitive_layer, lang), c.sensitive_planid, _place(c.sensitive_komnr, names),
             _use(c.sensitive_anvgen, lang),
             c.sensitive_status, number(c.distance_m, ",.0f", lang)] for c in result.consequence_conflicts]
    keys = ("production", "origin", "municipality", "zone_m", "layer", "sensitive", "municipality", "use", "status", "distance_m")
    title = f"{_title('consequence_conflicts', lang, result.demo)} ({t('production_areas', lang)}: {result.production_areas})"
    return _table(title, keys, rows, lang)


# Columns holding identifiers, codes and figures: never cut or wrapped (texts around them wrap instead;
# "use" is a code with its name, so it may wrap between words).
WHOLE_KEYS = {"planid", "plannr", "doklink", "production", "code", "source", "sensitive", "frame_a", "frame_b", "class", "distance_m", "required_m",
              "area_m2", "area_ha", "version", "field", "zone_m"}


def _table(title: str, keys: tuple[str, ...], rows: list[list[str]], lang: str) -> Table:
    """A table with the labelled columns, or a 'none found' caption when there are no rows."""
    table = Table(title=title)
    for index, key in enumerate(keys):
        if key in WHOLE_KEYS:
            widest = max([len(str(row[index])) for row in rows] + [1])
            table.add_column(t(key, lang), no_wrap=True, min_width=widest)
        else:
            table.add_column(t(key, lang), overflow="fold")
    for row in rows:
        table.add_row(*row)
    if not rows:
        table.caption = t("none_found", lang)
    return table


def _conflict_table(result, lang: str, names: dict[str, str] | None = None) -> Table:
    names = names or {}
    rows = [[c.source_planid, _place(c.source_komnr, names), str(c.source_class), c.sensitive_planid,
             _place(c.sensitive_komnr, names), _use(c.sensitive_anvgen, lang), number(c.distance_m, ",.0f", lang),
             number(c.required_m, ",.0f", lang)] for c in result.conflicts]
    keys = ("source", "municipality", "class", "sensitive", "municipality", "use", "distance_m", "required_m")
    return _table(_title("conflicts", lang, result.demo), keys, rows, lang)


def _unequal_table(result, lang: str, names: dict[str, str] | None = None) -> Table:
    def text(u) -> str:
        parts = [f"{k}: {a} ≠ {b}" for k, (a, b) in u.differences.items()]
        parts += [f"{k} {v['values'][0]} / {v['values'][1]}: {t('not_comparable', lang)} (bebygpctaf "
                  f"{v['bebygpctaf'][0] or '–'} / {v['bebygpctaf'][1] or '–'})" for k, v in u.not_comparable.items()]
        return "; ".join(parts)

    names = names or {}
    rows = [[u.planid_a, _place(u.komnr_a, names), u.planid_b, _place(u.komnr_b, names), _use(u.anvgen, lang), text(u)]
            for u in result.unequal_conditions]
    keys = ("frame_a", "municipality", "frame_b", "municipality", "use", "differences")
    return _table(_title("unequal_conditions", lang, result.demo), keys, rows, lang)


def _overlap_table(result, lang: str, names: dict[str, str] | None = None) -> Table:
    names = names or {}
    rows = [[t(o.kind, lang), o.planid_a, _place(o.komnr_a, names), o.planid_b or "–", _place(o.komnr_b, names),
             number(o.area_m2, ",.0f", lang)] for o in result.border_overlaps]
    keys = ("kind", "frame_a", "municipality", "frame_b", "municipality", "area_m2")
    return _table(_title("border_overlaps", lang, result.demo), keys, rows, lang)


@app.command("history")
@handles_errors
def history_command(planid: str = typer.Argument(..., help="The plan's planid (frame, local plan, sub-area or zone)."),
                    json_out: bool = JsonOption) -> None:
    """Every version of a plan: what changed, when and by whom (a withdrawn plan's last version has a valid-to)."""
    cfg = settings()
    versions = reports.frame_history(cfg, planid)
    records = versions.astype(object).where(versions.notna(), None).to_dict("records")
    if json_out:
        print_json(records)
        return
    lang = cfg.language
    demo = any(r["is_demo"] for r in records)
    table = Table(title=f"{_title('history', lang, demo)} {planid}")
    keys = ("layer", "version", "status", "valid_from", "valid_to", "changed_by", "change", "plannavn", "anvgen", "maxmiljo",
            "area_ha")
    for key in keys:
        table.add_column(t(key, lang))
    for r in records:
        table.add_row(t("kind_" + r["layer"], lang), str(r["version"]), r["status"], _moment(r["valid_from"]),
                      _moment(r["valid_to"]), r["changed_by"], r["change"], r.get("plannavn") or "",
                      _use(r.get("anvgen"), lang), str(r.get("maxmiljo") or ""), number(r['area_m2'] / 10_000, ",.2f", lang))
    Console().print(table)


def _moment(value) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


@app.command("fetch")
@handles_errors
def fetch_command(
    municipality: str = typer.Option(..., "--municipality", help="Municipality code whose plans to load."),
    layer: str = typer.Option(None, "--layer", help="kommuneplanramme (default), lokalplan, delomraade, zonekort, or a Plandata WFS layer name."),
    status: str = typer.Option(None, "--status", help="vedtaget (default) or forslag: which of Plandata's layers to read."),
    url: str = typer.Option(None, "--url", help="WFS endpoint (default: Plandata.dk's public WFS)."),
    page_size: int = typer.Option(1000, "--page-size", min=1, help="Features per GetFeature request."),
    strict: bool = typer.Option(False, "--strict", help="Validate as a submission (any error writes nothing) instead of mirroring the register."),
    json_out: bool = JsonOption,
) -> None:
    """Load one municipality's plans of one Plandata layer from Plandata.dk's WFS, as a register mirror
    (findings in `plan quality`; plans gone from the register are withdrawn)."""
    cfg = settings()
    request = service.wfs_request(url, layer, page_size, status)
    try:
        by = cli_principal(cfg)
        with working(f"{i18n.t('reading', cfg.language)} {request.url}"):
            result = service.fetch(acting_settings(cfg, by), municipality, request, strict=strict, by=by)
    except InputError as exc:
        if json_out and exc.issues:
            print_json(dict(imported=0, issues=[issue_dict(i) for i in exc.issues]))
        raise
    _report_import(result, cfg.language, json_out, "fetched", result.source)


def _frames_table(title: str, rows: list[dict], lang: str) -> Table:
    table = Table(title=title)
    for key in ("planid", "municipality", "plannr", "plannavn", "use", "status", "class", "rules", "area_ha"):
        table.add_column(t(key, lang), justify="right" if key == "area_ha" else "left")
    for r in rows:
        classes = f"{r['minmiljo'] or 1}–{r['maxmiljo']}" if r["maxmiljo"] else ""
        rules = ", ".join(f"{k} {r[k]:g}" for k in ("bebygpct", "maxetager", "maxbygnhjd", "minuds") if r.get(k) is not None)
        table.add_row(r["planid"], f"{r['municipality']} ({r['komnr']})", r["plannr"] or "", r["plannavn"] or "",
                      f"{r['anvgen']}" + (f"/{r['anvspec']}" if r["anvspec"] else ""), r["status"], classes, rules,
                      number(r['area_ha'], ",.1f", lang))
    if not rows:
        table.caption = t("none_found", lang)
    return table


@app.command("where")
@handles_errors
def where_command(
    env_class: int = typer.Option(..., "--class", min=1, max=7, help="Environmental class of the business (1–7)."),
    use: int = typer.Option(None, "--use", help="General use (anvgen, e.g. 31) or specific use (anvspec, e.g. 3130)."),
    min_area_ha: float = typer.Option(0.0, "--min-area-ha", min=0, help="Smallest frame area in hectares."),
    status: str = typer.Option(None, "--status", help="Statuses, comma separated (default: all but cancelled)."),
    json_out: bool = JsonOption,
) -> None:
    """Every frame in the region admitting a business of class C (minmiljo ≤ C ≤ maxmiljo), on equal terms."""
    cfg = settings()
    result = reports.where(cfg, env_class, use, min_area_ha, _codes(status) or LIVE_STATUSES)
    if json_out:
        print_json(result)
        return
    title = f"{t('where_title', cfg.language)} {env_class}" + (f" ({t('demo', cfg.language)})" if result["demo"] else "")
    Console().print(_frames_table(title, result["frames"], cfg.language))


@app.command("at")
@handles_errors
def at_command(
    x: float = typer.Argument(..., help="Easting (or longitude with --crs EPSG:4326)."),
    y: float = typer.Argument(..., help="Northing (or latitude)."),
    crs: str = typer.Option(None, "--crs", help="CRS of X Y (default EPSG:25832), e.g. EPSG:4326."),
    json_out: bool = JsonOption,
) -> None:
    """What applies at a point, as planners ask: delområde → lokalplan → kommuneplanramme → zone, each
    with its rules and PDF, and which one governs; joint designations; conflicts within 500 m."""
    cfg = settings()
    result = reports.at(cfg, x, y, crs)
    if json_out:
        print_json(result)
        return
    lang, console = cfg.language, Console()
    where = ", ".join(f"{m['name']} ({m['komnr']})" for m in result["municipality"]) or t("none", lang)
    title = f"{t('at_title', lang)} ({result['x']:.0f}, {result['y']:.0f}) – {where}"
    console.print(_cascade_table(_title_text(title, lang, result["demo"]), result, lang))
    for line in _cascade_lines(result, lang):
        console.print(line, highlight=False, markup=False)
    zones = [[d["theme"], d["name"], number(d['area_ha'], ",.1f", lang)] for d in result["designations"]]
    console.print(_table(_title("designations", lang, result["demo"]), ("theme", "name", "area_ha"), zones, lang))
    conflicts = [Conflict(**c) for c in result["conflicts"]]
    console.print(_conflict_table(CheckResult(conflicts, [], [], 0, result["demo"]), lang))


def _rules_text(rules: dict, lang: str) -> str:
    parts = [f"{k} {number(v, ',.1f', lang) if isinstance(v, float) else v}" for k, v in rules.items()
             if k not in ("bebygpctaf", "bebygpct_of")]
    if rules.get("bebygpct_of"):
        parts.append(f"({t('bebygpct_of', lang)} {rules['bebygpct_of'].lower()})")
    return ", ".join(parts)


def _cascade_table(title: str, result: dict, lang: str) -> Table:
    rows = []
    for level in result["cascade"]:
        for f in level["features"]:
            use = f"{f['anvgen']} {f['use'] or ''}".strip() if f.get("anvgen") is not None else ""
            if level["level"] == "zonekort":  # the zone map's feature is a zone, not a use: 1 Byzone, 2 Landzone, …
                use = f"{f.get('zone') or ''} {f.get('zone_name') or ''}".strip()
            notes = "; ".join(t("note_" + n, lang) for n in f["notes"])
            rows.append([t("kind_" + level["level"], lang), f["planid"], f.get("plannr") or "", f["status"], use,
                         _rules_text(f["rules"], lang) + (f" [{notes}]" if notes else ""), f.get("doklink") or ""])
    keys = ("layer", "planid", "plannr", "status", "use", "rules", "doklink")
    return _table(title, keys, rows, lang)


def _cascade_lines(result: dict, lang: str) -> list[str]:
    governs, zone = result["governs"], result["zone"]
    lines = []
    if governs["level"]:
        plan = " ".join(p for p in (governs.get("plannr"), f"({governs['planid']})") if p)
        lines.append(f"{t('governs', lang)}: {t('kind_' + governs['level'], lang)} {plan} – {t('reason_' + governs['reason'], lang)}")
    else:
        lines.append(f"{t('governs', lang)}: – {t('reason_none', lang)}")
    if zone["zone"] is not None:
        lines.append(f"{t('zone', lang)}: {zone['zone']} {zone['name'] or ''} ({t('kind_' + zone['source'], lang)} {zone['planid']})")
    for proposal in result["proposals"]:
        lines.append(f"{t('proposal_note', lang)}: {t('kind_' + proposal['level'], lang)} {proposal['planid']} "
                     f"{proposal.get('doklink') or ''}".rstrip())
    return lines


def _title_text(text: str, lang: str, demo: bool) -> str:
    return f"{text} ({t('demo', lang)})" if demo else text


@app.command("land")
@handles_errors
def land_command(
    at: str = typer.Option(None, "--at", help="The plan as it stood at this date (YYYY-MM-DD, end of day) or ISO time; default now."),
    since: str = typer.Option(None, "--since", help="Show the change since this date or time instead of the totals."),
    json_out: bool = JsonOption,
) -> None:
    """Land account: hectares by municipality × general use × status, or the change between two moments."""
    cfg = settings()
    result = reports.land(cfg, at, since)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    changed = since is not None
    table = Table(title=_title_text(t("change_title" if changed else "land_title", lang), lang, result["demo"]))
    keys = ("municipality", "use", "status") + (("before", "after", "change_ha") if changed else ("frames", "area_ha"))
    for key in keys:
        table.add_column(t(key, lang), justify="right" if key in ("frames", "area_ha", "before", "after", "change_ha") else "left")
    for r in result["rows"]:
        head = [f"{r['municipality']} ({r['komnr']})", _use(r["anvgen"], lang), r["status"]]
        tail = ([number(r['area_ha_before'], ",.1f", lang), number(r['area_ha_after'], ",.1f", lang), number(r['change_ha'], "+,.1f", lang)] if changed
                else [str(r["frames"]), number(r['area_ha'], ",.1f", lang)])
        table.add_row(*head, *tail)
    if not result["rows"]:
        table.caption = t("none_found", lang)
    Console().print(table)


@app.command("export")
@handles_errors
def export_command(
    fmt: str = typer.Option(..., "--format", help="gpkg (one layer per theme), geojson, csv or xlsx."),
    out: Path = typer.Option(..., "--out", help="File to write (replaced if it exists)."),
    crs: str = typer.Option(None, "--crs", help="Output CRS (default: EPSG:25832 for gpkg, EPSG:4326 for geojson)."),
    layer: str = typer.Option("kommuneplanramme", "--layer", help="For geojson and csv: kommuneplanramme, lokalplan, delomraade or zonekort."),
    json_out: bool = JsonOption,
) -> None:
    """Export the current plans (a GeoPackage layer per Plandata layer and status, designations, conflicts,
    data-quality findings) for QGIS and spreadsheets."""
    cfg = settings()
    result = reports.export(cfg, fmt.lower(), out, crs, cfg.language, layer)
    if json_out:
        print_json(result)
        return
    demo = f" ({t('demo', cfg.language)})" if result["demo"] else ""
    typer.echo(f"{t('exported', cfg.language)}{demo}: {result['frames']} → {result['path']} [{', '.join(result['layers'])}]")


@app.command("designations")
@handles_errors
@requires("designation.edit")
def designations_command(
    file: Path = typer.Argument(..., help="Polygon file of one theme (GeoJSON, GeoPackage, zipped Shapefile, GML)."),
    theme: str = typer.Option(..., "--theme", help="transport_logistics, wind, solar, ptx, green_corridor, or production (areas reserved for production companies; zone width in consequence_m)."),
    id_field: str = typer.Option("id", "--id-field", help="Field holding each designation's id."),
    name_field: str = typer.Option("name", "--name-field", help="Field holding each designation's name."),
    layer: str = typer.Option(None, "--layer", help="Layer to read when the file has several."),
    json_out: bool = JsonOption,
) -> None:
    """Import joint regional designations of one theme (versioned; any error writes nothing)."""
    cfg = settings()
    try:
        with working(f"{i18n.t('reading', cfg.language)} {file.name}"):
            result = service.import_designations(cfg, file, theme, id_field, name_field, layer)
    except InputError as exc:
        if json_out:
            print_json(dict(imported=0, issues=[issue_dict(i) for i in exc.issues]))
        raise
    issues = result.pop("issues")
    if json_out:
        print_json({**result, "issues": [issue_dict(i) for i in issues]})
        return
    _warn(issues)
    lang = cfg.language
    typer.echo(f"{t('imported', lang)} ({theme}): {result['imported']} ({t('new_versions', lang)} {result['new_versions']}, "
               f"{t('unchanged', lang)} {result['unchanged']}) ← {file}")
