//! Discovery and throughput benchmark on the fixture web (≥ 200 leads, part without website).
//!
//! `cargo run --release -p phonestorm-scrape --example discovery_bench [LEADS]`
//!
//! Pages are served from memory behind a simulated latency of 100 ms per fetch (and per
//! search), so the figures measure the pipeline's concurrency, not the network. Reports
//! domains discovered and enriched leads with and without reverse discovery by phone,
//! leads/minute at concurrency 8 and 32, and peak memory (VmHWM).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use phonestorm_scrape::enrich::{EnrichConfig, Enricher};
use phonestorm_scrape::fetch::{FetchError, Fetcher, Page};
use phonestorm_scrape::fixture;
use phonestorm_scrape::registry::SqliteRegistry;
use phonestorm_scrape::search::{LocalIndexSearch, SearchError, SearchProvider, SearchResult};

struct MemWeb {
    pages: HashMap<String, String>,
    latency: Duration,
}

#[async_trait]
impl Fetcher for MemWeb {
    async fn fetch(&self, url: &str) -> Result<Page, FetchError> {
        tokio::time::sleep(self.latency).await;
        let key = url.replace("https://", "http://");
        let body = self
            .pages
            .get(&key)
            .ok_or_else(|| FetchError::NotArchived(url.into()))?;
        Ok(Page {
            requested_url: url.into(),
            url: key,
            status: 200,
            content_type: Some("text/html".into()),
            body: body.clone(),
            truncated: None,
        })
    }
}

struct SlowSearch(LocalIndexSearch, Duration);

#[async_trait]
impl SearchProvider for SlowSearch {
    async fn search(&self, q: &str, n: usize) -> Result<Vec<SearchResult>, SearchError> {
        tokio::time::sleep(self.1).await;
        self.0.search(q, n).await
    }
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(240);
    let latency = Duration::from_millis(100);
    let mut pages = HashMap::new();
    for i in 0..n {
        let b = fixture::business(i, "test");
        for (path, _, body) in fixture::site_pages(&b) {
            pages.insert(format!("http://{}{path}", b.domain), body);
        }
    }
    let index: Vec<(String, String)> = pages.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let web: Arc<dyn Fetcher> = Arc::new(MemWeb { pages, latency });
    let leads = fixture::leads(n, "test", 3);
    let without = leads.iter().filter(|l| l.website.is_none()).count();
    println!("{n} leads, {without} without website (half of those known under the owner's name)");

    for (reverse, conc) in [(false, 8), (true, 8), (true, 32)] {
        let search: Arc<dyn SearchProvider> =
            Arc::new(SlowSearch(LocalIndexSearch::new(index.clone()), latency));
        let reg = Arc::new(SqliteRegistry::in_memory().unwrap());
        let e = Enricher::new(
            web.clone(),
            reg,
            EnrichConfig {
                reverse_discovery: reverse,
                ..Default::default()
            },
        )
        .with_search(search);
        let t = Instant::now();
        let res = e.enrich_many(&leads, conc, |_| {}).await;
        let secs = t.elapsed().as_secs_f64();
        let ok: Vec<_> = res.into_iter().flatten().collect();
        let domains = ok.iter().filter(|e| e.domain.is_some()).count();
        let nosite_domains = ok
            .iter()
            .zip(&leads)
            .filter(|(e, l)| l.website.is_none() && e.domain.is_some())
            .count();
        let enriched = ok
            .iter()
            .filter(|e| e.enrichment_status != "NOT_ENRICHED")
            .count();
        let with_email = ok.iter().filter(|e| e.email.is_some()).count();
        println!(
            "reverse={reverse:<5} concurrency={conc:<3} domains={domains}/{n} (no-website leads: {nosite_domains}/{without}) enriched(phone or email)={enriched} with_email={with_email} time={secs:.1}s leads/min={:.0}",
            n as f64 / secs * 60.0
        );
    }
    println!("peak RSS: {} MiB", peak_rss_kb() / 1024);
}
