//! Why a message may not go now: typed, serialisable, explainable.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One reason a send is deferred or denied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// The recipient opted out (and has not opted in since).
    OptedOut {
        /// When they opted out.
        at: Timestamp,
    },
    /// The number is on a Do-Not-Call list and neither consent nor an exemption applies.
    DoNotCall,
    /// The recipient's address for this channel is missing or not a NANP number.
    InvalidRecipient {
        /// What is wrong.
        detail: String,
    },
    /// The recipient's time zone could not be determined (policy: deny).
    UnknownZone {
        /// What was looked up.
        detail: String,
    },
    /// The recipient's state is under a declared emergency and its law forbids solicitation.
    StateOfEmergency {
        /// USPS state code.
        state: String,
        /// The law.
        citation: String,
    },
    /// Outside the allowed hours in one of the recipient's candidate zones.
    QuietHours {
        /// IANA zone.
        zone: String,
        /// Local time there (`HH:MM`).
        local_time: String,
        /// Whose rule (`US` or a state).
        jurisdiction: String,
        /// The window of that day (`HH:MM-HH:MM`).
        window: String,
        /// The law.
        citation: String,
    },
    /// The rule forbids this day of the week (e.g. Sundays).
    DayNotAllowed {
        /// IANA zone.
        zone: String,
        /// Whose rule.
        jurisdiction: String,
        /// The local day of the week.
        weekday: String,
        /// The law.
        citation: String,
    },
    /// The rule forbids holidays and the local day is one.
    Holiday {
        /// IANA zone.
        zone: String,
        /// Whose rule.
        jurisdiction: String,
        /// The local date.
        date: Date,
        /// The holiday.
        name: String,
        /// The law.
        citation: String,
    },
    /// A volume cap is reached.
    Cap {
        /// Which cap: `per_contact`, `per_user_manual_sms`, `per_campaign`,
        /// `campaign_touches`, `state_per_24h`, `state_same_subject_per_24h`.
        cap: String,
        /// The limit.
        limit: u32,
        /// Messages already counted.
        sent: u32,
        /// Rolling window in hours (0 = for ever).
        window_hours: u32,
        /// Where the number comes from.
        source: String,
    },
    /// No allowed instant within the policy's search horizon.
    NoWindow {
        /// The horizon in days.
        days: u32,
    },
}

impl Reason {
    /// A stable snake_case code (the serde tag).
    pub fn code(&self) -> &'static str {
        match self {
            Reason::OptedOut { .. } => "opted_out",
            Reason::DoNotCall => "do_not_call",
            Reason::InvalidRecipient { .. } => "invalid_recipient",
            Reason::UnknownZone { .. } => "unknown_zone",
            Reason::StateOfEmergency { .. } => "state_of_emergency",
            Reason::QuietHours { .. } => "quiet_hours",
            Reason::DayNotAllowed { .. } => "day_not_allowed",
            Reason::Holiday { .. } => "holiday",
            Reason::Cap { .. } => "cap",
            Reason::NoWindow { .. } => "no_window",
        }
    }

    /// A sentence a person can read.
    pub fn explain(&self) -> String {
        match self {
            Reason::OptedOut { at } => {
                format!("the recipient opted out at {at} and has not opted back in")
            }
            Reason::DoNotCall => {
                "the number is on a Do-Not-Call list and no consent or exemption applies".into()
            }
            Reason::InvalidRecipient { detail } => format!("invalid recipient: {detail}"),
            Reason::UnknownZone { detail } => {
                format!("the recipient's time zone is unknown ({detail}); policy denies")
            }
            Reason::StateOfEmergency { state, citation } => {
                format!(
                    "{state} is under a declared state of emergency; no solicitation ({citation})"
                )
            }
            Reason::QuietHours {
                zone,
                local_time,
                jurisdiction,
                window,
                citation,
            } => format!(
                "it is {local_time} in {zone}; {jurisdiction} allows {window} only ({citation})"
            ),
            Reason::DayNotAllowed {
                zone,
                jurisdiction,
                weekday,
                citation,
            } => format!("it is {weekday} in {zone}; {jurisdiction} forbids that day ({citation})"),
            Reason::Holiday {
                zone,
                jurisdiction,
                date,
                name,
                citation,
            } => {
                format!("{date} is {name} in {zone}; {jurisdiction} forbids holidays ({citation})")
            }
            Reason::Cap {
                cap,
                limit,
                sent,
                window_hours,
                source,
            } => {
                if *window_hours == 0 {
                    format!("{cap} cap reached: {sent} of {limit} in total ({source})")
                } else {
                    format!("{cap} cap reached: {sent} of {limit} per {window_hours} h ({source})")
                }
            }
            Reason::NoWindow { days } => {
                format!("no allowed instant in the next {days} days")
            }
        }
    }
}
