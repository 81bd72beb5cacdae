//! Opt-out, opt-in and help keywords.
//!
//! Sources (`COMPLIANCE.md`, "Opt-out, opt-in, help"): the FCC's 2024 revocation order
//! (FCC 24-24, 47 CFR 64.1200(a)(10)–(12): revocation "by any reasonable means"; stop,
//! quit, end, revoke, opt out, cancel, unsubscribe count on their own), CTIA Messaging
//! Principles §5.1.3 (STOP, END, CANCEL, UNSUBSCRIBE, QUIT; HELP, INFO), Twilio's default
//! keywords (STOPALL, OPTOUT, REVOKE; START, YES, UNSTOP) and other vendors' (STOP ALL,
//! ARRET, OPT-OUT, REMOVE), plus Spanish.
//!
//! phonestorm is deliberately broader than Twilio's single-word rule: an opt-out phrase
//! anywhere, a strong keyword anywhere in a short reply, and a weak keyword (`end`,
//! `cancel`...) when the rest of the reply is filler ("cancel please"), but never a keyword
//! inside another word ("stopped") or a visit ("stop by your office").

use super::normalize::{find_phrase, tokens};
use serde::{Deserialize, Serialize};

/// Which keyword family a reply triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Keyword {
    /// Stop all messages.
    OptOut,
    /// Resume messages (apply only to a contact who opted out).
    OptIn,
    /// Send the help message.
    Help,
}

/// A keyword found in a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeywordMatch {
    /// The family.
    pub keyword: Keyword,
    /// The words that matched (normalised).
    pub matched: String,
    /// The whole reply was the keyword (Twilio/CTIA style), not a phrase inside it.
    pub exact: bool,
}

fn list(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// The keyword lists (normalised form: lowercase, no accents, no punctuation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeywordConfig {
    /// Phrases that opt out wherever they occur (FCC "any reasonable means").
    pub opt_out_phrases: Vec<String>,
    /// Words that opt out anywhere in a short reply (unless followed by a visit word).
    pub opt_out_strong: Vec<String>,
    /// Words that opt out when the rest of the reply is filler.
    pub opt_out_weak: Vec<String>,
    /// Words after a strong keyword that make it something else ("stop by").
    pub not_opt_out_after: Vec<String>,
    /// Words that do not change a reply's meaning ("please", "now", "me").
    pub filler: Vec<String>,
    /// A short reply has at most this many words. Default 6.
    pub short_reply_words: usize,
    /// Opt-in words (Twilio START, YES, UNSTOP): only as the whole reply.
    pub opt_in: Vec<String>,
    /// Help words (CTIA HELP, INFO; Spanish AYUDA): the whole reply, filler allowed.
    pub help: Vec<String>,
}

impl Default for KeywordConfig {
    fn default() -> Self {
        Self {
            opt_out_phrases: list(&[
                "opt out",
                "optout",
                "stop all",
                "stopall",
                "unsubscribe",
                "revoke",
                "remove me",
                "take me off",
                "stop texting",
                "stop messaging",
                "stop calling",
                "stop contacting",
                "stop sending",
                "stop text",
                "dont text",
                "do not text",
                "dont call",
                "do not call",
                "dont contact",
                "do not contact",
                "dont message",
                "do not message",
                "no more texts",
                "no more messages",
                "wrong number",
                "leave me alone",
                "lose my number",
                "delete my number",
                "not the right number",
                "no me escribas",
                "no me escriba",
                "no me envies",
                "no me envie",
                "no me mandes",
                "no me mande",
                "no me llames",
                "no me llame",
                "no me contactes",
                "no me contacte",
                "dame de baja",
                "darme de baja",
                "numero equivocado",
                "no mas mensajes",
                "no mas textos",
            ]),
            opt_out_strong: list(&["stop", "alto", "baja", "arret", "cancel", "unsubscribe"]),
            opt_out_weak: list(&[
                "end", "quit", "remove", "parar", "para", "cancelar", "basta", "no mas",
            ]),
            not_opt_out_after: list(&["by", "in", "over", "at"]),
            filler: list(&[
                "please",
                "pls",
                "plz",
                "now",
                "right",
                "away",
                "asap",
                "it",
                "this",
                "that",
                "thanks",
                "thank",
                "you",
                "thx",
                "ty",
                "me",
                "all",
                "ok",
                "okay",
                "just",
                "the",
                "texts",
                "text",
                "texting",
                "messages",
                "message",
                "msgs",
                "msg",
                "sms",
                "already",
                "i",
                "said",
                "again",
                "sir",
                "maam",
                "por",
                "favor",
                "ya",
                "gracias",
                "mensajes",
                "ahora",
                "now",
                "immediately",
                "subscription",
            ]),
            short_reply_words: 6,
            opt_in: list(&["start", "unstop", "yes"]),
            help: list(&["help", "info", "ayuda"]),
        }
    }
}

/// Whether every token outside `[start, start + len)` is filler.
fn rest_is_filler(tokens: &[String], start: usize, len: usize, cfg: &KeywordConfig) -> bool {
    tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < start || *i >= start + len)
        .all(|(_, t)| {
            cfg.filler.contains(t) || cfg.opt_out_strong.contains(t) || cfg.opt_out_weak.contains(t)
        })
}

/// The keyword a reply triggers, opt-out first.
///
/// ```
/// use phonestorm_core::reply::{detect_keyword, Keyword, KeywordConfig};
/// let cfg = KeywordConfig::default();
/// assert_eq!(detect_keyword("Stop please 🙏", &cfg).unwrap().keyword, Keyword::OptOut);
/// assert_eq!(detect_keyword("I stopped by your office", &cfg), None);
/// assert_eq!(detect_keyword("HELP", &cfg).unwrap().keyword, Keyword::Help);
/// ```
pub fn detect_keyword(text: &str, cfg: &KeywordConfig) -> Option<KeywordMatch> {
    let toks = tokens(text);
    if toks.is_empty() {
        return None;
    }
    let whole = toks.join(" ");
    let hit = |keyword, matched: &str| {
        Some(KeywordMatch {
            keyword,
            matched: matched.to_string(),
            exact: whole == matched,
        })
    };
    for phrase in &cfg.opt_out_phrases {
        if !find_phrase(&toks, phrase).is_empty() {
            return hit(Keyword::OptOut, phrase);
        }
    }
    if toks.len() <= cfg.short_reply_words {
        for word in &cfg.opt_out_strong {
            for at in find_phrase(&toks, word) {
                let len = word.split(' ').count();
                let next = toks.get(at + len);
                if next.is_none_or(|n| !cfg.not_opt_out_after.contains(n)) {
                    return hit(Keyword::OptOut, word);
                }
            }
        }
        for word in &cfg.opt_out_weak {
            let len = word.split(' ').count();
            for at in find_phrase(&toks, word) {
                if rest_is_filler(&toks, at, len, cfg) {
                    return hit(Keyword::OptOut, word);
                }
            }
        }
        for word in &cfg.help {
            for at in find_phrase(&toks, word) {
                if rest_is_filler(&toks, at, word.split(' ').count(), cfg) {
                    return hit(Keyword::Help, word);
                }
            }
        }
    }
    cfg.opt_in
        .iter()
        .find(|w| **w == whole)
        .and_then(|w| hit(Keyword::OptIn, w))
}
