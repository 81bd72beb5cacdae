"""Types of the native module ``phonestorm._core`` (bindings/python/src/*.rs).

Values are the core's serde shapes as plain Python data; the ``phonestorm`` package wraps
them in frozen result objects. Errors are the classes of ``phonestorm._errors``.
"""

from typing import Any, Dict, List, Mapping, Optional, Sequence, TypedDict

__version__: str
NANP_SOURCE_VERSION: str

class _AreaCode(TypedDict):
    npa: int
    region: str
    state: str
    place: str
    zones: List[str]

class _PhoneNumber(TypedDict):
    e164: str
    extension: Optional[str]

class _Classification(TypedDict):
    phone_type: str
    evidence: List[str]

def area_code(npa: int) -> Optional[_AreaCode]: ...
def normalize(text: str, region: str = "US") -> str: ...
def parse(text: str, region: str = "US") -> _PhoneNumber: ...
def normalize_many(texts: Sequence[str], region: str = "US") -> List[Optional[str]]: ...
def classify(number: Mapping[str, Any], input: Mapping[str, Any]) -> _Classification: ...
def score_site(
    sightings: Sequence[Mapping[str, Any]],
    domain_counts: Optional[Mapping[str, int]] = None,
    config: Optional[Mapping[str, Any]] = None,
) -> Dict[str, Any]: ...
def config_defaults(kind: str) -> Dict[str, Any]: ...
def config_check(kind: str, value: Mapping[str, Any]) -> Dict[str, Any]: ...
def extract_phones_text(
    text: str, options: Optional[Mapping[str, Any]] = None
) -> List[Dict[str, Any]]: ...
def extract_phones_text_many(
    texts: Sequence[str], options: Optional[Mapping[str, Any]] = None
) -> List[List[Dict[str, Any]]]: ...
def extract_phones(
    html: str, options: Optional[Mapping[str, Any]] = None
) -> List[Dict[str, Any]]: ...
def extract_phones_many(
    pages: Sequence[str], options: Optional[Mapping[str, Any]] = None
) -> List[List[Dict[str, Any]]]: ...
def check_send(request: Mapping[str, Any]) -> Dict[str, Any]: ...
def classify_reply(text: str) -> Dict[str, Any]: ...
