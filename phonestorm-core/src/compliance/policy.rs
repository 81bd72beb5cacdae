//! The policy: every number the compliance check uses, as serde config with defaults.

use super::holidays::HolidayCalendar;
use super::state_rules::{StateRule, default_state_rules};
use serde::{Deserialize, Serialize};

/// A cap: at most `limit` messages per rolling `window_hours`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cap {
    /// Most messages allowed inside the window.
    pub limit: u32,
    /// Length of the rolling window in hours.
    pub window_hours: u32,
}

/// Volume caps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Caps {
    /// Per contact, any channel. Default 1 per 24 h (seed 002, Phase 4E "Rate limiting
    /// (max 1 message per day per contact)").
    pub per_contact: Option<Cap>,
    /// Per user, manual SMS only. Default 2 per 24 h (seed 000 §8 "Limit user to 2 SMS/day").
    pub per_user_manual_sms: Option<Cap>,
    /// Per campaign, all recipients together (a campaign's sending volume). Default none.
    pub per_campaign: Option<Cap>,
    /// Most touches one contact receives from one campaign in total. Default 5 (seed 002,
    /// Phase 4E "3-5 touches over 14-21 days").
    pub max_touches_per_campaign: Option<u32>,
}

impl Default for Caps {
    fn default() -> Self {
        Self {
            per_contact: Some(Cap {
                limit: 1,
                window_hours: 24,
            }),
            per_user_manual_sms: Some(Cap {
                limit: 2,
                window_hours: 24,
            }),
            per_campaign: None,
            max_touches_per_campaign: Some(5),
        }
    }
}

/// What to do when a recipient's time zone cannot be determined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action", content = "zones")]
pub enum UnknownZone {
    /// Deny (default: `COMPLIANCE.md`, "Unknown zone → deny").
    Deny,
    /// Assume these IANA zones (all must be inside the window).
    Assume(Vec<String>),
}

/// How a Do-Not-Call registry hit is treated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DncPolicy {
    /// Prior express (written) consent overrides a DNC hit. Default `true`
    /// (47 CFR 64.1200(c)(2)(ii)).
    pub consent_overrides: bool,
    /// Days an established business relationship lasts after a purchase: 540 ≈ 18 months
    /// (47 CFR 64.1200(f)(5); `COMPLIANCE.md`, "Do Not Call").
    pub ebr_purchase_days: u32,
    /// Days it lasts after an inquiry: 90 = 3 months (same source).
    pub ebr_inquiry_days: u32,
    /// Treat business-to-business calls as exempt (FTC 16 CFR 310.6(b)(7)). Default `false`:
    /// the exemption does not cover autodialed texts to mobiles.
    pub b2b_exempt: bool,
}

impl Default for DncPolicy {
    fn default() -> Self {
        Self {
            consent_overrides: true,
            ebr_purchase_days: 540,
            ebr_inquiry_days: 90,
            b2b_exempt: false,
        }
    }
}

/// Everything [`super::check`] decides with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// The jurisdiction table (federal row `"US"` plus states); default
    /// [`default_state_rules`], transcribed from `COMPLIANCE.md` with a citation per row.
    pub state_rules: Vec<StateRule>,
    /// Volume caps.
    pub caps: Caps,
    /// Unknown time zone handling. Default [`UnknownZone::Deny`].
    pub unknown_zone: UnknownZone,
    /// Do-Not-Call handling.
    pub dnc: DncPolicy,
    /// Holidays for the rules that forbid them. Default: federal holidays.
    pub holidays: HolidayCalendar,
    /// States under a declared state of emergency (Louisiana forbids solicitation then).
    pub emergency_states: Vec<String>,
    /// Apply quiet hours and day rules to emails too. Default `false` (CAN-SPAM has no hour
    /// limits; `COMPLIANCE.md`).
    pub hours_apply_to_email: bool,
    /// How far ahead (days) to look for the next allowed instant before giving up with a
    /// deny. Default 14.
    pub search_days: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            state_rules: default_state_rules(),
            caps: Caps::default(),
            unknown_zone: UnknownZone::Deny,
            dnc: DncPolicy::default(),
            holidays: HolidayCalendar::default(),
            emergency_states: Vec::new(),
            hours_apply_to_email: false,
            search_days: 14,
        }
    }
}

impl Policy {
    /// The rule row for `state` (`"US"` for federal).
    pub fn rule(&self, state: &str) -> Option<&StateRule> {
        self.state_rules.iter().find(|r| r.state == state)
    }
}
