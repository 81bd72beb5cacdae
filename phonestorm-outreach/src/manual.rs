//! Manual SMS (seed 000 §8): `POST /sms/send { lead_event_id }` — never automatic, the opt-out
//! line added, stored with status and timestamps, at most 2 per user per day.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::drip::{Engine, secs};
use crate::error::OutreachError;
use crate::gate::{Decision, Purpose};
use crate::model::*;
use crate::sms::{SendOutcome, compose_sms_text};

/// A user's request to text a lead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManualSms {
    /// The LeadEvent's id (seed 000).
    pub lead_event_id: String,
    /// The lead's `lead_phone_e164`.
    pub to_e164: String,
    /// The text (e.g. the portal's suggested SMS).
    pub body: String,
    /// The user sending it.
    pub user: String,
    /// Business name, for a contact created on the fly.
    pub name: Option<String>,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManualSmsResult {
    /// Communication row.
    pub communication_id: i64,
    /// Final status.
    pub status: CommStatus,
    /// Provider id.
    pub provider_id: Option<String>,
    /// The text as sent.
    pub body: String,
}

impl Engine {
    /// Sends a manual SMS. Errors: `Limit` past the core's manual cap (2 per user per rolling 24 h), `Denied` when the
    /// gate refuses (opt-out, DNC, quiet hours — the reason says which).
    pub async fn send_manual_sms(
        &self,
        req: &ManualSms,
        now: Timestamp,
    ) -> Result<ManualSmsResult, OutreachError> {
        let to = phonestorm_core::phone::normalize::normalize(&req.to_e164, "US")
            .map_err(|e| OutreachError::Invalid(format!("phone: {e}")))?
            .e164;
        let contact = match self.store.contacts_by_phone(&to).await?.into_iter().next() {
            Some(c) => c,
            None => {
                self.store
                    .insert_contact(
                        &NewContact {
                            phone: Some(to.clone()),
                            owner_name: req.name.clone(),
                            source: format!("lead_event:{}", req.lead_event_id),
                            confidence: 1.0,
                            ..NewContact::default()
                        },
                        secs(now),
                    )
                    .await?
            }
        };
        let (decision, address) = self
            .gate_check(
                &contact,
                Channel::Sms,
                Purpose::Manual,
                None,
                Some(&req.user),
                now,
            )
            .await?;
        match decision {
            Decision::Allow => {}
            // The core's `per_user_manual_sms` cap (seed 000 §8: 2 per user per day).
            Decision::Defer { until, reason } if reason.contains("cap_per_user_manual_sms") => {
                return Err(OutreachError::Limit(format!(
                    "{} reached the manual SMS cap ({reason}); allowed from {until}",
                    req.user
                )));
            }
            Decision::Defer { until, reason } => {
                return Err(OutreachError::Denied(format!(
                    "{reason}; allowed from {until}"
                )));
            }
            Decision::Deny { reason } => return Err(OutreachError::Denied(reason)),
        }
        let body = compose_sms_text(&req.body, &self.config.sms)?;
        let mut comm = NewCommunication::new(
            contact.id,
            Direction::Outbound,
            Channel::Sms,
            body.clone(),
            CommStatus::Pending,
            secs(now),
        );
        comm.sent_by = Some(req.user.clone());
        comm.lead_event_id = Some(req.lead_event_id.clone());
        let (id, outcome) = self.send_logged(comm, &address, None, now).await?;
        let id = id.ok_or_else(|| OutreachError::Store("manual SMS not logged".into()))?;
        let (status, provider_id) = match outcome {
            SendOutcome::Accepted {
                provider_id,
                status,
                ..
            } => (status, Some(provider_id)),
            SendOutcome::OptedOut { .. } => return Err(OutreachError::Denied("opted_out".into())),
            SendOutcome::Permanent { .. } | SendOutcome::Retry { .. } => (CommStatus::Failed, None),
        };
        Ok(ManualSmsResult {
            communication_id: id,
            status,
            provider_id,
            body,
        })
    }
}
