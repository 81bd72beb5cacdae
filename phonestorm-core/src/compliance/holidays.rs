//! Holidays: an input calendar with the US federal holidays as the default.
//!
//! Several state rules forbid solicitation on holidays (Alabama, Louisiana, Utah, Rhode
//! Island; `COMPLIANCE.md`). States differ on which days count, so the calendar is an
//! input: the federal holidays of 5 U.S.C. 6103 are computed for any year (both the
//! date itself and its observed weekday, which is the conservative reading), and callers
//! add state holidays or extra days.

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// The day.
    pub date: Date,
    /// Its name ("Independence Day", "Independence Day (observed)").
    pub name: String,
}

/// Which days count as holidays for the state rules that forbid them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HolidayCalendar {
    /// Include the federal holidays (5 U.S.C. 6103) and their observed days. Default `true`.
    pub federal: bool,
    /// Extra holidays that apply in every state.
    pub extra: Vec<Date>,
    /// Extra holidays per state (USPS code → days), e.g. Louisiana's Mardi Gras.
    pub by_state: BTreeMap<String, Vec<Date>>,
}

impl Default for HolidayCalendar {
    fn default() -> Self {
        Self {
            federal: true,
            extra: Vec::new(),
            by_state: BTreeMap::new(),
        }
    }
}

impl HolidayCalendar {
    /// The name of the holiday on `date` for a recipient in `state`, if it is one.
    pub fn holiday(&self, state: &str, date: Date) -> Option<String> {
        if self.extra.contains(&date) {
            return Some("holiday".to_string());
        }
        if self.by_state.get(state).is_some_and(|d| d.contains(&date)) {
            return Some(format!("{state} holiday"));
        }
        if self.federal {
            return federal_holidays(date.year())
                .into_iter()
                .find(|h| h.date == date)
                .map(|h| h.name);
        }
        None
    }
}

/// The `nth` (1-based) `weekday` of a month; `nth = -1` is the last one.
fn nth_weekday(year: i16, month: i8, weekday: Weekday, nth: i8) -> Option<Date> {
    Date::new(year, month, 1)
        .ok()?
        .nth_weekday_of_month(nth, weekday)
        .ok()
}

/// The US federal holidays of `year` (5 U.S.C. 6103), each fixed-date holiday followed by
/// its observed day when it falls on a weekend (Saturday → Friday, Sunday → Monday).
///
/// ```
/// use phonestorm_core::compliance::holidays::federal_holidays;
/// let h = federal_holidays(2026);
/// assert!(h.iter().any(|h| h.name == "Thanksgiving Day" && h.date.to_string() == "2026-11-26"));
/// assert!(h.iter().any(|h| h.name == "Independence Day (observed)" && h.date.to_string() == "2026-07-03"));
/// ```
pub fn federal_holidays(year: i16) -> Vec<Holiday> {
    let mut out = Vec::new();
    let fixed: [(&str, i8, i8); 5] = [
        ("New Year's Day", 1, 1),
        ("Juneteenth National Independence Day", 6, 19),
        ("Independence Day", 7, 4),
        ("Veterans Day", 11, 11),
        ("Christmas Day", 12, 25),
    ];
    for (name, month, day) in fixed {
        let Ok(date) = Date::new(year, month, day) else {
            continue;
        };
        out.push(Holiday {
            date,
            name: name.to_string(),
        });
        let observed = match date.weekday() {
            Weekday::Saturday => date.yesterday().ok(),
            Weekday::Sunday => date.tomorrow().ok(),
            _ => None,
        };
        if let Some(observed) = observed {
            out.push(Holiday {
                date: observed,
                name: format!("{name} (observed)"),
            });
        }
    }
    let floating: [(&str, i8, Weekday, i8); 6] = [
        ("Birthday of Martin Luther King, Jr.", 1, Weekday::Monday, 3),
        ("Washington's Birthday", 2, Weekday::Monday, 3),
        ("Memorial Day", 5, Weekday::Monday, -1),
        ("Labor Day", 9, Weekday::Monday, 1),
        ("Columbus Day", 10, Weekday::Monday, 2),
        ("Thanksgiving Day", 11, Weekday::Thursday, 4),
    ];
    for (name, month, weekday, nth) in floating {
        if let Some(date) = nth_weekday(year, month, weekday, nth) {
            out.push(Holiday {
                date,
                name: name.to_string(),
            });
        }
    }
    out.sort_by_key(|h| h.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn federal_holidays_2025() {
        let days: Vec<String> = federal_holidays(2025)
            .iter()
            .map(|h| h.date.to_string())
            .collect();
        assert_eq!(
            days,
            [
                "2025-01-01",
                "2025-01-20",
                "2025-02-17",
                "2025-05-26",
                "2025-06-19",
                "2025-07-04",
                "2025-09-01",
                "2025-10-13",
                "2025-11-11",
                "2025-11-27",
                "2025-12-25"
            ]
        );
    }

    #[test]
    fn observed_days_and_state_days() {
        // 2027-12-25 is a Saturday: observed Friday 24th.
        let cal = HolidayCalendar::default();
        assert!(cal.holiday("AL", date(2027, 12, 24)).is_some());
        assert!(cal.holiday("AL", date(2027, 12, 23)).is_none());
        let mut cal = HolidayCalendar::default();
        cal.by_state.insert("LA".into(), vec![date(2026, 2, 17)]);
        assert!(cal.holiday("LA", date(2026, 2, 17)).is_some());
        assert!(cal.holiday("AL", date(2026, 2, 17)).is_none());
        cal.federal = false;
        assert!(cal.holiday("AL", date(2026, 1, 1)).is_none());
    }
}
