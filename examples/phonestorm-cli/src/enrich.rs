//! `phonestorm enrich` and `phonestorm crawl`: the enrichment engine on the command line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use phonestorm_core::email::{EmailConfig, EmailOptions, extract_emails};
use phonestorm_core::phone::pipeline::{ExtractOptions, extract_phones};
use phonestorm_scrape::crawl::Crawler;
use phonestorm_scrape::enrich::{EnrichConfig, Enricher, Lead, Progress};
use phonestorm_scrape::fetch::{FetchConfig, Fetcher, HostPolicy, HttpFetcher, WarcFetcher};
use phonestorm_scrape::places::{FilePlaces, GooglePlaces, PlacesSource};
use phonestorm_scrape::registry::{PhoneRegistry, PostgresRegistry, SqliteRegistry};
use phonestorm_scrape::search::{LocalIndexSearch, SearchProvider, SearxSearch};

/// Options shared by `enrich` and `crawl` for where pages come from.
#[derive(Args, Debug, Clone)]
pub struct SourceArgs {
    /// Answer from this WARC archive (.warc or .warc.gz) instead of the live web (offline).
    #[arg(long, value_name = "FILE")]
    warc: Option<PathBuf>,
    /// Hosts allowed to resolve to private/loopback addresses (SSRF guard opt-in); a leading
    /// dot allows a whole suffix (`.intranet`).
    #[arg(long = "allow-private", value_name = "HOST")]
    allow_private: Vec<String>,
    /// Ignore robots.txt (only for sites you own).
    #[arg(long)]
    ignore_robots: bool,
}

/// `phonestorm enrich`.
#[derive(Args, Debug)]
pub struct EnrichArgs {
    /// Leads file: CSV with a header (id, business_name|name, website, phone, city, vertical)
    /// or JSON lines with the same fields.
    leads: PathBuf,
    /// Phone registry: a SQLite file (created if missing) or a postgres:// URL.
    /// Default: in memory, forgotten at exit.
    #[arg(long, value_name = "FILE|URL")]
    registry: Option<String>,
    /// SearXNG base URL for search (e.g. http://127.0.0.1:8888). With --warc and no --searx,
    /// the archive's own pages are searched.
    #[arg(long, value_name = "URL")]
    searx: Option<String>,
    /// Google Places API key: enables reverse discovery by phone through Places text search.
    #[arg(
        long,
        value_name = "KEY",
        env = "PHONESTORM_PLACES_KEY",
        hide_env_values = true
    )]
    places_key: Option<String>,
    /// Places from a JSON/CSV file instead of Google (offline reverse lookups).
    #[arg(long, value_name = "FILE", conflicts_with = "places_key")]
    places_file: Option<PathBuf>,
    /// Leads enriched at once.
    #[arg(long, default_value_t = 8)]
    concurrency: usize,
    /// Turn off reverse discovery by phone.
    #[arg(long)]
    no_reverse: bool,
    /// Print LeadEvents as JSON lines (default: a table).
    #[arg(long)]
    json: bool,
    /// Print the `[PHONESTORM][...]` log lines on stderr.
    #[arg(long, short)]
    verbose: bool,
    #[command(flatten)]
    source: SourceArgs,
}

/// `phonestorm crawl`.
#[derive(Args, Debug)]
pub struct CrawlArgs {
    /// A URL or bare domain.
    url: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    source: SourceArgs,
}

pub(crate) fn init_logs(verbose: bool) {
    let filter = std::env::var("RUST_LOG").unwrap_or_else(|_| {
        if verbose {
            "warn,phonestorm=info".into()
        } else {
            "error".into()
        }
    });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}

pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())
}

pub(crate) struct Sources {
    pub(crate) fetcher: Arc<dyn Fetcher>,
    archive_search: Option<Arc<dyn SearchProvider>>,
}

pub(crate) fn sources(args: &SourceArgs) -> Result<Sources, String> {
    match &args.warc {
        Some(path) => {
            let w = WarcFetcher::open(path).map_err(|e| e.to_string())?;
            let index = LocalIndexSearch::new(w.html_pages());
            eprintln!("archive: {} records from {}", w.len(), path.display());
            Ok(Sources {
                fetcher: Arc::new(w),
                archive_search: Some(Arc::new(index)),
            })
        }
        None => {
            let policy = HostPolicy {
                allow_private_hosts: args.allow_private.clone(),
                ..Default::default()
            };
            let config = FetchConfig {
                respect_robots: !args.ignore_robots,
                ..Default::default()
            };
            Ok(Sources {
                fetcher: Arc::new(HttpFetcher::new(config, policy).map_err(|e| e.to_string())?),
                archive_search: None,
            })
        }
    }
}

/// Read leads from CSV or JSON lines.
pub fn read_leads(path: &Path) -> Result<Vec<Lead>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut leads: Vec<Lead> = if path
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "json")
    {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
            .collect::<Result<_, _>>()?
    } else {
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        rdr.deserialize()
            .enumerate()
            .map(|(i, r)| r.map_err(|e| format!("row {}: {e}", i + 2)))
            .collect::<Result<_, _>>()?
    };
    for (i, l) in leads.iter_mut().enumerate() {
        let nz = |s: &mut Option<String>| {
            if s.as_deref().is_some_and(|v| v.trim().is_empty()) {
                *s = None;
            }
        };
        nz(&mut l.website);
        nz(&mut l.phone);
        nz(&mut l.city);
        nz(&mut l.vertical);
        if l.id.is_empty() {
            l.id = format!("row-{}", i + 1);
        }
    }
    Ok(leads)
}

async fn registry(spec: Option<&str>) -> Result<Arc<dyn PhoneRegistry>, String> {
    Ok(match spec {
        Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => Arc::new(
            PostgresRegistry::connect(u)
                .await
                .map_err(|e| e.to_string())?,
        ),
        Some(f) => Arc::new(SqliteRegistry::open(f).map_err(|e| e.to_string())?),
        None => Arc::new(SqliteRegistry::in_memory().map_err(|e| e.to_string())?),
    })
}

fn progress_bar(p: Progress) {
    let width = 30;
    let filled = (p.done * width).checked_div(p.total).unwrap_or(width);
    let mut err = std::io::stderr().lock();
    let _ = write!(
        err,
        "\r[{}{}] {}/{} leads, {} with a domain",
        "#".repeat(filled),
        "-".repeat(width - filled),
        p.done,
        p.total,
        p.with_domain
    );
    if p.done == p.total {
        let _ = writeln!(err);
    }
}

/// Run `phonestorm enrich`.
pub fn run_enrich(args: EnrichArgs) -> ExitCode {
    init_logs(args.verbose);
    match runtime().and_then(|rt| rt.block_on(enrich(args))) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn enrich(args: EnrichArgs) -> Result<ExitCode, String> {
    let leads = read_leads(&args.leads)?;
    let src = sources(&args.source)?;
    let reg = registry(args.registry.as_deref()).await?;
    let config = EnrichConfig {
        reverse_discovery: !args.no_reverse,
        ..Default::default()
    };
    let mut enricher = Enricher::new(src.fetcher, reg, config);
    if let Some(url) = &args.searx {
        enricher =
            enricher.with_search(Arc::new(SearxSearch::new(url).map_err(|e| e.to_string())?));
    } else if let Some(s) = src.archive_search {
        enricher = enricher.with_search(s);
    }
    if let Some(key) = &args.places_key {
        enricher = enricher
            .with_places(Arc::new(GooglePlaces::new(key).map_err(|e| e.to_string())?)
                as Arc<dyn PlacesSource>);
    } else if let Some(f) = &args.places_file {
        enricher = enricher.with_places(Arc::new(FilePlaces::open(f).map_err(|e| e.to_string())?));
    }
    let results = enricher
        .enrich_many(&leads, args.concurrency, progress_bar)
        .await;
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    if !args.json {
        let _ = writeln!(
            out,
            "{:<10} {:<28} {:<28} {:<16} {:<13} {:<5} {:<22} STATUS",
            "LEAD", "BUSINESS", "DOMAIN", "VIA", "PHONE", "CONF", "EMAIL"
        );
    }
    let (mut with_domain, mut reverse) = (0, 0);
    for (lead, r) in leads.iter().zip(results) {
        match r {
            Ok(ev) => {
                with_domain += usize::from(ev.domain.is_some());
                reverse += usize::from(
                    ev.domain_source
                        .as_deref()
                        .is_some_and(|s| s.starts_with("reverse")),
                );
                if args.json {
                    let _ = writeln!(out, "{}", serde_json::to_string(&ev).unwrap_or_default());
                } else {
                    let _ = writeln!(
                        out,
                        "{:<10} {:<28.28} {:<28.28} {:<16} {:<13} {:<5.2} {:<22.22} {}",
                        ev.lead_id,
                        ev.business_name,
                        ev.domain.as_deref().unwrap_or("-"),
                        ev.domain_source.as_deref().unwrap_or("-"),
                        ev.lead_phone_e164.as_deref().unwrap_or("-"),
                        ev.phone_confidence,
                        ev.email.as_deref().unwrap_or("-"),
                        ev.enrichment_status
                    );
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("lead {}: {e} ({})", lead.id, e.code());
            }
        }
    }
    eprintln!(
        "{} leads: {} with a domain ({} by reverse discovery from phone), {} failed",
        leads.len(),
        with_domain,
        reverse,
        failed
    );
    Ok(ExitCode::SUCCESS)
}

/// Run `phonestorm crawl`.
pub fn run_crawl(args: CrawlArgs) -> ExitCode {
    init_logs(false);
    let res = runtime().and_then(|rt| {
        rt.block_on(async {
            let src = sources(&args.source)?;
            let crawler = Crawler::new(src.fetcher, Default::default());
            let site = crawler.crawl(&args.url).await.map_err(|e| format!("{e} ({})", e.code()))?;
            let pages: Vec<serde_json::Value> = site
                .pages
                .iter()
                .map(|p| {
                    let opts = ExtractOptions { base_url: Some(p.url.clone()), page_kind: None };
                    let phones = extract_phones(&p.body, &opts);
                    let email_opts = EmailOptions { base_url: Some(p.url.clone()), page_kind: None };
                    let emails: Vec<String> = extract_emails(&p.body, &email_opts, &EmailConfig::default())
                        .into_iter()
                        .filter(|f| !f.placeholder)
                        .map(|f| f.email)
                        .collect();
                    serde_json::json!({"url": p.url, "status": p.status, "bytes": p.body.len(), "truncated": p.truncated, "phones": phones, "emails": emails})
                })
                .collect();
            let failures: Vec<serde_json::Value> =
                site.failures.iter().map(|(u, c)| serde_json::json!({"url": u, "error": c})).collect();
            Ok::<_, String>(serde_json::json!({"domain": site.domain, "pages": pages, "failures": failures}))
        })
    });
    match res {
        Ok(v) => {
            if args.json {
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else {
                println!("domain: {}", v["domain"].as_str().unwrap_or(""));
                for p in v["pages"].as_array().into_iter().flatten() {
                    let phones: Vec<&str> = p["phones"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|x| x["e164"].as_str())
                        .collect();
                    println!(
                        "  {}  phones={:?} emails={}",
                        p["url"].as_str().unwrap_or(""),
                        phones,
                        p["emails"]
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
