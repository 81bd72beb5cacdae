//! Crawler, discovery, reverse discovery, Places, registries and the pipeline end to end
//! against the loopback fixture web.

mod common;

use std::sync::{Arc, Mutex};

use common::Fixture;
use phonestorm_scrape::crawl::{CrawlConfig, Crawler};
use phonestorm_scrape::enrich::{EnrichConfig, Enricher, Lead};
use phonestorm_scrape::fetch::Fetcher;
use phonestorm_scrape::fixture::{self, DIRECTORY_PHONE};
use phonestorm_scrape::places::{GooglePlaces, PlacesQuery, PlacesSource};
use phonestorm_scrape::registry::{PhoneRegistry, PostgresRegistry, SqliteRegistry};
use phonestorm_scrape::search::{SearchProvider, SearxSearch};

fn e164(raw: &str) -> String {
    phonestorm_core::phone::normalize::normalize(raw, "US")
        .unwrap()
        .e164
}

fn config() -> EnrichConfig {
    let mut c = EnrichConfig::default();
    // The fixture directories are directories.
    for k in 0..common::DIRECTORIES {
        c.rank
            .domains
            .directories
            .push(fixture::directory_page(k, "test").0);
    }
    c
}

fn searx(fx: &Fixture) -> Arc<dyn SearchProvider> {
    Arc::new(SearxSearch::with_client(
        reqwest::Client::builder()
            .resolve("searx.test", fx.addr)
            .build()
            .unwrap(),
        "http://searx.test",
    ))
}

fn places(fx: &Fixture, key: &str) -> GooglePlaces {
    GooglePlaces::with_client(
        reqwest::Client::builder()
            .resolve("places.test", fx.addr)
            .build()
            .unwrap(),
        "http://places.test",
        key,
    )
}

#[tokio::test]
async fn crawler_finds_contact_pages_by_links_and_sitemap() {
    let fx = common::start(8, 0).await;
    let f: Arc<dyn Fetcher> = Arc::new(fx.fetcher(Fixture::fast_config()));
    let c = Crawler::new(f, CrawlConfig::default());
    // Linked contact page.
    let b = fixture::business(1, "test");
    let site = c.crawl(&b.domain).await.unwrap();
    assert_eq!(site.domain, b.domain);
    assert!(site.pages.iter().any(|p| p.url.ends_with("/contact")));
    // Contact page only in sitemap.xml.
    let b = fixture::business(3, "test");
    let site = c.crawl(&format!("http://{}/", b.domain)).await.unwrap();
    assert!(
        site.pages.iter().any(|p| p.url.ends_with("/contact")),
        "{:?}",
        site.pages.iter().map(|p| &p.url).collect::<Vec<_>>()
    );
    assert_eq!(fx.hits(&format!("{}/sitemap.xml", b.domain)), 1);
    assert!(site.pages.len() <= CrawlConfig::default().max_pages);
}

#[tokio::test]
async fn google_places_adapter_pages_clamps_and_refuses_bad_key() {
    let fx = common::start(common::SITES, 0).await;
    let p = places(&fx, "test-key");
    let q = PlacesQuery {
        text_query: phonestorm_scrape::places::text_query("HVAC", "Miami"),
        max_results: 50,
        ..Default::default()
    };
    let found = p.search(&q).await.unwrap();
    // 40 sites / 6 verticals → 7 HVAC businesses, served 3 per page.
    assert_eq!(found.len(), 7);
    assert!(found.iter().all(|x| x.place_id.starts_with("ChIJfixture")));
    assert!(found[0].phone.as_deref().unwrap().starts_with("+1 "));
    assert!(found[0].city.is_some() && found[0].reviews_count.is_some());
    let q2 = PlacesQuery {
        max_results: 2,
        ..q.clone()
    };
    assert_eq!(p.search(&q2).await.unwrap().len(), 2);
    let e = places(&fx, "wrong").search(&q).await.unwrap_err();
    assert_eq!(e.code(), "places_unauthorized");
}

#[tokio::test]
async fn sqlite_registry_survives_restart_and_concurrent_writers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registry.sqlite");
    let a = SqliteRegistry::open(&path).unwrap();
    let b = SqliteRegistry::open(&path).unwrap();
    let mut tasks = Vec::new();
    for w in 0..4 {
        let r = if w % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            for i in 0..100 {
                r.record(
                    &format!("+1305234{:04}", i % 50),
                    &format!("site{}.test", (i + w) % 7),
                )
                .await
                .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    drop((a, b));
    let r = SqliteRegistry::open(&path).unwrap();
    let n = r.domain_count("+13052340000").await.unwrap();
    assert!((1..=7).contains(&n));
    r.record("+13052349999", "a.test").await.unwrap();
    r.record("+13052349999", "a.test").await.unwrap();
    r.record("+13052349999", "b.test").await.unwrap();
    assert_eq!(
        r.domains_for("+13052349999").await.unwrap(),
        vec!["a.test", "b.test"]
    );
}

#[tokio::test]
async fn postgres_registry_on_a_real_server() {
    let Ok(url) = std::env::var("PHONESTORM_TEST_DATABASE_URL") else {
        eprintln!(
            "SKIP postgres_registry_on_a_real_server: PHONESTORM_TEST_DATABASE_URL not set (scripts/ci/41-scrape.sh starts a server)"
        );
        return;
    };
    let r = PostgresRegistry::connect(&url).await.unwrap();
    let phone = format!("+1786234{:04}", std::process::id() % 10_000);
    for d in ["x.test", "y.test", "x.test"] {
        r.record(&phone, d).await.unwrap();
    }
    assert_eq!(r.domain_count(&phone).await.unwrap(), 2);
    assert_eq!(r.domains_for(&phone).await.unwrap()[0], "x.test");
}

#[tokio::test]
async fn pipeline_end_to_end_with_directories_and_reverse_discovery() {
    let fx = common::start(common::SITES, 0).await;
    let f: Arc<dyn Fetcher> = Arc::new(fx.fetcher(Fixture::fast_config()));
    let dir = tempfile::tempdir().unwrap();
    let registry = Arc::new(SqliteRegistry::open(dir.path().join("r.sqlite")).unwrap());
    let mut cfg = config();
    // Directories must be crawled as ordinary sites here so that their shared number is
    // counted on 6 domains: classify them as businesses for this run.
    cfg.rank
        .domains
        .directories
        .retain(|d| !d.starts_with("localpages"));
    let enricher = Enricher::new(f, registry.clone(), cfg).with_search(searx(&fx));

    let mut leads = fixture::leads(common::SITES, "test", 3);
    for k in 0..common::DIRECTORIES {
        leads.push(Lead {
            id: format!("dir-{k}"),
            business_name: format!("Local pages {k}"),
            website: Some(format!("http://{}/", fixture::directory_page(k, "test").0)),
            ..Default::default()
        });
    }
    let calls = Mutex::new(0usize);
    let events = enricher
        .enrich_many(&leads, 8, |p| {
            *calls.lock().unwrap() += 1;
            assert!(p.done <= p.total);
        })
        .await;
    assert_eq!(*calls.lock().unwrap(), leads.len());
    for (lead, ev) in leads.iter().zip(&events) {
        let ev = ev.as_ref().unwrap();
        if lead.id.starts_with("dir-") {
            continue;
        }
        let i: usize = lead.id[5..].parse().unwrap();
        let b = fixture::business(i, "test");
        assert_eq!(ev.domain.as_deref(), Some(b.domain.as_str()), "{ev:?}");
        assert_eq!(
            ev.lead_phone_e164.as_deref(),
            Some(e164(&b.phone).as_str()),
            "{ev:?}"
        );
        assert_eq!(ev.email, b.email, "{ev:?}");
        let want_status = if b.email.is_some() {
            "ENRICHED_NO_OUTBOUND"
        } else {
            "WITH_PHONE_ONLY"
        };
        assert_eq!(ev.enrichment_status, want_status);
        if lead.website.is_none() {
            assert!(ev.signals.contains(&"MISSING_WEBSITE".to_string()));
            let via = if lead.business_name == b.name {
                "search"
            } else {
                "reverse_search"
            };
            assert_eq!(ev.domain_source.as_deref(), Some(via), "{ev:?}");
        } else {
            assert_eq!(ev.domain_source.as_deref(), Some("website"));
        }
        assert!(ev.phone_confidence > 0.5, "{ev:?}");
    }
    assert_eq!(
        registry.domain_count(&e164(DIRECTORY_PHONE)).await.unwrap(),
        6
    );
    // Once the registry has seen the shared number on 6 domains (5+ rule), it is rejected.
    let dir_lead = leads.iter().find(|l| l.id == "dir-0").unwrap();
    let ev = enricher.enrich(dir_lead).await.unwrap();
    assert_eq!(ev.lead_phone_e164, None, "{ev:?}");
    // Idempotent: the same lead again gives the same event.
    let again = enricher.enrich(&leads[1]).await.unwrap();
    assert_eq!(&again, events[1].as_ref().unwrap());
}

#[tokio::test]
async fn reverse_discovery_paths_registry_search_places() {
    let fx = common::start(common::SITES, 0).await;
    let f: Arc<dyn Fetcher> = Arc::new(fx.fetcher(Fixture::fast_config()));
    let b = fixture::business(5, "test");
    // A name the search engine does not know: only the phone can find the site.
    let phone_only = Lead {
        id: "p".into(),
        business_name: "Unlisted Trading".into(),
        phone: Some(b.phone.clone()),
        city: Some(b.city.clone()),
        vertical: Some(b.vertical.clone()),
        ..Default::default()
    };

    // Without reverse discovery: nothing.
    let reg = Arc::new(SqliteRegistry::in_memory().unwrap());
    let off = Enricher::new(
        f.clone(),
        reg.clone(),
        EnrichConfig {
            reverse_discovery: false,
            ..config()
        },
    )
    .with_search(searx(&fx));
    let ev = off.enrich(&phone_only).await.unwrap();
    assert_eq!(ev.domain, None);
    assert_eq!(ev.enrichment_status, "WITH_PHONE_ONLY");
    assert_eq!(ev.phone_source.as_deref(), Some("lead"));

    // Search "{phone} {business} {city}": the directory ranks first but lacks the number.
    let on = Enricher::new(f.clone(), reg.clone(), config()).with_search(searx(&fx));
    let ev = on.enrich(&phone_only).await.unwrap();
    assert_eq!(ev.domain.as_deref(), Some(b.domain.as_str()));
    assert_eq!(ev.domain_source.as_deref(), Some("reverse_search"));

    // Now the registry knows the number: no search needed.
    let reg_only = Enricher::new(f.clone(), reg.clone(), config());
    let ev = reg_only.enrich(&phone_only).await.unwrap();
    assert_eq!(ev.domain_source.as_deref(), Some("reverse_registry"));

    // Places text search with the phone number.
    let fresh = Arc::new(SqliteRegistry::in_memory().unwrap());
    let by_places =
        Enricher::new(f.clone(), fresh, config()).with_places(Arc::new(places(&fx, "test-key")));
    let ev = by_places.enrich(&phone_only).await.unwrap();
    assert_eq!(ev.domain.as_deref(), Some(b.domain.as_str()));
    assert_eq!(ev.domain_source.as_deref(), Some("reverse_places"));
}

#[tokio::test]
async fn social_website_is_weak_presence_and_logs_carry_signatures() {
    let fx = common::start(common::SITES, 0).await;
    let f: Arc<dyn Fetcher> = Arc::new(fx.fetcher(Fixture::fast_config()));
    let reg = Arc::new(SqliteRegistry::in_memory().unwrap());
    let e = Enricher::new(f, reg, config()).with_search(searx(&fx));
    let b = fixture::business(7, "test");
    let lead = Lead {
        id: "s".into(),
        business_name: b.name.clone(),
        website: Some("https://www.facebook.com/coral".into()),
        phone: Some(b.phone.clone()),
        city: Some(b.city.clone()),
        ..Default::default()
    };
    let buf = Arc::new(Mutex::new(Vec::<u8>::new()));
    let writer = {
        let buf = buf.clone();
        move || BufWriter(buf.clone())
    };
    let sub = tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(sub);
    let ev = e.enrich(&lead).await.unwrap();
    assert!(ev.signals.contains(&"WEAK_WEB_PRESENCE".to_string()));
    assert_eq!(ev.domain.as_deref(), Some(b.domain.as_str()));
    assert_eq!(ev.domain_source.as_deref(), Some("search"));
    let log = String::from_utf8(buf.lock().unwrap().clone()).unwrap();
    assert!(log.contains("[PHONESTORM][FOUND_PHONE] number=+1"), "{log}");
    assert!(log.contains("[PHONESTORM][PHONE_TYPE]"));
    assert!(log.contains("[PHONESTORM][PHONE_CONFIDENCE] score="));
}

struct BufWriter(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for BufWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
