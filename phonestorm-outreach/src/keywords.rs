//! Keyword fallback for reply classification and a small sentiment lexicon, used when the LLM
//! times out or answers nonsense, until `phonestorm_core::reply` is wired in.
//!
//! Opt-out words: FCC 24-24 (stop, quit, end, revoke, opt out, cancel, unsubscribe), Twilio's
//! defaults (stopall, optout), plus Spanish (alto, parar, cancelar, baja) — see
//! `shared/COMPLIANCE.md`. A keyword counts in a short reply (≤ 4 words) or alone; "stopped by
//! your office" is not an opt-out.

use crate::model::Intent;

const OPT_OUT: &[&str] = &[
    "stop",
    "stopall",
    "quit",
    "end",
    "revoke",
    "optout",
    "cancel",
    "unsubscribe",
    "remove",
    "alto",
    "parar",
    "cancelar",
    "baja",
];
const OPT_OUT_PHRASES: &[&str] = &[
    "opt out",
    "stop all",
    "stop texting",
    "stop messaging",
    "do not text",
    "don't text",
    "dont text",
    "do not contact",
    "take me off",
    "remove me",
    "no más",
    "no mas",
];
const INTERESTED: &[&str] = &[
    "interested",
    "call me",
    "i'd sell",
    "id sell",
    "i would sell",
    "want to sell",
    "make an offer",
    "make me an offer",
    "yes",
    "sure",
    "let's talk",
    "lets talk",
    "sounds good",
];
const NOT_INTERESTED: &[&str] = &[
    "not interested",
    "no thanks",
    "no thank you",
    "not selling",
    "won't sell",
    "wont sell",
    "never",
    "leave me alone",
];
const QUESTION_STARTS: &[&str] = &[
    "who", "what", "when", "where", "why", "how", "is ", "are ", "can ", "do ", "does ",
];

fn norm(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' || c == '?' || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn has_phrase(text: &str, p: &str) -> bool {
    let padded = format!(" {} ", text.replace('?', " "));
    padded.contains(&format!(" {p} "))
}

/// True if the reply is an opt-out request.
pub fn is_opt_out(text: &str) -> bool {
    let t = norm(text);
    let words: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
    if OPT_OUT_PHRASES.iter().any(|p| has_phrase(&t, p)) {
        return true;
    }
    words.len() <= 4 && words.iter().any(|w| OPT_OUT.contains(&w.trim_matches('?')))
}

/// Intent with a confidence.
pub fn classify(text: &str) -> (Intent, f64) {
    if is_opt_out(text) {
        return (Intent::OptOut, 0.95);
    }
    let t = norm(text);
    if NOT_INTERESTED.iter().any(|p| has_phrase(&t, p)) || t == "no" {
        return (Intent::NotInterested, 0.8);
    }
    if INTERESTED.iter().any(|p| has_phrase(&t, p)) {
        return (Intent::Interested, 0.75);
    }
    if t.contains('?') || QUESTION_STARTS.iter().any(|q| t.starts_with(q)) {
        return (Intent::Question, 0.7);
    }
    (Intent::Unknown, 0.3)
}

const POSITIVE: &[&str] = &[
    "yes",
    "great",
    "good",
    "interested",
    "sure",
    "love",
    "thanks",
    "thank",
    "sounds",
    "happy",
    "sell",
    "please",
];
const NEGATIVE: &[&str] = &[
    "no", "not", "never", "stop", "spam", "angry", "bad", "leave", "scam", "hate", "annoying",
];

/// Lexicon sentiment in [-1, 1].
pub fn sentiment(text: &str) -> f64 {
    let t = norm(text);
    let (mut pos, mut neg) = (0i32, 0i32);
    for w in t.split(' ') {
        let w = w.trim_matches('?');
        if POSITIVE.contains(&w) {
            pos += 1;
        }
        if NEGATIVE.contains(&w) {
            neg += 1;
        }
    }
    if pos + neg == 0 {
        0.0
    } else {
        f64::from(pos - neg) / f64::from(pos + neg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opt_out_words() {
        for t in [
            "STOP",
            "stop please",
            "pls stop!",
            "Unsubscribe",
            "opt out",
            "No más",
            "alto",
        ] {
            assert!(is_opt_out(t), "{t}");
        }
        for t in [
            "I stopped by your office yesterday to ask about the price",
            "yes I'd sell, call me",
        ] {
            assert!(!is_opt_out(t), "{t}");
        }
    }

    #[test]
    fn intents() {
        assert_eq!(classify("yes I'd sell, call me").0, Intent::Interested);
        assert_eq!(classify("How did you get my number?").0, Intent::Question);
        assert_eq!(classify("not interested").0, Intent::NotInterested);
        assert!(sentiment("yes I'd sell, call me") > 0.5);
    }
}
