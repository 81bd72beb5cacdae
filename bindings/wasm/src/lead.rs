//! Lead states, priority, the autopilot cycle (`phonestorm_core::lead`). Leads are
//! `LeadEvent`s with camelCase keys (`leadPhoneE164`, `enrichmentStatus`, `createdAtMs`).

use phonestorm_core::lead::{
    AdminFilter, EnrichmentStatus, LeadConfig, LeadError, LeadEvent,
    admin_filter as core_admin_filter, is_customer_visible as core_is_customer_visible,
    is_high_value as core_is_high_value, mark_outbound_sent as core_mark_outbound_sent,
    next_status as core_next_status, plan_cycle as core_plan_cycle, priority as core_priority,
};
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, core_errors, from_js, from_js_or_default, to_js};

core_errors!(LeadError);

/// A status string (`"WITH_PHONE_ONLY"`) → the core enum; unknown ones throw `invalid_config`.
fn status(value: JsValue) -> Result<EnrichmentStatus, JsValue> {
    from_js(value)
}

/// A config from JS, checked by the core (`invalid_config` when it breaks a seed rule).
fn lead_config(value: JsValue) -> Result<LeadConfig, JsValue> {
    let config: LeadConfig = from_js_or_default(value)?;
    config.validate().map_err(|e| core_error(&e))?;
    Ok(config)
}

/// The status after an enrichment pass that found (cumulatively) a phone and/or an email.
#[wasm_bindgen(js_name = nextStatus)]
pub fn next_status(current: JsValue, has_phone: bool, has_email: bool) -> Result<JsValue, JsValue> {
    to_js(&core_next_status(status(current)?, has_phone, has_email))
}

/// Records an outbound send; throws `illegal_transition` from PENDING or ARCHIVED.
#[wasm_bindgen(js_name = markOutboundSent)]
pub fn mark_outbound_sent(current: JsValue) -> Result<JsValue, JsValue> {
    let next = core_mark_outbound_sent(status(current)?).map_err(|e| core_error(&e))?;
    to_js(&next)
}

/// Whether customers may see a lead in this status (never WITH_PHONE_ONLY).
#[wasm_bindgen(js_name = isCustomerVisible)]
pub fn is_customer_visible(current: JsValue, config: JsValue) -> Result<bool, JsValue> {
    Ok(core_is_customer_visible(
        status(current)?,
        &lead_config(config)?,
    ))
}

/// A lead's priority at `nowMs`: `{ tier, urgency, domainRetry, actionable }`.
#[wasm_bindgen(js_name = leadPriority)]
pub fn lead_priority(lead: JsValue, now_ms: f64, config: JsValue) -> Result<JsValue, JsValue> {
    let lead: LeadEvent = from_js(lead)?;
    to_js(&core_priority(&lead, now_ms as i64, &lead_config(config)?))
}

/// One autopilot cycle at `nowMs`: `{ process, archive }`, indices into `leads`.
#[wasm_bindgen(js_name = planCycle)]
pub fn plan_cycle(leads: JsValue, now_ms: f64, config: JsValue) -> Result<JsValue, JsValue> {
    let leads: Vec<LeadEvent> = from_js(leads)?;
    to_js(&core_plan_cycle(
        &leads,
        now_ms as i64,
        &lead_config(config)?,
    ))
}

/// PHONE_HIGH_VALUE: confident, direct-line phone.
#[wasm_bindgen(js_name = isHighValue)]
pub fn is_high_value(lead: JsValue, config: JsValue) -> Result<bool, JsValue> {
    let lead: LeadEvent = from_js(lead)?;
    Ok(core_is_high_value(&lead, &lead_config(config)?))
}

/// Indices of the leads matching an admin filter (`"WITH_PHONE_ONLY"`, `"PHONE_HIGH_VALUE"`).
#[wasm_bindgen(js_name = adminFilter)]
pub fn admin_filter(leads: JsValue, filter: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let leads: Vec<LeadEvent> = from_js(leads)?;
    let filter: AdminFilter = from_js(filter)?;
    to_js(&core_admin_filter(&leads, filter, &lead_config(config)?))
}

/// Checks a lead's `phoneConfidence` is within 0..1; throws `invalid_confidence`.
#[wasm_bindgen(js_name = checkLead)]
pub fn check_lead(lead: JsValue) -> Result<(), JsValue> {
    let lead: LeadEvent = from_js(lead)?;
    lead.check().map_err(|e| core_error(&e))
}

/// The default lead config (seed 000 numbers), camelCase.
#[wasm_bindgen(js_name = defaultLeadConfig)]
pub fn default_lead_config() -> Result<JsValue, JsValue> {
    to_js(&LeadConfig::default())
}
