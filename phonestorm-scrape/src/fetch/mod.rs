//! Fetching web pages: the [`Fetcher`] trait, the live [`HttpFetcher`] (reqwest with an SSRF
//! guard, robots.txt, per-host politeness, retries and size limits) and the offline
//! [`WarcFetcher`] that answers from a web archive.

mod guard;
mod http;
mod robots;
mod warc;

pub use guard::{GuardedResolver, HostPolicy, is_forbidden_ip};
pub use http::{FetchConfig, HttpFetcher};
pub use robots::Robots;
pub use warc::WarcFetcher;

use async_trait::async_trait;

/// A fetched page, body decoded to text.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The URL that was asked for.
    pub requested_url: String,
    /// The URL the body came from, after redirects.
    pub url: String,
    /// HTTP status of the final response.
    pub status: u16,
    /// `Content-Type` of the final response, if any.
    pub content_type: Option<String>,
    /// The body decoded to UTF-8 (charset from the header, a `<meta charset>`, or UTF-8).
    pub body: String,
    /// Why the body was cut, when it was (`body_cap`, `decompression_limit`).
    pub truncated: Option<&'static str>,
}

impl Page {
    /// True for HTML (or untyped) 2xx responses.
    pub fn is_html(&self) -> bool {
        (200..300).contains(&self.status)
            && self
                .content_type
                .as_deref()
                .is_none_or(|c| c.contains("html") || c.contains("xml") || c.starts_with("text/"))
    }
}

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The URL could not be parsed or has an unsupported scheme.
    #[error("invalid url {url}: {reason}")]
    InvalidUrl {
        /// The URL.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The SSRF guard refused the address (private, loopback, link-local, metadata).
    #[error("refused by the private-address guard: {url} ({reason})")]
    Forbidden {
        /// The URL.
        url: String,
        /// Which rule refused it.
        reason: String,
    },
    /// robots.txt disallows the path for our User-Agent.
    #[error("disallowed by robots.txt: {0}")]
    RobotsDisallowed(String),
    /// More redirects than the configured limit.
    #[error("too many redirects from {0}")]
    TooManyRedirects(String),
    /// The request timed out after all retries.
    #[error("timed out: {0}")]
    Timeout(String),
    /// The server answered with an error status after all retries.
    #[error("http status {status} for {url}")]
    Status {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// Connection or protocol failure.
    #[error("network error for {url}: {reason}")]
    Network {
        /// The URL.
        url: String,
        /// The underlying error text.
        reason: String,
    },
    /// The archive has no record for the URL.
    #[error("not in archive: {0}")]
    NotArchived(String),
    /// The archive file could not be read.
    #[error("archive error: {0}")]
    Archive(String),
}

impl FetchError {
    /// Stable snake_case code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::InvalidUrl { .. } => "invalid_url",
            FetchError::Forbidden { .. } => "forbidden_address",
            FetchError::RobotsDisallowed(_) => "robots_disallowed",
            FetchError::TooManyRedirects(_) => "too_many_redirects",
            FetchError::Timeout(_) => "timeout",
            FetchError::Status { .. } => "http_status",
            FetchError::Network { .. } => "network",
            FetchError::NotArchived(_) => "not_archived",
            FetchError::Archive(_) => "archive",
        }
    }

    /// True when the failure was a timeout.
    pub fn is_timeout(&self) -> bool {
        matches!(self, FetchError::Timeout(_))
    }

    /// True when the SSRF guard refused the address.
    pub fn is_forbidden(&self) -> bool {
        matches!(self, FetchError::Forbidden { .. })
    }
}

/// Something that turns a URL into a page: the live web or an archive.
///
/// Implementations must be cheap to share (`Arc<dyn Fetcher>`) and safe to call concurrently.
#[async_trait]
pub trait Fetcher: Send + Sync {
    /// Fetch `url` (absolute http/https), following redirects.
    async fn fetch(&self, url: &str) -> Result<Page, FetchError>;
}

/// Decode a body to text: charset from the `Content-Type`, else a `<meta charset>` in the first
/// 1024 bytes, else UTF-8 (lossy).
pub fn decode_body(bytes: &[u8], content_type: Option<&str>) -> String {
    let label = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(1024)]));
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

fn charset_param(ct: &str) -> Option<String> {
    ct.split(';').find_map(|p| {
        let p = p.trim();
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn meta_charset(head: &[u8]) -> Option<String> {
    let s = String::from_utf8_lossy(head).to_ascii_lowercase();
    let i = s.find("charset=")? + "charset=".len();
    let rest = s[i..].trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_latin1_from_header_and_meta() {
        let bytes = b"Caf\xe9";
        assert_eq!(
            decode_body(bytes, Some("text/html; charset=ISO-8859-1")),
            "Café"
        );
        let html = b"<meta charset=\"windows-1252\"><p>Caf\xe9</p>";
        assert!(decode_body(html, Some("text/html")).contains("Café"));
        assert_eq!(decode_body("é".as_bytes(), None), "é");
    }
}
