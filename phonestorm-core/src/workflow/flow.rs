//! The parent run (`lead_gen_flow`): phases, their states, progress, and a small state
//! machine that only accepts events in a legal order.

use super::{OpportunityStatus, WorkflowError, transition};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A phase of `lead_gen_flow`, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Places text search.
    Source,
    /// Hard filter, signals, score.
    FilterRank,
    /// Write `client_opportunities`.
    PersistLeads,
    /// Scrape the websites.
    ScrapeContent,
    /// Deep audits and dossiers.
    GenerateDossier,
    /// Final ranking.
    FinalizeRank,
}

impl Phase {
    /// All phases in order.
    pub const ALL: [Phase; 6] = [
        Phase::Source,
        Phase::FilterRank,
        Phase::PersistLeads,
        Phase::ScrapeContent,
        Phase::GenerateDossier,
        Phase::FinalizeRank,
    ];

    /// The wire name (`filter_rank`).
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Source => "source",
            Phase::FilterRank => "filter_rank",
            Phase::PersistLeads => "persist_leads",
            Phase::ScrapeContent => "scrape_content",
            Phase::GenerateDossier => "generate_dossier",
            Phase::FinalizeRank => "finalize_rank",
        }
    }

    fn index(self) -> usize {
        Phase::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// State of one phase (the values of seed 001's `audit_jobs.phases[].status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseStatus {
    /// Not started.
    Pending,
    /// In progress.
    Running,
    /// Done.
    Complete,
    /// Failed (may be retried).
    Error,
}

/// A phase and its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseState {
    /// Which phase.
    pub name: Phase,
    /// Its status.
    pub status: PhaseStatus,
}

/// Opportunities of the run by status (a count over `client_opportunities` by `leadGenFlowId`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpportunityCounts {
    /// SOURCED.
    pub sourced: u32,
    /// SCRAPING.
    pub scraping: u32,
    /// DATA_READY.
    pub data_ready: u32,
    /// AUDITING.
    pub auditing: u32,
    /// READY.
    pub ready: u32,
    /// CONTACTED.
    pub contacted: u32,
}

impl OpportunityCounts {
    /// Counts a list of statuses.
    pub fn of(statuses: impl IntoIterator<Item = OpportunityStatus>) -> Self {
        let mut c = OpportunityCounts::default();
        for s in statuses {
            let slot = match s {
                OpportunityStatus::Sourced => &mut c.sourced,
                OpportunityStatus::Scraping => &mut c.scraping,
                OpportunityStatus::DataReady => &mut c.data_ready,
                OpportunityStatus::Auditing => &mut c.auditing,
                OpportunityStatus::Ready => &mut c.ready,
                OpportunityStatus::Contacted => &mut c.contacted,
            };
            *slot = slot.saturating_add(1);
        }
        c
    }

    fn total(&self) -> f64 {
        [
            self.sourced,
            self.scraping,
            self.data_ready,
            self.auditing,
            self.ready,
            self.contacted,
        ]
        .iter()
        .map(|&x| f64::from(x))
        .sum()
    }
}

/// Phase weights for progress. Default (phonestorm's choice; seed 001 says "phase weights"
/// without numbers): source 10, filter_rank 10, persist_leads 10, scrape_content 30,
/// generate_dossier 30, finalize_rank 10 — the two per-opportunity phases take longest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgressConfig {
    /// Weight per phase name.
    pub weights: BTreeMap<String, f64>,
}

impl Default for ProgressConfig {
    fn default() -> Self {
        let w = [10.0, 10.0, 10.0, 30.0, 30.0, 10.0];
        ProgressConfig {
            weights: Phase::ALL
                .iter()
                .zip(w)
                .map(|(p, w)| (p.as_str().to_string(), w))
                .collect(),
        }
    }
}

impl ProgressConfig {
    fn resolved(&self) -> Result<[f64; 6], WorkflowError> {
        let mut out = [0.0; 6];
        for (k, v) in &self.weights {
            let p = Phase::ALL
                .iter()
                .find(|p| p.as_str() == k)
                .ok_or_else(|| WorkflowError::InvalidConfig(format!("unknown phase {k}")))?;
            if !v.is_finite() || *v < 0.0 {
                return Err(WorkflowError::InvalidConfig(format!("weights.{k}")));
            }
            out[p.index()] = *v;
        }
        if out.iter().sum::<f64>() <= 0.0 {
            return Err(WorkflowError::InvalidConfig("weights sum to 0".into()));
        }
        Ok(out)
    }
}

/// Progress 0..=1 from phase states and opportunity counts: complete phases count fully,
/// pending ones not at all; a running (or failed) `scrape_content` counts the share of
/// opportunities past scraping, a running `generate_dossier` the share that are READY
/// (AUDITING counts half); other running phases count 0 until complete.
///
/// ```
/// use phonestorm_core::workflow::{progress, Phase, PhaseState, PhaseStatus::*, OpportunityCounts, ProgressConfig};
/// let phases: Vec<PhaseState> = Phase::ALL.iter().enumerate().map(|(i, p)| PhaseState {
///     name: *p, status: if i < 3 { Complete } else if i == 3 { Running } else { Pending } }).collect();
/// let counts = OpportunityCounts { scraping: 5, data_ready: 5, ..Default::default() };
/// assert_eq!(progress(&phases, &counts, &ProgressConfig::default()).unwrap(), 0.45);
/// ```
pub fn progress(
    phases: &[PhaseState],
    counts: &OpportunityCounts,
    config: &ProgressConfig,
) -> Result<f64, WorkflowError> {
    let w = config.resolved()?;
    let total = counts.total();
    let share = |n: f64| {
        if total > 0.0 {
            (n / total).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let mut done = 0.0;
    for st in phases {
        let weight = w[st.name.index()];
        let frac = match st.status {
            PhaseStatus::Pending => 0.0,
            PhaseStatus::Complete => 1.0,
            PhaseStatus::Running | PhaseStatus::Error => match st.name {
                Phase::ScrapeContent => share(
                    f64::from(counts.data_ready)
                        + f64::from(counts.auditing)
                        + f64::from(counts.ready)
                        + f64::from(counts.contacted),
                ),
                Phase::GenerateDossier => share(
                    f64::from(counts.auditing) * 0.5
                        + f64::from(counts.ready)
                        + f64::from(counts.contacted),
                ),
                _ => 0.0,
            },
        };
        done += weight * frac;
    }
    Ok((done / w.iter().sum::<f64>()).clamp(0.0, 1.0))
}

/// Final status of a run (`workflowStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowStatus {
    /// Still running.
    Running,
    /// All phases complete.
    Completed,
    /// Gave up after an error.
    Failed,
    /// Cancelled by the user.
    Cancelled,
}

/// Something that happened in a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum FlowEvent {
    /// A phase starts (all earlier phases must be complete).
    StartPhase {
        /// Which phase.
        phase: Phase,
    },
    /// The running phase completes.
    CompletePhase {
        /// Which phase.
        phase: Phase,
    },
    /// The running phase fails.
    FailPhase {
        /// Which phase.
        phase: Phase,
    },
    /// A failed phase is retried.
    RetryPhase {
        /// Which phase.
        phase: Phase,
    },
    /// `persist_leads` saved an opportunity (only while that phase runs).
    AddOpportunity {
        /// Whether it has a website (decides whether SCRAPING is skipped).
        has_website: bool,
    },
    /// An opportunity changes status (after `persist_leads`).
    Opportunity {
        /// Index of the opportunity (order of `AddOpportunity`).
        index: usize,
        /// New status.
        to: OpportunityStatus,
    },
    /// The run ends: `completed` (needs every phase complete), `failed` or `cancelled`.
    Finish {
        /// The final status (not `running`).
        status: FlowStatus,
    },
}

/// A `lead_gen_flow` run that only accepts legal events; its progress never goes down.
///
/// ```
/// use phonestorm_core::workflow::{FlowEvent::*, LeadGenFlow, OpportunityStatus, Phase, ProgressConfig};
/// let mut run = LeadGenFlow::new();
/// for p in [Phase::Source, Phase::FilterRank] {
///     run.apply(&StartPhase { phase: p }).unwrap();
///     run.apply(&CompletePhase { phase: p }).unwrap();
/// }
/// assert!(run.apply(&StartPhase { phase: Phase::ScrapeContent }).is_err());
/// run.apply(&StartPhase { phase: Phase::PersistLeads }).unwrap();
/// run.apply(&AddOpportunity { has_website: false }).unwrap();
/// run.apply(&CompletePhase { phase: Phase::PersistLeads }).unwrap();
/// assert_eq!(run.apply(&Opportunity { index: 0, to: OpportunityStatus::Scraping }).unwrap_err().code(), "illegal_transition");
/// assert_eq!(run.progress(&ProgressConfig::default()).unwrap(), 0.3);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadGenFlow {
    /// Phase states, in order.
    pub phases: Vec<PhaseState>,
    /// Opportunities: status and whether each has a website.
    pub opportunities: Vec<(OpportunityStatus, bool)>,
    /// Run status.
    pub status: FlowStatus,
    /// A UI-friendly description of the last accepted event (seed 001's `lastEvent`).
    pub last_event: Option<String>,
}

impl Default for LeadGenFlow {
    fn default() -> Self {
        Self::new()
    }
}

impl LeadGenFlow {
    /// A new run: every phase pending.
    pub fn new() -> Self {
        LeadGenFlow {
            phases: Phase::ALL
                .iter()
                .map(|p| PhaseState {
                    name: *p,
                    status: PhaseStatus::Pending,
                })
                .collect(),
            opportunities: Vec::new(),
            status: FlowStatus::Running,
            last_event: None,
        }
    }

    fn phase_status(&self, p: Phase) -> PhaseStatus {
        self.phases
            .get(p.index())
            .map(|s| s.status)
            .unwrap_or(PhaseStatus::Pending)
    }

    fn set(&mut self, p: Phase, s: PhaseStatus) {
        if let Some(st) = self.phases.get_mut(p.index()) {
            st.status = s;
        }
    }

    /// Counts of the opportunities by status.
    pub fn counts(&self) -> OpportunityCounts {
        OpportunityCounts::of(self.opportunities.iter().map(|o| o.0))
    }

    /// Progress 0..=1 (see [`progress`]).
    pub fn progress(&self, config: &ProgressConfig) -> Result<f64, WorkflowError> {
        progress(&self.phases, &self.counts(), config)
    }

    /// Applies an event, or refuses it with a typed error and leaves the run unchanged.
    pub fn apply(&mut self, event: &FlowEvent) -> Result<(), WorkflowError> {
        let illegal = |m: String| Err(WorkflowError::IllegalPhase(m));
        if self.status != FlowStatus::Running {
            return illegal(format!("run is {:?}", self.status));
        }
        let msg = match *event {
            FlowEvent::StartPhase { phase } => {
                if self.phase_status(phase) != PhaseStatus::Pending {
                    return illegal(format!("{} is not pending", phase.as_str()));
                }
                if Phase::ALL[..phase.index()]
                    .iter()
                    .any(|p| self.phase_status(*p) != PhaseStatus::Complete)
                {
                    return illegal(format!(
                        "{} started before earlier phases completed",
                        phase.as_str()
                    ));
                }
                self.set(phase, PhaseStatus::Running);
                format!("{} started", phase.as_str())
            }
            FlowEvent::CompletePhase { phase } | FlowEvent::FailPhase { phase } => {
                if self.phase_status(phase) != PhaseStatus::Running {
                    return illegal(format!("{} is not running", phase.as_str()));
                }
                let complete = matches!(event, FlowEvent::CompletePhase { .. });
                self.set(
                    phase,
                    if complete {
                        PhaseStatus::Complete
                    } else {
                        PhaseStatus::Error
                    },
                );
                format!(
                    "{} {}",
                    phase.as_str(),
                    if complete { "complete" } else { "failed" }
                )
            }
            FlowEvent::RetryPhase { phase } => {
                if self.phase_status(phase) != PhaseStatus::Error {
                    return illegal(format!("{} has not failed", phase.as_str()));
                }
                self.set(phase, PhaseStatus::Running);
                format!("{} retried", phase.as_str())
            }
            FlowEvent::AddOpportunity { has_website } => {
                if self.phase_status(Phase::PersistLeads) != PhaseStatus::Running {
                    return illegal("opportunities are only added during persist_leads".into());
                }
                self.opportunities
                    .push((OpportunityStatus::Sourced, has_website));
                format!("opportunity {} sourced", self.opportunities.len() - 1)
            }
            FlowEvent::Opportunity { index, to } => {
                if self.phase_status(Phase::PersistLeads) != PhaseStatus::Complete {
                    return illegal("opportunities change status after persist_leads".into());
                }
                let (from, web) = *self
                    .opportunities
                    .get(index)
                    .ok_or(WorkflowError::UnknownOpportunity(index))?;
                let to = transition(from, to, web)?;
                self.opportunities[index].0 = to;
                format!("opportunity {index} {to}")
            }
            FlowEvent::Finish { status } => {
                match status {
                    FlowStatus::Running => return illegal("finish needs a final status".into()),
                    FlowStatus::Completed
                        if self
                            .phases
                            .iter()
                            .any(|p| p.status != PhaseStatus::Complete) =>
                    {
                        return illegal("completed before every phase completed".into());
                    }
                    _ => {}
                }
                self.status = status;
                format!("run {status:?}").to_lowercase()
            }
        };
        self.last_event = Some(msg);
        Ok(())
    }
}
