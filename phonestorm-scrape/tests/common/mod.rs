//! An in-process HTTP/1.1 server on 127.0.0.1 serving the fixture web by `Host` header.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use phonestorm_scrape::fetch::{FetchConfig, HostPolicy, HttpFetcher};
use phonestorm_scrape::fixture;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const SITES: usize = 40;
pub const DIRECTORIES: usize = 6;

pub struct Fixture {
    pub addr: SocketAddr,
    pub hits: Arc<Mutex<HashMap<String, usize>>>,
    /// Extra latency per page, milliseconds.
    pub latency_ms: u64,
}

struct Web {
    pages: HashMap<(String, String), (&'static str, String)>,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    busy: AtomicUsize,
    latency_ms: u64,
}

pub async fn start(sites: usize, latency_ms: u64) -> Fixture {
    let mut pages = HashMap::new();
    for i in 0..sites {
        let b = fixture::business(i, "test");
        for (path, ct, body) in fixture::site_pages(&b) {
            pages.insert((b.domain.clone(), path), (ct, body));
        }
    }
    for k in 0..DIRECTORIES {
        let (d, html) = fixture::directory_page(k, "test");
        pages.insert((d, "/".into()), ("text/html", html));
    }
    pages.insert(
        ("robots.test".into(), "/robots.txt".into()),
        ("text/plain", "User-agent: *\nDisallow: /private\n".into()),
    );
    pages.insert(
        ("robots.test".into(), "/".into()),
        ("text/html", "<p>public</p>".into()),
    );
    pages.insert(
        ("robots.test".into(), "/private/x".into()),
        ("text/html", "<p>secret</p>".into()),
    );
    pages.insert(
        ("latin1.test".into(), "/".into()),
        ("text/html; charset=iso-8859-1", String::new()),
    );
    let hits = Arc::new(Mutex::new(HashMap::new()));
    let web = Arc::new(Web {
        pages,
        hits: hits.clone(),
        busy: AtomicUsize::new(0),
        latency_ms,
    });
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                continue;
            };
            let web = web.clone();
            tokio::spawn(async move {
                let _ = serve(sock, web, addr).await;
            });
        }
    });
    Fixture {
        addr,
        hits,
        latency_ms,
    }
}

impl Fixture {
    /// Policy: every `*.test` host resolves to the fixture and may be loopback; nothing else.
    pub fn policy(&self) -> HostPolicy {
        let mut overrides = HashMap::new();
        overrides.insert(".test".to_string(), self.addr);
        overrides.insert(
            "internal.example".to_string(),
            "10.0.0.5:80".parse().unwrap(),
        );
        HostPolicy {
            allow_private_hosts: vec![".test".into()],
            overrides,
        }
    }

    pub fn fetcher(&self, config: FetchConfig) -> HttpFetcher {
        HttpFetcher::new(config, self.policy()).unwrap()
    }

    pub fn fast_config() -> FetchConfig {
        FetchConfig {
            per_host_delay_ms: 0,
            backoff_base_ms: 50,
            request_timeout_ms: 5_000,
            ..FetchConfig::default()
        }
    }

    pub fn hits(&self, key: &str) -> usize {
        self.hits.lock().unwrap().get(key).copied().unwrap_or(0)
    }
}

async fn write_response(
    sock: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    sock.write_all(head.as_bytes()).await?;
    sock.write_all(body).await?;
    sock.shutdown().await
}

async fn serve(mut sock: TcpStream, web: Arc<Web>, addr: SocketAddr) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut tmp = [0u8; 4096];
    let head_end = loop {
        let n = sock.read(&mut tmp).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&tmp[..n]);
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.lines();
    let first = lines.next().unwrap_or("");
    let mut parts = first.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let host = headers
        .get("host")
        .map(|h| h.split(':').next().unwrap_or("").to_string())
        .unwrap_or_default();
    let clen: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < clen {
        let n = sock.read(&mut tmp).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&tmp[..n]);
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target.clone(), String::new()),
    };
    *web.hits
        .lock()
        .unwrap()
        .entry(format!("{host}{path}"))
        .or_default() += 1;

    match (host.as_str(), path.as_str()) {
        ("searx.test", "/search") => {
            let q = query_param(&query, "q");
            let json = searx_answer(&q);
            return write_response(
                &mut sock,
                "200 OK",
                &[("Content-Type", "application/json".into())],
                json.as_bytes(),
            )
            .await;
        }
        ("searx403.test", _) => {
            return write_response(&mut sock, "403 Forbidden", &[], b"Forbidden").await;
        }
        ("places.test", "/v1/places:searchText") => {
            let (status, json) = places_answer(&method, &headers, &body);
            return write_response(
                &mut sock,
                status,
                &[("Content-Type", "application/json".into())],
                json.as_bytes(),
            )
            .await;
        }
        ("redirect-loopback.test", _) => {
            return write_response(
                &mut sock,
                "302 Found",
                &[("Location", format!("http://127.0.0.1:{}/", addr.port()))],
                b"",
            )
            .await;
        }
        ("redirect-metadata.test", _) => {
            return write_response(
                &mut sock,
                "301 Moved",
                &[(
                    "Location",
                    "http://169.254.169.254/latest/meta-data/".into(),
                )],
                b"",
            )
            .await;
        }
        ("redirect-ok.test", "/") => {
            return write_response(
                &mut sock,
                "302 Found",
                &[("Location", "/landing".into())],
                b"",
            )
            .await;
        }
        ("redirect-ok.test", "/landing") => {
            return write_response(
                &mut sock,
                "200 OK",
                &[("Content-Type", "text/html".into())],
                b"<p>landed</p>",
            )
            .await;
        }
        ("busy.test", "/") => {
            let n = web.busy.fetch_add(1, Ordering::SeqCst);
            if n < 2 {
                return write_response(
                    &mut sock,
                    "429 Too Many Requests",
                    &[("Retry-After", "1".into())],
                    b"slow down",
                )
                .await;
            }
            return write_response(
                &mut sock,
                "200 OK",
                &[("Content-Type", "text/html".into())],
                b"<p>finally</p>",
            )
            .await;
        }
        ("slow.test", "/") => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            return write_response(&mut sock, "200 OK", &[], b"late").await;
        }
        ("bomb.test", "/") => {
            let gz = bomb();
            return write_response(
                &mut sock,
                "200 OK",
                &[
                    ("Content-Type", "text/html".into()),
                    ("Content-Encoding", "gzip".into()),
                ],
                &gz,
            )
            .await;
        }
        ("huge.test", "/") => {
            // A 100 MB page, streamed.
            let total: usize = 100 * 1000 * 1000;
            let head = format!(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: {total}\r\n\r\n"
            );
            sock.write_all(head.as_bytes()).await?;
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0;
            while sent < total {
                let n = chunk.len().min(total - sent);
                if sock.write_all(&chunk[..n]).await.is_err() {
                    break; // client hung up after its cap: expected
                }
                sent += n;
            }
            return Ok(());
        }
        ("latin1.test", "/") => {
            return write_response(
                &mut sock,
                "200 OK",
                &[("Content-Type", "text/html; charset=iso-8859-1".into())],
                b"<p>Caf\xe9 Cubano (305) 234-5678</p>",
            )
            .await;
        }
        _ => {}
    }
    if web.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(web.latency_ms)).await;
    }
    match web.pages.get(&(host.clone(), path.clone())) {
        Some((ct, html)) => {
            write_response(
                &mut sock,
                "200 OK",
                &[("Content-Type", ct.to_string())],
                html.as_bytes(),
            )
            .await
        }
        None => {
            write_response(
                &mut sock,
                "404 Not Found",
                &[("Content-Type", "text/html".into())],
                b"<h1>not found</h1>",
            )
            .await
        }
    }
}

/// 32 MiB of zeros, gzip-compressed to ~32 KiB (built once).
fn bomb() -> Vec<u8> {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..32 {
            enc.write_all(&zeros).unwrap();
        }
        enc.finish().unwrap()
    })
    .clone()
}

fn query_param(q: &str, key: &str) -> String {
    q.split('&')
        .find_map(|kv| {
            kv.split_once('=')
                .filter(|(k, _)| *k == key)
                .map(|(_, v)| v)
        })
        .map(|v| {
            let v = v.replace('+', " ");
            let mut out = Vec::new();
            let b = v.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'%' && i + 2 < b.len() {
                    if let Ok(x) = u8::from_str_radix(&v[i + 1..i + 3], 16) {
                        out.push(x);
                        i += 3;
                        continue;
                    }
                }
                out.push(b[i]);
                i += 1;
            }
            String::from_utf8_lossy(&out).to_string()
        })
        .unwrap_or_default()
}

/// Fake SearXNG: a directory result first (as real engines do), then the business site when
/// the query names the business or carries its phone.
fn searx_answer(q: &str) -> String {
    let ql = q.to_lowercase();
    let qdigits: String = q.chars().filter(char::is_ascii_digit).collect();
    let mut results = vec![serde_json::json!({
        "url": "https://www.yelp.com/search?find_desc=local",
        "title": "THE BEST 10 local businesses - Yelp",
        "content": "Find the best local businesses near you.",
        "engine": "duckduckgo", "engines": ["duckduckgo", "brave"], "score": 3.0, "category": "general"
    })];
    for i in 0..SITES {
        let b = fixture::business(i, "test");
        let digits: String = b.phone.chars().filter(char::is_ascii_digit).collect();
        let by_name = ql.contains(&b.name.to_lowercase());
        let by_phone = qdigits.len() >= 10 && qdigits.ends_with(&digits);
        if by_phone {
            // The directory that lists it ranks first for a phone query.
            let (d, _) = fixture::directory_page(i / 4, "test");
            results.push(serde_json::json!({
                "url": format!("http://{d}/"), "title": "Best local businesses",
                "content": format!("{} ... {}", b.name, fixture::DIRECTORY_PHONE),
                "engine": "brave", "engines": ["brave"], "score": 2.0, "category": "general"
            }));
        }
        if by_name || by_phone {
            results.push(serde_json::json!({
                "url": format!("http://{}/", b.domain),
                "title": format!("{} | {} {}", b.name, b.vertical, b.city),
                "content": format!("Family owned {} serving {}.", b.vertical, b.city),
                "engine": "duckduckgo", "engines": ["duckduckgo", "startpage"], "score": 1.5, "category": "general"
            }));
        }
    }
    serde_json::json!({
        "query": q, "number_of_results": results.len(), "results": results,
        "answers": [], "corrections": [], "infoboxes": [], "suggestions": [], "unresponsive_engines": []
    })
    .to_string()
}

/// Fake Places (New) Text Search in Google's wire format; pages of 3 with `nextPageToken`.
fn places_answer(
    method: &str,
    headers: &HashMap<String, String>,
    body: &[u8],
) -> (&'static str, String) {
    if method != "POST" {
        return ("405 Method Not Allowed", "{}".into());
    }
    if headers.get("x-goog-api-key").map(String::as_str) != Some("test-key") {
        return (
            "403 Forbidden",
            r#"{"error":{"code":403,"message":"API key not valid.","status":"PERMISSION_DENIED"}}"#
                .into(),
        );
    }
    if !headers
        .get("x-goog-fieldmask")
        .is_some_and(|m| m.contains("places.internationalPhoneNumber"))
    {
        return ("400 Bad Request", r#"{"error":{"code":400,"message":"FieldMask is a required parameter","status":"INVALID_ARGUMENT"}}"#.into());
    }
    let req: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let q = req["textQuery"].as_str().unwrap_or("").to_lowercase();
    let start: usize = req["pageToken"]
        .as_str()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let qdigits: String = q.chars().filter(char::is_ascii_digit).collect();
    let matching: Vec<fixture::Business> = (0..SITES)
        .map(|i| fixture::business(i, "test"))
        .filter(|b| {
            let digits: String = b.phone.chars().filter(char::is_ascii_digit).collect();
            if qdigits.len() >= 10 {
                qdigits.ends_with(&digits)
            } else {
                q.contains(&b.vertical.to_lowercase())
            }
        })
        .collect();
    let page: Vec<serde_json::Value> = matching
        .iter()
        .skip(start)
        .take(3)
        .map(|b| {
            let digits: String = b.phone.chars().filter(char::is_ascii_digit).collect();
            serde_json::json!({
                "id": format!("ChIJfixture{:04}", b.index),
                "displayName": {"text": b.name, "languageCode": "en"},
                "formattedAddress": format!("{} Main St, {}, FL 33101, USA", 100 + b.index, b.city),
                "websiteUri": if b.index % 7 == 6 { format!("https://www.facebook.com/{}", b.index) } else { format!("http://{}/", b.domain) },
                "internationalPhoneNumber": format!("+1 {}-{}-{}", &digits[..3], &digits[3..6], &digits[6..]),
                "nationalPhoneNumber": b.phone,
                "rating": 3.0 + (b.index % 20) as f64 / 10.0,
                "userRatingCount": 3 + b.index * 5,
                "types": [b.vertical.to_lowercase().replace(' ', "_"), "point_of_interest", "establishment"],
                "addressComponents": [{"longText": b.city, "shortText": b.city, "types": ["locality", "political"], "languageCode": "en"}]
            })
        })
        .collect();
    let mut ans = serde_json::json!({ "places": page });
    if start + 3 < matching.len() {
        ans["nextPageToken"] = serde_json::Value::String((start + 3).to_string());
    }
    ("200 OK", ans.to_string())
}
