"""Shared helpers: where the shared corpus lives, and how to read it.

``test_coverage.py`` checks that every ``testdata/**/*.json`` file is named (directly or
through its directory) in a ``cases("...")`` or ``corpus("...")`` call of some test file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

TESTDATA = Path(__file__).resolve().parents[3] / "testdata"


def corpus_files(area: str) -> List[Path]:
    """The files ``corpus(area)`` reads: ``testdata/<area>.json`` or ``testdata/<area>/*.json``."""
    base = TESTDATA / area
    if base.with_suffix(".json").is_file():
        return [base.with_suffix(".json")]
    return sorted(base.glob("*.json"))


def corpus(area: str) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Every case of every file of ``area``, as (id, case)."""
    paths = corpus_files(area)
    if not paths:
        raise FileNotFoundError(f"no corpus files for testdata/{area}")
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield f"{path.stem}:{case['name']}", case


def cases(area: str) -> List[Any]:
    import pytest

    return [pytest.param(case, id=case_id) for case_id, case in corpus(area)]
