//! Calling and texting hours, day and volume rules per jurisdiction: a data table with a
//! citation per row, transcribed from `COMPLIANCE.md` (which says how sure each row is).
//!
//! The federal row (`"US"`) applies to every US recipient; a state's row applies on top of
//! it when the recipient is in that state (the strictest answer wins). Every row is a
//! default of [`super::Policy::state_rules`], so a deployment can correct or extend it.

use jiff::civil::{Date, Time, Weekday};
use serde::{Deserialize, Serialize};

/// A daily window `[start, end)` in the recipient's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// First allowed local time.
    pub start: Time,
    /// First local time no longer allowed (exclusive).
    pub end: Time,
}

impl Window {
    /// The whole day (no restriction).
    pub const WHOLE_DAY: Window = Window {
        start: Time::MIN,
        end: Time::MAX,
    };

    /// A window from whole hours, `start_hour:00` to `end_hour:00`.
    pub const fn hours(start_hour: i8, end_hour: i8) -> Self {
        Self {
            start: Time::constant(start_hour, 0, 0, 0),
            end: Time::constant(end_hour, 0, 0, 0),
        }
    }

    /// Whether `time` is inside the window.
    pub fn contains(&self, time: Time) -> bool {
        self.start <= time && time < self.end
    }

    /// The intersection of two windows (`None` when empty).
    pub fn intersect(self, other: Window) -> Option<Window> {
        let w = Window {
            start: self.start.max(other.start),
            end: self.end.min(other.end),
        };
        (w.start < w.end).then_some(w)
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:02}:{:02}-{:02}:{:02}",
            self.start.hour(),
            self.start.minute(),
            self.end.hour(),
            self.end.minute()
        )
    }
}

/// The rules of one jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateRule {
    /// USPS state code, or `"US"` for the federal rule.
    pub state: String,
    /// Monday–Friday window; `None` = no solicitation on those days.
    pub weekdays: Option<Window>,
    /// Saturday window; `None` = none on Saturdays.
    pub saturday: Option<Window>,
    /// Sunday window; `None` = none on Sundays.
    pub sunday: Option<Window>,
    /// No solicitation on holidays (see [`super::holidays::HolidayCalendar`]).
    pub no_holidays: bool,
    /// Prior consent lifts the Sunday/holiday ban (Utah).
    pub consent_lifts_day_bans: bool,
    /// At most this many messages per rolling 24 h to one recipient, whatever the subject.
    pub max_per_24h: Option<u32>,
    /// At most this many messages per rolling 24 h to one recipient on the same subject.
    pub max_same_subject_per_24h: Option<u32>,
    /// Texts count as solicitations only from this day (earlier texts: the row is skipped).
    pub texts_covered_from: Option<Date>,
    /// No solicitation during a declared state of emergency
    /// (see [`super::Policy::emergency_states`]).
    pub none_during_emergency: bool,
    /// The law it comes from.
    pub citation: String,
    /// How sure `COMPLIANCE.md` is: `V` read in the text, `S` secondary sources, `R` recalled.
    pub confidence: String,
}

impl StateRule {
    /// The window on a day of the week (ignoring holidays).
    pub fn window_for(&self, weekday: Weekday) -> Option<Window> {
        match weekday {
            Weekday::Saturday => self.saturday,
            Weekday::Sunday => self.sunday,
            _ => self.weekdays,
        }
    }
}

#[allow(clippy::too_many_arguments)] // a table row builder: one argument per column
fn row(
    state: &str,
    weekdays: Option<Window>,
    saturday: Option<Window>,
    sunday: Option<Window>,
    no_holidays: bool,
    citation: &str,
    confidence: &str,
) -> StateRule {
    StateRule {
        state: state.to_string(),
        weekdays,
        saturday,
        sunday,
        no_holidays,
        consent_lifts_day_bans: false,
        max_per_24h: None,
        max_same_subject_per_24h: None,
        texts_covered_from: None,
        none_during_emergency: false,
        citation: citation.to_string(),
        confidence: confidence.to_string(),
    }
}

/// The default table: every row of `COMPLIANCE.md`'s hours table.
pub fn default_state_rules() -> Vec<StateRule> {
    let w = |a, b| Some(Window::hours(a, b));
    let mut rules = vec![
        row(
            "US",
            w(8, 21),
            w(8, 21),
            w(8, 21),
            false,
            "47 CFR 64.1200(c)(1); FCC 04-194",
            "V",
        ),
        StateRule {
            max_same_subject_per_24h: Some(3),
            ..row(
                "FL",
                w(8, 20),
                w(8, 20),
                w(8, 20),
                false,
                "Fla. Stat. 501.616(6)(a)-(b); 501.059(8)(a)",
                "V",
            )
        },
        StateRule {
            max_per_24h: Some(3),
            ..row(
                "OK",
                w(8, 20),
                w(8, 20),
                w(8, 20),
                false,
                "15 O.S. 775C.1 ff.; 15 O.S. 755.1",
                "S",
            )
        },
        StateRule {
            max_same_subject_per_24h: Some(3),
            ..row(
                "MD",
                w(8, 20),
                w(8, 20),
                w(8, 20),
                false,
                "Md. Com. Law 14-4501 ff. (from 2024-01-01)",
                "S/V",
            )
        },
        row(
            "WA",
            w(8, 20),
            w(8, 20),
            w(8, 20),
            false,
            "RCW 19.158.040(2), 19.158.110",
            "V",
        ),
        StateRule {
            texts_covered_from: Date::new(2025, 9, 1).ok(),
            ..row(
                "TX",
                w(9, 21),
                w(9, 21),
                w(12, 21),
                false,
                "Tex. Bus. & Com. Code 301.051",
                "S",
            )
        },
        row(
            "AL",
            w(8, 20),
            w(8, 20),
            None,
            true,
            "Ala. Admin. Code 770-X-5-.17(1)(b)",
            "V",
        ),
        StateRule {
            none_during_emergency: true,
            ..row(
                "LA",
                w(8, 20),
                w(8, 20),
                None,
                true,
                "La. R.S. 45:811; 45:844.31",
                "V",
            )
        },
        row(
            "MS",
            w(8, 20),
            w(8, 20),
            None,
            false,
            "Miss. Code 77-3-723",
            "V",
        ),
        StateRule {
            consent_lifts_day_bans: true,
            ..row(
                "UT",
                w(8, 21),
                w(8, 21),
                None,
                true,
                "Utah Code 13-25a-103(3)",
                "V",
            )
        },
        row(
            "MA",
            w(8, 20),
            w(8, 20),
            w(8, 20),
            false,
            "201 CMR 12.02(2)",
            "V",
        ),
        row(
            "KY",
            w(10, 21),
            w(10, 21),
            w(10, 21),
            false,
            "KRS 367.46955(15)",
            "V/R",
        ),
        row(
            "RI",
            w(9, 18),
            w(10, 17),
            None,
            true,
            "R.I.G.L. 5-61-3.6",
            "V/R",
        ),
        StateRule {
            texts_covered_from: Date::new(2023, 10, 1).ok(),
            ..row(
                "CT",
                w(9, 20),
                w(9, 20),
                w(9, 20),
                false,
                "Conn. Gen. Stat. 42-288a",
                "R",
            )
        },
    ];
    rules.shrink_to_fit();
    rules
}
