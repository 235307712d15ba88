"""One way to read the text files users hand us (CSV, YAML, profiles) and YAML documents.

Every domain used to repeat the same checks; they live here so a directory, a missing file, an
unreadable file, UTF-16 or Latin-1 text (named by line and byte), a BOM and YAML syntax errors
read the same everywhere. Problems come as an Issue (for readers that collect) or as an
InputError carrying that Issue (for readers that stop), never as a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from trekant.errors import InputError, Issue

Model = TypeVar("Model", bound=BaseModel)

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SAVE_AS_UTF8 = "save the file as UTF-8"


def file_problem(path: Path, what: str = "") -> Issue | None:
    """Why `path` cannot be read as a file at all (a directory, missing), or None."""
    if path.is_dir():
        return Issue("error", "file", str(path), "file", "is a directory, not a file")
    if not path.exists():
        return Issue("error", "file", str(path), "file", f"{what} file not found".strip())
    return None


def decode_problem(raw: bytes, source: str, line_word: str = "line",
                   hint: str = SAVE_AS_UTF8) -> tuple[str | None, Issue | None]:
    """UTF-8 text with or without BOM, or the Issue saying why not.

    UTF-16 (Excel's "Unicode text") is refused as such; any other bad byte is named with its line
    (`line_word` is "row" for tables), so the user knows to re-save instead of seeing a wrong column.
    """
    if raw.startswith(UTF16_BOMS) or b"\x00" in raw[:4096]:
        return None, Issue("error", "encoding", source, "file", f"the file is UTF-16 (or binary), not UTF-8; {hint}")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return None, Issue("error", "encoding", source, f"{line_word} {line}", f"byte {exc.start} is not UTF-8; {hint}")


def text_or_issue(path: Path, what: str = "", line_word: str = "line",
                  hint: str = SAVE_AS_UTF8) -> tuple[str | None, Issue | None]:
    """The file as text, or the one Issue that says why it cannot be read (for collecting readers)."""
    problem = file_problem(path, what)
    if problem:
        return None, problem
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Issue("error", "file", str(path), "file", f"cannot read: {exc.strerror or exc}")
    return decode_problem(raw, str(path), line_word, hint)


def raise_issue(issue: Issue) -> None:
    """An InputError whose str() and lines() both carry the Issue's place and message."""
    raise InputError(issue.source, issue.where, issue.message, issues=[issue])


def read_utf8(path: Path, what: str = "", line_word: str = "line", hint: str = SAVE_AS_UTF8) -> str:
    """The file as text; InputError naming the file (and the line of a bad byte) otherwise."""
    text, problem = text_or_issue(path, what, line_word, hint)
    if problem:
        raise_issue(problem)
    return text


def decode_utf8(raw: bytes, source: str, line_word: str = "line", hint: str = SAVE_AS_UTF8) -> str:
    """Bytes (a file's or an HTTP body's) as UTF-8 text; InputError naming the line otherwise."""
    text, problem = decode_problem(raw, source, line_word, hint)
    if problem:
        raise_issue(problem)
    return text


def parse_yaml(text: str, source: str, code: str = "yaml") -> object:
    """The YAML document; a syntax error names its line and column (a truncated file, a stray tab)."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "file"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise_issue(Issue("error", code, source, where, f"not valid YAML: {problem}"))


UNION_MEMBERS = {"float", "int", "str", "bool", "list", "dict"}


def field_path(loc: tuple) -> str:
    """'facts.length_km' for pydantic's ('facts', 'length_km', 'float'): union members are not fields."""
    return ".".join(str(part) for part in loc if str(part) not in UNION_MEMBERS)


def validation_issues(exc: ValidationError, source: str, where: str, code: str) -> list[Issue]:
    """One Issue per pydantic error, naming the field in the document's own words."""
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


def validate(data: object, model: type[Model], source: str, what: str, code: str, where: str = "file") -> Model:
    """`data` validated by `model`; InputError with one Issue per invalid field otherwise."""
    if not isinstance(data, dict):
        raise InputError(source, reason=f"a {what} file is a YAML mapping with the keys "
                                        f"{', '.join(model.model_fields)}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError.from_issues(source, validation_issues(exc, source, where, code)) from None


def load_yaml_model(path: Path, model: type[Model], what: str, code: str, where: str = "file") -> Model:
    """The file's YAML document validated by `model`; `what` names the file kind, `code` the Issue code."""
    source = str(path)
    return validate(parse_yaml(read_utf8(path, what), source), model, source, what, code, where)
