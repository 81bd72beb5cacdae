//! The seed 000 §7 portal texts: confidence tag, "Suggested SMS", "Suggested Call Script".

use super::MessageError;
use super::template::render;
use crate::phone::types::PhoneType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Settings of the suggested texts (the seed's wording is the default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SuggestConfig {
    /// Sender's name. Default "Sam Holliday" (seed 000 §7).
    pub sender_name: String,
    /// Sender's city. Default "Miami" (seed 000 §7).
    pub sender_city: String,
    /// The Suggested SMS template (seed 000 §7, with `{name}`, `{signal_context}`,
    /// `{sender_name}`, `{sender_city}`).
    pub sms_template: String,
    /// The Suggested Call Script template (ours; the seed asks for one "for manual calls").
    pub call_script_template: String,
    /// Confidence at or above which a mobile is "High Direct Value". Default 0.7.
    pub high_confidence: f64,
}

impl Default for SuggestConfig {
    fn default() -> Self {
        Self {
            sender_name: "Sam Holliday".into(),
            sender_city: "Miami".into(),
            sms_template:
                "Hey {name}, {sender_name} here in {sender_city} — saw {signal_context}. \
                           Wanted to share a quick local insight; is this the right number?"
                    .into(),
            call_script_template: "Hi, is this {name}? This is {sender_name}, a local business \
                                   advisor here in {sender_city}. I noticed {signal_context}, and \
                                   I have a quick idea that could help. Do you have two minutes? \
                                   [If yes] Share the insight and ask one question about their \
                                   goals. [If busy] Ask for a better time to call back. [If not \
                                   interested] Thank them and note it; do not call again."
                .into(),
            high_confidence: 0.7,
        }
    }
}

/// The portal's confidence tag for a number (seed 000 §7: "Mobile – High Direct Value",
/// "Landline – Medium Value"; the others are ours in the same style).
///
/// ```
/// use phonestorm_core::message::{confidence_tag, SuggestConfig};
/// use phonestorm_core::phone::types::PhoneType;
/// let cfg = SuggestConfig::default();
/// assert_eq!(confidence_tag(PhoneType::Mobile, 0.9, &cfg), "Mobile – High Direct Value");
/// assert_eq!(confidence_tag(PhoneType::Landline, 0.9, &cfg), "Landline – Medium Value");
/// ```
pub fn confidence_tag(kind: PhoneType, confidence: f64, cfg: &SuggestConfig) -> &'static str {
    match kind {
        PhoneType::Mobile if confidence >= cfg.high_confidence => "Mobile – High Direct Value",
        PhoneType::Mobile => "Mobile – Medium Value",
        PhoneType::Landline => "Landline – Medium Value",
        PhoneType::Voip => "VoIP – Medium Value",
        PhoneType::Tollfree => "Toll-free – Low Direct Value",
        PhoneType::Premium | PhoneType::Personal => "Special Number – Low Value",
        PhoneType::Unknown => "Phone – Unverified",
    }
}

fn vars(name: &str, signal_context: &str, cfg: &SuggestConfig) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("name".to_string(), name.to_string()),
        ("signal_context".to_string(), signal_context.to_string()),
        ("sender_name".to_string(), cfg.sender_name.clone()),
        ("sender_city".to_string(), cfg.sender_city.clone()),
    ])
}

/// The seed 000 §7 Suggested SMS (without the opt-out footer: add it with
/// [`super::compose_sms`] when sending).
///
/// ```
/// use phonestorm_core::message::{suggested_sms, SuggestConfig};
/// let s = suggested_sms("Ana", "your shop has no website", &SuggestConfig::default()).unwrap();
/// assert!(s.starts_with("Hey Ana, Sam Holliday here in Miami — saw your shop has no website."));
/// assert!(suggested_sms("", "x", &SuggestConfig::default()).is_err());
/// ```
pub fn suggested_sms(
    name: &str,
    signal_context: &str,
    cfg: &SuggestConfig,
) -> Result<String, MessageError> {
    render(&cfg.sms_template, &vars(name, signal_context, cfg))
}

/// The Suggested Call Script for manual calls.
pub fn suggested_call_script(
    name: &str,
    signal_context: &str,
    cfg: &SuggestConfig,
) -> Result<String, MessageError> {
    render(&cfg.call_script_template, &vars(name, signal_context, cfg))
}
