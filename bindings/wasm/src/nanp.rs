//! NANP area-code data (`phonestorm_core::phone::nanp`).

use phonestorm_core::phone::{nanp, nanp_data};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::to_js;

/// Serialisable view of [`nanp::AreaCode`].
#[derive(Serialize)]
struct AreaCodeView {
    npa: u16,
    region: &'static str,
    state: &'static str,
    place: &'static str,
    zones: &'static [&'static str],
}

/// The assigned area code `npa` as a plain object, or `null`.
#[wasm_bindgen(js_name = areaCode)]
pub fn area_code(npa: u16) -> Result<JsValue, JsValue> {
    match nanp::area_code(npa) {
        Some(a) => to_js(&AreaCodeView {
            npa: a.npa,
            region: a.region,
            state: a.state,
            place: a.place,
            zones: a.zones,
        }),
        None => Ok(JsValue::NULL),
    }
}

/// Version of the numbering data the NANP table was generated from.
#[wasm_bindgen(js_name = nanpSourceVersion)]
pub fn nanp_source_version() -> String {
    nanp_data::SOURCE_VERSION.to_string()
}
