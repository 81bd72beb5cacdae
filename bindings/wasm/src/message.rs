//! What do we say? (`phonestorm_core::message`): templates, SMS segments and composition,
//! LLM cleanup, suggested texts, CAN-SPAM email.

use std::collections::BTreeMap;

use phonestorm_core::message::{
    CanSpamFooter, DEFAULT_EMAIL_MAX_WORDS, MessageError, SmsConfig, SuggestConfig,
    clean_llm_output as core_clean_llm_output, compose_email as core_compose_email,
    compose_sms as core_compose_sms, confidence_tag as core_confidence_tag,
    gsm_safe as core_gsm_safe, is_gsm as core_is_gsm, render, segments,
    suggested_call_script as core_suggested_call_script, suggested_sms as core_suggested_sms,
    variables,
};
use phonestorm_core::phone::PhoneType;
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, core_errors, from_js, from_js_or_default, from_js_raw, to_js};

core_errors!(MessageError);

/// Fills `{name}` placeholders strictly: a missing or blank variable throws
/// (`missing_variable`, `empty_variable`), as do `unclosed_brace`, `stray_brace`,
/// `bad_variable_name`. `vars` keys are used as given (no case conversion).
#[wasm_bindgen(js_name = renderTemplate)]
pub fn render_template(template: &str, vars: JsValue) -> Result<String, JsValue> {
    let vars: BTreeMap<String, String> = from_js_raw(vars)?;
    render(template, &vars).map_err(|e| core_error(&e))
}

/// The variable names of a template, in order of first use.
#[wasm_bindgen(js_name = templateVariables)]
pub fn template_variables(template: &str) -> Result<Vec<String>, JsValue> {
    variables(template).map_err(|e| core_error(&e))
}

/// How a text splits into SMS segments: `{ encoding, units, count, parts }`.
#[wasm_bindgen(js_name = smsSegments)]
pub fn sms_segments(text: &str) -> Result<JsValue, JsValue> {
    to_js(&segments(text))
}

/// `text` with characters outside GSM-7 transliterated or dropped.
#[wasm_bindgen(js_name = gsmSafe)]
pub fn gsm_safe(text: &str) -> String {
    core_gsm_safe(text)
}

/// Whether `text` fits GSM-7 (basic set and extension table).
#[wasm_bindgen(js_name = isGsm)]
pub fn is_gsm(text: &str) -> bool {
    core_is_gsm(text)
}

/// An SMS body → `{ text, chars, encoding, segments }` with the opt-out footer added when
/// missing; throws `empty`, `too_long`, `too_many_segments`.
#[wasm_bindgen(js_name = composeSms)]
pub fn compose_sms(body: &str, config: JsValue) -> Result<JsValue, JsValue> {
    let config: SmsConfig = from_js_or_default(config)?;
    let sms = core_compose_sms(body, &config).map_err(|e| core_error(&e))?;
    to_js(&sms)
}

/// Subject + body + CAN-SPAM footer (`{ senderName, postalAddress, unsubscribeUrl }`) →
/// `{ subject, text }`; throws `empty`, `too_many_words`, `missing_postal_address`.
#[wasm_bindgen(js_name = composeEmail)]
pub fn compose_email(
    subject: &str,
    body: &str,
    footer: JsValue,
    max_words: Option<u32>,
) -> Result<JsValue, JsValue> {
    let footer: CanSpamFooter = from_js(footer)?;
    let max = max_words.map_or(DEFAULT_EMAIL_MAX_WORDS, |m| m as usize);
    let email = core_compose_email(subject, body, &footer, max).map_err(|e| core_error(&e))?;
    to_js(&email)
}

/// A model's draft cleaned for sending (preambles, labels, notes, markdown, quotes, spaces).
#[wasm_bindgen(js_name = cleanLlmOutput)]
pub fn clean_llm_output(text: &str) -> String {
    core_clean_llm_output(text)
}

/// The seed 000 Suggested SMS for a lead.
#[wasm_bindgen(js_name = suggestedSms)]
pub fn suggested_sms(name: &str, signal_context: &str, config: JsValue) -> Result<String, JsValue> {
    let config: SuggestConfig = from_js_or_default(config)?;
    core_suggested_sms(name, signal_context, &config).map_err(|e| core_error(&e))
}

/// The seed 000 Suggested Call Script for a lead.
#[wasm_bindgen(js_name = suggestedCallScript)]
pub fn suggested_call_script(
    name: &str,
    signal_context: &str,
    config: JsValue,
) -> Result<String, JsValue> {
    let config: SuggestConfig = from_js_or_default(config)?;
    core_suggested_call_script(name, signal_context, &config).map_err(|e| core_error(&e))
}

/// The portal's confidence tag for a number ("Mobile – High Direct Value", seed 000 §7).
#[wasm_bindgen(js_name = confidenceTag)]
pub fn confidence_tag(
    phone_type: JsValue,
    confidence: f64,
    config: JsValue,
) -> Result<String, JsValue> {
    let phone_type: PhoneType = from_js(phone_type)?;
    let config: SuggestConfig = from_js_or_default(config)?;
    Ok(core_confidence_tag(phone_type, confidence, &config).to_string())
}

/// The default SMS config (footer, limits), camelCase.
#[wasm_bindgen(js_name = defaultSmsConfig)]
pub fn default_sms_config() -> Result<JsValue, JsValue> {
    to_js(&SmsConfig::default())
}
