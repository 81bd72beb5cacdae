//! The drip engine (seed 002 §4E): enrolment, `not_started → touch_1_sent → … → completed`,
//! next-touch scheduling from the campaign schedule and the compliance gate's Defer,
//! pause/resume, cancellation, message preview, and [`Engine::run_touch`] with an idempotency
//! key per touch so a retried task never sends twice.
//!
//! The host's scheduler (Celery beat, Convex cron) calls [`Engine::due_touches`] and runs each
//! returned enrolment with [`Engine::run_touch`]; running a touch twice is harmless.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::dnc::DncSet;
use crate::email::{EmailSender, OutgoingEmail};
use crate::error::OutreachError;
use crate::gate::{Decision, Gate, GateInput, Purpose, SentMessage};
use crate::llm::Llm;
use crate::model::*;
use crate::notify::Notifier;
use crate::sms::{SendOutcome, SmsSender, compose_sms_text};
use crate::store::Store;

/// Engine settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineConfig {
    /// Name used in templates as `{sender_name}`.
    pub sender_name: String,
    /// Postal address appended to emails (CAN-SPAM, 15 U.S.C. 7704(a)(5)).
    pub postal_address: String,
    /// The core's SMS composition settings (footer, 160 characters, segments).
    pub sms: phonestorm_core::message::SmsConfig,
    /// The one opt-out confirmation (FCC 24-24: no marketing).
    pub opt_out_confirmation: String,
    /// Send the confirmation only within this many seconds of the opt-out (FCC 24-24
    /// presumes a confirmation within 5 minutes is fine).
    pub confirmation_window_secs: i64,
    /// The core's reply rules: opt-out keywords, intent fallback, sentiment and the seed 002
    /// §4F decision table thresholds (escalate above sentiment 0.5).
    pub reply: phonestorm_core::reply::ReplyConfig,
    /// How many days of sends the engine gives the compliance gate as history (the core's
    /// caps look back at most this far; its per-campaign touch cap over a 14–21 day drip).
    pub gate_history_days: i64,
    /// Dashboard link prefix for handoffs (`{contact_id}` appended).
    pub dashboard_url: Option<String>,
    /// Default market context for `{market_context}`.
    pub market_context: BTreeMap<String, String>,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            sender_name: "Sam".into(),
            postal_address: "PO Box 0000, Orlando, FL 32801".into(),
            sms: phonestorm_core::message::SmsConfig::default(),
            opt_out_confirmation: "You're unsubscribed and will get no more messages from us."
                .into(),
            confirmation_window_secs: 300,
            reply: phonestorm_core::reply::ReplyConfig::default(),
            gate_history_days: 60,
            dashboard_url: None,
            market_context: BTreeMap::new(),
        }
    }
}

/// The outreach engine: store, channels, gate, LLM, notifier.
#[derive(Clone)]
pub struct Engine {
    /// CRM store.
    pub store: Arc<dyn Store>,
    /// SMS channel.
    pub sms: Arc<dyn SmsSender>,
    /// Email channel.
    pub email: Option<Arc<dyn EmailSender>>,
    /// Compliance gate.
    pub gate: Arc<dyn Gate>,
    /// National DNC registry copy.
    pub dnc: Option<Arc<DncSet>>,
    /// Language model (wrap in [`crate::llm::WithFallback`]).
    pub llm: Arc<dyn Llm>,
    /// Handoff notifications.
    pub notifier: Arc<dyn Notifier>,
    /// Settings.
    pub config: EngineConfig,
    /// Test hook called at named points (`opt_out_committed`, …); `None` in production.
    pub hook: Option<Hook>,
}

/// A test hook called at named points of processing.
pub type Hook = Arc<dyn Fn(&str) + Send + Sync>;

/// What a touch run did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum TouchOutcome {
    /// Sent; the communication id.
    Sent {
        /// Communication.
        communication_id: i64,
    },
    /// The touch had been claimed by an earlier run; nothing sent.
    AlreadySent,
    /// Not due yet, paused or finished.
    Skipped {
        /// Why.
        reason: String,
    },
    /// Gate said later; rescheduled.
    Deferred {
        /// New due time.
        until: i64,
        /// Why.
        reason: String,
    },
    /// Gate said never; enrolment cancelled.
    Denied {
        /// Why.
        reason: String,
    },
    /// Provider failed; `retryable` failures leave the touch due.
    Failed {
        /// Provider code.
        code: String,
        /// Worth retrying.
        retryable: bool,
    },
}

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    /// Channel.
    pub channel: Channel,
    /// Email subject.
    pub subject: Option<String>,
    /// Body as it would be sent (with footer).
    pub body: String,
    /// Template.
    pub template_id: i64,
}

/// Strict variable injection with the core's templates (`phonestorm_core::message::render`):
/// `{name}` must be known and non-empty; whitespace is collapsed.
pub fn render(template: &str, vars: &BTreeMap<&str, String>) -> Result<String, OutreachError> {
    let vars: BTreeMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    let out = phonestorm_core::message::render(template, &vars)
        .map_err(|e| OutreachError::Invalid(format!("template {}: {e}", e.code())))?;
    Ok(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl Engine {
    /// Composes an email with the core's CAN-SPAM footer (sender, postal address,
    /// unsubscribe line) and word limit.
    pub(crate) fn compose_email_text(
        &self,
        subject: &str,
        body: &str,
    ) -> Result<String, OutreachError> {
        let footer = phonestorm_core::message::CanSpamFooter {
            sender_name: self.config.sender_name.clone(),
            postal_address: self.config.postal_address.clone(),
            unsubscribe_url: None,
        };
        phonestorm_core::message::compose_email(
            subject,
            body,
            &footer,
            phonestorm_core::message::DEFAULT_EMAIL_MAX_WORDS,
        )
        .map(|e| e.text)
        .map_err(|e| OutreachError::Invalid(format!("email {}: {e}", e.code())))
    }
}

pub(crate) fn secs(t: Timestamp) -> i64 {
    t.as_second()
}

impl Engine {
    pub(crate) fn at(&self, point: &str) {
        if let Some(h) = &self.hook {
            h(point);
        }
    }

    /// Enrols a contact; the first touch is due `touches[0].day` days from now.
    pub async fn enroll(
        &self,
        contact_id: i64,
        campaign_id: i64,
        now: Timestamp,
    ) -> Result<Enrollment, OutreachError> {
        let c = self.store.campaign(campaign_id).await?;
        let contact = self.store.contact(contact_id).await?;
        if contact.opt_out {
            return Err(OutreachError::Denied(format!(
                "contact {contact_id} opted out"
            )));
        }
        let first = c
            .fields
            .schedule
            .touches
            .first()
            .map_or(0, |t| i64::from(t.day));
        self.store
            .enroll(
                contact_id,
                campaign_id,
                secs(now) + first * 86_400,
                secs(now),
            )
            .await
    }

    /// Enrols many contacts; returns each result in order.
    pub async fn enroll_batch(
        &self,
        contact_ids: &[i64],
        campaign_id: i64,
        now: Timestamp,
    ) -> Vec<Result<Enrollment, OutreachError>> {
        let mut out = Vec::with_capacity(contact_ids.len());
        for id in contact_ids {
            out.push(self.enroll(*id, campaign_id, now).await);
        }
        out
    }

    /// Enrolments whose next touch is due.
    pub async fn due_touches(
        &self,
        now: Timestamp,
        limit: i64,
    ) -> Result<Vec<Enrollment>, OutreachError> {
        self.store.due_enrollments(secs(now), limit).await
    }

    /// Pauses one enrolment.
    pub async fn pause(&self, enrollment_id: i64, now: Timestamp) -> Result<(), OutreachError> {
        self.store
            .set_enrollment_paused(enrollment_id, true, secs(now))
            .await
    }

    /// Resumes one enrolment.
    pub async fn resume(&self, enrollment_id: i64, now: Timestamp) -> Result<(), OutreachError> {
        self.store
            .set_enrollment_paused(enrollment_id, false, secs(now))
            .await
    }

    fn vars(&self, contact: &Contact) -> BTreeMap<&'static str, String> {
        let mut v = BTreeMap::new();
        v.insert(
            "owner_name",
            contact
                .fields
                .owner_name
                .clone()
                .unwrap_or_else(|| "there".into()),
        );
        v.insert("sender_name", self.config.sender_name.clone());
        let market = contact.fields.market.clone().unwrap_or_default();
        v.insert(
            "market_context",
            self.config
                .market_context
                .get(&market)
                .cloned()
                .unwrap_or_default(),
        );
        v.insert("market", market);
        v.insert(
            "parcel_id",
            contact.fields.parcel_id.clone().unwrap_or_default(),
        );
        v
    }

    /// Renders touch `touch_index` (0-based) of a campaign for a contact, as it would be sent.
    pub async fn preview(
        &self,
        contact_id: i64,
        campaign_id: i64,
        touch_index: usize,
    ) -> Result<Preview, OutreachError> {
        let contact = self.store.contact(contact_id).await?;
        let campaign = self.store.campaign(campaign_id).await?;
        let spec = campaign
            .fields
            .schedule
            .touches
            .get(touch_index)
            .ok_or_else(|| OutreachError::NotFound(format!("touch {touch_index}")))?;
        let t = self.store.template(&spec.template).await?;
        let vars = self.vars(&contact);
        let body = render(&t.body, &vars)?;
        let (subject, body) = match spec.channel {
            Channel::Sms => (None, compose_sms_text(&body, &self.config.sms)?),
            Channel::Email => {
                let subject = render(t.subject.as_deref().unwrap_or("About your property"), &vars)?;
                let body = self.compose_email_text(&subject, &body)?;
                (Some(subject), body)
            }
        };
        Ok(Preview {
            channel: spec.channel,
            subject,
            body,
            template_id: t.id,
        })
    }

    fn on_dnc(&self, address: &str) -> bool {
        self.dnc.as_ref().is_some_and(|d| d.contains_e164(address))
    }

    /// Asks the gate about one message to a contact: gathers the opt-out ledger, the DNC hit,
    /// the recent sends to the contact and (manual SMS) the user's recent manual sends from the
    /// store, and hands them to [`Engine::gate`] (by default the core's rules).
    pub async fn gate_check(
        &self,
        contact: &Contact,
        channel: Channel,
        purpose: Purpose,
        campaign_id: Option<i64>,
        user: Option<&str>,
        now: Timestamp,
    ) -> Result<(Decision, String), OutreachError> {
        let address = match channel {
            Channel::Sms => contact.fields.phone.clone(),
            Channel::Email => contact.fields.email.clone(),
        }
        .ok_or_else(|| {
            OutreachError::Invalid(format!(
                "contact {} has no {}",
                contact.id,
                channel.as_str()
            ))
        })?;
        let since = secs(now) - self.config.gate_history_days.max(1) * 86_400;
        let mut recent: Vec<SentMessage> = self
            .store
            .outbound_since(contact.id, since)
            .await?
            .into_iter()
            .map(|c| SentMessage {
                at: c.fields.created_at,
                channel: c.fields.channel,
                campaign_id: c.fields.campaign_id,
                sent_by: c.fields.sent_by,
                to_recipient: true,
            })
            .collect();
        if let Some(user) = user {
            recent.extend(
                self.store
                    .manual_since(user, since)
                    .await?
                    .into_iter()
                    .filter(|c| c.fields.contact_id != contact.id)
                    .map(|c| SentMessage {
                        at: c.fields.created_at,
                        channel: c.fields.channel,
                        campaign_id: c.fields.campaign_id,
                        sent_by: c.fields.sent_by,
                        to_recipient: false,
                    }),
            );
        }
        let input = GateInput {
            channel,
            opt_outs: self
                .store
                .opt_outs(&address)
                .await?
                .iter()
                .map(|o| o.fields.received_at)
                .collect(),
            contact_opted_out: contact.opt_out,
            on_dnc: channel == Channel::Sms && self.on_dnc(&address),
            recent,
            campaign_id,
            user: user.map(str::to_owned),
            state: None,
            purpose,
            address: address.clone(),
        };
        Ok((self.gate.check(&input, now), address))
    }

    /// Hands a message to its channel.
    pub(crate) async fn deliver(
        &self,
        channel: Channel,
        address: &str,
        subject: Option<&str>,
        body: &str,
    ) -> Result<SendOutcome, OutreachError> {
        match channel {
            Channel::Sms => self.sms.send_sms(address, body).await,
            Channel::Email => match &self.email {
                Some(e) => {
                    e.send_email(&OutgoingEmail {
                        to: address.into(),
                        subject: subject.unwrap_or("About your property").into(),
                        body: body.into(),
                    })
                    .await
                }
                None => Ok(SendOutcome::Permanent {
                    code: "no_email_channel".into(),
                    message: "no EmailSender configured".into(),
                }),
            },
        }
    }

    /// Claims, sends and records one outbound message (the communication row exists, status
    /// `pending`, before the provider is called). Returns the outcome and the row id.
    pub(crate) async fn send_logged(
        &self,
        mut comm: NewCommunication,
        address: &str,
        subject: Option<&str>,
        now: Timestamp,
    ) -> Result<(Option<i64>, SendOutcome), OutreachError> {
        comm.status = CommStatus::Pending;
        let claimed = match &comm.idempotency_key {
            Some(_) => self.store.claim_send(&comm).await?,
            None => Some(self.store.log_communication(&comm).await?),
        };
        let Some(row) = claimed else {
            return Ok((
                None,
                SendOutcome::Permanent {
                    code: "already_sent".into(),
                    message: String::new(),
                },
            ));
        };
        let outcome = self
            .deliver(comm.channel, address, subject, &comm.body)
            .await?;
        match &outcome {
            SendOutcome::Accepted {
                provider_id,
                status,
                cost_micros,
            } => {
                self.store
                    .update_communication(
                        row.id,
                        *status,
                        Some(provider_id),
                        None,
                        Some(secs(now)),
                        *cost_micros,
                    )
                    .await?;
            }
            SendOutcome::OptedOut { code } => {
                self.store
                    .update_communication(row.id, CommStatus::Failed, None, Some(code), None, 0)
                    .await?;
                self.store
                    .record_opt_out(&NewOptOut {
                        address: address.into(),
                        channel: comm.channel,
                        source: format!("provider_{code}"),
                        raw_message: None,
                        contact_id: Some(comm.contact_id),
                        received_at: secs(now),
                    })
                    .await?;
            }
            SendOutcome::Permanent { code, .. } => {
                self.store
                    .update_communication(row.id, CommStatus::Failed, None, Some(code), None, 0)
                    .await?;
            }
            SendOutcome::Retry { code, .. } => {
                // Free the idempotency key so the retried task can claim it again.
                self.store
                    .update_communication(row.id, CommStatus::Failed, None, Some(code), None, 0)
                    .await?;
                if let Some(k) = &comm.idempotency_key {
                    self.store.release_key(k, row.id).await?;
                }
            }
        }
        Ok((Some(row.id), outcome))
    }

    /// Runs the due touch of an enrolment. Safe to call twice or concurrently: the touch's
    /// idempotency key `touch:{enrollment}:{n}` is claimed in the store before sending.
    pub async fn run_touch(
        &self,
        enrollment_id: i64,
        now: Timestamp,
    ) -> Result<TouchOutcome, OutreachError> {
        let e = self.store.enrollment(enrollment_id).await?;
        let skip = |r: &str| Ok(TouchOutcome::Skipped { reason: r.into() });
        if e.is_finished() {
            return skip(&e.state);
        }
        if e.paused {
            return skip("paused");
        }
        match e.next_due_at {
            Some(d) if d <= secs(now) => {}
            _ => return skip("not_due"),
        }
        let campaign = self.store.campaign(e.campaign_id).await?;
        if !campaign.active {
            return skip("campaign_paused");
        }
        let touches = &campaign.fields.schedule.touches;
        let idx = usize::try_from(e.next_touch).unwrap_or(usize::MAX);
        let Some(spec) = touches.get(idx) else {
            self.store
                .advance_enrollment(
                    e.id,
                    e.next_touch,
                    "completed",
                    e.next_touch,
                    None,
                    secs(now),
                )
                .await?;
            return skip("completed");
        };
        let contact = self.store.contact(e.contact_id).await?;
        if let Some(conv) = self.store.conversation(contact.id).await? {
            if conv.human_takeover {
                self.store
                    .cancel_enrollments(contact.id, "human_takeover", secs(now))
                    .await?;
                return Ok(TouchOutcome::Denied {
                    reason: "human_takeover".into(),
                });
            }
        }
        let key = format!("touch:{}:{}", e.id, e.next_touch + 1);
        let next_state = format!("touch_{}_sent", e.next_touch + 1);
        let next_due = touches
            .get(idx + 1)
            .map(|t| e.enrolled_at + i64::from(t.day) * 86_400);
        let advance = |this: &Self| {
            let store = this.store.clone();
            let (id, nt) = (e.id, e.next_touch);
            let state = if next_due.is_some() {
                next_state.clone()
            } else {
                "completed".to_owned()
            };
            async move {
                store
                    .advance_enrollment(id, nt, &state, nt + 1, next_due, secs(now))
                    .await
            }
        };
        if self.store.communication_by_key(&key).await?.is_some() {
            advance(self).await?;
            return Ok(TouchOutcome::AlreadySent);
        }
        let (decision, address) = match self
            .gate_check(
                &contact,
                spec.channel,
                Purpose::CampaignTouch,
                Some(campaign.id),
                None,
                now,
            )
            .await
        {
            Ok(x) => x,
            Err(OutreachError::Invalid(m)) => {
                self.store
                    .cancel_enrollments(contact.id, "no_address", secs(now))
                    .await?;
                return Ok(TouchOutcome::Denied { reason: m });
            }
            Err(err) => return Err(err),
        };
        match decision {
            Decision::Allow => {}
            Decision::Defer { until, reason } => {
                self.store.defer_enrollment(e.id, until, secs(now)).await?;
                return Ok(TouchOutcome::Deferred { until, reason });
            }
            Decision::Deny { reason } => {
                self.store
                    .cancel_enrollments(contact.id, &reason, secs(now))
                    .await?;
                return Ok(TouchOutcome::Denied { reason });
            }
        }
        let p = self.preview(contact.id, campaign.id, idx).await?;
        let mut comm = NewCommunication::new(
            contact.id,
            Direction::Outbound,
            spec.channel,
            p.body.clone(),
            CommStatus::Pending,
            secs(now),
        );
        comm.campaign_id = Some(campaign.id);
        comm.enrollment_id = Some(e.id);
        comm.touch_number = Some(e.next_touch + 1);
        comm.template_id = Some(p.template_id);
        comm.idempotency_key = Some(key);
        let (id, outcome) = self
            .send_logged(comm, &address, p.subject.as_deref(), now)
            .await?;
        let Some(id) = id else {
            advance(self).await?;
            return Ok(TouchOutcome::AlreadySent);
        };
        match outcome {
            SendOutcome::Accepted { .. } => {
                advance(self).await?;
                let prev = self.store.lead_status(contact.id).await?;
                let status = match prev.as_ref().map(|p| p.status) {
                    None | Some(LeadStatus::New) => LeadStatus::Contacted,
                    Some(s) => s,
                };
                self.store
                    .set_lead_status(&LeadStatusRecord {
                        contact_id: contact.id,
                        status,
                        last_contact_at: Some(secs(now)),
                        assigned_to: prev.as_ref().and_then(|p| p.assigned_to.clone()),
                        deal_value_cents: prev.and_then(|p| p.deal_value_cents),
                        updated_at: secs(now),
                    })
                    .await?;
                self.append_history(
                    contact.id,
                    Direction::Outbound,
                    spec.channel,
                    &p.body,
                    None,
                    now,
                )
                .await?;
                Ok(TouchOutcome::Sent {
                    communication_id: id,
                })
            }
            SendOutcome::OptedOut { code } => Ok(TouchOutcome::Denied {
                reason: format!("provider_{code}"),
            }),
            SendOutcome::Permanent { code, .. } => {
                // This touch cannot be delivered; move on to the next one.
                advance(self).await?;
                Ok(TouchOutcome::Failed {
                    code,
                    retryable: false,
                })
            }
            SendOutcome::Retry { code, .. } => Ok(TouchOutcome::Failed {
                code,
                retryable: true,
            }),
        }
    }

    /// Runs every due touch (for hosts without a task queue, and tests).
    pub async fn run_due(
        &self,
        now: Timestamp,
        limit: i64,
    ) -> Result<Vec<(i64, TouchOutcome)>, OutreachError> {
        let mut out = Vec::new();
        for e in self.due_touches(now, limit).await? {
            out.push((e.id, self.run_touch(e.id, now).await?));
        }
        Ok(out)
    }

    pub(crate) async fn append_history(
        &self,
        contact_id: i64,
        direction: Direction,
        channel: Channel,
        body: &str,
        intent: Option<Intent>,
        now: Timestamp,
    ) -> Result<ConversationState, OutreachError> {
        let mut st = self
            .store
            .conversation(contact_id)
            .await?
            .unwrap_or(ConversationState {
                contact_id,
                current_state: "outreach".into(),
                history: Vec::new(),
                human_takeover: false,
                updated_at: secs(now),
            });
        st.history.push(HistoryEntry {
            at: secs(now),
            direction,
            channel,
            body: body.into(),
            intent,
        });
        st.updated_at = secs(now);
        if direction == Direction::Inbound && st.current_state == "outreach" {
            st.current_state = "engaged".into();
        }
        self.store.save_conversation(&st).await?;
        Ok(st)
    }
}
