"""Each document is built once per test run from the embedded default data (a private copy of the
session's template store) and shared by the tests that read it, also across pytest-xdist workers:
building is the slow part."""

from __future__ import annotations

import fcntl
import os
import pickle
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cached_property
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from trekant.reports import labels
from trekant.reports.context import BuildContext
from trekant.reports.model import Document
from trekant.reports.service import build_document, render
from trekant.settings import Settings


@dataclass
class Built:
    settings: Settings
    folder: Path  # the build's SVG figures stay here for the tests
    doc: Document
    pdf: bytes
    html: str
    steps: list[tuple[str, int | None]]  # the progress the build reported: (step, total once known)

    # pypdf takes seconds to read a 20-page report with its figures: each build's text is read once
    # and shared by the tests that check it (the build itself is shared through the session fixtures)
    @cached_property
    def _pages(self) -> tuple[str, ...]:
        return tuple(page.extract_text() for page in PdfReader(BytesIO(self.pdf)).pages)

    def pdf_pages(self) -> list[str]:
        return list(self._pages)

    @cached_property
    def _pdf_text(self) -> str:
        header = labels.text("demo_header", self.doc.language)
        pages = [re.sub(r"\d+ / \d+\s*$", "", flat(page).replace(header, "")) for page in self._pages]
        return flat(" ".join(pages))

    def pdf_text(self) -> str:
        """The running text of the PDF: each page without its running header (the demo line) and its
        page number, so a paragraph that continues on the next page reads as one."""
        return self._pdf_text

    @cached_property
    def _html_text(self) -> str:
        import html as html_module

        without_svg = re.sub(r"<svg.*?</svg>", " ", self.html, flags=re.S)
        return flat(html_module.unescape(re.sub(r"<[^>]+>", " ", without_svg)))

    def html_text(self) -> str:
        """The HTML's visible text: no tags (the inline SVG is drawing, not text), entities decoded."""
        return self._html_text

    def svgs(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(self.folder.glob("*.svg"))}


def flat(text: str) -> str:
    """Whitespace as single spaces (a PDF breaks lines where the HTML does not)."""
    return " ".join(text.split())


def build(settings: Settings, folder: Path, kind: str, **options) -> Built:
    folder.mkdir(parents=True, exist_ok=True)
    projects = options.pop("projects", None)
    params = options.pop("params", None)
    steps: list[tuple[str, int | None]] = []
    ctx = BuildContext(settings, folder, progress=lambda step, total=None: steps.append((step, total)), **options)
    doc = build_document(kind, ctx, projects, params)
    return Built(settings, folder, doc, render(doc, "pdf", folder), render(doc, "html", folder).decode("utf-8"), steps)


@pytest.fixture(scope="session")
def report_settings(sqlite_template, tmp_path_factory) -> Settings:
    """A private copy of the default-region GeoPackage (read by every build of the session)."""
    folder = tmp_path_factory.mktemp("report-store")
    shutil.copy(sqlite_template, folder / "trekant.gpkg")
    return Settings(data_dir=folder, database_url=None, language="da")


def built_once(tmp_path_factory, name: str, make) -> Built:
    """One build for the whole run, also under pytest-xdist: the first worker to ask builds into a
    folder all workers share (the run's base temp folder) and pickles the result; the others wait on
    the lock and read it (pytest-xdist's recipe for a session fixture that runs once)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # every worker's base temp folder sits in the run's one
    folder, saved = root / f"report-{name}", root / f"report-{name}.pickle"
    with open(root / f"report-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if saved.exists():
            return pickle.loads(saved.read_bytes())
        built = make(folder)
        saved.write_bytes(pickle.dumps(built))
        return built


@pytest.fixture(scope="session")
def status_da(report_settings, tmp_path_factory) -> Built:
    return built_once(tmp_path_factory, "status-da", lambda folder: build(report_settings, folder, "status"))


@pytest.fixture(scope="session")
def brief_da(report_settings, tmp_path_factory) -> Built:
    return built_once(tmp_path_factory, "brief-da", lambda folder: build(report_settings, folder, "infra-brief"))


def blank_twin(built: Built, folder: Path) -> bytes:
    """The same document compiled with every figure replaced by an empty SVG of the same size: the
    pages lay out alike, so the pixels where the two renderings differ are the drawn figures."""
    from dataclasses import replace

    from trekant.reports.model import Figure
    from trekant.reports.render_typst import render_pdf

    folder.mkdir(parents=True, exist_ok=True)
    for svg in built.folder.glob("*.svg"):
        opening = re.search(rb"<svg[^>]*>", svg.read_bytes()).group(0)
        (folder / svg.name).write_bytes(opening + b"</svg>")
    doc = replace(built.doc, sections=[replace(s, blocks=[replace(b, svg_path=folder / b.svg_path.name)
                                                           if isinstance(b, Figure) else b for b in s.blocks])
                                       for s in built.doc.sections])
    return render_pdf(doc, folder)


def drawn_share(page, blank_page) -> float:
    """The share of a page's pixels that differ from its twin with empty figures (the pale land of a map
    counts: a few grey levels apart from white)."""
    import numpy as np
    from PIL import Image

    a = np.asarray(Image.open(page).convert("L")).astype(int)
    b = np.asarray(Image.open(blank_page).convert("L")).astype(int)
    return float((np.abs(a - b) > 5).mean())


def png_pages(pdf: bytes, folder: Path, dpi: int = 40) -> list[Path]:
    """Every page as PNG through Debian's pdftoppm (poppler-utils); skipped with the reason when absent."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian package poppler-utils) is not installed: pages cannot be rendered to PNG")
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(folder / "page")], check=True, timeout=120)
    return sorted(folder.glob("page-*.png"))
