"""The status report built from the embedded default data: the PDF's text (pypdf) carries the
headings, the seven municipalities and the figures exactly as the modules compute and format them;
its pages (pdftoppm) show the charts and maps; the HTML carries the same figures."""

from __future__ import annotations

import re


from trekant.economy import claim_service
from trekant.energy import service as energy
from trekant.i18n import number, percent
from trekant.infrastructure import service as infra
from trekant.region import service as region_service
from trekant.reports.model import KeyFigures, Table

from .conftest import blank_twin, build, drawn_share, flat, png_pages

SEVEN = ("Billund", "Fredericia", "Haderslev", "Kolding", "Middelfart", "Vejen", "Vejle")
HEADINGS_DA = ("Statusrapport", "Regionen i nøgletal", "Fælles kommuneplan", "Energi og klima", "Styrkepositioner",
               "Infrastruktur", "Partnerskaber", "Strategiens mål og KPI'er", "Kilder og metode")


def test_headings_and_the_seven_municipalities_are_in_the_pdf(status_da):
    text = status_da.pdf_text()
    for heading in HEADINGS_DA:
        assert heading in text, heading
    for name in SEVEN:
        assert name in text, name
    assert len(status_da.pdf_pages()) >= 20  # about 30 pages of content; the demo store gives 20-odd


def test_the_regions_population_is_the_region_services_figure_in_danish_notation(status_da):
    population = region_service.describe_region(status_da.settings)["population"]
    shown = number(population["value"], ",.0f", "da")  # 438.147 (FOLK1AM 2026M02, see test_region_for_reports)
    assert shown == "438.147"
    assert f"Regionens folketal ({population['period']}) {shown}" in status_da.pdf_text()
    assert shown in status_da.html_text()


def test_the_top_ranked_projects_npv_is_the_cba_on_the_rankings_years(status_da):
    ranking = infra.rank(status_da.settings).to_dict()
    top = ranking["ranking"][0]
    cba = infra.cba_report(status_da.settings, top["key"], ranking["params"], ranking["base_year"],
                           ranking["price_year"])
    row = (f"1 {cba['name']} * {number(top['score'], ',.3f', 'da')} {percent(top['keeps_rank_share'], 0, 'da')} "
           f"{number(cba['npv_dkk'] / 1e6, ',.0f', 'da')} {number(cba['bc_ratio'], ',.2f', 'da')} "
           f"{percent(cba['irr'], 1, 'da')} {percent(cba['first_year_return'], 1, 'da')}")
    assert row in status_da.pdf_text()
    assert row in status_da.html_text()


def test_the_emissions_and_the_claim_check_are_the_services_words_and_numbers(status_da):
    account = energy.accounts(status_da.settings)
    total = number(account["total_co2e_t"], ",.0f", "da")
    assert f"Udledning i alt ({account['year']}) {total} t CO2e" in status_da.pdf_text()
    claim = claim_service.claim_report(status_da.settings, "fulltime_employees")
    assert flat(claim["statement"]) in status_da.pdf_text()  # the honest answer, in its own words
    assert flat(claim["statement"]) in status_da.html_text()


def _cells(doc) -> list[str]:
    """Every figure the document shows in a table or a key-figure list (cells holding a digit)."""
    cells = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                cells += [c for row in block.rows for c in row]
            elif isinstance(block, KeyFigures):
                cells += [f.value for f in block.figures]
    # short cells only: a long text cell wraps inside its column, and a PDF's text runs the lines of
    # neighbouring cells together
    return [flat(c) for c in cells if re.search(r"\d", c) and len(c) <= 24]


def test_the_html_and_the_pdf_carry_the_same_figures(status_da):
    cells = _cells(status_da.doc)
    assert len(cells) > 300
    pdf, html = status_da.pdf_text(), status_da.html_text()
    assert [c for c in cells if c not in pdf] == []
    assert [c for c in cells if c not in html] == []
    def bare(text: str) -> str:  # a PDF's text may drop the hyphen (and the space) where a line breaks after one
        return re.sub(r"[-\s]", "", text)

    for figure in status_da.doc.figures():
        for words in (flat(figure.title), flat(figure.source)):
            assert bare(words) in bare(pdf) and words in html


def test_the_html_is_self_contained(status_da):
    html = status_da.html
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no external resource
    assert html.count("<svg") == len(status_da.doc.figures()) >= 15
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # each inline SVG's ids are its own


def test_the_maps_and_charts_are_drawn_on_their_pages(status_da, tmp_path):
    pages = png_pages(status_da.pdf, tmp_path / "real")
    blank = png_pages(blank_twin(status_da, tmp_path / "blank-svg"), tmp_path / "blank")
    texts = status_da.pdf_pages()
    assert len(pages) == len(blank) == len(texts)
    captions = [len(re.findall(r"Figur\s+\d+:", text)) for text in texts]
    assert sum(captions) == len(status_da.doc.figures())
    for i, count in enumerate(captions):
        share = drawn_share(pages[i], blank[i])
        if count:  # a chart or map covers a fair part of its page
            assert share > 0.02 * count, f"page {i + 1}: {count} figure(s), {share:.3%} of the page drawn"
        else:
            assert share == 0.0, f"page {i + 1} has no figure, yet differs from its twin"
    plan_map = next(i for i, text in enumerate(texts) if "Kommuneplanrammer efter generel anvendelse" in text)
    assert drawn_share(pages[plan_map], blank[plan_map]) > 0.15  # the region's map fills most of a page


def test_every_figure_has_title_units_and_source_and_demo_figures_say_so(status_da):
    figures = status_da.doc.figures()
    assert all(f.title and f.units and f.source.startswith("Kilde:") for f in figures)
    maps = [f for f in figures if f.kind == "map"]
    assert len(maps) >= 1 + 7  # the plan map and one per conflict of the demo plan (3 + 2 + 1 + 1)
    assert all(f.demo for f in maps)  # the demo plan's frames are synthetic
    text = status_da.pdf_text()
    assert text.count("DEMO/illustrativ") >= sum(f.demo for f in figures)


def test_two_builds_give_the_same_text_and_images(status_da, tmp_path):
    again = build(status_da.settings, tmp_path / "again", "status")
    assert again.doc.text_blocks() == status_da.doc.text_blocks()
    assert again.svgs() == status_da.svgs()
    assert again.pdf == status_da.pdf  # byte for byte, so the same text too (no date, fixed fonts and salts)
    assert again.html == status_da.html
