//! Domains (`phonestorm_core::domain`): canonical/registrable domains, site kinds, ranking
//! search results, de-duplicating places.

use phonestorm_core::domain::{
    BusinessQuery, DomainConfig, DomainError, PSL_VERSION, RankConfig, SearchResult,
    analyze as core_analyze, canonical_domain as core_canonical_domain, dedupe_by_place_or_domain,
    host_of as core_host_of, rank_results as core_rank_results,
};
use pyo3::prelude::*;
use serde::Deserialize;

use crate::convert::{core_error, core_error_class, from_py, opt_from_py, to_py};

core_error_class!(DomainError => "DomainError");

/// URL or host → DomainInfo dict (`host`, `domain`, `suffix`, `kind`, `identity`);
/// raises `DomainError`.
#[pyfunction]
#[pyo3(signature = (input, config = None))]
fn analyze_domain<'py>(
    py: Python<'py>,
    input: &str,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg: DomainConfig = opt_from_py(config)?;
    let info = core_analyze(input, &cfg).map_err(|e| core_error(py, &e))?;
    to_py(py, &info)
}

/// URL or host → registrable domain (`https://www.joes.co.uk/x` → `joes.co.uk`).
#[pyfunction]
fn canonical_domain(py: Python<'_>, input: &str) -> PyResult<String> {
    core_canonical_domain(input).map_err(|e| core_error(py, &e))
}

/// URL or host → lower-case host without `www.`.
#[pyfunction]
fn host_of(py: Python<'_>, input: &str) -> PyResult<String> {
    core_host_of(input).map_err(|e| core_error(py, &e))
}

/// Business + search results → Candidate dicts, best first.
#[pyfunction]
#[pyo3(signature = (business, results, config = None))]
fn rank_results<'py>(
    py: Python<'py>,
    business: &Bound<'py, PyAny>,
    results: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let query: BusinessQuery = from_py(business)?;
    let results: Vec<SearchResult> = from_py(results)?;
    let cfg: RankConfig = opt_from_py(config)?;
    let ranked = py.detach(|| core_rank_results(&query, &results, &cfg));
    to_py(py, &ranked)
}

/// One item for [`dedupe_places`].
#[derive(Deserialize)]
struct PlaceRef {
    #[serde(default)]
    place_id: Option<String>,
    #[serde(default)]
    website: Option<String>,
}

/// Items `{place_id, website}` → `(kept indices, dropped [{index, key, value}])`: later
/// duplicates of a place id or a site identity are dropped.
#[pyfunction]
#[pyo3(signature = (items, config = None))]
fn dedupe_places<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let items: Vec<PlaceRef> = from_py(items)?;
    let cfg: DomainConfig = opt_from_py(config)?;
    let out = dedupe_by_place_or_domain(
        &items,
        |i| i.place_id.as_deref(),
        |i| i.website.as_deref(),
        &cfg,
    );
    to_py(py, &out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("PSL_VERSION", PSL_VERSION)?;
    m.add_function(wrap_pyfunction!(analyze_domain, m)?)?;
    m.add_function(wrap_pyfunction!(canonical_domain, m)?)?;
    m.add_function(wrap_pyfunction!(host_of, m)?)?;
    m.add_function(wrap_pyfunction!(rank_results, m)?)?;
    m.add_function(wrap_pyfunction!(dedupe_places, m)?)?;
    Ok(())
}
