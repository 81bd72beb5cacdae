//! The live fetcher: reqwest with the SSRF guard, robots.txt, politeness, retries and limits.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use rand::Rng;
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use serde::{Deserialize, Serialize};
use tokio::sync::{OnceCell, Semaphore};
use url::Url;

use super::guard::{ForbiddenAddress, GuardedResolver, HostPolicy};
use super::robots::Robots;
use super::{FetchError, Fetcher, Page, decode_body};

/// Limits and manners of the live fetcher. Every field has a documented default.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct FetchConfig {
    /// User-Agent sent with every request; its first token is matched against robots.txt.
    pub user_agent: String,
    /// TCP+TLS connect timeout, milliseconds (default 10 000).
    pub connect_timeout_ms: u64,
    /// Whole-request timeout including the body, milliseconds (default 20 000).
    pub request_timeout_ms: u64,
    /// Redirects followed per fetch (default 5).
    pub max_redirects: usize,
    /// Bytes read from the wire per response before the body is cut (default 5 MiB).
    pub max_body_bytes: usize,
    /// Bytes produced by gzip/brotli decoding before the body is cut, the decompression-bomb
    /// limit (default 10 MiB).
    pub max_decoded_bytes: usize,
    /// Requests in flight to one host (default 2; the usual polite crawler range is 1–2).
    pub per_host_concurrency: usize,
    /// Minimum gap between two request starts on one host, milliseconds (default 250);
    /// a larger robots.txt `Crawl-delay` (capped at 10 s) wins.
    pub per_host_delay_ms: u64,
    /// Requests in flight overall (default 32).
    pub global_concurrency: usize,
    /// Retries on 429, 5xx, timeouts and connection errors (default 3).
    pub max_retries: u32,
    /// First backoff step, milliseconds; doubles per attempt, plus up to the same again as
    /// jitter (default 500).
    pub backoff_base_ms: u64,
    /// Longest single wait between retries, milliseconds, also caps Retry-After (default 30 000).
    pub backoff_max_ms: u64,
    /// Honour robots.txt (default true).
    pub respect_robots: bool,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            user_agent: format!(
                "phonestorm/{} (+https://example.invalid/phonestorm; lead enrichment)",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout_ms: 10_000,
            request_timeout_ms: 20_000,
            max_redirects: 5,
            max_body_bytes: 5 << 20,
            max_decoded_bytes: 10 << 20,
            per_host_concurrency: 2,
            per_host_delay_ms: 250,
            global_concurrency: 32,
            max_retries: 3,
            backoff_base_ms: 500,
            backoff_max_ms: 30_000,
            respect_robots: true,
        }
    }
}

struct HostSlot {
    permits: Semaphore,
    next_start: tokio::sync::Mutex<Instant>,
}

/// The live HTTP fetcher.
pub struct HttpFetcher {
    client: reqwest::Client,
    config: FetchConfig,
    policy: Arc<HostPolicy>,
    global: Semaphore,
    hosts: Mutex<HashMap<String, Arc<HostSlot>>>,
    robots: Mutex<HashMap<String, Arc<OnceCell<Robots>>>>,
    agent_token: String,
}

impl std::fmt::Debug for HttpFetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpFetcher")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl HttpFetcher {
    /// A fetcher with `config`, refusing private addresses except as `policy` allows.
    pub fn new(config: FetchConfig, policy: HostPolicy) -> Result<Self, FetchError> {
        let policy = Arc::new(policy);
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(Duration::from_millis(config.connect_timeout_ms))
            .timeout(Duration::from_millis(config.request_timeout_ms))
            .redirect(reqwest::redirect::Policy::none())
            .no_gzip()
            .no_brotli()
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver::new(policy.clone())))
            .build()
            .map_err(|e| FetchError::Network {
                url: String::new(),
                reason: e.to_string(),
            })?;
        let agent_token = config
            .user_agent
            .split(['/', ' '])
            .next()
            .unwrap_or("phonestorm")
            .to_ascii_lowercase();
        Ok(Self {
            client,
            global: Semaphore::new(config.global_concurrency.max(1)),
            config,
            policy,
            hosts: Mutex::new(HashMap::new()),
            robots: Mutex::new(HashMap::new()),
            agent_token,
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    fn check_url(&self, url: &Url) -> Result<(), FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::InvalidUrl {
                url: url.to_string(),
                reason: format!("unsupported scheme {}", url.scheme()),
            });
        }
        let host = url.host_str().ok_or_else(|| FetchError::InvalidUrl {
            url: url.to_string(),
            reason: "no host".into(),
        })?;
        let ip = match url.host() {
            Some(url::Host::Ipv4(v4)) => Some(std::net::IpAddr::V4(v4)),
            Some(url::Host::Ipv6(v6)) => Some(std::net::IpAddr::V6(v6)),
            _ => None,
        };
        if let Some(ip) = ip {
            self.policy
                .check_literal(host, ip)
                .map_err(|reason| FetchError::Forbidden {
                    url: url.to_string(),
                    reason: reason.into(),
                })?;
        }
        Ok(())
    }

    fn slot(&self, host: &str) -> Arc<HostSlot> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        hosts
            .entry(host.to_string())
            .or_insert_with(|| {
                Arc::new(HostSlot {
                    permits: Semaphore::new(self.config.per_host_concurrency.max(1)),
                    next_start: tokio::sync::Mutex::new(Instant::now()),
                })
            })
            .clone()
    }

    async fn robots_for(&self, url: &Url) -> Robots {
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut map = self.robots.lock().unwrap_or_else(|p| p.into_inner());
            map.entry(origin.clone()).or_default().clone()
        };
        cell.get_or_init(|| async {
            let Ok(robots_url) = Url::parse(&format!("{origin}/robots.txt")) else {
                return Robots::allow_all();
            };
            match self.send(&robots_url, 0.0).await {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    if (200..300).contains(&status) {
                        match self.read_body(resp, &robots_url).await {
                            Ok((bytes, _)) => {
                                Robots::parse(&String::from_utf8_lossy(&bytes), &self.agent_token)
                            }
                            Err(_) => Robots::allow_all(),
                        }
                    } else if status >= 500 {
                        // RFC 9309 §2.3.1.3: unreachable robots.txt means complete disallow.
                        Robots::parse("User-agent: *\nDisallow: /", "*")
                    } else {
                        Robots::allow_all()
                    }
                }
                Err(e) => {
                    tracing::debug!(url = %robots_url, error = %e, "robots.txt not fetched; allowing");
                    Robots::allow_all()
                }
            }
        })
        .await
        .clone()
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let base = self.config.backoff_base_ms.max(1);
        let exp = base.saturating_mul(1u64 << attempt.min(16));
        let jitter = rand::rng().random_range(0..=base);
        Duration::from_millis(exp.saturating_add(jitter).min(self.config.backoff_max_ms))
    }

    /// One request with retries, politeness and the global limit.
    async fn send(&self, url: &Url, crawl_delay: f64) -> Result<reqwest::Response, FetchError> {
        let host = url.host_str().unwrap_or_default().to_string();
        let slot = self.slot(&host);
        let delay = Duration::from_millis(self.config.per_host_delay_ms)
            .max(Duration::from_secs_f64(crawl_delay.clamp(0.0, 10.0)));
        let mut attempt = 0u32;
        loop {
            let _global = self.global.acquire().await.map_err(|_| closed(url))?;
            let _host = slot.permits.acquire().await.map_err(|_| closed(url))?;
            {
                let mut next = slot.next_start.lock().await;
                let now = Instant::now();
                let start = (*next).max(now);
                *next = start + delay;
                drop(next);
                tokio::time::sleep_until(start.into()).await;
            }
            let result = self
                .client
                .get(url.clone())
                .header(ACCEPT_ENCODING, "gzip, br")
                .send()
                .await;
            let wait = match result {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let retryable = status == 429 || status >= 500;
                    if !retryable || attempt >= self.config.max_retries {
                        return Ok(resp);
                    }
                    let retry_after = resp
                        .headers()
                        .get(RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .map(|s| {
                            Duration::from_secs(s)
                                .min(Duration::from_millis(self.config.backoff_max_ms))
                        });
                    tracing::debug!(%url, status, attempt, "retrying");
                    retry_after.unwrap_or_else(|| self.backoff(attempt))
                }
                Err(e) => {
                    if let Some(f) = find_forbidden(&e) {
                        return Err(FetchError::Forbidden {
                            url: url.to_string(),
                            reason: f,
                        });
                    }
                    let transient = e.is_timeout() || e.is_connect() || e.is_request();
                    if !transient || attempt >= self.config.max_retries {
                        return Err(if e.is_timeout() {
                            FetchError::Timeout(url.to_string())
                        } else {
                            FetchError::Network {
                                url: url.to_string(),
                                reason: error_chain(&e),
                            }
                        });
                    }
                    tracing::debug!(%url, error = %e, attempt, "retrying");
                    self.backoff(attempt)
                }
            };
            drop(_host);
            drop(_global);
            attempt += 1;
            tokio::time::sleep(wait).await;
        }
    }

    /// Read the body with the wire cap, decoding gzip/brotli with the decoded cap.
    async fn read_body(
        &self,
        mut resp: reqwest::Response,
        url: &Url,
    ) -> Result<(Vec<u8>, Option<&'static str>), FetchError> {
        let encoding = resp
            .headers()
            .get(CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_ascii_lowercase());
        let out = Arc::new(Mutex::new(Capped {
            buf: Vec::new(),
            cap: self.config.max_decoded_bytes,
            hit: false,
        }));
        let sink = CappedWriter(out.clone());
        let mut decoder: Box<dyn Write + Send> = match encoding.as_deref() {
            Some("gzip") | Some("x-gzip") => Box::new(flate2::write::MultiGzDecoder::new(sink)),
            Some("deflate") => Box::new(flate2::write::ZlibDecoder::new(sink)),
            Some("br") => Box::new(brotli_decompressor::DecompressorWriter::new(sink, 8192)),
            _ => Box::new(sink),
        };
        let mut wire = 0usize;
        let mut reason = None;
        loop {
            let chunk = match resp.chunk().await {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) if e.is_timeout() => {
                    return Err(FetchError::Timeout(url.to_string()));
                }
                Err(e) => {
                    return Err(FetchError::Network {
                        url: url.to_string(),
                        reason: error_chain(&e),
                    });
                }
            };
            let room = self.config.max_body_bytes.saturating_sub(wire);
            let take = chunk.len().min(room);
            wire += take;
            if decoder.write_all(&chunk[..take]).is_err() {
                let hit = out.lock().map(|c| c.hit).unwrap_or(true);
                if hit {
                    reason = Some(if encoding.is_some() {
                        "decompression_limit"
                    } else {
                        "body_cap"
                    });
                } else {
                    // A corrupt compressed stream: keep what was decoded.
                    reason = Some("decode_error");
                }
                break;
            }
            if take < chunk.len() {
                reason = Some("body_cap");
                break;
            }
        }
        let _ = decoder.flush();
        drop(decoder);
        if reason.is_none() && out.lock().map(|c| c.hit).unwrap_or(false) {
            reason = Some("decompression_limit");
        }
        if let Some(r) = reason {
            tracing::warn!(%url, reason = r, wire_bytes = wire, "body cut");
        }
        let bytes = std::mem::take(&mut out.lock().unwrap_or_else(|p| p.into_inner()).buf);
        Ok((bytes, reason))
    }
}

fn closed(url: &Url) -> FetchError {
    FetchError::Network {
        url: url.to_string(),
        reason: "fetcher shut down".into(),
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

fn find_forbidden(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cur {
        if let Some(f) = c.downcast_ref::<ForbiddenAddress>() {
            return Some(format!("{} resolves to {}", f.host, f.reason));
        }
        cur = c.source();
    }
    None
}

struct Capped {
    buf: Vec<u8>,
    cap: usize,
    hit: bool,
}

struct CappedWriter(Arc<Mutex<Capped>>);

impl Write for CappedWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let mut c = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let room = c.cap.saturating_sub(c.buf.len());
        if room == 0 && !data.is_empty() {
            c.hit = true;
            return Err(std::io::Error::other("decoded size limit"));
        }
        let n = data.len().min(room);
        c.buf.extend_from_slice(&data[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[async_trait]
impl Fetcher for HttpFetcher {
    async fn fetch(&self, url: &str) -> Result<Page, FetchError> {
        let mut current = Url::parse(url).map_err(|e| FetchError::InvalidUrl {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        for _hop in 0..=self.config.max_redirects {
            self.check_url(&current)?;
            let mut crawl_delay = 0.0;
            if self.config.respect_robots {
                let robots = self.robots_for(&current).await;
                let path = match current.query() {
                    Some(q) => format!("{}?{q}", current.path()),
                    None => current.path().to_string(),
                };
                if !robots.allowed(&path) {
                    tracing::info!(url = %current, "disallowed by robots.txt");
                    return Err(FetchError::RobotsDisallowed(current.to_string()));
                }
                crawl_delay = robots.crawl_delay.unwrap_or(0.0);
            }
            let resp = self.send(&current, crawl_delay).await?;
            let status = resp.status().as_u16();
            if (300..400).contains(&status) {
                let loc = resp
                    .headers()
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| FetchError::Status {
                        url: current.to_string(),
                        status,
                    })?;
                current = current.join(loc).map_err(|e| FetchError::InvalidUrl {
                    url: loc.to_string(),
                    reason: e.to_string(),
                })?;
                tracing::debug!(to = %current, "redirect");
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(FetchError::Status {
                    url: current.to_string(),
                    status,
                });
            }
            let content_type = resp
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let (bytes, truncated) = self.read_body(resp, &current).await?;
            return Ok(Page {
                requested_url: url.to_string(),
                url: current.to_string(),
                status,
                body: decode_body(&bytes, content_type.as_deref()),
                content_type,
                truncated,
            });
        }
        Err(FetchError::TooManyRedirects(url.to_string()))
    }
}
