"""Reading YAML documents into pydantic models, with every problem as an Issue (never a traceback)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from trekant.errors import InputError, Issue

Model = TypeVar("Model", bound=BaseModel)


class Strict(BaseModel):
    """Base of every YAML document: unknown fields are errors, and so are .nan and .inf (a NaN
    slips through every range check: nan <= 3 and nan >= 0 are both false, never an error)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


def read_yaml(path: Path) -> object:
    """The parsed YAML of a file, or InputError with one clear reason."""
    if not path.is_file():
        raise InputError(str(path), reason="file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), reason=f"not UTF-8 text (byte {exc.start})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(str(path), where=where, reason=f"not valid YAML: {problem}") from None


UNION_MEMBERS = {"float", "int", "str", "bool", "list", "dict"}


def field_path(loc: tuple) -> str:
    """'facts.length_km' for pydantic's ('facts', 'length_km', 'float'): union members are not fields."""
    return ".".join(str(part) for part in loc if str(part) not in UNION_MEMBERS)


def validation_issues(exc: ValidationError, source: str, where: str, code: str) -> list[Issue]:
    """One Issue per pydantic error, naming the field."""
    issues, seen = [], set()
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not str(p).startswith("function-"))
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            message = "required field is missing"
        elif err["type"] == "extra_forbidden":
            message = "unknown field"
        field = field_path(loc) or None
        if field in seen and field is not None and len(loc) != len(field.split(".")):
            continue  # the second member of a union says the same thing again
        seen.add(field)
        issues.append(Issue("error", code, source, where, message, field))
    return issues


def parse_model(model: type[Model], raw: object, source: str, where: str, code: str) -> tuple[Model | None, list[Issue]]:
    """Validate `raw` as `model`; (None, issues) when it is not a mapping or does not validate."""
    if not isinstance(raw, dict):
        return None, [Issue("error", code, source, where, "the document must be a YAML mapping")]
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        return None, validation_issues(exc, source, where, code)
