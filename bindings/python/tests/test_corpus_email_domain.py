"""testdata/email and testdata/domain through the wheel."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import phonestorm
from phonestorm import Candidate, DomainError, DomainInfo, EmailError, EmailFinding

from conftest import cases


@pytest.mark.parametrize("case", cases("email/extract"))
def test_extract_emails(case: Dict[str, Any]) -> None:
    if "html" in case:
        found = phonestorm.extract_emails(case["html"], base_url=case["base_url"])
    else:
        found = phonestorm.extract_emails_text(case["text"])
    got = [
        {"email": f.email, "kind": f.kind, "source": f.source, "placement": f.placement}
        for f in found
    ]
    assert got == case["expected"]
    for f in found:
        assert isinstance(f, EmailFinding)
        assert f.page == (case["base_url"] if "html" in case else None)
        assert f.domain == f.email.rsplit("@", 1)[1]
        assert EmailFinding.from_dict(f.to_dict()) == f


def test_extract_emails_many_matches_single_calls() -> None:
    pages = [c["html"] for c in (p.values[0] for p in cases("email/extract")) if "html" in c]
    batch = phonestorm.extract_emails_many(pages, base_url="https://joes.example/contact")
    assert len(batch) == len(pages)
    for html, found in zip(pages, batch):
        assert found == phonestorm.extract_emails(html, base_url="https://joes.example/contact")


@pytest.mark.parametrize("case", cases("email/validate"))
def test_validate_email(case: Dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(EmailError) as info:
            phonestorm.validate_email(case["input"])
        assert info.value.code == case["error"]
        assert isinstance(info.value, ValueError)
    else:
        address = phonestorm.validate_email(case["input"])
        assert (address.kind, address.placeholder) == (case["kind"], case["placeholder"])


def test_email_config_is_used() -> None:
    assert phonestorm.validate_email("jane@joes.com").kind == "personal"
    cfg = phonestorm.EmailConfig(role_locals=["jane"])
    assert phonestorm.validate_email("jane@joes.com", config=cfg).kind == "role"
    assert phonestorm.validate_email("jane@joes.com", config={"role_locals": ["jane"]}).kind == "role"
    with pytest.raises(phonestorm.InvalidConfigError):
        phonestorm.EmailConfig(max_results="many")
    with pytest.raises(EmailError) as info:
        phonestorm.decode_cfemail("zz")
    assert info.value.code == "cloudflare_encoding"


@pytest.mark.parametrize("case", cases("domain/canonical"))
def test_analyze_domain(case: Dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(DomainError) as info:
            phonestorm.analyze_domain(case["input"])
        assert info.value.code == case["error"]
        with pytest.raises(ValueError):
            phonestorm.canonical_domain(case["input"])
    else:
        found = phonestorm.analyze_domain(case["input"])
        assert isinstance(found, DomainInfo)
        assert (found.domain, found.kind) == (case["domain"], case["kind"])
        if case["kind"] == "own":
            assert phonestorm.canonical_domain(case["input"]) == case["domain"]


@pytest.mark.parametrize("case", cases("domain/rank"))
def test_rank_results(case: Dict[str, Any]) -> None:
    ranked = phonestorm.rank_results(case["business"], case["results"])
    assert [c.domain for c in ranked] == case["expected_order"]
    assert all(isinstance(c, Candidate) and 0.0 <= c.confidence <= 1.0 for c in ranked)
    assert sorted(c.position for c in ranked) == list(range(len(case["results"])))


def test_dedupe_places_and_host() -> None:
    out = phonestorm.dedupe_places(
        [
            {"place_id": "p1", "website": "https://joes.com"},
            {"place_id": "p2", "website": "http://www.joes.com/x"},
            {"place_id": "p1"},
            {"place_id": "p3", "website": "https://facebook.com/a"},
            {"place_id": "p4", "website": "https://facebook.com/b"},
        ]
    )
    assert out.kept == (0, 3, 4)
    assert [d.to_dict() for d in out.dropped] == [
        {"index": 1, "key": "domain", "value": "joes.com"},
        {"index": 2, "key": "place_id", "value": "p1"},
    ]
    assert phonestorm.host_of("HTTPS://WWW.Example.COM./a?b") == "www.example.com"
    assert phonestorm.PSL_VERSION[:2] == "20"
