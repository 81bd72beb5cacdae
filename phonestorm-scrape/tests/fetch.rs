//! The live fetcher against the loopback fixture web.

mod common;

use std::time::{Duration, Instant};

use common::Fixture;
use phonestorm_scrape::fetch::{FetchConfig, Fetcher, HostPolicy, HttpFetcher};
use phonestorm_scrape::search::{SearchProvider, SearxSearch};

#[tokio::test]
async fn fetches_fixture_site_and_follows_safe_redirects() {
    let fx = common::start(common::SITES, 0).await;
    let f = fx.fetcher(Fixture::fast_config());
    let b = phonestorm_scrape::fixture::business(0, "test");
    let p = f
        .fetch(&format!("http://{}/contact", b.domain))
        .await
        .unwrap();
    assert_eq!(p.status, 200);
    assert!(p.body.contains("tel:+1"));
    let p = f.fetch("http://redirect-ok.test/").await.unwrap();
    assert!(p.url.ends_with("/landing"), "{}", p.url);
    assert!(p.body.contains("landed"));
    let p = f.fetch("http://latin1.test/").await.unwrap();
    assert!(p.body.contains("Café"), "{}", p.body);
}

#[tokio::test]
async fn ssrf_guard_refuses_loopback_metadata_and_private_resolution() {
    let fx = common::start(4, 0).await;
    let f = fx.fetcher(Fixture::fast_config());
    let e = f.fetch("http://redirect-loopback.test/").await.unwrap_err();
    assert!(e.is_forbidden(), "{e}");
    let e = f.fetch("http://redirect-metadata.test/").await.unwrap_err();
    assert!(e.is_forbidden(), "{e}");
    assert!(e.to_string().contains("169.254.169.254"));
    // A name that resolves to a private address, not opted in: refused after resolution.
    let e = f.fetch("http://internal.example/").await.unwrap_err();
    assert!(e.is_forbidden(), "{e}");
    // Literal addresses are refused before any connection.
    let e = f
        .fetch(&format!("http://127.0.0.1:{}/", fx.addr.port()))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "forbidden_address");
    // The default policy refuses even the fixture hosts.
    let strict = HttpFetcher::new(
        Fixture::fast_config(),
        HostPolicy {
            overrides: fx.policy().overrides,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        strict
            .fetch("http://redirect-ok.test/")
            .await
            .unwrap_err()
            .is_forbidden()
    );
    let e = f.fetch("file:///etc/passwd").await.unwrap_err();
    assert_eq!(e.code(), "invalid_url");
}

#[tokio::test]
async fn robots_txt_is_honoured_and_cached() {
    let fx = common::start(1, 0).await;
    let f = fx.fetcher(Fixture::fast_config());
    assert!(f.fetch("http://robots.test/").await.is_ok());
    let e = f.fetch("http://robots.test/private/x").await.unwrap_err();
    assert_eq!(e.code(), "robots_disallowed");
    assert_eq!(
        fx.hits("robots.test/robots.txt"),
        1,
        "robots.txt fetched once per host"
    );
    assert_eq!(fx.hits("robots.test/private/x"), 0);
}

#[tokio::test]
async fn retries_429_honouring_retry_after() {
    let fx = common::start(1, 0).await;
    let f = fx.fetcher(Fixture::fast_config());
    let t = Instant::now();
    let p = f.fetch("http://busy.test/").await.unwrap();
    assert!(p.body.contains("finally"));
    assert!(
        t.elapsed() >= Duration::from_millis(1900),
        "waited {:?}",
        t.elapsed()
    );
    assert_eq!(fx.hits("busy.test/"), 3);
}

#[tokio::test]
async fn slow_page_times_out_after_retries() {
    let fx = common::start(1, 0).await;
    let f = fx.fetcher(FetchConfig {
        request_timeout_ms: 300,
        max_retries: 1,
        ..Fixture::fast_config()
    });
    let t = Instant::now();
    let e = f.fetch("http://slow.test/").await.unwrap_err();
    assert!(e.is_timeout(), "{e}");
    assert!(t.elapsed() < Duration::from_secs(3));
    assert_eq!(fx.hits("slow.test/"), 2);
}

#[tokio::test]
async fn gzip_bomb_and_huge_page_are_cut() {
    let fx = common::start(1, 0).await;
    let f = fx.fetcher(FetchConfig {
        max_body_bytes: 2 << 20,
        max_decoded_bytes: 4 << 20,
        ..Fixture::fast_config()
    });
    let p = f.fetch("http://bomb.test/").await.unwrap();
    assert_eq!(p.truncated, Some("decompression_limit"));
    assert_eq!(p.body.len(), 4 << 20);
    let t = Instant::now();
    let p = f.fetch("http://huge.test/").await.unwrap();
    assert_eq!(p.truncated, Some("body_cap"));
    assert_eq!(p.body.len(), 2 << 20);
    assert!(t.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn per_host_politeness_spaces_requests() {
    let fx = common::start(2, 0).await;
    let f = std::sync::Arc::new(fx.fetcher(FetchConfig {
        per_host_delay_ms: 200,
        respect_robots: false,
        ..Fixture::fast_config()
    }));
    let b = phonestorm_scrape::fixture::business(1, "test");
    let t = Instant::now();
    let mut handles = Vec::new();
    for path in ["/", "/contact", "/about-us", "/services"] {
        let f = f.clone();
        let url = format!("http://{}{path}", b.domain);
        handles.push(tokio::spawn(async move { f.fetch(&url).await.is_ok() }));
    }
    for h in handles {
        assert!(h.await.unwrap());
    }
    // Four starts on one host need at least three gaps of 200 ms.
    assert!(
        t.elapsed() >= Duration::from_millis(590),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn searx_adapter_parses_results_and_explains_403() {
    let fx = common::start(common::SITES, 0).await;
    let b = phonestorm_scrape::fixture::business(3, "test");
    // The fake dispatches on Host, so the client resolves searx.test to the fixture.
    let s = SearxSearch::with_client(
        reqwest::Client::builder()
            .resolve("searx.test", fx.addr)
            .build()
            .unwrap(),
        "http://searx.test",
    );
    let r = s
        .search(&format!("{} {}", b.name, b.city), 8)
        .await
        .unwrap();
    assert!(r.iter().any(|x| x.url.contains(&b.domain)));
    assert!(!r[0].engines.is_empty());
    let bad = SearxSearch::with_client(
        reqwest::Client::builder()
            .resolve("searx403.test", fx.addr)
            .build()
            .unwrap(),
        "http://searx403.test",
    );
    let e = bad.search("x", 3).await.unwrap_err();
    assert_eq!(e.code(), "searx_json_disabled");
    assert!(e.to_string().contains("settings.yml"));
}
