//! The crate's error type.

/// What went wrong in the outreach engine.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutreachError {
    /// The database failed or returned something unexpected.
    #[error("store: {0}")]
    Store(String),
    /// A record was not found.
    #[error("not found: {0}")]
    NotFound(String),
    /// Input was invalid (bad schedule, bad CSV, bad phone).
    #[error("invalid: {0}")]
    Invalid(String),
    /// A provider (Twilio, SMTP, Ollama, DNS) failed; `retryable` tells whether to try again.
    #[error("provider: {message}")]
    Provider {
        /// Provider's message.
        message: String,
        /// Provider error code, if any.
        code: Option<String>,
        /// Worth retrying later.
        retryable: bool,
    },
    /// A webhook signature was missing or wrong.
    #[error("bad signature")]
    BadSignature,
    /// A limit was reached (e.g. 2 manual SMS per user per day).
    #[error("limit: {0}")]
    Limit(String),
    /// The compliance gate refused.
    #[error("denied: {0}")]
    Denied(String),
    /// A provider took too long.
    #[error("timeout: {0}")]
    Timeout(String),
}

impl OutreachError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            OutreachError::Store(_) => "store",
            OutreachError::NotFound(_) => "not_found",
            OutreachError::Invalid(_) => "invalid",
            OutreachError::Provider { .. } => "provider",
            OutreachError::BadSignature => "bad_signature",
            OutreachError::Limit(_) => "limit",
            OutreachError::Denied(_) => "denied",
            OutreachError::Timeout(_) => "timeout",
        }
    }
    /// True for timeouts.
    pub fn is_timeout(&self) -> bool {
        matches!(self, OutreachError::Timeout(_))
    }
    /// True when trying again later may succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            OutreachError::Provider { retryable, .. } => *retryable,
            OutreachError::Timeout(_) => true,
            _ => false,
        }
    }
}
