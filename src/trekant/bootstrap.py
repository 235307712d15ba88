"""`trekant init` across domains: the region first, then each domain's default data.

A domain that ships default (or demo) data provides `trekant/<domain>/defaults.py` with
`load_defaults(conn, ctx: LoadContext) -> dict` (idempotent; counts for the report). This module
finds them, so the region layer never imports a domain (arrows point down).
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from trekant.region.service import Confirm, InitResult, Loader, Progress, init_store
from trekant.settings import Settings

# Order matters: later domains may read what earlier ones wrote (strategy reads all of them).
DOMAINS = ("plan", "energy", "economy", "infrastructure", "partnerships", "strategy")


def domain_loaders() -> dict[str, Loader]:
    loaders = {}
    for domain in DOMAINS:
        name = f"trekant.{domain}.defaults"
        if importlib.util.find_spec(f"trekant.{domain}") and importlib.util.find_spec(name):
            loaders[domain] = importlib.import_module(name).load_defaults
    return loaders


def init(settings: Settings, definition_path: Path | None = None, force: bool = False,
         with_demo: bool | None = None, progress: Progress = lambda _step: None,
         confirm: Confirm | None = None) -> InitResult:
    """Build or refresh the store with the region and every domain's default data.

    with_demo None keeps the store's choice; confirm(what would be lost) decides a forced rebuild of
    a store with users' changes (default: go ahead, as a program calling this asked for force)."""
    return init_store(settings, definition_path, force=force, progress=progress,
                      loaders=domain_loaders(), with_demo=with_demo, confirm=confirm or (lambda _losses: True))
