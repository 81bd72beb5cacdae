//! The compliance gate every outbound message passes: nothing leaves without `Allow`.
//!
//! [`Gate`] is a trait so a host can wrap the rules (audit logging, a stricter policy); the
//! default everywhere is [`CoreGate`], which asks `phonestorm_core::compliance::check` — this
//! crate holds no rule of its own. The engine gathers the facts from the store
//! ([`crate::drip::Engine::gate_check`]): the opt-out ledger, the DNC hit, the recent sends to
//! the contact and, for manual SMS, the user's recent manual sends; [`CoreGate`] turns them
//! into the core's `Recipient`, `Outgoing` and `History`.
//!
//! How a [`Purpose`] maps onto the core's inputs:
//! - a campaign touch carries its campaign id (the per-campaign touch cap applies);
//! - a manual SMS carries `manual` and the user (seed 000 §8's 2 per user per day is the
//!   core's `per_user_manual_sms` cap);
//! - a reply answers the contact's own message: the core still checks opt-out, DNC and the
//!   recipient's hours, but the per-contact cap (seed 002 §4E, a limit on *campaign*
//!   messages) is not fed the earlier sends, so answering a question the day a touch went
//!   out is possible.

use jiff::Timestamp;
use phonestorm_core::compliance::{self, History, Outgoing, PastMessage, Policy, Recipient};
use serde::{Deserialize, Serialize};

use crate::model::Channel;

/// Why a message is being sent (the inputs to the core differ, see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A drip-campaign touch (a solicitation).
    CampaignTouch,
    /// A manual message by a user (seed 000 §8).
    Manual,
    /// An answer to the contact's own question.
    Reply,
}

/// One earlier outbound message, as the store has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentMessage {
    /// When (unix seconds).
    pub at: i64,
    /// Channel.
    pub channel: Channel,
    /// Campaign id, if a touch.
    pub campaign_id: Option<i64>,
    /// Sending user, if manual.
    pub sent_by: Option<String>,
    /// True if this went to the recipient of the message being checked.
    pub to_recipient: bool,
}

/// What the gate knows about one send (gathered from the store by the engine).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateInput {
    /// Channel.
    pub channel: Channel,
    /// E.164 phone or email.
    pub address: String,
    /// Purpose.
    pub purpose: Purpose,
    /// Opt-out ledger entries for the address (unix seconds).
    pub opt_outs: Vec<i64>,
    /// The contact row is flagged opted out (counts even without a ledger row).
    pub contact_opted_out: bool,
    /// On the national DNC registry copy.
    pub on_dnc: bool,
    /// Recent outbound messages to the contact and, for manual SMS, by the user.
    pub recent: Vec<SentMessage>,
    /// Campaign of a touch.
    pub campaign_id: Option<i64>,
    /// User of a manual SMS.
    pub user: Option<String>,
    /// State from a known street address (overrides the area code's).
    pub state: Option<String>,
}

/// The gate's answer, as the engine uses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Send now.
    Allow,
    /// Not now; try at `until` (unix seconds).
    Defer {
        /// Earliest allowed instant.
        until: i64,
        /// Why: the core's reason codes joined with `,` (caps as `cap_<name>`, quiet
        /// hours as `quiet_hours_<jurisdiction>`).
        reason: String,
    },
    /// Never (for this message).
    Deny {
        /// Why: the core's reason codes joined with `,`.
        reason: String,
    },
}

/// The compliance rules, swappable.
pub trait Gate: Send + Sync {
    /// Decides whether this message may go now.
    fn check(&self, input: &GateInput, now: Timestamp) -> Decision;
}

/// The gate backed by `phonestorm_core::compliance::check` with a [`Policy`].
#[derive(Debug, Clone, Default)]
pub struct CoreGate {
    /// The core's policy (defaults: `COMPLIANCE.md`).
    pub policy: Policy,
}

fn ts(secs: i64) -> Timestamp {
    // Store timestamps come from `Timestamp::as_second`, so they are in range; an out-of-range
    // value falls back to the epoch (older than every window, so it never blocks wrongly
    // inside a rolling cap, and opt-outs only need to be in the past).
    Timestamp::from_second(secs).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn core_channel(c: Channel) -> compliance::Channel {
    match c {
        Channel::Sms => compliance::Channel::Sms,
        Channel::Email => compliance::Channel::Email,
    }
}

impl CoreGate {
    /// The core's inputs for one send.
    pub fn core_inputs(&self, input: &GateInput, now: Timestamp) -> (Recipient, Outgoing, History) {
        let (phone, email) = match input.channel {
            Channel::Sms => (Some(input.address.clone()), None),
            Channel::Email => (None, Some(input.address.clone())),
        };
        let recipient = Recipient {
            phone,
            email,
            state: input.state.clone(),
            dnc_listed: input.on_dnc,
            ..Recipient::default()
        };
        let outgoing = Outgoing {
            channel: core_channel(input.channel),
            campaign_id: input.campaign_id.map(|c| c.to_string()),
            subject: None,
            user_id: input.user.clone(),
            manual: input.purpose == Purpose::Manual,
        };
        let mut opt_outs: Vec<Timestamp> = input.opt_outs.iter().map(|&s| ts(s)).collect();
        if input.contact_opted_out && opt_outs.is_empty() {
            opt_outs.push(now);
        }
        let messages = input
            .recent
            .iter()
            .filter(|m| input.purpose != Purpose::Reply || !m.to_recipient)
            .map(|m| PastMessage {
                at: ts(m.at),
                channel: core_channel(m.channel),
                // The core counts a message without `to` as sent to this recipient; one to
                // someone else (a user's manual SMS to another lead) gets a marker address.
                to: if m.to_recipient {
                    None
                } else {
                    Some("other-recipient".into())
                },
                campaign_id: m.campaign_id.map(|c| c.to_string()),
                subject: None,
                user_id: m.sent_by.clone(),
                manual: m.sent_by.is_some(),
            })
            .collect();
        let history = History {
            messages,
            opt_outs,
            opt_ins: Vec::new(),
        };
        (recipient, outgoing, history)
    }
}

fn reason_codes(reasons: &[compliance::Reason]) -> String {
    reasons
        .iter()
        .map(|r| match r {
            compliance::Reason::Cap { cap, .. } => format!("cap_{cap}"),
            compliance::Reason::QuietHours { jurisdiction, .. } => {
                format!("quiet_hours_{jurisdiction}")
            }
            other => other.code().to_owned(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

impl Gate for CoreGate {
    fn check(&self, input: &GateInput, now: Timestamp) -> Decision {
        let (recipient, outgoing, history) = self.core_inputs(input, now);
        match compliance::check(&self.policy, &recipient, &outgoing, &history, now) {
            compliance::Decision::Allow => Decision::Allow,
            compliance::Decision::Defer { until, reasons } => Decision::Defer {
                until: until.as_second(),
                reason: reason_codes(&reasons),
            },
            compliance::Decision::Deny { reasons } => Decision::Deny {
                reason: reason_codes(&reasons),
            },
        }
    }
}
