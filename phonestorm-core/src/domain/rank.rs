//! Ranking search results for a business (seed 000 §5: prefer own sites over directories
//! and aggregators, domains containing business-name tokens, the phone or city in the snippet).

use super::classify::{DomainConfig, SiteKind, analyze};
use serde::{Deserialize, Serialize};

/// The business being looked for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessQuery {
    /// Business name, e.g. `"Joe's Plumbing & Drain LLC"`.
    pub name: String,
    /// City, e.g. `"Miami"`.
    pub city: Option<String>,
    /// Vertical, e.g. `"plumber"`.
    pub vertical: Option<String>,
    /// The business's phone in any format (compared on its last ten digits).
    pub phone: Option<String>,
}

/// One search result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchResult {
    /// Result URL.
    pub url: String,
    /// Result title.
    pub title: String,
    /// Result snippet.
    pub snippet: String,
}

/// A ranked candidate website.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The result URL.
    pub url: String,
    /// Canonical domain of the URL.
    pub domain: String,
    /// What kind of site it is.
    pub kind: SiteKind,
    /// 0..1: how sure we are this is the business's website.
    pub confidence: f64,
    /// Why, as short codes (`own_site`, `name_in_domain:2/3`, `phone_in_snippet`...).
    pub reasons: Vec<String>,
    /// Position of the result in the input list (0-based).
    pub position: usize,
}

/// Weights for [`rank_results`]. Defaults are phonestorm's own calibration of seed 000 §5's
/// preferences (own site > directory; name tokens in domain; phone, city in snippet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RankConfig {
    /// Domain classification lists.
    pub domains: DomainConfig,
    /// Base score of the business's own domain.
    pub own_site: f64,
    /// Base score of a site-builder subdomain.
    pub site_builder: f64,
    /// Base score of a social profile.
    pub social: f64,
    /// Base score of a directory listing.
    pub directory: f64,
    /// Added × the share of business-name tokens found in the domain.
    pub name_in_domain: f64,
    /// Added × the share of business-name tokens found in the title.
    pub name_in_title: f64,
    /// Added when the business phone's ten digits appear in the title or snippet.
    pub phone_in_text: f64,
    /// Added when the city appears in the title or snippet.
    pub city_in_text: f64,
    /// Added when the vertical appears in the title or snippet.
    pub vertical_in_text: f64,
    /// Name words ignored when matching (legal forms, fillers).
    pub stop_words: Vec<String>,
    /// Results kept after deduplication by domain.
    pub max_candidates: usize,
}

impl Default for RankConfig {
    fn default() -> Self {
        RankConfig {
            domains: DomainConfig::default(),
            own_site: 0.35,
            site_builder: 0.25,
            social: 0.05,
            directory: 0.0,
            name_in_domain: 0.35,
            name_in_title: 0.1,
            phone_in_text: 0.25,
            city_in_text: 0.1,
            vertical_in_text: 0.05,
            stop_words: [
                "the", "and", "of", "llc", "inc", "co", "corp", "company", "ltd", "pllc", "pa",
                "group", "services", "service", "&", "a", "an", "at", "in", "by",
            ]
            .iter()
            .map(|s| (*s).to_string())
            .collect(),
            max_candidates: 20,
        }
    }
}

fn tokens(name: &str, stop: &[String]) -> Vec<String> {
    name.to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && !stop.iter().any(|s| s == t))
        .map(str::to_string)
        .collect()
}

fn last_ten_digits(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 10).then(|| digits[digits.len() - 10..].to_string())
}

/// Ten-digit numbers written in a text (separators `()-. +` allowed between digits).
fn phones_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if matches!(c, '(' | ')' | '-' | '.' | '+')
            || (c == ' ' && !cur.is_empty() && cur.len() < 10)
        {
            continue;
        } else {
            if cur.len() >= 10 && cur.len() <= 11 {
                out.push(cur[cur.len() - 10..].to_string());
            }
            cur.clear();
        }
    }
    out
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    let n = needle.trim().to_lowercase();
    !n.is_empty() && haystack.contains(&n)
}

/// Ranks search results as candidate websites for a business, best first, deduplicated by
/// canonical domain (the best-scoring result per domain is kept). Results whose URL does
/// not parse are skipped.
///
/// ```
/// use phonestorm_core::domain::{rank_results, BusinessQuery, RankConfig, SearchResult, SiteKind};
/// let q = BusinessQuery { name: "Joe's Plumbing".into(), city: Some("Miami".into()),
///                         vertical: Some("plumber".into()), phone: Some("(305) 234-5678".into()) };
/// let results = vec![
///     SearchResult { url: "https://www.yelp.com/biz/joes-plumbing-miami".into(),
///                    title: "Joe's Plumbing - Miami - Yelp".into(), snippet: "Call (305) 234-5678".into() },
///     SearchResult { url: "https://joesplumbingmiami.com/".into(),
///                    title: "Joe's Plumbing | Miami plumber".into(), snippet: "Call 305.234.5678".into() },
/// ];
/// let ranked = rank_results(&q, &results, &RankConfig::default());
/// assert_eq!(ranked[0].domain, "joesplumbingmiami.com");
/// assert_eq!(ranked[0].kind, SiteKind::Own);
/// assert!(ranked[0].confidence > ranked[1].confidence);
/// ```
pub fn rank_results(
    query: &BusinessQuery,
    results: &[SearchResult],
    config: &RankConfig,
) -> Vec<Candidate> {
    let name_tokens = tokens(&query.name, &config.stop_words);
    let phone = query.phone.as_deref().and_then(last_ten_digits);
    let mut out: Vec<Candidate> = Vec::new();
    for (position, r) in results.iter().enumerate() {
        let Ok(info) = analyze(&r.url, &config.domains) else {
            continue;
        };
        let mut reasons = Vec::new();
        let (base, why) = match info.kind {
            SiteKind::Own => (config.own_site, "own_site"),
            SiteKind::SiteBuilder => (config.site_builder, "site_builder"),
            SiteKind::Social => (config.social, "social"),
            SiteKind::Directory => (config.directory, "directory"),
        };
        let mut score = base;
        reasons.push(why.to_string());
        let text = format!("{} {}", r.title, r.snippet).to_lowercase();
        if !name_tokens.is_empty() {
            let label: String = info.domain.split('.').next().unwrap_or("").replace('-', "");
            let in_domain = name_tokens
                .iter()
                .filter(|t| label.contains(t.as_str()))
                .count();
            if in_domain > 0 && matches!(info.kind, SiteKind::Own | SiteKind::SiteBuilder) {
                score += config.name_in_domain * in_domain as f64 / name_tokens.len() as f64;
                reasons.push(format!("name_in_domain:{in_domain}/{}", name_tokens.len()));
            }
            let title = r.title.to_lowercase().replace(['\'', '’'], "");
            let in_title = name_tokens
                .iter()
                .filter(|t| title.contains(t.as_str()))
                .count();
            if in_title > 0 {
                score += config.name_in_title * in_title as f64 / name_tokens.len() as f64;
                reasons.push(format!("name_in_title:{in_title}/{}", name_tokens.len()));
            }
        }
        if let Some(p) = &phone {
            if phones_in(&format!("{} {}", r.title, r.snippet))
                .iter()
                .any(|x| x == p)
            {
                score += config.phone_in_text;
                reasons.push("phone_in_snippet".to_string());
            }
        }
        if query
            .city
            .as_deref()
            .is_some_and(|c| contains_words(&text, c))
        {
            score += config.city_in_text;
            reasons.push("city_in_snippet".to_string());
        }
        if query
            .vertical
            .as_deref()
            .is_some_and(|v| contains_words(&text, v))
        {
            score += config.vertical_in_text;
            reasons.push("vertical_in_snippet".to_string());
        }
        let confidence = if score.is_finite() {
            score.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let cand = Candidate {
            url: r.url.clone(),
            domain: info.identity,
            kind: info.kind,
            confidence,
            reasons,
            position,
        };
        match out.iter_mut().find(|c| c.domain == cand.domain) {
            Some(existing) if existing.confidence < cand.confidence => *existing = cand,
            Some(_) => {}
            None => out.push(cand),
        }
    }
    out.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(a.position.cmp(&b.position))
    });
    out.truncate(config.max_candidates);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_digits_found_with_separators() {
        assert_eq!(phones_in("call (305) 234-5678 now"), vec!["3052345678"]);
        assert_eq!(phones_in("+1 305.234.5678"), vec!["3052345678"]);
        assert!(phones_in("order 12345678901234").is_empty());
    }

    #[test]
    fn duplicates_keep_the_best() {
        let q = BusinessQuery {
            name: "Acme Roofing".into(),
            ..Default::default()
        };
        let r = |u: &str, t: &str| SearchResult {
            url: u.into(),
            title: t.into(),
            snippet: String::new(),
        };
        let ranked = rank_results(
            &q,
            &[
                r("https://acmeroofing.com/a", "x"),
                r("https://www.acmeroofing.com/", "Acme Roofing"),
                r("::bad", ""),
            ],
            &RankConfig::default(),
        );
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].position, 1);
    }
}
