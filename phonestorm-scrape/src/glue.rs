//! The calls this crate makes into the pure core, gathered in one place.
//!
//! `phonestorm-core`'s phone extraction/scoring (`phone::pipeline`, `phone::score`) and its
//! domain/email/lead modules were being written in parallel with this crate. Where they had
//! not landed when this crate was integrated, the minimal logic lives here, marked
//! "fallback": NANP validity itself always comes from `phonestorm_core::phone::nanp`. Swapping
//! a fallback for the core API only touches this module.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use phonestorm_core::phone::nanp::{self, NanpService};
use phonestorm_core::phone::{PageKind, PhoneNumber, PhoneType, Placement, Role, Sighting};
use regex::Regex;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- domains

/// Multi-label public suffixes recognised by the fallback (the common ones for the
/// English-speaking markets the seeds target; source: publicsuffix.org list, ICANN section).
const MULTI_LABEL_SUFFIXES: &[&str] = &[
    "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz", "com.mx",
    "com.br", "co.za", "co.in", "co.jp", "com.sg", "com.hk",
];

/// URL or bare host → canonical registrable domain (lower case, no `www.`, no port), e.g.
/// `https://www.Joes-Plumbing.com:443/contact` → `joes-plumbing.com`. Fallback for
/// `phonestorm_core::domain`: a short multi-label suffix list instead of the full PSL.
pub fn registrable_domain(input: &str) -> Option<String> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    let with_scheme = if input.contains("://") {
        input.to_string()
    } else {
        format!("http://{input}")
    };
    let url = url::Url::parse(&with_scheme).ok()?;
    let host = url.host_str()?.trim_end_matches('.').to_ascii_lowercase();
    if host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[') {
        return Some(host);
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 {
        return None;
    }
    let last2 = labels[labels.len() - 2..].join(".");
    let take = if MULTI_LABEL_SUFFIXES.contains(&last2.as_str()) {
        3
    } else {
        2
    };
    if labels.len() < take {
        return None;
    }
    Some(labels[labels.len() - take..].join("."))
}

/// What a site is, for domain discovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    /// The business's own site.
    Business,
    /// A social network profile (WEAK_WEB_PRESENCE when it is the only website).
    Social,
    /// A directory, review site, marketplace or map (never the business's domain).
    Directory,
}

/// Lists used to classify domains. Defaults: the seeds' examples (seed 001's
/// `['facebook.com', 'yelp.com', 'instagram.com']`, seed 000's "Yelp, Angi") extended with
/// the common US social networks and local directories.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SiteLists {
    /// Social networks.
    pub social: Vec<String>,
    /// Directories and aggregators.
    pub directories: Vec<String>,
}

impl Default for SiteLists {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect();
        Self {
            social: s(&[
                "facebook.com",
                "fb.com",
                "instagram.com",
                "twitter.com",
                "x.com",
                "linkedin.com",
                "tiktok.com",
                "youtube.com",
                "pinterest.com",
                "nextdoor.com",
                "linktr.ee",
            ]),
            directories: s(&[
                "yelp.com",
                "angi.com",
                "angieslist.com",
                "homeadvisor.com",
                "thumbtack.com",
                "bbb.org",
                "yellowpages.com",
                "superpages.com",
                "manta.com",
                "mapquest.com",
                "houzz.com",
                "porch.com",
                "google.com",
                "bing.com",
                "apple.com",
                "foursquare.com",
                "tripadvisor.com",
                "chamberofcommerce.com",
                "bizapedia.com",
                "buildzoom.com",
                "zillow.com",
                "realtor.com",
                "groupon.com",
                "opentable.com",
                "wikipedia.org",
                "citysearch.com",
                "merchantcircle.com",
                "hotfrog.com",
                "birdeye.com",
            ]),
        }
    }
}

impl SiteLists {
    /// Classify a registrable domain.
    pub fn classify(&self, domain: &str) -> SiteKind {
        let d = domain.to_ascii_lowercase();
        if self.social.contains(&d) {
            SiteKind::Social
        } else if self.directories.contains(&d) {
            SiteKind::Directory
        } else {
            SiteKind::Business
        }
    }
}

/// Words ignored when matching a business name against a domain or title.
const NAME_STOPWORDS: &[&str] = &[
    "the", "and", "of", "llc", "inc", "co", "corp", "company", "services", "service", "group",
    "of", "in", "at", "&",
];

/// Lower-case name tokens worth matching (no stop words, ≥ 2 letters, apostrophes dropped).
pub fn name_tokens(name: &str) -> Vec<String> {
    name.to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.len() >= 2 && !NAME_STOPWORDS.contains(t))
        .map(str::to_string)
        .collect()
}

/// One ranked search candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Registrable domain.
    pub domain: String,
    /// The result URL.
    pub url: String,
    /// Ranking score (higher is better).
    pub score: f64,
}

/// Rank search results for a business: drop social/directory sites, score name tokens in the
/// domain (2 each) and the title (1 each), the city in title/snippet (0.5). Candidates with
/// no name token in domain or title are dropped unless `phone_confirmed_later` (reverse
/// discovery confirms by fetching the page). Fallback for the core's search ranking.
pub fn rank_results(
    results: &[crate::search::SearchResult],
    business: &str,
    city: Option<&str>,
    lists: &SiteLists,
    keep_unnamed: bool,
) -> Vec<Candidate> {
    let tokens = name_tokens(business);
    let city = city.map(str::to_lowercase);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, r) in results.iter().enumerate() {
        let Some(domain) = registrable_domain(&r.url) else {
            continue;
        };
        if lists.classify(&domain) != SiteKind::Business || !seen.insert(domain.clone()) {
            continue;
        }
        let dom_flat = domain.replace(['-', '.'], "");
        let title = r.title.to_lowercase();
        let in_domain = tokens
            .iter()
            .filter(|t| dom_flat.contains(t.as_str()))
            .count();
        let in_title = tokens.iter().filter(|t| title.contains(t.as_str())).count();
        if in_domain + in_title == 0 && !keep_unnamed {
            continue;
        }
        let mut score = 2.0 * in_domain as f64 + in_title as f64;
        if let Some(c) = &city
            && (title.contains(c.as_str()) || r.content.to_lowercase().contains(c.as_str()))
        {
            score += 0.5;
        }
        // Earlier results win ties.
        score -= i as f64 * 0.01;
        out.push(Candidate {
            domain,
            url: r.url.clone(),
            score,
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

// ---------------------------------------------------------------- phones (fallback)

static PHONE_RE: LazyLock<Regex> = LazyLock::new(|| {
    // The seed's pattern (seed 000 §3.1), with word boundaries.
    Regex::new(r"(?:\+?1[\s.\-]?)?\(?\b(\d{3})\)?[\s.\-]?(\d{3})[\s.\-]?(\d{4})\b")
        .unwrap_or_else(|_| unreachable!("static pattern"))
});
static TEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)href\s*=\s*["']?(?:tel|sms):([^"'\s>]+)"#)
        .unwrap_or_else(|_| unreachable!("static pattern"))
});
static SCHEMA_TEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)"telephone"\s*:\s*"([^"]{7,30})"|itemprop\s*=\s*["']telephone["'][^>]*>([^<]{7,30})<"#)
        .unwrap_or_else(|_| unreachable!("static pattern"))
});
static STRIP_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<script[^>]*>.*?</script>|<style[^>]*>.*?</style>|<!--.*?-->")
        .unwrap_or_else(|_| unreachable!("static pattern"))
});
static TAG_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^>]*>").unwrap_or_else(|_| unreachable!("static pattern")));

/// Page kind from a URL path (fallback for `phone::page::page_kind`).
pub fn page_kind(url: &str) -> PageKind {
    let path = url::Url::parse(url)
        .map(|u| u.path().to_ascii_lowercase())
        .unwrap_or_default();
    if path.is_empty() || path == "/" || path.starts_with("/index") || path.starts_with("/home") {
        PageKind::Home
    } else if path.contains("contact") {
        PageKind::Contact
    } else if path.contains("about") {
        PageKind::About
    } else {
        PageKind::Other
    }
}

/// Ten national digits → NANP number when valid (`nanp::check`).
pub fn nanp_number(raw: &str) -> Option<(PhoneNumber, NanpService)> {
    let mut digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 11 && digits.starts_with('1') {
        digits.remove(0);
    }
    let service = nanp::check(digits.as_bytes()).ok()?;
    Some((
        PhoneNumber {
            e164: format!("+1{digits}"),
            extension: None,
        },
        service,
    ))
}

/// Find phone sightings on a page: tel:/sms: links, schema.org telephone, `<footer>` text,
/// the rest of the visible text. Fallback for `phone::pipeline::extract_phones`; NANP only.
pub fn extract_sightings(html: &str, url: &str) -> Vec<Sighting> {
    let kind = page_kind(url);
    let mut out = Vec::new();
    let mut push = |raw: &str, placement: Placement| {
        if let Some((number, _)) = nanp_number(raw) {
            out.push(Sighting {
                number,
                raw: raw.trim().to_string(),
                placement,
                role: Role::Main,
                page_kind: kind,
                page: Some(url.to_string()),
            });
        }
    };
    for c in TEL_RE.captures_iter(html) {
        push(&c[1], Placement::TelLink);
    }
    for c in SCHEMA_TEL_RE.captures_iter(html) {
        if let Some(m) = c.get(1).or_else(|| c.get(2)) {
            push(m.as_str(), Placement::Schema);
        }
    }
    let cleaned = STRIP_RE.replace_all(html, " ");
    let lower = cleaned.to_ascii_lowercase();
    let (body, footer) = match lower.rfind("<footer") {
        Some(i) => (&cleaned[..i], &cleaned[i..]),
        None => (&cleaned[..], ""),
    };
    for (part, placement) in [(body, Placement::Body), (footer, Placement::Footer)] {
        let text = TAG_RE.replace_all(part, " ");
        let text = text
            .replace("&nbsp;", " ")
            .replace("&#40;", "(")
            .replace("&#41;", ")");
        for m in PHONE_RE.find_iter(&text) {
            push(m.as_str(), placement);
        }
    }
    out
}

/// Scoring weights (seed 000 §4): the defaults.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreWeights {
    /// Found on a contact page (+0.8).
    pub contact_page: f64,
    /// Found in a footer (+0.6).
    pub footer: f64,
    /// Found on the home page (+0.7).
    pub homepage: f64,
    /// Found in schema.org markup (+0.9).
    pub schema: f64,
    /// Found on another page (+0.3).
    pub random_page: f64,
    /// Anything else (+0.1).
    pub other: f64,
    /// Toll-free penalty (−0.5).
    pub toll_free_penalty: f64,
    /// Seen on more than one domain (−0.3).
    pub multi_domain_penalty: f64,
    /// Seen on this many domains or more: rejected as a directory number (5).
    pub spam_domain_count: u32,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        Self {
            contact_page: 0.8,
            footer: 0.6,
            homepage: 0.7,
            schema: 0.9,
            random_page: 0.3,
            other: 0.1,
            toll_free_penalty: 0.5,
            multi_domain_penalty: 0.3,
            spam_domain_count: 5,
        }
    }
}

/// A scored number for the lead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredPhone {
    /// As written.
    pub raw: String,
    /// E.164.
    pub e164: String,
    /// 0..1.
    pub confidence: f64,
    /// Seed's phone_source (`schema`, `contact_page`, `homepage`, `footer`, ...).
    pub source: String,
    /// Line type.
    pub phone_type: PhoneType,
    /// Why it was rejected, if it was.
    pub rejected: Option<String>,
}

/// Score all sightings of a site (fallback for `phone::score::score_site`): the best placement
/// per number gives the base (seed order: schema, contact page, home page, footer, other
/// page), then the penalties; numbers on `spam_domain_count`+ domains are rejected.
pub fn score_sightings(
    sightings: &[Sighting],
    domain_counts: &HashMap<String, u32>,
    w: &ScoreWeights,
) -> Vec<ScoredPhone> {
    let mut best: HashMap<&str, (f64, &'static str, &Sighting)> = HashMap::new();
    for s in sightings {
        let (base, source) = if s.placement == Placement::Schema {
            (w.schema, "schema")
        } else if s.page_kind == PageKind::Contact {
            (w.contact_page, "contact_page")
        } else if s.page_kind == PageKind::Home && s.placement != Placement::Footer {
            (w.homepage, "homepage")
        } else if s.placement == Placement::Footer {
            (w.footer, "footer")
        } else if s.page_kind == PageKind::About || s.page_kind == PageKind::Other {
            (w.random_page, "other_page")
        } else {
            (w.other, "other")
        };
        let e = best
            .entry(s.number.e164.as_str())
            .or_insert((base, source, s));
        if base > e.0 {
            *e = (base, source, s);
        }
    }
    let mut out: Vec<ScoredPhone> = best
        .into_iter()
        .map(|(e164, (base, source, s))| {
            let service = nanp_number(e164).map(|(_, svc)| svc);
            let toll = service == Some(NanpService::TollFree);
            let domains = domain_counts.get(e164).copied().unwrap_or(0);
            let mut c = base;
            if toll {
                c -= w.toll_free_penalty;
            }
            if domains > 1 {
                c -= w.multi_domain_penalty;
            }
            let rejected = (domains >= w.spam_domain_count)
                .then(|| format!("seen on {domains} domains (directory number)"));
            ScoredPhone {
                raw: s.raw.clone(),
                e164: e164.to_string(),
                confidence: c.clamp(0.0, 1.0),
                source: source.to_string(),
                phone_type: match service {
                    Some(NanpService::TollFree) => PhoneType::Tollfree,
                    Some(NanpService::Premium) => PhoneType::Premium,
                    Some(NanpService::Personal) => PhoneType::Personal,
                    _ => PhoneType::Unknown,
                },
                rejected,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.rejected
            .is_some()
            .cmp(&b.rejected.is_some())
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.e164.cmp(&b.e164))
    });
    out
}

// ---------------------------------------------------------------- emails (fallback)

static EMAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9](?:[a-z0-9\-]{0,62}\.)+[a-z]{2,24}\b")
        .unwrap_or_else(|_| unreachable!("static pattern"))
});

/// Emails on a page: mailto links and plain text, without asset names (`logo@2x.png`).
/// Fallback for `phonestorm_core::email`.
pub fn extract_emails(html: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let cleaned = STRIP_RE.replace_all(html, " ");
    for m in EMAIL_RE.find_iter(&cleaned) {
        let e = m.as_str().to_ascii_lowercase();
        let asset = [
            ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".css", ".js",
        ]
        .iter()
        .any(|x| e.ends_with(x));
        if !asset && seen.insert(e.clone()) {
            out.push(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert_eq!(
            registrable_domain("https://www.Joes-Plumbing.com:443/contact").as_deref(),
            Some("joes-plumbing.com")
        );
        assert_eq!(
            registrable_domain("shop.example.co.uk").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(registrable_domain("localhost"), None);
        let l = SiteLists::default();
        assert_eq!(l.classify("yelp.com"), SiteKind::Directory);
        assert_eq!(l.classify("facebook.com"), SiteKind::Social);
    }

    #[test]
    fn phones_and_scores() {
        let html = r#"<html><head><script>var x="305-234-5678";</script>
            <script type="application/ld+json">{"telephone": "+1 (786) 234-1000"}</script></head>
            <body><h1>Call Now: <a href="tel:+13052345678">(305) 234-5678</a></h1>
            <p>Toll free 1-800-234-5678</p><footer>Office 954.234.9999</footer></body></html>"#;
        let s = extract_sightings(html, "https://joe.example/contact");
        assert!(
            s.iter()
                .any(|x| x.placement == Placement::Schema && x.number.e164 == "+17862341000")
        );
        assert!(s.iter().any(|x| x.placement == Placement::TelLink));
        assert!(
            s.iter()
                .any(|x| x.placement == Placement::Footer && x.number.e164 == "+19542349999")
        );
        let mut counts = HashMap::new();
        counts.insert("+17862341000".to_string(), 6);
        let scored = score_sightings(&s, &counts, &ScoreWeights::default());
        assert_eq!(scored[0].e164, "+13052345678");
        assert!((scored[0].confidence - 0.8).abs() < 1e-9);
        let toll = scored.iter().find(|x| x.e164 == "+18002345678").unwrap();
        assert!((toll.confidence - 0.3).abs() < 1e-9);
        assert!(scored.last().unwrap().rejected.is_some());
    }

    #[test]
    fn emails() {
        let e = extract_emails(
            r#"<a href="mailto:Info@Joe.example">x</a> logo@2x.png sales@joe.example"#,
        );
        assert_eq!(e, vec!["info@joe.example", "sales@joe.example"]);
    }
}
