"""Benchmark: build the status report (PDF and HTML) and say where the time goes.

Run:  TREKANT_DATA_DIR=/path/to/store .venv/bin/python bench/report_build.py [--repeat 2] [--kind status]
      (without TREKANT_DATA_DIR a fresh store of the default region is built first, in a temp folder)

The peer, measured in the same run, is the content itself: the domain services' answers the report
shows (the build minus drawing the figures), so the ratio says what the document costs on top of the
numbers; the shares split that cost between matplotlib (figures) and Typst (compiling the PDF).
Wall clock and CPU time are both printed: on a shared machine the wall clock waits for other work.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from trekant.settings import Settings


def _store() -> Settings:
    if os.environ.get("TREKANT_DATA_DIR") or os.environ.get("TREKANT_DATABASE_URL"):
        return Settings()
    from trekant.bootstrap import init

    folder = Path(tempfile.mkdtemp(prefix="trekant-bench-"))
    print(f"building a store of the default region in {folder} …", flush=True)
    init(Settings(data_dir=folder, database_url=None))
    return Settings(data_dir=folder, database_url=None)


def once(settings: Settings, kind: str) -> dict:
    from trekant.reports.context import BuildContext
    from trekant.reports.render_html import render_html
    from trekant.reports.render_typst import render_pdf
    from trekant.reports.service import PAGE_OBJECT, build_document

    with tempfile.TemporaryDirectory() as scratch:
        ctx = BuildContext(settings, Path(scratch))
        wall, cpu = time.perf_counter(), time.process_time()
        doc = build_document(kind, ctx)
        content_wall, content_cpu = time.perf_counter() - wall, time.process_time() - cpu
        start = time.perf_counter()
        pdf = render_pdf(doc, Path(scratch))
        typst_s = time.perf_counter() - start
        start = time.perf_counter()
        html = render_html(doc)
        html_s = time.perf_counter() - start
        total_wall, total_cpu = time.perf_counter() - wall, time.process_time() - cpu
    return dict(pages=len(PAGE_OBJECT.findall(pdf)), figures=ctx.figures.count, pdf_kb=len(pdf) // 1024,
                html_kb=len(html.encode()) // 1024, wall=total_wall, cpu=total_cpu, content_wall=content_wall,
                content_cpu=content_cpu, figures_s=ctx.figures.seconds, typst_s=typst_s, html_s=html_s)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--kind", default="status", choices=("status", "infra-brief"))
    args = parser.parse_args()
    settings = _store()
    start = time.perf_counter()
    import trekant.reports.status  # noqa: F401  (the libraries a first build loads: pandas, GeoPandas, matplotlib, …)
    import trekant.reports.infra_brief  # noqa: F401
    print(f"imports: {time.perf_counter() - start:.1f} s (once per process)")
    runs = [once(settings, args.kind) for _ in range(args.repeat)]
    best = min(runs, key=lambda r: r["wall"])
    services = best["content_wall"] - best["figures_s"]
    print(f"{args.kind}: {best['pages']} pages, {best['figures']} figures, PDF {best['pdf_kb']} KB, HTML {best['html_kb']} KB")
    print(f"build (PDF and HTML, best of {args.repeat}): {best['wall']:.1f} s wall, {best['cpu']:.1f} s CPU")
    print(f"  services (the peer: the numbers alone) {services:.1f} s · figures (matplotlib) {best['figures_s']:.1f} s · "
          f"Typst {best['typst_s']:.2f} s · HTML {best['html_s']:.2f} s")
    print(f"ratio whole build / services alone: {best['wall'] / services:.2f}")
    print(f"ratio Typst compile / matplotlib figures: {best['typst_s'] / best['figures_s']:.2f}")


if __name__ == "__main__":
    main()
