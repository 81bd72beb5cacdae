//! Priority, domain retries, the autopilot cycle and the admin filters (seed 000 §9–§11).

use super::{EnrichmentStatus, LeadError, LeadEvent};
use crate::phone::PhoneType;
use crate::workflow::RetryPolicy;
use serde::{Deserialize, Serialize};

const DAY_MS: i64 = 86_400_000;

/// Lead rules. Defaults come from seed 000 where it gives numbers; the rest are
/// phonestorm's documented choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeadConfig {
    /// Statuses customers see (seed 000 §6). WITH_PHONE_ONLY is refused by [`LeadConfig::validate`].
    pub customer_visible: Vec<EnrichmentStatus>,
    /// Domain attempts for phone-only leads (seed 000 §10: 3).
    pub domain_max_attempts: u32,
    /// Backoff between domain attempts (phonestorm's choice: 1 h, then 4 h; no jitter).
    pub domain_retry: RetryPolicy,
    /// Archive leads without phone and without domain older than this (seed 000 §11: 30 days).
    pub archive_after_days: i64,
    /// Phone-bearing leads processed first in each cycle (seed 000 §11's "X"; phonestorm: 50).
    pub phone_leads_per_cycle: usize,
    /// Most leads processed per cycle, phone-less ones filling what the phone ones leave.
    pub max_leads_per_cycle: usize,
    /// PHONE_HIGH_VALUE: least confidence (0.7 = the seed's homepage weight: numbers from
    /// the contact page, schema or home page qualify; footer-only or random pages do not).
    pub high_value_min_confidence: f64,
    /// PHONE_HIGH_VALUE: line types that count as direct (toll-free, VoIP, premium and
    /// personal numbers do not; NANP geographic numbers are usually `unknown`).
    pub high_value_types: Vec<PhoneType>,
}

impl Default for LeadConfig {
    fn default() -> Self {
        LeadConfig {
            customer_visible: vec![
                EnrichmentStatus::EnrichedNoOutbound,
                EnrichmentStatus::OutboundSent,
            ],
            domain_max_attempts: 3,
            domain_retry: RetryPolicy {
                max_retries: 3,
                base_delay_ms: 3_600_000,
                multiplier: 4.0,
                max_delay_ms: DAY_MS as u64,
                jitter: 0.0,
            },
            archive_after_days: 30,
            phone_leads_per_cycle: 50,
            max_leads_per_cycle: 100,
            high_value_min_confidence: 0.7,
            high_value_types: vec![PhoneType::Mobile, PhoneType::Landline, PhoneType::Unknown],
        }
    }
}

impl LeadConfig {
    /// Refuses configs that would break the seed's rules or hold bad numbers.
    ///
    /// ```
    /// use phonestorm_core::lead::{EnrichmentStatus, LeadConfig};
    /// let mut cfg = LeadConfig::default();
    /// assert!(cfg.validate().is_ok());
    /// cfg.customer_visible.push(EnrichmentStatus::WithPhoneOnly);
    /// assert_eq!(cfg.validate().unwrap_err().code(), "invalid_config");
    /// ```
    pub fn validate(&self) -> Result<(), LeadError> {
        if self
            .customer_visible
            .contains(&EnrichmentStatus::WithPhoneOnly)
        {
            return Err(LeadError::InvalidConfig(
                "WITH_PHONE_ONLY is never customer-visible".into(),
            ));
        }
        let c = self.high_value_min_confidence;
        if !c.is_finite() || !(0.0..=1.0).contains(&c) {
            return Err(LeadError::InvalidConfig("high_value_min_confidence".into()));
        }
        if self.archive_after_days < 0 {
            return Err(LeadError::InvalidConfig("archive_after_days".into()));
        }
        self.domain_retry
            .validate()
            .map_err(|e| LeadError::InvalidConfig(format!("domain_retry: {e}")))
    }
}

/// Where a lead stands for domain discovery by phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum DomainRetry {
    /// Not needed: the domain is known, or there is no phone to search with.
    NotNeeded,
    /// An attempt may run now.
    Due,
    /// The next attempt may run at this time (Unix ms).
    WaitUntil {
        /// Unix ms.
        at_ms: i64,
    },
    /// All attempts used.
    Exhausted,
}

/// Priority tier (seed 000 §10), best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriorityTier {
    /// Phone and domain: enrich first.
    PhoneAndDomain,
    /// Phone only: domain attempts on the backoff schedule.
    PhoneOnly,
    /// No phone: deprioritised.
    NoPhone,
    /// Nothing to enrich (outbound sent, archived, or already enriched).
    Done,
}

/// A lead's priority.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    /// The tier.
    pub tier: PriorityTier,
    /// Within a tier, higher first: the phone confidence (seed 000 §11 "boost urgency on
    /// phone-bearing leads"), 0 without a phone.
    pub urgency: f64,
    /// Domain discovery by phone.
    pub domain_retry: DomainRetry,
    /// Whether the lead should be processed now.
    pub actionable: bool,
}

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The priority of a lead at `now_ms`.
///
/// ```
/// use phonestorm_core::lead::{priority, DomainRetry, LeadConfig, LeadEvent, PriorityTier};
/// let mut lead = LeadEvent { id: "L1".into(), ..Default::default() };
/// lead.phone.lead_phone_e164 = Some("+13052345678".into());
/// lead.domain_attempts = 1;
/// lead.last_domain_attempt_at_ms = Some(0);
/// let p = priority(&lead, 1_000, &LeadConfig::default());
/// assert_eq!(p.tier, PriorityTier::PhoneOnly);
/// assert_eq!(p.domain_retry, DomainRetry::WaitUntil { at_ms: 3_600_000 });
/// assert!(!p.actionable);
/// ```
pub fn priority(lead: &LeadEvent, now_ms: i64, config: &LeadConfig) -> Priority {
    use EnrichmentStatus::*;
    let phone = lead.has_phone();
    let domain = lead.has_domain();
    let done = matches!(
        lead.enrichment_status,
        OutboundSent | Archived | EnrichedNoOutbound
    );
    let domain_retry = if domain || !phone {
        DomainRetry::NotNeeded
    } else if lead.domain_attempts >= config.domain_max_attempts {
        DomainRetry::Exhausted
    } else {
        match (lead.domain_attempts, lead.last_domain_attempt_at_ms) {
            (0, _) | (_, None) => DomainRetry::Due,
            (n, Some(last)) => {
                let delay = config
                    .domain_retry
                    .delay_ms(n - 1, fnv1a(&lead.id))
                    .unwrap_or(config.domain_retry.max_delay_ms);
                let at_ms = last.saturating_add(i64::try_from(delay).unwrap_or(i64::MAX));
                if now_ms >= at_ms {
                    DomainRetry::Due
                } else {
                    DomainRetry::WaitUntil { at_ms }
                }
            }
        }
    };
    let tier = match (done, phone, domain) {
        (true, _, _) => PriorityTier::Done,
        (false, true, true) => PriorityTier::PhoneAndDomain,
        (false, true, false) => PriorityTier::PhoneOnly,
        (false, false, _) => PriorityTier::NoPhone,
    };
    let actionable = match tier {
        PriorityTier::Done => false,
        // Phone only: a domain attempt is due, or the attempts are spent and the phone
        // itself is the contact channel (WITH_PHONE_ONLY path) — then nothing is left to do.
        PriorityTier::PhoneOnly => domain_retry == DomainRetry::Due,
        _ => true,
    };
    Priority {
        tier,
        urgency: if phone { lead.confidence() } else { 0.0 },
        domain_retry,
        actionable,
    }
}

/// One autopilot cycle's decisions: indices into the input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CyclePlan {
    /// Leads to process now, in order.
    pub process: Vec<usize>,
    /// Leads to archive (no phone, no domain, older than the limit).
    pub archive: Vec<usize>,
}

/// Plans one autopilot cycle at `now_ms` (seed 000 §11): archive leads without phone and
/// without domain created more than `archive_after_days` ago; then process up to
/// `phone_leads_per_cycle` actionable phone-bearing leads (phone + domain first, then
/// phone-only with a due domain attempt; higher confidence first, older first), then fill
/// up to `max_leads_per_cycle` with phone-less leads (older first).
///
/// ```
/// use phonestorm_core::lead::{plan_cycle, LeadConfig, LeadEvent};
/// let day = 86_400_000;
/// let mut with_phone = LeadEvent { id: "a".into(), created_at_ms: 40 * day, ..Default::default() };
/// with_phone.phone.lead_phone_e164 = Some("+13052345678".into());
/// let stale = LeadEvent { id: "b".into(), created_at_ms: 0, ..Default::default() };
/// let fresh = LeadEvent { id: "c".into(), created_at_ms: 39 * day, ..Default::default() };
/// let plan = plan_cycle(&[stale, fresh, with_phone], 41 * day, &LeadConfig::default());
/// assert_eq!(plan.archive, vec![0]);
/// assert_eq!(plan.process, vec![2, 1]);
/// ```
pub fn plan_cycle(leads: &[LeadEvent], now_ms: i64, config: &LeadConfig) -> CyclePlan {
    use EnrichmentStatus::*;
    let limit = config.archive_after_days.saturating_mul(DAY_MS);
    let mut plan = CyclePlan::default();
    let mut phone_leads = Vec::new();
    let mut other = Vec::new();
    for (i, lead) in leads.iter().enumerate() {
        if matches!(lead.enrichment_status, Archived | OutboundSent) {
            continue;
        }
        if !lead.has_phone()
            && !lead.has_domain()
            && now_ms.saturating_sub(lead.created_at_ms) > limit
        {
            plan.archive.push(i);
            continue;
        }
        let p = priority(lead, now_ms, config);
        if !p.actionable {
            continue;
        }
        if p.tier == PriorityTier::NoPhone {
            other.push((i, p));
        } else {
            phone_leads.push((i, p));
        }
    }
    phone_leads.sort_by(|a, b| {
        a.1.tier
            .cmp(&b.1.tier)
            .then(b.1.urgency.total_cmp(&a.1.urgency))
            .then(leads[a.0].created_at_ms.cmp(&leads[b.0].created_at_ms))
            .then(a.0.cmp(&b.0))
    });
    other.sort_by(|a, b| {
        leads[a.0]
            .created_at_ms
            .cmp(&leads[b.0].created_at_ms)
            .then(a.0.cmp(&b.0))
    });
    plan.process.extend(
        phone_leads
            .iter()
            .take(config.phone_leads_per_cycle.min(config.max_leads_per_cycle))
            .map(|x| x.0),
    );
    let room = config
        .max_leads_per_cycle
        .saturating_sub(plan.process.len());
    plan.process.extend(other.iter().take(room).map(|x| x.0));
    plan
}

/// The admin console's filter tabs (seed 000 §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AdminFilter {
    /// Leads in WITH_PHONE_ONLY.
    WithPhoneOnly,
    /// Leads whose phone is high value (see [`is_high_value`]).
    PhoneHighValue,
}

/// PHONE_HIGH_VALUE: a number in E.164 with confidence ≥ `high_value_min_confidence` and a
/// type in `high_value_types`.
///
/// ```
/// use phonestorm_core::lead::{is_high_value, LeadConfig, LeadEvent};
/// use phonestorm_core::phone::PhoneType;
/// let mut lead = LeadEvent::default();
/// lead.phone.lead_phone_e164 = Some("+13052345678".into());
/// lead.phone.phone_confidence = 0.8;
/// lead.phone.phone_type = Some(PhoneType::Mobile);
/// assert!(is_high_value(&lead, &LeadConfig::default()));
/// lead.phone.phone_type = Some(PhoneType::Tollfree);
/// assert!(!is_high_value(&lead, &LeadConfig::default()));
/// ```
pub fn is_high_value(lead: &LeadEvent, config: &LeadConfig) -> bool {
    let ty = lead.phone.phone_type.unwrap_or(PhoneType::Unknown);
    lead.has_phone()
        && lead.phone.phone_confidence >= config.high_value_min_confidence
        && config.high_value_types.contains(&ty)
}

/// Indices of the leads matching an admin filter.
pub fn admin_filter(leads: &[LeadEvent], filter: AdminFilter, config: &LeadConfig) -> Vec<usize> {
    leads
        .iter()
        .enumerate()
        .filter(|(_, l)| match filter {
            AdminFilter::WithPhoneOnly => l.enrichment_status == EnrichmentStatus::WithPhoneOnly,
            AdminFilter::PhoneHighValue => is_high_value(l, config),
        })
        .map(|(i, _)| i)
        .collect()
}
