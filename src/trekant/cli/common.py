"""What every command shares: --json output, one line per problem on stderr, exit codes, progress.

Exit codes: 0 success, 1 input or data error, 2 usage error (Typer/click's own).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import IntegrityError, OperationalError

from trekant.errors import TrekantError
from trekant.settings import Settings, get_settings

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
        except (OperationalError, IntegrityError) as exc:
            fail([f"error [store] cannot use the store: {str(exc.orig).splitlines()[0]}"])
        except PermissionError as exc:
            fail([f"error [permission] {exc.filename}: {exc.strerror}"])

    return wrapper


def settings() -> Settings:
    try:
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
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[step]}"),
                  TimeElapsedColumn(), console=stderr, transient=True) as bar:
        task = bar.add_task(description, total=total, step="")

        def advance(step: str) -> None:
            bar.update(task, advance=1, step=step)

        yield advance
