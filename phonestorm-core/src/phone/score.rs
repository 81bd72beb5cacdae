//! Confidence of every number seen on a site, and the choice of the best one.
//!
//! ## How sightings combine
//!
//! Each sighting gets the **highest** of the seed's weights that apply to it
//! (seed 000 §4): schema 0.9 (placement `schema`), contact page 0.8, homepage 0.7,
//! footer 0.6 (placement `footer`), other page 0.3 (any other known page), else 0.1
//! (no page known, e.g. free text). The seed writes these as an if/elif chain whose order
//! would let a contact-page sighting hide a schema one; taking the maximum keeps the
//! same weights and never lowers a number for being seen in a better place too.
//!
//! A number's confidence is then:
//!
//! 1. the highest sighting weight (its [`phone_source`](ScoredNumber::source) is that weight's name);
//! 2. plus [`ScoreConfig::repeat_bonus`] for every further distinct (page, placement)
//!    sighting, at most [`ScoreConfig::repeat_bonus_max`] in all;
//! 3. minus [`ScoreConfig::tollfree_penalty`] for a toll-free number (by area code or label);
//! 4. minus [`ScoreConfig::multi_domain_penalty`] if the number was seen on at least
//!    [`ScoreConfig::multi_domain_min`] domains (the count is an input — the core does no I/O);
//! 5. clamped to 0..1. A number seen on [`ScoreConfig::reject_domains`] or more domains is
//!    rejected (confidence 0, `rejected` says why): directory and call-tracking numbers.
//!
//! The seed's validation step also says "reject toll-free prefixes"; its scoring section
//! penalises them instead. We penalise (a business's only number may be toll-free).
//!
//! ## Choosing the best number
//!
//! Never a rejected number, never a fax, never one at confidence 0. Among the rest: highest
//! confidence; ties go to more sightings, then to the better best-sighting weight, then to
//! the smaller E.164 string, so the choice is deterministic whatever the input order.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::classify::{ClassifyInput, classify, type_name};
use super::nanp::{self, NanpService};
use super::types::{PageKind, PhoneNumber, PhoneType, Placement, Role, Sighting};

/// Weights and thresholds of the phone score. Defaults: seed 000 §3–§4
/// (`/work/shared/seeds/000_*.txt`, "PHONE CONFIDENCE SCORING"), except the repeat bonus,
/// which is ours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreConfig {
    /// Seen in schema.org `telephone` (seed: 0.9).
    pub schema: f64,
    /// Seen on a contact page (seed: 0.8).
    pub contact_page: f64,
    /// Seen on the home page (seed: 0.7).
    pub homepage: f64,
    /// Seen in a footer (seed: 0.6).
    pub footer: f64,
    /// Seen on any other page of the site (seed: "random page" 0.3).
    pub other_page: f64,
    /// Seen where no page is known (seed: "else" 0.1).
    pub unknown: f64,
    /// Subtracted for a toll-free number (seed: 0.5).
    pub tollfree_penalty: f64,
    /// Subtracted when the number was seen on several domains (seed: 0.3).
    pub multi_domain_penalty: f64,
    /// How many domains count as "several" for the penalty (ours: 2).
    pub multi_domain_min: u32,
    /// Seen on this many domains or more: rejected (seed: 5, "spam directory numbers").
    pub reject_domains: u32,
    /// Added per further distinct sighting (ours: 0.05).
    pub repeat_bonus: f64,
    /// Cap of the total repeat bonus (ours: 0.1).
    pub repeat_bonus_max: f64,
}

impl Default for ScoreConfig {
    fn default() -> Self {
        ScoreConfig {
            schema: 0.9,
            contact_page: 0.8,
            homepage: 0.7,
            footer: 0.6,
            other_page: 0.3,
            unknown: 0.1,
            tollfree_penalty: 0.5,
            multi_domain_penalty: 0.3,
            multi_domain_min: 2,
            reject_domains: 5,
            repeat_bonus: 0.05,
            repeat_bonus_max: 0.1,
        }
    }
}

/// One number of a site with its confidence and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredNumber {
    /// The number.
    pub number: PhoneNumber,
    /// How it was written at its best sighting.
    pub raw: String,
    /// Confidence in 0..1.
    pub confidence: f64,
    /// The seed's `phone_source`: `schema`, `contact_page`, `homepage`, `footer`,
    /// `other_page` or `unknown` — the weight that won.
    pub source: String,
    /// Line type (see [`super::classify`]).
    pub phone_type: PhoneType,
    /// What the labels say it is for (fax when most sightings say fax).
    pub role: Role,
    /// How many sightings were combined.
    pub sightings: usize,
    /// Every step of the score, in order.
    pub explanation: Vec<String>,
    /// Why the number can never be chosen, if so.
    pub rejected: Option<String>,
}

/// Every number of a site, best first, and the chosen one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteScore {
    /// Every number, in choice order (best first).
    pub numbers: Vec<ScoredNumber>,
    /// The number to call, if any qualifies.
    pub best: Option<ScoredNumber>,
}

/// The seed's LeadEvent phone fields (seed 000 §2.1), snake_case as the host stores them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LeadPhoneFields {
    /// The best number as written.
    pub lead_phone_raw: Option<String>,
    /// The best number in E.164.
    pub lead_phone_e164: Option<String>,
    /// Its confidence, 0 when there is none.
    pub phone_confidence: f64,
    /// Where it was found (`contact_page`, `homepage`, `footer`, `schema`...).
    pub phone_source: Option<String>,
    /// Its line type.
    pub phone_type: Option<PhoneType>,
}

impl SiteScore {
    /// The LeadEvent fields for the best number (all empty when there is none).
    ///
    /// ```
    /// use std::collections::HashMap;
    /// use phonestorm_core::phone::score::{score_site, ScoreConfig};
    /// use phonestorm_core::phone::{normalize::normalize, PageKind, Placement, Role, Sighting};
    ///
    /// let sighting = Sighting {
    ///     number: normalize("(305) 234-5678", "US").unwrap(),
    ///     raw: "(305) 234-5678".into(),
    ///     placement: Placement::Body,
    ///     role: Role::Main,
    ///     page_kind: PageKind::Contact,
    ///     page: Some("/contact".into()),
    /// };
    /// let site = score_site(&[sighting], &HashMap::new(), &ScoreConfig::default());
    /// let lead = site.lead_phone_fields();
    /// assert_eq!(lead.lead_phone_e164.as_deref(), Some("+13052345678"));
    /// assert_eq!(lead.phone_source.as_deref(), Some("contact_page"));
    /// assert!((lead.phone_confidence - 0.8).abs() < 1e-9);
    /// ```
    pub fn lead_phone_fields(&self) -> LeadPhoneFields {
        match &self.best {
            None => LeadPhoneFields::default(),
            Some(best) => LeadPhoneFields {
                lead_phone_raw: Some(best.raw.clone()),
                lead_phone_e164: Some(best.number.e164.clone()),
                phone_confidence: best.confidence,
                phone_source: Some(best.source.clone()),
                phone_type: Some(best.phone_type),
            },
        }
    }
}

/// The weight of one sighting and the name of the weight.
fn sighting_weight(sighting: &Sighting, config: &ScoreConfig) -> (f64, &'static str) {
    let mut candidates: Vec<(f64, &'static str)> = Vec::with_capacity(3);
    if sighting.placement == Placement::Schema {
        candidates.push((config.schema, "schema"));
    }
    if sighting.placement == Placement::Footer {
        candidates.push((config.footer, "footer"));
    }
    match sighting.page_kind {
        PageKind::Contact => candidates.push((config.contact_page, "contact_page")),
        PageKind::Home => candidates.push((config.homepage, "homepage")),
        PageKind::About | PageKind::Other if sighting.page.is_some() => {
            candidates.push((config.other_page, "other_page"));
        }
        PageKind::About | PageKind::Other => candidates.push((config.unknown, "unknown")),
    }
    // Highest weight wins; on equal weights the first pushed (schema, footer, page) wins.
    candidates
        .into_iter()
        .fold(None, |best: Option<(f64, &'static str)>, c| match best {
            Some(b) if b.0 >= c.0 => Some(b),
            _ => Some(c),
        })
        .unwrap_or((config.unknown, "unknown"))
}

/// Scores every number seen on one site and picks the best.
///
/// `domain_counts` maps an E.164 number to how many distinct domains it has been seen on
/// (from a registry; missing means 1). See the module docs for the formula.
pub fn score_site(
    sightings: &[Sighting],
    domain_counts: &HashMap<String, u32>,
    config: &ScoreConfig,
) -> SiteScore {
    // BTreeMap: numbers come out in a fixed order whatever the input order.
    let mut by_number: BTreeMap<&str, Vec<&Sighting>> = BTreeMap::new();
    for sighting in sightings {
        by_number
            .entry(sighting.number.e164.as_str())
            .or_default()
            .push(sighting);
    }
    let mut numbers: Vec<(ScoredNumber, f64)> = by_number
        .into_values()
        .map(|group| score_number(&group, domain_counts, config))
        .collect();
    numbers.sort_by(|(a, aw), (b, bw)| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(b.sightings.cmp(&a.sightings))
            .then(bw.total_cmp(aw))
            .then(a.number.e164.cmp(&b.number.e164))
    });
    let numbers: Vec<ScoredNumber> = numbers.into_iter().map(|(n, _)| n).collect();
    let best = numbers
        .iter()
        .find(|n| n.rejected.is_none() && n.role != Role::Fax && n.confidence > 0.0)
        .cloned();
    SiteScore { numbers, best }
}

/// Scores the sightings of one number; also returns its best sighting weight (tie-break).
/// The number as people read it on the page (seed 000's `lead_phone_raw`): a `tel:` link's
/// href (`tel:+13052345678`) is how the page codes it, so when the best sighting is a link,
/// the first visible sighting of the same number is shown instead, if there is one.
fn written_form(group: &[&Sighting], best: &Sighting) -> String {
    if best.placement != Placement::TelLink {
        return best.raw.clone();
    }
    group
        .iter()
        .find(|s| s.placement != Placement::TelLink)
        .map_or_else(|| best.raw.clone(), |s| s.raw.clone())
}

fn score_number(
    group: &[&Sighting],
    domain_counts: &HashMap<String, u32>,
    config: &ScoreConfig,
) -> (ScoredNumber, f64) {
    let mut explanation = Vec::new();
    // Best sighting: highest weight, then first seen.
    let mut best_index = 0;
    let mut best_weight = (f64::NEG_INFINITY, "unknown");
    for (index, sighting) in group.iter().enumerate() {
        let weight = sighting_weight(sighting, config);
        if weight.0 > best_weight.0 {
            best_weight = weight;
            best_index = index;
        }
    }
    let best_sighting = group[best_index.min(group.len().saturating_sub(1))];
    let (base, source) = best_weight;
    explanation.push(format!(
        "{source} sighting: base {} ({})",
        TwoDecimals(base),
        best_sighting.page.as_deref().unwrap_or("no page")
    ));

    let distinct: BTreeSet<(Option<&str>, Placement)> = group
        .iter()
        .map(|s| (s.page.as_deref(), s.placement))
        .collect();
    let mut confidence = base;
    if distinct.len() > 1 {
        let bonus =
            (config.repeat_bonus * (distinct.len() - 1) as f64).min(config.repeat_bonus_max);
        confidence += bonus;
        explanation.push(format!(
            "seen in {} places: +{}",
            distinct.len(),
            TwoDecimals(bonus)
        ));
    }

    let roles: Vec<Role> = group.iter().map(|s| s.role).collect();
    let fax_count = roles.iter().filter(|r| **r == Role::Fax).count();
    let role = if fax_count * 2 >= roles.len() && fax_count > 0 {
        explanation.push(format!(
            "labelled fax in {fax_count} of {} sightings: never chosen",
            roles.len()
        ));
        Role::Fax
    } else {
        group
            .iter()
            .filter(|s| s.role != Role::Fax)
            .max_by(|a, b| {
                sighting_weight(a, config)
                    .0
                    .total_cmp(&sighting_weight(b, config).0)
            })
            .map_or(Role::Main, |s| s.role)
    };

    let number = best_sighting.number.clone();
    let classification = classify(
        &number,
        &ClassifyInput {
            roles: roles.clone(),
            line_type: None,
        },
    );
    let nanp_tollfree = number
        .e164
        .strip_prefix("+1")
        .is_some_and(|n| nanp::check(n.as_bytes()) == Ok(NanpService::TollFree));
    if nanp_tollfree || classification.phone_type == PhoneType::Tollfree || role == Role::Tollfree {
        confidence -= config.tollfree_penalty;
        explanation.push(format!(
            "toll-free: -{}",
            TwoDecimals(config.tollfree_penalty)
        ));
    }

    let domains = domain_counts.get(&number.e164).copied().unwrap_or(1);
    let mut rejected = None;
    if domains >= config.reject_domains {
        rejected = Some(format!(
            "seen on {domains} domains (limit {}): directory or shared number",
            config.reject_domains
        ));
        explanation.push(format!("seen on {domains} domains: rejected"));
        confidence = 0.0;
    } else if domains >= config.multi_domain_min {
        confidence -= config.multi_domain_penalty;
        explanation.push(format!(
            "seen on {domains} domains: -{}",
            TwoDecimals(config.multi_domain_penalty)
        ));
    }
    let clamped = confidence.clamp(0.0, 1.0);
    // Round to 4 decimals so JSON output is stable (0.7 + 0.05 + ...).
    let clamped = (clamped * 10_000.0).round() / 10_000.0;
    if !(0.0..=1.0).contains(&confidence) {
        explanation.push(format!("clamped to {}", TwoDecimals(clamped)));
    }
    explanation.push(format!("confidence {}", TwoDecimals(clamped)));
    (
        ScoredNumber {
            number,
            raw: written_form(group, best_sighting),
            confidence: clamped,
            source: source.to_owned(),
            phone_type: classification.phone_type,
            role,
            sightings: group.len(),
            explanation,
            rejected,
        },
        base,
    )
}

impl ScoredNumber {
    /// `phone_type` as its snake_case name.
    pub fn type_name(&self) -> &'static str {
        type_name(self.phone_type)
    }
}

/// A number written with two decimals, exactly as `{:.2}` writes it, for the explanation
/// lines.
///
/// Why not `{:.2}`: Rust's exact float formatting (Grisu with a Dragon4 fallback and a
/// bignum) is about 9 KB of WebAssembly that V8 compiles on a cold `extractPhones` call only
/// to print these lines. Here the product `x × 100` is rounded with its exact error (a
/// fused multiply-add gives the part the rounding lost), which decides the halfway cases
/// the way exact decimal rounding does. The test `two_decimals_match_the_formatter`
/// compares both on every 4-decimal value in -2..2 and on random values. Non-finite and
/// huge values still go through `{:.2}`.
struct TwoDecimals(f64);

impl TwoDecimals {
    /// `x × 100` rounded to the nearest integer (ties to even), or `None` out of range.
    fn hundredths(x: f64) -> Option<u64> {
        let product = x.abs() * 100.0;
        if !product.is_finite() || product >= 1e15 {
            return None;
        }
        // The exact product is `product + lost`.
        let lost = x.abs().mul_add(100.0, -product);
        let floor = product.floor();
        let rounded = match (product - floor).partial_cmp(&0.5)? {
            std::cmp::Ordering::Less => floor,
            std::cmp::Ordering::Greater => floor + 1.0,
            std::cmp::Ordering::Equal if lost > 0.0 => floor + 1.0,
            std::cmp::Ordering::Equal if lost < 0.0 => floor,
            std::cmp::Ordering::Equal => product.round_ties_even(),
        };
        // In range: below 1e15, so exact in u64.
        Some(rounded as u64)
    }
}

impl fmt::Display for TwoDecimals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Self::hundredths(self.0) {
            Some(n) => {
                let sign = if self.0.is_sign_negative() { "-" } else { "" };
                write!(f, "{sign}{}.{:02}", n / 100, n % 100)
            }
            None => write!(f, "{:.2}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_decimals_match_the_formatter() {
        for k in -20_000..=20_000 {
            let x = f64::from(k) / 10_000.0;
            assert_eq!(TwoDecimals(x).to_string(), format!("{x:.2}"), "{x}");
        }
        for x in [
            0.15,
            0.05,
            0.3,
            0.125,
            0.375,
            -0.0,
            1e20,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(TwoDecimals(x).to_string(), format!("{x:.2}"), "{x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn two_decimals_match_the_formatter_anywhere(x in -1e6f64..1e6, k in -100_000i64..100_000) {
            proptest::prop_assert_eq!(TwoDecimals(x).to_string(), format!("{x:.2}"));
            // Values just off a halfway point, where the product's rounding matters.
            let near = (k as f64 + 0.5) / 100.0;
            let bits = near.to_bits();
            for y in [near, f64::from_bits(bits + 1), f64::from_bits(bits - 1)] {
                proptest::prop_assert_eq!(TwoDecimals(y).to_string(), format!("{y:.2}"));
            }
        }
    }

    use super::*;
    use crate::phone::normalize::normalize;

    fn seen(raw: &str, placement: Placement) -> Sighting {
        Sighting {
            number: normalize("(786) 237-1037", "US").unwrap(),
            raw: raw.into(),
            placement,
            role: Role::Main,
            page_kind: PageKind::Contact,
            page: Some("/contact".into()),
        }
    }

    #[test]
    fn raw_is_the_visible_form_not_the_tel_href() {
        let link = seen("tel:+17862371037", Placement::TelLink);
        let text = seen("(786) 237-1037", Placement::Footer);
        let cfg = ScoreConfig::default();
        let site = score_site(&[link.clone(), text], &HashMap::new(), &cfg);
        assert_eq!(
            site.lead_phone_fields().lead_phone_raw.as_deref(),
            Some("(786) 237-1037")
        );
        // A number only seen as a link keeps its href: nothing else was written.
        let only = score_site(&[link], &HashMap::new(), &cfg);
        assert_eq!(
            only.lead_phone_fields().lead_phone_raw.as_deref(),
            Some("tel:+17862371037")
        );
    }
}
