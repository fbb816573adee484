"""Heavy work leaves the GIL: another Python thread makes progress while it runs.

Shown by progress, not by timing: a counter that only a pure-Python loop in the main
thread advances is read just before and just after the native call in the worker
thread. With the GIL held for the whole call the counter could not move in between.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

import sparrow_core as sc

STORED = sc.hash_password("correct horse battery staple")


def progress_during(call: Callable[[], Any]) -> int:
    counter = [0]
    running = threading.Event()
    done = threading.Event()
    moved: list[int] = []

    def worker() -> None:
        running.wait()
        before = counter[0]
        call()
        moved.append(counter[0] - before)
        done.set()

    t = threading.Thread(target=worker)
    t.start()
    running.set()
    while not done.is_set():
        counter[0] += 1
    t.join()
    return moved[0]


def test_hash_password_releases_the_gil() -> None:
    assert progress_during(lambda: sc.hash_password("correct horse battery staple")) > 1000


def test_verify_password_releases_the_gil() -> None:
    assert progress_during(lambda: sc.verify_password("correct horse battery staple", STORED)) > 1000


def test_dummy_verify_releases_the_gil() -> None:
    assert progress_during(lambda: sc.dummy_verify("whoever")) > 1000


def test_training_releases_the_gil_and_reports_progress() -> None:
    profiles = sc.synthetic_profiles(50_000, 3)
    seen: list[tuple[int, int, float]] = []
    moved = progress_during(
        lambda: sc.train_personas(profiles, k=3, seed=1, on_progress=lambda i, m, inertia: seen.append((i, m, inertia)))
    )
    assert moved > 1000
    assert [s[0] for s in seen] == list(range(1, len(seen) + 1))
    assert all(s[1] == 300 for s in seen)
