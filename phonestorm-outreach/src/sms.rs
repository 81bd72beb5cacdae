//! SMS channel: the [`SmsSender`] trait and the Twilio REST adapter, plus Twilio webhooks
//! (inbound messages and status callbacks) with `X-Twilio-Signature` verification.

use std::time::Duration;

use async_trait::async_trait;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};

use crate::error::OutreachError;
use crate::model::CommStatus;

/// What the provider did with a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SendOutcome {
    /// Accepted for delivery.
    Accepted {
        /// Provider's id (Twilio `SM…` SID).
        provider_id: String,
        /// Provider status (`queued`, `sent`, …).
        status: CommStatus,
        /// Price in millionths of a dollar, when the provider reports it.
        cost_micros: i64,
    },
    /// The recipient has opted out at the provider (Twilio 21610): record it in the ledger.
    OptedOut {
        /// Provider code.
        code: String,
    },
    /// Will never succeed (bad number, landline, …).
    Permanent {
        /// Provider code.
        code: String,
        /// Provider message.
        message: String,
    },
    /// May succeed later (rate limit, server error, network).
    Retry {
        /// Provider code.
        code: String,
        /// Provider message.
        message: String,
    },
}

/// Sends text messages.
#[async_trait]
pub trait SmsSender: Send + Sync {
    /// Sends `body` to an E.164 number.
    async fn send_sms(&self, to: &str, body: &str) -> Result<SendOutcome, OutreachError>;
}

/// Twilio account settings (seed 002 "Configuration Requirements": account SID, auth token,
/// phone number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TwilioConfig {
    /// Account SID (`AC…`).
    pub account_sid: String,
    /// Auth token (also the webhook signing key).
    pub auth_token: String,
    /// Sender number (E.164) — or use `messaging_service_sid`.
    pub from: Option<String>,
    /// Messaging service SID (`MG…`).
    pub messaging_service_sid: Option<String>,
    /// Status callback URL for delivery updates.
    pub status_callback: Option<String>,
    /// API base (default `https://api.twilio.com`; tests point it at a local server).
    pub base_url: String,
    /// Request timeout in seconds.
    pub timeout_secs: u64,
}

impl TwilioConfig {
    /// Config with the default API base and a 15 s timeout.
    pub fn new(account_sid: &str, auth_token: &str, from: &str) -> Self {
        TwilioConfig {
            account_sid: account_sid.into(),
            auth_token: auth_token.into(),
            from: Some(from.into()),
            messaging_service_sid: None,
            status_callback: None,
            base_url: "https://api.twilio.com".into(),
            timeout_secs: 15,
        }
    }
}

/// Twilio Programmable Messaging over the REST API (`POST /2010-04-01/Accounts/{sid}/Messages.json`,
/// form-encoded, basic auth).
#[derive(Debug, Clone)]
pub struct TwilioSms {
    cfg: TwilioConfig,
    http: reqwest::Client,
}

#[derive(Deserialize)]
struct TwilioMessage {
    sid: String,
    status: Option<String>,
    price: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct TwilioError {
    code: Option<i64>,
    message: Option<String>,
}

/// Maps a Twilio status string to ours.
pub fn twilio_status(s: &str) -> CommStatus {
    match s {
        "accepted" | "scheduled" | "queued" | "sending" => CommStatus::Queued,
        "sent" => CommStatus::Sent,
        "delivered" | "read" => CommStatus::Delivered,
        "undelivered" => CommStatus::Undelivered,
        "received" | "receiving" => CommStatus::Received,
        _ => CommStatus::Failed,
    }
}

/// Classifies a Twilio error code: 21610 (recipient unsubscribed) → opt-out; 20429, 20500,
/// 20503, 30001 (queue overflow), 14107 (rate limit) → retry; others (21211 invalid To,
/// 21408 region, 21612, 21614 not mobile, 30003–30007 unreachable/landline/filtered, …) →
/// permanent.
pub fn classify_twilio_error(code: i64, message: &str, http_status: u16) -> SendOutcome {
    let c = code.to_string();
    match code {
        21610 => SendOutcome::OptedOut { code: c },
        20429 | 20500 | 20503 | 30001 | 14107 => SendOutcome::Retry {
            code: c,
            message: message.into(),
        },
        _ if http_status == 429 || http_status >= 500 => SendOutcome::Retry {
            code: c,
            message: message.into(),
        },
        _ => SendOutcome::Permanent {
            code: c,
            message: message.into(),
        },
    }
}

fn price_micros(v: &Option<serde_json::Value>) -> i64 {
    let f = match v {
        Some(serde_json::Value::String(s)) => s.parse::<f64>().ok(),
        Some(serde_json::Value::Number(n)) => n.as_f64(),
        _ => None,
    };
    // Twilio reports prices negative (a charge).
    f.map(|p| (p.abs() * 1e6).round() as i64).unwrap_or(0)
}

impl TwilioSms {
    /// A sender.
    pub fn new(cfg: TwilioConfig) -> Result<Self, OutreachError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(cfg.timeout_secs))
            .build()
            .map_err(|e| OutreachError::Provider {
                message: e.to_string(),
                code: None,
                retryable: false,
            })?;
        Ok(TwilioSms { cfg, http })
    }

    /// The config.
    pub fn config(&self) -> &TwilioConfig {
        &self.cfg
    }
}

#[async_trait]
impl SmsSender for TwilioSms {
    async fn send_sms(&self, to: &str, body: &str) -> Result<SendOutcome, OutreachError> {
        let url = format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            self.cfg.base_url.trim_end_matches('/'),
            self.cfg.account_sid
        );
        let mut form: Vec<(&str, &str)> = vec![("To", to), ("Body", body)];
        if let Some(ms) = &self.cfg.messaging_service_sid {
            form.push(("MessagingServiceSid", ms));
        } else if let Some(f) = &self.cfg.from {
            form.push(("From", f));
        }
        if let Some(cb) = &self.cfg.status_callback {
            form.push(("StatusCallback", cb));
        }
        let resp = match self
            .http
            .post(&url)
            .basic_auth(&self.cfg.account_sid, Some(&self.cfg.auth_token))
            .form(&form)
            .send()
            .await
        {
            Ok(r) => r,
            Err(e) if e.is_timeout() => {
                return Ok(SendOutcome::Retry {
                    code: "timeout".into(),
                    message: e.to_string(),
                });
            }
            Err(e) => {
                return Ok(SendOutcome::Retry {
                    code: "network".into(),
                    message: e.to_string(),
                });
            }
        };
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        if (200..300).contains(&status) {
            let m: TwilioMessage =
                serde_json::from_str(&text).map_err(|e| OutreachError::Provider {
                    message: format!("twilio reply not understood: {e}"),
                    code: None,
                    retryable: false,
                })?;
            return Ok(SendOutcome::Accepted {
                provider_id: m.sid,
                status: twilio_status(m.status.as_deref().unwrap_or("queued")),
                cost_micros: price_micros(&m.price),
            });
        }
        let err: TwilioError = serde_json::from_str(&text).unwrap_or(TwilioError {
            code: None,
            message: Some(text.clone()),
        });
        Ok(classify_twilio_error(
            err.code.unwrap_or(i64::from(status)),
            err.message.as_deref().unwrap_or(""),
            status,
        ))
    }
}

/// Computes Twilio's `X-Twilio-Signature`: base64(HMAC-SHA1(auth_token, url + each POST
/// parameter name and value, sorted by name, concatenated)).
pub fn twilio_signature(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let mut data = url.to_owned();
    for (k, v) in sorted {
        data.push_str(k);
        data.push_str(v);
    }
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = match Hmac::<sha1::Sha1>::new_from_slice(auth_token.as_bytes()) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(data.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Checks a webhook: `signature` (the header, `None` if absent) against the URL Twilio
/// called and the form body. Constant-time comparison.
pub fn verify_twilio_webhook(
    auth_token: &str,
    url: &str,
    form_body: &str,
    signature: Option<&str>,
) -> Result<Vec<(String, String)>, OutreachError> {
    let sig = signature.ok_or(OutreachError::BadSignature)?;
    let params: Vec<(String, String)> = url::form_urlencoded::parse(form_body.as_bytes())
        .into_owned()
        .collect();
    let expected = twilio_signature(auth_token, url, &params);
    let (a, b) = (expected.as_bytes(), sig.trim().as_bytes());
    let same = a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0;
    if !same || expected.is_empty() {
        return Err(OutreachError::BadSignature);
    }
    Ok(params)
}

/// An inbound SMS from a verified webhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TwilioInbound {
    /// `MessageSid`.
    pub message_sid: String,
    /// `From` (E.164).
    pub from: String,
    /// `To`.
    pub to: String,
    /// `Body`.
    pub body: String,
}

/// A delivery status callback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TwilioStatus {
    /// `MessageSid`.
    pub message_sid: String,
    /// `MessageStatus` mapped.
    pub status: CommStatus,
    /// `ErrorCode`.
    pub error_code: Option<String>,
}

fn get<'a>(p: &'a [(String, String)], k: &str) -> Option<&'a str> {
    p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

/// Reads an inbound-message webhook's verified parameters.
pub fn parse_inbound(params: &[(String, String)]) -> Result<TwilioInbound, OutreachError> {
    let need = |k: &str| {
        get(params, k)
            .map(str::to_owned)
            .ok_or_else(|| OutreachError::Invalid(format!("webhook lacks {k}")))
    };
    Ok(TwilioInbound {
        message_sid: need("MessageSid").or_else(|_| need("SmsSid"))?,
        from: need("From")?,
        to: need("To").unwrap_or_default(),
        body: need("Body").unwrap_or_default(),
    })
}

/// Reads a status callback's verified parameters.
pub fn parse_status(params: &[(String, String)]) -> Result<TwilioStatus, OutreachError> {
    let sid = get(params, "MessageSid")
        .ok_or_else(|| OutreachError::Invalid("callback lacks MessageSid".into()))?;
    let st = get(params, "MessageStatus")
        .or_else(|| get(params, "SmsStatus"))
        .ok_or_else(|| OutreachError::Invalid("callback lacks MessageStatus".into()))?;
    Ok(TwilioStatus {
        message_sid: sid.into(),
        status: twilio_status(st),
        error_code: get(params, "ErrorCode")
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    })
}

/// Composes an SMS with the core's rules (`phonestorm_core::message::compose_sms`: whitespace
/// collapsed, GSM-safe text, the "Reply STOP to opt out." footer of seed 000 §8 unless an
/// opt-out instruction is there, length and segment limits). Returns the final text.
pub fn compose_sms_text(
    body: &str,
    cfg: &phonestorm_core::message::SmsConfig,
) -> Result<String, OutreachError> {
    phonestorm_core::message::compose_sms(body, cfg)
        .map(|s| s.text)
        .map_err(|e| OutreachError::Invalid(format!("sms {}: {e}", e.code())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Twilio's security documentation example (auth token `12345`); the expected value
    /// was also recomputed with Python's `hmac` module.
    #[test]
    fn twilio_documented_example() {
        let p = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        let params = vec![
            p("CallSid", "CA1234567890ABCDE"),
            p("Caller", "+12349013030"),
            p("Digits", "1234"),
            p("From", "+12349013030"),
            p("To", "+18005551212"),
        ];
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assert_eq!(
            twilio_signature("12345", url, &params),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        );
    }

    #[test]
    fn signature_round_trip_and_rejects() {
        let url = "https://example.com/sms?x=1";
        let body = "From=%2B14075550123&Body=STOP&MessageSid=SM1&To=%2B13055550000";
        let params: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
        let sig = twilio_signature("secret", url, &params);
        assert!(verify_twilio_webhook("secret", url, body, Some(&sig)).is_ok());
        assert!(verify_twilio_webhook("secret", url, body, None).is_err());
        assert!(verify_twilio_webhook("wrong", url, body, Some(&sig)).is_err());
        assert!(verify_twilio_webhook("secret", "https://evil.com/sms", body, Some(&sig)).is_err());
    }

    #[test]
    fn error_codes() {
        assert!(matches!(
            classify_twilio_error(21610, "", 400),
            SendOutcome::OptedOut { .. }
        ));
        assert!(matches!(
            classify_twilio_error(20429, "", 429),
            SendOutcome::Retry { .. }
        ));
        assert!(matches!(
            classify_twilio_error(21211, "", 400),
            SendOutcome::Permanent { .. }
        ));
    }
}
