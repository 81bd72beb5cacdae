//! The serde bridge between core types and JS values, and the one error helper.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::JsValue;

/// A core error the bindings can throw: its stable code and message.
pub(crate) trait CoreError: std::fmt::Display {
    /// The core's stable snake_case code.
    fn code(&self) -> &'static str;
}

/// The one helper that turns a failure into a JS `Error` carrying `code`.
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh, extensible Error cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error.into()
}

/// Maps a core error to a thrown `Error`.
pub(crate) fn core_error<E: CoreError>(err: &E) -> JsValue {
    js_error(err.code(), &err.to_string())
}

/// Implements [`CoreError`] for core error enums that have an inherent `code()`.
macro_rules! core_errors {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::convert::CoreError for $ty {
            fn code(&self) -> &'static str {
                <$ty>::code(self)
            }
        })*
    };
}
pub(crate) use core_errors;

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible()
}

/// Serialises a core value to plain JS data with camelCase keys.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let mut json =
        serde_json::to_value(value).map_err(|e| js_error("serialize", &e.to_string()))?;
    camelize(&mut json);
    to_js_raw(&json)
}

/// Serialises a core value to plain JS data keeping its own field names: records whose
/// shape is a host schema (seed 001's `client_opportunities` row, `identified_gaps`), and
/// camelCase views written without the `serde_json::Value` round trip of [`to_js`] (the
/// cold-call path of `extractPhones`).
pub(crate) fn to_js_raw<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serializer())
        .map_err(|e| js_error("serialize", &e.to_string()))
}

/// A core value as JSON (snake_case keys), for views that camelize only part of it.
#[cfg(feature = "full")]
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<Value, JsValue> {
    serde_json::to_value(value).map_err(|e| js_error("serialize", &e.to_string()))
}

/// JSON → JS as is.
#[cfg(feature = "full")]
pub(crate) fn json_to_js(value: &Value) -> Result<JsValue, JsValue> {
    to_js_raw(value)
}

/// Deepest nesting of arrays and objects read from JS. Reading is recursive (serde, and
/// the key renaming below): a deeper value would overflow the module's stack, which in
/// WebAssembly corrupts memory for every later call instead of failing this one.
pub(crate) const MAX_INPUT_DEPTH: usize = 128;

/// Refuses values nested deeper than [`MAX_INPUT_DEPTH`] (a cyclic value is infinitely
/// deep), walking them without recursion.
fn check_depth(value: &JsValue) -> Result<(), JsValue> {
    let mut stack = vec![(value.clone(), 0usize)];
    while let Some((v, depth)) = stack.pop() {
        if !v.is_object() {
            continue;
        }
        if depth >= MAX_INPUT_DEPTH {
            return Err(js_error(
                "invalid_config",
                &format!("input nested deeper than {MAX_INPUT_DEPTH} levels"),
            ));
        }
        let children = if js_sys::Array::is_array(&v) {
            js_sys::Array::from(&v)
        } else {
            js_sys::Object::values(&js_sys::Object::from(v))
        };
        stack.extend(children.iter().map(|c| (c, depth + 1)));
    }
    Ok(())
}

fn js_to_json(value: JsValue) -> Result<Value, JsValue> {
    check_depth(&value)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| js_error("invalid_config", &e.to_string()))
}

/// Reads a core value from JS data with camelCase keys; bad shapes throw `invalid_config`.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    let mut json = js_to_json(value)?;
    snakeize(&mut json);
    serde_json::from_value(json).map_err(|e| js_error("invalid_config", &e.to_string()))
}

/// Reads a value whose field names are already the JS ones (a camelCase mirror) straight
/// from JS, without the `serde_json::Value` round trip of [`from_js`]. Same depth guard
/// and error code.
pub(crate) fn from_js_direct<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    check_depth(&value)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| js_error("invalid_config", &e.to_string()))
}

/// Like [`from_js`], with `undefined` or `null` meaning the default (configs, options).
pub(crate) fn from_js_or_default<T: DeserializeOwned + Default>(
    value: JsValue,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value)
    }
}

/// Reads a value keeping its keys as given: host records and maps whose keys are data
/// (template variables, raw Google Places records, Convex rows).
#[cfg(feature = "full")]
pub(crate) fn from_js_raw<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    serde_json::from_value(js_to_json(value)?)
        .map_err(|e| js_error("invalid_config", &e.to_string()))
}

/// Like [`from_js_raw`], with `undefined` or `null` meaning the default.
#[cfg(feature = "full")]
pub(crate) fn from_js_raw_or_default<T: DeserializeOwned + Default>(
    value: JsValue,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js_raw(value)
    }
}

/// `snake_case` field names become `camelCase`. Only keys made of lowercase letters,
/// digits and `_` are field names; anything else (`+13055550123`, `MISSING_WEBSITE`) is data
/// and is left alone.
pub(crate) fn camel_key(key: &str) -> Option<String> {
    let is_field = key.contains('_')
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && key.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    if !is_field {
        return None;
    }
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Core fields where a word starts with a digit: camelCase cannot tell `Per24h` from
/// `B2b`, so these come back by name (the round-trip test below catches new ones).
const DIGIT_WORDS: &[(&str, &str)] = &[
    ("maxPer24h", "max_per_24h"),
    ("maxSameSubjectPer24h", "max_same_subject_per_24h"),
];

/// `camelCase` field names become `snake_case` (the inverse of [`camel_key`]).
pub(crate) fn snake_key(key: &str) -> Option<String> {
    let is_field = key.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && key.bytes().all(|b| b.is_ascii_alphanumeric())
        && key.bytes().any(|b| b.is_ascii_uppercase());
    if !is_field {
        return None;
    }
    if let Some((_, snake)) = DIGIT_WORDS.iter().find(|(camel, _)| *camel == key) {
        return Some((*snake).to_string());
    }
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn rename_keys(value: &mut Value, rename: fn(&str) -> Option<String>) {
    match value {
        Value::Object(map) => {
            let old = std::mem::take(map);
            for (key, mut inner) in old {
                rename_keys(&mut inner, rename);
                map.insert(rename(&key).unwrap_or(key), inner);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_keys(v, rename)),
        _ => {}
    }
}

/// Renames every object key in `value` to camelCase.
pub(crate) fn camelize(value: &mut Value) {
    rename_keys(value, camel_key);
}

/// Renames every object key in `value` to snake_case.
pub(crate) fn snakeize(value: &mut Value) {
    rename_keys(value, snake_key);
}

/// Byte offset in `text` → UTF-16 code-unit offset (what JS string indices count).
/// Offsets not on a char boundary are clamped to the previous boundary.
pub(crate) fn utf16_index(text: &str, byte: usize) -> usize {
    let mut end = byte.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1; // terminates: 0 is always a boundary
    }
    text[..end].chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        assert_eq!(
            camel_key("lead_phone_e164").as_deref(),
            Some("leadPhoneE164")
        );
        assert_eq!(
            snake_key("leadPhoneE164").as_deref(),
            Some("lead_phone_e164")
        );
        assert_eq!(camel_key("MISSING_WEBSITE"), None);
        assert_eq!(camel_key("+1305"), None);
        assert_eq!(camel_key("raw"), None);
        assert_eq!(snake_key("raw"), None);
    }

    /// Every default config survives camelCase out and snake_case back in.
    #[cfg(feature = "full")]
    #[test]
    fn default_configs_round_trip() {
        use phonestorm_core as core;
        let values = [
            serde_json::to_value(core::compliance::Policy::default()).unwrap(),
            serde_json::to_value(core::lead::LeadConfig::default()).unwrap(),
            serde_json::to_value(core::qualify::QualifyConfig::default()).unwrap(),
            serde_json::to_value(core::audit::AuditConfig::default()).unwrap(),
            serde_json::to_value(core::audit::FitConfig::default()).unwrap(),
            serde_json::to_value(core::reply::ReplyConfig::default()).unwrap(),
            serde_json::to_value(core::message::SmsConfig::default()).unwrap(),
            serde_json::to_value(core::message::SuggestConfig::default()).unwrap(),
            serde_json::to_value(core::domain::RankConfig::default()).unwrap(),
            serde_json::to_value(core::workflow::RetryPolicy::default()).unwrap(),
            serde_json::to_value(core::workflow::LeadGenFlow::new()).unwrap(),
            serde_json::to_value(core::lead::LeadEvent::default()).unwrap(),
            serde_json::to_value(core::phone::score::ScoreConfig::default()).unwrap(),
        ];
        for original in values {
            let mut v = original.clone();
            camelize(&mut v);
            snakeize(&mut v);
            assert_eq!(v, original);
        }
    }

    #[test]
    fn utf16_offsets() {
        let text = "é😀 305";
        assert_eq!(utf16_index(text, 0), 0);
        assert_eq!(utf16_index(text, 2), 1);
        assert_eq!(utf16_index(text, 6), 3);
        assert_eq!(utf16_index(text, 7), 4);
    }
}
