"""Files over HTTP: an upload saved where a service can read it, a written file sent and removed.

Services read and write paths (as the CLI does); the web face gives them a private temporary
folder per request and never lets a client name a path on the server. Messages about the file
name the file as the client sent it, not the temporary path.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from fastapi import UploadFile
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from trekant.errors import InputError

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(filename: str | None, fallback: str = "upload") -> str:
    """The client's file name without folders or odd characters (the suffix tells the reader the format)."""
    name = _UNSAFE.sub("_", Path(filename or "").name).strip("._")
    return name[:120] or fallback


@contextmanager
def saved_upload(upload: UploadFile) -> Iterator[tuple[Path, str]]:
    """The uploaded file in a private temporary folder: (path, name as the client gave it)."""
    folder = Path(tempfile.mkdtemp(prefix="trekant-upload-"))
    path = folder / safe_name(upload.filename)
    try:
        with path.open("wb") as target:
            shutil.copyfileobj(upload.file, target, 1024 * 1024)
        yield path, upload.filename or path.name
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def renamed(text: str, path: Path, name: str) -> str:
    return text.replace(str(path), name).replace(str(path.parent), "")


def named_issues(issues: list, path: Path, name: str) -> list:
    """Issues about a temporary copy, worded about the file the client sent."""
    return [replace(i, source=renamed(i.source, path, name), message=renamed(i.message, path, name)) for i in issues]


def named_error(exc: InputError, path: Path, name: str) -> InputError:
    if exc.issues:
        return InputError.from_issues(name, named_issues(exc.issues, path, name))
    return InputError(renamed(exc.source, path, name), exc.where, renamed(exc.reason, path, name))


def scratch_file(name: str) -> Path:
    """A path in a fresh private temporary folder, for a service to write a download into."""
    return Path(tempfile.mkdtemp(prefix="trekant-download-")) / name


def send_and_remove(path: Path, media_type: str, download_name: str, headers: dict | None = None) -> FileResponse:
    """Send a written file as a download; its temporary folder goes when the response is done."""
    return FileResponse(path, media_type=media_type, filename=download_name, headers=headers,
                        background=BackgroundTask(shutil.rmtree, path.parent, ignore_errors=True))


def remove_scratch(path: Path) -> None:
    shutil.rmtree(path.parent, ignore_errors=True)
