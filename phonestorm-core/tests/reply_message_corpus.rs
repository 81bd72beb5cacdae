//! Runs `testdata/reply/*.json` and `testdata/message/*.json`.

use phonestorm_core::message::{
    Encoding, SmsConfig, clean_llm_output, compose_sms, gsm_safe, render, segments,
};
use phonestorm_core::reply::{ReplyConfig, classify, decide};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

fn cases(text: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(text).expect("valid JSON");
    v["cases"].as_array().expect("cases").clone()
}

fn snake<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

fn run_reply(text: &str) -> usize {
    let cfg = ReplyConfig::default();
    let mut failures = Vec::new();
    let all = cases(text);
    for case in &all {
        let name = case["name"].as_str().unwrap();
        let input = case["text"].as_str().unwrap();
        let c = classify(input, &cfg);
        let got = snake(&c);
        if let Some(k) = case.get("keyword") {
            if got["keyword"] != *k {
                failures.push(format!("{name}: keyword {} != {k}", got["keyword"]));
            }
        }
        if let Some(i) = case.get("intent") {
            if got["intent"] != *i {
                failures.push(format!(
                    "{name}: intent {} != {i} ({:?})",
                    got["intent"], c.evidence
                ));
            }
        }
        if let Some(i) = case.get("not_intent") {
            if got["intent"] == *i {
                failures.push(format!("{name}: intent must not be {i}"));
            }
        }
        if let Some(lo) = case.get("sentiment_min").and_then(Value::as_f64) {
            if c.sentiment < lo {
                failures.push(format!("{name}: sentiment {} < {lo}", c.sentiment));
            }
        }
        if let Some(hi) = case.get("sentiment_max").and_then(Value::as_f64) {
            if c.sentiment > hi {
                failures.push(format!("{name}: sentiment {} > {hi}", c.sentiment));
            }
        }
        if let Some(a) = case.get("action") {
            let action = snake(decide(&c, &cfg.decision));
            if action != *a {
                failures.push(format!("{name}: action {action} != {a}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    all.len()
}

#[test]
fn reply_keyword_corpus() {
    assert!(run_reply(include_str!("../../testdata/reply/keywords.json")) > 200);
}

#[test]
fn reply_intent_corpus() {
    run_reply(include_str!("../../testdata/reply/intents.json"));
}

#[test]
fn message_corpus() {
    let mut failures = Vec::new();
    for case in cases(include_str!("../../testdata/message/message.json")) {
        let name = case["name"].as_str().unwrap().to_string();
        let kind = case["kind"].as_str().unwrap();
        let expected = case.get("expected").and_then(Value::as_str);
        let error = case.get("error").and_then(Value::as_str);
        let check = |got: Result<String, String>, failures: &mut Vec<String>| match (
            got, expected, error,
        ) {
            (Ok(g), Some(e), _) if g == e => {}
            (Err(g), _, Some(e)) if g == e => {}
            (got, _, _) => failures.push(format!(
                "{name}: got {got:?}, expected {expected:?} / {error:?}"
            )),
        };
        match kind {
            "render" => {
                let vars: BTreeMap<String, String> =
                    serde_json::from_value(case["vars"].clone()).unwrap();
                let got = render(case["template"].as_str().unwrap(), &vars)
                    .map_err(|e| e.code().to_string());
                check(got, &mut failures);
            }
            "gsm_safe" => check(Ok(gsm_safe(case["text"].as_str().unwrap())), &mut failures),
            "clean" => check(
                Ok(clean_llm_output(case["text"].as_str().unwrap())),
                &mut failures,
            ),
            "sms" => {
                let got = compose_sms(case["text"].as_str().unwrap(), &SmsConfig::default());
                if let (Ok(sms), Some(n)) = (&got, case.get("segments").and_then(Value::as_u64)) {
                    if sms.segments.count as u64 != n {
                        failures.push(format!("{name}: {} segments", sms.segments.count));
                    }
                }
                check(
                    got.map(|s| s.text).map_err(|e| e.code().to_string()),
                    &mut failures,
                );
            }
            "segments" => {
                let s = segments(case["text"].as_str().unwrap());
                let enc = match s.encoding {
                    Encoding::Gsm7 => "gsm7",
                    Encoding::Ucs2 => "ucs2",
                };
                if enc != case["encoding"]
                    || s.units as u64 != case["units"].as_u64().unwrap()
                    || s.count as u64 != case["segments"].as_u64().unwrap()
                {
                    failures.push(format!(
                        "{name}: {enc} {} units {} segments",
                        s.units, s.count
                    ));
                }
                if let Some(lens) = case.get("part_lengths") {
                    let got: Vec<usize> = s.parts.iter().map(|p| p.chars().count()).collect();
                    if snake(&got) != *lens {
                        failures.push(format!("{name}: parts {got:?}"));
                    }
                }
                if s.parts.concat() != case["text"].as_str().unwrap() {
                    failures.push(format!("{name}: parts do not concatenate to the text"));
                }
            }
            other => failures.push(format!("{name}: unknown kind {other}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

proptest! {
    #[test]
    fn reply_never_panics_and_stays_in_range(text in "\\PC{0,200}") {
        let cfg = ReplyConfig::default();
        let c = classify(&text, &cfg);
        prop_assert!((-1.0..=1.0).contains(&c.sentiment));
        prop_assert!((0.0..=1.0).contains(&c.confidence));
        let _ = decide(&c, &cfg.decision);
    }

    #[test]
    fn segments_never_exceed_part_sizes(text in "\\PC{0,400}") {
        let s = segments(&text);
        prop_assert_eq!(s.parts.concat(), text.clone());
        if s.count > 1 {
            for p in &s.parts {
                let units: usize = match s.encoding {
                    Encoding::Gsm7 => p.chars().map(|c| if phonestorm_core::message::is_gsm_extension(c) { 2 } else { 1 }).sum(),
                    Encoding::Ucs2 => p.encode_utf16().count(),
                };
                let max = if s.encoding == Encoding::Gsm7 { 153 } else { 67 };
                prop_assert!(units <= max);
            }
        }
        prop_assert!(phonestorm_core::message::is_gsm(&gsm_safe(&text)));
        let _ = render(&text, &BTreeMap::new());
        let _ = clean_llm_output(&text);
    }
}
