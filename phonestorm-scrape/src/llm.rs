//! The [`Llm`] trait (one chat call) and its Ollama adapter (`POST /api/chat`), used by the
//! deep audit to word the dossier. The wire types, the prompt and the checks on the answer
//! are the core's (`phonestorm_core::llm`); this module is only the transport, with a
//! timeout, so a slow or absent model never holds an audit up.

use std::time::Duration;

use async_trait::async_trait;
use phonestorm_core::llm::{ChatMessage, ChatOptions, ChatRequest, ChatResponse};
use serde::{Deserialize, Serialize};

/// Why a chat call failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LlmCallError {
    /// No answer within the timeout.
    #[error("model timed out after {0} ms")]
    Timeout(u64),
    /// Transport or HTTP failure.
    #[error("model call failed: {0}")]
    Http(String),
    /// The body is not Ollama's chat JSON.
    #[error("model answer is not chat JSON: {0}")]
    BadBody(String),
}

impl LlmCallError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            LlmCallError::Timeout(_) => "llm_timeout",
            LlmCallError::Http(_) => "llm_http",
            LlmCallError::BadBody(_) => "llm_bad_body",
        }
    }
}

/// A chat model. Implement it to plug another engine (OpenAI-compatible, a local runtime):
/// given the messages, return the assistant's text; `json` asks for a JSON answer.
#[async_trait]
pub trait Llm: Send + Sync {
    /// One non-streaming chat turn.
    async fn chat(&self, messages: &[ChatMessage], json: bool) -> Result<String, LlmCallError>;
}

/// Ollama settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OllamaConfig {
    /// Server base URL.
    pub base_url: String,
    /// Model name.
    pub model: String,
    /// Whole-call timeout.
    pub timeout_ms: u64,
    /// Sampling temperature (low: a dossier should be factual).
    pub temperature: f64,
}

impl Default for OllamaConfig {
    fn default() -> Self {
        OllamaConfig {
            base_url: "http://127.0.0.1:11434".into(),
            model: "llama3.1:8b".into(),
            timeout_ms: 20_000,
            temperature: 0.2,
        }
    }
}

/// The Ollama `/api/chat` adapter.
#[derive(Debug, Clone)]
pub struct OllamaLlm {
    cfg: OllamaConfig,
    http: reqwest::Client,
}

impl OllamaLlm {
    /// An adapter (no connection is made until the first call).
    pub fn new(cfg: OllamaConfig) -> Result<Self, LlmCallError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(cfg.timeout_ms))
            .build()
            .map_err(|e| LlmCallError::Http(e.to_string()))?;
        Ok(OllamaLlm { cfg, http })
    }
}

#[async_trait]
impl Llm for OllamaLlm {
    async fn chat(&self, messages: &[ChatMessage], json: bool) -> Result<String, LlmCallError> {
        let req = ChatRequest {
            model: self.cfg.model.clone(),
            messages: messages.to_vec(),
            stream: false,
            format: json.then(|| "json".to_owned()),
            options: ChatOptions {
                temperature: self.cfg.temperature,
            },
        };
        let url = format!("{}/api/chat", self.cfg.base_url.trim_end_matches('/'));
        let call = async {
            let resp = self
                .http
                .post(url)
                .json(&req)
                .send()
                .await
                .map_err(|e| LlmCallError::Http(e.to_string()))?;
            if !resp.status().is_success() {
                return Err(LlmCallError::Http(format!("HTTP {}", resp.status())));
            }
            let body: ChatResponse = resp
                .json()
                .await
                .map_err(|e| LlmCallError::BadBody(e.to_string()))?;
            Ok(body.message.content)
        };
        tokio::time::timeout(Duration::from_millis(self.cfg.timeout_ms), call)
            .await
            .map_err(|_| LlmCallError::Timeout(self.cfg.timeout_ms))?
    }
}
