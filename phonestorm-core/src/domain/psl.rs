//! The bundled public suffix list and the URL → registrable domain step.

use super::DomainError;
use publicsuffix::{List, Psl as _, Type};
use std::sync::OnceLock;

/// The date of the bundled public suffix list (`data/public_suffix_list.dat`).
pub const PSL_VERSION: &str = "2023-02-09 (Debian publicsuffix 20230209.2326-1)";

static LIST_TEXT: &str = include_str!("../../data/public_suffix_list.dat");

fn list() -> &'static List {
    static LIST: OnceLock<List> = OnceLock::new();
    // The bundled list is a fixed, valid file (the unit tests parse it); an empty list is
    // the fallback so that a broken refresh degrades to "not registrable" instead of a panic.
    LIST.get_or_init(|| LIST_TEXT.parse().unwrap_or_default())
}

/// The host of a URL or bare host name: lowercased, IDNs in punycode, no trailing dot.
///
/// Accepts `https://www.Example.com/path`, `www.example.com`, `example.com:8080/x`.
///
/// ```
/// use phonestorm_core::domain::host_of;
/// assert_eq!(host_of("HTTPS://WWW.Example.COM./a?b").unwrap(), "www.example.com");
/// assert_eq!(host_of("joes-plumbing.com/contact").unwrap(), "joes-plumbing.com");
/// assert_eq!(host_of("").unwrap_err().code(), "empty");
/// ```
pub fn host_of(input: &str) -> Result<String, DomainError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DomainError::Empty);
    }
    if s.len() > 4096 {
        return Err(DomainError::InvalidUrl(truncate(s)));
    }
    let lower = s.to_ascii_lowercase();
    let has_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let candidate = if has_scheme {
        s.to_string()
    } else if lower.starts_with("//") {
        format!("http:{s}")
    } else if s.contains("://") || lower.starts_with("mailto:") || lower.starts_with("tel:") {
        // Another scheme: parse as is, it will usually have no host.
        s.to_string()
    } else {
        format!("http://{s}")
    };
    let url = url::Url::parse(&candidate)
        .map_err(|e| DomainError::InvalidUrl(format!("{}: {e}", truncate(s))))?;
    match url.host() {
        None => Err(DomainError::NoHost(truncate(s))),
        Some(url::Host::Ipv4(_)) | Some(url::Host::Ipv6(_)) => {
            Err(DomainError::IpAddress(truncate(s)))
        }
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            if d.is_empty() {
                Err(DomainError::NoHost(truncate(s)))
            } else {
                Ok(d)
            }
        }
    }
}

/// Registrable domain and its public suffix for a host, with whether the suffix is a
/// private-section entry (e.g. `wixsite.com`, `blogspot.com`).
pub(crate) fn registrable(host: &str) -> Result<(String, String, bool), DomainError> {
    let host = host
        .strip_prefix("www.")
        .filter(|h| h.contains('.'))
        .unwrap_or(host);
    let domain = list()
        .domain(host.as_bytes())
        .ok_or_else(|| DomainError::NotRegistrable(truncate(host)))?;
    let suffix = domain.suffix();
    if !suffix.is_known() && !is_reserved_for_testing(suffix.as_bytes()) {
        return Err(DomainError::NotRegistrable(truncate(host)));
    }
    let private = suffix.typ() == Some(Type::Private);
    let d = String::from_utf8_lossy(domain.as_bytes()).into_owned();
    let sfx = String::from_utf8_lossy(suffix.as_bytes()).into_owned();
    Ok((d, sfx, private))
}

/// The top-level names reserved for testing and documentation (RFC 6761 §6.2 `test`,
/// RFC 2606 §2 `example`). They are in no public suffix list, but fixture webs, archives
/// and examples use them, so they take the list's default `*` rule (`joes.test` is
/// registrable) instead of being rejected like an unknown suffix; `localhost` and
/// `invalid` stay unregistrable.
fn is_reserved_for_testing(suffix: &[u8]) -> bool {
    matches!(suffix, b"test" | b"example")
}

/// URL or host → canonical registrable domain (lowercase, punycode, no `www.`), using the
/// bundled public suffix list (ICANN and private sections).
///
/// ```
/// use phonestorm_core::domain::canonical_domain;
/// assert_eq!(canonical_domain("https://www.shop.example.co.uk/x").unwrap(), "example.co.uk");
/// assert_eq!(canonical_domain("joesplumbing.wixsite.com/home").unwrap(), "joesplumbing.wixsite.com");
/// assert_eq!(canonical_domain("http://localhost:3000").unwrap_err().code(), "not_registrable");
/// assert_eq!(canonical_domain("http://10.0.0.1/").unwrap_err().code(), "ip_address");
/// ```
pub fn canonical_domain(input: &str) -> Result<String, DomainError> {
    let host = host_of(input)?;
    registrable(&host).map(|(d, _, _)| d)
}

fn truncate(s: &str) -> String {
    s.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_list_parses() {
        let parsed: Result<List, _> = LIST_TEXT.parse();
        assert!(parsed.is_ok_and(|l| !l.is_empty()));
    }

    #[test]
    fn idn_hosts_become_punycode() {
        assert_eq!(
            canonical_domain("https://bücher.de/").unwrap(),
            "xn--bcher-kva.de"
        );
    }

    #[test]
    fn bare_suffix_is_not_registrable() {
        assert_eq!(
            canonical_domain("co.uk").unwrap_err().code(),
            "not_registrable"
        );
        assert_eq!(
            canonical_domain("mailto:a@b.com").unwrap_err().code(),
            "no_host"
        );
    }
}
