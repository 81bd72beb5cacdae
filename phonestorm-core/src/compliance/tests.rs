//! Unit tests of the compliance check.

use super::*;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn sms_to(phone: &str) -> Recipient {
    Recipient {
        phone: Some(phone.into()),
        ..Default::default()
    }
}

fn decide(r: &Recipient, at: &str) -> Decision {
    check(
        &Policy::default(),
        r,
        &Outgoing::default(),
        &History::default(),
        ts(at),
    )
}

#[test]
fn florida_evening_defers_to_morning() {
    let d = decide(&sms_to("+13055550123"), "2025-06-03T00:30:00Z");
    assert_eq!(d.kind(), "defer");
    assert_eq!(d.until(), Some(ts("2025-06-03T12:00:00Z")));
    assert_eq!(d.reasons()[0].code(), "quiet_hours");
}
