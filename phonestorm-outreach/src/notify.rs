//! Human handoff notifications (seed 002 §4F: "Send notification to user via SMS and email;
//! include conversation history; provide dashboard link").

use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::email::{EmailSender, OutgoingEmail};
use crate::error::OutreachError;
use crate::model::{Contact, Direction, HistoryEntry};
use crate::sms::{SendOutcome, SmsSender};

/// A lead that needs a human.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handoff {
    /// The contact.
    pub contact: Contact,
    /// Why (`interested`, `positive_sentiment`).
    pub reason: String,
    /// The conversation so far.
    pub history: Vec<HistoryEntry>,
    /// Dashboard link for full context.
    pub dashboard_url: Option<String>,
}

impl Handoff {
    /// Short text for an SMS.
    pub fn sms_text(&self) -> String {
        let name = self
            .contact
            .fields
            .owner_name
            .as_deref()
            .unwrap_or("A lead");
        let last = self
            .history
            .iter()
            .rev()
            .find(|h| h.direction == Direction::Inbound)
            .map(|h| h.body.as_str())
            .unwrap_or("");
        let mut s = format!(
            "HOT LEAD: {name} ({}) is {}: \"{last}\"",
            self.contact.fields.phone.as_deref().unwrap_or("-"),
            self.reason
        );
        if let Some(u) = &self.dashboard_url {
            s.push(' ');
            s.push_str(u);
        }
        s
    }

    /// Full text with history for an email.
    pub fn email_text(&self) -> String {
        let mut s = self.sms_text();
        s.push_str("\n\nConversation:\n");
        for h in &self.history {
            let who = if h.direction == Direction::Inbound {
                "them"
            } else {
                "us"
            };
            s.push_str(&format!("[{}] {who}: {}\n", h.at, h.body));
        }
        s
    }
}

/// Tells a human.
#[async_trait]
pub trait Notifier: Send + Sync {
    /// Sends the notification.
    async fn notify(&self, h: &Handoff) -> Result<(), OutreachError>;
}

/// Notifies by SMS.
pub struct SmsNotifier {
    /// Sender.
    pub sender: Arc<dyn SmsSender>,
    /// The user's phone.
    pub to: String,
}

/// Notifies by email.
pub struct EmailNotifier {
    /// Sender.
    pub sender: Arc<dyn EmailSender>,
    /// The user's email.
    pub to: String,
}

/// Notifies through all of several notifiers (all are tried; the first error is returned).
pub struct Notifiers(pub Vec<Arc<dyn Notifier>>);

fn check(o: SendOutcome) -> Result<(), OutreachError> {
    match o {
        SendOutcome::Accepted { .. } => Ok(()),
        SendOutcome::OptedOut { code } | SendOutcome::Permanent { code, .. } => {
            Err(OutreachError::Provider {
                message: "notification not delivered".into(),
                code: Some(code),
                retryable: false,
            })
        }
        SendOutcome::Retry { code, message } => Err(OutreachError::Provider {
            message,
            code: Some(code),
            retryable: true,
        }),
    }
}

#[async_trait]
impl Notifier for SmsNotifier {
    async fn notify(&self, h: &Handoff) -> Result<(), OutreachError> {
        check(self.sender.send_sms(&self.to, &h.sms_text()).await?)
    }
}

#[async_trait]
impl Notifier for EmailNotifier {
    async fn notify(&self, h: &Handoff) -> Result<(), OutreachError> {
        let name = h.contact.fields.owner_name.as_deref().unwrap_or("lead");
        check(
            self.sender
                .send_email(&OutgoingEmail {
                    to: self.to.clone(),
                    subject: format!("Hot lead: {name} ({})", h.reason),
                    body: h.email_text(),
                })
                .await?,
        )
    }
}

#[async_trait]
impl Notifier for Notifiers {
    async fn notify(&self, h: &Handoff) -> Result<(), OutreachError> {
        let mut first = None;
        for n in &self.0 {
            if let Err(e) = n.notify(h).await {
                first.get_or_insert(e);
            }
        }
        first.map_or(Ok(()), Err)
    }
}
