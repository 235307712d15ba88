"""`--year Y`: the energy account and the industry analyses of that year (the sections that read a
year), and a year without data is a note in its section, not a failed report. Built section by
section (the whole report with --year is built once, in English, by the web test)."""

from __future__ import annotations

from trekant.economy import industry_service as industry
from trekant.energy import service as energy
from trekant.i18n import number, percent
from trekant.reports.context import BuildContext
from trekant.reports.model import KeyFigures, Note, block_text
from trekant.reports.sections import energy as energy_section
from trekant.reports.sections import strengths as strengths_section


def _text(section) -> str:
    return " ".join(part for block in section.blocks for part in block_text(block))


def test_an_earlier_year_gives_that_years_account_and_industry_analyses(report_settings, tmp_path):
    latest = energy.accounts(report_settings)["year"]
    year = 2020
    assert year < latest  # the embedded account holds 2018-2022
    account = energy.accounts(report_settings, year=year)
    assert account["total_co2e_t"] != energy.accounts(report_settings)["total_co2e_t"]
    ctx = BuildContext(report_settings, tmp_path, year=year)
    section = energy_section.build(ctx)
    figures = next(b for b in section.blocks if isinstance(b, KeyFigures)).figures
    assert (figures[0].label, figures[0].value) == (
        f"Udledning i alt ({year})", f"{number(account['total_co2e_t'], ',.0f', 'da')} t CO2e")
    strengths = industry.strengths_report(report_settings, period=str(year))
    shift = industry.shift_share_report(report_settings, end=str(year))
    assert strengths["period"] == str(year) and shift["end_period"] == str(year)
    text = _text(strengths_section.build(ctx))
    assert f"Styrkepositioner ({year})" in text and f"Shift-share {shift['start_period']}–{year}" in text
    first = strengths["strengths"][0]
    assert percent(first["share"], 1, "da") in text and number(first["value"], ",.0f", "da") in text


def test_a_year_without_data_is_a_note_in_its_section(report_settings, tmp_path):
    ctx = BuildContext(report_settings, tmp_path, year=1990)
    for build, says in ((energy_section.build, "no activity data for 1990 (years held: 2018, 2019, 2020, 2021, 2022)"),
                        (strengths_section.build, "no industry values in 1990")):
        section = build(ctx)
        assert len(section.blocks) == 1 and isinstance(section.blocks[0], Note)
        assert says in section.blocks[0].text
    assert list(tmp_path.glob("*.svg")) == []  # nothing drawn for a year without data
