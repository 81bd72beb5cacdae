//! WebAssembly bindings for phonestorm-core: the `phonestorm` npm package.
//!
//! Thin on purpose: every decision stays in the core. Values cross the boundary through
//! serde (`serde-wasm-bindgen`, JSON-compatible: results are plain objects and arrays,
//! never `Map`), with object keys turned to camelCase on the way out and back to
//! snake_case on the way in ([`convert`]); records that are a host's table rows keep the
//! host's field names (see `qualify`). Failures are thrown as `Error` objects with a
//! `code` property, built by one helper ([`convert::js_error`]).
//!
//! Built with `--target web`; the package's entry points call `initSync` (see
//! `js/node.js` and `js/convex.js`).
//!
//! ## Crate features
//!
//! - `full` (default): the whole core. Without it the crate builds the small `phones`
//!   module (extractPhones, normalize, classify, score, area codes), which the package
//!   ships as `phonestorm/phones` so that a cold call compiles less code.

mod convert;
mod nanp;
mod phone;

#[cfg(feature = "full")]
mod audit;
#[cfg(feature = "full")]
mod compliance;
#[cfg(feature = "full")]
mod domain;
#[cfg(feature = "full")]
mod email;
#[cfg(feature = "full")]
mod lead;
#[cfg(feature = "full")]
mod message;
#[cfg(feature = "full")]
mod qualify;
#[cfg(feature = "full")]
mod reply;
#[cfg(feature = "full")]
mod workflow;
