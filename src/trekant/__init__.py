"""trekant: an open platform for the cooperation of a city region's municipalities."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("trekant")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+src"
