"""No command module keeps a rich console made at import.

rich fixes a console's width from COLUMNS when the console is made; a module-level console kept
the width of whichever run imported the module first, so `infra list` with COLUMNS=200 printed
the narrow vertical layout in a test run where an earlier command had imported it at 80 columns.
"""

import ast
from pathlib import Path

import trekant.cli

CLI = Path(trekant.cli.__file__).parent


def _module_level_consoles(path: Path) -> list[str]:
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            name = getattr(node.value.func, "id", getattr(node.value.func, "attr", ""))
            stderr = any(k.arg == "stderr" for k in node.value.keywords)  # error lines: width unused
            if name == "Console" and not stderr:
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_the_check_sees_a_module_level_console(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from rich.console import Console\nconsole = Console()\n", encoding="utf-8")
    assert _module_level_consoles(sample) == ["sample.py:2"]


def test_no_command_module_makes_its_console_at_import():
    assert [hit for path in sorted(CLI.glob("*.py")) for hit in _module_level_consoles(path)] == []
