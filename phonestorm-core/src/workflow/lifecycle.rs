//! The `client_opportunities` lifecycle: SOURCED → SCRAPING → DATA_READY → AUDITING → READY.

use super::WorkflowError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Status of one opportunity (Convex `client_opportunities.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OpportunityStatus {
    /// Saved from Places.
    Sourced,
    /// Its website is being scraped.
    Scraping,
    /// Scraped (or nothing to scrape).
    DataReady,
    /// A deep audit is running.
    Auditing,
    /// Ready for the agency.
    Ready,
    /// The agency contacted it (seed 001's schema comment lists `CONTACTED`).
    Contacted,
}

impl OpportunityStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            OpportunityStatus::Sourced => "SOURCED",
            OpportunityStatus::Scraping => "SCRAPING",
            OpportunityStatus::DataReady => "DATA_READY",
            OpportunityStatus::Auditing => "AUDITING",
            OpportunityStatus::Ready => "READY",
            OpportunityStatus::Contacted => "CONTACTED",
        }
    }
}

impl fmt::Display for OpportunityStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Checks one lifecycle step. Allowed: SOURCED → SCRAPING (has a website), SOURCED →
/// DATA_READY (no website: SCRAPING is skipped), SCRAPING → DATA_READY, DATA_READY →
/// AUDITING, AUDITING → READY, DATA_READY → READY (not selected for a deep audit; a choice
/// where seed 001 is silent), READY → CONTACTED. Anything else is
/// [`WorkflowError::IllegalTransition`].
///
/// ```
/// use phonestorm_core::workflow::{transition, OpportunityStatus::*};
/// assert_eq!(transition(Sourced, Scraping, true), Ok(Scraping));
/// assert_eq!(transition(Sourced, DataReady, false), Ok(DataReady));
/// assert_eq!(transition(Sourced, DataReady, true).unwrap_err().code(), "illegal_transition");
/// assert!(transition(Ready, Sourced, true).is_err());
/// ```
pub fn transition(
    from: OpportunityStatus,
    to: OpportunityStatus,
    has_website: bool,
) -> Result<OpportunityStatus, WorkflowError> {
    use OpportunityStatus::*;
    let ok = match (from, to) {
        (Sourced, Scraping) => has_website,
        (Sourced, DataReady) => !has_website,
        (Scraping, DataReady)
        | (DataReady, Auditing)
        | (Auditing, Ready)
        | (DataReady, Ready)
        | (Ready, Contacted) => true,
        _ => false,
    };
    if ok {
        Ok(to)
    } else {
        Err(WorkflowError::IllegalTransition {
            from: from.to_string(),
            to: to.to_string(),
        })
    }
}
