//! Emails on business pages: `mailto:` links (query strings, percent-encoding, several
//! addresses), plain addresses, obfuscated forms (`name [at] domain [dot] com`,
//! `name(at)domain.com`, `name AT domain DOT com`) and Cloudflare email protection
//! (`data-cfemail`, `/cdn-cgi/l/email-protection#...`). Every candidate, decoded ones
//! included, goes through [`validate_email`], which rejects look-alikes (`logo@2x.png`,
//! `user@localhost`, Sentry DSNs, `%20name@`, tracking ids, `package@1.2.3` version strings)
//! and flags placeholders (`you@example.com`). Role addresses (`info@`, `sales@`,
//! `noreply@`) are told from personal ones.
//!
//! Work is bounded: input beyond [`EmailConfig::max_input_bytes`] or text nested deeper than
//! [`EmailConfig::max_nesting`] is ignored, and at most
//! [`EmailConfig::max_results`] addresses are returned.

mod cloudflare;
mod html;
mod text;
mod validate;

pub use cloudflare::decode_cfemail;
pub(crate) use html::page_kind_of;
pub use html::{EmailOptions, extract_emails};
pub use text::extract_emails_text;
pub use validate::{Email, validate_email};

use crate::phone::{PageKind, Placement};
use serde::{Deserialize, Serialize};

/// Why a string is not a usable email address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmailError {
    /// Not of the form `local@domain.tld`, or a length limit is exceeded.
    #[error("not an email address: {0}")]
    Syntax(String),
    /// The domain is not a public host (`localhost`, no dot, numeric TLD...).
    #[error("domain is not a public host: {0}")]
    BadDomain(String),
    /// The "TLD" is a file extension: an asset name like `logo@2x.png`.
    #[error("asset file name, not an email: {0}")]
    AssetName(String),
    /// A version string like `jquery@3.6.0`.
    #[error("version string, not an email: {0}")]
    VersionString(String),
    /// A Sentry DSN or other tracking / hashed identifier.
    #[error("tracking identifier, not an email: {0}")]
    Tracking(String),
    /// Percent-encoded junk in the local part (`%20name@...`).
    #[error("encoded junk in local part: {0}")]
    Encoded(String),
    /// A Cloudflare-protected value that is not valid hex.
    #[error("bad Cloudflare email encoding: {0}")]
    CloudflareEncoding(String),
}

impl EmailError {
    /// A stable snake_case code for this error (exposed by the bindings).
    pub fn code(&self) -> &'static str {
        match self {
            EmailError::Syntax(_) => "syntax",
            EmailError::BadDomain(_) => "bad_domain",
            EmailError::AssetName(_) => "asset_name",
            EmailError::VersionString(_) => "version_string",
            EmailError::Tracking(_) => "tracking",
            EmailError::Encoded(_) => "encoded",
            EmailError::CloudflareEncoding(_) => "cloudflare_encoding",
        }
    }
}

/// How an address was written on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailSource {
    /// An `<a href="mailto:...">` link.
    Mailto,
    /// schema.org `email` (JSON-LD or `itemprop="email"`).
    Schema,
    /// Cloudflare email protection, decoded.
    Cloudflare,
    /// A plain address in the text.
    Plain,
    /// An obfuscated address (`name [at] domain [dot] com`).
    Obfuscated,
}

/// Whether an address reaches a function or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailKind {
    /// A person (`jane@`, `j.smith@`).
    Personal,
    /// A role or shared inbox (`info@`, `sales@`, `office@`).
    Role,
    /// A no-reply address (`noreply@`, `no-reply@`, `donotreply@`): a role nobody reads.
    NoReply,
}

impl EmailKind {
    /// True for role and no-reply addresses.
    pub fn is_role(self) -> bool {
        !matches!(self, EmailKind::Personal)
    }
}

/// One address found on a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailFinding {
    /// The address, local part as written, domain lowercased.
    pub email: String,
    /// The domain part.
    pub domain: String,
    /// Role vs personal.
    pub kind: EmailKind,
    /// How it was written.
    pub source: EmailSource,
    /// Where on the page (footer, header, heading, body, schema).
    pub placement: Placement,
    /// What kind of page it was on.
    pub page_kind: PageKind,
    /// The page URL, when known.
    pub page: Option<String>,
    /// True for placeholder addresses (`you@example.com`, `name@domain.com`): shown in
    /// templates, never a real contact.
    pub placeholder: bool,
}

/// Lists and limits for email extraction. Defaults: phonestorm's own lists (common role
/// mailboxes per RFC 2142 and usual small-business inboxes; RFC 2606 reserved domains and
/// template placeholders; asset extensions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmailConfig {
    /// Local parts of role addresses.
    pub role_locals: Vec<String>,
    /// Local parts of no-reply addresses.
    pub noreply_locals: Vec<String>,
    /// Domains of placeholder addresses (flagged, not rejected).
    pub placeholder_domains: Vec<String>,
    /// Local parts of placeholder addresses (flagged, not rejected).
    pub placeholder_locals: Vec<String>,
    /// "TLDs" that are really file extensions (rejected).
    pub asset_extensions: Vec<String>,
    /// Domains that only ever appear in tracking or error-reporting ids (rejected).
    pub tracking_domains: Vec<String>,
    /// Bytes of input looked at; the rest is ignored.
    pub max_input_bytes: usize,
    /// Deepest element nesting read (at most [`crate::html::MAX_DEPTH`]); text nested deeper
    /// is ignored (bounds the walk's time).
    pub max_nesting: usize,
    /// Most addresses returned per call.
    pub max_results: usize,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_string()).collect()
}

impl Default for EmailConfig {
    fn default() -> Self {
        EmailConfig {
            role_locals: strings(&[
                "info",
                "sales",
                "contact",
                "contactus",
                "admin",
                "support",
                "office",
                "hello",
                "help",
                "billing",
                "service",
                "services",
                "team",
                "marketing",
                "webmaster",
                "postmaster",
                "hostmaster",
                "abuse",
                "hr",
                "jobs",
                "careers",
                "booking",
                "bookings",
                "appointments",
                "reception",
                "enquiries",
                "inquiries",
                "inquiry",
                "frontdesk",
                "customerservice",
                "accounts",
                "accounting",
                "media",
                "press",
                "privacy",
                "legal",
                "mail",
                "orders",
                "estimates",
                "quotes",
                "dispatch",
                "scheduling",
                "general",
                "feedback",
                "care",
                "leasing",
            ]),
            noreply_locals: strings(&[
                "noreply",
                "no-reply",
                "no_reply",
                "donotreply",
                "do-not-reply",
                "mailer-daemon",
                "bounce",
                "bounces",
            ]),
            placeholder_domains: strings(&[
                "example.com",
                "example.org",
                "example.net",
                "domain.com",
                "yourdomain.com",
                "yoursite.com",
                "yourcompany.com",
                "yourwebsite.com",
                "email.com",
                "company.com",
                "test.com",
                "mysite.com",
                "website.com",
            ]),
            placeholder_locals: strings(&[
                "you",
                "your",
                "yourname",
                "your.name",
                "name",
                "email",
                "youremail",
                "user",
                "username",
                "john.doe",
                "johndoe",
                "jane.doe",
                "firstname.lastname",
                "first.last",
            ]),
            asset_extensions: strings(&[
                "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "tif", "tiff",
                "css", "js", "mjs", "json", "map", "woff", "woff2", "ttf", "otf", "eot", "mp4",
                "webm", "mp3", "pdf", "zip", "php", "html", "htm", "xml", "txt",
            ]),
            tracking_domains: strings(&[
                "sentry.io",
                "ingest.sentry.io",
                "sentry-next.wixpress.com",
                "sentry.wixpress.com",
                "wixpress.com",
                "sentry-cdn.com",
            ]),
            max_input_bytes: 2 * 1024 * 1024,
            max_nesting: 512,
            max_results: 100,
        }
    }
}

/// Keeps one finding per address (case-insensitive), the first by source order
/// (mailto, schema, Cloudflare, plain, obfuscated), then in page order; caps the count.
fn dedupe(mut found: Vec<EmailFinding>, max: usize) -> Vec<EmailFinding> {
    found.sort_by_key(|f| f.source);
    let mut seen = std::collections::HashSet::new();
    found.retain(|f| seen.insert(f.email.to_ascii_lowercase()));
    found.truncate(max);
    found
}

/// Cuts `s` to at most `max` bytes at a char boundary.
fn bounded(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Cuts HTML where its (approximate) element nesting first exceeds `max_depth`: the HTML
/// parser's scope checks cost time proportional to the nesting depth per tag, so a page
/// of 100 000 nested `<div>`s would take quadratic time. Linear scan; real pages nest a
/// few dozen levels.
pub(crate) fn bounded_nesting(html: &str, max_depth: usize) -> &str {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && i + 1 < b.len() {
            if b[i + 1] == b'/' {
                depth = depth.saturating_sub(1);
            } else if b[i + 1].is_ascii_alphabetic() {
                let end = b[i + 1..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |p| i + 1 + p);
                let name = html.get(i + 1..end).unwrap_or("").to_ascii_lowercase();
                let tag_end = b[end..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(b.len(), |p| end + p);
                let self_closing = tag_end > 0 && tag_end < b.len() && b[tag_end - 1] == b'/';
                if !VOID.contains(&name.as_str()) && !self_closing {
                    depth += 1;
                    if depth > max_depth {
                        return html.get(..i).unwrap_or("");
                    }
                }
            }
        }
        i += 1;
    }
    html
}
