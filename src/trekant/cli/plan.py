"""`trekant plan …`: the joint municipal plan (thin: parsing and printing; the work is in plan.service)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from trekant.cli.common import JsonOption, handles_errors, print_json, settings
from trekant.errors import InputError, Issue
from trekant.plan import service
from trekant.plan.labels import t
from trekant.plan.model import DEFAULT_SENSITIVE_USES, LIVE_STATUSES, OUTSIDE_TOLERANCE_M, CheckOptions

app = typer.Typer(no_args_is_help=True)


def issue_dict(issue: Issue) -> dict:
    """An Issue for --json: severity, code, feature (planid or index), field, message, source."""
    return dict(severity=issue.severity, code=issue.code, feature=issue.where, field=issue.field,
                message=issue.message, source=issue.source)


def _warn(issues: list[Issue]) -> None:
    for issue in issues:
        typer.echo(issue.line(), err=True)


def _codes(text: str | None, cast=str) -> tuple | None:
    if text is None:
        return None
    return tuple(cast(part.strip()) for part in text.split(",") if part.strip())


def _title(key: str, lang: str, demo: bool) -> str:
    return f"{t(key, lang)} ({t('demo', lang)})" if demo else t(key, lang)


@app.command("import")
@handles_errors
def import_command(
    file: Path = typer.Argument(..., help="GeoJSON, GeoPackage, zipped Shapefile or GML (Plandata's WFS shape)."),
    municipality: str = typer.Option(None, "--municipality", help="Import as an editor of this municipality (code): other municipalities' frames are refused."),
    status: str = typer.Option(None, "--status", help="Status of frames that carry none (K, F, KV, V, A or forslag, vedtaget, …); a different status in the file is an error."),
    layer: str = typer.Option(None, "--layer", help="Layer to read when the file has several."),
    skip_others: bool = typer.Option(False, "--skip-others", help="With --municipality: leave other municipalities' frames out (warning) instead of refusing the file."),
    tolerance_m: float = typer.Option(OUTSIDE_TOLERANCE_M, "--tolerance-m", help="How far (m) a frame may reach outside its municipality's 1:500,000 boundary."),
    json_out: bool = JsonOption,
) -> None:
    """Import plan frames; every problem is reported, and any error writes nothing."""
    cfg = settings()
    try:
        result = service.import_file(cfg, file, municipality, status, layer, skip_others, tolerance_m)
    except InputError as exc:
        if json_out:
            print_json(dict(imported=0, issues=[issue_dict(i) for i in exc.issues] or [dict(severity="error", code="input", feature="file", field=None, message=str(exc), source=str(file))]))
        raise
    if json_out:
        print_json(dict(imported=result.imported, new_frames=result.new_frames, new_versions=result.new_versions,
                        unchanged=result.unchanged, issues=[issue_dict(i) for i in result.issues]))
        return
    _warn(result.issues)
    lang = cfg.language
    typer.echo(f"{t('imported', lang)}: {result.imported} ({t('new_frames', lang)} {result.new_frames}, "
               f"{t('new_versions', lang)} {result.new_versions}, {t('unchanged', lang)} {result.unchanged}) ← {file}")


def _check_options(sensitive: str | None, within: bool, touch_m: float, status: str | None) -> CheckOptions:
    return CheckOptions(
        sensitive_uses=_codes(sensitive, int) or DEFAULT_SENSITIVE_USES,
        within_municipality=within,
        touch_distance_m=touch_m,
        statuses=_codes(status) or LIVE_STATUSES,
    )


@app.command("check")
@handles_errors
def check_command(
    sensitive: str = typer.Option(None, "--sensitive", help="Sensitive general uses (anvgen), comma separated; default 11,21,51,61,71."),
    within: bool = typer.Option(False, "--within", help="Also report environmental conflicts inside one municipality."),
    touch_m: float = typer.Option(20.0, "--touch-distance-m", help="Frames this close across a border count as touching (equal conditions)."),
    status: str = typer.Option(None, "--status", help="Statuses to check, comma separated (default: all but cancelled)."),
    json_out: bool = JsonOption,
) -> None:
    """Cross-border checks: environmental distance, equal conditions, border overlaps."""
    cfg = settings()
    result = service.check(cfg, _check_options(sensitive, within, touch_m, status))
    if json_out:
        print_json(result.to_dict())
        return
    lang, console = cfg.language, Console()
    console.print(_conflict_table(result, lang))
    console.print(_unequal_table(result, lang))
    console.print(_overlap_table(result, lang))


def _conflict_table(result, lang: str) -> Table:
    table = Table(title=_title("conflicts", lang, result.demo))
    for key in ("source", "municipality", "class", "sensitive", "municipality", "use", "distance_m", "required_m"):
        table.add_column(t(key, lang))
    for c in result.conflicts:
        table.add_row(c.source_planid, c.source_komnr, str(c.source_class), c.sensitive_planid, c.sensitive_komnr,
                      str(c.sensitive_anvgen), f"{c.distance_m:,.0f}", f"{c.required_m:,.0f}")
    if not result.conflicts:
        table.caption = t("none_found", lang)
    return table


def _unequal_table(result, lang: str) -> Table:
    table = Table(title=_title("unequal_conditions", lang, result.demo))
    for key in ("frame_a", "municipality", "frame_b", "municipality", "use", "differences"):
        table.add_column(t(key, lang))
    for u in result.unequal_conditions:
        diff = "; ".join(f"{k}: {a} ≠ {b}" for k, (a, b) in u.differences.items())
        table.add_row(u.planid_a, u.komnr_a, u.planid_b, u.komnr_b, str(u.anvgen), diff)
    if not result.unequal_conditions:
        table.caption = t("none_found", lang)
    return table


def _overlap_table(result, lang: str) -> Table:
    table = Table(title=_title("border_overlaps", lang, result.demo))
    for key in ("kind", "frame_a", "municipality", "frame_b", "municipality", "area_m2"):
        table.add_column(t(key, lang))
    for o in result.border_overlaps:
        table.add_row(o.kind, o.planid_a, o.komnr_a, o.planid_b or "–", o.komnr_b, f"{o.area_m2:,.0f}")
    if not result.border_overlaps:
        table.caption = t("none_found", lang)
    return table


@app.command("history")
@handles_errors
def history_command(planid: str = typer.Argument(..., help="The frame's planid."), json_out: bool = JsonOption) -> None:
    """Every version of a plan frame: what changed, when and by whom."""
    cfg = settings()
    versions = service.frame_history(cfg, planid)
    records = versions.astype(object).where(versions.notna(), None).to_dict("records")
    if json_out:
        print_json(records)
        return
    lang = cfg.language
    demo = any(r["is_demo"] for r in records)
    table = Table(title=f"{_title('history', lang, demo)} {planid}")
    keys = ("version", "status", "valid_from", "valid_to", "changed_by", "change", "plannavn", "anvgen", "maxmiljo", "area_ha")
    for key in keys:
        table.add_column(t(key, lang))
    for r in records:
        table.add_row(str(r["version"]), r["status"], _moment(r["valid_from"]), _moment(r["valid_to"]), r["changed_by"],
                      r["change"], r["plannavn"] or "", str(r["anvgen"] or ""), str(r["maxmiljo"] or ""),
                      f"{r['area_m2'] / 10_000:,.2f}")
    Console().print(table)


def _moment(value) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


@app.command("fetch")
@handles_errors
def fetch_command(
    municipality: str = typer.Option(..., "--municipality", help="Municipality code whose adopted frames to load."),
    url: str = typer.Option(None, "--url", help="WFS endpoint (default: Plandata.dk's public WFS)."),
    layer: str = typer.Option(None, "--layer", help="WFS layer (default theme_pdk_kommuneplanramme_vedtaget_v)."),
    page_size: int = typer.Option(1000, "--page-size", min=1, help="Features per GetFeature request."),
    json_out: bool = JsonOption,
) -> None:
    """Load adopted plan frames of one municipality from Plandata.dk's WFS (validated like an import)."""
    cfg = settings()
    request = service.wfs_request(url, layer, page_size)
    try:
        result = service.fetch(cfg, municipality, request)
    except InputError as exc:
        if json_out and exc.issues:
            print_json(dict(imported=0, issues=[issue_dict(i) for i in exc.issues]))
        raise
    if json_out:
        print_json(dict(imported=result.imported, new_frames=result.new_frames, new_versions=result.new_versions,
                        unchanged=result.unchanged, source=result.source, issues=[issue_dict(i) for i in result.issues]))
        return
    _warn(result.issues)
    lang = cfg.language
    typer.echo(f"{t('fetched', lang)}: {result.imported} ({t('new_frames', lang)} {result.new_frames}, "
               f"{t('new_versions', lang)} {result.new_versions}, {t('unchanged', lang)} {result.unchanged}) ← {result.source}")
