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
from rich.console import Console

from trekant.errors import TrekantError

if TYPE_CHECKING:
    from trekant.settings import Settings

JsonOption = typer.Option(False, "--json", help="Print the result as JSON on stdout.")

EXIT_INPUT_ERROR = 1

stderr = Console(stderr=True)


def fail(lines: list[str]) -> None:
    """Print each problem on exactly one stderr line (drivers' multi-line messages are folded)."""
    for line in lines:
        typer.echo(" ".join(part.strip() for part in str(line).splitlines() if part.strip()), err=True)
    raise typer.Exit(EXIT_INPUT_ERROR)


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
            fail([f"error [store] cannot use the store: {str(exc.orig).splitlines()[0]}"])

    return wrapper


def _is_store_error(exc: Exception) -> bool:
    """SQLAlchemy's operational and integrity errors (SQLAlchemy is loaded only if a command used it)."""
    exc_module = sys.modules.get("sqlalchemy.exc")
    return exc_module is not None and isinstance(exc, (exc_module.OperationalError, exc_module.IntegrityError))


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

    try:
        if _language_override:
            return Settings(language=_language_override)
        return get_settings()
    except Exception as exc:  # pydantic ValidationError on a bad TREKANT_* value
        fail([f"error [settings] {line}" for line in str(exc).splitlines()[1:3]])


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@contextmanager
def progress_steps(total: int, description: str) -> Iterator[Callable[[str], None]]:
    """A rich progress bar on stderr; yields `advance(step_name)`. Silent when stderr is no terminal."""
    if not sys.stderr.isatty():
        yield lambda _step: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[step]}"),
                  TimeElapsedColumn(), console=stderr, transient=True) as bar:
        task = bar.add_task(description, total=total, step="")

        def advance(step: str) -> None:
            bar.update(task, advance=1, step=step)

        yield advance
