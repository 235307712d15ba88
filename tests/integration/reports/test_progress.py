"""The progress bar: a build reports one step per section (the brief: per page) and the bar's
length is the number of steps it reports, so it ends full; under a terminal the bar is drawn on
stderr, and scripts (no terminal) see nothing of it."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from trekant.reports import service


def test_the_status_report_reports_a_step_per_section_and_the_bar_knows_its_length(status_da):
    assert status_da.steps == [(s.title, None) for s in status_da.doc.sections]
    assert service.planned_steps("status") == len(status_da.steps) + 1  # and the rendering (build_bytes)


def test_the_brief_announces_its_length_once_it_has_ranked_the_projects(brief_da):
    titles = [s.title for s in brief_da.doc.sections]
    assert [step for step, _ in brief_da.steps] == titles
    assert brief_da.steps[0][1] == len(titles) + 1 and all(total is None for _, total in brief_da.steps[1:])
    assert service.planned_steps("infra-brief") is None  # unknown before the ranking: a pulsing bar first
    assert service.planned_steps("infra-brief", ["a", "b", "a"]) == 1 + 2 + 1 + 1  # list, 2 pages, method, render


SCRIPT = """
from trekant.cli.common import progress_steps
with progress_steps(None, "status.pdf") as advance:
    advance("Regionen i nøgletal", total=2)
    advance("Fælles kommuneplan")
print("done")
"""


def test_the_bar_is_drawn_on_a_terminal_and_silent_otherwise():
    main, terminal = pty.openpty()
    try:
        run = subprocess.run([sys.executable, "-c", SCRIPT], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=terminal, timeout=60, env=dict(os.environ, COLUMNS="100", TERM="xterm"))
        os.close(terminal)
        drawn = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(main)
    assert run.returncode == 0 and run.stdout == b"done\n"
    text = drawn.decode("utf-8", "replace")
    assert "status.pdf" in text and ("Regionen i nøgletal" in text or "Fælles kommuneplan" in text)
    quiet = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, timeout=60)
    assert quiet.returncode == 0 and quiet.stdout == b"done\n" and quiet.stderr == b""
