//! Compliance (`phonestorm_core::compliance::check`) and reply rules
//! (`phonestorm_core::reply`), plain data in and out.

use jiff::Timestamp;
use phonestorm_core::compliance::{History, Outgoing, Policy, Recipient, check};
use phonestorm_core::reply::{ReplyConfig, classify, decide};
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

use crate::convert::{from_py, to_py};

/// One send to check: the compliance corpus case shape (testdata/README.md, compliance/).
#[derive(Deserialize)]
struct SendCheck {
    recipient: Recipient,
    #[serde(default)]
    outgoing: Outgoing,
    #[serde(default)]
    history: History,
    #[serde(default)]
    policy: Option<Policy>,
    at: Timestamp,
}

/// `{recipient, outgoing?, history?, policy?, at}` → `{decision, until, reasons}`;
/// bad shapes raise `InvalidConfigError`.
#[pyfunction]
fn check_send<'py>(py: Python<'py>, request: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let req: SendCheck = from_py(request)?;
    let policy = req.policy.unwrap_or_default();
    let decision = check(&policy, &req.recipient, &req.outgoing, &req.history, req.at);
    to_py(py, &decision.report())
}

#[derive(Serialize)]
struct ReplyOut {
    #[serde(flatten)]
    classification: phonestorm_core::reply::Classification,
    action: phonestorm_core::reply::Action,
}

/// Inbound reply text → classification dict plus the decision-table `action`.
#[pyfunction]
fn classify_reply<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let cfg = ReplyConfig::default();
    let classification = classify(text, &cfg);
    let action = decide(&classification, &cfg.decision);
    to_py(
        py,
        &ReplyOut {
            classification,
            action,
        },
    )
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_send, m)?)?;
    m.add_function(wrap_pyfunction!(classify_reply, m)?)?;
    Ok(())
}
