//! Messages (`phonestorm_core::message`): templates, SMS and email composition, GSM-7
//! segments, LLM output cleanup, suggested SMS and call scripts.

use std::collections::BTreeMap;

use phonestorm_core::message::{
    CanSpamFooter, DEFAULT_EMAIL_MAX_WORDS, MessageError, SmsConfig, SuggestConfig,
    clean_llm_output as core_clean_llm_output, compose_email as core_compose_email,
    compose_sms as core_compose_sms, confidence_tag as core_confidence_tag,
    gsm_safe as core_gsm_safe, is_gsm as core_is_gsm, render, segments as core_segments,
    suggested_call_script as core_suggested_call_script, suggested_sms as core_suggested_sms,
    variables,
};
use phonestorm_core::phone::PhoneType;
use pyo3::prelude::*;

use crate::convert::{core_error, core_error_class, from_py, opt_from_py, to_py};

core_error_class!(MessageError => "MessageError");

/// `{name}`-style template + variables → text; raises `MessageError`.
#[pyfunction]
fn render_template(
    py: Python<'_>,
    template: &str,
    vars: BTreeMap<String, String>,
) -> PyResult<String> {
    render(template, &vars).map_err(|e| core_error(py, &e))
}

/// The variable names of a template, in order; raises `MessageError`.
#[pyfunction]
fn template_variables(py: Python<'_>, template: &str) -> PyResult<Vec<String>> {
    variables(template).map_err(|e| core_error(py, &e))
}

/// How an SMS body is split: `{encoding, units, count, parts}`.
#[pyfunction]
fn segments<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &core_segments(text))
}

/// `text` with every non-GSM-7 character transliterated or dropped.
#[pyfunction]
fn gsm_safe(text: &str) -> String {
    core_gsm_safe(text)
}

/// Whether every character of `text` is in the GSM-7 alphabet.
#[pyfunction]
fn is_gsm(text: &str) -> bool {
    core_is_gsm(text)
}

/// SMS body → Sms dict (`text` with the opt-out footer, `chars`, `encoding`, `segments`);
/// raises `MessageError`.
#[pyfunction]
#[pyo3(signature = (body, config = None))]
fn compose_sms<'py>(
    py: Python<'py>,
    body: &str,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg: SmsConfig = opt_from_py(config)?;
    let sms = core_compose_sms(body, &cfg).map_err(|e| core_error(py, &e))?;
    to_py(py, &sms)
}

/// Subject + body + CAN-SPAM footer (`{sender_name, postal_address, unsubscribe_url}`) →
/// `{subject, text}`; raises `MessageError`.
#[pyfunction]
#[pyo3(signature = (subject, body, footer, max_words = DEFAULT_EMAIL_MAX_WORDS))]
fn compose_email<'py>(
    py: Python<'py>,
    subject: &str,
    body: &str,
    footer: &Bound<'py, PyAny>,
    max_words: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let footer: CanSpamFooter = from_py(footer)?;
    let email =
        core_compose_email(subject, body, &footer, max_words).map_err(|e| core_error(py, &e))?;
    to_py(py, &email)
}

/// LLM draft → plain message text (quotes, preambles, markdown and sign-offs removed).
#[pyfunction]
fn clean_llm_output(text: &str) -> String {
    core_clean_llm_output(text)
}

/// The lead-table tag for a number's line type and confidence ("Mobile – High Direct Value").
#[pyfunction]
#[pyo3(signature = (phone_type, confidence, config = None))]
fn confidence_tag(
    phone_type: &Bound<'_, PyAny>,
    confidence: f64,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<&'static str> {
    let kind: PhoneType = from_py(phone_type)?;
    let cfg: SuggestConfig = opt_from_py(config)?;
    Ok(core_confidence_tag(kind, confidence, &cfg))
}

/// The Suggested SMS for a lead; raises `MessageError`.
#[pyfunction]
#[pyo3(signature = (name, signal_context, config = None))]
fn suggested_sms(
    py: Python<'_>,
    name: &str,
    signal_context: &str,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let cfg: SuggestConfig = opt_from_py(config)?;
    core_suggested_sms(name, signal_context, &cfg).map_err(|e| core_error(py, &e))
}

/// The Suggested Call Script for a lead; raises `MessageError`.
#[pyfunction]
#[pyo3(signature = (name, signal_context, config = None))]
fn suggested_call_script(
    py: Python<'_>,
    name: &str,
    signal_context: &str,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let cfg: SuggestConfig = opt_from_py(config)?;
    core_suggested_call_script(name, signal_context, &cfg).map_err(|e| core_error(py, &e))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("DEFAULT_EMAIL_MAX_WORDS", DEFAULT_EMAIL_MAX_WORDS)?;
    m.add_function(wrap_pyfunction!(render_template, m)?)?;
    m.add_function(wrap_pyfunction!(template_variables, m)?)?;
    m.add_function(wrap_pyfunction!(segments, m)?)?;
    m.add_function(wrap_pyfunction!(gsm_safe, m)?)?;
    m.add_function(wrap_pyfunction!(is_gsm, m)?)?;
    m.add_function(wrap_pyfunction!(compose_sms, m)?)?;
    m.add_function(wrap_pyfunction!(compose_email, m)?)?;
    m.add_function(wrap_pyfunction!(clean_llm_output, m)?)?;
    m.add_function(wrap_pyfunction!(confidence_tag, m)?)?;
    m.add_function(wrap_pyfunction!(suggested_sms, m)?)?;
    m.add_function(wrap_pyfunction!(suggested_call_script, m)?)?;
    Ok(())
}
