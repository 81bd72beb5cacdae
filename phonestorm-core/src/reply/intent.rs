//! Keyword intent fallback (seed 002 Phase 4D/4F: "Keyword fallback matching for
//! reliability"): used when no LLM is available or its answer is unusable.

use super::normalize::{find_phrase, tokens};
use serde::{Deserialize, Serialize};

/// The intent categories of seed 002 (Phase 4D "Intent Detection").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// Wants to talk or hear an offer.
    Interested,
    /// Declines.
    NotInterested,
    /// Asks something.
    Question,
    /// Wants no more messages.
    OptOut,
    /// Nothing recognisable.
    Unknown,
}

impl Intent {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Interested => "interested",
            Intent::NotInterested => "not_interested",
            Intent::Question => "question",
            Intent::OptOut => "opt_out",
            Intent::Unknown => "unknown",
        }
    }
}

fn list(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// The intent lexicons (normalised phrases) and weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IntentConfig {
    /// Phrases showing interest.
    pub interested: Vec<String>,
    /// Phrases declining.
    pub not_interested: Vec<String>,
    /// Words declining only as the first word ("no", "nope").
    pub not_interested_leading: Vec<String>,
    /// Phrases that contain a cue word but mean neither ("not sure", "no problem").
    pub neutral: Vec<String>,
    /// Words that negate a following interest phrase within [`Self::negation_window`] words.
    pub negators: Vec<String>,
    /// How many words back a negator reaches. Default 3 (as VADER).
    pub negation_window: usize,
    /// Question words that make a reply a question when it starts with one.
    pub question_words: Vec<String>,
    /// Confidence of a reply with one cue and no conflicting cue. Default 0.6.
    pub base_confidence: f64,
    /// Added per extra agreeing cue. Default 0.1.
    pub per_extra_cue: f64,
    /// Highest confidence the keyword fallback claims. Default 0.9.
    pub max_confidence: f64,
}

impl Default for IntentConfig {
    fn default() -> Self {
        Self {
            interested: list(&[
                "interested",
                "yes",
                "yeah",
                "yep",
                "yup",
                "sure",
                "sounds good",
                "tell me more",
                "more info",
                "more information",
                "call me",
                "give me a call",
                "lets talk",
                "how much",
                "whats your offer",
                "what is your offer",
                "make me an offer",
                "whats the offer",
                "offer",
                "make an offer",
                "send me an offer",
                "send an offer",
                "open to",
                "possibly",
                "maybe",
                "definitely",
                "absolutely",
                "im in",
                "would consider",
                "willing to sell",
                "want to sell",
                "looking to sell",
                "thinking about selling",
                "ready to sell",
                "si",
                "me interesa",
                "interesado",
                "interesada",
                "llamame",
                "llameme",
                "cuanto",
                "claro",
            ]),
            not_interested: list(&[
                "not interested",
                "no thanks",
                "no thank you",
                "not selling",
                "no longer selling",
                "no longer interested",
                "not for sale",
                "already sold",
                "sold it",
                "sold the",
                "not looking",
                "no interest",
                "ill pass",
                "pass",
                "not at this time",
                "not right now",
                "dont want",
                "do not want",
                "not going to sell",
                "never selling",
                "no gracias",
                "no me interesa",
                "no estoy interesado",
                "no estoy interesada",
                "no vendo",
                "ya vendi",
            ]),
            not_interested_leading: list(&["no", "nope", "nah", "never"]),
            neutral: list(&[
                "not sure",
                "no problem",
                "no worries",
                "no idea",
                "no rush",
                "why not",
            ]),
            negators: list(&[
                "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "wont",
                "cant", "cannot", "without", "hardly", "nunca", "ni", "tampoco",
            ]),
            negation_window: 3,
            question_words: list(&[
                "who", "what", "whats", "when", "where", "why", "how", "which", "can", "could",
                "would", "will", "is", "are", "do", "does", "did", "que", "quien", "cuando",
                "donde", "como", "cual", "por que", "porque",
            ]),
            base_confidence: 0.6,
            per_extra_cue: 0.1,
            max_confidence: 0.9,
        }
    }
}

/// What the keyword fallback concluded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntentGuess {
    /// The intent.
    pub intent: Intent,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The cues found, e.g. `"not_interested: no longer selling"`.
    pub evidence: Vec<String>,
}

/// Guesses the intent of `text` from cue phrases (opt-out is decided by
/// [`super::detect_keyword`] before this runs).
pub fn intent_by_keywords(text: &str, cfg: &IntentConfig) -> IntentGuess {
    let toks = tokens(text);
    let mut used = vec![false; toks.len()];
    let mut evidence = Vec::new();
    let (mut yes, mut no, mut ask) = (0usize, 0usize, 0usize);
    let claim = |used: &mut [bool], at: usize, len: usize| -> bool {
        if used[at..at + len].iter().any(|u| *u) {
            return false;
        }
        used[at..at + len].iter_mut().for_each(|u| *u = true);
        true
    };
    let phrase_len = |p: &str| p.split(' ').filter(|w| !w.is_empty()).count();
    // Longest phrases first so "not interested" claims its words before "interested".
    let mut neutral: Vec<&String> = cfg.neutral.iter().collect();
    neutral.sort_by_key(|p| std::cmp::Reverse(phrase_len(p)));
    for p in neutral {
        for at in find_phrase(&toks, p) {
            claim(&mut used, at, phrase_len(p));
        }
    }
    let mut declines: Vec<&String> = cfg.not_interested.iter().collect();
    declines.sort_by_key(|p| std::cmp::Reverse(phrase_len(p)));
    for p in declines {
        for at in find_phrase(&toks, p) {
            if claim(&mut used, at, phrase_len(p)) {
                no += 1;
                evidence.push(format!("not_interested: {p}"));
            }
        }
    }
    let mut interests: Vec<&String> = cfg.interested.iter().collect();
    interests.sort_by_key(|p| std::cmp::Reverse(phrase_len(p)));
    for p in interests {
        for at in find_phrase(&toks, p) {
            let len = phrase_len(p);
            if !claim(&mut used, at, len) {
                continue;
            }
            let negator = (1..=cfg.negation_window)
                .filter_map(|back| at.checked_sub(back))
                // A negator already part of another phrase ("no problem") negates nothing.
                .find(|&j| !used[j] && cfg.negators.contains(&toks[j]));
            match negator {
                Some(j) => {
                    no += 1;
                    evidence.push(format!("not_interested: {} … {p} (negated)", toks[j]));
                }
                None => {
                    yes += 1;
                    evidence.push(format!("interested: {p}"));
                }
            }
        }
    }
    if let Some(first) = toks.first() {
        if !used[0] && cfg.not_interested_leading.contains(first) {
            no += 1;
            evidence.push(format!("not_interested: leading {first}"));
        }
    }
    if text.contains('?') || text.contains('¿') {
        ask += 1;
        evidence.push("question: question mark".to_string());
    }
    if let Some(first) = toks.first() {
        if cfg.question_words.contains(first) {
            // One question cue is enough; a second does not outweigh an interest cue.
            ask = 1;
            evidence.push(format!("question: starts with {first}"));
        }
    }
    // Ties: declining wins over interest, interest over a question (a price question
    // shows interest; seed 002 routes interest to a human).
    let ranked = [
        (Intent::NotInterested, no),
        (Intent::Interested, yes),
        (Intent::Question, ask),
    ];
    let Some(&(intent, best)) = ranked
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(std::cmp::Ordering::Greater))
    else {
        return IntentGuess {
            intent: Intent::Unknown,
            confidence: 0.0,
            evidence,
        };
    };
    let conflicting = ranked
        .iter()
        .filter(|(i, n)| {
            *i != intent && *n > 0 && !(intent == Intent::Interested && *i == Intent::Question)
        })
        .count();
    let mut confidence = cfg.base_confidence + cfg.per_extra_cue * (best.saturating_sub(1)) as f64;
    if conflicting > 0 {
        confidence *= 0.7;
    }
    IntentGuess {
        intent,
        confidence: confidence.clamp(0.0, cfg.max_confidence),
        evidence,
    }
}
