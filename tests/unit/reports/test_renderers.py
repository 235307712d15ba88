"""The two renderers print text as written (no markup injection), numbers in the language's
notation, figures with their captions; the writer never leaves half a file."""

from __future__ import annotations

import os
from io import BytesIO

import pytest
from pypdf import PdfReader

from trekant.errors import InputError
from trekant.i18n import number
from trekant.reports import charts, labels, render_html, render_typst, service
from trekant.reports.figures import FigureFolder
from trekant.reports.model import Document, Figure, KeyFigure, KeyFigures, Note, Paragraph, Section, Table

TRICKY = 'Plan #1 *ikke fed* _x_ "citat" \\ $5 @ref <b>&amp; [link](x) // kommentar'


def _doc(tmp_path, language="da") -> Document:
    folder = FigureFolder(tmp_path)
    svg = charts.bars(folder, "demo", ["Vejle", "Kolding"], [123_306, 96_299], "personer",
                      lambda v: number(v, ",.0f", language))
    doc = Document("status", "Titel", TRICKY, language, demo=True, notes=[Note("note", "demo")])
    doc.sections.append(Section("Afsnit", "a").add(
        Paragraph(TRICKY), KeyFigures((KeyFigure("Folketal", number(438_147, ",.0f", language), "DST"),)),
        Table(("Kommune", "Folketal"), (("Vejle", number(123_306.4, ",.1f", language)),), "Tabel", "Kilde: DST"),
        Figure(svg, "Folketal efter kommune", "personer", "Kilde: DST", demo=True)))
    return doc


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages)


def test_text_reaches_the_pdf_as_written_and_numbers_in_danish(tmp_path):
    text = _pdf_text(render_typst.render_pdf(_doc(tmp_path), tmp_path))
    assert TRICKY in text  # Typst markup characters are printed, not interpreted
    assert "Folketal 438.147 DST" in text and "Vejle 123.306,4" in text
    assert "Figur 1: Folketal efter kommune (personer) – DEMO/illustrativ" in text
    assert labels.text("demo_header", "da") in text


def test_the_html_escapes_text_and_inlines_the_svg(tmp_path):
    doc = _doc(tmp_path)
    html = render_html.render_html(doc)
    assert "Plan #1 *ikke fed* _x_ &#34;citat&#34; \\ $5 @ref &lt;b&gt;&amp;amp; [link](x)" in html
    assert "<b>" not in html.split("<body>", 1)[1].split("<svg", 1)[0]
    assert html.count("<svg") == 1 and "<?xml" not in html and "<!DOCTYPE svg" not in html
    assert 'id="f1-' in html and 'href="#f1-' in html  # the figure's ids carry its number


def test_english_numbers(tmp_path):
    text = _pdf_text(render_typst.render_pdf(_doc(tmp_path, "en"), tmp_path))
    assert "438,147" in text and "123,306.4" in text
    assert labels.pct_value(2.035566, "en", 2) == "+2.04%" and labels.pct_value(2.035566, "da", 2) == "+2,04 %"
    assert labels.mdkk(3_229_826_113.57, "da") == "3.230" and labels.mdkk(3_229_826_113.57, "en") == "3,230"


def test_the_same_chart_twice_is_the_same_svg(tmp_path):
    first = charts.bars(FigureFolder(tmp_path / "a"), "x", ["a", "b"], [1.0, 2.0], "t", str)
    second = charts.bars(FigureFolder(tmp_path / "b"), "x", ["a", "b"], [1.0, 2.0], "t", str)
    assert first.read_bytes() == second.read_bytes()
    assert b"<dc:date>" not in first.read_bytes()


@pytest.fixture(autouse=True)
def _folders(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()


def test_output_must_be_pdf_or_html(tmp_path):
    with pytest.raises(InputError, match="must end in .pdf or .html"):
        service.output_format(tmp_path / "r.docx")
    assert service.output_format(tmp_path / "R.PDF") == "pdf" and service.output_format(tmp_path / "r.html") == "html"


def test_an_unwritable_target_is_refused_before_any_work(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        service.check_target(tmp_path / "missing" / "r.pdf")
    with pytest.raises(InputError, match="is a folder"):
        service.check_target(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root writes anywhere: nothing to refuse
            pytest.skip("running as root: a read-only folder is still writable")
        with pytest.raises(InputError, match="permission denied"):
            service.check_target(locked / "r.pdf")
    finally:
        locked.chmod(0o700)


def test_a_failed_write_leaves_the_old_file_and_no_scratch(tmp_path):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    with pytest.raises(TypeError):
        service.write_atomically(out, "not bytes")  # type: ignore[arg-type]  # fails inside the write
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "r.pdf"]  # no .part file left
    service.write_atomically(out, b"new")
    assert out.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "r.pdf"]
