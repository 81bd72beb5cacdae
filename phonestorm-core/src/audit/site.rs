//! Site-level audit: gaps over all fetched pages.

use super::AuditError;
use super::page::{PageFacts, analyze};
use crate::email::{EmailConfig, EmailFinding, EmailKind};
use crate::phone::PageKind;
use crate::qualify::Signal;
use serde::{Deserialize, Serialize};

/// A fetched page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// The page URL (its scheme decides NO_HTTPS; `file:` URLs are not judged).
    pub url: String,
    /// The HTML.
    pub html: String,
}

/// One gap, shaped like seed 001's `audit_dossier.identified_gaps[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// The signal name (`NO_CALL_TO_ACTION`).
    pub key: String,
    /// What was found, for people.
    pub value: String,
    /// The page that shows the gap.
    pub source_url: Option<String>,
}

/// What an audit found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditReport {
    /// Gaps, in signal order.
    pub gaps: Vec<Gap>,
    /// The deep signals of those gaps.
    pub signals: Vec<Signal>,
    /// Usable (non-placeholder) emails found on the site, deduplicated, in page order.
    pub emails: Vec<EmailFinding>,
    /// The email to contact: personal before role, contact page first; never a no-reply.
    pub best_email: Option<String>,
    /// Pages audited.
    pub pages: usize,
}

/// Audit rules. Defaults: phonestorm's lists (call-to-action phrases common on US small
/// business sites; schema.org LocalBusiness and the subtypes local businesses use).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditConfig {
    /// Link or button texts that count as a call to action.
    pub cta_phrases: Vec<String>,
    /// schema.org types that count as LocalBusiness data.
    pub business_types: Vec<String>,
    /// A copyright year older than `current_year - stale_after_years` is stale.
    pub stale_after_years: i32,
    /// Pages looked at; the rest are ignored.
    pub max_pages: usize,
    /// Bytes of each page looked at; the rest is ignored.
    pub max_page_bytes: usize,
    /// Email extraction settings.
    pub email: EmailConfig,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_string()).collect()
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            cta_phrases: strings(&[
                "call now",
                "call us",
                "call today",
                "contact us",
                "get a quote",
                "get a free",
                "free quote",
                "free estimate",
                "request a quote",
                "request an estimate",
                "request service",
                "book now",
                "book online",
                "book an appointment",
                "book a",
                "schedule",
                "get started",
                "buy now",
                "shop now",
                "order now",
                "sign up",
                "make an appointment",
                "get in touch",
                "talk to",
                "text us",
            ]),
            business_types: strings(&[
                "LocalBusiness",
                "ProfessionalService",
                "HomeAndConstructionBusiness",
                "HVACBusiness",
                "Plumber",
                "Electrician",
                "RoofingContractor",
                "GeneralContractor",
                "HousePainter",
                "Locksmith",
                "MovingCompany",
                "MedicalBusiness",
                "MedicalClinic",
                "Dentist",
                "Physician",
                "DaySpa",
                "HealthAndBeautySalon",
                "BeautySalon",
                "HairSalon",
                "NailSalon",
                "RealEstateAgent",
                "LegalService",
                "Attorney",
                "AutoRepair",
                "AutomotiveBusiness",
                "FoodEstablishment",
                "Restaurant",
                "Store",
                "FinancialService",
                "InsuranceAgency",
                "AccountingService",
                "ChildCare",
                "DryCleaningOrLaundry",
                "EmergencyService",
                "EmploymentAgency",
                "HealthClub",
                "LodgingBusiness",
                "PetStore",
                "SportsActivityLocation",
                "TravelAgency",
                "VeterinaryCare",
            ]),
            stale_after_years: 1,
            max_pages: 50,
            max_page_bytes: 2 * 1024 * 1024,
            email: EmailConfig::default(),
        }
    }
}

fn bounded(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn page_kind(url: &str) -> PageKind {
    crate::email::page_kind_of(Some(url))
}

/// Audits a site from its pages (home page first, or the page whose URL is the root).
/// `current_year` is the caller's clock (the core reads none).
///
/// ```
/// use phonestorm_core::audit::{audit_site, AuditConfig, Page};
/// let home = Page { url: "http://joes.com/".into(), html: "<html><head><title>Joe's</title></head>\
///     <body><p>Plumbing since 1990.</p><footer>© 2019 Joe's</footer></body></html>".into() };
/// let report = audit_site(&[home], 2026, &AuditConfig::default()).unwrap();
/// let keys: Vec<_> = report.gaps.iter().map(|g| g.key.as_str()).collect();
/// assert_eq!(keys, ["WEBSITE_NOT_MOBILE_FRIENDLY", "NO_HTTPS", "MISSING_META_DESCRIPTION", "NO_CALL_TO_ACTION",
///                   "NO_CLICK_TO_CALL", "NO_CONTACT_FORM", "NO_LOCAL_BUSINESS_SCHEMA", "NO_EMAIL", "STALE_COPYRIGHT"]);
/// assert_eq!(report.gaps[0].source_url.as_deref(), Some("http://joes.com/"));
/// ```
pub fn audit_site(
    pages: &[Page],
    current_year: i32,
    config: &AuditConfig,
) -> Result<AuditReport, AuditError> {
    if pages.is_empty() {
        return Err(AuditError::NoPages);
    }
    let pages = &pages[..pages.len().min(config.max_pages.max(1))];
    let mut parsed = Vec::with_capacity(pages.len());
    for p in pages {
        let url = url::Url::parse(p.url.trim()).map_err(|e| {
            AuditError::BadUrl(format!(
                "{}: {e}",
                p.url.chars().take(200).collect::<String>()
            ))
        })?;
        let facts = analyze(
            crate::email::bounded_nesting(
                bounded(&p.html, config.max_page_bytes),
                config.email.max_nesting,
            ),
            p.url.trim(),
            &config.cta_phrases,
            &config.business_types,
            &config.email,
        );
        parsed.push((url, facts));
    }
    let home_idx = parsed
        .iter()
        .position(|(u, _)| page_kind(u.as_str()) == PageKind::Home)
        .unwrap_or(0);
    let (home_url, home) = (&parsed[home_idx].0, &parsed[home_idx].1);
    let home_src = Some(home_url.to_string());
    let mut gaps: Vec<(Signal, String, Option<String>)> = Vec::new();
    if !home.viewport {
        gaps.push((
            Signal::WebsiteNotMobileFriendly,
            "No viewport meta tag: the site is not mobile friendly".into(),
            home_src.clone(),
        ));
    }
    if let Some((u, _)) = parsed.iter().find(|(u, _)| u.scheme() == "http") {
        gaps.push((
            Signal::NoHttps,
            "Page served over plain HTTP (no HTTPS)".into(),
            Some(u.to_string()),
        ));
    }
    if !home.title {
        gaps.push((
            Signal::MissingTitle,
            "The home page has no <title>".into(),
            home_src.clone(),
        ));
    }
    if !home.description {
        gaps.push((
            Signal::MissingMetaDescription,
            "The home page has no meta description".into(),
            home_src.clone(),
        ));
    }
    let none = |f: fn(&PageFacts) -> bool| !parsed.iter().any(|(_, p)| f(p));
    if none(|p| p.cta) {
        gaps.push((
            Signal::NoCallToAction,
            "No call to action (\"Call now\", \"Get a quote\"...) on any page".into(),
            home_src.clone(),
        ));
    }
    if none(|p| p.tel_link) {
        gaps.push((
            Signal::NoClickToCall,
            "No click-to-call (tel:) link on any page".into(),
            home_src.clone(),
        ));
    }
    if none(|p| p.contact_form) {
        gaps.push((
            Signal::NoContactForm,
            "No contact form on any page".into(),
            home_src.clone(),
        ));
    }
    if none(|p| p.local_business) {
        gaps.push((
            Signal::NoLocalBusinessSchema,
            "No schema.org LocalBusiness structured data".into(),
            home_src.clone(),
        ));
    }
    let mut emails: Vec<EmailFinding> = Vec::new();
    for (_, p) in &parsed {
        for e in &p.emails {
            if !e.placeholder
                && !emails
                    .iter()
                    .any(|x| x.email.eq_ignore_ascii_case(&e.email))
            {
                emails.push(e.clone());
            }
        }
    }
    if emails.is_empty() {
        gaps.push((
            Signal::NoEmail,
            "No contact email on any page".into(),
            home_src.clone(),
        ));
    }
    let latest = parsed
        .iter()
        .filter_map(|(u, p)| p.copyright_year.map(|y| (y, u)))
        .max_by_key(|(y, _)| *y);
    if let Some((year, u)) = latest {
        if year < current_year.saturating_sub(config.stale_after_years) {
            gaps.push((
                Signal::StaleCopyright,
                format!("Copyright year {year} is stale"),
                Some(u.to_string()),
            ));
        }
    }
    gaps.sort_by_key(|g| Signal::ALL.iter().position(|s| *s == g.0));
    let best_email = emails
        .iter()
        .filter(|e| e.kind != EmailKind::NoReply)
        .min_by_key(|e| {
            (
                e.kind != EmailKind::Personal,
                e.page_kind != PageKind::Contact,
            )
        })
        .map(|e| e.email.clone());
    Ok(AuditReport {
        signals: gaps.iter().map(|g| g.0).collect(),
        gaps: gaps
            .into_iter()
            .map(|(s, value, source_url)| Gap {
                key: s.as_str().to_string(),
                value,
                source_url,
            })
            .collect(),
        emails,
        best_email,
        pages: parsed.len(),
    })
}
