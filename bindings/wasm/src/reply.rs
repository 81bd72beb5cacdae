//! What did they reply? (`phonestorm_core::reply`).

use phonestorm_core::reply::{
    Classification, DecisionConfig, KeywordConfig, ReplyConfig, ReplyError,
    classify as core_classify, decide as core_decide, detect_keyword as core_detect_keyword,
    sentiment as core_sentiment,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, core_errors, from_js, from_js_or_default, to_js};

core_errors!(ReplyError);

/// A config from JS, checked by the core (`out_of_range`, `not_normalized`).
fn reply_config(value: JsValue) -> Result<ReplyConfig, JsValue> {
    let config: ReplyConfig = from_js_or_default(value)?;
    config.validate().map_err(|e| core_error(&e))?;
    Ok(config)
}

#[derive(Serialize)]
struct ReplyOut {
    #[serde(flatten)]
    classification: Classification,
    action: phonestorm_core::reply::Action,
}

/// An inbound reply → `{ intent, keyword, confidence, sentiment, evidence, action }`:
/// keywords first, then the intent fallback and sentiment, then the decision table.
#[wasm_bindgen(js_name = classifyReply)]
pub fn classify_reply(text: &str, config: JsValue) -> Result<JsValue, JsValue> {
    let config = reply_config(config)?;
    let classification = core_classify(text, &config);
    let action = core_decide(&classification, &config.decision);
    to_js(&ReplyOut {
        classification,
        action,
    })
}

/// The decision-table action for a classification (`classifyReply`'s fields).
#[wasm_bindgen(js_name = decideReply)]
pub fn decide_reply(classification: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let classification: Classification = from_js(classification)?;
    let config: DecisionConfig = from_js_or_default(config)?;
    to_js(&core_decide(&classification, &config))
}

/// Opt-out / opt-in / help keyword: `{ keyword, matched, exact }` or `null`.
#[wasm_bindgen(js_name = detectKeyword)]
pub fn detect_keyword(text: &str, config: JsValue) -> Result<JsValue, JsValue> {
    let config: KeywordConfig = from_js_or_default(config)?;
    to_js(&core_detect_keyword(text, &config))
}

/// Sentiment of a reply in [-1, 1].
#[wasm_bindgen]
pub fn sentiment(text: &str) -> f64 {
    core_sentiment(text)
}

/// The default reply config (CTIA/FCC keyword lists, intent lexicons, thresholds).
#[wasm_bindgen(js_name = defaultReplyConfig)]
pub fn default_reply_config() -> Result<JsValue, JsValue> {
    to_js(&ReplyConfig::default())
}
