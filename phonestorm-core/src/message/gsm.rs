//! GSM 03.38 (GSM-7) character set, segment counting and a GSM-safe transliteration.
//!
//! One segment holds 160 GSM-7 septets or 70 UCS-2 code units; a split message holds 153 /
//! 67 per part (the rest is the concatenation header). Extension-table characters
//! (`^ { } \ [ ~ ] | €` and form feed) cost two septets. One character outside GSM-7 turns
//! the whole message into UCS-2. Parts never split an escape pair or a surrogate pair.
//! (`COMPLIANCE.md`, "SMS encoding"; 3GPP TS 23.038.)

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// The GSM 03.38 basic character set (the escape position 0x1B excluded).
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The extension table (each costs an escape plus the character).
const EXTENSION: &str = "^{}\\[~]|€\u{0C}";

/// The encoding a message needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// GSM 03.38 7-bit.
    Gsm7,
    /// UCS-2 (UTF-16 code units).
    Ucs2,
}

/// How a message goes over SMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segments {
    /// The encoding.
    pub encoding: Encoding,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    /// Number of SMS parts.
    pub count: usize,
    /// The text of each part.
    pub parts: Vec<String>,
}

/// Whether `c` is in the GSM-7 basic set.
pub fn is_gsm_basic(c: char) -> bool {
    BASIC.contains(c)
}

/// Whether `c` is in the GSM-7 extension table.
pub fn is_gsm_extension(c: char) -> bool {
    EXTENSION.contains(c)
}

/// Whether the whole text can be sent as GSM-7.
pub fn is_gsm(text: &str) -> bool {
    text.chars().all(|c| is_gsm_basic(c) || is_gsm_extension(c))
}

fn split_units(
    text: &str,
    cost: impl Fn(char) -> usize,
    single: usize,
    part: usize,
) -> (usize, Vec<String>) {
    let units: usize = text.chars().map(&cost).sum();
    if units <= single {
        return (units, vec![text.to_string()]);
    }
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    for c in text.chars() {
        let n = cost(c);
        if used + n > part {
            parts.push(std::mem::take(&mut current));
            used = 0;
        }
        current.push(c);
        used += n;
    }
    if !current.is_empty() {
        parts.push(current);
    }
    (units, parts)
}

/// Counts the SMS segments of `text` and splits it into parts.
///
/// ```
/// use phonestorm_core::message::{segments, Encoding};
/// assert_eq!(segments(&"a".repeat(160)).count, 1);
/// assert_eq!(segments(&"a".repeat(161)).count, 2);
/// let s = segments("It’s here"); // curly apostrophe
/// assert_eq!((s.encoding, s.count), (Encoding::Ucs2, 1));
/// ```
pub fn segments(text: &str) -> Segments {
    if is_gsm(text) {
        let cost = |c: char| if is_gsm_extension(c) { 2 } else { 1 };
        let (units, parts) = split_units(text, cost, 160, 153);
        Segments {
            encoding: Encoding::Gsm7,
            units,
            count: parts.len(),
            parts,
        }
    } else {
        let (units, parts) = split_units(text, char::len_utf16, 70, 67);
        Segments {
            encoding: Encoding::Ucs2,
            units,
            count: parts.len(),
            parts,
        }
    }
}

/// Replaces characters that would force UCS-2 by GSM-7 look-alikes: curly quotes → straight,
/// en/em dashes → `-`, ellipsis → `...`, non-breaking and other spaces → space, bullets → `*`,
/// accented letters outside GSM-7 → their base letter; anything else outside GSM-7 (emoji,
/// symbols) is dropped.
///
/// ```
/// use phonestorm_core::message::{gsm_safe, is_gsm};
/// let t = gsm_safe("“Hi” — it’s 5 min… 🙂 ça va? café");
/// assert_eq!(t, "\"Hi\" - it's 5 min... ca va? café");
/// assert!(is_gsm(&t));
/// ```
pub fn gsm_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        let mapped: Option<&str> = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => {
                Some("'")
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}'
            | '\u{BB}' => Some("\""),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => Some("-"),
            '\u{2026}' => Some("..."),
            '\u{2022}' | '\u{00B7}' => Some("*"),
            '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
                Some(" ")
            }
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{FE0F}' => Some(""),
            _ => None,
        };
        let piece: String = match mapped {
            Some(m) => m.to_string(),
            None if is_gsm_basic(c) || is_gsm_extension(c) => c.to_string(),
            None => {
                // Base letter of an accented letter (ç → c, á → a), if that is GSM-7.
                let base: String = c
                    .to_string()
                    .nfkd()
                    .filter(|b| is_gsm_basic(*b) || is_gsm_extension(*b))
                    .collect();
                base
            }
        };
        // Dropping an emoji can leave a double space: collapse.
        for p in piece.chars() {
            if p == ' ' {
                if last_space {
                    continue;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            out.push(p);
        }
    }
    out.trim().to_string()
}
