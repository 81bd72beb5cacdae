"""Result and config objects: frozen, with ``to_dict()``; built from the core's plain data."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Dict, Mapping, Optional, Tuple, Type, TypeVar

from ._errors import InvalidConfigError

R = TypeVar("R", bound="Result")
C = TypeVar("C", bound="Config")


def _plain(value: Any) -> Any:
    if isinstance(value, Result):
        return value.to_dict()
    if isinstance(value, Config):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _frozen(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


class Result:
    """Base of the frozen result objects (each subclass is a frozen dataclass)."""

    __slots__ = ()
    #: nested result classes by field name, for ``from_dict``
    _nested: ClassVar[Dict[str, Type["Result"]]] = {}
    #: the core's key for a field whose Python name differs (``qualificationScore``)
    _keys: ClassVar[Dict[str, str]] = {}

    def to_dict(self) -> Dict[str, Any]:
        """The result as plain JSON-ready data (the core's serde shape)."""
        return {
            self._keys.get(f.name, f.name): _plain(getattr(self, f.name))
            for f in dataclasses.fields(self)  # type: ignore[arg-type]
        }

    @classmethod
    def from_dict(cls: Type[R], data: Mapping[str, Any]) -> R:
        """Builds the object from the core's plain data (unknown keys are ignored)."""
        names = cls._field_names()
        values = {}
        for key, value in data.items():
            key = names.get(key, "")
            if not key:
                continue
            nested = cls._nested.get(key)
            if nested is not None and value is not None:
                if isinstance(value, list):
                    value = tuple(nested.from_dict(v) for v in value)
                else:
                    value = nested.from_dict(value)
            else:
                value = _frozen(value)
            values[key] = value
        return cls(**values)

    @classmethod
    def _field_names(cls) -> Dict[str, str]:
        """The core's key → field name."""
        cached: Optional[Dict[str, str]] = cls.__dict__.get("_names_cache")
        if cached is None:
            cached = {
                cls._keys.get(f.name, f.name): f.name
                for f in dataclasses.fields(cls)  # type: ignore[arg-type]
            }
            setattr(cls, "_names_cache", cached)
        return cached


class Config:
    """Base of config objects: the core's defaults, overridden by keyword arguments or a dict.

    Unknown keys raise :class:`InvalidConfigError`; values are checked by the core when the
    object is built. Objects are immutable; ``replace(**changes)`` returns a new one.
    """

    __slots__ = ("_data",)
    #: name of the core config (see ``_core.config_defaults``)
    _kind: ClassVar[str] = ""

    def __init__(self, data: Mapping[str, Any] | None = None, **overrides: Any) -> None:
        from . import _core

        merged: Dict[str, Any] = dict(_core.config_defaults(self._kind))
        for key, value in {**(dict(data) if data else {}), **overrides}.items():
            if key not in merged:
                raise InvalidConfigError(
                    f"{type(self).__name__}: unknown option {key!r}", "invalid_config"
                )
            try:
                merged[key] = _plain(value)
            except RecursionError:  # a hostile value nested without end
                raise InvalidConfigError(
                    f"{type(self).__name__}: option {key!r} is nested too deep", "invalid_config"
                ) from None
        # Round trip through the core: type errors surface now, not at first use.
        object.__setattr__(self, "_data", _core.config_check(self._kind, merged))

    @classmethod
    def from_dict(cls: Type[C], data: Mapping[str, Any]) -> C:
        """Same as ``cls(data)``."""
        return cls(data)

    def to_dict(self) -> Dict[str, Any]:
        """The full config as plain data, defaults included."""
        data: Dict[str, Any] = _plain(self._data)
        return data

    def replace(self: C, **changes: Any) -> C:
        """A copy with some options changed."""
        return type(self)(self._data, **changes)

    def __reduce__(self) -> Tuple[Type["Config"], Tuple[Dict[str, Any]]]:
        # Immutable: rebuild through __init__ (pickling for task queues, copy.deepcopy).
        return (type(self), (self.to_dict(),))

    def __getattr__(self, name: str) -> Any:
        try:
            return object.__getattribute__(self, "_data")[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"


@dataclasses.dataclass(frozen=True)
class AreaCode(Result):
    """One assigned NANP area code and where it is."""

    npa: int
    region: str
    state: str
    place: str
    zones: Tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class PhoneNumber(Result):
    """A number in E.164 form, with its extension when one was written."""

    e164: str
    extension: Optional[str] = None


@dataclasses.dataclass(frozen=True)
class Classification(Result):
    """A line type (``mobile``, ``landline``, ``voip``, ``tollfree``, ``premium``,
    ``personal``, ``unknown``) and the evidence for it."""

    phone_type: str
    evidence: Tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Sighting(Result):
    """One sighting of a number on a page (input of :func:`phonestorm.score_site`)."""

    number: PhoneNumber
    raw: str
    placement: str
    role: str = "main"
    page_kind: str = "other"
    page: Optional[str] = None

    _nested: ClassVar[Dict[str, Type[Result]]] = {"number": PhoneNumber}


@dataclasses.dataclass(frozen=True)
class ScoredNumber(Result):
    """One number of a site with its confidence and the explanation of it."""

    number: PhoneNumber
    raw: str
    confidence: float
    source: str
    phone_type: str
    role: str
    sightings: int
    explanation: Tuple[str, ...]
    rejected: Optional[str]

    _nested: ClassVar[Dict[str, Type[Result]]] = {"number": PhoneNumber}


@dataclasses.dataclass(frozen=True)
class LeadPhoneFields(Result):
    """The seed's LeadEvent phone fields (snake_case, stored as is)."""

    lead_phone_raw: Optional[str]
    lead_phone_e164: Optional[str]
    phone_confidence: float
    phone_source: Optional[str]
    phone_type: Optional[str]


@dataclasses.dataclass(frozen=True)
class SiteScore(Result):
    """Every number of a site, scored, and the best one."""

    numbers: Tuple[ScoredNumber, ...]
    best: Optional[ScoredNumber]
    lead_phone_fields: LeadPhoneFields

    _nested: ClassVar[Dict[str, Type[Result]]] = {
        "numbers": ScoredNumber,
        "best": ScoredNumber,
        "lead_phone_fields": LeadPhoneFields,
    }


class ScoreConfig(Config):
    """Confidence weights and penalties for :func:`phonestorm.score_site` (seed 000 defaults):
    ``schema``, ``contact_page``, ``homepage``, ``footer``, ``other_page``, ``unknown``,
    ``tollfree_penalty``, ``multi_domain_penalty``, ``multi_domain_min``,
    ``reject_domains``, ``repeat_bonus``, ``repeat_bonus_max``."""

    __slots__ = ()
    _kind = "score"


@dataclasses.dataclass(frozen=True)
class Finding(Result):
    """One number found on a page, classified and scored.

    ``type`` is the line type; ``confidence`` is the number's site-level confidence;
    ``start``/``end`` index the input string (text input only).
    """

    e164: str
    raw: str
    extension: Optional[str]
    type: str
    role: str
    placement: str
    page_kind: str
    page: Optional[str]
    confidence: float
    start: Optional[int] = None
    end: Optional[int] = None
