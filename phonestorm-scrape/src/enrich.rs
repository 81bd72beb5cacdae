//! The enrichment pipeline (seed 000 §10): domain discovery → phone extraction → reverse
//! discovery by phone when no domain was found → email → status, with the seed's
//! `[PHONESTORM][...]` log signatures (§12) emitted through `tracing` (target `phonestorm`).

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use futures_util::StreamExt;
use phonestorm_core::domain::{self, BusinessQuery, RankConfig, SiteKind};
use phonestorm_core::email::{EmailConfig, EmailOptions, extract_emails};
use phonestorm_core::phone::classify::{ClassifyInput, classify};
use phonestorm_core::phone::html::{HtmlOptions, extract_html};
use phonestorm_core::phone::normalize::normalize;
use phonestorm_core::phone::score::{ScoreConfig, score_site};
use phonestorm_core::phone::{PhoneType, Sighting};
use serde::{Deserialize, Serialize};

use crate::crawl::{CrawlConfig, CrawledSite, Crawler};
use crate::fetch::Fetcher;
use crate::places::{PlacesQuery, PlacesSource};
use crate::registry::{PhoneRegistry, RegistryError};
use crate::search::{SearchError, SearchProvider};

/// A crawled site and the phone sightings on its pages, read at most once however many
/// steps ask (a search or reverse-discovery check, then the scoring).
struct Site {
    crawled: CrawledSite,
    sightings: OnceLock<Vec<Sighting>>,
}

impl Site {
    fn sightings(&self) -> &[Sighting] {
        self.sightings.get_or_init(|| {
            self.crawled
                .pages
                .iter()
                .flat_map(|p| {
                    let opts = HtmlOptions {
                        base_url: Some(p.url.clone()),
                        page_kind: None,
                    };
                    extract_html(&p.body, &opts).sightings
                })
                .collect()
        })
    }

    fn has_phone(&self, e164: &str) -> bool {
        self.sightings().iter().any(|s| s.number.e164 == e164)
    }
}

/// A lead to enrich (the columns of a leads CSV/JSONL).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lead {
    /// Stable id (the CSV's `id`/`lead_id`, or the row number).
    #[serde(alias = "lead_id")]
    pub id: String,
    /// Business name.
    #[serde(alias = "name")]
    pub business_name: String,
    /// Website, if known (URL or bare domain).
    pub website: Option<String>,
    /// Phone as given, if known.
    pub phone: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Vertical (HVAC, med spa, roofing, realtor...).
    pub vertical: Option<String>,
    /// Where the lead came from (`google_places`, `csv`...).
    pub source: Option<String>,
}

/// The enriched lead: seed 000's LeadEvent fields (snake_case) plus discovery details.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LeadEvent {
    /// The lead's id.
    pub lead_id: String,
    /// Business name.
    pub business_name: String,
    /// City.
    pub city: Option<String>,
    /// Canonical registrable domain, if discovered.
    pub domain: Option<String>,
    /// How the domain was found: `website`, `search`, `reverse_registry`, `reverse_search`,
    /// `reverse_places`.
    pub domain_source: Option<String>,
    /// Best phone as written (seed 000 §2.1).
    pub lead_phone_raw: Option<String>,
    /// Best phone in E.164.
    pub lead_phone_e164: Option<String>,
    /// Confidence 0..1.
    pub phone_confidence: f64,
    /// Where it was found (`contact_page`, `homepage`, `footer`, `schema`, `lead`...).
    pub phone_source: Option<String>,
    /// `mobile`, `landline`, `voip`, `tollfree`, ... or `unknown`.
    pub phone_type: Option<PhoneType>,
    /// Best email found.
    pub email: Option<String>,
    /// All emails found on the site.
    pub emails: Vec<String>,
    /// `ENRICHED_NO_OUTBOUND`, `WITH_PHONE_ONLY` or `NOT_ENRICHED`.
    pub enrichment_status: String,
    /// Qualification signals seen on the way (`MISSING_WEBSITE`, `WEAK_WEB_PRESENCE`).
    pub signals: Vec<String>,
    /// Suggest an SMS follow-up (seed 000 §7; manual only).
    pub sms_candidate: bool,
    /// Pages fetched for this lead.
    pub pages_fetched: usize,
}

/// Why one lead could not be enriched (the batch goes on).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EnrichError {
    /// The registry failed.
    #[error(transparent)]
    Registry(#[from] RegistryError),
    /// The lead has neither a name, a website nor a phone.
    #[error("lead {0} has no name, website or phone")]
    EmptyLead(String),
}

impl EnrichError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            EnrichError::Registry(e) => e.code(),
            EnrichError::EmptyLead(_) => "empty_lead",
        }
    }
}

/// Pipeline settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct EnrichConfig {
    /// Try reverse discovery by phone when no domain was found (default true).
    pub reverse_discovery: bool,
    /// Search results asked per query (default 8).
    pub search_results: usize,
    /// Reverse-search candidates fetched to confirm the phone (default 3).
    pub reverse_candidates: usize,
    /// Minimum ranking confidence (the core's `domain::rank_results`) to accept a forward
    /// search result; it must also be the business's own site with a name token in its
    /// domain. Default 0.45: the own-site base plus one name token of three.
    pub min_search_confidence: f64,
    /// Phone confidence at or above which a phone-only lead is an SMS candidate (default 0.6).
    pub sms_min_confidence: f64,
    /// Crawl bounds.
    pub crawl: CrawlConfig,
    /// Phone scoring weights and penalties (the core's, seed 000 §4).
    pub scoring: ScoreConfig,
    /// Search-result ranking and the social / directory lists (the core's).
    pub rank: RankConfig,
    /// Confidence of a phone that only the lead itself gave (not seen on any page).
    pub lead_phone_confidence: f64,
    /// Email extraction lists (the core's).
    pub email: EmailConfig,
}

impl Default for EnrichConfig {
    fn default() -> Self {
        Self {
            reverse_discovery: true,
            search_results: 8,
            reverse_candidates: 3,
            min_search_confidence: 0.45,
            sms_min_confidence: 0.6,
            crawl: CrawlConfig::default(),
            scoring: ScoreConfig::default(),
            rank: RankConfig::default(),
            lead_phone_confidence: ScoreConfig::default().other_page,
            email: EmailConfig::default(),
        }
    }
}

/// Progress of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Leads finished.
    pub done: usize,
    /// Leads in the batch.
    pub total: usize,
    /// Leads that ended with a domain.
    pub with_domain: usize,
}

/// The enrichment engine.
pub struct Enricher {
    crawler: Crawler,
    registry: Arc<dyn PhoneRegistry>,
    search: Option<Arc<dyn SearchProvider>>,
    places: Option<Arc<dyn PlacesSource>>,
    config: EnrichConfig,
}

impl std::fmt::Debug for Enricher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Enricher")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

macro_rules! storm {
    ($($t:tt)*) => { tracing::info!(target: "phonestorm", $($t)*) };
}

impl Enricher {
    /// An enricher over `fetcher` and `registry`; add search and places with the builders.
    pub fn new(
        fetcher: Arc<dyn Fetcher>,
        registry: Arc<dyn PhoneRegistry>,
        config: EnrichConfig,
    ) -> Self {
        Self {
            crawler: Crawler::new(fetcher, config.crawl.clone()),
            registry,
            search: None,
            places: None,
            config,
        }
    }

    /// Use `search` for domain discovery and reverse discovery.
    pub fn with_search(mut self, search: Arc<dyn SearchProvider>) -> Self {
        self.search = Some(search);
        self
    }

    /// Use `places` for reverse discovery by phone (Places text search with the number).
    pub fn with_places(mut self, places: Arc<dyn PlacesSource>) -> Self {
        self.places = Some(places);
        self
    }

    async fn search(&self, q: &str) -> Vec<crate::search::SearchResult> {
        let Some(s) = &self.search else {
            return Vec::new();
        };
        match s.search(q, self.config.search_results).await {
            Ok(r) => r,
            Err(e) => {
                let level_err = matches!(e, SearchError::JsonDisabled);
                if level_err {
                    tracing::error!(error = %e, code = e.code(), "search failed");
                } else {
                    tracing::warn!(error = %e, code = e.code(), query = q, "search failed");
                }
                Vec::new()
            }
        }
    }

    async fn crawl(&self, start: &str) -> Option<Site> {
        match self.crawler.crawl(start).await {
            Ok(site) if !site.domain.is_empty() => Some(Site {
                crawled: site,
                sightings: OnceLock::new(),
            }),
            Ok(_) => None,
            Err(e) => {
                tracing::debug!(start, error = %e, "crawl failed");
                None
            }
        }
    }

    /// What kind of site a URL or domain is (the core's lists); `None` if it has no host.
    fn site_kind(&self, url: &str) -> Option<SiteKind> {
        domain::analyze(url, &self.config.rank.domains)
            .ok()
            .map(|i| i.kind)
    }

    /// Search results ranked by the core for this lead (own sites first).
    fn rank(
        &self,
        lead: &Lead,
        phone: Option<&str>,
        results: &[crate::search::SearchResult],
    ) -> Vec<domain::Candidate> {
        let query = BusinessQuery {
            name: lead.business_name.clone(),
            city: lead.city.clone(),
            vertical: lead.vertical.clone(),
            phone: phone.map(str::to_owned),
        };
        let results: Vec<domain::SearchResult> = results
            .iter()
            .map(|r| domain::SearchResult {
                url: r.url.clone(),
                title: r.title.clone(),
                snippet: r.content.clone(),
            })
            .collect();
        domain::rank_results(&query, &results, &self.config.rank)
    }

    /// Reverse discovery by phone: registry, then search, then Places.
    async fn reverse(
        &self,
        lead: &Lead,
        e164: &str,
    ) -> Result<Option<(Site, &'static str)>, EnrichError> {
        storm!(
            "[PHONESTORM][REVERSE_DOMAIN] attempting reverse domain discovery from phone lead={} number={}",
            lead.id,
            e164
        );
        // 1. Seen phone numbers.
        let known = self.registry.domains_for(e164).await?;
        if known.len() < self.config.scoring.reject_domains as usize {
            for d in known
                .iter()
                .filter(|d| self.site_kind(d) == Some(SiteKind::Own))
            {
                if let Some(site) = self.crawl(d).await {
                    return Ok(Some((site, "reverse_registry")));
                }
            }
        }
        // 2. Search "{phone} {business} {city}", "{phone} {vertical}".
        let national = e164.trim_start_matches("+1");
        let pretty = if national.len() == 10 {
            format!(
                "({}) {}-{}",
                &national[..3],
                &national[3..6],
                &national[6..]
            )
        } else {
            e164.to_string()
        };
        let mut queries = vec![format!(
            "{pretty} {} {}",
            lead.business_name,
            lead.city.as_deref().unwrap_or("")
        )];
        if let Some(v) = &lead.vertical {
            queries.push(format!("{pretty} {v}"));
        }
        let mut tried = HashSet::new();
        for q in queries {
            let results = self.search(q.trim()).await;
            let ranked = self.rank(lead, Some(e164), &results);
            for c in ranked
                .into_iter()
                .filter(|c| matches!(c.kind, SiteKind::Own | SiteKind::SiteBuilder))
                .take(self.config.reverse_candidates)
            {
                if !tried.insert(c.domain.clone()) {
                    continue;
                }
                if let Some(site) = self.crawl(&c.url).await
                    && site.has_phone(e164)
                {
                    return Ok(Some((site, "reverse_search")));
                }
            }
        }
        // 3. Places text search with the phone number.
        if let Some(places) = &self.places {
            let q = PlacesQuery {
                text_query: e164.to_string(),
                max_results: 3,
                ..Default::default()
            };
            match places.search(&q).await {
                Ok(found) => {
                    for p in found {
                        let Some(w) = p.website.as_deref() else {
                            continue;
                        };
                        if matches!(
                            self.site_kind(w),
                            Some(SiteKind::Own | SiteKind::SiteBuilder)
                        ) && let Some(site) = self.crawl(w).await
                        {
                            return Ok(Some((site, "reverse_places")));
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "places reverse lookup failed"),
            }
        }
        Ok(None)
    }

    /// Enrich one lead. Deterministic for a given web and registry; re-running a lead does
    /// not change distinct-domain counts (the registry is keyed by phone and domain).
    pub async fn enrich(&self, lead: &Lead) -> Result<LeadEvent, EnrichError> {
        if lead.business_name.trim().is_empty() && lead.website.is_none() && lead.phone.is_none() {
            return Err(EnrichError::EmptyLead(lead.id.clone()));
        }
        let mut ev = LeadEvent {
            lead_id: lead.id.clone(),
            business_name: lead.business_name.clone(),
            city: lead.city.clone(),
            ..Default::default()
        };
        let lead_number = lead.phone.as_deref().and_then(|p| normalize(p, "US").ok());
        let lead_phone = lead_number.as_ref().map(|n| n.e164.clone());

        // 1. Domain discovery.
        let mut site: Option<Site> = None;
        match lead.website.as_deref().filter(|w| !w.trim().is_empty()) {
            Some(w) => match self.site_kind(w) {
                Some(kind) if kind.is_weak_presence() => {
                    ev.signals.push("WEAK_WEB_PRESENCE".into());
                }
                Some(_) => {
                    site = self.crawl(w).await;
                    if site.is_some() {
                        ev.domain_source = Some("website".into());
                    }
                }
                None => {}
            },
            None => ev.signals.push("MISSING_WEBSITE".into()),
        }
        if site.is_none() && !lead.business_name.trim().is_empty() && self.search.is_some() {
            let q = format!(
                "{} {}",
                lead.business_name,
                lead.city.as_deref().unwrap_or("")
            );
            let results = self.search(q.trim()).await;
            let ranked = self.rank(lead, lead_phone.as_deref(), &results);
            if let Some(best) = ranked.first().filter(|c| {
                matches!(c.kind, SiteKind::Own | SiteKind::SiteBuilder)
                    && c.confidence >= self.config.min_search_confidence
                    && c.reasons.iter().any(|r| r.starts_with("name_in_domain"))
            }) {
                site = self.crawl(&best.url).await;
                // With a known phone, a search hit must carry it.
                if let (Some(s), Some(p)) = (&site, &lead_phone)
                    && !s.has_phone(p)
                {
                    site = None;
                }
                if site.is_some() {
                    ev.domain_source = Some("search".into());
                }
            }
        }
        // 3. Reverse discovery by phone.
        if site.is_none()
            && self.config.reverse_discovery
            && let Some(p) = &lead_phone
            && let Some((s, how)) = self.reverse(lead, p).await?
        {
            ev.domain_source = Some(how.into());
            site = Some(s);
        }

        // 2. Phone extraction (+ registry update) and 4. email.
        if let Some(site) = &site {
            let s = &site.crawled;
            ev.domain = Some(s.domain.clone());
            ev.pages_fetched = s.pages.len();
            // The pages are read once; scoring runs a first time to find the numbers, and
            // again once the registry says on how many domains each was seen (the
            // multi-domain penalty), which is cheap next to reading the pages.
            let sightings = site.sightings();
            let first = score_site(sightings, &Default::default(), &self.config.scoring);
            let numbers: Vec<String> = first
                .numbers
                .iter()
                .map(|n| n.number.e164.clone())
                .collect();
            for n in &numbers {
                self.registry.record(n, &s.domain).await?;
            }
            let counts = self.registry.domain_counts(&numbers).await?;
            let scored = if counts.values().any(|&c| c > 1) {
                score_site(sightings, &counts, &self.config.scoring)
            } else {
                first
            };
            if let Some(best) = &scored.best {
                ev.lead_phone_raw = Some(best.raw.clone());
                ev.lead_phone_e164 = Some(best.number.e164.clone());
                ev.phone_confidence = best.confidence;
                ev.phone_source = Some(best.source.clone());
                ev.phone_type = Some(best.phone_type);
            }
            for p in &s.pages {
                let opts = EmailOptions {
                    base_url: Some(p.url.clone()),
                    page_kind: None,
                };
                for f in extract_emails(&p.body, &opts, &self.config.email) {
                    if !f.placeholder && !ev.emails.contains(&f.email) {
                        ev.emails.push(f.email);
                    }
                }
            }
            // Prefer an email on the lead's own domain.
            ev.email = ev
                .emails
                .iter()
                .find(|e| e.ends_with(&format!("@{}", s.domain)))
                .or(ev.emails.first())
                .cloned();
        }
        if ev.lead_phone_e164.is_none()
            && let (Some(raw), Some(e164)) = (&lead.phone, &lead_phone)
        {
            ev.lead_phone_raw = Some(raw.clone());
            ev.lead_phone_e164 = Some(e164.clone());
            ev.phone_confidence = self.config.lead_phone_confidence;
            ev.phone_source = Some("lead".into());
            ev.phone_type = lead_number
                .as_ref()
                .map(|n| classify(n, &ClassifyInput::default()).phone_type);
        }
        if let Some(n) = &ev.lead_phone_e164 {
            storm!(
                "[PHONESTORM][FOUND_PHONE] number={}, conf={:.2}, source={}",
                n,
                ev.phone_confidence,
                ev.phone_source.as_deref().unwrap_or("unknown")
            );
            let t = serde_json::to_value(ev.phone_type.unwrap_or(PhoneType::Unknown))
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            storm!("[PHONESTORM][PHONE_TYPE] {}", t);
            storm!(
                "[PHONESTORM][PHONE_CONFIDENCE] score={:.2}",
                ev.phone_confidence
            );
        }

        // 5. Status.
        ev.enrichment_status = if ev.email.is_some() {
            "ENRICHED_NO_OUTBOUND"
        } else if ev.lead_phone_e164.is_some() {
            storm!(
                "[PHONESTORM][WITH_PHONE_ONLY] moving to phone-only enrichment path lead={}",
                lead.id
            );
            "WITH_PHONE_ONLY"
        } else {
            "NOT_ENRICHED"
        }
        .into();
        ev.sms_candidate = ev.enrichment_status == "WITH_PHONE_ONLY"
            && ev.phone_confidence >= self.config.sms_min_confidence
            && !matches!(
                ev.phone_type,
                Some(PhoneType::Tollfree | PhoneType::Premium | PhoneType::Landline)
            );
        if ev.sms_candidate {
            storm!(
                "[PHONESTORM][SMS_SUGGEST] candidate for SMS follow-up lead={}",
                lead.id
            );
        }
        Ok(ev)
    }

    /// Enrich a batch with at most `concurrency` leads in flight. Leads with a website and a
    /// phone go first, then website only, then phone only, then the rest (seed 000 §10
    /// priority rules: known sites fill the registry that phone-only leads are reverse-matched
    /// against). Results come back in input order; one lead's error never stops the batch.
    pub async fn enrich_many(
        &self,
        leads: &[Lead],
        concurrency: usize,
        progress: impl Fn(Progress) + Send + Sync,
    ) -> Vec<Result<LeadEvent, EnrichError>> {
        let rank = |l: &Lead| match (
            l.website.as_ref().is_some_and(|w| !w.is_empty()),
            l.phone.is_some(),
        ) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        };
        let mut order: Vec<usize> = (0..leads.len()).collect();
        order.sort_by_key(|&i| (rank(&leads[i]), i));
        let total = leads.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let with_domain = std::sync::atomic::AtomicUsize::new(0);
        let progress = &progress;
        let (done, with_domain) = (&done, &with_domain);
        let mut results: Vec<Option<Result<LeadEvent, EnrichError>>> =
            (0..total).map(|_| None).collect();
        let mut stream = futures_util::stream::iter(order.into_iter().map(|i| async move {
            let r = self.enrich(&leads[i]).await;
            if let Err(e) = &r {
                tracing::warn!(lead = %leads[i].id, error = %e, "lead failed");
            }
            if matches!(&r, Ok(ev) if ev.domain.is_some()) {
                with_domain.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(Progress {
                done: d,
                total,
                with_domain: with_domain.load(std::sync::atomic::Ordering::Relaxed),
            });
            (i, r)
        }))
        .buffer_unordered(concurrency.max(1));
        while let Some((i, r)) = stream.next().await {
            results[i] = Some(r);
        }
        results
            .into_iter()
            .map(|r| r.unwrap_or(Err(EnrichError::EmptyLead(String::new()))))
            .collect()
    }
}
