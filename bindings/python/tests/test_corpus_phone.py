"""The shared testdata/ corpus (phone areas) through the wheel."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import phonestorm
from phonestorm import PhoneError, PhoneNumber, Sighting

from conftest import cases


@pytest.mark.parametrize("case", cases("normalize"))
def test_normalize(case: Dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(PhoneError) as info:
            phonestorm.normalize(case["input"], case["region"])
        assert info.value.code == case["error"]
        assert isinstance(info.value, ValueError)
    else:
        number = phonestorm.parse(case["input"], case["region"])
        assert number == PhoneNumber(case["e164"], case["extension"])
        assert phonestorm.normalize(case["input"], case["region"]) == case["e164"]


@pytest.mark.parametrize("case", cases("classify_score/classify"))
def test_classify(case: Dict[str, Any]) -> None:
    result = phonestorm.classify(
        PhoneNumber(case["e164"]), roles=case["roles"], line_type=case["line_type"]
    )
    assert result.phone_type == case["expected_type"]
    assert result.evidence


def _sighting(s: Dict[str, Any]) -> Sighting:
    return Sighting(
        number=PhoneNumber(s["e164"]),
        raw=s["raw"],
        placement=s["placement"],
        role=s["role"],
        page_kind=s["page_kind"],
        page=s["page"],
    )


@pytest.mark.parametrize("case", cases("classify_score/score"))
def test_score(case: Dict[str, Any]) -> None:
    site = phonestorm.score_site(
        [_sighting(s) for s in case["sightings"]], case["domain_counts"]
    )
    expected = case["expected"]
    assert (site.best.number.e164 if site.best else None) == expected["best"]
    by_e164 = {n.number.e164: n for n in site.numbers}
    for e164, confidence in expected["confidence"].items():
        assert by_e164[e164].confidence == pytest.approx(confidence, abs=1e-9)
    for e164, source in expected["source"].items():
        assert by_e164[e164].source == source
    assert sorted(e for e, n in by_e164.items() if n.rejected) == sorted(expected["rejected"])
    lead = site.lead_phone_fields
    assert lead.lead_phone_e164 == expected["best"]
    # dicts work as input too, and give the same result
    plain = [{**s.to_dict()} for s in (_sighting(s) for s in case["sightings"])]
    assert phonestorm.score_site(plain, case["domain_counts"]) == site


@pytest.mark.parametrize("case", cases("phones/text_cases"))
def test_text_cases(case: Dict[str, Any]) -> None:
    text = case["text"]
    found = phonestorm.extract_phones_text(text)
    assert [f.e164 for f in found] == [e["e164"] for e in case["expect"]]
    for f, e in zip(found, case["expect"]):
        assert f.extension == e["extension"]
        if e["raw"] is not None:
            assert f.raw == e["raw"]
        assert f.start is not None and f.end is not None
        assert text[f.start : f.end] == f.raw
    assert phonestorm.extract_phones_text_many([text, text]) == [found, found]
