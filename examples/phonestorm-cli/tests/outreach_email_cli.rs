//! `phonestorm outreach run-due` sends email touches over SMTP: the binary against a real
//! SMTP server on loopback (Python `aiosmtpd`, with AUTH), a real SQLite file, at a fixed
//! `--now`. Running the same tick again sends nothing more.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[path = "../../../phonestorm-outreach/tests/support/smtp_server.rs"]
mod smtp_server;

const NOW: &str = "2026-03-02T15:00:00Z"; // 10:00 in Orlando (area code 407)

/// Runs `phonestorm outreach --store DB --now NOW ARGS` with `envs`; JSON lines of stdout.
fn outreach(db: &Path, args: &[&str], envs: &[(&str, String)]) -> Vec<serde_json::Value> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_phonestorm"));
    cmd.arg("outreach")
        .arg("--store")
        .arg(db)
        .args(["--now", NOW])
        .args(args);
    for k in [
        "SMTP_HOST",
        "TWILIO_ACCOUNT_SID",
        "PHONESTORM_STORE",
        "PHONESTORM_POSTAL_ADDRESS",
    ] {
        cmd.env_remove(k);
    }
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("phonestorm-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Everything the server received until `n` messages have ended (or 20 s passed).
fn messages(smtp: &smtp_server::SmtpServer, n: usize, wait: Duration) -> Vec<String> {
    let mut got = Vec::new();
    let mut cur = String::new();
    while got.len() < n {
        match smtp.lines.recv_timeout(wait) {
            Ok(l) if l == "END" => got.push(std::mem::take(&mut cur)),
            Ok(l) => {
                cur.push_str(&l);
                cur.push('\n');
            }
            Err(_) => break,
        }
    }
    got
}

#[test]
fn run_due_sends_email_touches_over_smtp_once() {
    let Some(smtp) = smtp_server::start() else {
        return;
    };
    let dir = scratch("run-due-email");
    let db = dir.join("crm.sqlite");
    outreach(&db, &["init"], &[]);
    outreach(
        &db,
        &[
            "template",
            "mail_1",
            "Hi {owner_name}, {sender_name} here. Would you consider an offer on your property?",
            "--channel",
            "email",
            "--subject",
            "About your property",
        ],
        &[],
    );
    let schedule = dir.join("schedule.json");
    std::fs::write(
        &schedule,
        r#"{"touches":[{"day":0,"channel":"email","template":"mail_1"},
                       {"day":3,"channel":"email","template":"mail_1"},
                       {"day":14,"channel":"email","template":"mail_1"}],"send_hour":10}"#,
    )
    .unwrap();
    let campaign = outreach(
        &db,
        &[
            "campaign",
            "mail-a",
            "--schedule",
            schedule.to_str().unwrap(),
        ],
        &[],
    );
    let campaign_id = campaign[0]["id"].as_i64().unwrap().to_string();
    let csv = dir.join("contacts.csv");
    std::fs::write(
        &csv,
        "parcel_id,phone,email,source,owner_name\nP-1,(407) 234-5678,pat.owner@example.com,manual_upload,Pat\n",
    )
    .unwrap();
    let report = outreach(&db, &["import", csv.to_str().unwrap()], &[]);
    assert_eq!(report[0]["imported"], 1, "{report:?}");
    let contact_id = report[0]["contact_ids"][0].as_i64().unwrap().to_string();
    outreach(&db, &["enroll", &campaign_id, &contact_id], &[]);

    let smtp_env = vec![
        ("SMTP_HOST", "127.0.0.1".to_owned()),
        ("SMTP_PORT", smtp.port.to_string()),
        ("SMTP_SECURITY", "plain".to_owned()),
        ("SMTP_USERNAME", "agent".to_owned()),
        ("SMTP_PASSWORD", "secret".to_owned()),
        (
            "SMTP_FROM",
            "Sam Holliday <sam@wholesaler.example>".to_owned(),
        ),
        ("PHONESTORM_SENDER_NAME", "Sam".to_owned()),
        (
            "PHONESTORM_POSTAL_ADDRESS",
            "12 Orange Ave, Orlando, FL 32801".to_owned(),
        ),
    ];
    let outcomes = outreach(&db, &["run-due"], &smtp_env);
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    assert_eq!(outcomes[0]["outcome"]["result"], "sent", "{outcomes:?}");

    let got = messages(&smtp, 1, Duration::from_secs(20));
    assert_eq!(got.len(), 1);
    let m = &got[0];
    assert!(
        m.starts_with("MAIL sam@wholesaler.example pat.owner@example.com"),
        "{m}"
    );
    assert!(m.contains("Subject: About your property"), "{m}");
    assert!(m.contains("Hi Pat, Sam here."), "{m}");
    // CAN-SPAM: the postal address from the environment is in the footer.
    assert!(m.contains("12 Orange Ave, Orlando, FL 32801"), "{m}");

    // The same tick again (a retried scheduler task): nothing more leaves.
    let again = outreach(&db, &["run-due"], &smtp_env);
    assert!(again.is_empty(), "{again:?}");
    assert!(messages(&smtp, 1, Duration::from_secs(2)).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn run_due_without_any_channel_is_a_clear_error() {
    let dir = scratch("run-due-none");
    let db = dir.join("crm.sqlite");
    outreach(&db, &["init"], &[]);
    let out = Command::new(env!("CARGO_BIN_EXE_phonestorm"))
        .arg("outreach")
        .arg("--store")
        .arg(&db)
        .arg("run-due")
        .env_remove("SMTP_HOST")
        .env_remove("TWILIO_ACCOUNT_SID")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("SMTP_HOST"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
