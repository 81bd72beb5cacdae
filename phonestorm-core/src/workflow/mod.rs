//! The lead-generation workflow of seed 001: the `lead_gen_flow` phases and their progress,
//! the per-opportunity lifecycle, `textQuery` building with the ≤ 20 clamp, and retry
//! delays (exponential backoff with jitter, a pure function of the attempt and a seed).

mod flow;
mod lifecycle;
mod query;
mod retry;

pub use flow::{
    FlowEvent, FlowStatus, LeadGenFlow, OpportunityCounts, Phase, PhaseState, PhaseStatus,
    ProgressConfig, progress,
};
pub use lifecycle::{OpportunityStatus, transition};
pub use query::{SourceConfig, clamp_num_leads, text_query};
pub use retry::RetryPolicy;

/// Why a workflow step was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WorkflowError {
    /// An opportunity lifecycle transition that the lifecycle does not allow.
    #[error("illegal opportunity transition {from} -> {to}")]
    IllegalTransition {
        /// Current status.
        from: String,
        /// Requested status.
        to: String,
    },
    /// A phase event out of order (e.g. starting `scrape_content` before `persist_leads` completed).
    #[error("illegal phase step: {0}")]
    IllegalPhase(String),
    /// An event names an opportunity the flow does not have.
    #[error("unknown opportunity: {0}")]
    UnknownOpportunity(usize),
    /// `targetVertical` or `targetGeography` is empty.
    #[error("empty {0}")]
    EmptyQueryPart(&'static str),
    /// `numLeads` is 0.
    #[error("numLeads must be at least 1")]
    ZeroLeads,
    /// A weight or retry value is NaN, infinite or negative, or the weights sum to 0.
    #[error("invalid config value for {0}")]
    InvalidConfig(String),
}

impl WorkflowError {
    /// A stable snake_case code for this error (exposed by the bindings).
    pub fn code(&self) -> &'static str {
        match self {
            WorkflowError::IllegalTransition { .. } => "illegal_transition",
            WorkflowError::IllegalPhase(_) => "illegal_phase",
            WorkflowError::UnknownOpportunity(_) => "unknown_opportunity",
            WorkflowError::EmptyQueryPart(_) => "empty_query_part",
            WorkflowError::ZeroLeads => "zero_leads",
            WorkflowError::InvalidConfig(_) => "invalid_config",
        }
    }
}
