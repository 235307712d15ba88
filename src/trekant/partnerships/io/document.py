"""The register as a YAML document: `organisations` and `partnerships`, each a list of mappings.

This is the shape of the shipped data (data/<region>/partnerships.yaml) and of `partnerships add
--file`; the fields are those of the tables (io/tables.py) with the parts of a partnership
(partners, funding, results, sources, contacts) nested in it.
"""

from __future__ import annotations

from pathlib import Path

from trekant.errors import InputError
from trekant.textfile import parse_yaml, read_utf8

KEYS = ("organisations", "partnerships")


def read(path: Path) -> tuple[list[dict], list[dict]]:
    """(organisation mappings, partnership mappings); a single partnership mapping is accepted as well."""
    source = str(path)
    data = parse_yaml(read_utf8(path, "partnership"), source, "invalid-partnerships")
    if isinstance(data, dict) and "key" in data and not set(KEYS) & set(data):
        return [], [data]
    if not isinstance(data, dict) or not set(data) <= set(KEYS):
        raise InputError(source, reason="a partnership file is a YAML mapping with the keys organisations and "
                                        "partnerships (or one partnership's fields)")
    organisations, partnerships = data.get("organisations") or [], data.get("partnerships") or []
    for name, items in (("organisations", organisations), ("partnerships", partnerships)):
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise InputError(source, where=name, reason="must be a list of mappings")
    return organisations, partnerships
