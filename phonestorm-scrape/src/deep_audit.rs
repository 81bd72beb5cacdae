//! The deep audit job (seed 001 phase 2): `map_urls` → `filter_urls` → `scrape_content` →
//! `generate_dossier`, with the seed's `audit_jobs` phase states and an `audit_dossier`-shaped
//! result. The rules are the core's (`audit::select_audit_pages`, `audit_site`,
//! `resolve_signals`, `fit_reason`, `llm::parse_dossier`); this module runs the I/O.
//!
//! A job is plain data ([`AuditJob`], serde): a host stores it between calls, and
//! [`DeepAudit::run`] resumes at the first phase that is not complete. A failed phase keeps
//! its error and the job's status is `error`; running the job again retries that phase.

use std::sync::Arc;

use phonestorm_core::audit::{
    self, AuditConfig, AuditReport, FitConfig, Gap, Page, page_text, select_audit_pages,
};
use phonestorm_core::llm::{self, DossierLimits, DossierText, TalkingPoint};
use phonestorm_core::qualify::{Qualifier, QualifyConfig, Signal};
/// Phase states are the core's (seed 001 `audit_jobs.phases[].status`).
pub use phonestorm_core::workflow::PhaseStatus;
use serde::{Deserialize, Serialize};

use crate::crawl::Crawler;
use crate::fetch::Fetcher;
use crate::llm::Llm;

/// The four phases, in order (seed 001 `audit_jobs.phases[].name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditPhase {
    /// Crawl the domain for related pages.
    MapUrls,
    /// Choose the pages worth auditing.
    FilterUrls,
    /// Fetch the chosen pages.
    ScrapeContent,
    /// Judge the pages and write the dossier.
    GenerateDossier,
}

/// The job's state (seed 001 `audit_jobs.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    /// Created, not run.
    Queued,
    /// A phase is running.
    Running,
    /// A phase failed.
    Error,
    /// The dossier is written.
    Completed,
}

/// One phase of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseState {
    /// Which phase.
    pub name: AuditPhase,
    /// Its state.
    pub status: PhaseStatus,
    /// Why it failed (a stable code and a message), when it did.
    pub error: Option<String>,
}

/// The dossier (seed 001 `audit_dossier`, plus the final `fit_reason` and signals).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// Two or three sentences.
    pub summary: String,
    /// The audit's gaps with their pages.
    pub identified_gaps: Vec<Gap>,
    /// What to say on the call, each resting on one gap.
    pub talking_points: Vec<TalkingPoint>,
    /// `llm` or `deterministic`.
    pub written_by: String,
    /// Initial and deep signals combined (NEEDS_WEB_AUDIT kept only when confirmed).
    pub signals: Vec<Signal>,
    /// The opportunity's final `fit_reason`.
    pub fit_reason: String,
    /// Best contact email found on the site (seed 001: emails found during the audit).
    pub email: Option<String>,
}

/// A deep audit job: inputs, phase states and each phase's output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditJob {
    /// The lead's website.
    pub target_url: String,
    /// Business name (for the dossier).
    pub business_name: String,
    /// Signals from sourcing (Google Places): `LOW_GOOGLE_RATING`, `NEEDS_WEB_AUDIT`...
    pub initial_signals: Vec<Signal>,
    /// Job state.
    pub status: JobStatus,
    /// The four phases.
    pub phases: Vec<PhaseState>,
    /// `map_urls`: pages found on the domain.
    pub mapped_urls: Vec<String>,
    /// `filter_urls`: the pages chosen.
    pub selected_urls: Vec<String>,
    /// `scrape_content`: the pages fetched.
    pub pages: Vec<Page>,
    /// `generate_dossier`: the result.
    pub dossier: Option<Dossier>,
}

impl AuditJob {
    /// A queued job with every phase pending.
    pub fn new(target_url: &str, business_name: &str, initial_signals: Vec<Signal>) -> Self {
        let phase = |name| PhaseState {
            name,
            status: PhaseStatus::Pending,
            error: None,
        };
        AuditJob {
            target_url: target_url.to_owned(),
            business_name: business_name.to_owned(),
            initial_signals,
            status: JobStatus::Queued,
            phases: vec![
                phase(AuditPhase::MapUrls),
                phase(AuditPhase::FilterUrls),
                phase(AuditPhase::ScrapeContent),
                phase(AuditPhase::GenerateDossier),
            ],
            mapped_urls: Vec::new(),
            selected_urls: Vec::new(),
            pages: Vec::new(),
            dossier: None,
        }
    }

    fn set(&mut self, phase: AuditPhase, status: PhaseStatus, error: Option<String>) {
        if let Some(p) = self.phases.iter_mut().find(|p| p.name == phase) {
            p.status = status;
            p.error = error;
        }
    }
}

/// Deep-audit settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct DeepAuditConfig {
    /// Pages kept by `filter_urls`.
    pub max_pages: usize,
    /// Characters of text per page given to the model.
    pub max_page_chars: usize,
    /// The core's audit rules.
    pub audit: AuditConfig,
    /// The agency's criteria (which gaps confirm NEEDS_WEB_AUDIT) and signal weights.
    pub qualify: QualifyConfig,
    /// `fit_reason` wording.
    pub fit: FitConfig,
    /// Limits on the model's dossier.
    pub limits: DossierLimits,
}

impl Default for DeepAuditConfig {
    fn default() -> Self {
        DeepAuditConfig {
            max_pages: 6,
            max_page_chars: 1_500,
            audit: AuditConfig::default(),
            qualify: QualifyConfig::default(),
            fit: FitConfig::default(),
            limits: DossierLimits::default(),
        }
    }
}

/// Runs deep audit jobs over a fetcher (and a model, if any).
pub struct DeepAudit {
    crawler: Crawler,
    fetcher: Arc<dyn Fetcher>,
    llm: Option<Arc<dyn Llm>>,
    config: DeepAuditConfig,
}

impl std::fmt::Debug for DeepAudit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeepAudit")
            .field("config", &self.config)
            .field("llm", &self.llm.is_some())
            .finish_non_exhaustive()
    }
}

impl DeepAudit {
    /// Audits with `crawler` (map) and `fetcher` (scrape); no model: deterministic dossiers.
    pub fn new(crawler: Crawler, fetcher: Arc<dyn Fetcher>, config: DeepAuditConfig) -> Self {
        DeepAudit {
            crawler,
            fetcher,
            llm: None,
            config,
        }
    }

    /// Word the dossier with `llm`, falling back to the deterministic text on any failure.
    pub fn with_llm(mut self, llm: Arc<dyn Llm>) -> Self {
        self.llm = Some(llm);
        self
    }

    /// Runs the job from its first phase that is not complete to the end, or to the first
    /// failure. `current_year` is the caller's clock (stale-copyright check).
    pub async fn run(&self, job: &mut AuditJob, current_year: i32) {
        for i in 0..job.phases.len() {
            if job.phases[i].status == PhaseStatus::Complete {
                continue;
            }
            let phase = job.phases[i].name;
            job.status = JobStatus::Running;
            job.set(phase, PhaseStatus::Running, None);
            let result = match phase {
                AuditPhase::MapUrls => self.map_urls(job).await,
                AuditPhase::FilterUrls => self.filter_urls(job),
                AuditPhase::ScrapeContent => self.scrape_content(job).await,
                AuditPhase::GenerateDossier => self.generate_dossier(job, current_year).await,
            };
            if let Err(e) = result {
                tracing::warn!(target: "phonestorm", phase = ?phase, error = %e, "deep audit phase failed");
                job.set(phase, PhaseStatus::Error, Some(e));
                job.status = JobStatus::Error;
                return;
            }
            job.set(phase, PhaseStatus::Complete, None);
        }
        job.status = JobStatus::Completed;
    }

    async fn map_urls(&self, job: &mut AuditJob) -> Result<(), String> {
        let site = self
            .crawler
            .crawl(&job.target_url)
            .await
            .map_err(|e| format!("{}: {e}", e.code()))?;
        job.mapped_urls = site
            .pages
            .iter()
            .filter(|p| (200..300).contains(&p.status))
            .map(|p| p.url.clone())
            .collect();
        if job.mapped_urls.is_empty() {
            return Err("no_pages: the site answered no page".into());
        }
        Ok(())
    }

    fn filter_urls(&self, job: &mut AuditJob) -> Result<(), String> {
        job.selected_urls = select_audit_pages(&job.mapped_urls, self.config.max_pages);
        if job.selected_urls.is_empty() {
            return Err("no_pages: every mapped page was filtered out".into());
        }
        Ok(())
    }

    async fn scrape_content(&self, job: &mut AuditJob) -> Result<(), String> {
        job.pages.clear();
        for url in &job.selected_urls {
            match self.fetcher.fetch(url).await {
                Ok(p) if (200..300).contains(&p.status) => job.pages.push(Page {
                    url: p.url,
                    html: p.body,
                }),
                Ok(p) => tracing::debug!(url, status = p.status, "audit page skipped"),
                Err(e) => tracing::debug!(url, error = %e, "audit page skipped"),
            }
        }
        if job.pages.is_empty() {
            return Err("no_pages: no selected page could be fetched".into());
        }
        Ok(())
    }

    async fn generate_dossier(&self, job: &mut AuditJob, current_year: i32) -> Result<(), String> {
        let report: AuditReport = audit::audit_site(&job.pages, current_year, &self.config.audit)
            .map_err(|e| format!("{}: {e}", e.code()))?;
        let qualifier = Qualifier::new(self.config.qualify.clone())
            .map_err(|e| format!("{}: {e}", e.code()))?;
        let outcome = report.resolve(&job.initial_signals, &qualifier);
        let fit_reason = audit::fit_reason(&outcome.signals, &self.config.fit)
            .map_err(|e| format!("{}: {e}", e.code()))?;
        let text = self.dossier_text(job, &report.gaps, &fit_reason).await;
        job.dossier = Some(Dossier {
            summary: text.summary,
            identified_gaps: report.gaps,
            talking_points: text.talking_points,
            written_by: text.written_by,
            signals: outcome.signals,
            fit_reason,
            email: report.best_email,
        });
        Ok(())
    }

    /// The model's dossier if it answers in time with one that passes the core's checks,
    /// else the deterministic one.
    async fn dossier_text(&self, job: &AuditJob, gaps: &[Gap], fit_reason: &str) -> DossierText {
        let fallback = || {
            llm::deterministic_dossier(&job.business_name, fit_reason, gaps, &self.config.limits)
        };
        let Some(model) = &self.llm else {
            return fallback();
        };
        let texts: Vec<(String, String)> = job
            .pages
            .iter()
            .map(|p| {
                (
                    p.url.clone(),
                    page_text(&p.html, self.config.max_page_chars),
                )
            })
            .collect();
        let prompt = llm::dossier_prompt(&job.business_name, gaps, &texts, &self.config.limits);
        match model.chat(&prompt, true).await {
            Ok(answer) => match llm::parse_dossier(&answer, gaps, &self.config.limits) {
                Ok(d) => d,
                Err(e) => {
                    tracing::warn!(target: "phonestorm", code = e.code(), error = %e, "dossier answer rejected; deterministic text used");
                    fallback()
                }
            },
            Err(e) => {
                tracing::warn!(target: "phonestorm", code = e.code(), error = %e, "dossier model unavailable; deterministic text used");
                fallback()
            }
        }
    }
}
