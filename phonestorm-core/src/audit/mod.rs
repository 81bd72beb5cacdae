//! Website audit (seed 001, phase 2): from a site's fetched pages, the gaps with the URL
//! that shows each (no viewport meta, no HTTPS, missing title or meta description, no call
//! to action, no click-to-call link, no contact form, no LocalBusiness structured data, no
//! email, stale copyright year), the contact emails found, the confirmation or clearing of
//! NEEDS_WEB_AUDIT, and a deterministic `fit_reason` sentence (the fallback when no LLM is
//! configured).

mod fit;
mod page;
mod select;
mod site;

pub use fit::{AuditOutcome, FitConfig, fit_reason, resolve_signals};
pub use select::{page_text, select_audit_pages};
pub use site::{AuditConfig, AuditReport, Gap, Page, audit_site};

/// Why an audit could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuditError {
    /// No pages were given.
    #[error("no pages to audit")]
    NoPages,
    /// A page URL does not parse.
    #[error("page URL does not parse: {0}")]
    BadUrl(String),
    /// A signal name in the config is unknown.
    #[error("unknown signal in config: {0}")]
    UnknownSignal(String),
}

impl AuditError {
    /// A stable snake_case code for this error (exposed by the bindings).
    pub fn code(&self) -> &'static str {
        match self {
            AuditError::NoPages => "no_pages",
            AuditError::BadUrl(_) => "bad_url",
            AuditError::UnknownSignal(_) => "unknown_signal",
        }
    }
}
