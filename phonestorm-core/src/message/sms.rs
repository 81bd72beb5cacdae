//! SMS composition: opt-out footer, GSM-safe text, length limits, segments.

use super::MessageError;
use super::gsm::{Encoding, Segments, gsm_safe, segments};
use serde::{Deserialize, Serialize};

/// SMS composition settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmsConfig {
    /// Append the opt-out footer. Default `true`.
    pub require_footer: bool,
    /// The footer. Default "Reply STOP to opt out." (seed 000 §8).
    pub footer: String,
    /// Most characters in the final text, footer included. Default 160 (seed 002 Phase 4D
    /// "SMS: 160 chars").
    pub max_chars: usize,
    /// Most SMS segments. Default 1 (a 160-character GSM-7 message is one segment).
    pub max_segments: usize,
    /// Replace characters that force UCS-2 (curly quotes, dashes, emoji) by GSM-7 ones.
    /// Default `true`.
    pub gsm_transliterate: bool,
}

impl Default for SmsConfig {
    fn default() -> Self {
        Self {
            require_footer: true,
            footer: "Reply STOP to opt out.".to_string(),
            max_chars: 160,
            max_segments: 1,
            gsm_transliterate: true,
        }
    }
}

/// A composed SMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sms {
    /// The final text.
    pub text: String,
    /// Its characters.
    pub chars: usize,
    /// Its encoding.
    pub encoding: Encoding,
    /// Its segments.
    pub segments: Segments,
}

fn has_opt_out_instruction(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "reply stop",
        "text stop",
        "txt stop",
        "stop to opt",
        "stop to end",
        "stop to unsubscribe",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// Composes an SMS: whitespace collapsed, GSM-safe if configured, footer appended when
/// required and not already present, then checked against the limits.
///
/// ```
/// use phonestorm_core::message::{compose_sms, SmsConfig, Encoding};
/// let sms = compose_sms("Hi Ana — quick question about 12 Elm St?", &SmsConfig::default()).unwrap();
/// assert_eq!(sms.text, "Hi Ana - quick question about 12 Elm St? Reply STOP to opt out.");
/// assert_eq!((sms.encoding, sms.segments.count), (Encoding::Gsm7, 1));
/// assert!(compose_sms(&"x".repeat(200), &SmsConfig::default()).is_err());
/// ```
pub fn compose_sms(body: &str, cfg: &SmsConfig) -> Result<Sms, MessageError> {
    let mut text = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if cfg.gsm_transliterate {
        text = gsm_safe(&text);
    }
    if text.is_empty() {
        return Err(MessageError::Empty);
    }
    if cfg.require_footer && !has_opt_out_instruction(&text) {
        text.push(' ');
        text.push_str(cfg.footer.trim());
    }
    let chars = text.chars().count();
    if chars > cfg.max_chars {
        return Err(MessageError::TooLong {
            chars,
            max: cfg.max_chars,
        });
    }
    let segs = segments(&text);
    if segs.count > cfg.max_segments {
        return Err(MessageError::TooManySegments {
            segments: segs.count,
            max: cfg.max_segments,
        });
    }
    Ok(Sms {
        chars,
        encoding: segs.encoding,
        segments: segs,
        text,
    })
}
