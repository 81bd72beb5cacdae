//! Lead qualification (`phonestorm_core::qualify`): Google Places records in, Convex
//! `client_opportunities` rows out.
//!
//! Both ends keep their host's field names, not camelCase: a place is read in either
//! Google Places shape (`displayName`, `internationalPhoneNumber` or the legacy
//! `international_phone_number`), and an opportunity is the seed 001 row (`place_id`,
//! `reviews_count`, `qualificationScore`, `targetVertical`...), ready for `ctx.db.insert`.

use phonestorm_core::qualify::{
    Campaign, Opportunity, Place, Qualifier, QualifyConfig, QualifyError, Signal,
    select_for_audit as core_select_for_audit,
};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::convert::{
    core_error, core_errors, from_js, from_js_or_default, from_js_raw, from_js_raw_or_default,
    to_js, to_js_raw,
};

core_errors!(QualifyError);

/// A validated qualifier from a camelCase config (`criteria`, `weights`, ...).
pub(crate) fn qualifier(config: JsValue) -> Result<Qualifier, JsValue> {
    let config: QualifyConfig = from_js_or_default(config)?;
    Qualifier::new(config).map_err(|e| core_error(&e))
}

/// One Places record → an opportunity row, or `{ place_id, name, discarded }` when the
/// hard phone filter drops it. `campaign`: `{ targetVertical, targetGeography }`.
#[wasm_bindgen(js_name = qualifyPlace)]
pub fn qualify_place(
    place: JsValue,
    campaign: JsValue,
    config: JsValue,
) -> Result<JsValue, JsValue> {
    let q = qualifier(config)?;
    let campaign: Campaign = from_js_raw_or_default(campaign)?;
    let place: Value = from_js_raw(place)?;
    let place = Place::from_json(&place).map_err(|e| core_error(&e))?;
    let outcome = q.qualify(&place, &campaign).map_err(|e| core_error(&e))?;
    to_js_raw(&outcome)
}

/// Many Places records with one config (parsed once): an outcome per record, in order.
/// A record that cannot be read throws, naming its index.
#[wasm_bindgen(js_name = qualifyPlaces)]
pub fn qualify_places(
    places: JsValue,
    campaign: JsValue,
    config: JsValue,
) -> Result<JsValue, JsValue> {
    let q = qualifier(config)?;
    let campaign: Campaign = from_js_raw_or_default(campaign)?;
    let places: Vec<Value> = from_js_raw(places)?;
    let mut out = Vec::with_capacity(places.len());
    for (i, p) in places.iter().enumerate() {
        let outcome = Place::from_json(p)
            .and_then(|p| q.qualify(&p, &campaign))
            .map_err(|e| crate::convert::js_error(e.code(), &format!("place {i}: {e}")))?;
        out.push(outcome);
    }
    to_js_raw(&out)
}

/// Sum of the weights of the wanted signals (the qualification score of a signal list).
#[wasm_bindgen(js_name = qualificationScore)]
pub fn qualification_score(signals: JsValue, config: JsValue) -> Result<f64, JsValue> {
    let signals: Vec<Signal> = from_js(signals)?;
    Ok(qualifier(config)?.score(&signals))
}

/// Indices of the opportunities (rows as returned by `qualifyPlace`) to deep-audit.
#[wasm_bindgen(js_name = selectForAudit)]
pub fn select_for_audit(opportunities: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let opportunities: Vec<Opportunity> = from_js_raw(opportunities)?;
    let config: QualifyConfig = from_js_or_default(config)?;
    to_js(&core_select_for_audit(&opportunities, &config))
}

/// The default qualification config (seed 001 weights), camelCase.
#[wasm_bindgen(js_name = defaultQualifyConfig)]
pub fn default_qualify_config() -> Result<JsValue, JsValue> {
    to_js(&QualifyConfig::default())
}
