//! The CRM entities of seed 002 §4B, as plain serde structs.

use serde::{Deserialize, Serialize};

use crate::error::OutreachError;

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $v),+ }
        impl $name {
            /// The stored snake_case name.
            pub fn as_str(self) -> &'static str { match self { $($name::$v => $s),+ } }
            /// Parses the stored name.
            pub fn parse(s: &str) -> Result<Self, OutreachError> {
                match s { $($s => Ok($name::$v),)+ other => Err(OutreachError::Store(format!(concat!("bad ", stringify!($name), ": {}"), other))) }
            }
        }
    };
}

text_enum!(
    /// Message channel.
    Channel { /// Text message.
        Sms = "sms", /// Email.
        Email = "email" }
);
text_enum!(
    /// Direction of a communication.
    Direction { /// Received from the contact.
        Inbound = "inbound", /// Sent to the contact.
        Outbound = "outbound" }
);
text_enum!(
    /// Delivery status of a communication (Twilio's statuses plus our own).
    CommStatus {
        /// Written, not yet handed to the provider (the send is in flight).
        Pending = "pending",
        /// Accepted by the provider.
        Queued = "queued",
        /// Sent by the provider.
        Sent = "sent",
        /// Delivered to the handset / accepted by the mail server.
        Delivered = "delivered",
        /// Carrier could not deliver.
        Undelivered = "undelivered",
        /// Failed (permanent or after retries).
        Failed = "failed",
        /// Not sent: the compliance gate said no.
        Blocked = "blocked",
        /// Inbound message received.
        Received = "received",
    }
);
text_enum!(
    /// Lead workflow status (seed 002 §4B; `cold` from the §4F decision table).
    LeadStatus {
        /// Not contacted yet.
        New = "new",
        /// At least one touch sent.
        Contacted = "contacted",
        /// Replied.
        Replied = "replied",
        /// Interested: handed to a human.
        Interested = "interested",
        /// In negotiation.
        Negotiating = "negotiating",
        /// Deal closed.
        DealClosed = "deal_closed",
        /// Opted out (permanent).
        OptOut = "opt_out",
        /// Not interested: campaign stopped.
        Cold = "cold",
    }
);
text_enum!(
    /// Reply intent (seed 002 §4D/§4F categories).
    Intent {
        /// Wants to talk / sell.
        Interested = "interested",
        /// Declined.
        NotInterested = "not_interested",
        /// Asked a question.
        Question = "question",
        /// Asked to stop.
        OptOut = "opt_out",
        /// Anything else.
        Unknown = "unknown",
    }
);

impl From<phonestorm_core::reply::Intent> for Intent {
    fn from(i: phonestorm_core::reply::Intent) -> Self {
        use phonestorm_core::reply::Intent as C;
        match i {
            C::Interested => Intent::Interested,
            C::NotInterested => Intent::NotInterested,
            C::Question => Intent::Question,
            C::OptOut => Intent::OptOut,
            C::Unknown => Intent::Unknown,
        }
    }
}

impl From<Intent> for phonestorm_core::reply::Intent {
    fn from(i: Intent) -> Self {
        use phonestorm_core::reply::Intent as C;
        match i {
            Intent::Interested => C::Interested,
            Intent::NotInterested => C::NotInterested,
            Intent::Question => C::Question,
            Intent::OptOut => C::OptOut,
            Intent::Unknown => C::Unknown,
        }
    }
}

/// A contact to import or create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewContact {
    /// Property parcel id (several contacts may share one).
    pub parcel_id: Option<String>,
    /// E.164 phone (`+1XXXXXXXXXX`).
    pub phone: Option<String>,
    /// Lower-cased email.
    pub email: Option<String>,
    /// Owner name.
    pub owner_name: Option<String>,
    /// Where the contact came from (`scraper`, `manual_upload`, …).
    pub source: String,
    /// Confidence 0..1.
    pub confidence: f64,
    /// Phone checked.
    pub phone_verified: bool,
    /// Email syntax and MX checked.
    pub email_verified: bool,
    /// Market (county), e.g. `orange`.
    pub market: Option<String>,
    /// Lead tier, e.g. `A` or `B+`.
    pub tier: Option<String>,
}

/// A stored contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Row id.
    pub id: i64,
    /// The contact's fields.
    #[serde(flatten)]
    pub fields: NewContact,
    /// Opted out on any channel.
    pub opt_out: bool,
    /// Unix seconds.
    pub created_at: i64,
}

/// One scheduled touch of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TouchSpec {
    /// Days after enrolment.
    pub day: u32,
    /// Channel.
    pub channel: Channel,
    /// Template name.
    pub template: String,
}

/// A campaign's schedule (`schedule_config` JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleConfig {
    /// The touches, in order. Seed 002 §4E: 3–5 touches over 14–21 days.
    pub touches: Vec<TouchSpec>,
    /// Preferred local send hour (recipient's time) for each touch; the gate may defer.
    pub send_hour: u8,
}

impl Default for ScheduleConfig {
    fn default() -> Self {
        let t = |day, channel, template: &str| TouchSpec {
            day,
            channel,
            template: template.into(),
        };
        ScheduleConfig {
            touches: vec![
                t(0, Channel::Sms, "touch_1"),
                t(3, Channel::Sms, "touch_2"),
                t(7, Channel::Email, "touch_3"),
                t(14, Channel::Sms, "touch_4"),
            ],
            send_hour: 10,
        }
    }
}

impl ScheduleConfig {
    /// Checks seed 002's bounds: 3–5 touches, last touch on day 14–21, days non-decreasing.
    pub fn validate(&self) -> Result<(), OutreachError> {
        let n = self.touches.len();
        if !(3..=5).contains(&n) {
            return Err(OutreachError::Invalid(format!("{n} touches; need 3 to 5")));
        }
        if self.touches.windows(2).any(|w| w[1].day < w[0].day) {
            return Err(OutreachError::Invalid(
                "touch days must not decrease".into(),
            ));
        }
        let last = self.touches[n - 1].day;
        if !(14..=21).contains(&last) {
            return Err(OutreachError::Invalid(format!(
                "campaign spans {last} days; need 14 to 21"
            )));
        }
        if self.send_hour > 23 {
            return Err(OutreachError::Invalid("send_hour must be 0..=23".into()));
        }
        Ok(())
    }
}

/// A campaign to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCampaign {
    /// Unique name.
    pub name: String,
    /// Kind, e.g. `drip`.
    pub campaign_type: String,
    /// Target tier.
    pub target_tier: Option<String>,
    /// Target markets (counties).
    pub markets: Vec<String>,
    /// Schedule.
    pub schedule: ScheduleConfig,
}

/// A stored campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    /// Row id.
    pub id: i64,
    /// The campaign's fields.
    #[serde(flatten)]
    pub fields: NewCampaign,
    /// Active (paused campaigns send nothing).
    pub active: bool,
    /// Unix seconds.
    pub created_at: i64,
}

/// A message template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// Row id (0 before insertion).
    pub id: i64,
    /// Unique name.
    pub name: String,
    /// Channel.
    pub channel: Channel,
    /// `initial`, `follow_up`, `response`, ….
    pub kind: String,
    /// Market it is specific to.
    pub market: Option<String>,
    /// Email subject.
    pub subject: Option<String>,
    /// Body with `{owner_name}`-style variables.
    pub body: String,
}

/// A communication to log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCommunication {
    /// Contact.
    pub contact_id: i64,
    /// Campaign, for campaign touches.
    pub campaign_id: Option<i64>,
    /// Enrolment, for campaign touches.
    pub enrollment_id: Option<i64>,
    /// Touch number (1-based).
    pub touch_number: Option<i64>,
    /// Template.
    pub template_id: Option<i64>,
    /// Direction.
    pub direction: Direction,
    /// Channel.
    pub channel: Channel,
    /// Body.
    pub body: String,
    /// Status.
    pub status: CommStatus,
    /// Sentiment −1..1.
    pub sentiment_score: Option<f64>,
    /// Intent.
    pub intent: Option<Intent>,
    /// Provider's id (Twilio SID, Message-ID).
    pub provider_id: Option<String>,
    /// Idempotency key: a second insert with the same key is refused.
    pub idempotency_key: Option<String>,
    /// Provider error code.
    pub error_code: Option<String>,
    /// Cost in millionths of a dollar.
    pub cost_micros: i64,
    /// User who sent a manual message.
    pub sent_by: Option<String>,
    /// Seed 000 LeadEvent id, for manual SMS.
    pub lead_event_id: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
}

impl NewCommunication {
    /// A communication with the required fields and the rest empty.
    pub fn new(
        contact_id: i64,
        direction: Direction,
        channel: Channel,
        body: impl Into<String>,
        status: CommStatus,
        created_at: i64,
    ) -> Self {
        NewCommunication {
            contact_id,
            campaign_id: None,
            enrollment_id: None,
            touch_number: None,
            template_id: None,
            direction,
            channel,
            body: body.into(),
            status,
            sentiment_score: None,
            intent: None,
            provider_id: None,
            idempotency_key: None,
            error_code: None,
            cost_micros: 0,
            sent_by: None,
            lead_event_id: None,
            created_at,
        }
    }
}

/// A stored communication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Communication {
    /// Row id.
    pub id: i64,
    /// Fields as logged.
    #[serde(flatten)]
    pub fields: NewCommunication,
    /// When the provider accepted it.
    pub sent_at: Option<i64>,
    /// When it was delivered.
    pub delivered_at: Option<i64>,
}

/// A lead's workflow status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadStatusRecord {
    /// Contact.
    pub contact_id: i64,
    /// Status.
    pub status: LeadStatus,
    /// Last outbound or inbound message.
    pub last_contact_at: Option<i64>,
    /// Assigned user.
    pub assigned_to: Option<String>,
    /// Deal profit in cents, when closed (ROI).
    pub deal_value_cents: Option<i64>,
    /// Unix seconds.
    pub updated_at: i64,
}

/// One message in a conversation history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Unix seconds.
    pub at: i64,
    /// Direction.
    pub direction: Direction,
    /// Channel.
    pub channel: Channel,
    /// Text.
    pub body: String,
    /// Intent, for inbound messages.
    pub intent: Option<Intent>,
}

/// A conversation's FSM state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationState {
    /// Contact.
    pub contact_id: i64,
    /// FSM state (`outreach`, `engaged`, `human`, `closed`, `opted_out`).
    pub current_state: String,
    /// Messages, oldest first.
    pub history: Vec<HistoryEntry>,
    /// A human has taken over: automation stays silent.
    pub human_takeover: bool,
    /// Unix seconds.
    pub updated_at: i64,
}

/// An opt-out to record in the permanent ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewOptOut {
    /// E.164 phone or lower-case email.
    pub address: String,
    /// Channel it came in on.
    pub channel: Channel,
    /// `sms_keyword`, `email_reply`, `provider_21610`, `manual`, `api`, ….
    pub source: String,
    /// The message that carried it.
    pub raw_message: Option<String>,
    /// Contact, if known.
    pub contact_id: Option<i64>,
    /// Unix seconds.
    pub received_at: i64,
}

/// A ledger row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptOut {
    /// Row id.
    pub id: i64,
    /// The opt-out.
    #[serde(flatten)]
    pub fields: NewOptOut,
    /// When the one confirmation was sent.
    pub confirmation_sent_at: Option<i64>,
}

/// A contact's place in a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enrollment {
    /// Row id.
    pub id: i64,
    /// Contact.
    pub contact_id: i64,
    /// Campaign.
    pub campaign_id: i64,
    /// `not_started`, `touch_N_sent`, `completed`, `cancelled`.
    pub state: String,
    /// Index of the next touch (0-based).
    pub next_touch: i64,
    /// When the next touch is due (unix seconds), `None` when finished.
    pub next_due_at: Option<i64>,
    /// Paused.
    pub paused: bool,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// Unix seconds.
    pub enrolled_at: i64,
}

impl Enrollment {
    /// Finished (completed or cancelled).
    pub fn is_finished(&self) -> bool {
        self.state == "completed" || self.state == "cancelled"
    }
}
