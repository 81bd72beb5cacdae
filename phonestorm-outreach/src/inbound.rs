//! Inbound replies (seed 002 §4F): contact lookup, opt-out first and durably with the one
//! confirmation, intent (LLM with keyword fallback) and sentiment, the decision table, human
//! handoff and auto-replies to questions.
//!
//! Decision table (seed 002 §4F):
//! - opt-out → ledger row committed, campaigns cancelled, one confirmation;
//! - `interested` or sentiment > 0.5 → human handoff (flag, status `interested`, touches
//!   cancelled, notification with history);
//! - `question` → LLM auto-reply (2–3 sentences, cleaned, footer, gate);
//! - `not_interested` → status `cold`, campaign stopped;
//! - any reply cancels the remaining touches (issue 7: "cancellation on reply").

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::drip::{Engine, secs};
use crate::error::OutreachError;
use crate::gate::{Decision, Purpose};
use crate::model::*;
use crate::notify::Handoff;
use crate::sms::{SendOutcome, compose_sms_text};
use phonestorm_core::reply::{self as core_reply, Action};

/// One inbound message, from a verified webhook or a parsed email.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboundMessage {
    /// Channel.
    pub channel: Channel,
    /// Sender: E.164 phone or email.
    pub from: String,
    /// Text.
    pub body: String,
    /// Provider id (Twilio `MessageSid`, `Message-ID`): a redelivered webhook is ignored.
    pub provider_id: Option<String>,
}

/// What was done with an inbound message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum InboundAction {
    /// Sender unknown: logged nowhere (no contact to attach it to).
    UnknownSender,
    /// The same provider id was processed before.
    Duplicate,
    /// Opt-out recorded; `confirmation_sent` tells whether the one confirmation went out.
    OptedOut {
        /// Confirmation sent now.
        confirmation_sent: bool,
    },
    /// Handed to a human.
    Escalated,
    /// Answered automatically.
    AutoReplied {
        /// The reply.
        reply: String,
    },
    /// Marked cold.
    MarkedCold,
    /// Logged; a human owns the conversation already, or the intent was unknown.
    Logged,
}

/// Result of processing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboundOutcome {
    /// Contact.
    pub contact_id: Option<i64>,
    /// Intent.
    pub intent: Option<Intent>,
    /// Sentiment.
    pub sentiment: Option<f64>,
    /// Action.
    pub action: InboundAction,
}

impl Engine {
    /// Processes one inbound message.
    pub async fn handle_inbound(
        &self,
        msg: &InboundMessage,
        now: Timestamp,
    ) -> Result<InboundOutcome, OutreachError> {
        let from = msg.from.trim().to_lowercase();
        let contacts = match msg.channel {
            Channel::Sms => self.store.contacts_by_phone(&from).await?,
            Channel::Email => self.store.contacts_by_email(&from).await?,
        };
        let contact = contacts.first().cloned();

        // 1. Opt-out first, durably, before anything else (even for unknown senders): the
        // core's keyword rules, never a model.
        let keyword_class = core_reply::classify(&msg.body, &self.config.reply);
        if core_reply::decide(&keyword_class, &self.config.reply.decision) == Action::ProcessOptOut
        {
            let source = match msg.channel {
                Channel::Sms => "sms_keyword",
                Channel::Email => "email_reply",
            };
            self.commit_opt_out(msg, &from, source, contact.as_ref().map(|c| c.id), now)
                .await?;
            self.at("opt_out_committed");
            if let Some(c) = &contact {
                let mut comm = NewCommunication::new(
                    c.id,
                    Direction::Inbound,
                    msg.channel,
                    msg.body.clone(),
                    CommStatus::Received,
                    secs(now),
                );
                comm.intent = Some(Intent::OptOut);
                comm.provider_id = msg.provider_id.clone();
                self.store.log_communication(&comm).await?;
                self.append_history(
                    c.id,
                    Direction::Inbound,
                    msg.channel,
                    &msg.body,
                    Some(Intent::OptOut),
                    now,
                )
                .await?;
            }
            let sent = self.send_pending_confirmations(now).await? > 0;
            return Ok(InboundOutcome {
                contact_id: contact.map(|c| c.id),
                intent: Some(Intent::OptOut),
                sentiment: None,
                action: InboundAction::OptedOut {
                    confirmation_sent: sent,
                },
            });
        }

        let Some(contact) = contact else {
            return Ok(InboundOutcome {
                contact_id: None,
                intent: None,
                sentiment: None,
                action: InboundAction::UnknownSender,
            });
        };
        if let Some(pid) = &msg.provider_id {
            let seen = self
                .store
                .communications(contact.id)
                .await?
                .iter()
                .any(|c| {
                    c.fields.direction == Direction::Inbound
                        && c.fields.provider_id.as_deref() == Some(pid)
                });
            if seen {
                // A redelivered webhook is the provider retrying after no answer: if the
                // first delivery committed an opt-out and died before confirming it (the
                // model-read path logs the message before committing), confirm it now.
                self.send_pending_confirmations(now).await?;
                return Ok(InboundOutcome {
                    contact_id: Some(contact.id),
                    intent: None,
                    sentiment: None,
                    action: InboundAction::Duplicate,
                });
            }
        }

        // 2. Intent and sentiment.
        let class = self.llm.classify(&msg.body).await?;
        let sentiment = keyword_class.sentiment;
        let mut comm = NewCommunication::new(
            contact.id,
            Direction::Inbound,
            msg.channel,
            msg.body.clone(),
            CommStatus::Received,
            secs(now),
        );
        comm.intent = Some(class.intent);
        comm.sentiment_score = Some(sentiment);
        comm.provider_id = msg.provider_id.clone();
        if let Some(e) = self.store.enrollments_for_contact(contact.id).await?.last() {
            comm.campaign_id = Some(e.campaign_id);
            comm.enrollment_id = Some(e.id);
        }
        self.store.log_communication(&comm).await?;
        let conv = self
            .append_history(
                contact.id,
                Direction::Inbound,
                msg.channel,
                &msg.body,
                Some(class.intent),
                now,
            )
            .await?;
        let out = |action| InboundOutcome {
            contact_id: Some(contact.id),
            intent: Some(class.intent),
            sentiment: Some(sentiment),
            action,
        };

        // Any reply stops the automatic sequence.
        self.store
            .cancel_enrollments(contact.id, "replied", secs(now))
            .await?;
        let prev = self.store.lead_status(contact.id).await?;
        let set_status = |status: LeadStatus| {
            let store = self.store.clone();
            let prev = prev.clone();
            let id = contact.id;
            async move {
                store
                    .set_lead_status(&LeadStatusRecord {
                        contact_id: id,
                        status,
                        last_contact_at: Some(secs(now)),
                        assigned_to: prev.as_ref().and_then(|p| p.assigned_to.clone()),
                        deal_value_cents: prev.as_ref().and_then(|p| p.deal_value_cents),
                        updated_at: secs(now),
                    })
                    .await
            }
        };

        if conv.human_takeover && class.intent != Intent::OptOut {
            return Ok(out(InboundAction::Logged));
        }

        // 3. The core's decision table, on the model's (or fallback's) intent, the core's
        // sentiment and keyword family.
        let action = core_reply::decide(
            &core_reply::Classification {
                intent: class.intent.into(),
                keyword: keyword_class.keyword,
                confidence: class.confidence,
                sentiment,
                evidence: Vec::new(),
            },
            &self.config.reply.decision,
        );
        if action == Action::Escalate {
            self.store.handoff(contact.id, secs(now)).await?;
            let reason = if class.intent == Intent::Interested {
                "interested"
            } else {
                "positive_sentiment"
            };
            let handoff = Handoff {
                contact: contact.clone(),
                reason: reason.into(),
                history: conv.history.clone(),
                dashboard_url: self
                    .config
                    .dashboard_url
                    .as_ref()
                    .map(|u| format!("{u}{}", contact.id)),
            };
            if let Err(e) = self.notifier.notify(&handoff).await {
                // The handoff is recorded; the host can re-notify from the flag.
                tracing::warn!("handoff notification failed: {e}");
            }
            return Ok(out(InboundAction::Escalated));
        }
        match action {
            Action::AutoReply => {
                set_status(LeadStatus::Replied).await?;
                let reply = self.llm.reply(&conv.history, &msg.body).await?;
                let body = match msg.channel {
                    Channel::Sms => compose_sms_text(&reply, &self.config.sms),
                    Channel::Email => self.compose_email_text("Re: your property", &reply),
                };
                let body = match body {
                    Ok(b) => b,
                    Err(e) => {
                        // Too long for one SMS and the like: nothing automatic goes out.
                        tracing::warn!("auto-reply not composed: {e}");
                        return Ok(out(InboundAction::Logged));
                    }
                };
                let (decision, address) = self
                    .gate_check(&contact, msg.channel, Purpose::Reply, None, None, now)
                    .await?;
                if decision != Decision::Allow {
                    return Ok(out(InboundAction::Logged));
                }
                let comm = NewCommunication::new(
                    contact.id,
                    Direction::Outbound,
                    msg.channel,
                    body.clone(),
                    CommStatus::Pending,
                    secs(now),
                );
                let (_, outcome) = self
                    .send_logged(comm, &address, Some("Re: your property"), now)
                    .await?;
                if matches!(outcome, SendOutcome::Accepted { .. }) {
                    self.append_history(
                        contact.id,
                        Direction::Outbound,
                        msg.channel,
                        &body,
                        None,
                        now,
                    )
                    .await?;
                }
                Ok(out(InboundAction::AutoReplied { reply: body }))
            }
            Action::MarkCold => {
                set_status(LeadStatus::Cold).await?;
                let mut st = conv.clone();
                st.current_state = "closed".into();
                self.store.save_conversation(&st).await?;
                Ok(out(InboundAction::MarkedCold))
            }
            // Only the model (not the core's keywords, handled above) read an opt-out. The
            // FCC's 2024 revocation rule (47 CFR 64.1200(a)(10)) lets a consumer revoke
            // consent "by any reasonable means", not only by keyword, so it is honoured the
            // same way: durably in the ledger first (status, touches and conversation follow
            // in the same transaction), then the one confirmation.
            Action::ProcessOptOut => {
                let source = match msg.channel {
                    Channel::Sms => "sms_llm",
                    Channel::Email => "email_llm",
                };
                self.commit_opt_out(msg, &from, source, Some(contact.id), now)
                    .await?;
                let sent = self.send_pending_confirmations(now).await? > 0;
                Ok(out(InboundAction::OptedOut {
                    confirmation_sent: sent,
                }))
            }
            // None, SendHelp, ProcessOptIn: logged for a human.
            _ => {
                set_status(LeadStatus::Replied).await?;
                Ok(out(InboundAction::Logged))
            }
        }
    }

    /// Writes an opt-out to the permanent ledger (once per address) and marks the point
    /// where it is durable; the store's transaction also cancels the contact's touches and
    /// sets its status to `opt_out`. Called before anything acknowledges the opt-out.
    async fn commit_opt_out(
        &self,
        msg: &InboundMessage,
        from: &str,
        source: &str,
        contact_id: Option<i64>,
        now: Timestamp,
    ) -> Result<(), OutreachError> {
        if !self.store.is_opted_out(from).await? {
            self.store
                .record_opt_out(&NewOptOut {
                    address: from.to_owned(),
                    channel: msg.channel,
                    source: source.to_owned(),
                    raw_message: Some(msg.body.clone()),
                    contact_id,
                    received_at: secs(now),
                })
                .await?;
        }
        self.at("opt_out_committed");
        Ok(())
    }

    /// Sends the one confirmation for ledger rows that have none yet and are within the
    /// confirmation window (also the recovery path after a crash between recording an opt-out
    /// and confirming it). The row is marked before sending, so a confirmation is never sent
    /// twice. Returns how many were sent.
    pub async fn send_pending_confirmations(&self, now: Timestamp) -> Result<usize, OutreachError> {
        let mut n = 0;
        for o in self.store.pending_confirmations().await? {
            if secs(now) - o.fields.received_at > self.config.confirmation_window_secs {
                continue;
            }
            if !self.store.mark_confirmation_sent(o.id, secs(now)).await? {
                continue;
            }
            self.at("confirmation_marked");
            let body = self.config.opt_out_confirmation.clone();
            let outcome = self
                .deliver(
                    o.fields.channel,
                    &o.fields.address,
                    Some("Unsubscribed"),
                    &body,
                )
                .await?;
            if let Some(cid) = o.fields.contact_id {
                let mut comm = NewCommunication::new(
                    cid,
                    Direction::Outbound,
                    o.fields.channel,
                    body,
                    CommStatus::Sent,
                    secs(now),
                );
                if let SendOutcome::Accepted {
                    provider_id,
                    status,
                    ..
                } = &outcome
                {
                    comm.provider_id = Some(provider_id.clone());
                    comm.status = *status;
                } else {
                    comm.status = CommStatus::Failed;
                }
                comm.idempotency_key = Some(format!("optout_confirmation:{}", o.id));
                self.store.log_communication(&comm).await?;
            }
            if matches!(outcome, SendOutcome::Accepted { .. }) {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Applies a Twilio status callback; error 21610 records an opt-out.
    pub async fn handle_status(
        &self,
        st: &crate::sms::TwilioStatus,
        now: Timestamp,
    ) -> Result<bool, OutreachError> {
        let found = self
            .store
            .update_status_by_provider_id(
                &st.message_sid,
                st.status,
                st.error_code.as_deref(),
                secs(now),
            )
            .await?;
        Ok(found)
    }
}
