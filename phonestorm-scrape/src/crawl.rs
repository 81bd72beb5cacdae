//! The site crawler: from a domain, the home page and the pages that carry contact details
//! (contact / about / location), found from links, `sitemap.xml` or common paths — same
//! registrable domain only, bounded in pages and depth.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, LazyLock};

use regex::Regex;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::fetch::{FetchError, Fetcher, Page};
use phonestorm_core::domain::canonical_domain;

/// Crawl bounds and hints.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct CrawlConfig {
    /// Pages fetched per site, home included (default 6).
    pub max_pages: usize,
    /// Link depth from the home page (default 2).
    pub max_depth: usize,
    /// Words in a link's URL or text that mark a page worth fetching.
    pub page_hints: Vec<String>,
    /// Paths tried when neither links nor the sitemap reveal a contact page.
    pub common_paths: Vec<String>,
    /// Read `/sitemap.xml` when the links reveal no contact/about page (default true).
    pub use_sitemap: bool,
}

impl Default for CrawlConfig {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect();
        Self {
            max_pages: 6,
            max_depth: 2,
            page_hints: s(&[
                "contact", "about", "location", "find-us", "visit", "reach", "team",
            ]),
            common_paths: s(&[
                "/contact",
                "/contact-us",
                "/about",
                "/about-us",
                "/locations",
            ]),
            use_sitemap: true,
        }
    }
}

/// What a crawl produced.
#[derive(Debug, Clone, Default)]
pub struct CrawledSite {
    /// The registrable domain of the home page after redirects.
    pub domain: String,
    /// The pages fetched, home first.
    pub pages: Vec<Page>,
    /// URLs that failed, with the error code.
    pub failures: Vec<(String, &'static str)>,
}

static HREF_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<a\s[^>]*?href\s*=\s*["']([^"'#]+)["'][^>]*>(.{0,200}?)</a>"#)
        .unwrap_or_else(|_| unreachable!("static pattern"))
});
static LOC_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<loc>\s*([^<\s]+)\s*</loc>")
        .unwrap_or_else(|_| unreachable!("static pattern"))
});

/// Crawls one site at a time through a [`Fetcher`].
#[derive(Clone)]
pub struct Crawler {
    fetcher: Arc<dyn Fetcher>,
    config: CrawlConfig,
}

impl std::fmt::Debug for Crawler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Crawler")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Crawler {
    /// A crawler over `fetcher`.
    pub fn new(fetcher: Arc<dyn Fetcher>, config: CrawlConfig) -> Self {
        Self { fetcher, config }
    }

    /// The fetcher in use.
    pub fn fetcher(&self) -> &Arc<dyn Fetcher> {
        &self.fetcher
    }

    /// Fetch the home page of `start` (a URL or a bare domain: https first, then http).
    async fn home(&self, start: &str) -> Result<Page, FetchError> {
        if start.contains("://") {
            return self.fetcher.fetch(start).await;
        }
        let host = start.trim_matches('/');
        match self.fetcher.fetch(&format!("https://{host}/")).await {
            Ok(p) => Ok(p),
            Err(e) if e.is_forbidden() || e.code() == "robots_disallowed" => Err(e),
            Err(_) => self.fetcher.fetch(&format!("http://{host}/")).await,
        }
    }

    fn hinted(&self, url: &str, text: &str) -> bool {
        let hay = format!("{} {}", url.to_ascii_lowercase(), text.to_ascii_lowercase());
        self.config
            .page_hints
            .iter()
            .any(|h| hay.contains(h.as_str()))
    }

    /// Same-site links on `page` that look like contact/about/location pages.
    fn hinted_links(&self, page: &Page, domain: &str) -> Vec<Url> {
        let Ok(base) = Url::parse(&page.url) else {
            return Vec::new();
        };
        HREF_RE
            .captures_iter(&page.body)
            .filter_map(|c| {
                let u = base.join(c[1].trim()).ok()?;
                let same = canonical_domain(u.as_str()).ok().as_deref() == Some(domain);
                (same && matches!(u.scheme(), "http" | "https") && self.hinted(u.as_str(), &c[2]))
                    .then_some(u)
            })
            .collect()
    }

    /// Crawl the site at `start`.
    pub async fn crawl(&self, start: &str) -> Result<CrawledSite, FetchError> {
        let home = self.home(start).await?;
        let domain = canonical_domain(&home.url).unwrap_or_default();
        let mut site = CrawledSite {
            domain: domain.clone(),
            ..Default::default()
        };
        let mut seen: HashSet<String> = HashSet::new();
        seen.insert(strip(&home.url));
        seen.insert(strip(&home.requested_url));
        let mut queue: VecDeque<(Url, usize)> = self
            .hinted_links(&home, &domain)
            .into_iter()
            .map(|u| (u, 1))
            .collect();
        let home_url = Url::parse(&home.url).ok();
        if queue.is_empty()
            && let Some(base) = &home_url
        {
            if self.config.use_sitemap
                && let Ok(sm) = base.join("/sitemap.xml")
                && let Ok(p) = self.fetcher.fetch(sm.as_str()).await
            {
                for c in LOC_RE.captures_iter(&p.body).take(5_000) {
                    if let Ok(u) = Url::parse(&c[1])
                        && canonical_domain(u.as_str()).ok().as_deref() == Some(domain.as_str())
                        && self.hinted(u.as_str(), "")
                    {
                        queue.push_back((u, 1));
                    }
                }
            }
            if queue.is_empty() {
                for p in &self.config.common_paths {
                    if let Ok(u) = base.join(p) {
                        queue.push_back((u, 1));
                    }
                }
            }
        }
        site.pages.push(home);
        while let Some((url, depth)) = queue.pop_front() {
            if site.pages.len() >= self.config.max_pages.max(1) {
                break;
            }
            if !seen.insert(strip(url.as_str())) {
                continue;
            }
            match self.fetcher.fetch(url.as_str()).await {
                Ok(page) if page.is_html() => {
                    if depth < self.config.max_depth {
                        for u in self.hinted_links(&page, &domain) {
                            queue.push_back((u, depth + 1));
                        }
                    }
                    seen.insert(strip(&page.url));
                    site.pages.push(page);
                }
                Ok(_) => {}
                Err(e) => site.failures.push((url.to_string(), e.code())),
            }
        }
        Ok(site)
    }
}

fn strip(u: &str) -> String {
    let s = u.split('#').next().unwrap_or(u);
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    s.trim_start_matches("www.")
        .trim_end_matches('/')
        .to_ascii_lowercase()
}
