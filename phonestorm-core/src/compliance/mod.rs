//! May this message go to this recipient now?
//!
//! [`check`] answers [`Decision::Allow`], [`Decision::Defer`] (with the next instant at which
//! it would be allowed) or [`Decision::Deny`], each with typed [`Reason`]s that explain
//! themselves. The rules and their sources are in `COMPLIANCE.md`; every number is a default
//! of [`Policy`].
//!
//! - Hours are the **recipient's** local hours. The zone is the address's zone when known,
//!   else every zone of the area code ([`zones::area_zones`], generated data plus the reviewed
//!   [`overrides`]); a send is allowed only if it is inside the window in **every** candidate
//!   zone. Unknown zone → deny unless [`Policy::unknown_zone`] says otherwise.
//! - The federal row and the recipient state's row of [`state_rules`] both apply.
//! - Opt-out → deny until a later opt-in; a DNC hit → deny unless consent or an exemption.
//! - Caps per contact, per user (manual SMS), per campaign, and the state 24-hour caps.
//!
//! Time zones come from `jiff` with the IANA database compiled in: no file is read.
//!
//! ```
//! use phonestorm_core::compliance::{check, Decision, History, Outgoing, Policy, Recipient};
//! let recipient = Recipient { phone: Some("+13055550123".into()), ..Default::default() };
//! // 2025-06-02 is a Monday; 23:30 UTC is 19:30 in Miami (EDT): inside Florida's 8–20.
//! let now = "2025-06-02T23:30:00Z".parse().unwrap();
//! let d = check(&Policy::default(), &recipient, &Outgoing::default(), &History::default(), now);
//! assert_eq!(d, Decision::Allow);
//! // 00:30 UTC is 20:30 in Miami: deferred to 8:00 the next morning.
//! let now = "2025-06-03T00:30:00Z".parse().unwrap();
//! let d = check(&Policy::default(), &recipient, &Outgoing::default(), &History::default(), now);
//! assert_eq!(d.until().unwrap().to_string(), "2025-06-03T12:00:00Z");
//! ```

mod engine;
pub mod holidays;
pub mod overrides;
pub mod policy;
mod reason;
pub mod state_rules;
pub mod zones;

pub use engine::{ResolvedZones, ZoneSource, check, is_allowed_at, resolve_zones};
pub use holidays::{HolidayCalendar, federal_holidays};
pub use policy::{Cap, Caps, DncPolicy, Policy, UnknownZone};
pub use reason::Reason;
pub use state_rules::{StateRule, Window, default_state_rules};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// How the message goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A text message (texts count as calls under the TCPA).
    #[default]
    Sms,
    /// A voice call.
    Call,
    /// An email (CAN-SPAM: no hour limits).
    Email,
}

impl Channel {
    /// Whether the channel goes to a phone number.
    pub fn is_phone(self) -> bool {
        matches!(self, Channel::Sms | Channel::Call)
    }
}

/// The kind of consent or relationship on record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentKind {
    /// Prior express written consent.
    ExpressWritten,
    /// Prior express consent (not written).
    Express,
    /// A purchase: an established business relationship for [`DncPolicy::ebr_purchase_days`].
    Purchase,
    /// An inquiry: an established business relationship for [`DncPolicy::ebr_inquiry_days`].
    Inquiry,
}

/// Consent on record, and when it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// Which kind.
    pub kind: ConsentKind,
    /// When.
    pub at: Timestamp,
}

/// Who receives the message, and what is known about them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recipient {
    /// Phone number (E.164 `+1...`, or ten digits) for SMS and calls.
    pub phone: Option<String>,
    /// Email address for emails.
    pub email: Option<String>,
    /// USPS state of the recipient's known address (overrides the area code's state).
    pub state: Option<String>,
    /// IANA zone of the recipient's known address (overrides the area code's zones).
    pub zone: Option<String>,
    /// The number is on a Do-Not-Call list (national or state): an input from the scrubber.
    pub dnc_listed: bool,
    /// The number is a business line (see [`DncPolicy::b2b_exempt`]).
    pub business: bool,
    /// Consent or relationship on record.
    pub consent: Option<Consent>,
}

/// The message about to be sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outgoing {
    /// Channel.
    pub channel: Channel,
    /// Campaign it belongs to.
    pub campaign_id: Option<String>,
    /// Subject (for the same-subject state caps); defaults to the campaign id.
    pub subject: Option<String>,
    /// The user sending it.
    pub user_id: Option<String>,
    /// Sent by hand (seed 000 §8 manual SMS).
    pub manual: bool,
}

/// A message already sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastMessage {
    /// When it was sent.
    pub at: Timestamp,
    /// Channel.
    #[serde(default)]
    pub channel: Channel,
    /// Where it went (phone or email); absent = to this recipient.
    #[serde(default)]
    pub to: Option<String>,
    /// Campaign.
    #[serde(default)]
    pub campaign_id: Option<String>,
    /// Subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Sending user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Sent by hand.
    #[serde(default)]
    pub manual: bool,
}

/// What happened before: messages (to this recipient, by this user, in this campaign —
/// whatever the caller's store returns for the last days), opt-outs and opt-ins.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    /// Messages sent.
    pub messages: Vec<PastMessage>,
    /// When the recipient opted out.
    pub opt_outs: Vec<Timestamp>,
    /// When the recipient opted (back) in.
    pub opt_ins: Vec<Timestamp>,
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Send now.
    Allow,
    /// Not now; allowed at `until` (if nothing else changes).
    Defer {
        /// The next allowed instant.
        until: Timestamp,
        /// Why not now.
        reasons: Vec<Reason>,
    },
    /// Not at all (until an outside fact changes: opt-in, consent, address).
    Deny {
        /// Why.
        reasons: Vec<Reason>,
    },
}

impl Decision {
    /// `"allow"`, `"defer"` or `"deny"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Decision::Allow => "allow",
            Decision::Defer { .. } => "defer",
            Decision::Deny { .. } => "deny",
        }
    }

    /// The deferral instant, if deferred.
    pub fn until(&self) -> Option<Timestamp> {
        match self {
            Decision::Defer { until, .. } => Some(*until),
            _ => None,
        }
    }

    /// The reasons (empty for allow).
    pub fn reasons(&self) -> &[Reason] {
        match self {
            Decision::Allow => &[],
            Decision::Defer { reasons, .. } | Decision::Deny { reasons } => reasons,
        }
    }

    /// The flat report the CLI and bindings print.
    pub fn report(&self) -> DecisionReport {
        DecisionReport {
            decision: self.kind().to_string(),
            until: self.until(),
            reasons: self
                .reasons()
                .iter()
                .map(|r| ExplainedReason {
                    explanation: r.explain(),
                    reason: r.clone(),
                })
                .collect(),
        }
    }
}

/// A reason with its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExplainedReason {
    /// The reason (its fields, `code` included).
    #[serde(flatten)]
    pub reason: Reason,
    /// [`Reason::explain`].
    pub explanation: String,
}

/// `{"decision": "allow"|"defer"|"deny", "until": RFC 3339 or null, "reasons": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionReport {
    /// `allow`, `defer`, `deny`.
    pub decision: String,
    /// When deferred: the next allowed instant.
    pub until: Option<Timestamp>,
    /// The reasons, explained.
    pub reasons: Vec<ExplainedReason>,
}

/// Errors of the compliance module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ComplianceError {
    /// The phone number is not a ten-digit NANP number.
    #[error("not a NANP phone number: {0:?}")]
    InvalidPhone(String),
    /// The area code has no known zone.
    #[error("no time zone known for area code {0}")]
    UnknownAreaCode(u16),
    /// A zone name is not in the IANA database.
    #[error("unknown IANA time zone {0:?}")]
    UnknownTimeZone(String),
}

impl ComplianceError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            ComplianceError::InvalidPhone(_) => "invalid_phone",
            ComplianceError::UnknownAreaCode(_) => "unknown_area_code",
            ComplianceError::UnknownTimeZone(_) => "unknown_time_zone",
        }
    }
}

#[cfg(test)]
mod tests;
