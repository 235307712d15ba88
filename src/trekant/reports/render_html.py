"""The content model as one self-contained HTML file (Jinja2): inline CSS, inline SVG, no scripts,
no external resources — it opens offline and can be mailed as it is."""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from trekant.reports import labels
from trekant.reports.model import Document, Figure, Heading, KeyFigures, Note, Paragraph, Table

_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_IDS = re.compile(r'(id="|href="#|url\(#)')


def inline_svg(figure: Figure, number: int) -> Markup:
    """The SVG file's markup without its XML prologue, every id prefixed with the figure's number
    (matplotlib reuses ids such as glyph names in every file; several SVGs share one HTML page)."""
    text = _PROLOGUE.sub("", figure.svg_path.read_text(encoding="utf-8"), count=1)
    prefix = f"f{number}-"
    text = _IDS.sub(lambda m: m.group(1) + prefix, text)
    return Markup(text)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("trekant.reports", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.tests.update(heading=lambda b: isinstance(b, Heading), paragraph=lambda b: isinstance(b, Paragraph),
                     note=lambda b: isinstance(b, Note), keyfigures=lambda b: isinstance(b, KeyFigures),
                     table=lambda b: isinstance(b, Table), figure=lambda b: isinstance(b, Figure))
    return env


def render_html(doc: Document) -> str:
    numbers = {id(f): i for i, f in enumerate(doc.figures(), start=1)}
    return _environment().get_template("report.html").render(
        doc=doc, svg=lambda f: inline_svg(f, numbers[id(f)]), number=lambda f: numbers[id(f)],
        L=lambda key: labels.text(key, doc.language))
