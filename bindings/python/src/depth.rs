//! A nesting limit for inputs read through serde.
//!
//! `pythonize` reads nested lists and dicts recursively, so a hostile input nested
//! 100,000 deep (`x = [x]` in a loop, or a list that contains itself) would overflow the
//! stack: a crash of the whole interpreter, not an exception. [`check_depth`] walks the
//! input first with an explicit stack and refuses anything deeper than [`MAX_DEPTH`],
//! the same limit `serde_json` puts on JSON text.

use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PyMapping,
    PySequence, PySet, PyString, PyTuple,
};

use crate::convert::error;

/// Deepest nesting of lists/dicts/sequences/mappings accepted (serde_json's limit).
pub(crate) const MAX_DEPTH: usize = 128;

/// Raises `InvalidConfigError` (`invalid_config`) when `value` nests containers deeper
/// than [`MAX_DEPTH`]; a container that contains itself counts as infinitely deep.
pub(crate) fn check_depth(value: &Bound<'_, PyAny>) -> PyResult<()> {
    let mut stack = vec![(value.clone(), 0usize)];
    while let Some((obj, depth)) = stack.pop() {
        let Some(children) = children(&obj)? else {
            continue;
        };
        if depth >= MAX_DEPTH {
            return Err(error(
                obj.py(),
                "InvalidConfigError",
                "invalid_config",
                format!("input nested deeper than {MAX_DEPTH} levels"),
            ));
        }
        stack.extend(children.into_iter().map(|c| (c, depth + 1)));
    }
    Ok(())
}

/// The items of a container (dict keys and values), or None for a scalar.
fn children<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
    // Scalars first: the common case, and strings are sequences too.
    if obj.is_none()
        || obj.is_instance_of::<PyBool>()
        || obj.is_instance_of::<PyInt>()
        || obj.is_instance_of::<PyFloat>()
        || obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyByteArray>()
    {
        return Ok(None);
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return Ok(Some(list.iter().collect()));
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return Ok(Some(tuple.iter().collect()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return Ok(Some(dict.iter().flat_map(|(k, v)| [k, v]).collect()));
    }
    if obj.is_instance_of::<PySet>() || obj.is_instance_of::<PyFrozenSet>() {
        return Ok(Some(obj.try_iter()?.collect::<PyResult<_>>()?));
    }
    // Other sequences and mappings, read the way pythonize reads them.
    if obj.cast::<PySequence>().is_ok() {
        return Ok(Some(obj.try_iter()?.collect::<PyResult<_>>()?));
    }
    if let Ok(map) = obj.cast::<PyMapping>() {
        let items = map.items()?;
        return Ok(Some(items.iter().collect()));
    }
    Ok(None)
}
