//! Addresses in plain text: plain and obfuscated forms.

use super::{EmailConfig, EmailFinding, EmailSource, bounded, dedupe, validate_email};
use crate::phone::{PageKind, Placement};
use regex::Regex;
use std::sync::OnceLock;

struct Patterns {
    plain: Regex,
    bracketed: Regex,
    words: Regex,
    dot_token: Regex,
}

fn patterns() -> Option<&'static Patterns> {
    static P: OnceLock<Option<Patterns>> = OnceLock::new();
    P.get_or_init(|| {
        Some(Patterns {
            plain: Regex::new(r"[A-Za-z0-9._%+'\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}").ok()?,
            // name [at] domain [dot] com, name(at)domain.com, name {at} domain (dot) com
            bracketed: Regex::new(
                r"(?i)([a-z0-9._%+\-]{1,64})\s{0,3}[\[\(\{<]\s{0,2}(?:at|@)\s{0,2}[\]\)\}>]\s{0,3}([a-z0-9\-]{1,63}(?:\s{0,3}(?:[\[\(\{<]\s{0,2}(?:dot|\.)\s{0,2}[\]\)\}>]|\.)\s{0,3}[a-z0-9\-]{1,63}){1,8})",
            )
            .ok()?,
            // name AT domain DOT com (upper case only: "meet us at home" is not an address)
            words: Regex::new(r"([A-Za-z0-9._%+\-]{1,64})\s{1,3}AT\s{1,3}([A-Za-z0-9\-]{1,63}(?:\s{1,3}DOT\s{1,3}[A-Za-z0-9\-]{1,63}){1,8})").ok()?,
            dot_token: Regex::new(r"(?i)\s*(?:[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]|\sDOT\s|\.)\s*").ok()?,
        })
    })
    .as_ref()
}

/// Candidates `(address, source)` in a text, in order.
pub(super) fn candidates(text: &str) -> Vec<(String, EmailSource)> {
    let Some(p) = patterns() else {
        return Vec::new();
    };
    let mut out: Vec<(usize, String, EmailSource)> = Vec::new();
    for m in p.plain.find_iter(text) {
        out.push((
            m.start(),
            m.as_str()
                .trim_matches(|c| c == '.' || c == '\'' || c == '-')
                .to_string(),
            EmailSource::Plain,
        ));
    }
    for re in [&p.bracketed, &p.words] {
        for c in re.captures_iter(text) {
            let (Some(all), Some(local), Some(dom)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let domain = p.dot_token.replace_all(dom.as_str(), ".");
            let domain: String = domain.chars().filter(|c| !c.is_whitespace()).collect();
            out.push((
                all.start(),
                format!("{}@{}", local.as_str(), domain),
                EmailSource::Obfuscated,
            ));
        }
    }
    out.sort_by_key(|c| c.0);
    out.into_iter().map(|(_, a, s)| (a, s)).collect()
}

/// Finds addresses in plain text (plain and obfuscated forms), validated and deduplicated.
///
/// ```
/// use phonestorm_core::email::{extract_emails_text, EmailConfig, EmailSource};
/// let found = extract_emails_text("Write to jane [at] joes [dot] com or info@joes.com. logo@2x.png",
///                                 &EmailConfig::default());
/// let emails: Vec<_> = found.iter().map(|f| (f.email.as_str(), f.source)).collect();
/// assert_eq!(emails, [("info@joes.com", EmailSource::Plain), ("jane@joes.com", EmailSource::Obfuscated)]);
/// ```
pub fn extract_emails_text(text: &str, config: &EmailConfig) -> Vec<EmailFinding> {
    let text = bounded(text, config.max_input_bytes);
    let found = candidates(text)
        .into_iter()
        .filter_map(|(cand, source)| {
            let e = validate_email(&cand, config).ok()?;
            Some(EmailFinding {
                email: e.address,
                domain: e.domain,
                kind: e.kind,
                source,
                placement: Placement::Body,
                page_kind: PageKind::Other,
                page: None,
                placeholder: e.placeholder,
            })
        })
        .collect();
    dedupe(found, config.max_results)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(t: &str) -> Vec<String> {
        extract_emails_text(t, &EmailConfig::default())
            .into_iter()
            .map(|f| f.email)
            .collect()
    }

    #[test]
    fn obfuscated_forms() {
        assert_eq!(emails("name [at] domain [dot] com"), ["name@domain.com"]);
        assert_eq!(emails("name(at)domain.com"), ["name@domain.com"]);
        assert_eq!(emails("name AT domain DOT com"), ["name@domain.com"]);
        assert_eq!(
            emails("sales {at} joes (dot) co (dot) uk"),
            ["sales@joes.co.uk"]
        );
        assert!(emails("meet us at home dot com").is_empty());
    }
}
