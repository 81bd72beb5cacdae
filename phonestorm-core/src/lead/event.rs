//! The `LeadEvent` record.

use super::{EnrichmentStatus, LeadError};
pub use crate::phone::LeadPhoneFields;
use serde::{Deserialize, Serialize};

/// A lead in the enrichment pipeline. Times are Unix milliseconds.
///
/// ```
/// use phonestorm_core::lead::{EnrichmentStatus, LeadEvent};
/// let json = r#"{"id": "L1", "domain": "joes.com", "enrichment_status": "WITH_PHONE_ONLY",
///   "lead_phone_raw": "(305) 234-5678", "lead_phone_e164": "+13052345678", "phone_confidence": 0.8,
///   "phone_source": "contact_page", "phone_type": "landline", "created_at_ms": 0}"#;
/// let lead: LeadEvent = serde_json::from_str(json).unwrap();
/// assert_eq!(lead.enrichment_status, EnrichmentStatus::WithPhoneOnly);
/// assert!(lead.has_phone() && lead.has_domain() && !lead.has_email());
/// let back = serde_json::to_value(&lead).unwrap();
/// assert_eq!(back["lead_phone_e164"], "+13052345678");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeadEvent {
    /// Lead id.
    pub id: String,
    /// Business name.
    pub business_name: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Vertical (`HVAC`, `med spa`...).
    pub vertical: Option<String>,
    /// Canonical domain, once discovered.
    pub domain: Option<String>,
    /// Contact email, once discovered.
    pub email: Option<String>,
    /// Enrichment status.
    pub enrichment_status: EnrichmentStatus,
    /// The phone fields of seed 000 §2.1 (`lead_phone_raw`, `lead_phone_e164`,
    /// `phone_confidence` (required), `phone_source`, `phone_type`), flattened.
    #[serde(flatten)]
    pub phone: LeadPhoneFields,
    /// Domain-discovery attempts made so far from the phone (reverse discovery).
    pub domain_attempts: u32,
    /// When the last domain attempt ran.
    pub last_domain_attempt_at_ms: Option<i64>,
    /// When the lead was created.
    pub created_at_ms: i64,
}

fn present(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|s| !s.trim().is_empty())
}

impl LeadEvent {
    /// True when a phone number (E.164) is known.
    pub fn has_phone(&self) -> bool {
        present(&self.phone.lead_phone_e164)
    }

    /// True when a domain is known.
    pub fn has_domain(&self) -> bool {
        present(&self.domain)
    }

    /// True when an email is known.
    pub fn has_email(&self) -> bool {
        present(&self.email)
    }

    /// Checks `phone_confidence` is a number within 0..=1.
    pub fn check(&self) -> Result<(), LeadError> {
        let c = self.phone.phone_confidence;
        if c.is_finite() && (0.0..=1.0).contains(&c) {
            Ok(())
        } else {
            Err(LeadError::InvalidConfidence(c.to_string()))
        }
    }

    /// The confidence as a usable number (NaN or out of range → clamped, NaN → 0).
    pub(crate) fn confidence(&self) -> f64 {
        let c = self.phone.phone_confidence;
        if c.is_nan() { 0.0 } else { c.clamp(0.0, 1.0) }
    }
}
