//! NEEDS_WEB_AUDIT confirmation and the deterministic `fit_reason`.

use super::{AuditError, AuditReport};
use crate::qualify::{Qualifier, Signal};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Signals after the audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditOutcome {
    /// Initial signals (NEEDS_WEB_AUDIT kept only when confirmed) followed by the deep ones.
    pub signals: Vec<Signal>,
    /// True when the audit found a gap the agency wants: NEEDS_WEB_AUDIT is confirmed.
    pub confirmed: bool,
}

/// Confirms NEEDS_WEB_AUDIT when a gap is one the agency wants (its criteria), clears it
/// otherwise, and appends the deep signals found.
///
/// ```
/// use phonestorm_core::audit::resolve_signals;
/// use phonestorm_core::qualify::{QualifyConfig, Qualifier, Signal::*};
/// let q = Qualifier::new(QualifyConfig { criteria: vec!["NO_CALL_TO_ACTION".into()], ..Default::default() }).unwrap();
/// let out = resolve_signals(&[LowGoogleRating, NeedsWebAudit], &[NoEmail], &q);
/// assert!(!out.confirmed);
/// assert_eq!(out.signals, [LowGoogleRating, NoEmail]);
/// let out = resolve_signals(&[NeedsWebAudit], &[NoCallToAction], &q);
/// assert_eq!(out.signals, [NeedsWebAudit, NoCallToAction]);
/// ```
pub fn resolve_signals(initial: &[Signal], deep: &[Signal], qualifier: &Qualifier) -> AuditOutcome {
    let confirmed = deep.iter().any(|s| s.is_deep() && qualifier.wants(*s));
    let mut signals: Vec<Signal> = initial
        .iter()
        .copied()
        .filter(|s| confirmed || *s != Signal::NeedsWebAudit)
        .collect();
    for s in deep {
        if !signals.contains(s) {
            signals.push(*s);
        }
    }
    AuditOutcome { signals, confirmed }
}

impl AuditReport {
    /// [`resolve_signals`] with this report's deep signals.
    pub fn resolve(&self, initial: &[Signal], qualifier: &Qualifier) -> AuditOutcome {
        resolve_signals(initial, &self.signals, qualifier)
    }
}

/// Phrases for the `fit_reason` sentence. Defaults: phonestorm's wording, matching seed
/// 001's example "Opportunity: Low Google rating & no clear call-to-action on website."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FitConfig {
    /// Phrase per signal name; signals without a phrase are not mentioned.
    pub phrases: BTreeMap<String, String>,
    /// Most phrases in one sentence.
    pub max_phrases: usize,
    /// Sentence prefix.
    pub prefix: String,
    /// The sentence when no signal has a phrase.
    pub no_gaps: String,
}

impl Default for FitConfig {
    fn default() -> Self {
        let phrases = [
            ("MISSING_WEBSITE", "no website"),
            (
                "WEAK_WEB_PRESENCE",
                "only a social or directory page as website",
            ),
            ("LOW_GOOGLE_RATING", "low Google rating"),
            ("WEBSITE_NOT_MOBILE_FRIENDLY", "website not mobile friendly"),
            ("NO_HTTPS", "website not secure (no HTTPS)"),
            ("MISSING_TITLE", "home page without a title"),
            (
                "MISSING_META_DESCRIPTION",
                "no meta description for search results",
            ),
            ("NO_CALL_TO_ACTION", "no clear call-to-action on website"),
            ("NO_CLICK_TO_CALL", "no click-to-call link"),
            ("NO_CONTACT_FORM", "no contact form"),
            (
                "NO_LOCAL_BUSINESS_SCHEMA",
                "no local business markup for Google",
            ),
            ("NO_EMAIL", "no contact email on website"),
            ("STALE_COPYRIGHT", "outdated website"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        FitConfig {
            phrases,
            max_phrases: 3,
            prefix: "Opportunity: ".into(),
            no_gaps: "Opportunity: no major gaps found.".into(),
        }
    }
}

/// A deterministic `fit_reason` from the initial and deep signals: the phrases of the
/// first `max_phrases` signals (in signal order), joined "A & B" / "A, B & C".
///
/// ```
/// use phonestorm_core::audit::{fit_reason, FitConfig};
/// use phonestorm_core::qualify::Signal::*;
/// assert_eq!(fit_reason(&[NoCallToAction, LowGoogleRating, NeedsWebAudit], &FitConfig::default()).unwrap(),
///            "Opportunity: Low Google rating & no clear call-to-action on website.");
/// ```
pub fn fit_reason(signals: &[Signal], config: &FitConfig) -> Result<String, AuditError> {
    let mut by_signal = BTreeMap::new();
    for (k, v) in &config.phrases {
        let s: Signal = k
            .parse()
            .map_err(|_| AuditError::UnknownSignal(k.chars().take(80).collect()))?;
        by_signal.insert(s, v.trim());
    }
    let mut sorted: Vec<Signal> = signals.to_vec();
    sorted.sort();
    sorted.dedup();
    let phrases: Vec<&str> = sorted
        .iter()
        .filter_map(|s| by_signal.get(s).copied())
        .filter(|p| !p.is_empty())
        .take(config.max_phrases.max(1))
        .collect();
    if phrases.is_empty() {
        return Ok(config.no_gaps.clone());
    }
    let mut text = match phrases.len() {
        1 => phrases[0].to_string(),
        n => format!("{} & {}", phrases[..n - 1].join(", "), phrases[n - 1]),
    };
    if let Some(first) = text.chars().next() {
        text = first.to_uppercase().chain(text.chars().skip(1)).collect();
    }
    Ok(format!("{}{}.", config.prefix, text))
}
