//! The [`Llm`] trait (intent classification and short auto-replies), an Ollama adapter
//! (`POST /api/chat`, seed 002 §4D: Llama 3.1 8B, temperature 0.7) with a timeout and output
//! validation, and [`WithFallback`], which falls back to the keyword rules on timeout, error
//! or nonsense.

use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::error::OutreachError;
use crate::model::{Direction, HistoryEntry, Intent};

/// An intent with a confidence in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    /// Intent.
    pub intent: Intent,
    /// Confidence.
    pub confidence: f64,
    /// True when the keyword fallback produced it.
    pub fallback: bool,
}

/// A language model.
#[async_trait]
pub trait Llm: Send + Sync {
    /// Classifies a reply.
    async fn classify(&self, text: &str) -> Result<Classification, OutreachError>;
    /// Writes a 2–3 sentence answer to the last message, given the conversation.
    async fn reply(
        &self,
        history: &[HistoryEntry],
        question: &str,
    ) -> Result<String, OutreachError>;
}

/// Ollama settings (seed 002 "Ollama host URL and model name, LLM parameters").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OllamaConfig {
    /// Base URL (Ollama listens on 11434).
    pub base_url: String,
    /// Model name.
    pub model: String,
    /// Sampling temperature for replies (seed: 0.7); classification uses 0.
    pub temperature: f64,
    /// Per-request timeout in milliseconds (seed: responses in < 3 s).
    pub timeout_ms: u64,
    /// Who the agent speaks for, used in the reply prompt.
    pub agent_name: String,
}

impl Default for OllamaConfig {
    fn default() -> Self {
        OllamaConfig {
            base_url: "http://127.0.0.1:11434".into(),
            model: "llama3.1:8b".into(),
            temperature: 0.7,
            timeout_ms: 3000,
            agent_name: "our team".into(),
        }
    }
}

/// Ollama `/api/chat` adapter.
#[derive(Debug, Clone)]
pub struct Ollama {
    cfg: OllamaConfig,
    http: reqwest::Client,
}

// The Ollama wire types are the core's (`phonestorm_core::llm`), shared with the scrape
// crate's dossier adapter.
use phonestorm_core::llm::{ChatMessage, ChatOptions, ChatRequest, ChatResponse};

#[derive(Deserialize)]
struct IntentJson {
    intent: String,
    confidence: Option<f64>,
}

const CLASSIFY_PROMPT: &str = "You classify replies from property owners to a real-estate investor's text message. Answer only with JSON {\"intent\": one of \"interested\", \"not_interested\", \"question\", \"opt_out\", \"unknown\", \"confidence\": number between 0 and 1}.";

impl Ollama {
    /// An adapter.
    pub fn new(cfg: OllamaConfig) -> Result<Self, OutreachError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(cfg.timeout_ms))
            .build()
            .map_err(|e| OutreachError::Provider {
                message: e.to_string(),
                code: None,
                retryable: false,
            })?;
        Ok(Ollama { cfg, http })
    }

    async fn chat(
        &self,
        messages: Vec<ChatMessage>,
        json: bool,
        temperature: f64,
    ) -> Result<String, OutreachError> {
        let req = ChatRequest {
            model: self.cfg.model.clone(),
            messages,
            stream: false,
            format: json.then(|| "json".to_owned()),
            options: ChatOptions { temperature },
        };
        let url = format!("{}/api/chat", self.cfg.base_url.trim_end_matches('/'));
        let fut = self.http.post(url).json(&req).send();
        let resp = tokio::time::timeout(Duration::from_millis(self.cfg.timeout_ms), fut)
            .await
            .map_err(|_| OutreachError::Timeout("ollama".into()))?
            .map_err(|e| {
                if e.is_timeout() {
                    OutreachError::Timeout("ollama".into())
                } else {
                    OutreachError::Provider {
                        message: e.to_string(),
                        code: None,
                        retryable: true,
                    }
                }
            })?;
        if !resp.status().is_success() {
            return Err(OutreachError::Provider {
                message: format!("ollama HTTP {}", resp.status()),
                code: Some(resp.status().as_u16().to_string()),
                retryable: resp.status().is_server_error(),
            });
        }
        let body: ChatResponse = tokio::time::timeout(
            Duration::from_millis(self.cfg.timeout_ms),
            resp.json::<ChatResponse>(),
        )
        .await
        .map_err(|_| OutreachError::Timeout("ollama".into()))?
        .map_err(|e| OutreachError::Invalid(format!("ollama reply: {e}")))?;
        Ok(body.message.content)
    }
}

/// Validates a model's intent JSON.
pub fn parse_intent_json(s: &str) -> Result<Classification, OutreachError> {
    let j: IntentJson = serde_json::from_str(s.trim())
        .map_err(|e| OutreachError::Invalid(format!("intent JSON: {e}")))?;
    let intent = Intent::parse(j.intent.trim())
        .map_err(|_| OutreachError::Invalid(format!("unknown intent {:?}", j.intent)))?;
    let confidence = j.confidence.unwrap_or(0.5);
    if !(0.0..=1.0).contains(&confidence) || confidence.is_nan() {
        return Err(OutreachError::Invalid("confidence out of range".into()));
    }
    Ok(Classification {
        intent,
        confidence,
        fallback: false,
    })
}

/// Cleans a generated reply (seed 002 §4D: remove quotes, extra whitespace, hallucinations):
/// the core's `clean_llm_output` (quotes, preambles, labels, whitespace), then keeps at most
/// three sentences and 320 characters; rejects empty text and text with links, emails or
/// phone-like digit runs (the model must not invent contact details).
pub fn clean_reply(raw: &str) -> Result<String, OutreachError> {
    let t = phonestorm_core::message::clean_llm_output(raw);
    let mut out = String::new();
    let mut sentences = 0;
    for ch in t.chars() {
        out.push(ch);
        if matches!(ch, '.' | '!' | '?') {
            sentences += 1;
            if sentences == 3 {
                break;
            }
        }
    }
    let mut out = out.trim().to_owned();
    if out.chars().count() > 320 {
        out = out.chars().take(317).collect::<String>() + "...";
    }
    let digits_run = out
        .split(|c: char| !c.is_ascii_digit() && c != '-' && c != ' ')
        .any(|s| s.chars().filter(char::is_ascii_digit).count() >= 7);
    let lower = out.to_lowercase();
    if out.is_empty()
        || lower.contains("http")
        || lower.contains("www.")
        || out.contains('@')
        || digits_run
    {
        return Err(OutreachError::Invalid("generated reply rejected".into()));
    }
    Ok(out)
}

#[async_trait]
impl Llm for Ollama {
    async fn classify(&self, text: &str) -> Result<Classification, OutreachError> {
        let out = self
            .chat(
                vec![
                    ChatMessage {
                        role: "system".into(),
                        content: CLASSIFY_PROMPT.into(),
                    },
                    ChatMessage {
                        role: "user".into(),
                        content: text.into(),
                    },
                ],
                true,
                0.0,
            )
            .await?;
        parse_intent_json(&out)
    }

    async fn reply(
        &self,
        history: &[HistoryEntry],
        question: &str,
    ) -> Result<String, OutreachError> {
        let mut messages = vec![ChatMessage {
            role: "system".into(),
            content: format!(
                "You answer a property owner's question for {}, a local real-estate investor. Be consultative and brief: 2 to 3 sentences, plain text, no links, no phone numbers, no promises of a price.",
                self.cfg.agent_name
            ),
        }];
        for h in history.iter().rev().take(10).rev() {
            messages.push(ChatMessage {
                role: if h.direction == Direction::Inbound {
                    "user"
                } else {
                    "assistant"
                }
                .into(),
                content: h.body.clone(),
            });
        }
        messages.push(ChatMessage {
            role: "user".into(),
            content: question.into(),
        });
        let out = self.chat(messages, false, self.cfg.temperature).await?;
        clean_reply(&out)
    }
}

/// Keyword-only "model": the fallback, and the embedded default when no LLM runs. It
/// classifies with the core's rules (`phonestorm_core::reply::classify`: keywords, then the
/// intent fallback).
#[derive(Debug, Clone, Default)]
pub struct KeywordLlm {
    /// Canned answer to questions.
    pub canned_reply: Option<String>,
    /// The core's keyword lists and lexicons.
    pub reply: phonestorm_core::reply::ReplyConfig,
}

impl KeywordLlm {
    /// True if the core's keyword rules read `text` as an opt-out.
    pub fn is_opt_out(&self, text: &str) -> bool {
        phonestorm_core::reply::classify(text, &self.reply).intent
            == phonestorm_core::reply::Intent::OptOut
    }
}

const CANNED: &str = "Thanks for asking! We buy houses locally for cash and can make a no-obligation offer. Would you like a quick call to talk it over?";

#[async_trait]
impl Llm for KeywordLlm {
    async fn classify(&self, text: &str) -> Result<Classification, OutreachError> {
        let c = phonestorm_core::reply::classify(text, &self.reply);
        Ok(Classification {
            intent: c.intent.into(),
            confidence: c.confidence,
            fallback: true,
        })
    }
    async fn reply(&self, _history: &[HistoryEntry], _q: &str) -> Result<String, OutreachError> {
        Ok(self.canned_reply.clone().unwrap_or_else(|| CANNED.into()))
    }
}

/// Tries `primary`; on timeout, error or invalid output uses the keyword rules (and the canned
/// reply). Also: a keyword opt-out always wins over the model (opt-out detection must not
/// depend on a model).
pub struct WithFallback<L: Llm> {
    /// The model.
    pub primary: L,
    /// The fallback.
    pub fallback: KeywordLlm,
}

#[async_trait]
impl<L: Llm> Llm for WithFallback<L> {
    async fn classify(&self, text: &str) -> Result<Classification, OutreachError> {
        if self.fallback.is_opt_out(text) {
            return self.fallback.classify(text).await;
        }
        match self.primary.classify(text).await {
            Ok(c) => Ok(c),
            Err(e) => {
                tracing::warn!("llm classify failed ({}), keyword fallback", e.code());
                self.fallback.classify(text).await
            }
        }
    }
    async fn reply(&self, history: &[HistoryEntry], q: &str) -> Result<String, OutreachError> {
        match self.primary.reply(history, q).await {
            Ok(r) => Ok(r),
            Err(e) => {
                tracing::warn!("llm reply failed ({}), canned reply", e.code());
                self.fallback.reply(history, q).await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation() {
        assert_eq!(
            parse_intent_json(r#"{"intent":"question","confidence":0.9}"#)
                .unwrap()
                .intent,
            Intent::Question
        );
        assert!(parse_intent_json(r#"{"intent":"buy now","confidence":0.9}"#).is_err());
        assert!(parse_intent_json(r#"{"intent":"question","confidence":7}"#).is_err());
        assert!(parse_intent_json("I think they are interested").is_err());
        assert_eq!(
            clean_reply("  \"Great question.  We buy as-is. No fees! Anything else? More.\" ")
                .unwrap(),
            "Great question. We buy as-is. No fees!"
        );
        assert!(clean_reply("Call 407-555-0123 now").is_err());
        assert!(clean_reply("see https://x.y").is_err());
    }

    /// The fallback is the core's reply rules (the cases the removed local keyword list had).
    #[tokio::test]
    async fn keyword_fallback_is_the_core() {
        let k = KeywordLlm::default();
        for t in ["STOP", "pls stop!", "Unsubscribe", "opt out", "No más"] {
            assert!(k.is_opt_out(t), "{t}");
        }
        for t in [
            "I stopped by your office yesterday to ask about the price",
            "yes I'd sell, call me",
        ] {
            assert!(!k.is_opt_out(t), "{t}");
        }
        let c = |t: &'static str| {
            let k = k.clone();
            async move { k.classify(t).await.unwrap().intent }
        };
        assert_eq!(c("yes I'd sell, call me").await, Intent::Interested);
        assert_eq!(c("How did you get my number?").await, Intent::Question);
        assert_eq!(c("not interested").await, Intent::NotInterested);
    }
}
