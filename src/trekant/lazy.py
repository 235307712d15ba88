"""Import a module when it is first used, not when the importing module loads.

The CLI names every domain's service at its top, but a command uses one of them: importing all of
them up front cost over a second (pandas, GeoPandas, SciPy, PyPSA) before `trekant --version` could
answer. `lazy_module` is the standard library's LazyLoader recipe: the module object exists at once
and runs its code on the first attribute access, so the heavy libraries load only where they are used.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`, executed on first attribute access (at once if it is already imported)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return module
