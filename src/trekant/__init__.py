"""trekant: an open platform for the cooperation of a city region's municipalities."""

# The one place the version is written: pyproject.toml reads it from here (setuptools `attr`), so
# `trekant --version` needs no importlib.metadata (50 ms of start-up).
__version__ = "0.1.0"

