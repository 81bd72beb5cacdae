//! Enrichment status and its transitions (seed 000 §6).

use super::{LeadConfig, LeadError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a lead is in enrichment. Serialised SCREAMING_SNAKE_CASE (`WITH_PHONE_ONLY`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EnrichmentStatus {
    /// Not enriched yet (or nothing useful found so far).
    #[default]
    Pending,
    /// A phone was found but no email: internal only, never shown to customers.
    WithPhoneOnly,
    /// Enriched with an email, no outbound yet.
    EnrichedNoOutbound,
    /// Outbound sent.
    OutboundSent,
    /// Archived (no phone and no domain for too long).
    Archived,
}

impl EnrichmentStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            EnrichmentStatus::Pending => "PENDING",
            EnrichmentStatus::WithPhoneOnly => "WITH_PHONE_ONLY",
            EnrichmentStatus::EnrichedNoOutbound => "ENRICHED_NO_OUTBOUND",
            EnrichmentStatus::OutboundSent => "OUTBOUND_SENT",
            EnrichmentStatus::Archived => "ARCHIVED",
        }
    }
}

impl fmt::Display for EnrichmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The status after an enrichment pass found (cumulatively) a phone, an email, or neither.
/// OUTBOUND_SENT and ARCHIVED are terminal for enrichment and stay as they are; an email
/// makes a lead ENRICHED_NO_OUTBOUND; a phone without an email makes it WITH_PHONE_ONLY
/// (seed 000 §6); nothing keeps it PENDING.
///
/// ```
/// use phonestorm_core::lead::{next_status, EnrichmentStatus::*};
/// assert_eq!(next_status(Pending, true, false), WithPhoneOnly);
/// assert_eq!(next_status(WithPhoneOnly, true, true), EnrichedNoOutbound);
/// assert_eq!(next_status(Pending, false, false), Pending);
/// assert_eq!(next_status(OutboundSent, false, false), OutboundSent);
/// ```
pub fn next_status(
    current: EnrichmentStatus,
    has_phone: bool,
    has_email: bool,
) -> EnrichmentStatus {
    use EnrichmentStatus::*;
    match current {
        OutboundSent | Archived => current,
        _ if has_email => EnrichedNoOutbound,
        _ if has_phone => WithPhoneOnly,
        _ => Pending,
    }
}

/// Records an outbound send (email, or a manual SMS to a phone-only lead, seed 000 §8).
///
/// ```
/// use phonestorm_core::lead::{mark_outbound_sent, EnrichmentStatus::*};
/// assert_eq!(mark_outbound_sent(EnrichedNoOutbound), Ok(OutboundSent));
/// assert_eq!(mark_outbound_sent(Pending).unwrap_err().code(), "illegal_transition");
/// ```
pub fn mark_outbound_sent(current: EnrichmentStatus) -> Result<EnrichmentStatus, LeadError> {
    use EnrichmentStatus::*;
    match current {
        EnrichedNoOutbound | WithPhoneOnly | OutboundSent => Ok(OutboundSent),
        _ => Err(LeadError::IllegalTransition {
            from: current.to_string(),
            to: OutboundSent.to_string(),
        }),
    }
}

/// Whether customers may see a lead in this status (seed 000 §6: only ENRICHED_NO_OUTBOUND
/// and OUTBOUND_SENT by default; WITH_PHONE_ONLY never, whatever the config says).
///
/// ```
/// use phonestorm_core::lead::{is_customer_visible, LeadConfig, EnrichmentStatus::*};
/// let cfg = LeadConfig::default();
/// assert!(is_customer_visible(EnrichedNoOutbound, &cfg));
/// assert!(!is_customer_visible(WithPhoneOnly, &cfg));
/// assert!(!is_customer_visible(Pending, &cfg));
/// ```
pub fn is_customer_visible(status: EnrichmentStatus, config: &LeadConfig) -> bool {
    status != EnrichmentStatus::WithPhoneOnly && config.customer_visible.contains(&status)
}
