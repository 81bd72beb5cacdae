//! What do we say? Templates with strict variables, SMS composition (footer, GSM-7 /
//! UCS-2 segments, limits), LLM output cleanup, the seed 000 suggested texts, and email
//! with a CAN-SPAM footer.

mod cleanup;
mod email;
mod gsm;
mod sms;
mod suggest;
mod template;

pub use cleanup::clean_llm_output;
pub use email::{CanSpamFooter, DEFAULT_EMAIL_MAX_WORDS, Email, compose_email};
pub use gsm::{Encoding, Segments, gsm_safe, is_gsm, is_gsm_basic, is_gsm_extension, segments};
pub use sms::{Sms, SmsConfig, compose_sms};
pub use suggest::{SuggestConfig, confidence_tag, suggested_call_script, suggested_sms};
pub use template::{render, variables};

/// Errors of the message module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MessageError {
    /// A template variable has no value.
    #[error("template variable {{{0}}} has no value")]
    MissingVariable(String),
    /// A template variable's value is blank.
    #[error("template variable {{{0}}} is blank")]
    EmptyVariable(String),
    /// A `{` without its `}`.
    #[error("unclosed '{{' at byte {at}")]
    UnclosedBrace {
        /// Byte offset.
        at: usize,
    },
    /// A `}` without its `{` (write `}}` for a literal brace).
    #[error("stray '}}' at byte {at}")]
    StrayBrace {
        /// Byte offset.
        at: usize,
    },
    /// A placeholder name with characters other than letters, digits, `_`, `-`, `.`, space.
    #[error("bad template variable name {0:?}")]
    BadVariableName(String),
    /// The message is empty after cleanup.
    #[error("message is empty")]
    Empty,
    /// Longer than the character limit.
    #[error("message has {chars} characters, limit {max}")]
    TooLong {
        /// Characters.
        chars: usize,
        /// Limit.
        max: usize,
    },
    /// More SMS segments than allowed.
    #[error("message needs {segments} SMS segments, limit {max}")]
    TooManySegments {
        /// Segments.
        segments: usize,
        /// Limit.
        max: usize,
    },
    /// Email body longer than the word limit.
    #[error("email has {words} words, limit {max}")]
    TooManyWords {
        /// Words.
        words: usize,
        /// Limit.
        max: usize,
    },
    /// CAN-SPAM requires the sender's postal address.
    #[error("a postal address is required in commercial email (CAN-SPAM)")]
    MissingPostalAddress,
}

impl MessageError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            MessageError::MissingVariable(_) => "missing_variable",
            MessageError::EmptyVariable(_) => "empty_variable",
            MessageError::UnclosedBrace { .. } => "unclosed_brace",
            MessageError::StrayBrace { .. } => "stray_brace",
            MessageError::BadVariableName(_) => "bad_variable_name",
            MessageError::Empty => "empty",
            MessageError::TooLong { .. } => "too_long",
            MessageError::TooManySegments { .. } => "too_many_segments",
            MessageError::TooManyWords { .. } => "too_many_words",
            MessageError::MissingPostalAddress => "missing_postal_address",
        }
    }
}
