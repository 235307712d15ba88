"""What every command shares: --json output, one line per problem on stderr, exit codes, progress.

Exit codes: 0 success, 1 input or data error, 2 usage error (Typer/click's own).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
from rich import box as boxes
from rich.console import Console as RichConsole
from rich.console import ConsoleOptions, RenderResult
from rich.table import Table as RichTable
from rich.text import Text

from trekant.errors import TrekantError
from trekant.i18n import printable

if TYPE_CHECKING:
    from trekant.settings import Settings

JsonOption = typer.Option(False, "--json", help="Print the result as JSON on stdout.")

EXIT_INPUT_ERROR = 1
MIN_YEAR, MAX_YEAR = 1900, 2100  # a --year outside is a typing error (exit 2), not a report of an empty year


class Console(RichConsole):
    """The console every command prints on: text from the data is printed as it is (no rich markup,
    no terminal escape sequences); tables and styled Text print as rich renders them.

    Make one per command, never at import: rich fixes the width from COLUMNS when a console is made,
    so a module-level console keeps the width of whichever run imported the module first."""

    def print(self, *objects, **kwargs) -> None:
        super().print(*(cell(o) for o in objects), **kwargs)


stderr = Console(stderr=True)


def fail(lines: list[str]) -> None:
    """Print each problem on exactly one stderr line (drivers' multi-line messages are folded, control
    and escape characters from the input removed)."""
    for line in lines:
        typer.echo(printable(" ".join(part.strip() for part in str(line).splitlines() if part.strip())), err=True)
    raise typer.Exit(EXIT_INPUT_ERROR)


def cell(value: object) -> object:
    """A table cell: text from the data shown as it is (no rich markup, no terminal escapes); renderables
    (rich Text with a style, for deliberate emphasis) pass unchanged."""
    if isinstance(value, str):
        return Text(printable(value))
    if isinstance(value, Text):
        return Text(printable(value.plain), style=value.style, justify=value.justify) if not value.spans else value
    return value


def _share(floor: list[int], natural: list[int], available: int) -> list[int]:
    """Widths from each column's floor towards its natural width, the room left shared in proportion
    to what each still lacks (whole characters; the remainder to the columns lacking most)."""
    lacking = [max(n - f, 0) for f, n in zip(floor, natural)]
    room = available - sum(floor)
    total = sum(lacking) or 1
    widths = [f + (room * m) // total for f, m in zip(floor, lacking)]
    for i in sorted(range(len(widths)), key=lambda i: natural[i] - widths[i], reverse=True):
        if sum(widths) >= available:
            break
        if widths[i] < natural[i]:
            widths[i] += 1
    return widths


class Table(RichTable):
    """The table every command prints: safe cells, and never a truncated or broken number or id at 80 columns.

    Every cell is cleaned (`cell`); columns fold instead of cutting with "…", and text wraps between
    words. When the widths rich would give the columns leave a cell's longest word (an id, a number)
    no room on one line, each row is shown as its own list of "column: value" lines instead; an empty
    table whose headers do not fit says only its title and caption."""

    def __init__(self, *args, title: object = None, caption: object = None, **kwargs):
        super().__init__(*args, title=cell(title) if title is not None else None,
                         caption=cell(caption) if caption is not None else None, **kwargs)

    def add_column(self, header: object = "", *args, **kwargs) -> None:
        kwargs.setdefault("overflow", "fold")
        super().add_column(cell(header), *args, **kwargs)

    def add_row(self, *renderables, **kwargs) -> None:
        super().add_row(*(cell(r) if r is not None else None for r in renderables), **kwargs)

    def __rich_console__(self, console: RichConsole, options: ConsoleOptions) -> RenderResult:
        widths = self._widths(console, options) if len(self.columns) > 2 else None
        if widths is False:
            yield from self._vertical() if self.rows else self._empty()
            return
        if not widths:
            yield from super().__rich_console__(console, options)
            return
        kept = [column.width for column in self.columns]
        for column, width in zip(self.columns, widths):
            column.width = width
        try:
            yield from super().__rich_console__(console, options)
        finally:
            for column, width in zip(self.columns, kept):
                column.width = width

    def _widths(self, console: RichConsole, options: ConsoleOptions) -> list[int] | None | bool:
        """Content widths that keep every cell's longest word (an id, a number) on one line: None when
        rich's own widths already do (everything fits), False when no widths can (rows become blocks).

        rich narrows the widest column first, which breaks a project key while a header such as
        "Beholder plads" keeps its one line; here headers wrap between words first, then within
        words, and only data is never broken."""
        from rich.measure import Measurement

        available = (self.width or options.max_width) - self._extra_width
        pads = [self._get_padding_width(i) for i in range(len(self.columns))]
        natural = [self._measure_column(console, options, c).maximum for c in self.columns]
        if sum(natural) <= available:
            return None

        def longest(texts) -> int:
            return max((Measurement.get(console, options, t).minimum for t in texts if t is not None), default=1)

        data = [(longest(c._cells) if self.rows else 1) + pad for c, pad in zip(self.columns, pads)]
        whole_headers = [max(d, longest([c.header]) + pad) for d, c, pad in zip(data, self.columns, pads)]
        for floor in (whole_headers, data) if self.rows else (whole_headers,):  # no rows: no header cut
            if sum(floor) <= available:
                return [w - pad for w, pad in zip(_share(floor, natural, available), pads)]
        return False

    def _vertical(self) -> RenderResult:
        """One block per row: 'column: value' lines, for a terminal too narrow for the columns."""
        if self.title:
            yield self.title
        headers = [column.header for column in self.columns]
        cells = list(zip(*(column._cells for column in self.columns)))
        for row in cells:
            block = RichTable(show_header=False, box=boxes.SIMPLE, padding=(0, 1))
            block.add_column(style="bold", overflow="fold")
            block.add_column(overflow="fold")
            for header, value in zip(headers, row):
                block.add_row(header, value)
            yield block
        if self.caption:
            yield self.caption

    def _empty(self) -> RenderResult:
        """No rows and headers too wide to show: the title, then the caption (or the headers as a list)."""
        if self.title:
            yield self.title
        yield self.caption if self.caption else Text(", ".join(Text(str(c.header)).plain for c in self.columns))


def handles_errors(command: Callable) -> Callable:
    """Turn the platform's errors into one line per problem on stderr and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except TrekantError as exc:
            fail(exc.lines())
        except PermissionError as exc:
            fail([f"error [permission] {exc.filename}: {exc.strerror}"])
        except Exception as exc:
            if not _is_store_error(exc):
                raise
            fail([f"error [store] cannot use the store: {_first_line(exc.orig)}"])

    return wrapper


def _is_store_error(exc: Exception) -> bool:
    """A database error SQLAlchemy passed on (SQLAlchemy is loaded only if a command used it)."""
    exc_module = sys.modules.get("sqlalchemy.exc")
    return exc_module is not None and isinstance(exc, exc_module.DBAPIError)


def _first_line(exc: BaseException) -> str:
    """The driver's message on one line: a NUL in a text on PostgreSQL, a unique violation, a lock."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


_language_override: str | None = None


def set_language(language: str | None) -> None:
    """The global `--lang` option: one language for the whole output, over TREKANT_LANGUAGE."""
    global _language_override
    _language_override = language


def help_language() -> str:
    """The language of help texts: --lang, else TREKANT_LANGUAGE, else Danish (no settings load for --help)."""
    chosen = _language_override or os.environ.get("TREKANT_LANGUAGE", "da").strip().lower()
    return chosen if chosen in ("da", "en") else "da"


def settings() -> Settings:
    from trekant.settings import Settings, get_settings

    from pydantic import ValidationError

    try:
        if _language_override:
            return Settings(language=_language_override)
        return get_settings()
    except ValidationError as exc:  # a bad TREKANT_* value: one line each, naming the variable
        fail([f"error [settings] TREKANT_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']} (got {e.get('input')!r})"
              for e in exc.errors()])


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def reading_description(paths: object, language: str) -> str:
    """'Læser a.csv, b.csv' (Reading …): the description of an import's spinner."""
    from trekant import i18n

    names = [p.name for p in (paths if isinstance(paths, (list, tuple)) else [paths])]
    return f"{i18n.t('reading', language)} {', '.join(names)}"


@contextmanager
def working(description: str) -> Iterator[None]:
    """A spinner with the elapsed time on stderr while one long step runs (an import, an optimisation);
    silent when stderr is no terminal, so scripts and --json see nothing of it."""
    with progress_steps(None, description):
        yield


@contextmanager
def progress_steps(total: int | None, description: str) -> Iterator[Callable[..., None]]:
    """A rich progress bar on stderr (total None: a pulsing bar, the length is unknown); yields
    `advance(step_name, total=None)` (a total, once the work knows it, gives the pulsing bar its
    length). Silent when stderr is no terminal."""
    if not sys.stderr.isatty():
        yield lambda _step, total=None: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[step]}"),
                  TimeElapsedColumn(), console=stderr, transient=True) as bar:
        task = bar.add_task(description, total=total, step="")

        def advance(step: str, total: int | None = None) -> None:
            if total is not None:
                bar.update(task, total=total)
            bar.update(task, advance=1, step=step)

        yield advance
