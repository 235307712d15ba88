"""`trekant report …`: the region's status report and the joint infrastructure brief, as PDF or HTML.

Who may see what follows the CLI's principal (cli/identity.py): on the embedded store the CLI is its
administrator and the internal edition (drafts included) is built unless `--public` asks for the
public one; a server store without a token gives the public edition."""

from __future__ import annotations

from pathlib import Path

import typer

from trekant.cli.common import MAX_YEAR, MIN_YEAR, JsonOption, handles_errors, print_json, progress_steps, settings
from trekant.lazy import lazy_module

service = lazy_module("trekant.reports.service")

app = typer.Typer(no_args_is_help=True)

OutOption = typer.Option(..., "--out", "-o", help="The file to write: FILE.pdf or FILE.html.")


def _language(value: str | None) -> str | None:
    if value is not None and value not in ("da", "en"):
        raise typer.BadParameter(f"{value!r} is not a language; use da or en")
    return value


LangOption = typer.Option(None, "--lang", callback=_language, metavar="da|en",
                          help="Language of the document (as the global --lang; default: TREKANT_LANGUAGE, else da).")
PublicOption = typer.Option(False, "--public", help="The public edition: published plans only, no drafts "
                                                    "(the default for users who may not see drafts).")


def _settings(lang: str | None):
    """The settings, in the document's language when --lang names one."""
    cfg = settings()
    return cfg if lang is None else cfg.model_copy(update={"language": lang})


def _published_only(cfg, public: bool) -> bool:
    from trekant.cli.identity import cli_principal

    return public or not cli_principal(cfg).sees_unpublished


def _done(result: dict, json_out: bool) -> None:
    if json_out:
        print_json(result)
        return
    size = f"{result['pages']} pages" if "pages" in result else f"{result['figures']} figures"
    typer.echo(f"{result['path']}: {size}, {result['bytes']:,} bytes ({result['language']})")


@app.command("status")
@handles_errors
def status_command(out: Path = OutOption,
                   year: int = typer.Option(None, "--year", min=MIN_YEAR, max=MAX_YEAR, help="Year of the energy account and the industry "
                                                                  "analyses (default: the latest with data)."),
                   lang: str = LangOption, public: bool = PublicOption, json_out: bool = JsonOption) -> None:
    """The region's status report: key figures, the joint plan, energy and climate, strengths,
    infrastructure, partnerships and every strategy KPI (Danish; English with --lang en)."""
    cfg = _settings(lang)
    fmt_checked = service.output_format(out)
    service.check_target(out)
    with progress_steps(service.planned_steps("status"), f"status.{fmt_checked}") as advance:
        result = service.build_file(cfg, "status", out, _published_only(cfg, public), year=year, progress=advance)
    _done(result, json_out)


@app.command("infra-brief")
@handles_errors
def infra_brief_command(out: Path = OutOption,
                        projects: str = typer.Option(None, "--projects", help="Comma list of project keys to give a "
                                                                              "page (default: every ranked project)."),
                        params: str = typer.Option(None, "--params", help="Parameter set: fm2023, fm2017 or a YAML "
                                                                          "file (default: the ranking profile's)."),
                        lang: str = LangOption, public: bool = PublicOption, json_out: bool = JsonOption) -> None:
    """The joint infrastructure brief: the ranked priority list and a page per project with its map,
    key figures (construction cost, NPV, IRR, B/C, first-year return, P(NPV > 0)), benefits and sources."""
    cfg = _settings(lang)
    fmt_checked = service.output_format(out)
    service.check_target(out)
    keys = [k.strip() for k in projects.split(",") if k.strip()] if projects else None
    with progress_steps(service.planned_steps("infra-brief", keys), f"infra-brief.{fmt_checked}") as advance:
        result = service.build_file(cfg, "infra-brief", out, _published_only(cfg, public), projects=keys,
                                    params=params, progress=advance)
    _done(result, json_out)
