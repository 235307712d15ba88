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


MB = 1024 * 1024


def input_limit_mb() -> float:
    """The largest input a reader takes, in MB (TREKANT_MAX_INPUT_MB): /dev/zero must not fill the memory."""
    from trekant.settings import get_settings

    try:
        return get_settings().max_input_mb
    except Exception:  # a bad TREKANT_* value is reported by the CLI's settings(); keep the default here
        return 500.0


def input_limit_bytes() -> int:
    return int(input_limit_mb() * MB)


def too_large(size: int, limit: int | None = None) -> str | None:
    """The message for input above the limit (default: the setting), or None."""
    limit_mb = input_limit_mb() if limit is None else limit / MB
    if size <= (int(limit_mb * MB) if limit is None else limit):
        return None
    return (f"is larger than the input limit of {limit_mb:.6g} MB; "
            "raise TREKANT_MAX_INPUT_MB if the input is what you meant")


def file_problem(path: Path, what: str = "") -> Issue | None:
    """Why `path` cannot be read as a file at all (a directory, missing, not a regular file such as a
    FIFO or /dev/zero, larger than the input limit), or None. Every reader asks this first."""
    try:
        if path.is_dir():
            return Issue("error", "file", str(path), "file", "is a directory, not a file")
        if not path.exists():
            return Issue("error", "file", str(path), "file", f"{what} file not found".strip())
        if not path.is_file():  # a FIFO would block the reader forever, a device never ends
            return Issue("error", "file", str(path), "file",
                         "is not a regular file (a pipe, device or socket); save the input to a file first")
        size = path.stat().st_size
    except OSError as exc:
        return Issue("error", "file", str(path), "file", f"cannot read: {exc.strerror or exc}")
    message = too_large(size)
    return Issue("error", "file", str(path), "file", message) if message else None


def read_limited(path: Path) -> tuple[bytes, str | None]:
    """(the file's bytes, None), never more than the input limit: (b"", why) above it (a file may
    grow while read, or report size 0 like the files in /proc)."""
    limit = input_limit_bytes()
    with path.open("rb") as stream:
        raw = stream.read(limit + 1)
    return (b"", too_large(len(raw))) if len(raw) > limit else (raw, None)


def decode_problem(raw: bytes, source: str, line_word: str = "line",
                   hint: str = SAVE_AS_UTF8) -> tuple[str | None, Issue | None]:
    """UTF-8 text with or without BOM, or the Issue saying why not.

    UTF-16 (Excel's "Unicode text") is refused as such; any other bad byte is named with its line
    (`line_word` is "row" for tables), so the user knows to re-save instead of seeing a wrong column.
    """
    if raw.startswith(UTF16_BOMS) or b"\x00" in raw[:4096]:
        return None, Issue("error", "encoding", source, "file", f"the file is UTF-16 (or binary), not UTF-8; {hint}")
    nul = raw.find(b"\x00")
    if nul >= 0:  # PostgreSQL cannot store it, and a C library reading the text stops there
        line = raw[:nul].count(b"\n") + 1
        return None, Issue("error", "encoding", source, f"{line_word} {line}",
                           f"byte {nul} is a NUL character (0x00), which no text may hold; {hint}")
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
        raw, above_limit = read_limited(path)
    except OSError as exc:
        return None, Issue("error", "file", str(path), "file", f"cannot read: {exc.strerror or exc}")
    if above_limit:
        return None, Issue("error", "file", str(path), "file", above_limit)
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


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping names the same key twice: YAML would silently keep the last value."""

    def __init__(self, key: object, mark, first_line: int):
        super().__init__(None, None, f"the key {key!r} appears twice (first on line {first_line}); "
                                     "the second would silently replace the first", mark)
        self.key = key


class StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a mapping that repeats a key (merge keys `<<` excepted)."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _value in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    if key in seen:
                        raise DuplicateKeyError(key, key_node.start_mark, seen[key])
                    seen[key] = key_node.start_mark.line + 1
                except TypeError:  # an unhashable key: the base constructor words that error
                    continue
        return super().construct_mapping(node, deep)


StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)


def parse_yaml(text: str, source: str, code: str = "yaml") -> object:
    """The YAML document; a syntax error names its line and column (a truncated file, a stray tab), a
    repeated key names its line and the key, and nesting too deep to follow is one line too."""
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "file"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        field = str(exc.key) if isinstance(exc, DuplicateKeyError) else None
        raise_issue(Issue("error", code, source, where, f"not valid YAML: {problem}", field))
    except RecursionError:
        raise_issue(Issue("error", code, source, "file", "not readable YAML: nested too deeply (thousands of levels)"))


def parse_json(text: str, source: str, code: str = "json") -> object:
    """The JSON document; a syntax error names its line and column, nesting too deep is one line."""
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise_issue(Issue("error", code, source, f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}"))
    except RecursionError:
        raise_issue(Issue("error", code, source, "file", "not readable JSON: nested too deeply (thousands of levels)"))


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


def nul_fields(data: object, path: str = "") -> list[str]:
    """Where a parsed document holds a NUL character (YAML's "\\0" or JSON's "\\u0000" escapes)."""
    if isinstance(data, str):
        return [path or "value"] if "\x00" in data else []
    if isinstance(data, dict):
        return [f for k, v in data.items() for f in nul_fields(k, path) + nul_fields(v, f"{path}.{k}" if path else str(k))]
    if isinstance(data, list):
        return [f for i, v in enumerate(data) for f in nul_fields(v, f"{path}[{i}]")]
    return []


def nul_issues(data: object, source: str, where: str, code: str) -> list[Issue]:
    return [Issue("error", code, source, where, "holds a NUL character (0x00), which no text may hold", field)
            for field in nul_fields(data)]


def validate(data: object, model: type[Model], source: str, what: str, code: str, where: str = "file") -> Model:
    """`data` validated by `model`; InputError with one Issue per invalid field otherwise."""
    if issues := nul_issues(data, source, where, code):
        raise InputError.from_issues(source, issues)
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
