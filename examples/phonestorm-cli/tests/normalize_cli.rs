//! Runs `phonestorm normalize` as a process.

use std::io::Write;
use std::process::{Command, Stdio};

fn phonestorm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_phonestorm"))
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

#[test]
fn normalizes_arguments() {
    let out = phonestorm()
        .args(["normalize", "(305) 234-5678 x12", "1-800-FLOWERS"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["e164"], "+13052345678");
    assert_eq!(lines[0]["extension"], "12");
    assert_eq!(lines[0]["input"], "(305) 234-5678 x12");
    assert_eq!(lines[1]["e164"], "+18003569377");
}

#[test]
fn rejected_input_sets_exit_status_and_others_still_run() {
    let out = phonestorm()
        .args(["normalize", "305-555-0123", "+44 20 7946 0958"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["error"], "nanp_fictional");
    assert_eq!(lines[1]["e164"], "+442079460958");
}

#[test]
fn reads_stdin_lines_and_survives_bad_utf8() {
    let mut child = phonestorm()
        .args(["normalize", "--region", "CA"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"(416) 555-2368\n\n\xff\xfe\n604.555.2368\r\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["e164"], "+14165552368");
    assert_eq!(lines[1]["error"], "invalid_utf8");
    assert_eq!(lines[2]["e164"], "+16045552368");
}
