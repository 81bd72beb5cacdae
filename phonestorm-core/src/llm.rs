//! What phonestorm says to a language model and how it checks the answer, with no I/O: the
//! Ollama `/api/chat` wire types (shared by the scrape and outreach adapters, so the JSON
//! shape is written once), the deep-audit dossier prompt, the validation of the model's
//! dossier, and the deterministic dossier used when there is no model or its answer fails
//! the checks.
//!
//! A model may only rephrase what the audit found: every talking point must name a gap the
//! audit reported (its `approved_claim_id` is the gap's key, seed 001's `audit_dossier`), so a
//! model cannot invent a claim to say on a sales call.

use serde::{Deserialize, Serialize};

use crate::audit::Gap;

/// One chat message (`role`: `system`, `user` or `assistant`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// Who speaks.
    pub role: String,
    /// What is said.
    pub content: String,
}

impl ChatMessage {
    /// A message from `role`.
    pub fn new(role: &str, content: impl Into<String>) -> Self {
        ChatMessage {
            role: role.to_owned(),
            content: content.into(),
        }
    }
}

/// Sampling options of an Ollama chat request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatOptions {
    /// Sampling temperature.
    pub temperature: f64,
}

/// Body of `POST /api/chat` (Ollama), non-streaming.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatRequest {
    /// Model name (`llama3.1:8b`).
    pub model: String,
    /// The conversation.
    pub messages: Vec<ChatMessage>,
    /// Always false: one JSON answer.
    pub stream: bool,
    /// `"json"` to ask for a JSON answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Sampling options.
    pub options: ChatOptions,
}

/// The part of Ollama's `/api/chat` answer phonestorm reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatResponse {
    /// The assistant's message.
    pub message: ChatMessage,
}

/// Why a model's answer was not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LlmError {
    /// Not the JSON asked for.
    #[error("model answer is not the JSON asked for: {0}")]
    NotJson(String),
    /// A talking point rests on no gap the audit found.
    #[error("talking point cites a claim the audit did not find: {0}")]
    UnapprovedClaim(String),
    /// Empty, too long or otherwise unusable text.
    #[error("model answer unusable: {0}")]
    Unusable(String),
}

impl LlmError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            LlmError::NotJson(_) => "llm_not_json",
            LlmError::UnapprovedClaim(_) => "llm_unapproved_claim",
            LlmError::Unusable(_) => "llm_unusable",
        }
    }
}

/// A talking point, shaped like seed 001's `audit_dossier.talking_points[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkingPoint {
    /// What to say.
    pub text: String,
    /// The gap key this point rests on.
    pub approved_claim_id: String,
    /// The page that shows the gap.
    pub source_url: Option<String>,
}

/// The model-written (or deterministic) part of a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierText {
    /// Two or three sentences on the business and its gaps.
    pub summary: String,
    /// One point per gap worth raising.
    pub talking_points: Vec<TalkingPoint>,
    /// `llm` or `deterministic`.
    pub written_by: String,
}

/// Limits on a model's dossier answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DossierLimits {
    /// Longest summary, in characters.
    pub max_summary_chars: usize,
    /// Longest talking point, in characters.
    pub max_point_chars: usize,
    /// Most talking points kept.
    pub max_points: usize,
    /// Characters of page text given to the model, over all pages.
    pub max_context_chars: usize,
}

impl Default for DossierLimits {
    fn default() -> Self {
        DossierLimits {
            max_summary_chars: 600,
            max_point_chars: 280,
            max_points: 6,
            max_context_chars: 6_000,
        }
    }
}

/// The chat messages asking for a dossier of `business` from its audit `gaps` and page text
/// (`pages`: URL and text, cut to `limits.max_context_chars` in all).
pub fn dossier_prompt(
    business: &str,
    gaps: &[Gap],
    pages: &[(String, String)],
    limits: &DossierLimits,
) -> Vec<ChatMessage> {
    let system = "You write short, factual sales-call dossiers for a web agency. Answer with JSON only: \
{\"summary\": string (2-3 sentences), \"talking_points\": [{\"text\": string, \"gap\": string}]}. \
Each talking point must be about exactly one of the listed gaps and name its key in \"gap\". \
Do not invent facts, prices or promises.";
    let mut user = format!("Business: {business}\nGaps found by the audit:\n");
    for g in gaps {
        user.push_str(&format!(
            "- {}: {} ({})\n",
            g.key,
            g.value,
            g.source_url.as_deref().unwrap_or("site")
        ));
    }
    user.push_str("Page text:\n");
    let mut budget = limits.max_context_chars;
    for (url, text) in pages {
        if budget == 0 {
            break;
        }
        let cut: String = text.chars().take(budget).collect();
        budget -= cut.chars().count();
        user.push_str(&format!("[{url}]\n{cut}\n"));
    }
    vec![
        ChatMessage::new("system", system),
        ChatMessage::new("user", user),
    ]
}

#[derive(Deserialize)]
struct RawDossier {
    summary: String,
    #[serde(default)]
    talking_points: Vec<RawPoint>,
}

#[derive(Deserialize)]
struct RawPoint {
    text: String,
    gap: String,
}

/// One line of prose: whitespace collapsed, wrapping quotes removed.
fn clean(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_matches(|c| c == '"' || c == '\'' || c == '“' || c == '”')
        .trim()
        .to_owned()
}

/// Checks a model's dossier answer against the audit: JSON of the asked shape, a summary of
/// bounded length, and talking points that each cite a gap in `gaps` (one point per gap).
///
/// ```
/// use phonestorm_core::audit::Gap;
/// use phonestorm_core::llm::{parse_dossier, DossierLimits};
/// let gaps = [Gap { key: "NO_CALL_TO_ACTION".into(), value: "no call to action".into(), source_url: None }];
/// let ok = r#"{"summary": "Joe's has a site but no call to action.",
///   "talking_points": [{"text": "Visitors are not asked to call.", "gap": "NO_CALL_TO_ACTION"}]}"#;
/// let d = parse_dossier(ok, &gaps, &DossierLimits::default()).unwrap();
/// assert_eq!(d.talking_points[0].approved_claim_id, "NO_CALL_TO_ACTION");
/// let invented = r#"{"summary": "x y z.", "talking_points": [{"text": "Your SEO is bad.", "gap": "BAD_SEO"}]}"#;
/// assert_eq!(parse_dossier(invented, &gaps, &DossierLimits::default()).unwrap_err().code(), "llm_unapproved_claim");
/// ```
pub fn parse_dossier(
    answer: &str,
    gaps: &[Gap],
    limits: &DossierLimits,
) -> Result<DossierText, LlmError> {
    let raw: RawDossier = serde_json::from_str(answer.trim())
        .map_err(|e| LlmError::NotJson(e.to_string().chars().take(120).collect()))?;
    let summary = clean(&raw.summary);
    if summary.split_whitespace().count() < 3 || summary.chars().count() > limits.max_summary_chars
    {
        return Err(LlmError::Unusable(format!(
            "summary of {} characters",
            summary.chars().count()
        )));
    }
    let mut talking_points: Vec<TalkingPoint> = Vec::new();
    for p in raw.talking_points {
        let key = p.gap.trim();
        let Some(gap) = gaps.iter().find(|g| g.key == key) else {
            return Err(LlmError::UnapprovedClaim(key.chars().take(80).collect()));
        };
        let text = clean(&p.text);
        if text.is_empty() || text.chars().count() > limits.max_point_chars {
            return Err(LlmError::Unusable(format!("talking point for {key}")));
        }
        if talking_points.iter().any(|t| t.approved_claim_id == key) {
            continue;
        }
        talking_points.push(TalkingPoint {
            text,
            approved_claim_id: gap.key.clone(),
            source_url: gap.source_url.clone(),
        });
    }
    if talking_points.is_empty() && !gaps.is_empty() {
        return Err(LlmError::Unusable("no talking point".into()));
    }
    talking_points.truncate(limits.max_points);
    Ok(DossierText {
        summary,
        talking_points,
        written_by: "llm".into(),
    })
}

/// The dossier without a model: the `fit_reason` as summary and one talking point per gap,
/// worded from the gap's own finding.
pub fn deterministic_dossier(
    business: &str,
    fit_reason: &str,
    gaps: &[Gap],
    limits: &DossierLimits,
) -> DossierText {
    let summary = if gaps.is_empty() {
        format!("{business}: the audit found no major website gaps.")
    } else {
        format!(
            "{business}: {} ({} website gaps found.)",
            fit_reason.trim(),
            gaps.len()
        )
    };
    let talking_points = gaps
        .iter()
        .take(limits.max_points)
        .map(|g| TalkingPoint {
            text: format!("The audit found: {}.", g.value.trim().trim_end_matches('.')),
            approved_claim_id: g.key.clone(),
            source_url: g.source_url.clone(),
        })
        .collect();
    DossierText {
        summary,
        talking_points,
        written_by: "deterministic".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(k: &str) -> Gap {
        Gap {
            key: k.into(),
            value: format!("{k} value"),
            source_url: Some("http://joes.test/".into()),
        }
    }

    #[test]
    fn rejects_nonsense_and_bounds_length() {
        let gaps = [gap("NO_EMAIL")];
        let l = DossierLimits::default();
        assert_eq!(
            parse_dossier("Sure! Here is a dossier.", &gaps, &l)
                .unwrap_err()
                .code(),
            "llm_not_json"
        );
        let long = format!(
            r#"{{"summary": "{}", "talking_points": [{{"text": "a", "gap": "NO_EMAIL"}}]}}"#,
            "word ".repeat(400)
        );
        assert_eq!(
            parse_dossier(&long, &gaps, &l).unwrap_err().code(),
            "llm_unusable"
        );
        let none = r#"{"summary": "A fine short summary.", "talking_points": []}"#;
        assert_eq!(
            parse_dossier(none, &gaps, &l).unwrap_err().code(),
            "llm_unusable"
        );
    }

    #[test]
    fn prompt_is_bounded_and_names_every_gap() {
        let gaps = [gap("NO_EMAIL"), gap("NO_HTTPS")];
        let pages = vec![("http://joes.test/".to_owned(), "x".repeat(50_000))];
        let m = dossier_prompt("Joe's", &gaps, &pages, &DossierLimits::default());
        assert_eq!(m.len(), 2);
        assert!(m[1].content.contains("NO_EMAIL") && m[1].content.contains("NO_HTTPS"));
        assert!(m[1].content.len() < 7_000);
    }

    #[test]
    fn deterministic_points_cite_each_gap() {
        let gaps = [gap("NO_EMAIL"), gap("NO_HTTPS")];
        let d = deterministic_dossier(
            "Joe's",
            "Opportunity: no email.",
            &gaps,
            &DossierLimits::default(),
        );
        let ids: Vec<_> = d
            .talking_points
            .iter()
            .map(|t| t.approved_claim_id.as_str())
            .collect();
        assert_eq!(ids, ["NO_EMAIL", "NO_HTTPS"]);
        assert_eq!(d.written_by, "deterministic");
        assert!(d.summary.starts_with("Joe's: Opportunity: no email."));
    }
}
