//! The phone pipeline (`phonestorm_core::phone`): normalise, classify, score.

use std::collections::HashMap;

use phonestorm_core::phone::classify::{ClassifyInput, classify as core_classify};
use phonestorm_core::phone::normalize::normalize as core_normalize;
use phonestorm_core::phone::pipeline::{
    ExtractOptions, Finding, extract_phones as core_extract_phones,
    extract_phones_text as core_extract_phones_text,
};
use phonestorm_core::phone::score::{ScoreConfig, SiteScore, score_site as core_score_site};
use phonestorm_core::phone::{LeadPhoneFields, PhoneError, PhoneNumber, Sighting};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, core_errors, from_js, from_js_or_default, to_js, utf16_index};

core_errors!(PhoneError);

fn region_or_us(region: Option<String>) -> String {
    region.unwrap_or_else(|| "US".to_string())
}

/// `text` → E.164 string (region defaults to `"US"`); throws an `Error` with `code`.
#[wasm_bindgen]
pub fn normalize(text: &str, region: Option<String>) -> Result<String, JsValue> {
    core_normalize(text, &region_or_us(region))
        .map(|n| n.e164)
        .map_err(|e| core_error(&e))
}

/// `text` → `{ e164, extension }`; throws like [`normalize`].
#[wasm_bindgen]
pub fn parse(text: &str, region: Option<String>) -> Result<JsValue, JsValue> {
    let number = core_normalize(text, &region_or_us(region)).map_err(|e| core_error(&e))?;
    to_js(&number)
}

/// Many strings: E.164 or `null` for each.
#[wasm_bindgen(js_name = normalizeMany)]
pub fn normalize_many(texts: Vec<String>, region: Option<String>) -> Result<JsValue, JsValue> {
    let region = region_or_us(region);
    let out: Vec<Option<String>> = texts
        .iter()
        .map(|t| core_normalize(t, &region).ok().map(|n| n.e164))
        .collect();
    to_js(&out)
}

/// `number` (`{ e164, extension }`) + `{ roles, lineType }` → `{ phoneType, evidence }`.
#[wasm_bindgen]
pub fn classify(number: JsValue, input: JsValue) -> Result<JsValue, JsValue> {
    let number: PhoneNumber = from_js(number)?;
    let input: ClassifyInput = from_js_or_default(input)?;
    to_js(&core_classify(&number, &input))
}

#[derive(Serialize)]
struct SiteScoreOut<'a> {
    #[serde(flatten)]
    score: &'a SiteScore,
    lead_phone_fields: LeadPhoneFields,
}

/// Sightings + domain counts + config → `{ numbers, best, leadPhoneFields }`.
#[wasm_bindgen(js_name = scoreSite)]
pub fn score_site(
    sightings: JsValue,
    domain_counts: JsValue,
    config: JsValue,
) -> Result<JsValue, JsValue> {
    let sightings: Vec<Sighting> = from_js(sightings)?;
    let counts: HashMap<String, u32> = from_js_or_default(domain_counts)?;
    let config: ScoreConfig = from_js_or_default(config)?;
    let score = core_score_site(&sightings, &counts, &config);
    to_js(&SiteScoreOut {
        lead_phone_fields: score.lead_phone_fields(),
        score: &score,
    })
}

/// The default score config (seed 000 weights), camelCase.
#[wasm_bindgen(js_name = defaultScoreConfig)]
pub fn default_score_config() -> Result<JsValue, JsValue> {
    to_js(&ScoreConfig::default())
}

/// Numbers in plain text: `{ e164, raw, extension, type, role, placement, pageKind, page,
/// confidence, start, end }` objects, `start`/`end` in UTF-16 code units.
#[wasm_bindgen(js_name = extractPhonesText)]
pub fn extract_phones_text(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let opts: ExtractOptions = from_js_or_default(options)?;
    let mut found: Vec<Finding> = core_extract_phones_text(text, &opts);
    for f in &mut found {
        f.start = f.start.map(|b| utf16_index(text, b));
        f.end = f.end.map(|b| utf16_index(text, b));
    }
    to_js(&found)
}

/// Numbers on an HTML page (core `pipeline::extract_phones`): same shape as
/// [`extract_phones_text`] with `start`/`end` null.
#[wasm_bindgen(js_name = extractPhones)]
pub fn extract_phones(html: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let opts: ExtractOptions = from_js_or_default(options)?;
    to_js(&core_extract_phones(html, &opts))
}
