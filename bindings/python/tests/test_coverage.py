"""Fails when a testdata/**/*.json file is read by no Python test."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Set

from conftest import TESTDATA, corpus_files

CALL = re.compile(r"""\b(?:cases|corpus)\("([^"]+)"\)""")


def test_every_corpus_file_is_read() -> None:
    here = Path(__file__).parent
    consumed: Set[Path] = set()
    for test_file in sorted(here.glob("test_*.py")):
        if test_file.name == Path(__file__).name:
            continue
        for area in CALL.findall(test_file.read_text(encoding="utf-8")):
            consumed.update(p.resolve() for p in corpus_files(area))
    every = {p.resolve() for p in TESTDATA.rglob("*.json")}
    assert every, "testdata/ not found"
    assert sorted(str(p.relative_to(TESTDATA.resolve())) for p in every - consumed) == []
