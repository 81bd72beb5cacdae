"""Shared helpers: where the shared corpus lives, and how to read it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

TESTDATA = Path(__file__).resolve().parents[3] / "testdata"


def corpus(area: str) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Every case of every ``testdata/<area>/*.json`` file, as (id, case)."""
    base = TESTDATA / area
    paths = [base.with_suffix(".json")] if base.with_suffix(".json").is_file() else sorted(base.glob("*.json"))
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield f"{path.stem}:{case['name']}", case


def cases(area: str) -> List[Any]:
    import pytest

    return [pytest.param(case, id=case_id) for case_id, case in corpus(area)]
