//! A [`Fetcher`] that answers from a WARC file (ISO 28500, the format of Common Crawl and of
//! web archives), so leads can be enriched against an archive without crawling.
//!
//! The file is read once with the `warc` crate (plain `.warc`, or `.warc.gz` with one gzip
//! member per record or one for the whole file); `response` records (an HTTP message) and
//! `resource` records (a bare body) are indexed by their `WARC-Target-URI`. Bodies are kept in
//! memory, so this suits archives up to a few hundred MB; records above `max_record_bytes`
//! are skipped.

use std::collections::HashMap;
use std::io::{BufReader, Read};
use std::path::Path;

use async_trait::async_trait;
use url::Url;
use warc::{RecordType, WarcHeader, WarcReader};

use super::{FetchError, Fetcher, Page, decode_body};

#[derive(Debug, Clone)]
struct Stored {
    status: u16,
    content_type: Option<String>,
    location: Option<String>,
    body: Vec<u8>,
}

/// An archive-backed fetcher.
#[derive(Debug, Default)]
pub struct WarcFetcher {
    records: HashMap<String, Stored>,
}

/// Largest record body indexed (default 20 MiB).
const MAX_RECORD_BYTES: usize = 20 << 20;

impl WarcFetcher {
    /// Read and index the archive at `path` (`.gz` decompressed on the fly).
    pub fn open(path: impl AsRef<Path>) -> Result<Self, FetchError> {
        let path = path.as_ref();
        let file = std::fs::File::open(path)
            .map_err(|e| FetchError::Archive(format!("{}: {e}", path.display())))?;
        let gz = path.extension().is_some_and(|e| e == "gz");
        let reader: Box<dyn Read> = if gz {
            Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
        } else {
            Box::new(file)
        };
        Self::from_reader(BufReader::new(reader))
    }

    /// Index the archive read from `reader` (uncompressed WARC).
    pub fn from_reader<R: std::io::BufRead>(reader: R) -> Result<Self, FetchError> {
        let mut records = HashMap::new();
        for record in WarcReader::new(reader).iter_records() {
            let record = record.map_err(|e| FetchError::Archive(e.to_string()))?;
            let kind = record.warc_type().clone();
            if !matches!(kind, RecordType::Response | RecordType::Resource) {
                continue;
            }
            let Some(uri) = record.header(WarcHeader::TargetURI) else {
                continue;
            };
            let uri = uri.trim_matches(['<', '>']).to_string();
            let body = record.body();
            if body.len() > MAX_RECORD_BYTES {
                tracing::warn!(%uri, bytes = body.len(), "archive record too large; skipped");
                continue;
            }
            let stored = if kind == RecordType::Response {
                match parse_http(body) {
                    Some(s) => s,
                    None => continue,
                }
            } else {
                Stored {
                    status: 200,
                    content_type: record
                        .header(WarcHeader::ContentType)
                        .map(|c| c.into_owned()),
                    location: None,
                    body: body.to_vec(),
                }
            };
            if let Some(key) = key(&uri) {
                records.insert(key, stored);
            }
        }
        Ok(Self { records })
    }

    /// Number of archived URLs.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when the archive holds no usable record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Every archived 2xx HTML page as (url, decoded text) — e.g. to build a
    /// [`crate::search::LocalIndexSearch`] over the archive.
    pub fn html_pages(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .records
            .iter()
            .filter(|(_, s)| {
                (200..300).contains(&s.status)
                    && s.content_type.as_deref().is_none_or(|c| c.contains("html"))
            })
            .map(|(k, s)| (k.clone(), decode_body(&s.body, s.content_type.as_deref())))
            .collect();
        out.sort();
        out
    }

    fn lookup(&self, url: &Url) -> Option<&Stored> {
        let k = key(url.as_str())?;
        if let Some(s) = self.records.get(&k) {
            return Some(s);
        }
        // Same page under the other scheme or without/with a trailing slash.
        let alt_scheme = if let Some(rest) = k.strip_prefix("https://") {
            format!("http://{rest}")
        } else if let Some(rest) = k.strip_prefix("http://") {
            format!("https://{rest}")
        } else {
            return None;
        };
        let slash = |s: &str| {
            s.strip_suffix('/')
                .map(str::to_string)
                .unwrap_or_else(|| format!("{s}/"))
        };
        [alt_scheme.clone(), slash(&k), slash(&alt_scheme)]
            .iter()
            .find_map(|c| self.records.get(c))
    }
}

/// Normalised lookup key: lower-case scheme and host, no fragment, no default port.
fn key(uri: &str) -> Option<String> {
    let mut u = Url::parse(uri).ok()?;
    u.set_fragment(None);
    let host = u
        .host_str()?
        .trim_start_matches("www.")
        .to_ascii_lowercase();
    let _ = u.set_host(Some(&host));
    Some(u.to_string())
}

fn parse_http(msg: &[u8]) -> Option<Stored> {
    let split = msg.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&msg[..split]);
    let mut body = msg[split + 4..].to_vec();
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut content_type = None;
    let mut location = None;
    let mut encoding = None;
    let mut chunked = false;
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_string();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(v),
            "location" => location = Some(v),
            "content-encoding" => encoding = Some(v.to_ascii_lowercase()),
            "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    if chunked {
        body = dechunk(&body);
    }
    if matches!(encoding.as_deref(), Some("gzip") | Some("x-gzip")) {
        let mut out = Vec::new();
        let _ = flate2::read::MultiGzDecoder::new(&body[..])
            .take(MAX_RECORD_BYTES as u64)
            .read_to_end(&mut out);
        body = out;
    }
    Some(Stored {
        status,
        content_type,
        location,
        body,
    })
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size_txt = String::from_utf8_lossy(&data[..eol]);
        let size_hex = size_txt.split(';').next().unwrap_or("").trim().to_string();
        let Ok(size) = usize::from_str_radix(&size_hex, 16) else {
            break;
        };
        data = &data[eol + 2..];
        if size == 0 || size > data.len() {
            break;
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
    out
}

#[async_trait]
impl Fetcher for WarcFetcher {
    async fn fetch(&self, url: &str) -> Result<Page, FetchError> {
        let mut current = Url::parse(url).map_err(|e| FetchError::InvalidUrl {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        for _ in 0..=5 {
            let stored = self
                .lookup(&current)
                .ok_or_else(|| FetchError::NotArchived(current.to_string()))?;
            if (300..400).contains(&stored.status)
                && let Some(loc) = &stored.location
            {
                current = current.join(loc).map_err(|e| FetchError::InvalidUrl {
                    url: loc.clone(),
                    reason: e.to_string(),
                })?;
                continue;
            }
            if !(200..300).contains(&stored.status) {
                return Err(FetchError::Status {
                    url: current.to_string(),
                    status: stored.status,
                });
            }
            return Ok(Page {
                requested_url: url.to_string(),
                url: current.to_string(),
                status: stored.status,
                body: decode_body(&stored.body, stored.content_type.as_deref()),
                content_type: stored.content_type.clone(),
                truncated: None,
            });
        }
        Err(FetchError::TooManyRedirects(url.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(uri: &str, http: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: 2026-11-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            uri.len(),
            http.len()
        )
    }

    #[tokio::test]
    async fn answers_from_archive_with_redirects() {
        let a = record(
            "http://joe.example/",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Call (305) 555-0142</p>",
        );
        let b = record(
            "http://joe.example/contact",
            "HTTP/1.1 301 Moved\r\nLocation: /contact-us\r\n\r\n",
        );
        let c = record(
            "http://joe.example/contact-us",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        );
        let warc = format!("{a}{b}{c}");
        let f = WarcFetcher::from_reader(std::io::Cursor::new(warc.into_bytes())).unwrap();
        assert_eq!(f.len(), 3);
        let p = f.fetch("https://www.joe.example").await.unwrap();
        assert!(p.body.contains("555-0142"));
        let p = f.fetch("http://joe.example/contact").await.unwrap();
        assert_eq!(p.body, "hello");
        assert!(p.url.ends_with("/contact-us"));
        assert_eq!(
            f.fetch("http://joe.example/nope").await.unwrap_err().code(),
            "not_archived"
        );
    }
}
