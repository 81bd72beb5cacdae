//! Registrable domains, site kinds, search-result ranking, place dedupe
//! (`phonestorm_core::domain`).

use phonestorm_core::domain::{
    BusinessQuery, DomainConfig, DomainError, Dropped, PSL_VERSION, RankConfig, SearchResult,
    analyze, canonical_domain as core_canonical_domain, dedupe_by_place_or_domain,
    host_of as core_host_of, rank_results as core_rank_results,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, core_errors, from_js, from_js_or_default, to_js};

core_errors!(DomainError);

/// URL or host → `{ host, domain, suffix, kind, identity }`; throws `empty`, `invalid_url`,
/// `no_host`, `ip_address`, `not_registrable`.
#[wasm_bindgen(js_name = analyzeDomain)]
pub fn analyze_domain(input: &str, config: JsValue) -> Result<JsValue, JsValue> {
    let config: DomainConfig = from_js_or_default(config)?;
    let info = analyze(input, &config).map_err(|e| core_error(&e))?;
    to_js(&info)
}

/// URL or host → canonical registrable domain (`https://www.Joes.co.uk/x` → `joes.co.uk`).
#[wasm_bindgen(js_name = canonicalDomain)]
pub fn canonical_domain(input: &str) -> Result<String, JsValue> {
    core_canonical_domain(input).map_err(|e| core_error(&e))
}

/// URL or host → lowercased host (`HTTPS://WWW.Example.COM./a` → `www.example.com`).
#[wasm_bindgen(js_name = hostOf)]
pub fn host_of(input: &str) -> Result<String, JsValue> {
    core_host_of(input).map_err(|e| core_error(&e))
}

/// Date of the bundled public suffix list.
#[wasm_bindgen(js_name = pslVersion)]
pub fn psl_version() -> String {
    PSL_VERSION.to_string()
}

/// Search results for a business → candidates best first
/// (`{ url, domain, kind, confidence, reasons, position }`).
#[wasm_bindgen(js_name = rankResults)]
pub fn rank_results(
    business: JsValue,
    results: JsValue,
    config: JsValue,
) -> Result<JsValue, JsValue> {
    let business: BusinessQuery = from_js(business)?;
    let results: Vec<SearchResult> = from_js(results)?;
    let config: RankConfig = from_js_or_default(config)?;
    to_js(&core_rank_results(&business, &results, &config))
}

/// One item to dedupe: its Google place id and website, as Convex rows hold them.
#[derive(Deserialize)]
struct DedupeItem {
    #[serde(default)]
    place_id: Option<String>,
    #[serde(default)]
    website: Option<String>,
}

#[derive(Serialize)]
struct DedupeOut {
    kept: Vec<usize>,
    dropped: Vec<Dropped>,
}

/// `[{ placeId, website }]` → `{ kept: indices, dropped: [{ index, key, value }] }`: the
/// first of items sharing a place id or a canonical domain is kept (seed 001 `source`).
#[wasm_bindgen(js_name = dedupePlaces)]
pub fn dedupe_places(items: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let items: Vec<DedupeItem> = from_js(items)?;
    let config: DomainConfig = from_js_or_default(config)?;
    let (kept, dropped) = dedupe_by_place_or_domain(
        &items,
        |i| i.place_id.as_deref(),
        |i| i.website.as_deref(),
        &config,
    );
    to_js(&DedupeOut { kept, dropped })
}

/// The default domain lists (social, directories, site builders), camelCase.
#[wasm_bindgen(js_name = defaultDomainConfig)]
pub fn default_domain_config() -> Result<JsValue, JsValue> {
    to_js(&DomainConfig::default())
}
