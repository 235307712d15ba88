"""Reading YAML documents into pydantic models, with every problem as an Issue (never a traceback)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from trekant.errors import Issue
from trekant.textfile import nul_issues, parse_yaml, read_utf8, validation_issues

Model = TypeVar("Model", bound=BaseModel)


class Strict(BaseModel):
    """Base of every YAML document: unknown fields are errors, and so are .nan and .inf (a NaN
    slips through every range check: nan <= 3 and nan >= 0 are both false, never an error)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


def read_yaml(path: Path) -> object:
    """The parsed YAML of a file, or InputError naming the file and the line of the problem."""
    return parse_yaml(read_utf8(path), str(path))


def parse_model(model: type[Model], raw: object, source: str, where: str, code: str) -> tuple[Model | None, list[Issue]]:
    """Validate `raw` as `model`; (None, issues) when it is not a mapping or does not validate."""
    if not isinstance(raw, dict):
        return None, [Issue("error", code, source, where, "the document must be a YAML mapping")]
    if issues := nul_issues(raw, source, where, code):
        return None, issues
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        return None, validation_issues(exc, source, where, code)
