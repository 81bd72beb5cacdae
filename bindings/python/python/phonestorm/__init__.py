"""phonestorm: phone, email and lead intelligence for business leads (Rust core).

Every decision is made by ``phonestorm-core`` (Rust); this package is a thin, typed layer
over the native module ``phonestorm._core``.
"""

from __future__ import annotations

from typing import Optional

from . import _core
from ._errors import InvalidConfigError, PhoneError, PhonestormError
from ._types import AreaCode, Config, Result

__version__: str = _core.__version__
#: Version of the numbering data the NANP table was generated from.
NANP_SOURCE_VERSION: str = _core.NANP_SOURCE_VERSION

__all__ = [
    "__version__",
    "NANP_SOURCE_VERSION",
    "PhonestormError",
    "InvalidConfigError",
    "PhoneError",
    "Result",
    "Config",
    "AreaCode",
    "area_code",
]


def area_code(npa: int) -> Optional[AreaCode]:
    """The assigned NANP area code ``npa`` (e.g. 305), or None when unassigned."""
    data = _core.area_code(npa)
    return None if data is None else AreaCode.from_dict(data)
