"""The shared text-file reader: every way a user file can be unreadable is one InputError naming it."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from trekant.errors import InputError
from trekant.textfile import decode_utf8, load_yaml_model, read_utf8, text_or_issue


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
