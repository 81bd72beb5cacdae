//! Validation of one candidate address.

use super::{EmailConfig, EmailError, EmailKind};
use serde::{Deserialize, Serialize};

/// A validated address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    /// `local@domain`, domain lowercased.
    pub address: String,
    /// The domain part.
    pub domain: String,
    /// Role vs personal.
    pub kind: EmailKind,
    /// True for placeholder addresses (`you@example.com`).
    pub placeholder: bool,
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._%+-'".contains(c)
}

/// Validates one address and classifies it.
///
/// ```
/// use phonestorm_core::email::{validate_email, EmailConfig, EmailKind};
/// let cfg = EmailConfig::default();
/// let e = validate_email("Info@JoesPlumbing.com", &cfg).unwrap();
/// assert_eq!((e.address.as_str(), e.kind), ("Info@joesplumbing.com", EmailKind::Role));
/// assert_eq!(validate_email("jane.doe@joesplumbing.com", &cfg).unwrap().kind, EmailKind::Personal);
/// assert!(validate_email("you@example.com", &cfg).unwrap().placeholder);
/// assert_eq!(validate_email("logo@2x.png", &cfg).unwrap_err().code(), "asset_name");
/// assert_eq!(validate_email("user@localhost", &cfg).unwrap_err().code(), "bad_domain");
/// assert_eq!(validate_email("jquery@3.6.0", &cfg).unwrap_err().code(), "version_string");
/// ```
pub fn validate_email(candidate: &str, config: &EmailConfig) -> Result<Email, EmailError> {
    let s = candidate.trim().trim_end_matches('.');
    let short = || s.chars().take(120).collect::<String>();
    if s.len() > 254 {
        return Err(EmailError::Syntax(short()));
    }
    let (local, domain) = s
        .rsplit_once('@')
        .ok_or_else(|| EmailError::Syntax(short()))?;
    if local.is_empty() || local.len() > 64 || domain.is_empty() {
        return Err(EmailError::Syntax(short()));
    }
    if local.contains('%') {
        return Err(EmailError::Encoded(short()));
    }
    if !local.chars().all(is_local_char)
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return Err(EmailError::Syntax(short()));
    }
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    if labels
        .iter()
        .all(|l| l.chars().all(|c| c.is_ascii_digit() || c == '-'))
        && domain.chars().any(|c| c.is_ascii_digit())
    {
        return Err(EmailError::VersionString(short()));
    }
    if labels.len() < 2 {
        return Err(EmailError::BadDomain(short()));
    }
    let valid_label = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !labels.iter().all(valid_label) {
        return Err(EmailError::Syntax(short()));
    }
    let tld = labels[labels.len() - 1];
    if config
        .asset_extensions
        .iter()
        .any(|e| e.eq_ignore_ascii_case(tld))
    {
        return Err(EmailError::AssetName(short()));
    }
    if labels[labels.len() - 2].chars().all(|c| c.is_ascii_digit())
        && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && labels.len() >= 3
    {
        // `pkg@1.2.x`-like strings with a numeric part before the last label.
        return Err(EmailError::VersionString(short()));
    }
    if tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_alphabetic()) && !tld.starts_with("xn--") {
        return Err(EmailError::BadDomain(short()));
    }
    if matches!(domain.as_str(), "localhost.localdomain")
        || tld == "local"
        || tld == "localhost"
        || tld == "invalid"
    {
        return Err(EmailError::BadDomain(short()));
    }
    let tracked = config
        .tracking_domains
        .iter()
        .any(|t| domain == *t || domain.ends_with(&format!(".{t}")));
    let hexish = local.len() >= 24 && local.chars().all(|c| c.is_ascii_hexdigit());
    if tracked || hexish {
        return Err(EmailError::Tracking(short()));
    }
    let l = local.to_ascii_lowercase();
    let kind = if config
        .noreply_locals
        .iter()
        .any(|r| r.eq_ignore_ascii_case(&l))
    {
        EmailKind::NoReply
    } else if config
        .role_locals
        .iter()
        .any(|r| r.eq_ignore_ascii_case(&l))
    {
        EmailKind::Role
    } else {
        EmailKind::Personal
    };
    let placeholder = config
        .placeholder_domains
        .iter()
        .any(|d| d.eq_ignore_ascii_case(&domain))
        || config
            .placeholder_locals
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&l));
    Ok(Email {
        address: format!("{local}@{domain}"),
        domain,
        kind,
        placeholder,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookalikes_rejected() {
        let cfg = EmailConfig::default();
        for (s, code) in [
            ("logo@2x.png", "asset_name"),
            ("icon-sprite@3x.webp", "asset_name"),
            ("user@localhost", "bad_domain"),
            ("%20john@joes.com", "encoded"),
            ("lodash@4.17.21", "version_string"),
            (
                "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@o123456.ingest.sentry.io",
                "tracking",
            ),
            ("abc@sentry.wixpress.com", "tracking"),
            ("foo@bar", "bad_domain"),
            ("no-at-sign", "syntax"),
            ("a..b@x.com", "syntax"),
        ] {
            assert_eq!(
                validate_email(s, &cfg).map_err(|e| e.code()),
                Err(code),
                "{s}"
            );
        }
    }

    #[test]
    fn noreply_is_a_role() {
        let e = validate_email("noreply@joes.com", &EmailConfig::default()).unwrap();
        assert_eq!(e.kind, EmailKind::NoReply);
        assert!(e.kind.is_role());
    }
}
