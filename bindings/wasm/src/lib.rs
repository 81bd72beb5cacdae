//! WebAssembly bindings for phonestorm-core: the `phonestorm` npm package.
//!
//! Thin on purpose: every decision stays in the core. Values cross the boundary through
//! serde (`serde-wasm-bindgen`, JSON-compatible: results are plain objects and arrays,
//! never `Map`), with object keys turned to camelCase on the way out and back to
//! snake_case on the way in ([`convert`]). Failures are thrown as `Error` objects with a
//! `code` property, built by one helper ([`convert::js_error`]).
//!
//! Built with `--target web`; the package's entry points call `initSync` (see
//! `js/node.js` and `js/convex.js`).

mod convert;
mod nanp;
mod phone;
