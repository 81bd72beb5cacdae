//! Email channel: the [`EmailSender`] trait, an SMTP adapter on `lettre` (STARTTLS / implicit
//! TLS / plain for loopback, optional AUTH), and parsing of inbound RFC 5322 replies.

use async_trait::async_trait;
use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

use crate::error::OutreachError;
use crate::model::CommStatus;
use crate::sms::SendOutcome;

/// An email to send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutgoingEmail {
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body (CAN-SPAM: must carry the unsubscribe line and postal address).
    pub body: String,
}

/// Sends email.
#[async_trait]
pub trait EmailSender: Send + Sync {
    /// Sends one message.
    async fn send_email(&self, msg: &OutgoingEmail) -> Result<SendOutcome, OutreachError>;
}

/// How to talk to the SMTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpSecurity {
    /// Implicit TLS (port 465).
    Tls,
    /// STARTTLS (port 587), required.
    StartTls,
    /// No TLS: loopback relays and tests only.
    Plain,
}

/// SMTP settings (seed 002: "Gmail SMTP").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmtpConfig {
    /// Server host.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Security.
    pub security: SmtpSecurity,
    /// Username for AUTH.
    pub username: Option<String>,
    /// Password for AUTH.
    pub password: Option<String>,
    /// From mailbox (`Name <addr>`).
    pub from: String,
    /// Timeout in seconds.
    pub timeout_secs: u64,
}

/// SMTP sender.
#[derive(Clone)]
pub struct SmtpEmail {
    cfg: SmtpConfig,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl std::fmt::Debug for SmtpEmail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SmtpEmail({}:{})", self.cfg.host, self.cfg.port)
    }
}

fn perr(e: impl std::fmt::Display, retryable: bool) -> OutreachError {
    OutreachError::Provider {
        message: e.to_string(),
        code: None,
        retryable,
    }
}

impl SmtpEmail {
    /// Builds the transport (connects lazily).
    pub fn new(cfg: SmtpConfig) -> Result<Self, OutreachError> {
        let mut b = match cfg.security {
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&cfg.host)
                .map_err(|e| perr(e, false))?,
            SmtpSecurity::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&cfg.host)
                    .map_err(|e| perr(e, false))?
            }
            SmtpSecurity::Plain => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.host)
            }
        }
        .port(cfg.port)
        .timeout(Some(std::time::Duration::from_secs(cfg.timeout_secs)));
        if let (Some(u), Some(p)) = (&cfg.username, &cfg.password) {
            b = b.credentials(Credentials::new(u.clone(), p.clone()));
        }
        Ok(SmtpEmail {
            transport: b.build(),
            cfg,
        })
    }
}

#[async_trait]
impl EmailSender for SmtpEmail {
    async fn send_email(&self, msg: &OutgoingEmail) -> Result<SendOutcome, OutreachError> {
        let from: Mailbox = self.cfg.from.parse().map_err(|e| perr(e, false))?;
        let to: Mailbox = match msg.to.parse() {
            Ok(m) => m,
            Err(e) => {
                return Ok(SendOutcome::Permanent {
                    code: "bad_address".into(),
                    message: e.to_string(),
                });
            }
        };
        let domain = from.email.domain().to_owned();
        let message_id = format!(
            "<{}.{}@{}>",
            jiff::Timestamp::now().as_nanosecond(),
            std::process::id(),
            domain
        );
        let email = Message::builder()
            .from(from)
            .to(to)
            .subject(&msg.subject)
            .message_id(Some(message_id.clone()))
            .header(ContentType::TEXT_PLAIN)
            .body(msg.body.clone())
            .map_err(|e| perr(e, false))?;
        match self.transport.send(email).await {
            Ok(_) => Ok(SendOutcome::Accepted {
                provider_id: message_id,
                status: CommStatus::Sent,
                cost_micros: 0,
            }),
            Err(e) if e.is_permanent() => Ok(SendOutcome::Permanent {
                code: e
                    .status()
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "smtp".into()),
                message: e.to_string(),
            }),
            Err(e) => Ok(SendOutcome::Retry {
                code: e
                    .status()
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "smtp".into()),
                message: e.to_string(),
            }),
        }
    }
}

/// A parsed inbound email reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboundEmail {
    /// Sender address, lower-cased.
    pub from: String,
    /// Subject.
    pub subject: String,
    /// New text of the reply (quoted lines and the "On … wrote:" tail removed).
    pub body: String,
    /// `Message-ID`.
    pub message_id: Option<String>,
}

/// Parses an RFC 5322 message (as received by a webhook or IMAP poll).
pub fn parse_inbound_email(raw: &[u8]) -> Result<InboundEmail, OutreachError> {
    let msg = mail_parser::MessageParser::default()
        .parse(raw)
        .ok_or_else(|| OutreachError::Invalid("not an RFC 5322 message".into()))?;
    let from = msg
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .ok_or_else(|| OutreachError::Invalid("no From address".into()))?
        .to_lowercase();
    let text = msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default();
    let mut kept = Vec::new();
    for line in text.lines() {
        let l = line.trim();
        if l.starts_with('>') {
            continue;
        }
        if (l.starts_with("On ") && l.ends_with("wrote:"))
            || l == "-- "
            || l.starts_with("-----Original")
        {
            break;
        }
        kept.push(line);
    }
    Ok(InboundEmail {
        from,
        subject: msg.subject().unwrap_or_default().to_owned(),
        body: kept.join("\n").trim().to_owned(),
        message_id: msg.message_id().map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_reply() {
        let raw = b"From: Jane Owner <Jane@Example.com>\r\nTo: agent@example.org\r\nSubject: Re: your property\r\nMessage-ID: <abc@example.com>\r\n\r\nYes, call me tomorrow.\r\n\r\nOn Mon, Nov 9, 2026 Agent wrote:\r\n> Would you sell?\r\n";
        let m = parse_inbound_email(raw).unwrap();
        assert_eq!(m.from, "jane@example.com");
        assert_eq!(m.body, "Yes, call me tomorrow.");
        assert_eq!(m.message_id.as_deref(), Some("abc@example.com"));
    }
}
