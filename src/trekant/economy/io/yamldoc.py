"""Read a YAML settings file (strength positions, strategy goals) into a pydantic model.

Every way the file can be wrong ends as an InputError naming the file and, where known, the
line or the field: missing, a directory, not UTF-8, YAML syntax, not a mapping, invalid fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from trekant.errors import InputError, Issue

Model = TypeVar("Model", bound=BaseModel)


def _text(path: Path, what: str) -> str:
    if path.is_dir():
        raise InputError(str(path), reason="is a directory, not a file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), reason=f"{what} file not found") from None
    except OSError as exc:
        raise InputError(str(path), reason=f"cannot read: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise InputError(str(path), f"line {line}", f"byte {exc.start} is not UTF-8; save the file as UTF-8") from None


def load(path: Path, model: type[Model], what: str, code: str) -> Model:
    """The file's document validated by `model`; `what` names the file kind, `code` the Issue code."""
    text = _text(path, what)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "file"
        raise InputError(str(path), where, f"not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise InputError(str(path), reason=f"a {what} file is a YAML mapping with the keys "
                                           f"{', '.join(model.model_fields)}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        issues = [Issue("error", code, str(path), "file", e["msg"], ".".join(map(str, e["loc"]))) for e in exc.errors()]
        raise InputError.from_issues(str(path), issues) from None
