"""The reports as use cases: build a document, render it as PDF or HTML, write it atomically.

The CLI (`trekant report …`) and the web download endpoints call the same functions; the figures
live in a temporary folder for the build and are gone afterwards (the PDF embeds them, the HTML
inlines them)."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from trekant.errors import InputError
from trekant.reports.context import BuildContext, Progress, quiet
from trekant.reports.model import Document
from trekant.settings import Settings

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")  # a page object of the PDF (not /Pages)
FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}
KINDS = ("status", "infra-brief")


def output_format(out: Path) -> str:
    if out.is_dir():  # a folder first: "must end in .pdf" would send the user to rename a folder
        raise InputError(str(out), reason="is a folder; give a file name ending in .pdf or .html")
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise InputError(str(out), reason="the output must end in .pdf or .html")
    return fmt


def check_target(out: Path) -> None:
    """Refuse, before any work, an output the build could not write (one line, naming the path)."""
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise InputError(str(out), reason="is a folder; give a file name ending in .pdf or .html")
    if not folder.is_dir():
        raise InputError(str(out), reason=f"the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InputError(str(out), reason="cannot write here (permission denied)")


def planned_steps(kind: str, projects: list[str] | None = None) -> int | None:
    """How many progress steps a build reports (render included); None while it is unknown (the brief
    of every ranked project: the build announces its length once it has ranked them)."""
    if kind == "status":
        from trekant.reports import status

        return len(status.SECTIONS) + 1
    if projects:
        from trekant.reports import infra_brief

        return infra_brief.steps(len(dict.fromkeys(projects)))
    return None


def build_document(kind: str, ctx: BuildContext, projects: list[str] | None = None, params: str | None = None) -> Document:
    if kind == "status":
        from trekant.reports import status

        return status.build(ctx)
    if kind == "infra-brief":
        from trekant.reports import infra_brief

        return infra_brief.build(ctx, projects, params)
    raise InputError("report", reason=f"{kind!r} is not a report ({', '.join(KINDS)})")


def render(doc: Document, fmt: str, folder: Path) -> bytes:
    if fmt == "pdf":
        from trekant.reports.render_typst import render_pdf

        return render_pdf(doc, folder)
    from trekant.reports.render_html import render_html

    return render_html(doc).encode("utf-8")


def build_bytes(settings: Settings, kind: str, fmt: str, published_only: bool = True, year: int | None = None,
                projects: list[str] | None = None, params: str | None = None,
                progress: Progress = quiet) -> tuple[bytes, dict]:
    """The report as bytes in `fmt` ("pdf" or "html"), with a summary (pages or figures, timings)."""
    with tempfile.TemporaryDirectory(prefix="trekant-report-") as scratch:
        ctx = BuildContext(settings, Path(scratch), published_only=published_only, year=year, progress=progress)
        started = time.perf_counter()
        doc = build_document(kind, ctx, projects, params)
        content_s = time.perf_counter() - started
        progress("render")
        data = render(doc, fmt, Path(scratch))
        render_s = time.perf_counter() - started - content_s
    summary = dict(report=kind, format=fmt, language=settings.language, published_only=published_only,
                   sections=[s.title for s in doc.sections], figures=len(doc.figures()), demo=doc.demo,
                   bytes=len(data), content_s=round(content_s, 2), render_s=round(render_s, 2))
    if fmt == "pdf":
        summary["pages"] = len(PAGE_OBJECT.findall(data))
    return data, summary


def write_atomically(out: Path, data: bytes) -> None:
    """Write to a temporary file beside `out`, then replace it: a reader never sees half a report."""
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent if str(out.parent) else ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def build_file(settings: Settings, kind: str, out: Path, published_only: bool = True, year: int | None = None,
               projects: list[str] | None = None, params: str | None = None, progress: Progress = quiet) -> dict:
    """Build the report and write it to `out` (.pdf or .html), all or nothing."""
    fmt = output_format(out)
    check_target(out)
    data, summary = build_bytes(settings, kind, fmt, published_only, year, projects, params, progress)
    write_atomically(out, data)
    return dict(summary, path=str(out))
