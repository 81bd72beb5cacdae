//! Emails on pages and in text (`phonestorm_core::email`).

use phonestorm_core::email::{
    EmailConfig, EmailError, EmailOptions, decode_cfemail as core_decode_cfemail,
    extract_emails as core_extract_emails, extract_emails_text as core_extract_emails_text,
    validate_email as core_validate_email,
};
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, core_errors, from_js_or_default, to_js};

core_errors!(EmailError);

/// Emails on an HTML page: `{ email, domain, kind, source, placement, pageKind, page,
/// placeholder }` objects, one per address.
#[wasm_bindgen(js_name = extractEmails)]
pub fn extract_emails(html: &str, options: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let options: EmailOptions = from_js_or_default(options)?;
    let config: EmailConfig = from_js_or_default(config)?;
    to_js(&core_extract_emails(html, &options, &config))
}

/// Emails in plain text (plain and obfuscated forms), same shape as [`extract_emails`].
#[wasm_bindgen(js_name = extractEmailsText)]
pub fn extract_emails_text(text: &str, config: JsValue) -> Result<JsValue, JsValue> {
    let config: EmailConfig = from_js_or_default(config)?;
    to_js(&core_extract_emails_text(text, &config))
}

/// One candidate address → `{ address, domain, kind, placeholder }`; throws `syntax`,
/// `bad_domain`, `asset_name`, `version_string`, `tracking` or `encoded`.
#[wasm_bindgen(js_name = validateEmail)]
pub fn validate_email(input: &str, config: JsValue) -> Result<JsValue, JsValue> {
    let config: EmailConfig = from_js_or_default(config)?;
    let email = core_validate_email(input, &config).map_err(|e| core_error(&e))?;
    to_js(&email)
}

/// Decodes a Cloudflare `data-cfemail` hex string; throws `cloudflare_encoding`.
#[wasm_bindgen(js_name = decodeCfemail)]
pub fn decode_cfemail(hex: &str) -> Result<String, JsValue> {
    core_decode_cfemail(hex).map_err(|e| core_error(&e))
}

/// The default email config (lists and limits), camelCase.
#[wasm_bindgen(js_name = defaultEmailConfig)]
pub fn default_email_config() -> Result<JsValue, JsValue> {
    to_js(&EmailConfig::default())
}
