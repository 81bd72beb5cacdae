//! Web search: the [`SearchProvider`] trait, the SearXNG adapter and a local full-text index.
//!
//! # Plugging in another engine
//!
//! Implement [`SearchProvider::search`] for your engine and pass it as
//! `Arc<dyn SearchProvider>` to the [`crate::enrich::Enricher`]. Return results best first;
//! `url` must be absolute; `title` and `content` (the snippet) are used to rank results
//! against the business name and city; `engines` is informative. Map a quota or auth failure
//! to [`SearchError::Unavailable`] so the enricher stops asking for the rest of the batch.

use std::collections::HashSet;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    /// The result's URL.
    pub url: String,
    /// The result's title.
    #[serde(default)]
    pub title: String,
    /// The snippet.
    #[serde(default)]
    pub content: String,
    /// Engines that returned it (SearXNG's `engines`).
    #[serde(default)]
    pub engines: Vec<String>,
}

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// SearXNG answered 403: JSON output is not enabled in the instance.
    #[error(
        "SearXNG refused format=json (403): enable it in the instance's settings.yml under `search: formats: [html, json]`"
    )]
    JsonDisabled,
    /// The engine refused us (quota, auth, rate limit): stop asking.
    #[error("search engine unavailable: {0}")]
    Unavailable(String),
    /// Network or protocol failure.
    #[error("search request failed: {0}")]
    Network(String),
    /// The answer was not the expected JSON.
    #[error("unexpected search response: {0}")]
    BadResponse(String),
}

impl SearchError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            SearchError::JsonDisabled => "searx_json_disabled",
            SearchError::Unavailable(_) => "search_unavailable",
            SearchError::Network(_) => "search_network",
            SearchError::BadResponse(_) => "search_bad_response",
        }
    }
}

/// A web search engine.
#[async_trait]
pub trait SearchProvider: Send + Sync {
    /// Up to `limit` results for `query`, best first.
    async fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchResult>, SearchError>;
}

/// A self-hosted SearXNG instance (`GET /search?q=...&format=json`).
#[derive(Debug, Clone)]
pub struct SearxSearch {
    client: reqwest::Client,
    base: String,
}

#[derive(Deserialize)]
struct SearxAnswer {
    #[serde(default)]
    results: Vec<SearchResult>,
}

impl SearxSearch {
    /// Adapter for the instance at `base_url` (e.g. `http://127.0.0.1:8888`).
    pub fn new(base_url: &str) -> Result<Self, SearchError> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            .user_agent(concat!("phonestorm/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SearchError::Network(e.to_string()))?;
        Ok(Self {
            client,
            base: base_url.trim_end_matches('/').to_string(),
        })
    }

    /// Adapter using a caller-built client (proxy, custom TLS or resolver).
    pub fn with_client(client: reqwest::Client, base_url: &str) -> Self {
        Self {
            client,
            base: base_url.trim_end_matches('/').to_string(),
        }
    }
}

#[async_trait]
impl SearchProvider for SearxSearch {
    async fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchResult>, SearchError> {
        let resp = self
            .client
            .get(format!("{}/search", self.base))
            .query(&[("q", query), ("format", "json")])
            .send()
            .await
            .map_err(|e| SearchError::Network(e.to_string()))?;
        match resp.status().as_u16() {
            403 => return Err(SearchError::JsonDisabled),
            429 => return Err(SearchError::Unavailable("rate limited (429)".into())),
            s if !(200..300).contains(&s) => {
                return Err(SearchError::Network(format!("http status {s}")));
            }
            _ => {}
        }
        let answer: SearxAnswer = resp
            .json()
            .await
            .map_err(|e| SearchError::BadResponse(e.to_string()))?;
        Ok(answer
            .results
            .into_iter()
            .filter(|r| r.url.starts_with("http"))
            .take(limit)
            .collect())
    }
}

/// A tiny full-text index over pages (e.g. the pages of a WARC archive), used as the search
/// engine for offline runs. A query's words match page words; a phone number in the query
/// matches the page's digits whatever the formatting.
#[derive(Debug, Default)]
pub struct LocalIndexSearch {
    docs: Vec<Doc>,
}

#[derive(Debug)]
struct Doc {
    url: String,
    title: String,
    snippet: String,
    words: HashSet<String>,
    digits: String,
}

impl LocalIndexSearch {
    /// Index `(url, html)` pairs.
    pub fn new(pages: impl IntoIterator<Item = (String, String)>) -> Self {
        let docs = pages
            .into_iter()
            .map(|(url, html)| {
                let title = between(&html, "<title>", "</title>").unwrap_or_default();
                let text = strip_tags(&html);
                Doc {
                    snippet: text.chars().take(200).collect(),
                    words: words(&text).into_iter().collect(),
                    digits: text.chars().filter(char::is_ascii_digit).collect(),
                    url,
                    title,
                }
            })
            .collect();
        Self { docs }
    }
}

fn between(s: &str, a: &str, b: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let i = lower.find(a)? + a.len();
    let j = lower[i..].find(b)? + i;
    Some(s.get(i..j)?.trim().to_string())
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// Ten-digit runs in a query (phone numbers), digits only.
fn query_phones(q: &str) -> Vec<String> {
    let digits: String = q
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                c
            } else if "()-. +".contains(c) {
                '\0'
            } else {
                ' '
            }
        })
        .filter(|c| *c != '\0')
        .collect();
    digits
        .split_whitespace()
        .filter_map(|d| match d.len() {
            10 => Some(d.to_string()),
            11 if d.starts_with('1') => Some(d[1..].to_string()),
            _ => None,
        })
        .collect()
}

#[async_trait]
impl SearchProvider for LocalIndexSearch {
    async fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchResult>, SearchError> {
        let phones = query_phones(query);
        let qwords: Vec<String> = words(query)
            .into_iter()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        let mut scored: Vec<(f64, &Doc)> = self
            .docs
            .iter()
            .filter_map(|d| {
                let phone_hit = phones.iter().any(|p| d.digits.contains(p.as_str()));
                if !phones.is_empty() && !phone_hit {
                    return None;
                }
                let hits = qwords.iter().filter(|w| d.words.contains(*w)).count();
                let score = hits as f64 + if phone_hit { 5.0 } else { 0.0 };
                (score > 0.0 && (phone_hit || hits * 2 >= qwords.len().max(1)))
                    .then_some((score, d))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.url.cmp(&b.1.url)));
        Ok(scored
            .into_iter()
            .take(limit)
            .map(|(_, d)| SearchResult {
                url: d.url.clone(),
                title: d.title.clone(),
                content: d.snippet.clone(),
                engines: vec!["local".into()],
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn local_index_matches_words_and_phones() {
        let idx = LocalIndexSearch::new(vec![
            (
                "http://joe.example/".into(),
                "<title>Joe's Plumbing Miami</title><p>Call (305) 555-0142</p>".into(),
            ),
            (
                "http://other.example/".into(),
                "<p>Roofing in Tampa</p>".into(),
            ),
        ]);
        let r = idx.search("Joe's Plumbing Miami", 5).await.unwrap();
        assert_eq!(r[0].url, "http://joe.example/");
        let r = idx.search("+1 305-555-0142 plumbing", 5).await.unwrap();
        assert_eq!(r.len(), 1);
        assert!(idx.search("305 555 9999", 5).await.unwrap().is_empty());
    }
}
