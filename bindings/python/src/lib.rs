//! Python bindings for phonestorm-core: the native module `phonestorm._core`.
//!
//! Thin on purpose: every decision stays in the core. Values cross the boundary through
//! serde ([`pythonize`]), so a core type that is `Serialize`/`Deserialize` is exposed
//! with one function here, one wrapper in `python/phonestorm/__init__.py` and one line in
//! the `.pyi`. Errors become the exception classes of `phonestorm._errors` (one per core
//! error kind, each with the core's stable `code`), looked up by name in [`convert`].

mod audit;
mod compliance;
mod config;
mod convert;
mod depth;
mod domain;
mod email;
mod lead;
mod message;
mod nanp;
mod phone;
mod qualify;
mod reply;
mod workflow;

use pyo3::prelude::*;

/// The native module. Python code imports the `phonestorm` package, not this.
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    nanp::register(m)?;
    phone::register(m)?;
    config::register(m)?;
    email::register(m)?;
    domain::register(m)?;
    lead::register(m)?;
    qualify::register(m)?;
    workflow::register(m)?;
    audit::register(m)?;
    compliance::register(m)?;
    reply::register(m)?;
    message::register(m)?;
    Ok(())
}
