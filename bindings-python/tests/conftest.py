from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "tests" / "fixtures"


def rows(name: str) -> list[dict[str, Any]]:
    """The shared fixture table ``core/tests/fixtures/{name}.jsonl``."""
    with (FIXTURES / f"{name}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
