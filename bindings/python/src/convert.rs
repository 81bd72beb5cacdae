//! The serde bridge between core types and Python objects, and the error mapping.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A core error the bindings can raise: the exception class it maps to and its stable code.
pub(crate) trait CoreError: std::fmt::Display {
    /// Name of the class in `phonestorm._errors`.
    const CLASS: &'static str;
    /// The core's stable snake_case code.
    fn code(&self) -> &'static str;
}

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Builds an exception of class `class` from `phonestorm._errors` with `code` and `message`.
pub(crate) fn error(py: Python<'_>, class: &str, code: &str, message: String) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let module = ERRORS.get_or_try_init(py, || {
            PyModule::import(py, "phonestorm._errors").map(Bound::unbind)
        })?;
        let class = module.bind(py).getattr(class)?;
        let value = class.call1((message, code))?;
        Ok(PyErr::from_value(value))
    };
    build().unwrap_or_else(|import_failure| import_failure)
}

/// Maps a core error to its exception.
pub(crate) fn core_error<E: CoreError>(py: Python<'_>, err: &E) -> PyErr {
    error(py, E::CLASS, err.code(), err.to_string())
}

/// Serialises a core value to plain Python objects (dict, list, str, int, float, None).
pub(crate) fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| {
        // Core types serialise to JSON-like data; this only fails on a bug in a Serialize impl.
        error(py, "PhonestormError", "serialize", e.to_string())
    })
}

/// Reads a core value (typically a config struct) from a dict; bad shapes raise
/// `InvalidConfigError` (a `ValueError`) with code `invalid_config`, and so does an input
/// nested deeper than [`crate::depth::MAX_DEPTH`].
pub(crate) fn from_py<T: DeserializeOwned>(value: &Bound<'_, PyAny>) -> PyResult<T> {
    crate::depth::check_depth(value)?;
    pythonize::depythonize(value).map_err(|e| {
        error(
            value.py(),
            "InvalidConfigError",
            "invalid_config",
            e.to_string(),
        )
    })
}

/// Reads an optional argument: the core's default when it is missing or None.
pub(crate) fn opt_from_py<T: DeserializeOwned + Default>(
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<T> {
    match value {
        Some(v) if !v.is_none() => from_py(v),
        _ => Ok(T::default()),
    }
}

/// Declares which exception class a core error type maps to (its `code()` is the core's).
macro_rules! core_error_class {
    ($($ty:ty => $class:literal),* $(,)?) => {$(
        impl $crate::convert::CoreError for $ty {
            const CLASS: &'static str = $class;
            fn code(&self) -> &'static str {
                <$ty>::code(self)
            }
        }
    )*};
}
pub(crate) use core_error_class;
