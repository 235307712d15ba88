"""Where the web's store reads run: a few threads per worker, not anyio's 40.

The answers asked most often (OGC items, the point query) are short CPU-bound Python plus a few
store round trips. Under load, 40 threads fighting for the GIL lengthen every request, and more
threads than the engine's pool holds (5 + 10 overflow on PostgreSQL) make SQLAlchemy open and close
a new database connection per request — a PostgreSQL backend process each time, the largest cost
of a point query under 50 clients before this limit. DATA_THREADS stays below the pool size.
"""

from __future__ import annotations

import asyncio
from functools import partial

import anyio

DATA_THREADS = 4
_limiters: dict[int, anyio.CapacityLimiter] = {}


async def off_loop(work, *args):
    """Run `work(*args)` in one of DATA_THREADS threads of this worker's event loop."""
    loop = id(asyncio.get_running_loop())
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = anyio.CapacityLimiter(DATA_THREADS)
    return await anyio.to_thread.run_sync(partial(work, *args), limiter=limiter)
