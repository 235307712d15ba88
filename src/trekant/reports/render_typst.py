"""The content model as Typst source, compiled to PDF by the `typst` wheel.

No @preview packages (they would download at compile time) and no system fonts: Typst's bundled
fonts only (Libertinus Serif for text), so the PDF is the same on every machine. All text enters
the source as Typst string literals (`#"…"`), never as markup, so a name with `*`, `#` or `_`
prints as written. The document date is left out, so two builds of the same content are the same.
"""

from __future__ import annotations

from pathlib import Path

from trekant.reports.model import Document, Figure, Heading, KeyFigures, Note, Paragraph, Section, Table
from trekant.reports import labels

NOTE_FILL = {"demo": "rgb(\"#fde8d0\")", "illustrative": "rgb(\"#fff5cc\")", "info": "rgb(\"#e8f0f8\")"}


def lit(text: str) -> str:
    """A Typst string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{escaped}"'


def content(text: str) -> str:
    return f"[#{lit(text)}]"


def _preamble(doc: Document) -> str:
    language = "da" if doc.language == "da" else "en"
    numbering = '"1.1"' if doc.numbered else "none"
    demo_header = ""
    if doc.demo:
        demo_header = (f"  header: align(right, text(size: 7.5pt, fill: rgb(\"#a04000\"))"
                       f"[#{lit(labels.text('demo_header', doc.language))}]),\n")
    return (
        f"#set document(title: {lit(doc.title)}, date: none)\n"
        f"#set page(paper: \"a4\", margin: (x: 2cm, top: 2.2cm, bottom: 2.2cm), numbering: \"1 / 1\",\n"
        f"{demo_header}"
        f")\n"
        f"#set text(font: \"Libertinus Serif\", size: 10pt, lang: \"{language}\", hyphenate: false)\n"
        "#set par(justify: false, leading: 0.6em)\n"
        f"#set heading(numbering: {numbering})\n"
        "#show heading.where(level: 1): set text(size: 16pt)\n"
        "#show heading.where(level: 2): set text(size: 12.5pt)\n"
        "#show heading.where(level: 3): set text(size: 11pt)\n"
        "#set table(stroke: (x, y) => if y == 0 { (bottom: 0.7pt) } else { (bottom: 0.3pt + rgb(\"#cccccc\")) },"
        " inset: (x: 4pt, y: 3pt))\n"
        "#show table: set text(size: 8.5pt)\n"
        "#show figure.caption: set text(size: 8.5pt)\n"
    )


def _title_page(doc: Document) -> str:
    parts = [
        "#v(3cm)\n",
        f"#text(size: 24pt, weight: \"bold\")[#{lit(doc.title)}]\n\n",
        f"#text(size: 13pt)[#{lit(doc.subtitle)}]\n\n#v(1cm)\n",
    ]
    parts += [_note(n) for n in doc.notes]
    parts.append("#v(1cm)\n#outline(depth: 1)\n")
    return "".join(parts)


def _note(note: Note, size: str = "9pt") -> str:
    return (f"#block(fill: {NOTE_FILL[note.kind]}, inset: 7pt, radius: 2pt, width: 100%, breakable: true)"
            f"[#text(size: {size})[#{lit(note.text)}]]\n\n")


def _table(table: Table) -> str:
    columns = len(table.columns)
    align = ", ".join("right" if table.aligned_right(i) else "left" for i in range(columns))
    cells = [f"table.header({', '.join('[*#' + lit(c) + '*]' for c in table.columns)})"]
    for row in table.rows:
        cells.append(", ".join(content(cell) for cell in row))
    out = ""
    if table.title:
        out += f"#text(weight: \"bold\", size: 9.5pt)[#{lit(table.title)}]\n"
    out += (f"#table(columns: {columns}, align: ({align},),\n  " + ",\n  ".join(cells) + ",\n)\n")
    if table.source:
        out += f"#text(size: 7.5pt, fill: rgb(\"#555555\"))[#{lit(table.source)}]\n"
    return out + "\n"


def _key_figures(block: KeyFigures) -> str:
    rows = [f"{content(f.label)}, text(weight: \"bold\")[#{lit(f.value)}], text(size: 7.5pt, fill: rgb(\"#555555\"))"
            f"[#{lit(f.source)}]" for f in block.figures]
    out = f"#text(weight: \"bold\", size: 9.5pt)[#{lit(block.title)}]\n" if block.title else ""
    return out + ("#table(columns: (2fr, auto, 2fr), align: (left, right, left),\n  "
                  + ",\n  ".join(rows) + ",\n)\n\n")


def _figure(fig: Figure, root: Path, language: str) -> str:
    relative = fig.svg_path.relative_to(root).as_posix()
    caption = fig.title + (f" ({fig.units})" if fig.units else "")
    if fig.demo:
        caption += " – " + labels.text("demo_mark", language)
    size = f"width: {fig.width_pct}%" + (f", height: {fig.height_cm}cm, fit: \"contain\"" if fig.height_cm else "")
    return (f"#figure(image({lit(relative)}, {size}),\n"
            f"  caption: [#{lit(caption)} \\ #text(size: 7.5pt, fill: rgb(\"#555555\"))[#{lit(fig.source)}]])\n\n")


def _block(block, root: Path, language: str, compact: bool = False) -> str:
    if isinstance(block, Heading):
        return f"#heading(level: {block.level})[#{lit(block.text)}]\n"
    if isinstance(block, Paragraph):
        return f"#par[#{lit(block.text)}]\n\n"
    if isinstance(block, Note):
        return _note(block, "7.5pt" if compact else "9pt")
    if isinstance(block, KeyFigures):
        return _key_figures(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return _figure(block, root, language)
    raise TypeError(f"no Typst form for {type(block).__name__}")


def _section(section: Section, root: Path, language: str) -> str:
    head = "#pagebreak()\n" if section.new_page else ""
    head += f"#heading(level: 1)[#{lit(section.title)}]\n"
    body = "".join(_block(b, root, language, section.compact) for b in section.blocks)
    if section.compact:  # a scoped block: the smaller type and tighter tables end with the section
        body = ("#[\n#set text(size: 9pt)\n#show table: set text(size: 7.5pt)\n"
                "#set table(inset: (x: 3pt, y: 1.5pt))\n" + body + "]\n")
    return head + body


def source(doc: Document, root: Path) -> str:
    """The whole document as Typst source; figure paths relative to `root` (where it compiles)."""
    return _preamble(doc) + _title_page(doc) + "".join(_section(s, root, doc.language) for s in doc.sections)


def render_pdf(doc: Document, folder: Path) -> bytes:
    """Compile the document (its figures live in `folder`) to PDF bytes with Typst's bundled fonts."""
    import typst

    main = folder / "main.typ"
    main.write_text(source(doc, folder), encoding="utf-8")
    return typst.compile(str(main), root=str(folder), format="pdf", ignore_system_fonts=True)
