//! Runs the `phonestorm` binary's `check-send` and `classify-reply`.

use std::process::Command;

fn run(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_phonestorm"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[test]
fn check_send_florida_evening_defers() {
    let v = run(&[
        "check-send",
        "--to",
        "+13055550123",
        "--at",
        "2025-06-03T00:30:00Z",
        "--json",
    ]);
    assert_eq!(v["decision"], "defer");
    assert_eq!(v["until"], "2025-06-03T12:00:00Z");
    assert_eq!(v["reasons"][0]["code"], "quiet_hours");
    assert!(
        v["reasons"][0]["explanation"]
            .as_str()
            .unwrap()
            .contains("FL")
    );
}

#[test]
fn check_send_allow_deny_and_files() {
    let v = run(&[
        "check-send",
        "--to",
        "+13055550123",
        "--at",
        "2025-06-02T23:30:00Z",
        "--json",
    ]);
    assert_eq!(v["decision"], "allow");
    assert!(v["until"].is_null());
    let v = run(&[
        "check-send",
        "--to",
        "+13055550123",
        "--at",
        "2025-06-02T16:00:00Z",
        "--dnc",
        "--json",
    ]);
    assert_eq!(v["decision"], "deny");
    assert_eq!(v["reasons"][0]["code"], "do_not_call");
    let dir = std::env::temp_dir().join(format!("phonestorm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let history = dir.join("history.json");
    std::fs::write(&history, r#"{"opt_outs": ["2025-01-01T00:00:00Z"]}"#).unwrap();
    let v = run(&[
        "check-send",
        "--to",
        "+13055550123",
        "--at",
        "2025-06-02T16:00:00Z",
        "--history",
        history.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(v["decision"], "deny");
    assert_eq!(v["reasons"][0]["code"], "opted_out");
    let policy = dir.join("policy.json");
    std::fs::write(
        &policy,
        r#"{"unknown_zone": {"action": "assume", "zones": ["America/New_York"]}}"#,
    )
    .unwrap();
    let v = run(&[
        "check-send",
        "--to",
        "+18005550123",
        "--at",
        "2025-06-02T16:00:00Z",
        "--policy",
        policy.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(v["decision"], "allow");
    let v = run(&[
        "check-send",
        "--to",
        "+18005550123",
        "--at",
        "2025-06-02T16:00:00Z",
        "--json",
    ]);
    assert_eq!(v["decision"], "deny");
    assert_eq!(v["reasons"][0]["code"], "unknown_zone");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_send_rejects_bad_time() {
    let out = Command::new(env!("CARGO_BIN_EXE_phonestorm"))
        .args(["check-send", "--to", "+13055550123", "--at", "tomorrow"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn classify_reply_json() {
    let v = run(&["classify-reply", "--json", "STOP!!"]);
    assert_eq!(v["intent"], "opt_out");
    assert_eq!(v["keyword"], "opt_out");
    assert_eq!(v["confidence"], 1.0);
    assert_eq!(v["action"], "process_opt_out");
    let v = run(&[
        "classify-reply",
        "--json",
        "not interested, no longer selling",
    ]);
    assert_eq!(v["intent"], "not_interested");
    assert!(v["keyword"].is_null());
    assert!(v["evidence"].as_array().unwrap().len() >= 2);
    let v = run(&["classify-reply", "--json", "What's the offer?"]);
    assert_eq!(v["intent"], "interested");
    let v = run(&["classify-reply", "--json", "When would you come by?"]);
    assert_eq!(v["intent"], "question");
}
