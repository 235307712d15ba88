"""The shared text-file reader: every way a user file can be unreadable is one InputError naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from trekant.errors import InputError
from trekant.textfile import decode_utf8, file_problem, load_yaml_model, parse_yaml, read_utf8, text_or_issue


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    size_m2: float


def _write(tmp_path, content: bytes, name: str = "f.yaml"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_bom_is_dropped_and_text_kept(tmp_path):
    assert read_utf8(_write(tmp_path, "\ufeffnavn: Kolding\n".encode())) == "navn: Kolding\n"


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_utf8(tmp_path)
    with pytest.raises(InputError, match="goals file not found"):
        read_utf8(tmp_path / "nope.yaml", "goals")


def test_latin1_names_line_and_byte(tmp_path):
    # 'a\nb\n' is 4 bytes, so the Latin-1 'æ' on the third line is byte 4
    path = _write(tmp_path, "a\nb\næ\n".encode("latin-1"), "t.csv")
    _, issue = text_or_issue(path, line_word="row")
    assert (issue.code, issue.where) == ("encoding", "row 3")
    assert issue.message.startswith("byte 4 is not UTF-8")
    with pytest.raises(InputError) as err:
        decode_utf8("a\nb\næ\n".encode("latin-1"), "answer", hint="ask again")
    assert str(err.value) == "answer: line 3: byte 4 is not UTF-8; ask again"


def test_utf16_is_named_as_such(tmp_path):
    with pytest.raises(InputError, match="UTF-16"):
        read_utf8(_write(tmp_path, "name: x\n".encode("utf-16")))


def test_yaml_syntax_error_names_line_and_column(tmp_path):
    with pytest.raises(InputError) as err:
        load_yaml_model(_write(tmp_path, b"name: x\n\tsize_m2: 1\n"), _Doc, "test", "bad")
    assert "line 2, column 1: not valid YAML" in err.value.lines()[0]


def test_not_a_mapping(tmp_path):
    with pytest.raises(InputError, match="a test file is a YAML mapping with the keys name, size_m2"):
        load_yaml_model(_write(tmp_path, b"- 1\n"), _Doc, "test", "bad")


def test_one_issue_per_invalid_field(tmp_path):
    with pytest.raises(InputError) as err:
        load_yaml_model(_write(tmp_path, b"size_m2: many\ncolour: red\n"), _Doc, "test", "bad")
    by_field = {i.field: i for i in err.value.issues}
    assert set(by_field) == {"name", "size_m2", "colour"}
    assert by_field["name"].message == "required field is missing"
    assert by_field["colour"].message == "unknown field"
    assert all(i.code == "bad" for i in err.value.issues)


def test_valid_document(tmp_path):
    doc = load_yaml_model(_write(tmp_path, "name: Vejle\nsize_m2: 2.5\n".encode()), _Doc, "test", "bad")
    assert (doc.name, doc.size_m2) == ("Vejle", 2.5)


# --- issue 9 #4: a repeated YAML key is an error naming file, line and key (the last one used to win) ---

@pytest.mark.parametrize("text, where, key", [
    ("name: Kolding\nsize_m2: 1\nname: Vejle\n", "line 3, column 1", "name"),
    ("outer:\n  a: 1\n  a: 2\n", "line 3, column 3", "a"),
    ("{name: a, name: b}\n", "line 1, column 11", "name"),
])
def test_a_repeated_yaml_key_is_refused(tmp_path, text, where, key):
    path = _write(tmp_path, text.encode())
    with pytest.raises(InputError) as err:
        load_yaml_model(path, _Doc, "test", "doc")
    [line] = err.value.lines()
    assert line.startswith(f"error [yaml] {path}: {where}, field {key}: not valid YAML: the key '{key}' appears twice")


def test_merge_keys_may_override_what_they_merge(tmp_path):
    path = _write(tmp_path, b"base: &b {name: x, size_m2: 1}\ndoc:\n  <<: *b\n  size_m2: 2\n")
    assert parse_yaml(read_utf8(path), str(path))["doc"] == {"name": "x", "size_m2": 2}


# --- issue 9 #7: what is not a regular file, or is above the input limit, is refused before reading ---

def test_a_fifo_and_a_device_are_not_read(tmp_path):
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        _, issue = text_or_issue(path)
        assert (issue.where, issue.message) == ("file", "is not a regular file (a pipe, device or socket); "
                                                        "save the input to a file first")


def test_the_input_limit_comes_from_the_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("TREKANT_MAX_INPUT_MB", "0.0001")  # 104 bytes
    path = _write(tmp_path, b"x" * 105)
    assert file_problem(path).message.startswith("is larger than the input limit of 0.0001 MB")
    assert file_problem(_write(tmp_path, b"x" * 104, "small.txt")) is None
