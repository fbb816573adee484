"""The README's Python examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_python_blocks_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("JWT_SECRET", "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4")
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 2
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)
    printed = capsys.readouterr().out
    assert "profile_invalid [('age', 'profile_out_of_range'), ('horizon_years', 'profile_type')]" in printed
    parts = namespace["parts"]
    assert isinstance(parts, list) and str(parts[0]["amount"]) == "13400.00"
