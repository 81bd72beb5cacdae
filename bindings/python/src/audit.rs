//! Website audits (`phonestorm_core::audit`): gaps, deep signals, the fit reason.

use phonestorm_core::audit::{
    AuditConfig, AuditError, FitConfig, Page, audit_site as core_audit_site,
    fit_reason as core_fit_reason, resolve_signals as core_resolve_signals,
};
use phonestorm_core::qualify::Signal;
use pyo3::prelude::*;

use crate::convert::{core_error, core_error_class, from_py, opt_from_py, to_py};
use crate::qualify::qualifier;

core_error_class!(AuditError => "AuditError");

/// Pages `[{url, html}]` of one site → AuditReport dict; raises `AuditError`.
#[pyfunction]
#[pyo3(signature = (pages, current_year, config = None))]
fn audit_site<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    current_year: i32,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let pages: Vec<Page> = from_py(pages)?;
    let cfg: AuditConfig = opt_from_py(config)?;
    let report = py
        .detach(|| core_audit_site(&pages, current_year, &cfg))
        .map_err(|e| core_error(py, &e))?;
    to_py(py, &report)
}

/// Initial (Places) signals + deep (audit) signals → `{signals, confirmed}` under the
/// qualify `config`.
#[pyfunction]
#[pyo3(signature = (initial, deep, config = None))]
fn resolve_signals<'py>(
    py: Python<'py>,
    initial: &Bound<'py, PyAny>,
    deep: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let initial: Vec<Signal> = from_py(initial)?;
    let deep: Vec<Signal> = from_py(deep)?;
    let q = qualifier(py, config)?;
    to_py(py, &core_resolve_signals(&initial, &deep, &q))
}

/// Signals → the opportunity's `fit_reason` sentence; raises `AuditError`.
#[pyfunction]
#[pyo3(signature = (signals, config = None))]
fn fit_reason(
    py: Python<'_>,
    signals: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let signals: Vec<Signal> = from_py(signals)?;
    let cfg: FitConfig = opt_from_py(config)?;
    core_fit_reason(&signals, &cfg).map_err(|e| core_error(py, &e))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(audit_site, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_signals, m)?)?;
    m.add_function(wrap_pyfunction!(fit_reason, m)?)?;
    Ok(())
}
