//! A real SMTP server on loopback for tests: Python `aiosmtpd` running `smtp_server.py`
//! (AUTH, one JSON line per received message on stdout). Shared by the outreach SMTP test
//! and the CLI's `run-due` test (`#[path]`-included), so both drive the same server.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The server script.
const SERVER: &str = include_str!("../smtp_server.py");

/// A running server; killed on drop.
pub struct SmtpServer {
    child: Child,
    /// Lines the server printed after `READY` (one JSON object per message).
    pub lines: mpsc::Receiver<String>,
    /// Its loopback port.
    pub port: u16,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python_ok(args: &[&str]) -> bool {
    Command::new("python3")
        .args(args)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Starts the server (installing aiosmtpd with pip if missing), or `None` (the test skips)
/// where it cannot be had outside CI; in CI (`PHONESTORM_TEST_SMTP` set) that fails instead.
pub fn start() -> Option<SmtpServer> {
    if !python_ok(&["-c", "import aiosmtpd"])
        && !python_ok(&["-m", "pip", "install", "-q", "aiosmtpd"])
    {
        assert!(
            std::env::var("PHONESTORM_TEST_SMTP").is_err(),
            "aiosmtpd required in CI"
        );
        eprintln!("SKIP: python3 aiosmtpd not available");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new("python3")
        .args(["-c", SERVER, &port.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for l in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    assert_eq!(
        lines.recv_timeout(Duration::from_secs(30)).unwrap(),
        "READY"
    );
    Some(SmtpServer { child, lines, port })
}
