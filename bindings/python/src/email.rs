//! Emails (`phonestorm_core::email`): extraction from HTML and text, validation.

use phonestorm_core::email::{
    EmailConfig, EmailError, EmailFinding, EmailOptions, decode_cfemail as core_decode_cfemail,
    extract_emails as core_extract_emails, extract_emails_text as core_extract_emails_text,
    validate_email as core_validate_email,
};
use pyo3::prelude::*;

use crate::convert::{core_error, core_error_class, opt_from_py, to_py};

core_error_class!(EmailError => "EmailError");

/// Emails on an HTML page (`options`: `{base_url, page_kind}`): list of EmailFinding dicts.
#[pyfunction]
#[pyo3(signature = (html, options = None, config = None))]
fn extract_emails<'py>(
    py: Python<'py>,
    html: &str,
    options: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts: EmailOptions = opt_from_py(options)?;
    let cfg: EmailConfig = opt_from_py(config)?;
    let found = py.detach(|| core_extract_emails(html, &opts, &cfg));
    to_py(py, &found)
}

/// Many HTML pages at once, without the GIL: one list of EmailFinding dicts per page.
#[pyfunction]
#[pyo3(signature = (pages, options = None, config = None))]
fn extract_emails_many<'py>(
    py: Python<'py>,
    pages: Vec<String>,
    options: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts: EmailOptions = opt_from_py(options)?;
    let cfg: EmailConfig = opt_from_py(config)?;
    let found: Vec<Vec<EmailFinding>> = py.detach(|| {
        pages
            .iter()
            .map(|p| core_extract_emails(p, &opts, &cfg))
            .collect()
    });
    to_py(py, &found)
}

/// Emails in plain text: list of EmailFinding dicts.
#[pyfunction]
#[pyo3(signature = (text, config = None))]
fn extract_emails_text<'py>(
    py: Python<'py>,
    text: &str,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg: EmailConfig = opt_from_py(config)?;
    let found = py.detach(|| core_extract_emails_text(text, &cfg));
    to_py(py, &found)
}

/// One candidate address → Email dict; raises `EmailError`.
#[pyfunction]
#[pyo3(signature = (candidate, config = None))]
fn validate_email<'py>(
    py: Python<'py>,
    candidate: &str,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg: EmailConfig = opt_from_py(config)?;
    let email = core_validate_email(candidate, &cfg).map_err(|e| core_error(py, &e))?;
    to_py(py, &email)
}

/// A Cloudflare `data-cfemail` hex string → the address; raises `EmailError`.
#[pyfunction]
fn decode_cfemail(py: Python<'_>, hex: &str) -> PyResult<String> {
    core_decode_cfemail(hex).map_err(|e| core_error(py, &e))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_emails, m)?)?;
    m.add_function(wrap_pyfunction!(extract_emails_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_emails_text, m)?)?;
    m.add_function(wrap_pyfunction!(validate_email, m)?)?;
    m.add_function(wrap_pyfunction!(decode_cfemail, m)?)?;
    Ok(())
}
