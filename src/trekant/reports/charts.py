"""Charts as SVG: bars, stacked bars and lines, each with its units on the axis.

A chart function takes plain numbers and already translated labels, draws them in the report's
style and returns the SVG's path; titles and source lines travel in the Figure beside it (both
renderers print them as the caption).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from matplotlib.ticker import FuncFormatter

from trekant.reports.figures import OTHER_COLOUR, PALETTE, REGION_COLOUR, FigureFolder, styled

Formatter = Callable[[float], str]


def _axis_numbers(axis, fmt: Formatter) -> None:
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: fmt(value)))


def bars(folder: FigureFolder, name: str, labels: Sequence[str], values: Sequence[float], units: str,
         fmt: Formatter, highlight: Sequence[bool] | None = None, reference: tuple[float, str] | None = None,
         value_text: Sequence[str] | None = None) -> Path:
    """Horizontal bars, first label on top; highlighted bars (the region) in the strong colour."""
    with styled():
        fig = folder.figure(16, max(4.0, 1.0 + 0.75 * len(labels)))
        ax = fig.add_subplot()
        colours = [REGION_COLOUR if (highlight is None or h) else OTHER_COLOUR
                   for h in (highlight or [True] * len(values))]
        positions = list(range(len(values)))[::-1]
        ax.barh(positions, values, color=colours, height=0.65)
        ax.set_yticks(positions, labels)
        ax.set_xlabel(units)
        _axis_numbers(ax.xaxis, fmt)
        ax.grid(axis="y", visible=False)
        if reference is not None:
            ax.axvline(reference[0], color="#444444", linewidth=0.8, linestyle="--")
            ax.text(reference[0], positions[0] + 0.5, f" {reference[1]}", fontsize=7, va="bottom", color="#444444")
        if value_text is not None:
            for y, value, text in zip(positions, values, value_text):
                ax.text(value, y, f" {text} " if value >= 0 else f" {text} ", va="center",
                        ha="left" if value >= 0 else "right", fontsize=7)
        ax.margins(x=0.15)
        return folder.save(fig, name)


def stacked_bars(folder: FigureFolder, name: str, categories: Sequence[str], series: dict[str, Sequence[float]],
                 units: str, fmt: Formatter, colours: dict[str, str] | None = None) -> Path:
    """Horizontal stacked bars (one bar per category, one colour per series) with a legend below."""
    with styled():
        fig = folder.figure(16, max(5.0, 2.5 + 0.7 * len(categories)))
        ax = fig.add_subplot()
        positions = list(range(len(categories)))[::-1]
        left = [0.0] * len(categories)
        for i, (label, values) in enumerate(series.items()):
            colour = (colours or {}).get(label, PALETTE[i % len(PALETTE)])
            ax.barh(positions, values, left=left, color=colour, height=0.65, label=label)
            left = [a + b for a, b in zip(left, values)]
        ax.set_yticks(positions, categories)
        ax.set_xlabel(units)
        _axis_numbers(ax.xaxis, fmt)
        ax.grid(axis="y", visible=False)
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=7)
        return folder.save(fig, name)


def lines(folder: FigureFolder, name: str, x: Sequence[int], series: dict[str, Sequence[float | None]], units: str,
          fmt: Formatter, styles: dict[str, dict] | None = None) -> Path:
    """Lines over years (gaps where a value is missing), a legend below."""
    with styled():
        fig = folder.figure(16, 9)
        ax = fig.add_subplot()
        for i, (label, values) in enumerate(series.items()):
            style = dict(color=PALETTE[i % len(PALETTE)], linewidth=1.6)
            style.update((styles or {}).get(label, {}))
            ax.plot(x, [float("nan") if v is None else v for v in values], label=label, **style)
        ax.set_ylabel(units)
        _axis_numbers(ax.yaxis, fmt)
        low = min((v for values in series.values() for v in values if v is not None), default=0.0)
        if low >= 0:
            ax.set_ylim(bottom=0)
        else:
            ax.axhline(0, color="#444444", linewidth=0.6)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False, fontsize=7)
        return folder.save(fig, name)


def steps(folder: FigureFolder, name: str, widths: Sequence[float], heights: Sequence[float], x_units: str,
          y_units: str, fmt_x: Formatter, fmt_y: Formatter, colours: Sequence[str] | None = None) -> Path:
    """A marginal abatement cost curve: one bar per measure, as wide as its reduction and as high as
    its cost per tonne, cheapest first (the caller sorts)."""
    with styled():
        fig = folder.figure(16, 9)
        ax = fig.add_subplot()
        left = 0.0
        for i, (width, height) in enumerate(zip(widths, heights)):
            colour = colours[i] if colours else (PALETTE[2] if height < 0 else PALETTE[3])
            ax.bar(left, height, width=width, align="edge", color=colour, edgecolor="white", linewidth=0.3)
            left += width
        ax.axhline(0, color="#444444", linewidth=0.6)
        ax.set_xlabel(x_units)
        ax.set_ylabel(y_units)
        _axis_numbers(ax.xaxis, fmt_x)
        _axis_numbers(ax.yaxis, fmt_y)
        ax.set_xlim(0, left * 1.02 if left else 1)
        return folder.save(fig, name)
