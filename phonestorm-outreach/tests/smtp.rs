//! SMTP adapter against a real SMTP server on loopback (Python `aiosmtpd`, with AUTH), and a
//! handoff notification through it.

#[path = "support/smtp_server.rs"]
mod smtp_server;

use phonestorm_outreach::email::{EmailSender, OutgoingEmail, SmtpConfig, SmtpEmail, SmtpSecurity};
use phonestorm_outreach::sms::SendOutcome;
use smtp_server::start;

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
