//! Lead qualification (seed 001, phase 1): the hard phone filter, signals from a
//! Places-like record, the qualification score against the agency's criteria, and the
//! selection of leads for a deep audit. Output is a Convex `client_opportunities` record.

mod opportunity;
mod place;
mod signal;

pub use opportunity::{
    Campaign, Discarded, Opportunity, Outcome, Qualifier, QualifyConfig, select_for_audit,
};
pub use place::Place;
pub use signal::Signal;

/// Why a place or a config could not be qualified.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum QualifyError {
    /// A signal name (in criteria, weights or phrases) is not one phonestorm knows.
    #[error("unknown signal: {0}")]
    UnknownSignal(String),
    /// The rating is NaN, infinite or outside 0..=5.
    #[error("invalid rating: {0}")]
    InvalidRating(f64),
    /// The review count is negative or not an integer.
    #[error("invalid review count: {0}")]
    InvalidReviewCount(String),
    /// A weight or threshold is NaN, infinite or negative.
    #[error("invalid config value for {0}")]
    InvalidConfig(String),
    /// The record is not a JSON object in either Google Places shape, or lacks a place id.
    #[error("bad place record: {0}")]
    BadPlace(String),
    /// The website URL does not parse.
    #[error("website URL does not parse: {0}")]
    BadWebsite(String),
}

impl QualifyError {
    /// A stable snake_case code for this error (exposed by the bindings).
    pub fn code(&self) -> &'static str {
        match self {
            QualifyError::UnknownSignal(_) => "unknown_signal",
            QualifyError::InvalidRating(_) => "invalid_rating",
            QualifyError::InvalidReviewCount(_) => "invalid_review_count",
            QualifyError::InvalidConfig(_) => "invalid_config",
            QualifyError::BadPlace(_) => "bad_place",
            QualifyError::BadWebsite(_) => "bad_website",
        }
    }
}
