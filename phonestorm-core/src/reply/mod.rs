//! What did they reply? Opt-out/opt-in/help keywords, intent, sentiment, and the seed 002
//! Phase 4F decision table.
//!
//! Keywords come first and conservatively ([`detect_keyword`]); the intent keyword fallback
//! ([`intent_by_keywords`]) stands in for an LLM; [`sentiment`] scores in [-1, 1];
//! [`decide`] turns the result into an action.
//!
//! ```
//! use phonestorm_core::reply::{classify, decide, Action, Intent, ReplyConfig};
//! let cfg = ReplyConfig::default();
//! let c = classify("Stop texting me!!", &cfg);
//! assert_eq!(c.intent, Intent::OptOut);
//! assert_eq!(decide(&c, &cfg.decision), Action::ProcessOptOut);
//! let c = classify("No longer selling, thanks", &cfg);
//! assert_eq!(c.intent, Intent::NotInterested);
//! let c = classify("Yes I'm interested, call me", &cfg);
//! assert_eq!(decide(&c, &cfg.decision), Action::Escalate);
//! ```

mod intent;
mod keywords;
mod normalize;
mod sentiment;

pub use intent::{Intent, IntentConfig, IntentGuess, intent_by_keywords};
pub use keywords::{Keyword, KeywordConfig, KeywordMatch, detect_keyword};
pub use normalize::{MAX_CHARS, normalize, tokens};
pub use sentiment::sentiment;

use serde::{Deserialize, Serialize};

/// Thresholds of the decision table (seed 002 Phase 4F "Decision Engine").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionConfig {
    /// Escalate when sentiment is above this. Default 0.5 (seed 002 4F: "sentiment > 0.5 →
    /// Escalate to human").
    pub escalate_sentiment_above: f64,
    /// Below this intent confidence, treat the intent as unknown. Default 0.0 (seed: none).
    pub min_confidence: f64,
    /// Let high sentiment escalate a not-interested reply too. Default `false`: a polite
    /// "no thanks, have a great day!" stays cold (the seed lists both rules without order).
    pub sentiment_escalates_not_interested: bool,
}

impl Default for DecisionConfig {
    fn default() -> Self {
        Self {
            escalate_sentiment_above: 0.5,
            min_confidence: 0.0,
            sentiment_escalates_not_interested: false,
        }
    }
}

/// All reply settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplyConfig {
    /// Keyword lists.
    pub keywords: KeywordConfig,
    /// Intent lexicons.
    pub intent: IntentConfig,
    /// Decision thresholds.
    pub decision: DecisionConfig,
}

impl ReplyConfig {
    /// Checks thresholds are in range and keyword lists are normalised.
    pub fn validate(&self) -> Result<(), ReplyError> {
        let d = &self.decision;
        for (name, v) in [
            (
                "decision.escalate_sentiment_above",
                d.escalate_sentiment_above,
            ),
            ("decision.min_confidence", d.min_confidence),
            ("intent.base_confidence", self.intent.base_confidence),
            ("intent.max_confidence", self.intent.max_confidence),
        ] {
            if !(-1.0..=1.0).contains(&v) {
                return Err(ReplyError::OutOfRange(name.to_string()));
            }
        }
        let k = &self.keywords;
        for word in k
            .opt_out_phrases
            .iter()
            .chain(&k.opt_out_strong)
            .chain(&k.opt_out_weak)
            .chain(&k.opt_in)
            .chain(&k.help)
        {
            if word.is_empty() || normalize(word) != *word {
                return Err(ReplyError::NotNormalized(word.clone()));
            }
        }
        Ok(())
    }
}

/// Errors of the reply module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplyError {
    /// A threshold is outside [-1, 1].
    #[error("{0} is outside [-1, 1]")]
    OutOfRange(String),
    /// A keyword is empty or not in normalised form (lowercase, no accents or punctuation).
    #[error("keyword {0:?} is not normalised")]
    NotNormalized(String),
}

impl ReplyError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            ReplyError::OutOfRange(_) => "out_of_range",
            ReplyError::NotNormalized(_) => "not_normalized",
        }
    }
}

/// A classified reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    /// The intent.
    pub intent: Intent,
    /// The keyword family triggered, if any.
    pub keyword: Option<Keyword>,
    /// Confidence in the intent, [0, 1].
    pub confidence: f64,
    /// Sentiment, [-1, 1].
    pub sentiment: f64,
    /// What matched.
    pub evidence: Vec<String>,
}

/// Classifies an inbound reply: keywords first, then the intent fallback and sentiment.
pub fn classify(text: &str, cfg: &ReplyConfig) -> Classification {
    let score = sentiment(text);
    let keyword = detect_keyword(text, &cfg.keywords);
    if let Some(k) = keyword.as_ref().filter(|k| k.keyword == Keyword::OptOut) {
        return Classification {
            intent: Intent::OptOut,
            keyword: Some(Keyword::OptOut),
            confidence: if k.exact { 1.0 } else { 0.95 },
            sentiment: score,
            evidence: vec![format!("opt_out: {}", k.matched)],
        };
    }
    let guess = intent_by_keywords(text, &cfg.intent);
    let mut evidence = guess.evidence;
    if let Some(k) = &keyword {
        let family = match k.keyword {
            Keyword::OptIn => "opt_in",
            Keyword::Help => "help",
            Keyword::OptOut => "opt_out",
        };
        evidence.insert(0, format!("{family}: {}", k.matched));
    }
    Classification {
        intent: guess.intent,
        keyword: keyword.map(|k| k.keyword),
        confidence: guess.confidence,
        sentiment: score,
        evidence,
    }
}

/// What to do with a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Record the opt-out durably, cancel touches, send at most one confirmation.
    ProcessOptOut,
    /// Record the opt-in (only if the contact had opted out).
    ProcessOptIn,
    /// Send the help message.
    SendHelp,
    /// Hand over to a human (interest or high sentiment).
    Escalate,
    /// Answer with a generated reply.
    AutoReply,
    /// Mark the lead cold and stop the campaign.
    MarkCold,
    /// Nothing automatic; keep the conversation as is.
    None,
}

/// The seed 002 Phase 4F decision table, opt-out first:
/// opt-out → process now; interested or sentiment above the threshold → escalate;
/// question → auto-reply; not interested → cold.
pub fn decide(c: &Classification, cfg: &DecisionConfig) -> Action {
    if c.intent == Intent::OptOut || c.keyword == Some(Keyword::OptOut) {
        return Action::ProcessOptOut;
    }
    let intent = if c.confidence < cfg.min_confidence {
        Intent::Unknown
    } else {
        c.intent
    };
    let warm = c.sentiment > cfg.escalate_sentiment_above;
    match (intent, c.keyword) {
        (Intent::Interested, _) => Action::Escalate,
        (Intent::NotInterested, _) if warm && cfg.sentiment_escalates_not_interested => {
            Action::Escalate
        }
        (Intent::NotInterested, _) => Action::MarkCold,
        _ if warm => Action::Escalate,
        (_, Some(Keyword::Help)) => Action::SendHelp,
        (_, Some(Keyword::OptIn)) => Action::ProcessOptIn,
        (Intent::Question, _) => Action::AutoReply,
        _ => Action::None,
    }
}

#[cfg(test)]
mod tests;
