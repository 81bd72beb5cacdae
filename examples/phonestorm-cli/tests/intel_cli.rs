//! Runs `phonestorm qualify` and `phonestorm audit` on the bundled samples.

use std::process::Command;

fn phonestorm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_phonestorm"))
}

fn examples(rel: &str) -> String {
    format!("{}/../{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

#[test]
fn qualify_new_shape() {
    let out = phonestorm()
        .args(["qualify", &examples("data/places_new.json"), "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let lines = json_lines(&out.stdout);
    let kept: Vec<_> = lines
        .iter()
        .filter(|l| l.get("qualificationScore").is_some())
        .collect();
    let dropped: Vec<_> = lines
        .iter()
        .filter(|l| l.get("discarded").is_some())
        .collect();
    assert_eq!(kept.len() + dropped.len(), 8);
    // Sorted by score; Joe's (no website 50 + low rating 30) first.
    assert_eq!(kept[0]["place_id"], "ChIJnew001");
    assert_eq!(kept[0]["qualificationScore"], 80.0);
    assert_eq!(
        kept[0]["signals"],
        serde_json::json!(["MISSING_WEBSITE", "LOW_GOOGLE_RATING"])
    );
    assert_eq!(kept[0]["phone"], "+13052345678");
    let scores: Vec<f64> = kept
        .iter()
        .map(|k| k["qualificationScore"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    let reason = |id: &str| {
        dropped
            .iter()
            .find(|d| d["place_id"] == id)
            .map(|d| d["discarded"].as_str().unwrap().to_string())
    };
    assert_eq!(reason("ChIJnew005").as_deref(), Some("missing_phone"));
    assert_eq!(
        reason("ChIJnew006").as_deref(),
        Some("invalid_phone: fictional")
    );
    assert_eq!(
        reason("ChIJnew007").as_deref(),
        Some("duplicate_domain: coolairhvac-miami.com")
    );
}

#[test]
fn qualify_legacy_shape_with_criteria() {
    let out = phonestorm()
        .args([
            "qualify",
            &examples("data/places_legacy.json"),
            "--criteria",
            "WEAK_WEB_PRESENCE,LOW_GOOGLE_RATING",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["place_id"], "ChIJold003");
    assert_eq!(lines[0]["qualificationScore"], 65.0);
    assert!(
        lines
            .iter()
            .any(|l| l["discarded"] == "invalid_record: invalid_rating")
    );
    let text = phonestorm()
        .args(["qualify", &examples("data/places_legacy.json")])
        .output()
        .unwrap();
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).contains("discarded ChIJold004"));
}

#[test]
fn qualify_unknown_criterion_fails() {
    let out = phonestorm()
        .args([
            "qualify",
            &examples("data/places_new.json"),
            "--criteria",
            "NOPE",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown_signal"));
}

#[test]
fn audit_sample_sites() {
    let out = phonestorm()
        .args([
            "audit",
            &examples("sites/joes-plumbing"),
            &examples("sites/cool-air-hvac"),
            &examples("sites/glow-med-spa.html"),
            "--year",
            "2026",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3);
    let keys = |l: &serde_json::Value| -> Vec<String> {
        l["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["key"].as_str().unwrap().to_string())
            .collect()
    };
    let joes = keys(&lines[0]);
    for k in [
        "WEBSITE_NOT_MOBILE_FRIENDLY",
        "NO_HTTPS",
        "MISSING_TITLE",
        "NO_CALL_TO_ACTION",
        "NO_CLICK_TO_CALL",
        "STALE_COPYRIGHT",
    ] {
        assert!(joes.contains(&k.to_string()), "{k} missing from {joes:?}");
    }
    assert!(
        !joes.contains(&"NO_EMAIL".to_string()),
        "obfuscated email on the about page counts"
    );
    assert_eq!(
        lines[0]["gaps"][0]["source_url"],
        "http://joesplumbing-miami.com/"
    );
    assert_eq!(lines[1]["gaps"], serde_json::json!([]));
    assert_eq!(lines[1]["best_email"], "maria.gomez@coolairhvac-miami.com");
    assert_eq!(lines[1]["fit_reason"], "Opportunity: no major gaps found.");
    assert_eq!(
        lines[0]["fit_reason"],
        "Opportunity: Website not mobile friendly, website not secure (no HTTPS) & home page without a title."
    );
    assert!(keys(&lines[2]).contains(&"STALE_COPYRIGHT".to_string()));
}
