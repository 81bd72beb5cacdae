//! Runs the shared corpus `testdata/normalize/*.json` and `testdata/classify_score/*.json`.

use std::collections::HashMap;
use std::path::PathBuf;

use phonestorm_core::phone::classify::{ClassifyInput, classify};
use phonestorm_core::phone::normalize::normalize;
use phonestorm_core::phone::score::{ScoreConfig, score_site};
use phonestorm_core::phone::{PhoneNumber, Sighting};
use serde_json::Value;

fn corpus(area: &str) -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata")
        .join(area);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus files in {}", dir.display());
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        assert!(doc["description"].is_string(), "{}", file.display());
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        for case in doc["cases"].as_array().unwrap() {
            let name = format!("{stem}/{}", case["name"].as_str().unwrap());
            cases.push((name, case.clone()));
        }
    }
    cases
}

#[test]
fn normalize_corpus() {
    let cases = corpus("normalize");
    let mut failures = Vec::new();
    for (name, case) in &cases {
        let input = case["input"].as_str().unwrap();
        let region = case["region"].as_str().unwrap();
        let got = normalize(input, region);
        match (case.get("error").and_then(Value::as_str), &got) {
            (Some(code), Err(err)) if err.code() == code => {}
            (Some(code), _) => failures.push(format!("{name}: expected error {code}, got {got:?}")),
            (None, Ok(number)) => {
                let e164 = case["e164"].as_str().unwrap();
                let extension = case["extension"].as_str();
                if number.e164 != e164 || number.extension.as_deref() != extension {
                    failures.push(format!(
                        "{name}: expected {e164} {extension:?}, got {number:?}"
                    ));
                }
                // Round trip: the E.164 form normalises to itself.
                let again = normalize(&number.e164, region).map(|n| n.e164);
                if again.as_deref() != Ok(e164) {
                    failures.push(format!("{name}: round trip gave {again:?}"));
                }
            }
            (None, Err(err)) => {
                failures.push(format!("{name}: unexpected error {err} ({})", err.code()))
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn classify_corpus() {
    let mut failures = Vec::new();
    for (name, case) in corpus("classify_score") {
        if !name.starts_with("classify/") {
            continue;
        }
        let number = PhoneNumber {
            e164: case["e164"].as_str().unwrap().to_owned(),
            extension: None,
        };
        let input: ClassifyInput = serde_json::from_value(serde_json::json!({
            "roles": case["roles"],
            "line_type": case["line_type"],
        }))
        .unwrap();
        let got = classify(&number, &input);
        let expected = serde_json::to_value(got.phone_type).unwrap();
        if expected != case["expected_type"] {
            failures.push(format!(
                "{name}: expected {}, got {:?} ({:?})",
                case["expected_type"], got.phone_type, got.evidence
            ));
        }
        if got.evidence.is_empty() {
            failures.push(format!("{name}: no evidence"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn score_corpus() {
    let config = ScoreConfig::default();
    let mut failures = Vec::new();
    for (name, case) in corpus("classify_score") {
        if !name.starts_with("score/") {
            continue;
        }
        let sightings: Vec<Sighting> = case["sightings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s["number"] = serde_json::json!({"e164": s["e164"].clone(), "extension": null});
                serde_json::from_value(s).unwrap()
            })
            .collect();
        let domain_counts: HashMap<String, u32> =
            serde_json::from_value(case["domain_counts"].clone()).unwrap();
        let site = score_site(&sightings, &domain_counts, &config);
        let expected = &case["expected"];
        let best = site.best.as_ref().map(|b| b.number.e164.as_str());
        if best != expected["best"].as_str() {
            failures.push(format!(
                "{name}: best {best:?}, expected {}",
                expected["best"]
            ));
        }
        let want = expected["confidence"].as_object().unwrap();
        if want.len() != site.numbers.len() {
            failures.push(format!(
                "{name}: {} numbers, expected {}",
                site.numbers.len(),
                want.len()
            ));
        }
        for number in &site.numbers {
            let e164 = &number.number.e164;
            let ok_conf = want
                .get(e164)
                .and_then(Value::as_f64)
                .is_some_and(|c| (c - number.confidence).abs() < 1e-9);
            let ok_source = expected["source"][e164].as_str() == Some(number.source.as_str());
            let should_reject = expected["rejected"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r.as_str() == Some(e164));
            if !ok_conf || !ok_source || should_reject != number.rejected.is_some() {
                failures.push(format!("{name}: {e164} got {number:?}"));
            }
            if number.explanation.is_empty() {
                failures.push(format!("{name}: {e164} unexplained"));
            }
        }
        // Input order never changes the result.
        let mut reversed = sightings.clone();
        reversed.reverse();
        if score_site(&reversed, &domain_counts, &config) != site {
            failures.push(format!("{name}: depends on input order"));
        }
        let lead = site.lead_phone_fields();
        if lead.lead_phone_e164.as_deref() != best {
            failures.push(format!("{name}: lead fields {lead:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn score_config_defaults_and_serde() {
    let config: ScoreConfig = serde_json::from_str(r#"{"schema": 0.95}"#).unwrap();
    assert_eq!(config.schema, 0.95);
    assert_eq!(config.contact_page, 0.8);
    assert_eq!(config.reject_domains, 5);
    let lead = serde_json::to_value(phonestorm_core::phone::LeadPhoneFields::default()).unwrap();
    for field in [
        "lead_phone_raw",
        "lead_phone_e164",
        "phone_confidence",
        "phone_source",
        "phone_type",
    ] {
        assert!(lead.get(field).is_some(), "{field}");
    }
}
