//! The compliance gate every outbound message passes: nothing leaves without `Allow`.
//!
//! [`Gate`] is a trait so the rules are swappable. [`BasicGate`] is this crate's minimal,
//! documented rule set, used until `phonestorm_core::compliance::check` is wired in (it was
//! not on main when this was written). It implements (sources in `shared/COMPLIANCE.md`):
//!
//! - opt-out ledger and DNC hit → deny;
//! - calling hours in the recipient's local time: federal 8:00–21:00 (47 CFR 64.1200(c)(1));
//!   Florida, Oklahoma, Maryland, Washington, Alabama, Mississippi, Louisiana, Massachusetts
//!   8:00–20:00 (Fla. Stat. 501.616(6)(a) and the others in the table); every candidate zone
//!   of the area code must be inside the window; outside → defer to the first instant inside;
//! - at most 1 campaign message per contact per 24 h (seed 002 §4E "max 1 message per day per
//!   contact"), Florida's 3 per 24 h being looser;
//! - email: no hour limit (CAN-SPAM), opt-out only;
//! - unknown area code → deny.

use std::collections::BTreeMap;

use jiff::{Timestamp, tz::TimeZone};
use serde::{Deserialize, Serialize};

use crate::model::Channel;

/// Why a message is being sent (the rules differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A drip-campaign touch (a solicitation).
    CampaignTouch,
    /// A manual message by a user (seed 000 §8).
    Manual,
    /// An answer to the contact's own question.
    Reply,
    /// The one opt-out confirmation.
    OptOutConfirmation,
}

/// What the gate knows about one send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateInput {
    /// Channel.
    pub channel: Channel,
    /// E.164 phone or email.
    pub address: String,
    /// Purpose.
    pub purpose: Purpose,
    /// In the opt-out ledger.
    pub opted_out: bool,
    /// On the national DNC registry (and no exemption).
    pub on_dnc: bool,
    /// Outbound messages to this contact in the last 24 h.
    pub sent_last_24h: i64,
    /// State from a known street address (overrides the area code's).
    pub state: Option<String>,
}

/// The gate's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Send now.
    Allow,
    /// Not now; try at `until` (unix seconds).
    Defer {
        /// Earliest allowed instant.
        until: i64,
        /// Why.
        reason: String,
    },
    /// Never (for this message).
    Deny {
        /// Why.
        reason: String,
    },
}

/// The compliance rules, swappable.
pub trait Gate: Send + Sync {
    /// Decides whether this message may go now.
    fn check(&self, input: &GateInput, now: Timestamp) -> Decision;
}

/// Config of [`BasicGate`]; defaults cite their sources in the module docs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BasicGateConfig {
    /// Federal window `[start, end)` in local hours (47 CFR 64.1200(c)(1)).
    pub federal_hours: (u8, u8),
    /// Stricter state windows by USPS code.
    pub state_hours: BTreeMap<String, (u8, u8)>,
    /// Campaign messages per contact per 24 h (seed 002 §4E).
    pub max_per_contact_24h: i64,
}

impl Default for BasicGateConfig {
    fn default() -> Self {
        let eight_to_eight = ["FL", "OK", "MD", "WA", "AL", "MS", "LA", "MA"];
        BasicGateConfig {
            federal_hours: (8, 21),
            state_hours: eight_to_eight
                .iter()
                .map(|s| ((*s).to_owned(), (8, 20)))
                .collect(),
            max_per_contact_24h: 1,
        }
    }
}

/// This crate's minimal rule set (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct BasicGate {
    /// Config.
    pub config: BasicGateConfig,
}

fn zones_for(address: &str) -> Option<(&'static str, Vec<TimeZone>)> {
    let digits: String = address.chars().filter(char::is_ascii_digit).collect();
    let national = digits.strip_prefix('1').unwrap_or(&digits);
    let npa: u16 = national.get(0..3)?.parse().ok()?;
    let ac = phonestorm_core::phone::nanp::area_code(npa)?;
    let zones: Vec<TimeZone> = ac
        .zones
        .iter()
        .filter_map(|z| TimeZone::get(z).ok())
        .collect();
    if zones.is_empty() {
        return None;
    }
    Some((ac.state, zones))
}

fn inside(zones: &[TimeZone], at: Timestamp, (start, end): (u8, u8)) -> bool {
    zones.iter().all(|z| {
        let h = at.to_zoned(z.clone()).hour();
        h >= i8::try_from(start).unwrap_or(0) && h < i8::try_from(end).unwrap_or(24)
    })
}

impl Gate for BasicGate {
    fn check(&self, input: &GateInput, now: Timestamp) -> Decision {
        let deny = |r: &str| Decision::Deny { reason: r.into() };
        if input.purpose == Purpose::OptOutConfirmation {
            return Decision::Allow;
        }
        if input.opted_out {
            return deny("opted_out");
        }
        if input.channel == Channel::Email || input.purpose == Purpose::Reply {
            // Email has no hour rule; a reply answers the contact's own message.
            return Decision::Allow;
        }
        if input.on_dnc {
            return deny("dnc");
        }
        let Some((ac_state, zones)) = zones_for(&input.address) else {
            return deny("unknown_time_zone");
        };
        let state = input.state.as_deref().unwrap_or(ac_state);
        let window = self
            .config
            .state_hours
            .get(state)
            .copied()
            .unwrap_or(self.config.federal_hours);
        if input.purpose == Purpose::CampaignTouch
            && input.sent_last_24h >= self.config.max_per_contact_24h
        {
            return Decision::Defer {
                until: now.as_second() + 86_400,
                reason: "daily_cap".into(),
            };
        }
        if inside(&zones, now, window) {
            return Decision::Allow;
        }
        // Window edges are whole hours and zone offsets whole or half hours: the first allowed
        // instant is on a half-hour boundary within two days.
        let secs = now.as_second();
        let mut t = secs - secs.rem_euclid(1800) + 1800;
        for _ in 0..96 {
            if let Ok(at) = Timestamp::from_second(t) {
                if inside(&zones, at, window) {
                    return Decision::Defer {
                        until: t,
                        reason: format!("quiet_hours_{state}"),
                    };
                }
            }
            t += 1800;
        }
        deny("no_window")
    }
}
