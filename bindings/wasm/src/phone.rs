//! The phone pipeline (`phonestorm_core::phone`): normalise, classify, score.

use std::collections::HashMap;

use phonestorm_core::phone::classify::{ClassifyInput, classify as core_classify};
use phonestorm_core::phone::normalize::normalize as core_normalize;
use phonestorm_core::phone::pipeline::{
    ExtractOptions, Finding, extract_phones as core_extract_phones,
    extract_phones_text as core_extract_phones_text,
};
use phonestorm_core::phone::score::{ScoreConfig, SiteScore, score_site as core_score_site};
use phonestorm_core::phone::{
    LeadPhoneFields, PageKind, PhoneError, PhoneNumber, PhoneType, Placement, Role, Sighting,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::{
    core_error, core_errors, from_js, from_js_direct, from_js_or_default, to_js, to_js_raw,
    utf16_index,
};

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

/// The options of `extractPhones` / `extractPhonesText`, read straight from JS.
///
/// Why not core [`ExtractOptions`] through [`from_js`]: these are the calls a cold Convex
/// context makes first, and the generic bridge (JS → `serde_json::Value` → renamed keys →
/// struct) is code V8 must compile on that first call. A camelCase mirror read by
/// serde-wasm-bindgen directly skips it; `base_url` is accepted too, as the bridge does.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct PageOptions {
    #[serde(alias = "base_url")]
    base_url: Option<String>,
    #[serde(alias = "page_kind")]
    page_kind: Option<PageKind>,
}

impl From<PageOptions> for ExtractOptions {
    fn from(o: PageOptions) -> Self {
        ExtractOptions {
            base_url: o.base_url,
            page_kind: o.page_kind,
        }
    }
}

/// `undefined` and `null` read as `None`, so no options mean the defaults.
fn page_options(options: JsValue) -> Result<ExtractOptions, JsValue> {
    Ok(from_js_direct::<Option<PageOptions>>(options)?
        .unwrap_or_default()
        .into())
}

/// A [`Finding`] with camelCase keys, written to JS directly (see [`PageOptions`] for why).
/// The test `findings_match_the_generic_bridge` keeps it equal to `to_js(&finding)`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FindingView<'a> {
    e164: &'a str,
    raw: &'a str,
    extension: Option<&'a str>,
    #[serde(rename = "type")]
    phone_type: PhoneType,
    role: Role,
    placement: Placement,
    page_kind: PageKind,
    page: Option<&'a str>,
    confidence: f64,
    start: Option<usize>,
    end: Option<usize>,
}

impl<'a> From<&'a Finding> for FindingView<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingView {
            e164: &f.e164,
            raw: &f.raw,
            extension: f.extension.as_deref(),
            phone_type: f.phone_type,
            role: f.role,
            placement: f.placement,
            page_kind: f.page_kind,
            page: f.page.as_deref(),
            confidence: f.confidence,
            start: f.start,
            end: f.end,
        }
    }
}

fn findings_to_js(found: &[Finding]) -> Result<JsValue, JsValue> {
    let views: Vec<FindingView<'_>> = found.iter().map(FindingView::from).collect();
    to_js_raw(&views)
}

/// Numbers in plain text: `{ e164, raw, extension, type, role, placement, pageKind, page,
/// confidence, start, end }` objects, `start`/`end` in UTF-16 code units.
#[wasm_bindgen(js_name = extractPhonesText)]
pub fn extract_phones_text(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let opts = page_options(options)?;
    let mut found: Vec<Finding> = core_extract_phones_text(text, &opts);
    for f in &mut found {
        f.start = f.start.map(|b| utf16_index(text, b));
        f.end = f.end.map(|b| utf16_index(text, b));
    }
    findings_to_js(&found)
}

/// Numbers on an HTML page (core `pipeline::extract_phones`): same shape as
/// [`extract_phones_text`] with `start`/`end` null.
#[wasm_bindgen(js_name = extractPhones)]
pub fn extract_phones(html: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let opts = page_options(options)?;
    findings_to_js(&core_extract_phones(html, &opts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{camelize, snakeize};
    use phonestorm_core::phone::pipeline::extract_phones_text as core_text;

    /// The direct views write and read what the generic bridge would.
    #[test]
    fn findings_match_the_generic_bridge() {
        let found = core_text(
            "Call (305) 234-5678 ext. 12 or fax (212) 334-0147",
            &ExtractOptions {
                base_url: Some("https://acme.example/".into()),
                page_kind: Some(PageKind::Contact),
            },
        );
        assert_eq!(found.len(), 2);
        for f in &found {
            let mut bridged = serde_json::to_value(f).unwrap();
            camelize(&mut bridged);
            let direct = serde_json::to_value(FindingView::from(f)).unwrap();
            assert_eq!(direct, bridged);
        }
    }

    #[test]
    fn options_match_the_generic_bridge() {
        for js in [
            serde_json::json!({ "baseUrl": "/contact", "pageKind": "contact" }),
            serde_json::json!({ "base_url": "/x" }),
            serde_json::json!({}),
        ] {
            let direct: ExtractOptions = serde_json::from_value::<PageOptions>(js.clone())
                .unwrap()
                .into();
            let mut snake = js;
            snakeize(&mut snake);
            let bridged: ExtractOptions = serde_json::from_value(snake).unwrap();
            assert_eq!(direct, bridged);
        }
        assert!(
            serde_json::from_value::<PageOptions>(serde_json::json!({ "pageKind": 5 })).is_err()
        );
    }
}
