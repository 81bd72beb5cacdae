//! May this message go out now? (`phonestorm_core::compliance`). Instants are RFC 3339
//! strings (`"2025-06-02T23:30:00Z"`, what `new Date().toISOString()` gives).

use jiff::Timestamp;
use phonestorm_core::compliance::{
    ComplianceError, History, Outgoing, Policy, Recipient, check, federal_holidays, is_allowed_at,
    resolve_zones as core_resolve_zones,
};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, core_errors, from_js, from_js_or_default, to_js};

core_errors!(ComplianceError);

/// One send to check: the compliance corpus case shape (testdata/README.md, compliance/).
#[derive(Deserialize)]
struct SendCheck {
    recipient: Recipient,
    /// `null` or absent: an SMS.
    #[serde(default)]
    outgoing: Option<Outgoing>,
    /// `null` or absent: nothing sent before.
    #[serde(default)]
    history: Option<History>,
    /// `null` or absent: the default policy.
    #[serde(default)]
    policy: Option<Policy>,
    at: Timestamp,
}

impl SendCheck {
    fn decide(self) -> (Policy, Recipient, Outgoing, History, Timestamp) {
        (
            self.policy.unwrap_or_default(),
            self.recipient,
            self.outgoing.unwrap_or_default(),
            self.history.unwrap_or_default(),
            self.at,
        )
    }
}

/// `{ recipient, outgoing?, history?, policy?, at }` → `{ decision, until, reasons }`,
/// each reason with its `code` and `explanation`.
#[wasm_bindgen(js_name = checkSend)]
pub fn check_send(request: JsValue) -> Result<JsValue, JsValue> {
    let req: SendCheck = from_js(request)?;
    let (policy, recipient, outgoing, history, at) = req.decide();
    to_js(&check(&policy, &recipient, &outgoing, &history, at).report())
}

/// Whether [`check_send`] would answer `allow` for the same request.
#[wasm_bindgen(js_name = isAllowedAt)]
pub fn is_allowed(request: JsValue) -> Result<bool, JsValue> {
    let req: SendCheck = from_js(request)?;
    let (policy, recipient, outgoing, history, at) = req.decide();
    Ok(is_allowed_at(&policy, &recipient, &outgoing, &history, at))
}

/// A recipient's state and candidate time zones: `{ state, zones, source }`; throws
/// `invalid_phone`, `unknown_area_code` or `unknown_time_zone`.
#[wasm_bindgen(js_name = resolveZones)]
pub fn resolve_zones(recipient: JsValue, policy: JsValue) -> Result<JsValue, JsValue> {
    let recipient: Recipient = from_js(recipient)?;
    let policy: Policy = from_js_or_default(policy)?;
    let zones = core_resolve_zones(&policy, &recipient).map_err(|e| core_error(&e))?;
    to_js(&zones)
}

/// U.S. federal holidays of `year` with their observed days: `[{ date, name }]`.
#[wasm_bindgen(js_name = federalHolidays)]
pub fn holidays(year: i16) -> Result<JsValue, JsValue> {
    to_js(&federal_holidays(year))
}

/// The default policy (COMPLIANCE.md: state rules, caps, DNC, holidays), camelCase.
#[wasm_bindgen(js_name = defaultPolicy)]
pub fn default_policy() -> Result<JsValue, JsValue> {
    to_js(&Policy::default())
}
