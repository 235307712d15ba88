"""The infrastructure brief: the ranked list, a page per project with its map and key figures as
infrastructure.service computes them on the ranking's years, the method; Danish and English."""

from __future__ import annotations

import re

from trekant.i18n import number, percent
from trekant.infrastructure import labels as infra_labels
from trekant.infrastructure import service as infra

from .conftest import blank_twin, build, drawn_share, png_pages
from .test_status_report import _cells


def _ranked(settings):
    ranking = infra.rank(settings).to_dict()
    return ranking, [infra.cba_report(settings, row["key"], ranking["params"], ranking["base_year"],
                                      ranking["price_year"]) for row in ranking["ranking"]]


def test_the_list_a_page_per_ranked_project_and_the_method(brief_da):
    ranking, reports = _ranked(brief_da.settings)
    titles = [s.title for s in brief_da.doc.sections]
    assert titles[0] == f"Den fælles prioriterede liste (profil {ranking['profile']}, metode {ranking['method']})"
    assert titles[1:-1] == [f"{row['rank']}. {cba['name']}" for row, cba in zip(ranking["ranking"], reports)]
    assert titles[-1] == "Metode"
    text = brief_da.pdf_text()
    for title in titles:
        assert title in text
    assert "Fælles infrastrukturudspil" in text
    # one page per project: each project's heading stands on the page after the previous one's (a
    # title's last occurrence: the contents on the first page name them all)
    pages = brief_da.pdf_pages()
    page_of = [max(i for i, page in enumerate(pages) if title in " ".join(page.split())) for title in titles[1:]]
    assert page_of == list(range(page_of[0], page_of[0] + len(titles) - 1)), page_of
    assert page_of[-1] == len(pages) - 1  # the method ends the brief


def test_the_top_projects_key_figures_are_the_services(brief_da):
    ranking, reports = _ranked(brief_da.settings)
    top, cba = ranking["ranking"][0], reports[0]
    _, risk = infra.risk(brief_da.settings, top["key"], 2000, 1, params_name=ranking["params"],
                         base_year=ranking["base_year"], price_year=ranking["price_year"])
    risk = risk.to_dict()
    expected = [f"Nettonutidsværdi {number(cba['npv_dkk'] / 1e6, ',.0f', 'da')} mio. kr.",
                f"Intern rente {percent(cba['irr'], 1, 'da')}",
                f"B/C {number(cba['bc_ratio'], ',.2f', 'da')}",
                f"Førsteårsforrentning {percent(cba['first_year_return'], 1, 'da')}",
                f"P(NNV > 0) {percent(risk['prob_npv_positive'], 0, 'da')}",
                f"Anlægsomkostning {number(cba['costs']['budget_dkk'] / 1e6, ',.0f', 'da')} mio. kr."]
    text, html = brief_da.pdf_text(), brief_da.html_text()
    for line in expected:
        assert line in text, line
        assert line in html, line
    assert f"Parametersæt: {ranking['params']}; prisniveau {ranking['price_year']}; tilbagediskonteret til " \
           f"{ranking['base_year']}" in text
    for source in cba["sources"]:
        assert f"[{source['id']}] {source['label']}" in text
    # the main benefit and cost items: present values in DKK m, largest first (the benefit that carries
    # the project leads)
    # the project's page: from its heading to the next project's (each title's last occurrence: the
    # contents list names them first)
    page = text.rsplit(brief_da.doc.sections[1].title, 1)[1].rsplit(brief_da.doc.sections[2].title, 1)[0]
    items = sorted(cba["pv_items_dkk"].items(), key=lambda kv: -abs(kv[1]))[:3]
    shown = [page.index(f"{infra_labels.label(key, 'da')} {number(value / 1e6, ',.0f', 'da')}") for key, value in items]
    assert shown == sorted(shown), items


def test_html_and_pdf_agree_and_every_project_map_is_drawn(brief_da, tmp_path):
    cells = _cells(brief_da.doc)
    text, html = brief_da.pdf_text(), brief_da.html_text()
    assert cells and [c for c in cells if c not in text] == [] and [c for c in cells if c not in html] == []
    pages, texts = png_pages(brief_da.pdf, tmp_path / "real"), brief_da.pdf_pages()
    blank = png_pages(blank_twin(brief_da, tmp_path / "blank-svg"), tmp_path / "blank")
    maps = [f for f in brief_da.doc.figures() if f.kind == "map"]
    assert len(maps) == len(brief_da.doc.sections) - 2  # one per project page
    for i, page_text in enumerate(texts):
        if re.search(r"Figur\s+\d+:", page_text):
            assert drawn_share(pages[i], blank[i]) > 0.02, f"page {i + 1}: a caption but no drawing"


def test_the_english_brief_of_one_project(report_settings, tmp_path):
    english = report_settings.model_copy(update={"language": "en"})
    ranking, reports = _ranked(english)
    key = ranking["ranking"][1]["key"]
    built = build(english, tmp_path, "infra-brief", projects=[key])
    cba = next(r for r, row in zip(reports, ranking["ranking"]) if row["key"] == key)
    assert [s.title for s in built.doc.sections][1:] == [f"2. {cba['name_en']}", "Method"]
    text = built.pdf_text()
    assert f"Net present value DKK {number(cba['npv_dkk'] / 1e6, ',.0f', 'en')} m" in text
    assert f"B/C {number(cba['bc_ratio'], ',.2f', 'en')}" in text and "Joint infrastructure brief" in text
