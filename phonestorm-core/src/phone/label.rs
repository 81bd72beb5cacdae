//! The label written beside a number ("Phone", "Fax", "Toll free", "Text us", "Cell",
//! "Office", "Emergency") → its [`Role`].

use super::types::Role;

/// Bytes of text before a number searched for its label.
pub const LABEL_WINDOW: usize = 40;

/// Label words (lower-case ASCII, matched on word boundaries) and the role each gives.
/// Our own list, from the labels business sites put beside numbers.
const LABELS: &[(&str, Role)] = &[
    ("fax", Role::Fax),
    ("facsimile", Role::Fax),
    ("toll free", Role::Tollfree),
    ("toll-free", Role::Tollfree),
    ("tollfree", Role::Tollfree),
    ("text", Role::Sms),
    ("texting", Role::Sms),
    ("sms", Role::Sms),
    ("txt", Role::Sms),
    ("whatsapp", Role::Sms),
    ("cell", Role::Mobile),
    ("cellphone", Role::Mobile),
    ("mobile", Role::Mobile),
    ("mob", Role::Mobile),
    ("emergency", Role::Other),
    ("emergencies", Role::Other),
    ("after hours", Role::Other),
    ("after-hours", Role::Other),
    ("pager", Role::Other),
    ("phone", Role::Main),
    ("telephone", Role::Main),
    ("tel", Role::Main),
    ("ph", Role::Main),
    ("office", Role::Main),
    ("main", Role::Main),
    ("call", Role::Main),
];

/// The role given by the nearest label before `text[start..]` (not looking before `floor`,
/// usually the end of the previous number), or a label in parentheses right after `end`
/// ("305-234-5678 (fax)"). [`Role::Main`] when there is no label.
///
/// ```
/// use phonestorm_core::phone::label::role_near;
/// use phonestorm_core::phone::Role;
///
/// let text = "Phone: 305-234-5678 Fax: 305-234-5679";
/// assert_eq!(role_near(text, 7, 19, 0), Role::Main);
/// assert_eq!(role_near(text, 25, 37, 19), Role::Fax);
/// assert_eq!(role_near("Toll-free 1-800-275-8777", 10, 24, 0), Role::Tollfree);
/// ```
pub fn role_near(text: &str, start: usize, end: usize, floor: usize) -> Role {
    let b = text.as_bytes();
    let start = start.min(b.len());
    let end = end.clamp(start, b.len());
    let from = floor.max(start.saturating_sub(LABEL_WINDOW)).min(start);
    if let Some(role) = last_label(&b[from..start]) {
        return role;
    }
    let after = &b[end..b.len().min(end + 16)];
    let after = trim_ascii_start(after);
    if let Some(inner) = after.strip_prefix(b"(")
        && let Some(role) = first_label(inner)
    {
        return role;
    }
    Role::Main
}

/// The role of the last label word in `text`, if any ("Call or text" → [`Role::Sms`]).
pub fn last_label_role(text: &str) -> Option<Role> {
    let b = text.as_bytes();
    last_label(&b[b.len().saturating_sub(LABEL_WINDOW * 4)..])
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// Finds the label that starts latest in `window` (ASCII case-insensitive, word bounded).
fn last_label(window: &[u8]) -> Option<Role> {
    let mut best: Option<(usize, usize, Role)> = None; // (start, len, role)
    for &(word, role) in LABELS {
        let w = word.as_bytes();
        if w.len() > window.len() {
            continue;
        }
        for s in (0..=window.len() - w.len()).rev() {
            if window[s..s + w.len()].eq_ignore_ascii_case(w)
                && (s == 0 || !is_word(window[s - 1]))
                && window.get(s + w.len()).is_none_or(|&c| !is_word(c))
            {
                // Latest start wins; at the same start, the longer label ("toll free").
                if best.is_none_or(|(bs, bl, _)| s > bs || (s == bs && w.len() > bl)) {
                    best = Some((s, w.len(), role));
                }
                break;
            }
        }
    }
    best.map(|(_, _, role)| role)
}

/// A label at the very start of `b` ("fax)").
fn first_label(b: &[u8]) -> Option<Role> {
    LABELS.iter().find_map(|&(word, role)| {
        let w = word.as_bytes();
        (b.len() >= w.len()
            && b[..w.len()].eq_ignore_ascii_case(w)
            && b.get(w.len()).is_none_or(|&c| !is_word(c)))
        .then_some(role)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let cases = [
            ("Fax: ", Role::Fax),
            ("Toll Free ", Role::Tollfree),
            ("Text us at ", Role::Sms),
            ("Cell: ", Role::Mobile),
            ("Office ", Role::Main),
            ("24h Emergency line: ", Role::Other),
            ("Telephone: ", Role::Main),
            ("Call or text ", Role::Sms),
            ("", Role::Main),
            ("Faxes welcome, phone ", Role::Main),
        ];
        for (label, role) in cases {
            let text = format!("{label}305-234-5678");
            assert_eq!(
                role_near(&text, label.len(), text.len(), 0),
                role,
                "{label}"
            );
        }
        let text = "305-234-5678 (fax)";
        assert_eq!(role_near(text, 0, 12, 0), Role::Fax);
    }
}
