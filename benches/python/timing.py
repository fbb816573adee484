"""The timing rule every side-by-side script here uses: the best of 5 batches of `n`
calls, as seconds per call (the least disturbed batch, on a machine doing other work)."""

from __future__ import annotations

import time
from typing import Callable


def best(f: Callable[[], object], n: int, batches: int = 5) -> float:
    times = []
    for _ in range(batches):
        t = time.perf_counter()
        for _ in range(n):
            f()
        times.append((time.perf_counter() - t) / n)
    return min(times)
