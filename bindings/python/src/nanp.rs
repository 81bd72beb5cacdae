//! NANP area-code data (`phonestorm_core::phone::nanp`).

use phonestorm_core::phone::{nanp, nanp_data};
use pyo3::prelude::*;
use serde::Serialize;

use crate::convert::to_py;

/// Serialisable view of [`nanp::AreaCode`].
#[derive(Serialize)]
struct AreaCodeView {
    npa: u16,
    region: &'static str,
    state: &'static str,
    place: &'static str,
    zones: &'static [&'static str],
}

impl From<&nanp::AreaCode> for AreaCodeView {
    fn from(a: &nanp::AreaCode) -> Self {
        Self {
            npa: a.npa,
            region: a.region,
            state: a.state,
            place: a.place,
            zones: a.zones,
        }
    }
}

/// The assigned area code `npa` as a dict, or None.
#[pyfunction]
fn area_code(py: Python<'_>, npa: u16) -> PyResult<Option<Bound<'_, PyAny>>> {
    nanp::area_code(npa)
        .map(|a| to_py(py, &AreaCodeView::from(a)))
        .transpose()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("NANP_SOURCE_VERSION", nanp_data::SOURCE_VERSION)?;
    m.add_function(wrap_pyfunction!(area_code, m)?)?;
    Ok(())
}
