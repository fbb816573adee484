"""python-dotenv (the ML service's loader, pinned in requirements-test.txt) still reads
the .env corpus as ``core/tests/fixtures/dotenv_python.jsonl`` records it; the Rust tests
replay that recording, and npm dotenv's (``tools/dotenv-diff``), against sparrow-core's
reader. ``python tests/test_dotenv_peer.py --write`` re-records.

Interpolation (``${VAR}``) is python-dotenv's default; it is recorded with an empty
environment, so the recording does not depend on the machine.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any
from unittest import mock

from dotenv import dotenv_values

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "tests" / "fixtures"


def recording() -> list[str]:
    lines = []
    with mock.patch.dict(os.environ, clear=True):
        for line in (FIXTURES / "dotenv_corpus.jsonl").read_text(encoding="utf-8").splitlines():
            case: dict[str, Any] = json.loads(line)
            values = dotenv_values(stream=io.StringIO(case["text"]))
            lines.append(json.dumps({"name": case["name"], "vars": values}, ensure_ascii=False))
    return lines


def test_python_dotenv_still_reads_the_corpus_as_recorded() -> None:
    recorded = (FIXTURES / "dotenv_python.jsonl").read_text(encoding="utf-8").splitlines()
    now = recording()
    assert len(now) > 50
    assert now == recorded


if __name__ == "__main__" and "--write" in sys.argv:
    (FIXTURES / "dotenv_python.jsonl").write_text("\n".join(recording()) + "\n", encoding="utf-8")
