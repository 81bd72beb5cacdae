//! Phase `source`: the Places text query and the lead-count clamp.

use super::WorkflowError;
use serde::{Deserialize, Serialize};

/// Sourcing limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceConfig {
    /// Most places fetched per run (seed 001: "clamp to ≤20", the Places page size).
    pub max_leads: u32,
}

impl Default for SourceConfig {
    fn default() -> Self {
        SourceConfig { max_leads: 20 }
    }
}

/// `"{targetVertical} in {targetGeography}"` (seed 001), whitespace collapsed.
///
/// ```
/// use phonestorm_core::workflow::text_query;
/// assert_eq!(text_query(" med  spa ", "Miami, FL").unwrap(), "med spa in Miami, FL");
/// assert_eq!(text_query("", "Miami").unwrap_err().code(), "empty_query_part");
/// ```
pub fn text_query(target_vertical: &str, target_geography: &str) -> Result<String, WorkflowError> {
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let v = clean(target_vertical);
    let g = clean(target_geography);
    if v.is_empty() {
        return Err(WorkflowError::EmptyQueryPart("targetVertical"));
    }
    if g.is_empty() {
        return Err(WorkflowError::EmptyQueryPart("targetGeography"));
    }
    Ok(format!("{v} in {g}"))
}

/// `numLeads` clamped to `1..=max_leads`; 0 is an error.
///
/// ```
/// use phonestorm_core::workflow::{clamp_num_leads, SourceConfig};
/// assert_eq!(clamp_num_leads(50, &SourceConfig::default()).unwrap(), 20);
/// assert_eq!(clamp_num_leads(7, &SourceConfig::default()).unwrap(), 7);
/// assert!(clamp_num_leads(0, &SourceConfig::default()).is_err());
/// ```
pub fn clamp_num_leads(num_leads: u32, config: &SourceConfig) -> Result<u32, WorkflowError> {
    if num_leads == 0 {
        return Err(WorkflowError::ZeroLeads);
    }
    Ok(num_leads.min(config.max_leads.max(1)))
}
