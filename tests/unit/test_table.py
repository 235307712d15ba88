"""The CLI's tables at 80 columns: a number or an id is never cut or broken over two lines (issue 9,
first impressions). Before: eight columns of ten-character figures at 80 columns printed
"12345.6" on one line and "70" on the next; an empty table with long headers showed blank header cells."""

from __future__ import annotations

import re

from trekant.cli.common import Console, Table


def _shown(table: Table, width: int = 80) -> str:
    console = Console(width=width, force_terminal=False, record=True)
    with console.capture() as captured:
        console.print(table)
    return captured.get()


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_every_number_stays_whole_on_one_line():
    table = Table(title="figures")
    for i in range(8):
        table.add_column(f"Column header {i}")
    figures = [f"12.345,6{i}" for i in range(8)]
    table.add_row(*figures)
    shown = _shown(table)
    for figure in figures:
        assert any(figure in line for line in _lines(shown)), (figure, shown)
    assert "…" not in shown


def test_ids_stay_whole_when_the_headers_alone_would_fit():
    table = Table()
    for header in ("Ramme A", "Kommune", "Ramme B", "Kommune", "Anvendelse", "Forskelle"):
        table.add_column(header)
    ids = ("1234567-KOMMUNEPLANRAMME-0630-A", "1234567-KOMMUNEPLANRAMME-0621-B")
    table.add_row(ids[0], "Vejle (0630)", ids[1], "Kolding (0621)", "11 Boligområde", "bebygpct: 30 ≠ 40")
    shown = _shown(table)
    for value in (*ids, "(0630)", "(0621)"):
        assert any(value in line for line in _lines(shown)), (value, shown)


def test_a_table_that_fits_keeps_its_grid():
    table = Table(title="small")
    table.add_column("Kode")
    table.add_column("Areal (km²)")
    table.add_row("0630", "1.060,3")
    shown = _shown(table)
    assert "┃ Kode" in shown and "1.060,3" in shown


def test_an_empty_table_never_shows_blank_headers():
    table = Table(title="Følsom anvendelse i nabokommunens konsekvenszone", caption="ingen fundet")
    headers = ["Produktionsområde", "Kilde", "Kommune", "Zone (m)", "Lag", "Følsom ramme", "Kommune",
               "Anvendelse", "Status", "Afstand (m)", "Krævet (m)"]
    for header in headers:
        table.add_column(header)
    shown = _shown(table)
    assert not re.search(r"┃\s+┃", shown), shown  # a header squeezed to nothing
    assert "ingen fundet" in shown and "konsekvenszone" in shown
    without_caption = Table(title="t")
    for header in headers:
        without_caption.add_column(header)
    shown = _shown(without_caption)
    for header in headers:  # whole: the reader learns what would have been listed
        assert header in shown, (header, shown)


def test_headers_wrap_before_a_key_is_broken():
    """rich narrowed the widest column first: the project key broke while "Beholder plads" kept one line,
    and `infra rank` fell back to blocks at 80 columns. Headers now wrap first; the grid stays."""
    table = Table(title="Fælles prioriteringsliste")
    for header in ("Nr.", "Nøgle", "Score", "Beholder plads", "I top 3", "Gns. plads"):
        table.add_column(header, justify="right")
    keys = ["little-belt-third-crossing", "billund-rail-jelling-north", "vejle-fjord-rail-crossing"]
    for rank, key in enumerate(keys, 1):
        table.add_row(str(rank), key + " *", "1,000", "100 %", "100 %", f"{rank},0")
    shown = _shown(table)
    assert "┏" in shown, shown  # a grid, not blocks
    for key in keys:
        assert any(key in line for line in _lines(shown)), (key, shown)
    assert all(len(line) <= 80 for line in _lines(shown))
