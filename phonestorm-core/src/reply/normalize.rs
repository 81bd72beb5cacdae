//! Text normalisation for keyword matching.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest input (in chars) looked at; longer replies are cut (bounded work on any input).
pub const MAX_CHARS: usize = 4096;

/// Normalises a reply for matching: Unicode compatibility decomposition (NFKD, which folds
/// full-width letters, ligatures and the like as NFKC does), accents removed (`más` →
/// `mas`), lowercase, apostrophes dropped (`don't` → `dont`), every other non-alphanumeric
/// character (punctuation, emoji, symbols) turned into a space, whitespace collapsed.
///
/// ```
/// use phonestorm_core::reply::normalize;
/// assert_eq!(normalize("  ＳＴＯＰ!!! 🛑 "), "stop");
/// assert_eq!(normalize("Don’t text me, por favor. No MÁS"), "dont text me por favor no mas");
/// assert_eq!(normalize("opt-out"), "opt out");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_CHARS));
    let mut pending_space = false;
    for c in text.chars().take(MAX_CHARS).nfkd() {
        if is_combining_mark(c) || matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}') {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// The normalised words of `text`.
pub fn tokens(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Where the words of `phrase` (already normalised, space-separated) occur in `tokens`.
pub(crate) fn find_phrase(tokens: &[String], phrase: &str) -> Vec<usize> {
    let words: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > tokens.len() {
        return Vec::new();
    }
    (0..=tokens.len() - words.len())
        .filter(|&i| words.iter().enumerate().all(|(j, w)| tokens[i + j] == *w))
        .collect()
}
