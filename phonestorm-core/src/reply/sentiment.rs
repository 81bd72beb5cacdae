//! A small lexicon sentiment scorer in [-1, 1].
//!
//! The method is VADER's (Hutto & Gilbert, "VADER: A Parsimonious Rule-based Model for
//! Sentiment Analysis of Social Media Text", ICWSM 2014), re-implemented: word valences on a
//! -4..4 scale, a negator in the three words before flips and damps a word (×-0.74), an
//! intensifier before it adds ±0.293, a word in capitals in a mixed-case reply adds ±0.733,
//! words after "but" weigh 1.5 and before it 0.5, each `!` (up to 4) adds 0.292, and the sum
//! `s` is mapped to `s / sqrt(s² + 15)`. The lexicon is ours: about 150 words and emoji that
//! matter in replies to sales outreach (English and Spanish), with valences chosen on
//! VADER's scale. Rust VADER ports exist on crates.io (`vader_sentiment` 0.1.1,
//! `qsv_vader_sentiment_analysis` 0.2, `vader-parity` 0.1); none was adopted yet: they carry
//! the English-only 7,500-word lexicon and regex/lazy_static dependencies, and none was
//! verified on wasm32 here. Swapping one in behind [`sentiment`] is a follow-up. Seed 002
//! asks for DistilBERT,
//! which a host can still run and pass in instead.

use super::normalize::{MAX_CHARS, normalize};

const LEXICON: &[(&str, f64)] = &[
    // positive
    ("good", 1.9),
    ("great", 3.1),
    ("excellent", 3.2),
    ("awesome", 3.1),
    ("amazing", 2.8),
    ("perfect", 2.7),
    ("love", 3.2),
    ("like", 1.5),
    ("nice", 1.8),
    ("happy", 2.7),
    ("glad", 2.0),
    ("thanks", 1.9),
    ("thank", 1.5),
    ("appreciate", 2.3),
    ("interested", 1.7),
    ("interesting", 1.7),
    ("yes", 1.2),
    ("yeah", 1.2),
    ("sure", 1.3),
    ("definitely", 1.7),
    ("absolutely", 1.9),
    ("helpful", 1.8),
    ("wonderful", 2.7),
    ("fantastic", 2.6),
    ("cool", 1.3),
    ("fine", 0.8),
    ("fair", 1.3),
    ("best", 3.2),
    ("better", 1.9),
    ("excited", 2.2),
    ("exciting", 2.2),
    ("welcome", 2.0),
    ("pleased", 2.2),
    ("ready", 1.0),
    ("deal", 0.8),
    ("agree", 1.5),
    ("win", 2.8),
    ("hope", 1.9),
    ("please", 1.3),
    ("lol", 1.8),
    ("haha", 1.8),
    ("wow", 2.0),
    ("super", 2.0),
    ("yay", 2.4),
    ("ok", 0.9),
    ("okay", 0.9),
    ("bueno", 1.9),
    ("buena", 1.9),
    ("gracias", 1.9),
    ("excelente", 3.2),
    ("perfecto", 2.7),
    ("genial", 2.8),
    ("claro", 1.2),
    ("si", 1.0),
    ("interesa", 1.7),
    ("interesado", 1.7),
    ("interesada", 1.7),
    ("encanta", 3.0),
    ("feliz", 2.7),
    ("emoji_pos", 2.0),
    ("emoji_love", 3.0),
    // negative
    ("bad", -2.5),
    ("terrible", -3.4),
    ("awful", -3.1),
    ("horrible", -3.3),
    ("hate", -2.7),
    ("angry", -2.3),
    ("annoying", -2.0),
    ("annoyed", -2.0),
    ("stupid", -2.4),
    ("spam", -1.8),
    ("scam", -2.8),
    ("scammer", -2.8),
    ("fraud", -2.9),
    ("harass", -2.7),
    ("harassment", -2.9),
    ("harassing", -2.7),
    ("illegal", -2.6),
    ("sue", -2.0),
    ("lawsuit", -2.4),
    ("lawyer", -1.3),
    ("report", -0.9),
    ("leave", -0.4),
    ("stop", -1.2),
    ("no", -1.2),
    ("not", -0.6),
    ("never", -1.5),
    ("nope", -1.2),
    ("nah", -1.0),
    ("waste", -1.8),
    ("wrong", -2.1),
    ("sorry", -0.3),
    ("unfortunately", -1.5),
    ("problem", -1.7),
    ("disappointed", -2.3),
    ("upset", -2.0),
    ("rude", -2.0),
    ("ridiculous", -2.1),
    ("lowball", -1.6),
    ("insulting", -2.3),
    ("insult", -2.3),
    ("creepy", -2.2),
    ("worst", -3.1),
    ("sick", -1.7),
    ("tired", -1.3),
    ("busy", -0.5),
    ("damn", -1.7),
    ("hell", -2.2),
    ("fuck", -2.5),
    ("fucking", -2.5),
    ("shit", -2.6),
    ("malo", -2.5),
    ("mala", -2.5),
    ("odio", -2.7),
    ("estafa", -2.8),
    ("molesto", -2.0),
    ("molesta", -2.0),
    ("basura", -2.5),
    ("nunca", -1.5),
    ("emoji_neg", -2.0),
    ("emoji_angry", -2.8),
];

const NEGATORS: &[&str] = &[
    "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont",
    "wouldnt", "cant", "cannot", "couldnt", "shouldnt", "without", "nor", "neither", "nothing",
    "nobody", "hardly", "aint", "nunca", "ni", "tampoco", "nada",
];

const BOOSTERS: &[(&str, f64)] = &[
    ("very", 0.293),
    ("really", 0.293),
    ("so", 0.293),
    ("extremely", 0.293),
    ("super", 0.293),
    ("totally", 0.293),
    ("absolutely", 0.293),
    ("incredibly", 0.293),
    ("truly", 0.293),
    ("most", 0.293),
    ("muy", 0.293),
    ("mucho", 0.293),
    ("too", 0.293),
    ("kinda", -0.293),
    ("somewhat", -0.293),
    ("slightly", -0.293),
    ("barely", -0.293),
    ("sort", -0.293),
    ("little", -0.293),
    ("bit", -0.293),
];

/// Scales a raw valence sum into [-1, 1] (VADER's normalisation, alpha = 15).
fn squash(sum: f64) -> f64 {
    let x = sum / (sum * sum + 15.0).sqrt();
    x.clamp(-1.0, 1.0)
}

fn emoji_word(c: char) -> Option<&'static str> {
    match c {
        '\u{1F600}'..='\u{1F60A}' | '\u{1F642}' | '\u{1F44D}' | '\u{1F44C}' | '\u{1F64F}' => {
            Some("emoji_pos")
        }
        '\u{2764}' | '\u{1F60D}' | '\u{1F970}' | '\u{1F618}' => Some("emoji_love"),
        '\u{1F620}' | '\u{1F621}' | '\u{1F624}' | '\u{1F92C}' | '\u{1F595}' => Some("emoji_angry"),
        '\u{1F44E}' | '\u{1F612}' | '\u{1F61E}' | '\u{1F622}' | '\u{1F62D}' | '\u{1F4A9}'
        | '\u{1F644}' => Some("emoji_neg"),
        _ => None,
    }
}

/// The sentiment of `text` in [-1, 1] (0 = neutral or no opinion words).
///
/// ```
/// use phonestorm_core::reply::sentiment;
/// assert!(sentiment("This is great, thanks!") > 0.5);
/// assert!(sentiment("not good") < 0.0);
/// assert!(sentiment("stop harassing me, this is a scam") < -0.5);
/// assert_eq!(sentiment("The house is on Elm Street"), 0.0);
/// ```
pub fn sentiment(text: &str) -> f64 {
    let text: String = text.chars().take(MAX_CHARS).collect();
    // Words written in capitals, for the caps emphasis rule.
    let raw_words: Vec<&str> = text.split_whitespace().collect();
    let has_lower = text.chars().any(char::is_lowercase);
    let caps: Vec<String> = raw_words
        .iter()
        .filter(|w| {
            has_lower
                && w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        })
        .map(|w| normalize(w))
        .collect();
    let mut spaced = String::with_capacity(text.len());
    for c in text.chars() {
        match emoji_word(c) {
            Some(w) => {
                spaced.push(' ');
                spaced.push_str(w);
                spaced.push(' ');
            }
            None => spaced.push(c),
        }
    }
    let norm = normalize(&spaced.replace("emoji_", "emoji"));
    let tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
    let but_at = tokens.iter().position(|t| *t == "but" || *t == "pero");
    let mut sum = 0.0;
    for (i, tok) in tokens.iter().enumerate() {
        let key = tok.replacen("emoji", "emoji_", 1);
        let Some(&(_, base)) = LEXICON.iter().find(|(w, _)| *w == key) else {
            continue;
        };
        let mut v = base;
        for back in 1..=3 {
            let Some(prev) = i.checked_sub(back).map(|j| tokens[j]) else {
                break;
            };
            if let Some(&(_, b)) = BOOSTERS.iter().find(|(w, _)| *w == prev) {
                let scalar = b * (1.0 - 0.05 * f64::from(back as u8 - 1));
                v += if v >= 0.0 { scalar } else { -scalar };
            }
        }
        let negated = (1..=3).any(|back| {
            i.checked_sub(back)
                .is_some_and(|j| NEGATORS.contains(&tokens[j]))
        });
        // "no"/"not" carry their own small valence; do not negate them by a negator.
        if negated && !NEGATORS.contains(tok) {
            v *= -0.74;
        }
        if caps.iter().any(|c| c == tok) {
            v += if v >= 0.0 { 0.733 } else { -0.733 };
        }
        if let Some(b) = but_at {
            v *= if i < b {
                0.5
            } else if i > b {
                1.5
            } else {
                1.0
            };
        }
        sum += v;
    }
    if sum != 0.0 {
        let bangs = text.chars().filter(|&c| c == '!').count().min(4) as f64 * 0.292;
        sum += if sum > 0.0 { bangs } else { -bangs };
    }
    squash(sum)
}
