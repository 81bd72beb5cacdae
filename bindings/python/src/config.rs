//! Config objects: the core's defaults and a validating round trip, by config name.
//!
//! Every config struct of the core is serde with defaults, so one name → type table serves
//! the Python `Config` classes. Configs with their own checks (`validate`, `Qualifier::new`)
//! are checked here too, so a bad value raises when the Python object is built.

use phonestorm_core::audit::{AuditConfig, FitConfig};
use phonestorm_core::compliance::Policy;
use phonestorm_core::domain::{DomainConfig, RankConfig};
use phonestorm_core::email::EmailConfig;
use phonestorm_core::lead::LeadConfig;
use phonestorm_core::message::{SmsConfig, SuggestConfig};
use phonestorm_core::phone::score::ScoreConfig;
use phonestorm_core::qualify::{Campaign, Qualifier, QualifyConfig};
use phonestorm_core::reply::ReplyConfig;
use phonestorm_core::workflow::{ProgressConfig, RetryPolicy, SourceConfig};
use pyo3::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::convert::{core_error, error, from_py, to_py};

/// A core config type: read from a dict, checked, written back with every default filled.
trait CoreConfig: DeserializeOwned + Serialize + Default {
    /// The core's own check, if it has one.
    fn check(&self, _py: Python<'_>) -> PyResult<()> {
        Ok(())
    }
}

macro_rules! unchecked {
    ($($ty:ty),*) => {$(impl CoreConfig for $ty {})*};
}
unchecked!(
    ScoreConfig,
    EmailConfig,
    DomainConfig,
    RankConfig,
    Campaign,
    SourceConfig,
    ProgressConfig,
    FitConfig,
    AuditConfig,
    SmsConfig,
    SuggestConfig,
    Policy
);

impl CoreConfig for LeadConfig {
    fn check(&self, py: Python<'_>) -> PyResult<()> {
        self.validate().map_err(|e| core_error(py, &e))
    }
}

impl CoreConfig for RetryPolicy {
    fn check(&self, py: Python<'_>) -> PyResult<()> {
        self.validate().map_err(|e| core_error(py, &e))
    }
}

impl CoreConfig for ReplyConfig {
    fn check(&self, py: Python<'_>) -> PyResult<()> {
        self.validate().map_err(|e| core_error(py, &e))
    }
}

impl CoreConfig for QualifyConfig {
    fn check(&self, py: Python<'_>) -> PyResult<()> {
        Qualifier::new(self.clone())
            .map(drop)
            .map_err(|e| core_error(py, &e))
    }
}

fn defaults<T: CoreConfig>(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &T::default())
}

fn round_trip<'py, T: CoreConfig>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let config: T = from_py(value)?;
    config.check(value.py())?;
    to_py(value.py(), &config)
}

/// Calls `$f::<Type>($arg)` for the config named `$kind`.
macro_rules! by_kind {
    ($kind:expr, $f:ident, $arg:expr, $py:expr) => {
        match $kind {
            "score" => $f::<ScoreConfig>($arg),
            "email" => $f::<EmailConfig>($arg),
            "domain" => $f::<DomainConfig>($arg),
            "rank" => $f::<RankConfig>($arg),
            "lead" => $f::<LeadConfig>($arg),
            "qualify" => $f::<QualifyConfig>($arg),
            "campaign" => $f::<Campaign>($arg),
            "source" => $f::<SourceConfig>($arg),
            "progress" => $f::<ProgressConfig>($arg),
            "retry" => $f::<RetryPolicy>($arg),
            "fit" => $f::<FitConfig>($arg),
            "audit" => $f::<AuditConfig>($arg),
            "policy" => $f::<Policy>($arg),
            "reply" => $f::<ReplyConfig>($arg),
            "sms" => $f::<SmsConfig>($arg),
            "suggest" => $f::<SuggestConfig>($arg),
            other => Err(unknown($py, other)),
        }
    };
}

/// The default config named `kind`, as a dict.
#[pyfunction]
fn config_defaults<'py>(py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    by_kind!(kind, defaults, py, py)
}

/// Reads `value` as the config named `kind` (raising `InvalidConfigError`, or the core's
/// error for a config it refuses) and returns it as the core sees it.
#[pyfunction]
fn config_check<'py>(kind: &str, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    by_kind!(kind, round_trip, value, value.py())
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
