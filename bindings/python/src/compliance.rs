//! Compliance (`phonestorm_core::compliance`): may this message go to this recipient now.

use jiff::Timestamp;
use phonestorm_core::compliance::DecisionReport;
use phonestorm_core::compliance::zones::area_zones as core_area_zones;
use phonestorm_core::compliance::{
    ComplianceError, History, Outgoing, Policy, Recipient, check,
    federal_holidays as core_federal_holidays, is_allowed_at as core_is_allowed_at,
    resolve_zones as core_resolve_zones,
};
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

use crate::convert::{core_error, core_error_class, from_py, opt_from_py, to_py};

core_error_class!(ComplianceError => "ComplianceError");

/// One send to check: the compliance corpus case shape (testdata/README.md, compliance/).
#[derive(Deserialize)]
struct SendCheck {
    recipient: Recipient,
    #[serde(default)]
    outgoing: Outgoing,
    #[serde(default)]
    history: History,
    #[serde(default)]
    policy: Option<Policy>,
    at: Timestamp,
}

impl SendCheck {
    fn report(&self, default_policy: &Policy) -> DecisionReport {
        let policy = self.policy.as_ref().unwrap_or(default_policy);
        check(
            policy,
            &self.recipient,
            &self.outgoing,
            &self.history,
            self.at,
        )
        .report()
    }
}

/// `{recipient, outgoing?, history?, policy?, at}` → `{decision, until, reasons}`;
/// bad shapes raise `InvalidConfigError`.
#[pyfunction]
fn check_send<'py>(py: Python<'py>, request: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let req: SendCheck = from_py(request)?;
    let report = py.detach(|| req.report(&Policy::default()));
    to_py(py, &report)
}

/// Many sends at once, without the GIL (requests without a `policy` share `policy`).
#[pyfunction]
#[pyo3(signature = (requests, policy = None))]
fn check_send_many<'py>(
    py: Python<'py>,
    requests: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let reqs: Vec<SendCheck> = from_py(requests)?;
    let policy: Policy = opt_from_py(policy)?;
    let reports: Vec<DecisionReport> =
        py.detach(|| reqs.iter().map(|r| r.report(&policy)).collect());
    to_py(py, &reports)
}

/// Whether [`check_send`] would answer allow for `request`.
#[pyfunction]
fn is_allowed_at(request: &Bound<'_, PyAny>) -> PyResult<bool> {
    let r: SendCheck = from_py(request)?;
    let policy = r.policy.unwrap_or_default();
    Ok(core_is_allowed_at(
        &policy,
        &r.recipient,
        &r.outgoing,
        &r.history,
        r.at,
    ))
}

/// A recipient's state and candidate zones `{state, zones, source}`; raises
/// `ComplianceError`.
#[pyfunction]
#[pyo3(signature = (recipient, policy = None))]
fn resolve_zones<'py>(
    py: Python<'py>,
    recipient: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let recipient: Recipient = from_py(recipient)?;
    let policy: Policy = opt_from_py(policy)?;
    let zones = core_resolve_zones(&policy, &recipient).map_err(|e| core_error(py, &e))?;
    to_py(py, &zones)
}

/// Serialisable view of `compliance::zones::AreaZones`.
#[derive(Serialize)]
struct AreaZonesView {
    npa: u16,
    state: &'static str,
    region: &'static str,
    zones: Vec<&'static str>,
    overridden: bool,
}

/// The zones and state of area code `npa` (after the reviewed overrides), or None.
#[pyfunction]
fn area_zones(py: Python<'_>, npa: u16) -> PyResult<Option<Bound<'_, PyAny>>> {
    core_area_zones(npa)
        .map(|a| {
            to_py(
                py,
                &AreaZonesView {
                    npa: a.npa,
                    state: a.state,
                    region: a.region,
                    zones: a.zones,
                    overridden: a.overridden,
                },
            )
        })
        .transpose()
}

/// The US federal holidays of `year` (with observed days): `[{date, name}]`.
#[pyfunction]
fn federal_holidays(py: Python<'_>, year: i16) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &core_federal_holidays(year))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_send, m)?)?;
    m.add_function(wrap_pyfunction!(check_send_many, m)?)?;
    m.add_function(wrap_pyfunction!(is_allowed_at, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_zones, m)?)?;
    m.add_function(wrap_pyfunction!(area_zones, m)?)?;
    m.add_function(wrap_pyfunction!(federal_holidays, m)?)?;
    Ok(())
}
