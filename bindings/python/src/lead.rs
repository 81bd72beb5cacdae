//! Leads (`phonestorm_core::lead`): enrichment status, priority, cycle plan, admin filters.

use phonestorm_core::lead::{
    AdminFilter, EnrichmentStatus, LeadConfig, LeadError, LeadEvent,
    admin_filter as core_admin_filter, is_customer_visible as core_is_customer_visible,
    is_high_value as core_is_high_value, mark_outbound_sent as core_mark_outbound_sent,
    next_status as core_next_status, plan_cycle as core_plan_cycle, priority as core_priority,
};
use pyo3::prelude::*;

use crate::convert::{core_error, core_error_class, from_py, opt_from_py, to_py};

core_error_class!(LeadError => "LeadError");

/// Reads a LeadConfig and checks it (`LeadConfig::validate`).
pub(crate) fn lead_config(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<LeadConfig> {
    let cfg: LeadConfig = opt_from_py(config)?;
    cfg.validate().map_err(|e| core_error(py, &e))?;
    Ok(cfg)
}

fn status(value: &Bound<'_, PyAny>) -> PyResult<EnrichmentStatus> {
    from_py(value)
}

/// The status after an enrichment pass (`"PENDING"` + phone, no email → `"WITH_PHONE_ONLY"`).
#[pyfunction]
fn next_status(current: &Bound<'_, PyAny>, has_phone: bool, has_email: bool) -> PyResult<String> {
    Ok(core_next_status(status(current)?, has_phone, has_email)
        .as_str()
        .to_string())
}

/// The status after an outbound message; raises `LeadError` (`illegal_transition`).
#[pyfunction]
fn mark_outbound_sent(py: Python<'_>, current: &Bound<'_, PyAny>) -> PyResult<String> {
    core_mark_outbound_sent(status(current)?)
        .map(|s| s.as_str().to_string())
        .map_err(|e| core_error(py, &e))
}

/// Whether customers see leads in `status` (never `WITH_PHONE_ONLY`).
#[pyfunction]
#[pyo3(signature = (status, config = None))]
fn is_customer_visible(
    py: Python<'_>,
    status: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    let cfg = lead_config(py, config)?;
    Ok(core_is_customer_visible(self::status(status)?, &cfg))
}

/// Checks a LeadEvent dict (`phone_confidence` within 0..=1); raises `LeadError`.
#[pyfunction]
fn check_lead(py: Python<'_>, lead: &Bound<'_, PyAny>) -> PyResult<()> {
    let lead: LeadEvent = from_py(lead)?;
    lead.check().map_err(|e| core_error(py, &e))
}

/// A lead's processing priority at `now_ms` (Unix ms): Priority dict.
#[pyfunction]
#[pyo3(signature = (lead, now_ms, config = None))]
fn priority<'py>(
    py: Python<'py>,
    lead: &Bound<'py, PyAny>,
    now_ms: i64,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let lead: LeadEvent = from_py(lead)?;
    let cfg = lead_config(py, config)?;
    to_py(py, &core_priority(&lead, now_ms, &cfg))
}

/// Which leads to process this cycle and which to archive: `{process, archive}` indices.
#[pyfunction]
#[pyo3(signature = (leads, now_ms, config = None))]
fn plan_cycle<'py>(
    py: Python<'py>,
    leads: &Bound<'py, PyAny>,
    now_ms: i64,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let leads: Vec<LeadEvent> = from_py(leads)?;
    let cfg = lead_config(py, config)?;
    let plan = py.detach(|| core_plan_cycle(&leads, now_ms, &cfg));
    to_py(py, &plan)
}

/// Whether the lead is a high-value phone lead (confidence and line type).
#[pyfunction]
#[pyo3(signature = (lead, config = None))]
fn is_high_value(
    py: Python<'_>,
    lead: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    let lead: LeadEvent = from_py(lead)?;
    let cfg = lead_config(py, config)?;
    Ok(core_is_high_value(&lead, &cfg))
}

/// Indices of the leads an admin filter (`WITH_PHONE_ONLY`, `PHONE_HIGH_VALUE`) shows.
#[pyfunction]
#[pyo3(signature = (leads, filter, config = None))]
fn admin_filter(
    py: Python<'_>,
    leads: &Bound<'_, PyAny>,
    filter: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<usize>> {
    let leads: Vec<LeadEvent> = from_py(leads)?;
    let filter: AdminFilter = from_py(filter)?;
    let cfg = lead_config(py, config)?;
    Ok(core_admin_filter(&leads, filter, &cfg))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(next_status, m)?)?;
    m.add_function(wrap_pyfunction!(mark_outbound_sent, m)?)?;
    m.add_function(wrap_pyfunction!(is_customer_visible, m)?)?;
    m.add_function(wrap_pyfunction!(check_lead, m)?)?;
    m.add_function(wrap_pyfunction!(priority, m)?)?;
    m.add_function(wrap_pyfunction!(plan_cycle, m)?)?;
    m.add_function(wrap_pyfunction!(is_high_value, m)?)?;
    m.add_function(wrap_pyfunction!(admin_filter, m)?)?;
    Ok(())
}
