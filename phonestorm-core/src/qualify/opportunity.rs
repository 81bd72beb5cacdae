//! Scoring a place into a `client_opportunities` record.

use super::{Place, QualifyError, Signal};
use crate::domain::{DomainConfig, SiteKind, analyze};
use crate::phone::nanp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Qualification rules. Defaults are seed 001's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QualifyConfig {
    /// Points per signal (seed 001: MISSING_WEBSITE 50, WEAK_WEB_PRESENCE 35,
    /// LOW_GOOGLE_RATING 30, NEEDS_WEB_AUDIT 15). Keys are signal names.
    pub weights: BTreeMap<String, f64>,
    /// LOW_GOOGLE_RATING when rating < this (seed 001: 4.0) ...
    pub low_rating_below: f64,
    /// ... and the review count > this (seed 001: 5).
    pub low_rating_min_reviews: i64,
    /// The agency's `leadQualificationCriteria`: signals it wants to solve. Empty = all.
    pub criteria: Vec<String>,
    /// Domain lists deciding WEAK_WEB_PRESENCE (social and directory pages).
    pub domains: DomainConfig,
    /// Deep audit selection: the top N by score (seed 001: "e.g., top 10") ...
    pub audit_top_n: usize,
    /// ... plus any with score above this (seed 001: "or any with score > 50").
    pub audit_min_score: f64,
    /// Treat site-builder subdomains as weak presence too (default false: seed 001 lists
    /// only social/directory sites; a Wix site is the business's own, if weak, site).
    pub site_builder_is_weak: bool,
}

impl Default for QualifyConfig {
    fn default() -> Self {
        let weights = [
            ("MISSING_WEBSITE", 50.0),
            ("WEAK_WEB_PRESENCE", 35.0),
            ("LOW_GOOGLE_RATING", 30.0),
            ("NEEDS_WEB_AUDIT", 15.0),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        QualifyConfig {
            weights,
            low_rating_below: 4.0,
            low_rating_min_reviews: 5,
            criteria: Vec::new(),
            domains: DomainConfig::default(),
            audit_top_n: 10,
            audit_min_score: 50.0,
            site_builder_is_weak: false,
        }
    }
}

/// The campaign the leads are sourced for (stored on each opportunity, seed 001 point 5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Campaign {
    /// e.g. `"HVAC"`.
    pub target_vertical: String,
    /// e.g. `"Miami, FL"`.
    pub target_geography: String,
}

/// A qualified lead, shaped like a Convex `client_opportunities` row (without `agencyId`,
/// which the host adds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Opportunity {
    /// Business name.
    pub name: String,
    /// Canonical domain of the website, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Phone in E.164.
    pub phone: String,
    /// Contact email (filled by the audit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Google place id.
    pub place_id: String,
    /// Address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<f64>,
    /// Review count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviews_count: Option<i64>,
    /// `"google_places"`.
    pub source: String,
    /// Why this is a good fit (filled after the audit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fit_reason: Option<String>,
    /// Lifecycle status: `"SOURCED"` at this point.
    pub status: String,
    /// Campaign vertical.
    #[serde(rename = "targetVertical")]
    pub target_vertical: String,
    /// Campaign geography.
    #[serde(rename = "targetGeography")]
    pub target_geography: String,
    /// Sum of the weights of the wanted signals.
    #[serde(rename = "qualificationScore")]
    pub qualification_score: f64,
    /// Detected signals (all of them, wanted or not; the score counts only wanted ones).
    pub signals: Vec<Signal>,
    /// The website as given (not part of the Convex row; kept for the audit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// A place dropped by the hard filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discarded {
    /// Google place id.
    pub place_id: String,
    /// Business name.
    pub name: String,
    /// `missing_phone` or `invalid_phone: <why>`.
    pub discarded: String,
}

/// The result of qualifying one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Outcome {
    /// Kept: an opportunity.
    Kept(Box<Opportunity>),
    /// Dropped by the hard filter.
    Discarded(Discarded),
}

/// A validated [`QualifyConfig`], ready to score places.
#[derive(Debug, Clone)]
pub struct Qualifier {
    config: QualifyConfig,
    weights: BTreeMap<Signal, f64>,
    wanted: Vec<Signal>,
}

/// E.164 for a Places phone, or why it is not valid. NANP numbers are checked against the
/// area-code table (fictional 555-01XX, N11, unassigned codes are invalid); other
/// countries through the `phonenumber` crate's metadata.
fn check_phone(raw: &str) -> Result<String, String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let plus = raw.trim_start().starts_with('+');
    let nanp_digits = if plus && digits.starts_with('1') && digits.len() == 11 {
        Some(&digits[1..])
    } else if !plus && digits.len() == 10 {
        Some(&digits[..])
    } else if !plus && digits.len() == 11 && digits.starts_with('1') {
        Some(&digits[1..])
    } else {
        None
    };
    if let Some(d) = nanp_digits {
        return match nanp::check(d.as_bytes()) {
            Ok(_) => Ok(format!("+1{d}")),
            Err(e) => Err(format!("{e:?}").to_ascii_lowercase()),
        };
    }
    if !plus || digits.len() < 7 || digits.len() > 15 {
        return Err("not a phone number".into());
    }
    international_phone(raw)
}

/// A number outside +1, checked against the numbering metadata.
#[cfg(feature = "intl")]
fn international_phone(raw: &str) -> Result<String, String> {
    match phonenumber::parse(None, raw) {
        Ok(n) if phonenumber::is_valid(&n) => {
            Ok(n.format().mode(phonenumber::Mode::E164).to_string())
        }
        _ => Err("not a valid international number".into()),
    }
}

/// Without numbering metadata (feature `intl`) numbers outside +1 cannot be checked.
#[cfg(not(feature = "intl"))]
fn international_phone(_raw: &str) -> Result<String, String> {
    Err("international numbers need the `intl` feature".into())
}

impl Qualifier {
    /// Validates a config: every signal name known, every number finite and ≥ 0.
    ///
    /// ```
    /// use phonestorm_core::qualify::{QualifyConfig, Qualifier};
    /// let mut cfg = QualifyConfig::default();
    /// cfg.criteria = vec!["MISSING_WEBSITE".into(), "NOT_A_SIGNAL".into()];
    /// assert_eq!(Qualifier::new(cfg).unwrap_err().code(), "unknown_signal");
    /// ```
    pub fn new(config: QualifyConfig) -> Result<Qualifier, QualifyError> {
        let mut weights = BTreeMap::new();
        for (k, v) in &config.weights {
            let sig: Signal = k.parse()?;
            if !v.is_finite() || *v < 0.0 {
                return Err(QualifyError::InvalidConfig(format!("weights.{k}")));
            }
            weights.insert(sig, *v);
        }
        for (name, v) in [
            ("low_rating_below", config.low_rating_below),
            ("audit_min_score", config.audit_min_score),
        ] {
            if !v.is_finite() || v < 0.0 {
                return Err(QualifyError::InvalidConfig(name.into()));
            }
        }
        if config.low_rating_min_reviews < 0 {
            return Err(QualifyError::InvalidConfig("low_rating_min_reviews".into()));
        }
        let wanted = if config.criteria.is_empty() {
            Signal::ALL.to_vec()
        } else {
            config
                .criteria
                .iter()
                .map(|c| c.parse())
                .collect::<Result<Vec<Signal>, _>>()?
        };
        Ok(Qualifier {
            config,
            weights,
            wanted,
        })
    }

    /// The config this qualifier was built from.
    pub fn config(&self) -> &QualifyConfig {
        &self.config
    }

    /// The signals the agency wants (its criteria, all signals when none were given).
    pub fn wanted(&self) -> &[Signal] {
        &self.wanted
    }

    /// True when the agency wants this signal. NEEDS_WEB_AUDIT is wanted when any deep
    /// signal is (it stands for them until the audit, seed 001).
    pub fn wants(&self, signal: Signal) -> bool {
        self.wanted.contains(&signal)
            || (signal == Signal::NeedsWebAudit && self.wanted.iter().any(|s| s.is_deep()))
    }

    /// Sum of the weights of the wanted signals among `signals`.
    pub fn score(&self, signals: &[Signal]) -> f64 {
        // Start from +0.0: `Iterator::sum` of no f64 is -0.0, which JS (`Object.is`) and
        // stores tell apart from 0.
        signals
            .iter()
            .filter(|s| self.wants(**s))
            .map(|s| self.weights.get(s).copied().unwrap_or(0.0))
            .fold(0.0, |a, b| a + b)
    }

    /// Qualifies one place: the hard phone filter, then signals and score.
    ///
    /// ```
    /// use phonestorm_core::qualify::{Campaign, Outcome, Place, QualifyConfig, Qualifier, Signal};
    /// let q = Qualifier::new(QualifyConfig { criteria: vec!["MISSING_WEBSITE".into(), "LOW_GOOGLE_RATING".into()],
    ///                                        ..Default::default() }).unwrap();
    /// let place = Place { place_id: "p1".into(), name: "Joe's".into(), phone: Some("+1 305-234-5678".into()),
    ///                     rating: Some(3.5), reviews_count: Some(12), ..Default::default() };
    /// let Outcome::Kept(o) = q.qualify(&place, &Campaign::default()).unwrap() else { panic!() };
    /// assert_eq!(o.signals, [Signal::MissingWebsite, Signal::LowGoogleRating]);
    /// assert_eq!(o.qualification_score, 80.0);
    /// let no_phone = Place { place_id: "p2".into(), ..Default::default() };
    /// assert!(matches!(q.qualify(&no_phone, &Campaign::default()).unwrap(), Outcome::Discarded(d) if d.discarded == "missing_phone"));
    /// ```
    pub fn qualify(&self, place: &Place, campaign: &Campaign) -> Result<Outcome, QualifyError> {
        place.check()?;
        let discard = |why: String| {
            Ok(Outcome::Discarded(Discarded {
                place_id: place.place_id.clone(),
                name: place.name.clone(),
                discarded: why,
            }))
        };
        let phone = match place
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            None => return discard("missing_phone".into()),
            Some(p) => match check_phone(p) {
                Ok(e164) => e164,
                Err(why) => return discard(format!("invalid_phone: {why}")),
            },
        };
        let website = place
            .website
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty());
        let mut signals = Vec::new();
        let mut domain = None;
        match website {
            None => signals.push(Signal::MissingWebsite),
            Some(w) => {
                let info = analyze(w, &self.config.domains)
                    .map_err(|e| QualifyError::BadWebsite(format!("{w}: {e}")))?;
                let weak = info.kind.is_weak_presence()
                    || (self.config.site_builder_is_weak && info.kind == SiteKind::SiteBuilder);
                if weak {
                    signals.push(Signal::WeakWebPresence);
                }
                domain = Some(info.domain);
            }
        }
        if let (Some(r), Some(n)) = (place.rating, place.reviews_count) {
            if r < self.config.low_rating_below && n > self.config.low_rating_min_reviews {
                signals.push(Signal::LowGoogleRating);
            }
        }
        let has_own_site = website.is_some() && !signals.contains(&Signal::WeakWebPresence);
        if has_own_site && self.wants(Signal::NeedsWebAudit) {
            signals.push(Signal::NeedsWebAudit);
        }
        let score = self.score(&signals);
        Ok(Outcome::Kept(Box::new(Opportunity {
            name: place.name.clone(),
            domain,
            phone,
            email: None,
            place_id: place.place_id.clone(),
            address: place.address.clone(),
            city: place.city.clone(),
            rating: place.rating,
            reviews_count: place.reviews_count,
            source: "google_places".into(),
            fit_reason: None,
            status: "SOURCED".into(),
            target_vertical: campaign.target_vertical.clone(),
            target_geography: campaign.target_geography.clone(),
            qualification_score: score,
            signals,
            website: website.map(str::to_string),
        })))
    }
}

/// Indices of the opportunities to deep-audit (seed 001 step 5): among those with
/// NEEDS_WEB_AUDIT, the `audit_top_n` highest-scoring plus any scoring above
/// `audit_min_score`; best first (ties keep input order).
///
/// ```
/// use phonestorm_core::qualify::{select_for_audit, QualifyConfig};
/// # use phonestorm_core::qualify::{Campaign, Outcome, Place, Qualifier};
/// # let q = Qualifier::new(QualifyConfig::default()).unwrap();
/// # let mk = |id: &str, web: Option<&str>| { let p = Place { place_id: id.into(), phone: Some("+13052345678".into()),
/// #     website: web.map(Into::into), ..Default::default() };
/// #     match q.qualify(&p, &Campaign::default()).unwrap() { Outcome::Kept(o) => *o, _ => unreachable!() } };
/// let opps = vec![mk("a", None), mk("b", Some("https://b-plumbing.com"))];
/// let cfg = QualifyConfig { audit_top_n: 10, ..Default::default() };
/// assert_eq!(select_for_audit(&opps, &cfg), vec![1]);
/// ```
pub fn select_for_audit(opportunities: &[Opportunity], config: &QualifyConfig) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..opportunities.len())
        .filter(|&i| opportunities[i].signals.contains(&Signal::NeedsWebAudit))
        .collect();
    idx.sort_by(|&a, &b| {
        opportunities[b]
            .qualification_score
            .total_cmp(&opportunities[a].qualification_score)
            .then(a.cmp(&b))
    });
    idx.into_iter()
        .enumerate()
        .filter(|(rank, i)| {
            *rank < config.audit_top_n
                || opportunities[*i].qualification_score > config.audit_min_score
        })
        .map(|(_, i)| i)
        .collect()
}
