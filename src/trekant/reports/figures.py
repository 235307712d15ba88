"""Where a build's figures go: matplotlib set up for deterministic SVG, one file per figure.

Deterministic: the Agg backend, a fixed `svg.hashsalt` (element ids do not change between runs),
no date in the file's metadata, glyphs drawn as paths (the SVG needs no font and looks the same in
the PDF and in a browser). The same store and options then give byte-identical SVG files.
"""

from __future__ import annotations

import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=True)

import matplotlib.pyplot as plt  # noqa: E402

STYLE = {
    "svg.hashsalt": "trekant-reports",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.5,
    "axes.axisbelow": True,
    "figure.dpi": 100,
    "path.simplify": True,
}

# Colours chosen to stay apart in print and for the common colour-vision deficiencies (Okabe–Ito + greys).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
           "#999999", "#8C564B")
REGION_COLOUR = "#0072B2"
OTHER_COLOUR = "#9db4c8"


class FigureFolder:
    """Numbers the figures of one build and writes each as an SVG file in the build's folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0
        self.seconds = 0.0  # drawing and writing the figures (the benchmark reports it)
        self._started = 0.0

    def figure(self, width_cm: float = 16.0, height_cm: float = 9.0):
        self._started = time.perf_counter()
        with plt.rc_context(STYLE):
            fig = plt.figure(figsize=(width_cm / 2.54, height_cm / 2.54))
        return fig

    def save(self, fig, name: str) -> Path:
        self.count += 1
        path = self.folder / f"fig{self.count:02d}-{name}.svg"
        with plt.rc_context(STYLE):
            fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight")
        plt.close(fig)
        self.seconds += time.perf_counter() - self._started
        return path


def styled():
    """The report style as a context (charts draw inside it so their fonts and grids match)."""
    return plt.rc_context(STYLE)
