//! The lead-generation workflow (`phonestorm_core::workflow`): source query, opportunity
//! lifecycle, flow progress, retry schedule.

use phonestorm_core::workflow::{
    FlowEvent, LeadGenFlow, OpportunityCounts, OpportunityStatus, PhaseState, ProgressConfig,
    RetryPolicy, SourceConfig, WorkflowError, clamp_num_leads as core_clamp_num_leads,
    progress as core_progress, text_query as core_text_query, transition as core_transition,
};
use pyo3::prelude::*;

use crate::convert::{core_error, core_error_class, from_py, opt_from_py, to_py};

core_error_class!(WorkflowError => "WorkflowError");

/// Reads a RetryPolicy and checks it (`RetryPolicy::validate`).
fn retry_policy(py: Python<'_>, policy: Option<&Bound<'_, PyAny>>) -> PyResult<RetryPolicy> {
    let p: RetryPolicy = opt_from_py(policy)?;
    p.validate().map_err(|e| core_error(py, &e))?;
    Ok(p)
}

/// The Places text query (`"plumber in Miami, FL"`); raises `WorkflowError`.
#[pyfunction]
fn text_query(py: Python<'_>, target_vertical: &str, target_geography: &str) -> PyResult<String> {
    core_text_query(target_vertical, target_geography).map_err(|e| core_error(py, &e))
}

/// `num_leads` clamped to the source's maximum; raises `WorkflowError` (`zero_leads`).
#[pyfunction]
#[pyo3(signature = (num_leads, config = None))]
fn clamp_num_leads(
    py: Python<'_>,
    num_leads: u32,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<u32> {
    let cfg: SourceConfig = opt_from_py(config)?;
    core_clamp_num_leads(num_leads, &cfg).map_err(|e| core_error(py, &e))
}

/// An opportunity's next status; raises `WorkflowError` (`illegal_transition`).
#[pyfunction]
fn transition(
    py: Python<'_>,
    from_status: &Bound<'_, PyAny>,
    to_status: &Bound<'_, PyAny>,
    has_website: bool,
) -> PyResult<String> {
    let from: OpportunityStatus = from_py(from_status)?;
    let to: OpportunityStatus = from_py(to_status)?;
    core_transition(from, to, has_website)
        .map(|s| s.as_str().to_string())
        .map_err(|e| core_error(py, &e))
}

/// Opportunity statuses → counts per status.
#[pyfunction]
fn opportunity_counts<'py>(
    py: Python<'py>,
    statuses: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let statuses: Vec<OpportunityStatus> = from_py(statuses)?;
    to_py(py, &OpportunityCounts::of(statuses))
}

/// Phase states + opportunity counts → the run's progress in [0, 1].
#[pyfunction]
#[pyo3(signature = (phases, counts, config = None))]
fn progress(
    py: Python<'_>,
    phases: &Bound<'_, PyAny>,
    counts: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<f64> {
    let phases: Vec<PhaseState> = from_py(phases)?;
    let counts: OpportunityCounts = from_py(counts)?;
    let cfg: ProgressConfig = opt_from_py(config)?;
    core_progress(&phases, &counts, &cfg).map_err(|e| core_error(py, &e))
}

/// A new `lead_gen_flow` run (every phase pending) as a dict.
#[pyfunction]
fn flow_new(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &LeadGenFlow::new())
}

/// The run after `event` (a FlowEvent dict, tagged by `event`); raises `WorkflowError`.
#[pyfunction]
fn flow_apply<'py>(
    py: Python<'py>,
    flow: &Bound<'py, PyAny>,
    event: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut flow: LeadGenFlow = from_py(flow)?;
    let event: FlowEvent = from_py(event)?;
    flow.apply(&event).map_err(|e| core_error(py, &e))?;
    to_py(py, &flow)
}

/// The run's progress in [0, 1].
#[pyfunction]
#[pyo3(signature = (flow, config = None))]
fn flow_progress(
    py: Python<'_>,
    flow: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<f64> {
    let flow: LeadGenFlow = from_py(flow)?;
    let cfg: ProgressConfig = opt_from_py(config)?;
    flow.progress(&cfg).map_err(|e| core_error(py, &e))
}

/// The run's opportunity counts per status.
#[pyfunction]
fn flow_counts<'py>(py: Python<'py>, flow: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let flow: LeadGenFlow = from_py(flow)?;
    to_py(py, &flow.counts())
}

/// Delay before retry number `retry` (0-based) with jitter from `seed`, or None when the
/// retries are used up; raises `WorkflowError` for a bad policy.
#[pyfunction]
#[pyo3(signature = (retry, seed = 0, policy = None))]
fn retry_delay_ms(
    py: Python<'_>,
    retry: u32,
    seed: u64,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<u64>> {
    Ok(retry_policy(py, policy)?.delay_ms(retry, seed))
}

/// Every retry delay of the policy, in order.
#[pyfunction]
#[pyo3(signature = (seed = 0, policy = None))]
fn retry_schedule_ms(
    py: Python<'_>,
    seed: u64,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<u64>> {
    Ok(retry_policy(py, policy)?.schedule_ms(seed))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(text_query, m)?)?;
    m.add_function(wrap_pyfunction!(clamp_num_leads, m)?)?;
    m.add_function(wrap_pyfunction!(transition, m)?)?;
    m.add_function(wrap_pyfunction!(opportunity_counts, m)?)?;
    m.add_function(wrap_pyfunction!(progress, m)?)?;
    m.add_function(wrap_pyfunction!(flow_new, m)?)?;
    m.add_function(wrap_pyfunction!(flow_apply, m)?)?;
    m.add_function(wrap_pyfunction!(flow_progress, m)?)?;
    m.add_function(wrap_pyfunction!(flow_counts, m)?)?;
    m.add_function(wrap_pyfunction!(retry_delay_ms, m)?)?;
    m.add_function(wrap_pyfunction!(retry_schedule_ms, m)?)?;
    Ok(())
}
