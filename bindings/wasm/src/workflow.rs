//! The seed 001 lead-generation workflow (`phonestorm_core::workflow`): phases, progress,
//! the opportunity lifecycle, the source query and retry delays. A `LeadGenFlow` is a
//! plain object; [`apply_flow_event`] returns the next one (the caller stores it).

use phonestorm_core::workflow::{
    FlowEvent, LeadGenFlow, OpportunityCounts, OpportunityStatus, PhaseState, ProgressConfig,
    RetryPolicy, SourceConfig, WorkflowError, clamp_num_leads as core_clamp_num_leads,
    progress as core_progress, text_query as core_text_query, transition,
};
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, core_errors, from_js, from_js_or_default, js_error, to_js};

core_errors!(WorkflowError);

/// `"{targetVertical} in {targetGeography}"`; throws `empty_query_part`.
#[wasm_bindgen(js_name = textQuery)]
pub fn text_query(target_vertical: &str, target_geography: &str) -> Result<String, JsValue> {
    core_text_query(target_vertical, target_geography).map_err(|e| core_error(&e))
}

/// `numLeads` clamped to the source limit (20); throws `zero_leads`.
#[wasm_bindgen(js_name = clampNumLeads)]
pub fn clamp_num_leads(num_leads: u32, config: JsValue) -> Result<u32, JsValue> {
    let config: SourceConfig = from_js_or_default(config)?;
    core_clamp_num_leads(num_leads, &config).map_err(|e| core_error(&e))
}

/// The next lifecycle status of an opportunity, or `illegal_transition`
/// (SCRAPING is skipped without a website).
#[wasm_bindgen(js_name = transitionOpportunity)]
pub fn transition_opportunity(
    from: JsValue,
    to: JsValue,
    has_website: bool,
) -> Result<JsValue, JsValue> {
    let from: OpportunityStatus = from_js(from)?;
    let to: OpportunityStatus = from_js(to)?;
    let next = transition(from, to, has_website).map_err(|e| core_error(&e))?;
    to_js(&next)
}

/// A new `lead_gen_flow`: every phase pending, no opportunities, running.
#[wasm_bindgen(js_name = newLeadGenFlow)]
pub fn new_lead_gen_flow() -> Result<JsValue, JsValue> {
    to_js(&LeadGenFlow::new())
}

/// `flow` after `event` (`{ event: "start_phase", phase: "source" }`...), with `lastEvent`
/// set; throws `illegal_phase`, `illegal_transition` or `unknown_opportunity`.
#[wasm_bindgen(js_name = applyFlowEvent)]
pub fn apply_flow_event(flow: JsValue, event: JsValue) -> Result<JsValue, JsValue> {
    let mut flow: LeadGenFlow = from_js(flow)?;
    let event: FlowEvent = from_js(event)?;
    flow.apply(&event).map_err(|e| core_error(&e))?;
    to_js(&flow)
}

/// Progress of a flow in 0..1 from the phase weights and the opportunity counts.
#[wasm_bindgen(js_name = flowProgress)]
pub fn flow_progress(flow: JsValue, config: JsValue) -> Result<f64, JsValue> {
    let flow: LeadGenFlow = from_js(flow)?;
    let config: ProgressConfig = from_js_or_default(config)?;
    flow.progress(&config).map_err(|e| core_error(&e))
}

/// Progress in 0..1 from phase states and counts over `client_opportunities`
/// (`{ sourced, scraping, dataReady, auditing, ready, contacted }`).
#[wasm_bindgen]
pub fn progress(phases: JsValue, counts: JsValue, config: JsValue) -> Result<f64, JsValue> {
    let phases: Vec<PhaseState> = from_js(phases)?;
    let counts: OpportunityCounts = from_js_or_default(counts)?;
    let config: ProgressConfig = from_js_or_default(config)?;
    core_progress(&phases, &counts, &config).map_err(|e| core_error(&e))
}

/// A JS number used as a `u64` seed: a non-negative integer up to 2^53.
fn seed(value: f64) -> Result<u64, JsValue> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    if value.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&value) {
        Ok(value as u64)
    } else {
        Err(js_error(
            "invalid_config",
            "seed must be an integer in 0..2^53",
        ))
    }
}

fn retry_policy(value: JsValue) -> Result<RetryPolicy, JsValue> {
    let policy: RetryPolicy = from_js_or_default(value)?;
    policy.validate().map_err(|e| core_error(&e))?;
    Ok(policy)
}

/// The delay before retry number `retry` (0-based), or `undefined` when retries are spent.
/// Deterministic: the jitter comes from `seed`.
#[wasm_bindgen(js_name = retryDelayMs)]
pub fn retry_delay_ms(
    policy: JsValue,
    retry: u32,
    seed_value: f64,
) -> Result<Option<f64>, JsValue> {
    let policy = retry_policy(policy)?;
    Ok(policy.delay_ms(retry, seed(seed_value)?).map(|d| d as f64))
}

/// Every retry delay of a policy for `seed`, as a plain array.
#[wasm_bindgen(js_name = retrySchedule)]
pub fn retry_schedule(policy: JsValue, seed_value: f64) -> Result<JsValue, JsValue> {
    let policy = retry_policy(policy)?;
    to_js(&policy.schedule_ms(seed(seed_value)?))
}

/// The default retry policy, camelCase.
#[wasm_bindgen(js_name = defaultRetryPolicy)]
pub fn default_retry_policy() -> Result<JsValue, JsValue> {
    to_js(&RetryPolicy::default())
}
