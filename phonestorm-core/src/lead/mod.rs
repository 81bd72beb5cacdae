//! Leads in the ARCHANGEL enrichment pipeline (seed 000 §2.1, §6, §9, §10, §11): the
//! `LeadEvent` record with its phone fields, the enrichment status and its transitions,
//! the customer-visible rule, priority and the domain-retry schedule, the autopilot cycle
//! (phone-bearing leads first, archive of dead leads) and the admin console filters.

mod event;
mod plan;
mod status;

pub use event::{LeadEvent, LeadPhoneFields};
pub use plan::{
    AdminFilter, CyclePlan, DomainRetry, LeadConfig, Priority, PriorityTier, admin_filter,
    is_high_value, plan_cycle, priority,
};
pub use status::{EnrichmentStatus, is_customer_visible, mark_outbound_sent, next_status};

/// Why a lead operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LeadError {
    /// A status change the state machine does not allow.
    #[error("illegal enrichment transition {from} -> {to}")]
    IllegalTransition {
        /// Current status.
        from: String,
        /// Requested status.
        to: String,
    },
    /// A config value is invalid (e.g. WITH_PHONE_ONLY listed as customer-visible, NaN threshold).
    #[error("invalid lead config: {0}")]
    InvalidConfig(String),
    /// `phone_confidence` is NaN or outside 0..=1.
    #[error("phone_confidence out of range: {0}")]
    InvalidConfidence(String),
}

impl LeadError {
    /// A stable snake_case code for this error (exposed by the bindings).
    pub fn code(&self) -> &'static str {
        match self {
            LeadError::IllegalTransition { .. } => "illegal_transition",
            LeadError::InvalidConfig(_) => "invalid_config",
            LeadError::InvalidConfidence(_) => "invalid_confidence",
        }
    }
}
