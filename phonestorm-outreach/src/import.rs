//! Contact import and validation (seed 002 §4C): bulk CSV (`parcel_id, phone, email, source`),
//! E.164 normalisation (`phonestorm_core::phone::normalize`), email syntax and DNS MX check
//! (a [`MxResolver`] trait; [`HickoryMx`] on `hickory-resolver`), deduplication, confidence,
//! and a report of skipped rows and why.

use std::collections::HashSet;
use std::net::SocketAddr;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::error::OutreachError;
use crate::model::NewContact;
use crate::store::Store;

/// Answers "does this domain accept mail?".
#[async_trait]
pub trait MxResolver: Send + Sync {
    /// Mail exchangers of a domain; empty when it has none (or a null MX).
    async fn mx(&self, domain: &str) -> Result<Vec<String>, OutreachError>;
}

/// MX lookups through `hickory-resolver`.
pub struct HickoryMx {
    resolver: hickory_resolver::TokioResolver,
}

impl std::fmt::Debug for HickoryMx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HickoryMx")
    }
}

impl HickoryMx {
    /// Uses the system's resolver configuration (`/etc/resolv.conf`).
    pub fn system() -> Result<Self, OutreachError> {
        let b = hickory_resolver::Resolver::builder_tokio()
            .map_err(|e| OutreachError::Invalid(format!("resolver config: {e}")))?;
        Ok(HickoryMx {
            resolver: b.build(),
        })
    }

    /// Uses one DNS server over UDP (a local resolver, or a test server).
    pub fn with_server(addr: SocketAddr, timeout_ms: u64) -> Self {
        use hickory_resolver::config::{NameServerConfig, ResolverConfig, ResolverOpts};
        use hickory_resolver::proto::xfer::Protocol;
        let mut cfg = ResolverConfig::new();
        cfg.add_name_server(NameServerConfig::new(addr, Protocol::Udp));
        let mut opts = ResolverOpts::default();
        opts.timeout = std::time::Duration::from_millis(timeout_ms);
        opts.attempts = 1;
        opts.cache_size = 0;
        let resolver = hickory_resolver::Resolver::builder_with_config(
            cfg,
            hickory_resolver::name_server::TokioConnectionProvider::default(),
        )
        .with_options(opts)
        .build();
        HickoryMx { resolver }
    }
}

#[async_trait]
impl MxResolver for HickoryMx {
    async fn mx(&self, domain: &str) -> Result<Vec<String>, OutreachError> {
        let fqdn = format!("{}.", domain.trim_end_matches('.'));
        match self.resolver.mx_lookup(fqdn).await {
            Ok(l) => Ok(l
                .iter()
                .map(|mx| mx.exchange().to_utf8())
                .filter(|x| x != ".")
                .collect()),
            Err(e) if e.is_no_records_found() || e.is_nx_domain() => Ok(Vec::new()),
            Err(e) => Err(OutreachError::Provider {
                message: format!("dns: {e}"),
                code: None,
                retryable: true,
            }),
        }
    }
}

/// Import settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportConfig {
    /// Region for numbers without a country code.
    pub region: String,
    /// Base confidence for `scraper` rows (others: `manual_upload_confidence`).
    pub scraper_confidence: f64,
    /// Base confidence for manually uploaded rows.
    pub manual_upload_confidence: f64,
    /// Added when the email's domain has MX records.
    pub mx_bonus: f64,
    /// Market and tier stamped on every imported contact.
    pub market: Option<String>,
    /// Tier.
    pub tier: Option<String>,
}

impl Default for ImportConfig {
    fn default() -> Self {
        ImportConfig {
            region: "US".into(),
            scraper_confidence: 0.6,
            manual_upload_confidence: 0.8,
            mx_bonus: 0.1,
            market: None,
            tier: None,
        }
    }
}

/// A skipped row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// 1-based line in the file (header is line 1).
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Contacts created.
    pub imported: u64,
    /// Ids created.
    pub contact_ids: Vec<i64>,
    /// Rows skipped, with reasons.
    pub skipped: Vec<Skipped>,
    /// Rows whose email was dropped (bad syntax or no MX) but whose phone was kept.
    pub email_dropped: Vec<Skipped>,
}

/// Email syntax check (pragmatic: one `@`, dot-atom local part, a domain with a dot and
/// LDH labels).
pub fn email_syntax_ok(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    if local.is_empty() || local.len() > 64 || domain.len() > 253 || !domain.contains('.') {
        return false;
    }
    let local_ok = local.split('.').all(|p| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c))
    });
    let domain_ok = domain.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    local_ok && domain_ok
}

#[derive(Debug, Deserialize)]
struct Row {
    parcel_id: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    source: Option<String>,
    owner_name: Option<String>,
}

/// Imports a CSV with a header row (`parcel_id, phone, email, source`, optional `owner_name`).
/// A row needs a valid phone or a valid email; duplicates (same parcel and phone/email, in
/// the file or already stored) are skipped.
pub async fn import_csv(
    store: &dyn Store,
    csv_text: &str,
    mx: Option<&dyn MxResolver>,
    cfg: &ImportConfig,
    now: i64,
) -> Result<ImportReport, OutreachError> {
    let mut rep = ImportReport::default();
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (i, rec) in rdr.deserialize::<Row>().enumerate() {
        let line = i as u64 + 2;
        let skip =
            |rep: &mut ImportReport, reason: String| rep.skipped.push(Skipped { line, reason });
        let row = match rec {
            Ok(r) => r,
            Err(e) => {
                skip(&mut rep, format!("unreadable row: {e}"));
                continue;
            }
        };
        let nonempty = |s: Option<String>| s.filter(|v| !v.trim().is_empty());
        let parcel = nonempty(row.parcel_id);
        let phone = match nonempty(row.phone) {
            Some(p) => match phonestorm_core::phone::normalize::normalize(&p, &cfg.region) {
                Ok(n) => Some(n.e164),
                Err(e) => {
                    if row.email.as_deref().is_none_or(|e| e.trim().is_empty()) {
                        skip(&mut rep, format!("bad phone {p:?}: {e}"));
                        continue;
                    }
                    rep.email_dropped.push(Skipped {
                        line,
                        reason: format!("bad phone {p:?} ignored: {e}"),
                    });
                    None
                }
            },
            None => None,
        };
        let mut email = nonempty(row.email).map(|e| e.trim().to_lowercase());
        let mut mx_ok = false;
        if let Some(e) = email.clone() {
            let reason = if !email_syntax_ok(&e) {
                Some(format!("bad email syntax {e:?}"))
            } else if let Some(r) = mx {
                let domain = e.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
                match r.mx(domain).await {
                    Ok(v) if !v.is_empty() => {
                        mx_ok = true;
                        None
                    }
                    Ok(_) => Some(format!("no MX for {domain}")),
                    Err(err) => Some(format!("MX lookup failed for {domain}: {err}")),
                }
            } else {
                None
            };
            if let Some(reason) = reason {
                email = None;
                if phone.is_none() {
                    skip(&mut rep, reason);
                    continue;
                }
                rep.email_dropped.push(Skipped { line, reason });
            }
        }
        if phone.is_none() && email.is_none() {
            skip(&mut rep, "no phone and no email".into());
            continue;
        }
        let key = (
            parcel.clone().unwrap_or_default(),
            format!(
                "{}|{}",
                phone.clone().unwrap_or_default(),
                email.clone().unwrap_or_default()
            ),
        );
        if !seen.insert(key) {
            skip(&mut rep, "duplicate in file".into());
            continue;
        }
        let existing = match &phone {
            Some(p) => store.contacts_by_phone(p).await?,
            None => {
                store
                    .contacts_by_email(email.as_deref().unwrap_or(""))
                    .await?
            }
        };
        if existing.iter().any(|c| {
            c.fields.parcel_id == parcel && c.fields.phone == phone && c.fields.email == email
        }) {
            skip(&mut rep, "already in the store".into());
            continue;
        }
        let source = nonempty(row.source).unwrap_or_else(|| "manual_upload".into());
        let mut confidence = if source == "scraper" {
            cfg.scraper_confidence
        } else {
            cfg.manual_upload_confidence
        };
        if mx_ok {
            confidence += cfg.mx_bonus;
        }
        let c = store
            .insert_contact(
                &NewContact {
                    parcel_id: parcel,
                    phone: phone.clone(),
                    email,
                    owner_name: nonempty(row.owner_name),
                    source,
                    confidence: confidence.clamp(0.0, 1.0),
                    phone_verified: phone.is_some(),
                    email_verified: mx_ok,
                    market: cfg.market.clone(),
                    tier: cfg.tier.clone(),
                },
                now,
            )
            .await?;
        rep.imported += 1;
        rep.contact_ids.push(c.id);
    }
    Ok(rep)
}
