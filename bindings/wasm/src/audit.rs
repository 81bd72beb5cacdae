//! Website audit and `fit_reason` (`phonestorm_core::audit`).

use phonestorm_core::audit::{
    AuditConfig, AuditError, FitConfig, Page, audit_site as core_audit_site,
    fit_reason as core_fit_reason, resolve_signals as core_resolve_signals,
};
use phonestorm_core::qualify::Signal;
use wasm_bindgen::prelude::*;

use crate::convert::{
    camelize, core_error, core_errors, from_js, from_js_or_default, json_to_js, to_js, to_json,
};
use crate::qualify::qualifier;

core_errors!(AuditError);

/// Pages (`[{ url, html }]`, home page first or at the root URL) and the caller's year →
/// `{ gaps, signals, emails, bestEmail, pages }`. Each gap keeps seed 001's
/// `audit_dossier.identified_gaps` shape `{ key, value, source_url }`. Throws `no_pages`,
/// `bad_url`.
#[wasm_bindgen(js_name = auditSite)]
pub fn audit_site(pages: JsValue, current_year: i32, config: JsValue) -> Result<JsValue, JsValue> {
    let pages: Vec<Page> = from_js(pages)?;
    let config: AuditConfig = from_js_or_default(config)?;
    let report = core_audit_site(&pages, current_year, &config).map_err(|e| core_error(&e))?;
    let mut json = to_json(&report)?;
    camelize(&mut json);
    json["gaps"] = to_json(&report.gaps)?;
    json_to_js(&json)
}

/// The deterministic `fit_reason` sentence for a list of signal names.
#[wasm_bindgen(js_name = fitReason)]
pub fn fit_reason(signals: JsValue, config: JsValue) -> Result<String, JsValue> {
    let signals: Vec<Signal> = from_js(signals)?;
    let config: FitConfig = from_js_or_default(config)?;
    core_fit_reason(&signals, &config).map_err(|e| core_error(&e))
}

/// Confirms or clears NEEDS_WEB_AUDIT against the agency's criteria (a qualify config)
/// and appends the deep signals: `{ signals, confirmed }`.
#[wasm_bindgen(js_name = resolveSignals)]
pub fn resolve_signals(
    initial: JsValue,
    deep: JsValue,
    config: JsValue,
) -> Result<JsValue, JsValue> {
    let initial: Vec<Signal> = from_js(initial)?;
    let deep: Vec<Signal> = from_js(deep)?;
    to_js(&core_resolve_signals(&initial, &deep, &qualifier(config)?))
}

/// The default audit config (call-to-action phrases, LocalBusiness types), camelCase.
#[wasm_bindgen(js_name = defaultAuditConfig)]
pub fn default_audit_config() -> Result<JsValue, JsValue> {
    to_js(&AuditConfig::default())
}

/// The default `fit_reason` phrases, keyed by signal name.
#[wasm_bindgen(js_name = defaultFitConfig)]
pub fn default_fit_config() -> Result<JsValue, JsValue> {
    to_js(&FitConfig::default())
}
