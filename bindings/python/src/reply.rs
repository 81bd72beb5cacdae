//! Reply rules (`phonestorm_core::reply`): keywords, intent, sentiment, the action to take.

use phonestorm_core::reply::{
    Classification, ReplyConfig, ReplyError, classify, decide,
    detect_keyword as core_detect_keyword, intent_by_keywords as core_intent_by_keywords,
    normalize, sentiment, tokens,
};
use pyo3::prelude::*;
use serde::Serialize;

use crate::convert::{core_error, core_error_class, from_py, opt_from_py, to_py};

core_error_class!(ReplyError => "ReplyError");

/// Reads a ReplyConfig and checks it (`ReplyConfig::validate`).
fn reply_config(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<ReplyConfig> {
    let cfg: ReplyConfig = opt_from_py(config)?;
    cfg.validate().map_err(|e| core_error(py, &e))?;
    Ok(cfg)
}

#[derive(Serialize)]
struct ReplyOut {
    #[serde(flatten)]
    classification: Classification,
    action: phonestorm_core::reply::Action,
}

fn classify_one(text: &str, cfg: &ReplyConfig) -> ReplyOut {
    let classification = classify(text, cfg);
    let action = decide(&classification, &cfg.decision);
    ReplyOut {
        classification,
        action,
    }
}

/// Inbound reply text → classification dict plus the decision-table `action`.
#[pyfunction]
#[pyo3(signature = (text, config = None))]
fn classify_reply<'py>(
    py: Python<'py>,
    text: &str,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg = reply_config(py, config)?;
    to_py(py, &classify_one(text, &cfg))
}

/// Many replies at once, without the GIL.
#[pyfunction]
#[pyo3(signature = (texts, config = None))]
fn classify_reply_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg = reply_config(py, config)?;
    let out: Vec<ReplyOut> = py.detach(|| texts.iter().map(|t| classify_one(t, &cfg)).collect());
    to_py(py, &out)
}

/// The action for a classification dict (`intent`, `keyword`, `confidence`, `sentiment`,
/// `evidence`) under the decision table.
#[pyfunction]
#[pyo3(signature = (classification, config = None))]
fn decide_reply<'py>(
    py: Python<'py>,
    classification: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let c: Classification = from_py(classification)?;
    let cfg = reply_config(py, config)?;
    to_py(py, &decide(&c, &cfg.decision))
}

/// The opt-out/opt-in/help keyword of a reply: `{keyword, matched, exact}` or None.
#[pyfunction]
#[pyo3(signature = (text, config = None))]
fn detect_keyword<'py>(
    py: Python<'py>,
    text: &str,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg = reply_config(py, config)?;
    to_py(py, &core_detect_keyword(text, &cfg.keywords))
}

/// The keyword-cue intent guess `{intent, confidence, evidence}`.
#[pyfunction]
#[pyo3(signature = (text, config = None))]
fn intent_by_keywords<'py>(
    py: Python<'py>,
    text: &str,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg = reply_config(py, config)?;
    to_py(py, &core_intent_by_keywords(text, &cfg.intent))
}

/// Sentiment of a reply in [-1, 1].
#[pyfunction]
fn reply_sentiment(text: &str) -> f64 {
    sentiment(text)
}

/// A reply as the rules see it (lower case, no accents or punctuation, bounded length).
#[pyfunction]
fn normalize_reply(text: &str) -> String {
    normalize(text)
}

/// The words of a normalised reply.
#[pyfunction]
fn reply_tokens(text: &str) -> Vec<String> {
    tokens(text)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("REPLY_MAX_CHARS", phonestorm_core::reply::MAX_CHARS)?;
    m.add_function(wrap_pyfunction!(classify_reply, m)?)?;
    m.add_function(wrap_pyfunction!(classify_reply_many, m)?)?;
    m.add_function(wrap_pyfunction!(decide_reply, m)?)?;
    m.add_function(wrap_pyfunction!(detect_keyword, m)?)?;
    m.add_function(wrap_pyfunction!(intent_by_keywords, m)?)?;
    m.add_function(wrap_pyfunction!(reply_sentiment, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_reply, m)?)?;
    m.add_function(wrap_pyfunction!(reply_tokens, m)?)?;
    Ok(())
}
