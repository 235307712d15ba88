"""PC-Axis (.px), Statistics Denmark's download format, read with pyaxis."""

from __future__ import annotations

import importlib
import logging
import re
from pathlib import Path

from trekant.economy.io.table import RawTable
from trekant.errors import InputError

_CODEPAGE = re.compile(rb'(?:CODEPAGE|CHARSET)\s*=\s*"([^"]+)"', re.IGNORECASE)


def _encoding(raw: bytes) -> str:
    """CODEPAGE wins; CHARSET="ANSI" means a Windows code page; otherwise try UTF-8."""
    declared = {m.group(1).decode("ascii", "replace").lower() for m in _CODEPAGE.finditer(raw[:4096])}
    for name in declared:
        if name not in ("ansi",):
            return name
    if "ansi" in declared:
        return "windows-1252"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "windows-1252"


def _pyaxis():
    """pyaxis calls logging.basicConfig(level=INFO) on import; keep the root logger as it was."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    module = importlib.import_module("pyaxis.pyaxis")
    root.handlers[:] = handlers
    root.setLevel(level)
    return module


def _first(metadata: dict, key: str) -> str:
    value = metadata.get(key) or [""]
    return ", ".join(value) if isinstance(value, list) else str(value)


def read(path: Path) -> RawTable:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), reason=f"cannot read: {exc.strerror}") from None
    if b"DATA=" not in raw or b"STUB" not in raw and b"HEADING" not in raw:
        raise InputError(str(path), reason="not a PC-Axis file (no STUB/HEADING or DATA= keyword)")
    try:
        parsed = _pyaxis().parse(str(path), encoding=_encoding(raw))
    except (ValueError, KeyError, IndexError, LookupError, UnicodeDecodeError) as exc:
        raise InputError(str(path), reason=f"not a readable PC-Axis file: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    frame, metadata = parsed["DATA"], parsed["METADATA"]
    frame = frame.astype(str).replace({"nan": "..", "": ".."})
    return RawTable(str(path), frame, "DATA", title=_first(metadata, "TITLE") or _first(metadata, "CONTENTS"),
                    unit=_first(metadata, "UNITS"), origin=_first(metadata, "SOURCE"),
                    table_id=_first(metadata, "MATRIX"), row_word="cell", row_offset=1)
