//! Runs `testdata/compliance/*.json` against `compliance::check`, and property tests.

use jiff::Timestamp;
use phonestorm_core::compliance::{
    Decision, History, Outgoing, Policy, Recipient, check, is_allowed_at,
};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expect {
    decision: String,
    until: Option<Timestamp>,
    #[serde(default)]
    codes: Vec<String>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    recipient: Recipient,
    #[serde(default)]
    outgoing: Outgoing,
    #[serde(default)]
    history: History,
    #[serde(default)]
    policy: Option<Policy>,
    at: Timestamp,
    expect: Expect,
}

#[derive(Deserialize)]
struct File {
    cases: Vec<Case>,
}

fn run(path: &str, text: &str) -> usize {
    let file: File = serde_json::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    for case in &file.cases {
        let policy = case.policy.clone().unwrap_or_default();
        let d = check(
            &policy,
            &case.recipient,
            &case.outgoing,
            &case.history,
            case.at,
        );
        let codes: Vec<&str> = d.reasons().iter().map(|r| r.code()).collect();
        let ok = d.kind() == case.expect.decision
            && (case.expect.decision != "defer" || d.until() == case.expect.until)
            && case
                .expect
                .codes
                .iter()
                .all(|c| codes.contains(&c.as_str()));
        if !ok {
            failures.push(format!(
                "{}: expected {} {:?} {:?}, got {} {:?} {:?}",
                case.name,
                case.expect.decision,
                case.expect.until,
                case.expect.codes,
                d.kind(),
                d.until(),
                codes
            ));
        }
        // Every deferral's instant must itself be allowed.
        if let Decision::Defer { until, .. } = &d {
            if !is_allowed_at(
                &policy,
                &case.recipient,
                &case.outgoing,
                &case.history,
                *until,
            ) {
                failures.push(format!("{}: until {until} is not allowed", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{path}:\n{}", failures.join("\n"));
    file.cases.len()
}

#[test]
fn hours_corpus() {
    let n = run(
        "hours.json",
        include_str!("../../testdata/compliance/hours.json"),
    );
    assert!(n > 500);
}

#[test]
fn rules_corpus() {
    run(
        "rules.json",
        include_str!("../../testdata/compliance/rules.json"),
    );
}

#[test]
fn every_state_row_has_a_citation_and_a_window_somewhere() {
    let policy = Policy::default();
    for state in [
        "US", "FL", "OK", "MD", "WA", "TX", "AL", "LA", "MS", "UT", "MA", "KY", "RI", "CT",
    ] {
        let rule = policy
            .rule(state)
            .unwrap_or_else(|| panic!("{state} missing"));
        assert!(!rule.citation.is_empty(), "{state}");
        assert!(rule.weekdays.is_some(), "{state}");
    }
}

#[test]
fn policy_round_trips_through_json() {
    let policy = Policy::default();
    let json = serde_json::to_string(&policy).unwrap();
    let back: Policy = serde_json::from_str(&json).unwrap();
    assert_eq!(policy, back);
    let partial: Policy = serde_json::from_str(r#"{"search_days": 3}"#).unwrap();
    assert_eq!(partial.search_days, 3);
    assert_eq!(partial.state_rules, Policy::default().state_rules);
}

const PHONES: &[&str] = &[
    "+13055550100",
    "+18505550100",
    "+19285550100",
    "+18125550100",
    "+12705550100",
    "+14235550100",
    "+17295550100",
    "+12145550100",
    "+14015550100",
    "+18015550100",
    "+12055550100",
    "+15025550100",
    "+19075550100",
    "+18085550100",
    "+16895550100",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Defer's `until` is always an allowed instant, and never before `now`.
    #[test]
    fn defer_until_is_allowed(
        phone in prop::sample::select(PHONES),
        secs in 1_704_067_200i64..1_798_761_600, // 2024-01-01 .. 2027-01-01
        sent_ago in prop::collection::vec(0i64..200_000, 0..4),
        opted_out in any::<bool>(),
        subject_cap in any::<bool>(),
    ) {
        let now = Timestamp::from_second(secs).unwrap();
        let recipient = Recipient { phone: Some(phone.to_string()), ..Default::default() };
        let mut history = History::default();
        for ago in sent_ago {
            history.messages.push(phonestorm_core::compliance::PastMessage {
                at: Timestamp::from_second(secs - ago).unwrap(),
                channel: Default::default(), to: None, campaign_id: None,
                subject: Some("s".into()), user_id: None, manual: false,
            });
        }
        if opted_out {
            history.opt_outs.push(Timestamp::from_second(secs - 10).unwrap());
        }
        let mut policy = Policy::default();
        if subject_cap {
            policy.caps.per_contact = None;
        }
        let outgoing = Outgoing { subject: Some("s".into()), ..Default::default() };
        let d = check(&policy, &recipient, &outgoing, &history, now);
        if let Decision::Defer { until, .. } = d {
            prop_assert!(until > now);
            prop_assert!(is_allowed_at(&policy, &recipient, &outgoing, &history, until), "until {} not allowed", until);
        }
    }

    /// No input panics.
    #[test]
    fn never_panics(phone in ".{0,20}", state in "[A-Z]{0,3}", zone in ".{0,30}", secs in any::<i32>()) {
        let now = Timestamp::from_second(i64::from(secs)).unwrap();
        let recipient = Recipient {
            phone: Some(phone),
            state: Some(state),
            zone: Some(zone),
            ..Default::default()
        };
        let _ = check(&Policy::default(), &recipient, &Outgoing::default(), &History::default(), now);
    }
}
