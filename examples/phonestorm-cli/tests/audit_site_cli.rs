//! `phonestorm audit-site` on the bundled sample web (a WARC), offline.

use std::process::Command;

#[test]
fn audit_site_runs_every_phase_on_the_sample_web() {
    let warc = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/sample-web.warc.gz");
    let out = Command::new(env!("CARGO_BIN_EXE_phonestorm"))
        .args([
            "audit-site",
            "http://coral-air-1.example/",
            "--warc",
            warc,
            "--name",
            "Coral Air 1",
            "--signals",
            "LOW_GOOGLE_RATING,NEEDS_WEB_AUDIT",
            "--json",
        ])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let job: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(job["status"], "completed");
    let phases: Vec<(&str, &str)> = job["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        phases,
        [
            ("map_urls", "complete"),
            ("filter_urls", "complete"),
            ("scrape_content", "complete"),
            ("generate_dossier", "complete")
        ]
    );
    assert_eq!(job["selected_urls"][0], "http://coral-air-1.example/");
    let d = &job["dossier"];
    let gaps: Vec<&str> = d["identified_gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    // The archive serves the site over plain HTTP.
    assert!(gaps.contains(&"NO_HTTPS"), "{gaps:?}");
    for t in d["talking_points"].as_array().unwrap() {
        assert!(gaps.contains(&t["approved_claim_id"].as_str().unwrap()));
    }
    assert_eq!(d["written_by"], "deterministic");
    assert!(
        d["fit_reason"]
            .as_str()
            .unwrap()
            .contains("Low Google rating")
    );
}

#[test]
fn audit_site_rejects_an_unknown_signal() {
    let out = Command::new(env!("CARGO_BIN_EXE_phonestorm"))
        .args([
            "audit-site",
            "http://x.example/",
            "--signals",
            "NOT_A_SIGNAL",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NOT_A_SIGNAL"));
}
