//! Email composition with a CAN-SPAM footer (15 U.S.C. 7704(a)(3), (a)(5): a working
//! unsubscribe mechanism and the sender's valid physical postal address).

use super::MessageError;
use serde::{Deserialize, Serialize};

/// The sender identity every commercial email must carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CanSpamFooter {
    /// Sender or business name.
    pub sender_name: String,
    /// Valid physical postal address (required).
    pub postal_address: String,
    /// Unsubscribe link; when absent the footer asks for a reply with "unsubscribe".
    pub unsubscribe_url: Option<String>,
}

/// A composed email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    /// Subject line.
    pub subject: String,
    /// Plain-text body with the footer.
    pub text: String,
}

/// Most words in an email body. Seed 002 Phase 4D: "email: 200-300 words".
pub const DEFAULT_EMAIL_MAX_WORDS: usize = 300;

/// Composes a plain-text email: subject and body trimmed, the body limited to `max_words`
/// words, then the CAN-SPAM footer (sender, postal address, unsubscribe line).
///
/// ```
/// use phonestorm_core::message::{compose_email, CanSpamFooter};
/// let footer = CanSpamFooter {
///     sender_name: "Acme Homes".into(),
///     postal_address: "1 Main St, Miami, FL 33101".into(),
///     unsubscribe_url: None,
/// };
/// let e = compose_email("Your property", "Hi Ana,\n\nQuick note.", &footer, 300).unwrap();
/// assert!(e.text.ends_with("Acme Homes, 1 Main St, Miami, FL 33101\nTo stop receiving these emails, reply \"unsubscribe\"."));
/// ```
pub fn compose_email(
    subject: &str,
    body: &str,
    footer: &CanSpamFooter,
    max_words: usize,
) -> Result<Email, MessageError> {
    let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
    let body = body.trim();
    if subject.is_empty() || body.is_empty() {
        return Err(MessageError::Empty);
    }
    let words = body.split_whitespace().count();
    if words > max_words {
        return Err(MessageError::TooManyWords {
            words,
            max: max_words,
        });
    }
    if footer.postal_address.trim().is_empty() {
        return Err(MessageError::MissingPostalAddress);
    }
    let unsubscribe = match footer.unsubscribe_url.as_deref().map(str::trim) {
        Some(url) if !url.is_empty() => format!("Unsubscribe: {url}"),
        _ => "To stop receiving these emails, reply \"unsubscribe\".".to_string(),
    };
    let sender = footer.sender_name.trim();
    let address = footer.postal_address.trim();
    let identity = if sender.is_empty() {
        address.to_string()
    } else {
        format!("{sender}, {address}")
    };
    Ok(Email {
        subject,
        text: format!("{body}\n\n--\n{identity}\n{unsubscribe}"),
    })
}
