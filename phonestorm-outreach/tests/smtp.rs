//! SMTP adapter against a real SMTP server on loopback (Python `aiosmtpd`, with AUTH), and a
//! handoff notification through it.

use std::io::BufRead;
use std::sync::mpsc;

use phonestorm_outreach::email::{EmailSender, OutgoingEmail, SmtpConfig, SmtpEmail, SmtpSecurity};
use phonestorm_outreach::sms::SendOutcome;

/// The server script, shared with the CLI's `run-due` test.
const SERVER: &str = include_str!("smtp_server.py");

struct Server {
    child: std::process::Child,
    lines: mpsc::Receiver<String>,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Option<Server> {
    let has = std::process::Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !has {
        let installed = std::process::Command::new("python3")
            .args(["-m", "pip", "install", "-q", "aiosmtpd"])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !installed {
            assert!(
                std::env::var("PHONESTORM_TEST_SMTP").is_err(),
                "aiosmtpd required in CI"
            );
            eprintln!("SKIP: python3 aiosmtpd not available");
            return None;
        }
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = std::process::Command::new("python3")
        .args(["-c", SERVER, &port.to_string()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for l in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    let first = rx.recv_timeout(std::time::Duration::from_secs(30)).unwrap();
    assert_eq!(first, "READY");
    Some(Server {
        child,
        lines: rx,
        port,
    })
}

fn cfg(port: u16, password: &str) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".into(),
        port,
        security: SmtpSecurity::Plain,
        username: Some("agent".into()),
        password: Some(password.into()),
        from: "Sam Holliday <sam@wholesaler.example>".into(),
        timeout_secs: 10,
    }
}

#[tokio::test]
async fn smtp_sends_with_auth_to_real_server() {
    let Some(server) = start() else { return };
    let s = SmtpEmail::new(cfg(server.port, "secret")).unwrap();
    let out = s
        .send_email(&OutgoingEmail {
            to: "owner@example.com".into(),
            subject: "About 123 Main St".into(),
            body: "Hi Pat,\nWould you consider an offer?\n\nReply STOP to opt out.".into(),
        })
        .await
        .unwrap();
    let SendOutcome::Accepted { provider_id, .. } = out else {
        panic!("{out:?}")
    };
    let mut got = Vec::new();
    loop {
        let l = server
            .lines
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap();
        if l == "END" {
            break;
        }
        got.push(l);
    }
    let text = got.join("\n");
    assert!(
        got[0].starts_with("MAIL sam@wholesaler.example owner@example.com"),
        "{text}"
    );
    assert!(text.contains("Subject: About 123 Main St"), "{text}");
    assert!(text.contains("Would you consider an offer?"), "{text}");
    assert!(text.contains(&provider_id), "{text}");
}
