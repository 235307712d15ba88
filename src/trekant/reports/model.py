"""The content model both renderers read: a document of sections of blocks.

One model, two faces (Typst → PDF, Jinja2 → HTML), so the PDF and the HTML can never disagree:
every number is formatted once, here in the builders, as text in the document's language, and the
renderers only lay it out. Figures are SVG files written by `charts`/`maps` into the build's
folder; the PDF embeds them as vector images, the HTML inlines them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Union

NoteKind = Literal["demo", "illustrative", "info"]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1 is the section's own title; blocks use 2 and 3


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str  # formatted in the document's language
    source: str = ""


@dataclass(frozen=True)
class KeyFigures:
    """A small two-column table of headline figures, each with its source."""

    figures: tuple[KeyFigure, ...]
    title: str = ""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str = ""
    source: str = ""
    numeric: tuple[bool, ...] = ()  # right-aligned columns; default: all but the first

    def aligned_right(self, index: int) -> bool:
        return self.numeric[index] if self.numeric else index > 0


@dataclass(frozen=True)
class Figure:
    """A chart or map: an SVG file with its title, units and source line; demo figures say so."""

    svg_path: Path
    title: str
    units: str
    source: str
    demo: bool = False
    kind: Literal["chart", "map"] = "chart"
    width_pct: int = 100  # of the text width (small maps of one conflict: less)
    height_cm: float | None = None  # PDF: at most this tall (scaled to fit, the aspect kept)


@dataclass(frozen=True)
class Note:
    text: str
    kind: NoteKind = "info"


Block = Union[Heading, Paragraph, KeyFigures, Table, Figure, Note]


@dataclass
class Section:
    title: str
    key: str
    blocks: list[Block] = field(default_factory=list)
    new_page: bool = True
    compact: bool = False  # PDF: smaller type, so that a brief's project fits its one page

    def add(self, *blocks: Block) -> "Section":
        self.blocks.extend(b for b in blocks if b is not None)
        return self


@dataclass
class Document:
    """A whole report: its title, language, the notes shown on its first page, and its sections."""

    kind: str  # "status" or "infra-brief"
    title: str
    subtitle: str
    language: str
    sections: list[Section] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    demo: bool = False
    numbered: bool = True  # section numbers (the brief numbers its projects by rank instead)

    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def text_blocks(self) -> list[str]:
        """Every piece of text in reading order (the determinism test and the HTML/PDF agreement read it)."""
        out = [self.title, self.subtitle, *(n.text for n in self.notes)]
        for section in self.sections:
            out.append(section.title)
            for block in section.blocks:
                out.extend(block_text(block))
        return out


def block_text(block: Block) -> list[str]:
    if isinstance(block, (Heading, Paragraph, Note)):
        return [block.text]
    if isinstance(block, KeyFigures):
        return [block.title] + [part for f in block.figures for part in (f.label, f.value, f.source)]
    if isinstance(block, Table):
        return [block.title, *block.columns, *(cell for row in block.rows for cell in row), block.source]
    if isinstance(block, Figure):
        return [block.title, block.units, block.source]
    return []
