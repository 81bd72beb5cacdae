"""Batch functions called from several threads at once give the serial results.

The batch functions release the GIL while the core works, so the threads really overlap;
the core keeps no shared mutable state, which is what this checks from Python.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List

import pytest

import phonestorm

from conftest import corpus

THREADS = 4
ROUNDS = 3


def _pages() -> List[str]:
    html = [c["html"] for _, c in corpus("phones/html_cases")]
    html += [c["html"] for _, c in corpus("email/extract") if "html" in c]
    html += [p["html"] for _, c in corpus("audit/sites") for p in c["pages"]]
    return html


def _sends() -> List[Dict[str, Any]]:
    keys = ("recipient", "at", "outgoing", "history", "policy")
    return [{k: c[k] for k in keys if k in c} for _, c in corpus("compliance/hours")]


BATCHES: Dict[str, Callable[[], Any]] = {
    "extract_phones_many": lambda: phonestorm.extract_phones_many(_pages()),
    "extract_phones_text_many": lambda: phonestorm.extract_phones_text_many(
        [c["text"] for _, c in corpus("phones/text_cases")]
    ),
    "normalize_many": lambda: phonestorm.normalize_many(
        [c["input"] for _, c in corpus("normalize")]
    ),
    "extract_emails_many": lambda: phonestorm.extract_emails_many(_pages()),
    "qualify_places_many": lambda: phonestorm.qualify_places_many(
        [c["place"] for _, c in corpus("qualify/places")]
    ),
    "check_send_many": lambda: phonestorm.check_send_many(_sends()),
    "classify_reply_many": lambda: phonestorm.classify_reply_many(
        [c["text"] for _, c in corpus("reply")]
    ),
    "audit_site": lambda: [
        phonestorm.audit_site(c["pages"], c["current_year"])
        for _, c in corpus("audit/sites")
        if "error" not in c
    ],
}


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_threads_match_serial(name: str) -> None:
    run = BATCHES[name]
    serial = run()
    assert serial, "the batch has inputs"
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda _: run(), range(THREADS * ROUNDS)))
    for r in results:
        # QualifyError slots compare by identity; compare them by class and code.
        assert _comparable(r) == _comparable(serial)


def _comparable(value: Any) -> Any:
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, phonestorm.PhonestormError):
        return (type(value).__name__, value.code, str(value))
    return value
