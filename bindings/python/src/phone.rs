//! The phone pipeline (`phonestorm_core::phone`): normalise, classify, score.

use std::collections::HashMap;

use phonestorm_core::phone::classify::{ClassifyInput, classify as core_classify};
use phonestorm_core::phone::normalize::normalize as core_normalize;
use phonestorm_core::phone::pipeline::{
    ExtractOptions, Finding, extract_phones as core_extract_phones,
    extract_phones_text as core_extract_phones_text,
};
use phonestorm_core::phone::score::{ScoreConfig, score_site as core_score_site};
use phonestorm_core::phone::{PhoneError, PhoneNumber, Sighting};
use pyo3::prelude::*;
use serde::Serialize;

use crate::convert::{CoreError, core_error, from_py, to_py};

impl CoreError for PhoneError {
    const CLASS: &'static str = "PhoneError";
    fn code(&self) -> &'static str {
        PhoneError::code(self)
    }
}

/// `text` → `{"e164", "extension"}`; raises `PhoneError`.
#[pyfunction]
#[pyo3(signature = (text, region = "US"))]
fn parse<'py>(py: Python<'py>, text: &str, region: &str) -> PyResult<Bound<'py, PyAny>> {
    let number = core_normalize(text, region).map_err(|e| core_error(py, &e))?;
    to_py(py, &number)
}

/// `text` → E.164 string; raises `PhoneError`.
#[pyfunction]
#[pyo3(signature = (text, region = "US"))]
fn normalize(py: Python<'_>, text: &str, region: &str) -> PyResult<String> {
    core_normalize(text, region)
        .map(|n| n.e164)
        .map_err(|e| core_error(py, &e))
}

/// Many strings at once, without the GIL: E.164 or None for each.
#[pyfunction]
#[pyo3(signature = (texts, region = "US"))]
fn normalize_many(py: Python<'_>, texts: Vec<String>, region: &str) -> Vec<Option<String>> {
    py.detach(|| {
        texts
            .iter()
            .map(|t| core_normalize(t, region).ok().map(|n| n.e164))
            .collect()
    })
}

/// `number` (dict) + `input` (dict: roles, line_type) → Classification dict.
#[pyfunction]
fn classify<'py>(
    py: Python<'py>,
    number: &Bound<'py, PyAny>,
    input: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let number: PhoneNumber = from_py(number)?;
    let input: ClassifyInput = from_py(input)?;
    to_py(py, &core_classify(&number, &input))
}

#[derive(Serialize)]
struct SiteScoreOut<'a> {
    #[serde(flatten)]
    score: &'a phonestorm_core::phone::score::SiteScore,
    lead_phone_fields: phonestorm_core::phone::LeadPhoneFields,
}

/// Sightings (list of dicts) + domain counts + config dict → SiteScore dict (with the
/// seed-000 `lead_phone_fields`).
#[pyfunction]
#[pyo3(signature = (sightings, domain_counts = None, config = None))]
fn score_site<'py>(
    py: Python<'py>,
    sightings: &Bound<'py, PyAny>,
    domain_counts: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let sightings: Vec<Sighting> = from_py(sightings)?;
    let counts: HashMap<String, u32> = match domain_counts {
        Some(c) if !c.is_none() => from_py(c)?,
        _ => HashMap::new(),
    };
    let config: ScoreConfig = match config {
        Some(c) if !c.is_none() => from_py(c)?,
        _ => ScoreConfig::default(),
    };
    let score = core_score_site(&sightings, &counts, &config);
    to_py(
        py,
        &SiteScoreOut {
            lead_phone_fields: score.lead_phone_fields(),
            score: &score,
        },
    )
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_many, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(score_site, m)?)?;
    register_pipeline(m)
}

/// Findings of one text, offsets turned into Python string indices.
fn findings_text(text: &str, opts: &ExtractOptions) -> Vec<Finding> {
    let mut found = core_extract_phones_text(text, opts);
    for f in &mut found {
        f.start = f.start.map(|b| char_index(text, b));
        f.end = f.end.map(|b| char_index(text, b));
    }
    found
}

/// Byte offset → Python string index (code points). Offsets inside a char clamp down.
fn char_index(text: &str, byte: usize) -> usize {
    let mut end = byte.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1; // terminates: 0 is always a boundary
    }
    text[..end].chars().count()
}

/// Numbers in plain text: list of Finding dicts (`start`/`end` are string indices).
#[pyfunction]
#[pyo3(signature = (text, options = None))]
fn extract_phones_text<'py>(
    py: Python<'py>,
    text: &str,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts: ExtractOptions = match options {
        Some(o) if !o.is_none() => from_py(o)?,
        _ => ExtractOptions::default(),
    };
    let found = py.detach(|| findings_text(text, &opts));
    to_py(py, &found)
}

/// Many texts at once, without the GIL: one list of Finding dicts per text.
#[pyfunction]
#[pyo3(signature = (texts, options = None))]
fn extract_phones_text_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts: ExtractOptions = match options {
        Some(o) if !o.is_none() => from_py(o)?,
        _ => ExtractOptions::default(),
    };
    let found: Vec<Vec<Finding>> =
        py.detach(|| texts.iter().map(|t| findings_text(t, &opts)).collect());
    to_py(py, &found)
}

pub(crate) fn register_pipeline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_phones_text, m)?)?;
    m.add_function(wrap_pyfunction!(extract_phones_text_many, m)?)?;
    register_html(m)
}

/// Numbers on an HTML page: list of Finding dicts.
#[pyfunction]
#[pyo3(signature = (html, options = None))]
fn extract_phones<'py>(
    py: Python<'py>,
    html: &str,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts: ExtractOptions = match options {
        Some(o) if !o.is_none() => from_py(o)?,
        _ => ExtractOptions::default(),
    };
    let found = py.detach(|| core_extract_phones(html, &opts));
    to_py(py, &found)
}

/// Many HTML pages at once, without the GIL: one list of Finding dicts per page.
#[pyfunction]
#[pyo3(signature = (pages, options = None))]
fn extract_phones_many<'py>(
    py: Python<'py>,
    pages: Vec<String>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts: ExtractOptions = match options {
        Some(o) if !o.is_none() => from_py(o)?,
        _ => ExtractOptions::default(),
    };
    let found: Vec<Vec<Finding>> = py.detach(|| {
        pages
            .iter()
            .map(|p| core_extract_phones(p, &opts))
            .collect()
    });
    to_py(py, &found)
}

fn register_html(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_phones, m)?)?;
    m.add_function(wrap_pyfunction!(extract_phones_many, m)?)?;
    Ok(())
}
