//! Which time zones (and which state) a recipient may be in.
//!
//! A known address zone wins; otherwise the area code's zones: the union over all its
//! prefixes in the generated NANP table, corrected by [`super::overrides`]. See
//! `COMPLIANCE.md`, "Which time zone".

use super::overrides::{OverrideZones, zone_override};
use crate::phone::nanp;

/// The candidate zones and state of an area code, after overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaZones {
    /// The area code.
    pub npa: u16,
    /// USPS state code (`""` when not a US/Canadian geographic code).
    pub state: &'static str,
    /// ISO region of the NANP member (`US`, `CA`, ...); `US` for override-only codes.
    pub region: &'static str,
    /// IANA zones a number with this area code may be in.
    pub zones: Vec<&'static str>,
    /// Whether a reviewed override changed the generated data.
    pub overridden: bool,
}

/// The zones and state of area code `npa`, after the reviewed overrides.
///
/// ```
/// use phonestorm_core::compliance::zones::area_zones;
/// assert_eq!(area_zones(689).unwrap().zones, vec!["America/New_York"]);
/// assert_eq!(area_zones(850).unwrap().zones.len(), 2);
/// ```
pub fn area_zones(npa: u16) -> Option<AreaZones> {
    let generated = nanp::area_code(npa);
    match zone_override(npa) {
        Some(ov) => {
            let zones = match ov.zones {
                OverrideZones::Exact(z) => z.to_vec(),
                OverrideZones::SameAs(parent) => nanp::area_code(parent)?.zones.to_vec(),
            };
            let state = ov.state.or(generated.map(|g| g.state)).unwrap_or("");
            Some(AreaZones {
                npa,
                state,
                region: generated.map_or("US", |g| g.region),
                zones,
                overridden: true,
            })
        }
        None => generated.map(|g| AreaZones {
            npa,
            state: g.state,
            region: g.region,
            zones: g.zones.to_vec(),
            overridden: false,
        }),
    }
}

/// The area code of a NANP phone number written as E.164 (`+1NXXNXXXXXX`), `1` + ten
/// digits, or ten digits, ignoring punctuation. `None` for anything else.
pub fn npa_of(phone: &str) -> Option<u16> {
    let digits: Vec<u8> = phone.bytes().filter(u8::is_ascii_digit).take(12).collect();
    let national = match digits.len() {
        10 => &digits[..],
        11 if digits[0] == b'1' => &digits[1..],
        _ => return None,
    };
    if national[0] < b'2' {
        return None;
    }
    Some(
        national[..3]
            .iter()
            .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0')),
    )
}

/// The last ten digits of a NANP number, for comparing two spellings of one number.
pub(crate) fn national_digits(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        10 => Some(digits),
        11 if digits.starts_with('1') => Some(digits[1..].to_string()),
        _ => None,
    }
}
