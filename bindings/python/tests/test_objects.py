"""Result and config objects: frozen, ``to_dict()`` round trips, picklable (Celery task
results), hashable where their fields are."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any, List, Type

import pytest

import phonestorm as ps
from phonestorm import Config, Result

from conftest import corpus

AUDIT = next(c for _, c in corpus("audit/sites") if "error" not in c and c["best_email"])
PLACE = next(c for _, c in corpus("qualify/places") if "signals" in c)
DEFER = next(c for _, c in corpus("compliance/rules") if c["expect"]["decision"] == "defer")
LEAD = {"id": "L1", "lead_phone_e164": "+13052345678", "phone_confidence": 0.8, "domain_attempts": 1}


def _results() -> List[Result]:
    flow = ps.LeadGenFlow.new().apply("start_phase", phase="source")
    out: List[Any] = [
        *ps.extract_phones('<a href="tel:+13052345678">Call</a>'),
        ps.score_site([]),
        *ps.extract_emails('<a href="mailto:jane@joes.com">x</a>'),
        ps.validate_email("info@joes.com"),
        ps.analyze_domain("https://www.joes.co.uk/x"),
        *ps.rank_results({"name": "Joes", "city": "Miami", "vertical": "plumber", "phone": ""},
                         [{"url": "https://joes.com", "title": "Joes", "snippet": "Miami"}]),
        ps.dedupe_places([{"place_id": "a"}, {"place_id": "a"}]),
        ps.lead_priority(LEAD, 1000),
        ps.plan_cycle([LEAD], 1000),
        ps.parse_place(PLACE["place"]),
        ps.qualify_place(PLACE["place"]),
        ps.qualify_place({"id": "x", "displayName": {"text": "No phone"}}),
        flow,
        flow.counts(),
        ps.audit_site(AUDIT["pages"], AUDIT["current_year"]),
        ps.resolve_signals(["NEEDS_WEB_AUDIT"], ["NO_EMAIL"]),
        ps.check_send(DEFER["recipient"], DEFER["at"], outgoing=DEFER.get("outgoing"),
                      history=DEFER.get("history"), policy=DEFER.get("policy")),
        ps.resolve_zones({"phone": "+13052345678"}),
        ps.area_zones(850),
        *ps.federal_holidays(2026)[:1],
        ps.classify_reply("Yes, call me"),
        ps.detect_keyword("STOP"),
        ps.intent_by_keywords("not interested"),
        ps.sms_segments("hello"),
        ps.compose_sms("Hi Ana"),
        ps.compose_email("s", "b", {"sender_name": "A", "postal_address": "1 Main St"}),
    ]
    return out


RESULTS = _results()


@pytest.mark.parametrize("obj", RESULTS, ids=[type(r).__name__ for r in RESULTS])
def test_result_object(obj: Result) -> None:
    assert isinstance(obj, Result) and dataclasses.is_dataclass(obj)
    assert type(obj).from_dict(obj.to_dict()) == obj
    assert pickle.loads(pickle.dumps(obj)) == obj
    assert copy.deepcopy(obj) == obj
    hash(obj)  # every field is immutable or excluded from the hash
    name = dataclasses.fields(obj)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, name, None)


def test_every_result_class_is_covered() -> None:
    classes = {type(r) for r in RESULTS}
    nested = {ps.ScoredNumber, ps.LeadPhoneFields, ps.PhoneNumber, ps.Gap, ps.Reason,
              ps.Dropped, ps.DomainRetry, ps.PhaseState, ps.Segments}
    exported = {getattr(ps, n) for n in ps.__all__}
    results = {c for c in exported if isinstance(c, type) and issubclass(c, Result) and c is not Result}
    untested = {c.__name__ for c in results - classes - nested}
    # Inputs of score_site and objects of the phone API tested in test_api/test_basics.
    assert untested <= {"Sighting", "AreaCode", "Classification"}


CONFIGS = [c for c in (getattr(ps, n) for n in ps.__all__)
           if isinstance(c, type) and issubclass(c, Config) and c is not Config]


@pytest.mark.parametrize("cls", CONFIGS, ids=[c.__name__ for c in CONFIGS])
def test_config_object(cls: Type[Config]) -> None:
    cfg = cls()
    assert cls(cfg.to_dict()) == cfg == cls.from_dict(cfg.to_dict())
    again = pickle.loads(pickle.dumps(cfg))
    assert type(again) is cls and again == cfg
    assert copy.deepcopy(cfg) == cfg
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.anything = 1
    with pytest.raises(ps.InvalidConfigError):
        cls(no_such_option=1)


def test_config_kwargs_and_dicts_agree() -> None:
    a = ps.QualifyConfig(criteria=["MISSING_WEBSITE"], audit_top_n=3)
    b = ps.QualifyConfig({"criteria": ["MISSING_WEBSITE"]}, audit_top_n=3)
    assert a == b and a.audit_top_n == 3 and a.criteria == ["MISSING_WEBSITE"]
    assert a.replace(audit_top_n=5).audit_top_n == 5 and a.audit_top_n == 3
    # A config object, its dict and the same partial dict give the same result.
    record = PLACE["place"]
    assert ps.qualify_place(record, config=a) == ps.qualify_place(record, config=a.to_dict())
    assert ps.qualify_place(record, config=a) == ps.qualify_place(
        record, config={"criteria": ["MISSING_WEBSITE"], "audit_top_n": 3}
    )
