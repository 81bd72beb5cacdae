"""testdata/qualify and testdata/audit through the wheel."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import phonestorm
from phonestorm import AuditError, Campaign, Discarded, Opportunity, QualifyConfig, QualifyError

from conftest import cases

CAMPAIGN = Campaign(targetVertical="plumber", targetGeography="Miami, FL")


def _config(case: Dict[str, Any]) -> Any:
    return QualifyConfig(criteria=case["criteria"]) if case["criteria"] is not None else None


@pytest.mark.parametrize("case", cases("qualify/places"))
def test_qualify_place(case: Dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(QualifyError) as info:
            phonestorm.qualify_place(case["place"], config=_config(case))
        assert info.value.code == case["error"]
        assert isinstance(info.value, ValueError)
        return
    out = phonestorm.qualify_place(case["place"], config=_config(case), campaign=CAMPAIGN)
    if "discarded" in case:
        assert isinstance(out, Discarded)
        assert out.discarded == case["discarded"]
        return
    assert isinstance(out, Opportunity)
    assert list(out.signals) == case["signals"]
    assert out.qualification_score == case["qualificationScore"]
    assert out.domain == case["domain"]
    assert out.phone == case["phone"]
    row = out.to_dict()
    assert row["qualificationScore"] == case["qualificationScore"]
    assert (row["status"], row["targetVertical"], row["targetGeography"]) == (
        "SOURCED",
        "plumber",
        "Miami, FL",
    )
    assert Opportunity.from_dict(row) == out


def test_batch_score_and_audit_selection() -> None:
    places = [c for c in (p.values[0] for p in cases("qualify/places")) if "error" not in c and c["criteria"] is None]
    outcomes = phonestorm.qualify_places_many([c["place"] for c in places])
    assert outcomes == [phonestorm.qualify_place(c["place"]) for c in places]
    kept = [o for o in outcomes if isinstance(o, Opportunity)]
    assert kept, "the corpus has kept places"
    for o in kept:
        assert phonestorm.qualification_score(o.signals) == o.qualification_score
    picked = phonestorm.select_for_audit(kept, config={"audit_top_n": 1, "audit_min_score": 1000})
    needing = [o for o in kept if "NEEDS_WEB_AUDIT" in o.signals]
    assert len(picked) == min(1, len(needing))
    assert all("NEEDS_WEB_AUDIT" in kept[i].signals for i in picked)
    # A record the core refuses takes its slot as an error; the others still qualify.
    mixed = phonestorm.qualify_places_many([places[0]["place"], {"rating": 3}])
    assert mixed[0] == outcomes[0]
    assert isinstance(mixed[1], QualifyError) and mixed[1].code == "bad_place"
    with pytest.raises(QualifyError) as info:
        phonestorm.qualification_score(["MISSING_WEBSITE"], config={"criteria": ["NOPE"]})
    assert info.value.code == "unknown_signal"


def test_parse_place_and_wanted() -> None:
    case = next(p.values[0] for p in cases("qualify/places") if "error" not in p.values[0])
    place = phonestorm.parse_place(case["place"])
    assert place.place_id == (case["place"].get("id") or case["place"].get("place_id"))
    assert phonestorm.wanted_signals(config=QualifyConfig(criteria=["MISSING_WEBSITE"])) == [
        "MISSING_WEBSITE"
    ]


@pytest.mark.parametrize("case", cases("qualify/fit_reason"))
def test_fit_reason(case: Dict[str, Any]) -> None:
    assert phonestorm.fit_reason(case["signals"]) == case["fit_reason"]


def test_fit_reason_bad_config() -> None:
    with pytest.raises(AuditError) as info:
        phonestorm.fit_reason([], config={"phrases": {"NOPE": "x"}})
    assert info.value.code == "unknown_signal"


@pytest.mark.parametrize("case", cases("audit/sites"))
def test_audit_site(case: Dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(AuditError) as info:
            phonestorm.audit_site(case["pages"], case["current_year"])
        assert info.value.code == case["error"]
        return
    report = phonestorm.audit_site(case["pages"], case["current_year"])
    assert [g.key for g in report.gaps] == case["gaps"]
    assert list(report.signals) == case["gaps"]
    assert report.best_email == case["best_email"]
    assert report.pages == len(case["pages"])
    assert all(isinstance(g.source_url, str) for g in report.gaps)
    for g in report.to_dict()["gaps"]:
        assert sorted(g) == ["key", "source_url", "value"]
    if report.best_email is not None:
        assert report.best_email in {e.email for e in report.emails}


def test_resolve_signals() -> None:
    config = {"criteria": ["NO_CALL_TO_ACTION"]}
    out = phonestorm.resolve_signals(["LOW_GOOGLE_RATING", "NEEDS_WEB_AUDIT"], ["NO_EMAIL"], config=config)
    assert out.to_dict() == {"signals": ["LOW_GOOGLE_RATING", "NO_EMAIL"], "confirmed": False}
    out = phonestorm.resolve_signals(["NEEDS_WEB_AUDIT"], ["NO_CALL_TO_ACTION"], config=config)
    assert out.signals == ("NEEDS_WEB_AUDIT", "NO_CALL_TO_ACTION") and out.confirmed
