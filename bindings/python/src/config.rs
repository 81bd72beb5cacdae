//! Config objects: the core's defaults and a validating round trip, by config name.

use phonestorm_core::phone::score::ScoreConfig;
use pyo3::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::convert::{error, from_py, to_py};

fn round_trip<'py, T: DeserializeOwned + Serialize>(
    value: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let config: T = from_py(value)?;
    to_py(value.py(), &config)
}

/// The default config named `kind`, as a dict.
#[pyfunction]
fn config_defaults<'py>(py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    match kind {
        "score" => to_py(py, &ScoreConfig::default()),
        _ => Err(unknown(py, kind)),
    }
}

/// Reads `value` as the config named `kind` (raising `InvalidConfigError`) and returns it
/// as the core sees it.
#[pyfunction]
fn config_check<'py>(kind: &str, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    match kind {
        "score" => round_trip::<ScoreConfig>(value),
        _ => Err(unknown(value.py(), kind)),
    }
}

fn unknown(py: Python<'_>, kind: &str) -> PyErr {
    error(
        py,
        "InvalidConfigError",
        "invalid_config",
        format!("unknown config kind {kind:?}"),
    )
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(config_defaults, m)?)?;
    m.add_function(wrap_pyfunction!(config_check, m)?)?;
    Ok(())
}
