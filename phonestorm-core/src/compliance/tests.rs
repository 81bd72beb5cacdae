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

fn zones_of(npa: u16) -> Vec<&'static str> {
    zones::area_zones(npa).unwrap().zones
}

#[test]
fn override_689_orlando_is_eastern() {
    assert_eq!(zones_of(689), vec!["America/New_York"]);
    assert_eq!(zones::area_zones(689).unwrap().state, "FL");
}

#[test]
fn override_448_matches_850() {
    assert_eq!(zones_of(448), zones_of(850));
    assert_eq!(zones_of(448), vec!["America/Chicago", "America/New_York"]);
}

#[test]
fn override_930_matches_812() {
    assert_eq!(zones_of(930), zones_of(812));
    assert!(zones_of(930).contains(&"America/Chicago"));
}

#[test]
fn override_458_matches_541() {
    assert_eq!(zones_of(458), zones_of(541));
    assert!(zones_of(458).contains(&"America/Denver"));
}

#[test]
fn override_364_matches_270() {
    assert_eq!(zones_of(364), zones_of(270));
    assert!(zones_of(364).contains(&"America/Chicago"));
}

#[test]
fn override_729_tennessee_added() {
    assert!(
        crate::phone::nanp::area_code(729).is_none(),
        "data now has 729: review the override"
    );
    let z = zones::area_zones(729).unwrap();
    assert_eq!(z.state, "TN");
    assert_eq!(z.zones, zones_of(423));
    assert!(z.zones.contains(&"America/New_York"));
}

#[test]
fn override_986_matches_208() {
    assert_eq!(zones_of(986), zones_of(208));
}

#[test]
fn every_override_is_reviewed_and_resolves() {
    for o in overrides::ZONE_OVERRIDES {
        let z = zones::area_zones(o.npa).unwrap();
        assert!(
            z.overridden && !z.zones.is_empty() && !o.reason.is_empty(),
            "{}",
            o.npa
        );
        for name in &z.zones {
            assert!(jiff::tz::TimeZone::get(name).is_ok(), "{name}");
        }
    }
}

#[test]
fn every_generated_zone_is_in_the_bundled_database() {
    for name in crate::phone::nanp_data::ZONES {
        assert!(jiff::tz::TimeZone::get(name).is_ok(), "{name}");
    }
}

#[test]
fn reasons_explain_themselves() {
    let d = decide(&sms_to("+18505550100"), "2025-06-04T12:00:00Z");
    let report = d.report();
    assert_eq!(report.decision, "defer");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["reasons"][0]["code"], "quiet_hours");
    assert!(
        json["reasons"][0]["explanation"]
            .as_str()
            .unwrap()
            .contains("America/Chicago")
    );
    assert_eq!(json["until"], "2025-06-04T13:00:00Z");
}

#[test]
fn error_codes() {
    assert_eq!(
        ComplianceError::UnknownAreaCode(800).code(),
        "unknown_area_code"
    );
    let r = resolve_zones(&Policy::default(), &sms_to("+18005550100"));
    assert_eq!(r.unwrap_err().code(), "unknown_area_code");
    let r = resolve_zones(&Policy::default(), &sms_to("hello"));
    assert_eq!(r.unwrap_err().code(), "invalid_phone");
}

#[test]
fn zones_outside_the_iana_database_are_refused() {
    let mut r = sms_to("+13052345678");
    r.zone = Some("Mars/Olympus_Mons".into());
    let err = resolve_zones(&Policy::default(), &r).unwrap_err();
    assert_eq!(err.code(), "unknown_time_zone");
    // A send to that recipient is denied for want of a clock, not sent on a guess.
    let decision = decide(&r, "2025-06-03T16:00:00Z");
    assert_eq!(decision.kind(), "deny");
    assert_eq!(decision.reasons()[0].code(), "unknown_zone");
    r.zone = Some(" America/Chicago ".into());
    let ok = resolve_zones(&Policy::default(), &r).unwrap();
    assert_eq!(ok.zones, ["America/Chicago"]);
    let policy = Policy {
        unknown_zone: UnknownZone::Assume(vec!["Nowhere/Land".into()]),
        ..Policy::default()
    };
    let err = resolve_zones(&policy, &sms_to("+18005550100")).unwrap_err();
    assert_eq!(err.code(), "unknown_time_zone");
}
