//! Why a string could not be turned into a phone number.

use super::nanp::NanpInvalid;

/// Why [`normalize`](super::normalize::normalize) rejected its input.
///
/// Every variant has a stable snake_case [`code`](PhoneError::code) that the Python and
/// JavaScript bindings expose and that `testdata/normalize/*.json` names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneError {
    /// The input holds no digits at all.
    #[error("no phone number in the input")]
    Empty,
    /// The input is longer than [`MAX_INPUT_BYTES`](super::normalize::MAX_INPUT_BYTES).
    #[error("input too long ({len} bytes, limit {limit})")]
    TooLong {
        /// Length of the input in bytes.
        len: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A character that has no place in a written phone number.
    #[error("unexpected character {ch:?} at byte {at}")]
    InvalidCharacter {
        /// The character.
        ch: char,
        /// Its byte offset in the input.
        at: usize,
    },
    /// Fewer digits than a number of this country needs.
    #[error("too few digits ({digits})")]
    TooFewDigits {
        /// How many digits were found.
        digits: usize,
    },
    /// More digits than a number of this country can have.
    #[error("too many digits ({digits})")]
    TooManyDigits {
        /// How many digits were found.
        digits: usize,
    },
    /// An extension marker without digits, with too many digits, or followed by other text.
    #[error("invalid extension")]
    InvalidExtension,
    /// Ten digits that are not a dialable North American number.
    #[error("not a valid NANP number: {0:?}")]
    Nanp(NanpInvalid),
    /// The default region is not an ISO 3166 code that has a numbering plan.
    #[error("unknown region {0:?}")]
    UnknownRegion(String),
    /// A number outside +1 that the numbering metadata cannot parse or does not accept.
    #[error("not a valid number for its country")]
    InvalidInternational,
    /// A `+` or `011` prefix followed by a country calling code that does not exist.
    #[error("unknown country calling code")]
    UnknownCountryCode,
    /// A number outside +1 in a build without the `intl` feature (no numbering metadata).
    #[error("numbers outside +1 need the `intl` feature")]
    InternationalUnsupported,
}

impl PhoneError {
    /// Stable snake_case code of the error, e.g. `"nanp_fictional"`.
    ///
    /// ```
    /// use phonestorm_core::phone::{normalize::normalize, PhoneError};
    /// let err = normalize("305-555-0123", "US").unwrap_err();
    /// assert_eq!(err.code(), "nanp_fictional");
    /// assert_eq!(PhoneError::Empty.code(), "empty");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            PhoneError::Empty => "empty",
            PhoneError::TooLong { .. } => "too_long",
            PhoneError::InvalidCharacter { .. } => "invalid_character",
            PhoneError::TooFewDigits { .. } => "too_few_digits",
            PhoneError::TooManyDigits { .. } => "too_many_digits",
            PhoneError::InvalidExtension => "invalid_extension",
            PhoneError::Nanp(reason) => match reason {
                NanpInvalid::Length => "nanp_length",
                NanpInvalid::NpaLeadingDigit => "nanp_npa_leading_digit",
                NanpInvalid::NpaN11 => "nanp_npa_n11",
                NanpInvalid::NpaUnassigned => "nanp_npa_unassigned",
                NanpInvalid::NxxLeadingDigit => "nanp_nxx_leading_digit",
                NanpInvalid::NxxN11 => "nanp_nxx_n11",
                NanpInvalid::Fictional => "nanp_fictional",
            },
            PhoneError::UnknownRegion(_) => "unknown_region",
            PhoneError::InvalidInternational => "invalid_international",
            PhoneError::UnknownCountryCode => "unknown_country_code",
            PhoneError::InternationalUnsupported => "international_unsupported",
        }
    }
}
