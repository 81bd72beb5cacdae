from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import List, Optional

import pytest

import phonestorm
from phonestorm import InvalidConfigError, PhoneError, ScoreConfig


def test_normalize_errors_carry_code() -> None:
    with pytest.raises(ValueError) as info:
        phonestorm.normalize("call us", "US")
    assert isinstance(info.value, PhoneError)
    assert isinstance(info.value, phonestorm.PhonestormError)
    assert info.value.code


def test_normalize_many_releases_gil_and_matches_single() -> None:
    texts = ["(305) 234-5678", "nope", "+44 20 7946 0958", "800-356-9377"] * 250
    out = phonestorm.normalize_many(texts)
    assert out[:4] == ["+13052345678", None, "+442079460958", "+18003569377"]
    single: List[Optional[str]] = []
    for t in texts[:4]:
        try:
            single.append(phonestorm.normalize(t))
        except PhoneError:
            single.append(None)
    assert out[:4] == single


def test_threads() -> None:
    texts = ["(305) 234-5678"] * 2000
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: phonestorm.normalize_many(texts), range(8)))
    assert all(r == ["+13052345678"] * 2000 for r in results)
    assert threading.active_count() >= 1


def test_score_config() -> None:
    default = ScoreConfig()
    assert default.schema == 0.9
    custom = ScoreConfig(schema=0.95)
    assert custom.schema == 0.95 and custom.homepage == default.homepage
    assert ScoreConfig({"schema": 0.95}) == custom
    assert custom.replace(schema=0.9) == default
    assert custom.to_dict()["schema"] == 0.95
    with pytest.raises(InvalidConfigError) as info:
        ScoreConfig(shcema=1.0)
    assert info.value.code == "invalid_config"
    with pytest.raises(InvalidConfigError):
        ScoreConfig(schema="high")
    with pytest.raises(AttributeError):
        custom.schema = 0.1


def test_score_with_config() -> None:
    sightings = [
        {
            "number": {"e164": "+13052345678", "extension": None},
            "raw": "(305) 234-5678",
            "placement": "schema",
            "role": "main",
            "page_kind": "home",
            "page": "/",
        }
    ]
    site = phonestorm.score_site(sightings, config=ScoreConfig(schema=0.5, homepage=0.4))
    assert site.best is not None
    assert site.best.confidence == pytest.approx(0.5)
    assert site.lead_phone_fields.to_dict()["lead_phone_e164"] == "+13052345678"
    with pytest.raises(InvalidConfigError):
        phonestorm.score_site([{"raw": "x"}])
