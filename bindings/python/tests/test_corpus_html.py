"""testdata/phones/html_cases.json through ``phonestorm.extract_phones`` (and the batch form)."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any, Dict, List

import pytest

import phonestorm
from phonestorm import Finding

from conftest import cases

HTML_CASES = cases("phones/html_cases")


def _check(case: Dict[str, Any], found: List[Finding]) -> None:
    seen = {(f.e164, f.placement, f.role) for f in found}
    expected = {(e["e164"], e["placement"], e["role"]) for e in case["expect"]}
    assert expected <= seen, f"missing {expected - seen}"
    if case["exact"]:
        assert seen == expected
    for e164 in case["reject"]:
        assert all(f.e164 != e164 for f in found)
    for f in found:
        assert f.page_kind == case["page_kind"]
        assert f.page == case["url"]
        assert 0.0 <= f.confidence <= 1.0
        assert f.start is None and f.end is None


@pytest.mark.parametrize("case", HTML_CASES)
def test_extract_phones(case: Dict[str, Any]) -> None:
    _check(case, phonestorm.extract_phones(case["html"], base_url=case["url"]))


def test_extract_phones_many_matches_single_calls() -> None:
    all_cases = [p.values[0] for p in HTML_CASES]
    batch = phonestorm.extract_phones_many([c["html"] for c in all_cases])
    assert len(batch) == len(all_cases)
    for case, found in zip(all_cases, batch):
        assert found == phonestorm.extract_phones(case["html"])


def test_extract_phones_from_threads() -> None:
    all_cases = [p.values[0] for p in HTML_CASES]
    pages = [c["html"] for c in all_cases]
    expected = phonestorm.extract_phones_many(pages)
    results: List[Any] = [None] * 4

    def work(i: int) -> None:
        results[i] = phonestorm.extract_phones_many(pages)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_finding_is_frozen_with_to_dict() -> None:
    html = '<footer>Fax: 305.234.5679 <a href="tel:+13052345678">Call</a></footer>'
    found = phonestorm.extract_phones(html, base_url="https://x.example/contact", page_kind="contact")
    tel = next(f for f in found if f.placement == "tel_link")
    assert tel.e164 == "+13052345678" and tel.role == "main" and tel.page_kind == "contact"
    assert isinstance(tel.type, str) and isinstance(tel.raw, str)
    d = tel.to_dict()
    assert d["e164"] == "+13052345678" and d["type"] == tel.type and d["confidence"] == tel.confidence
    with pytest.raises(dataclasses.FrozenInstanceError):
        tel.e164 = "x"  # type: ignore[misc]


def test_bad_page_kind_raises_value_error() -> None:
    with pytest.raises(phonestorm.InvalidConfigError) as info:
        phonestorm.extract_phones("<p>x</p>", page_kind="nope")
    assert isinstance(info.value, ValueError)
    assert info.value.code == "invalid_config"
