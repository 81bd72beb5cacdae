from __future__ import annotations

import dataclasses
import pickle

import pytest

import phonestorm
from phonestorm import AreaCode, InvalidConfigError, PhoneError, PhonestormError


def test_area_code_is_a_frozen_result() -> None:
    fl = phonestorm.area_code(850)
    assert isinstance(fl, AreaCode)
    assert fl.state == "FL"
    assert fl.zones == ("America/Chicago", "America/New_York")
    assert fl.to_dict()["zones"] == ["America/Chicago", "America/New_York"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fl.state = "GA"  # type: ignore[misc]
    assert phonestorm.area_code(555) is None


def test_versions() -> None:
    assert phonestorm.__version__
    assert phonestorm.NANP_SOURCE_VERSION.startswith("phonenumbers")


def test_error_hierarchy() -> None:
    assert issubclass(PhoneError, PhonestormError)
    assert issubclass(PhoneError, ValueError)
    assert issubclass(InvalidConfigError, ValueError)
    err = PhoneError("bad", "too_short")
    assert err.code == "too_short"
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is PhoneError and again.code == "too_short"
