//! Qualification (`phonestorm_core::qualify`): Places records, signals, scores, opportunities.

use phonestorm_core::qualify::{
    Campaign, Opportunity, Outcome, Place, Qualifier, QualifyConfig, QualifyError, Signal,
    select_for_audit as core_select_for_audit,
};
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert::{core_error, core_error_class, from_py, opt_from_py, to_py};

core_error_class!(QualifyError => "QualifyError");

/// Reads a QualifyConfig and builds the core's Qualifier (which checks it).
pub(crate) fn qualifier(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Qualifier> {
    let cfg: QualifyConfig = opt_from_py(config)?;
    Qualifier::new(cfg).map_err(|e| core_error(py, &e))
}

/// A raw Places record (new or legacy API shape) → Place dict; raises `QualifyError`.
#[pyfunction]
fn parse_place<'py>(py: Python<'py>, place: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let raw: Value = from_py(place)?;
    let place = Place::from_json(&raw).map_err(|e| core_error(py, &e))?;
    to_py(py, &place)
}

/// A raw Places record → Opportunity dict, or `{place_id, name, discarded}`.
#[pyfunction]
#[pyo3(signature = (place, config = None, campaign = None))]
fn qualify_place<'py>(
    py: Python<'py>,
    place: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
    campaign: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let q = qualifier(py, config)?;
    let campaign: Campaign = opt_from_py(campaign)?;
    let raw: Value = from_py(place)?;
    let outcome = Place::from_json(&raw)
        .and_then(|p| q.qualify(&p, &campaign))
        .map_err(|e| core_error(py, &e))?;
    to_py(py, &outcome)
}

/// Many raw records at once, without the GIL: one outcome dict, or `{"error", "code"}` for
/// a record the core refuses, per record (a bad record does not fail the batch).
#[pyfunction]
#[pyo3(signature = (places, config = None, campaign = None))]
fn qualify_places_many<'py>(
    py: Python<'py>,
    places: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
    campaign: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let q = qualifier(py, config)?;
    let campaign: Campaign = opt_from_py(campaign)?;
    let raw: Vec<Value> = from_py(places)?;
    let out: Vec<Value> = py.detach(|| {
        raw.iter()
            .map(
                |v| match Place::from_json(v).and_then(|p| q.qualify(&p, &campaign)) {
                    Ok(Outcome::Kept(o)) => serde_json::to_value(o).unwrap_or(Value::Null),
                    Ok(Outcome::Discarded(d)) => serde_json::to_value(d).unwrap_or(Value::Null),
                    Err(e) => serde_json::json!({"error": e.to_string(), "code": e.code()}),
                },
            )
            .collect()
    });
    to_py(py, &out)
}

/// The qualification score of a set of signals under `config`.
#[pyfunction]
#[pyo3(signature = (signals, config = None))]
fn qualification_score(
    py: Python<'_>,
    signals: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<f64> {
    let signals: Vec<Signal> = from_py(signals)?;
    Ok(qualifier(py, config)?.score(&signals))
}

/// The signals `config` looks for (its criteria, in order).
#[pyfunction]
#[pyo3(signature = (config = None))]
fn wanted_signals<'py>(
    py: Python<'py>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, qualifier(py, config)?.wanted())
}

/// Indices of the opportunities to deep-audit, best first.
#[pyfunction]
#[pyo3(signature = (opportunities, config = None))]
fn select_for_audit(
    py: Python<'_>,
    opportunities: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<usize>> {
    let opps: Vec<Opportunity> = from_py(opportunities)?;
    let q = qualifier(py, config)?;
    Ok(core_select_for_audit(&opps, q.config()))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_place, m)?)?;
    m.add_function(wrap_pyfunction!(qualify_place, m)?)?;
    m.add_function(wrap_pyfunction!(qualify_places_many, m)?)?;
    m.add_function(wrap_pyfunction!(qualification_score, m)?)?;
    m.add_function(wrap_pyfunction!(wanted_signals, m)?)?;
    m.add_function(wrap_pyfunction!(select_for_audit, m)?)?;
    Ok(())
}
